"""A whole case with the keyboard alone: Tab moves in a sensible order, Space and keys answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from signaal.ui.main_window import MainWindow

ALT = Qt.KeyboardModifier.AltModifier


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def tab_to(qtbot: QtBot, name: str, limit: int = 400) -> QWidget:
    """Press Tab until the control named `name` has the focus, as a keyboard user would."""
    seen = []
    for _press in range(limit):
        widget = focus()
        if widget.objectName() == name:
            return widget
        seen.append(widget.objectName() or type(widget).__name__)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    raise AssertionError(f"{name} not reachable with Tab; went through {seen[:60]}")


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focus(), key, modifier)


def test_whole_case_by_keyboard(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    catalog = window.catalog
    # Start: the acute-danger question has the focus first.
    assert focus().objectName() == "acute-yes"
    press(qtbot, Qt.Key.Key_Right)  # arrow keys move within a choice, Tab between choices
    assert focus().objectName() == "acute-no"
    press(qtbot, Qt.Key.Key_Space)
    assert window.case.context.acute_danger is False
    # The last role that walks the meldcode (Veilig Thuis walks its own flow: test_vt_flow.py).
    index = max(i for i, r in enumerate(catalog.roles) if catalog.flow_for(r.id) == "meldcode")
    role = catalog.roles[index].id
    tab_to(qtbot, f"role-{catalog.roles[0].id}")
    assert not window.session.role_chosen  # no role is assumed on first start
    press(qtbot, Qt.Key.Key_Space)
    assert window.session.role_chosen
    for _step in range(index):
        press(qtbot, Qt.Key.Key_Down)
    assert window.case.role == role
    press(qtbot, Qt.Key.Key_Right, ALT)  # next step
    assert window.navigation.current_key() == "who"

    tab_to(qtbot, "age-spin")
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(focus(), "34")
    assert window.case.age == 34
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "concerns"
    tab_to(qtbot, "concern-not-sure")
    press(qtbot, Qt.Key.Key_Space)
    assert window.case.concerns
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "signals"

    assert focus().objectName() == "signal-search"
    case = window.case
    band = catalog.age_band_for(34).id
    lists = catalog.checklists_for(case.role, band, case.concerns)
    indicators = [i for c in lists for i in catalog.indicators_for(c, case.role, band)]
    if not indicators:
        pytest.skip("no signal list for an adult in this catalog yet")
    first = indicators[0]
    tab_to(qtbot, f"status-{first.id}-not-seen")
    press(qtbot, Qt.Key.Key_Right)  # arrow keys move within the not seen / seen / told choice
    assert focus().objectName() == f"status-{first.id}-seen"
    press(qtbot, Qt.Key.Key_Space)
    assert window.case.observation(first.id).status == "seen"  # type: ignore[union-attr]
    tab_to(qtbot, f"facts-{first.id}")
    qtbot.keyClicks(focus(), "Op 3 maart om 8:15 bij het hek gezien")
    assert window.case.observation(first.id).facts.startswith("Op 3 maart")  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Tab)  # Tab leaves the facts field instead of typing a tab
    assert focus().objectName() == f"quote-{first.id}"
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "meldcode"

    assert focus().objectName() == "consultation-done"
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "consultation-with")
    qtbot.keyClicks(focus(), "aandachtsfunctionaris")
    assert window.case.meldcode_steps.consultation.with_whom == "aandachtsfunctionaris"
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "weighing"

    # Weighing: for an adult the relation comes first (it decides whether the meldcode
    # applies); the arrow keys pick "household", and the focus moves on to the first question.
    if focus().objectName() == "weighing-relation":
        press(qtbot, Qt.Key.Key_Down)
        assert window.case.context.perpetrator_relation == catalog.relations[0].id
    # Each answer moves the focus to the next question's answers.
    for _question in range(len(catalog.weighing_questions)):
        if window.session.assessment().weighing.outcome is not None:
            break
        assert focus().objectName() == "answer-yes"
        press(qtbot, Qt.Key.Key_Space)
    assert window.session.assessment().weighing.outcome is not None
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "outcome"
    assert focus().objectName() == "decision-text"
    qtbot.keyClicks(focus(), "Vandaag melden")
    press(qtbot, Qt.Key.Key_Tab)
    tab_to(qtbot, "decision-reasoning")
    qtbot.keyClicks(focus(), "Concrete signalen")
    assert window.case.decision.decision == "Vandaag melden"
    assert window.case.decision.reasoning == "Concrete signalen"
    press(qtbot, Qt.Key.Key_Right, ALT)
    assert window.navigation.current_key() == "referral"
    assert focus().objectName() == "purpose-combo"
    tab_to(qtbot, "save-button")
    # Back with the keyboard too, and every step before is marked done.
    press(qtbot, Qt.Key.Key_Left, ALT)
    assert window.navigation.current_key() == "outcome"
    assert all(
        window.navigation.step_done(k) for k in ("start", "who", "concerns", "signals", "weighing")
    )


def test_step_list_is_reachable_and_moves_between_steps(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitActive(window)
    window.step_list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert window.navigation.current_key() == "concerns"


def test_every_control_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

    for key in (
        "start",
        "who",
        "concerns",
        "signals",
        "meldcode",
        "weighing",
        "outcome",
        "referral",
    ):
        window.navigation.go_to(key)
    kinds = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox)
    unnamed = []
    for kind in kinds:
        for control in window.findChildren(kind):
            name = control.objectName()
            if name.startswith("qt_") or (not name and type(control).__name__ == "QToolButton"):
                continue  # Qt's own parts: menu extension, spin box editor, scroll arrows
            if not control.accessibleName():
                unnamed.append(name or type(control).__name__)
    assert unnamed == []
