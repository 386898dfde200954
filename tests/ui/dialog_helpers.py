"""Acting on a modal dialog the way a user does: its `exec()` blocks, so a timer acts on it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

if TYPE_CHECKING:
    from signaal.ui.main_window import MainWindow

STUCK_MS = 8000
HIDE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class WhenOpen:
    """Runs `then(dialog)` once a modal dialog of `kind` is shown and has focus.

    If none comes within a few seconds, or one is still open `STUCK_MS` after, every modal
    dialog is closed, so a test fails instead of hanging.
    """

    def __init__(self, kind: type[QWidget], then: Callable[[QWidget], None]) -> None:
        self.kind = kind
        self.then = then
        self.found: QWidget | None = None
        self.tries = 0
        self.poll = QTimer()
        self.poll.setInterval(20)
        self.poll.timeout.connect(self._poll)
        self.stuck = QTimer()
        self.stuck.setSingleShot(True)
        self.stuck.timeout.connect(close_stuck)
        self.poll.start()
        OPENERS.append(self)

    def stop(self) -> None:
        self.poll.stop()
        self.stuck.stop()

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if (
            isinstance(modal, self.kind)
            and modal.isVisible()
            and QGuiApplication.focusWindow() is modal.windowHandle()
        ):
            self.found = modal
            self.poll.stop()
            self.stuck.start(STUCK_MS)
            self.then(modal)
            return
        self.tries += 1
        if self.tries > 200:
            self.poll.stop()
            close_stuck()


def close_stuck() -> None:
    """Close what the app left open, so a failing test ends instead of waiting forever."""
    while (stuck := QApplication.activeModalWidget()) is not None:
        stuck.close()
        stuck.hide()


OPENERS: list[WhenOpen] = []


def stop_openers() -> None:
    """No timer of one test may act in the next: call after each test."""
    for opener in OPENERS:
        opener.stop()
    OPENERS.clear()


def press_hide(dialog: QWidget) -> None:
    handle = dialog.windowHandle()
    assert handle is not None
    QtBot.keyClick(handle, Qt.Key.Key_H, HIDE)


def until_referral_done(qtbot: QtBot, window: MainWindow, action: Callable[[], None]) -> None:
    """Run a referral action (preview, print, save) and wait until it has fully run.

    The referral is rendered off the GUI thread, so the action returns at once; its dialog opens
    (and is handled by a `WhenOpen`) once the render has finished.
    """
    action()
    qtbot.waitUntil(
        lambda: not window.referral_output.rendering and window.referral_output.then is None,
        timeout=20_000,
    )
