"""Hide screen, idle wipe, new case and quit: the case disappears only after one confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolBar,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, indicators_on_screen

from signaal.content import Catalog
from signaal.ui.actions import HIDE_SHORTCUT
from signaal.ui.main_window import MainWindow

MARKER = "ZQX-marker-Łukasz-3-maart"


def fill_case(qtbot: QtBot, window: MainWindow) -> str:
    """Answer a few questions with recognisable text; returns the marked indicator id."""
    click(qtbot, find(window, QRadioButton, "acute-no"))
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(34)
    find(window, QLineEdit, "person-initials").insert("K.L.")
    window.navigation.go_to("concerns")
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    window.navigation.go_to("signals")
    case = window.case
    indicator = indicators_on_screen(window.catalog, case)[0]
    click(qtbot, find(window, QRadioButton, f"status-{indicator.id}-seen"))
    find(window, QPlainTextEdit, f"facts-{indicator.id}").setPlainText(MARKER)
    window.navigation.go_to("outcome")
    find(window, QPlainTextEdit, "decision-text").setPlainText(MARKER)
    return indicator.id


def no_text_left(window: MainWindow) -> None:
    """No widget of the window holds case text after a wipe."""
    for editor in window.findChildren(QPlainTextEdit):
        assert MARKER not in editor.toPlainText()
    for line in window.findChildren(QLineEdit):
        assert MARKER not in line.text() and line.text() != "K.L."
    for label in window.findChildren(QLabel):
        assert MARKER not in label.text()
    assert MARKER not in window.windowTitle()


def test_hide_screen_blanks_at_once_and_comes_back(qtbot: QtBot, window: MainWindow) -> None:
    fill_case(qtbot, window)
    window.navigation.go_to("signals")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.hiding.hidden
    assert not window.splitter.isVisible()
    assert not window.findChild(QToolBar, "main-toolbar").isVisible()
    assert not window.menuBar().isVisible()
    cover = find(window, QPushButton, "unhide-button")
    assert cover.isVisible() and cover.hasFocus()
    assert HIDE_SHORTCUT in cover.text()
    # Nothing of the case is visible while hidden.
    for label in window.findChildren(QLabel):
        assert not label.isVisible() or MARKER not in label.text()
    click(qtbot, cover)
    assert not window.hiding.hidden
    assert window.navigation.current_key() == "signals"
    assert window.case.decision.decision == MARKER  # hiding loses nothing


def test_hide_action_is_in_the_toolbar_with_its_shortcut(window: MainWindow) -> None:
    action = window.action_hide
    assert action.objectName() == "action-hide"
    assert action in window.findChild(QToolBar, "main-toolbar").actions()
    assert action.shortcut().toString() == HIDE_SHORTCUT
    assert HIDE_SHORTCUT in action.toolTip()
    action.trigger()
    assert window.hiding.hidden
    action.trigger()
    assert not window.hiding.hidden


def test_idle_wipe_warns_then_wipes(qtbot: QtBot, flow_catalog: Catalog, answers: object) -> None:
    window = MainWindow(flow_catalog, idle_timeout_ms=60_000, idle_warning_ms=250)
    qtbot.addWidget(window)
    window.show()
    fill_case(qtbot, window)
    banner = find(window, QLabel, "idle-warning")
    with qtbot.waitSignal(window.idle.warning, timeout=5000):
        window.idle.set_timeout(1500, 1200)  # shortened: the timer is injectable
    assert banner.isVisible()
    assert window.case.decision.decision == MARKER  # warned, not yet wiped
    with qtbot.waitSignal(window.idle.expired, timeout=5000):
        pass
    assert not window.session.has_answers()
    assert not banner.isVisible()
    assert window.navigation.current_key() == "start"
    assert window.case.observations == []
    no_text_left(window)
    assert (
        "wiped" in window.statusBar().currentMessage()
        or "gewist" in window.statusBar().currentMessage()
    )


def test_activity_after_the_warning_keeps_the_case(
    qtbot: QtBot, flow_catalog: Catalog, answers: object
) -> None:
    window = MainWindow(flow_catalog, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    fill_case(qtbot, window)
    window.idle.set_timeout(60_000, 59_950)
    banner = find(window, QLabel, "idle-warning")
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    # Real input arrives through the native window, as it does from the keyboard.
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Shift)
    assert not banner.isVisible()
    assert window.case.decision.decision == MARKER


def test_new_case_asks_once_and_wipes_everything(
    qtbot: QtBot, window: MainWindow, answers: object
) -> None:
    indicator = fill_case(qtbot, window)
    answers.reply = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    window.findChild(type(window.action_new), "action-new-case").trigger()
    assert answers.asked == ["Nieuwe casus"] or len(answers.asked) == 1  # type: ignore[attr-defined]
    assert window.case.observation(indicator) is not None
    answers.reply = QMessageBox.StandardButton.Yes  # type: ignore[attr-defined]
    old_case = window.case
    window.action_new.trigger()
    assert len(answers.asked) == 2  # type: ignore[attr-defined]
    assert window.case is not old_case
    assert window.case.role == old_case.role  # the professional's role is no case data
    assert window.case.observations == [] and window.case.decision.decision == ""
    assert window.navigation.current_key() == "start"
    assert not any(
        window.navigation.step_done(key) for key in ("start", "who", "signals", "outcome")
    )
    no_text_left(window)
    # Pages come back empty when visited again.
    window.navigation.go_to("signals")
    window.navigation.go_to("outcome")
    no_text_left(window)


def test_new_case_without_answers_does_not_ask(window: MainWindow, answers: object) -> None:
    window.action_new.trigger()
    assert answers.asked == []  # type: ignore[attr-defined]


def test_quit_with_answers_asks_and_no_keeps_everything(
    qtbot: QtBot, window: MainWindow, answers: object
) -> None:
    fill_case(qtbot, window)
    answers.reply = QMessageBox.StandardButton.No  # type: ignore[attr-defined]
    window.action_quit.trigger()
    assert len(answers.asked) == 1  # type: ignore[attr-defined]
    assert window.isVisible()
    assert window.case.decision.decision == MARKER
    answers.reply = QMessageBox.StandardButton.Yes  # type: ignore[attr-defined]
    window.close()
    assert not window.isVisible()
    assert not window.session.has_answers()
    no_text_left(window)


def test_clipboard_owned_by_signaal_is_cleared_on_wipe(
    qtbot: QtBot, window: MainWindow, answers: object
) -> None:
    fill_case(qtbot, window)
    QApplication.clipboard().setText(MARKER)
    window.wiping.wipe()
    assert MARKER not in QApplication.clipboard().text()
