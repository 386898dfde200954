"""Every window of the app obeys Hide screen and the idle wipe, not only the main one (issue 22).

The preview, the print dialog, the save dialog and message boxes are modal: each test opens one
the way a user does (the call blocks in the dialog's own event loop) and acts on it from a timer,
through the dialog's native window, as keyboard and mouse input arrives.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dialog_helpers import WhenOpen, press_hide, stop_openers, until_referral_done
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from test_session_guards import MARKER, fill_case
from ui_helpers import save_referral_to

from signaal.content import Catalog
from signaal.ui import printing
from signaal.ui.main_window import MainWindow
from signaal.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture(autouse=True)
def _stop_openers() -> Iterator[None]:
    yield
    stop_openers()


def open_windows(window: MainWindow) -> list[str]:
    return [
        type(widget).__name__
        for widget in QApplication.topLevelWidgets()
        if widget is not window and widget.isVisible()
    ]


@pytest.fixture
def no_printing(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Records a print job instead of sending it to a printer."""
    jobs: list[object] = []
    monkeypatch.setattr(printing, "print_to", lambda *args: jobs.append(args) or True)
    return jobs


def test_hide_screen_works_in_the_preview_and_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    fill_case(qtbot, window)
    opened = WhenOpen(PdfPreviewDialog, press_hide)
    until_referral_done(
        qtbot, window, window.referral_output.preview
    )  # returns once the preview is closed
    assert opened.found is not None
    assert window.hiding.hidden
    assert open_windows(window) == []
    assert window.referral_output.preview_dialog is None
    assert opened.found.document.pageCount() == 0  # the referral was let go
    assert window.case.decision.decision == MARKER  # hiding loses nothing
    window.hiding.unhide()
    assert not window.hiding.hidden


def test_hide_screen_in_the_print_dialog_prints_nothing(
    qtbot: QtBot, window: MainWindow, no_printing: list[object]
) -> None:
    fill_case(qtbot, window)
    opened = WhenOpen(QPrintDialog, press_hide)
    until_referral_done(qtbot, window, window.referral_output.print)
    assert opened.found is not None
    assert window.hiding.hidden and open_windows(window) == []
    assert no_printing == [] and not window.session.referral_done
    assert window.case.decision.decision == MARKER


def test_hide_screen_in_the_save_dialog_saves_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    fill_case(qtbot, window)
    opened = WhenOpen(QFileDialog, press_hide)
    until_referral_done(qtbot, window, window.referral_output.save)
    assert opened.found is not None
    assert window.hiding.hidden and open_windows(window) == []
    assert list(tmp_path.iterdir()) == []
    assert window.case.decision.decision == MARKER


def test_hide_screen_in_a_message_box(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    fill_case(qtbot, window)
    opened = WhenOpen(QMessageBox, press_hide)
    # A folder that does not exist: the warning box explains it.
    assert not save_referral_to(qtbot, window, tmp_path / "missing" / "verwijzing.pdf")
    assert opened.found is not None
    assert window.hiding.hidden and open_windows(window) == []
    assert window.case.decision.decision == MARKER


def test_scrolling_in_the_preview_keeps_the_case_and_the_wipe_closes_it(
    qtbot: QtBot, flow_catalog: Catalog, answers: object
) -> None:
    window = MainWindow(flow_catalog, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    fill_case(qtbot, window)
    window.idle.set_timeout(900, 300)
    seen: dict[str, object] = {}

    def scroll(dialog: QWidget) -> None:
        handle = dialog.windowHandle()
        ticks = {"n": 0}
        timer = QTimer(dialog)

        def tick() -> None:
            ticks["n"] += 1
            if ticks["n"] <= 12:  # 12 x 200 ms: more than twice the idle time
                centre = QPointF(dialog.width() / 2, dialog.height() / 2)
                wheel = QWheelEvent(
                    centre,
                    dialog.mapToGlobal(centre),
                    QPoint(0, 0),
                    QPoint(0, -120),
                    Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier,
                    Qt.ScrollPhase.NoScrollPhase,
                    False,
                )
                QApplication.sendEvent(handle, wheel)
            elif ticks["n"] == 13:
                seen["after scrolling"] = (window.case.decision.decision, dialog.isVisible())
                timer.stop()  # now quiet: the idle wipe comes

        timer.timeout.connect(tick)
        timer.start(200)

    opened = WhenOpen(PdfPreviewDialog, scroll)
    with qtbot.waitSignal(window.idle.expired, timeout=10_000):
        until_referral_done(qtbot, window, window.referral_output.preview)
    assert opened.found is not None
    assert seen["after scrolling"] == (MARKER, True)
    assert open_windows(window) == []
    assert window.referral_output.preview_dialog is None
    assert not window.session.has_answers()


def test_typing_in_the_save_dialog_counts_as_activity(
    qtbot: QtBot,
    flow_catalog: Catalog,
    answers: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    window = MainWindow(flow_catalog, idle_timeout_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    fill_case(qtbot, window)
    window.idle.set_timeout(600, 0)
    typed: list[bool] = []

    def type_slowly(dialog: QWidget) -> None:
        handle = dialog.windowHandle()
        timer = QTimer(dialog)

        def tick() -> None:
            if len(typed) < 10:  # 10 x 150 ms: well over the idle time
                qtbot.keyClick(handle, Qt.Key.Key_A)
                typed.append(window.session.has_answers())
            else:
                timer.stop()
                dialog.findChild(QLineEdit).clear()
                dialog.reject()

        timer.timeout.connect(tick)
        timer.start(150)

    opened = WhenOpen(QFileDialog, type_slowly)
    until_referral_done(qtbot, window, window.referral_output.save)
    assert opened.found is not None
    assert typed == [True] * 10
    assert window.case.decision.decision == MARKER
    with qtbot.waitSignal(window.idle.expired, timeout=5000):
        pass
    assert not window.session.has_answers()


def test_idle_wipe_closes_the_save_dialog_over_the_preview(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "home", lambda: tmp_path)
    fill_case(qtbot, window)
    inner: list[WhenOpen] = []
    left_open: list[list[str]] = []

    def expire(_dialog: QWidget) -> None:
        window.idle.expired.emit()
        left_open.append(open_windows(window))  # right after the wipe, before any event

    def open_save(preview: QWidget) -> None:
        assert isinstance(preview, PdfPreviewDialog)
        inner.append(WhenOpen(QFileDialog, expire))
        QTimer.singleShot(0, preview.save_button.click)

    opened = WhenOpen(PdfPreviewDialog, open_save)
    until_referral_done(qtbot, window, window.referral_output.preview)
    assert opened.found is not None and inner and inner[0].found is not None
    assert left_open == [[]]
    assert list(tmp_path.iterdir()) == []
    assert not window.session.has_answers()
    assert opened.found.document.pageCount() == 0
