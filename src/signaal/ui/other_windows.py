"""The app's other windows — preview, print, save and message dialogs — follow the main window.

A dialog shows case text (the preview shows the whole referral), so it must obey the same
guards as the main window:
- Hide screen works in it: the window's hide action is added to each dialog when it gets focus
  (a shortcut of the main window does not reach a modal dialog).
- Input in it counts as activity for the idle wipe.
- Hide screen and a wipe close it. A closed dialog ends as if cancelled: nothing is saved,
  printed or confirmed by it, and the case itself stays as it was.

Dialogs are found when they get focus (`focusWindowChanged`), so no dialog needs to register
itself; a modal dialog always gets focus when it opens.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from signaal.ui.idle import IdleGuard


class WindowFollower(QObject):
    """Gives every other window of the app the hide shortcut and the idle watch."""

    def __init__(self, main: QWidget, hide_action: QAction, idle: IdleGuard) -> None:
        super().__init__(main)
        self.main = main
        self.hide_action = hide_action
        self.idle = idle
        application = QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            application.focusWindowChanged.connect(self._focused)

    def _focused(self, window: QWindow | None) -> None:
        if window is None:
            return
        widget = _widget_of(window)
        # Another main window (tests make many) has its own follower and its own hide action.
        if widget is None or widget is self.main or widget.findChild(WindowFollower) is not None:
            return
        self.adopt(widget, window)

    def adopt(self, widget: QWidget, window: QWindow | None = None) -> None:
        """Let `widget` (a top-level window of the app) follow the main window's guards."""
        handle = window or widget.windowHandle()
        if handle is not None:
            self.idle.watch_window(handle)
        shortcut = self.hide_action.shortcut()
        # Qt's own file dialog binds Ctrl+Shift+H to "go home"; in Signaal it hides the screen.
        for action in widget.findChildren(QAction):
            if action is not self.hide_action and action.shortcut() == shortcut:
                action.setShortcut(QKeySequence())
        if self.hide_action not in widget.actions():
            widget.addAction(self.hide_action)


def other_windows(main: QWidget) -> list[QWidget]:
    """The app's visible top-level windows other than `main`, the top modal dialog first."""
    found: list[QWidget] = []
    modal = QApplication.activeModalWidget()
    if modal is not None and modal is not main:
        found.append(modal)
    for widget in QApplication.topLevelWidgets():
        if widget is not main and widget not in found and widget.isVisible():
            found.append(widget)
    # Another main window (tests make many) is no window of this one.
    return [widget for widget in found if widget.findChild(WindowFollower) is None]


def close_other_windows(main: QWidget) -> int:
    """Close every other window: dialogs as if cancelled, the rest (menus, tips) closed.

    Modal dialogs are closed from the top down, each hidden at once; their `exec()` calls return
    when control goes back to the event loop. Returns how many windows were closed.
    """
    closed = 0
    while (windows := other_windows(main)) and closed < 100:
        widget = windows[0]
        if isinstance(widget, QDialog):
            widget.reject()
        if widget.isVisible():
            widget.close()
        if widget.isVisible():
            widget.hide()
        closed += 1
    return closed


def _widget_of(window: QWindow) -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            return widget
    return None
