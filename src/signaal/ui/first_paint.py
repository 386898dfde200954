"""Run one action after a window's first paint, so the user sees the window before slow work."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that never paints (started minimized or hidden) still gets its content after this.
FALLBACK_MS = 500


class AfterFirstPaint(QObject):
    """Runs `action` exactly once: queued from the window's first Paint event (so that paint
    reaches the screen first), or after `fallback_ms` if no paint has come by then.

    Create it after `window.show()` and before the event loop runs: Qt paints only from the
    loop, so no paint is missed, and the fallback counts from about the loop's start.
    """

    def __init__(
        self, window: QWidget, action: Callable[[], None], fallback_ms: int = FALLBACK_MS
    ) -> None:
        super().__init__(window)
        self._window = window
        self._action: Callable[[], None] | None = action
        self._fallback = QTimer(self)
        self._fallback.setSingleShot(True)
        self._fallback.timeout.connect(self._run)
        window.installEventFilter(self)
        self._fallback.start(fallback_ms)

    @property
    def done(self) -> bool:
        """Whether the action has run."""
        return self._action is None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            self._fallback.stop()
            # Queued, not run here: the rest of this paint (children, flush) finishes first.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is None:
            return
        self._fallback.stop()
        self._window.removeEventFilter(self)
        action()
