"""Wipe a forgotten case: after a quiet period warn, a minute later wipe.

Any key press, click, scroll or mouse move in a watched window (the main window, and each dialog
of the app once it has had focus) starts the period again. The filter sits on each QWindow,
which sees only input and window events — an application-wide filter would run Python for every
one of Qt's internal events and slow every page down. The durations are constructor arguments
so tests can use milliseconds instead of minutes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from signaal.i18n import _
from signaal.preferences import MINUTE_MS

ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleGuard(QObject):
    warning = Signal()
    expired = Signal()
    resumed = Signal()

    def __init__(
        self, timeout_ms: int, warning_ms: int = MINUTE_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._warn_timer = QTimer(self)
        self._warn_timer.setSingleShot(True)
        self._warn_timer.timeout.connect(self._warn)
        self._wipe_timer = QTimer(self)
        self._wipe_timer.setSingleShot(True)
        self._wipe_timer.timeout.connect(self.expired)
        self.warned = False
        self.set_timeout(timeout_ms, warning_ms)

    def watch(self, window: QWidget) -> None:
        """Count input to this top-level window (and its native window) as activity."""
        window.winId()  # creates the native window, so that its QWindow exists
        handle = window.windowHandle()
        if handle is not None:
            self.watch_window(handle)

    def watch_window(self, window: QWindow) -> None:
        """Count input to this window as activity (a dialog, the preview); once is enough."""
        window.installEventFilter(self)  # Qt drops an earlier install of the same filter

    def set_timeout(self, timeout_ms: int, warning_ms: int = MINUTE_MS) -> None:
        self.timeout_ms = max(1, timeout_ms)
        self.warning_ms = min(max(0, warning_ms), self.timeout_ms)
        self.restart()

    def restart(self) -> None:
        self._warn_timer.start(self.timeout_ms - self.warning_ms)
        self._wipe_timer.start(self.timeout_ms)
        if self.warned:
            self.warned = False
            self.resumed.emit()

    def stop(self) -> None:
        self._warn_timer.stop()
        self._wipe_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in ACTIVITY_EVENTS:
            self.restart()
        return False

    def _warn(self) -> None:
        self.warned = True
        self.warning.emit()


class IdleBanner(QLabel):
    """The warning a minute before the wipe, shown only when there is something to wipe."""

    def __init__(self, guard: IdleGuard, has_answers: Callable[[], bool]) -> None:
        super().__init__()
        self.setObjectName("idle-warning")
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVisible(False)
        self._has_answers = has_answers
        guard.warning.connect(self._warn)
        guard.resumed.connect(lambda: self.setVisible(False))
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(
            _(
                "No activity for a while: in one minute this case will be wiped. Press a key or "
                "move the mouse to keep working."
            )
        )
        self.setAccessibleName(self.text())

    def _warn(self) -> None:
        if self._has_answers():
            self.setVisible(True)
