"""Hide screen: blank the window at once during a consultation, until the user shows it again.

The window's working area and a neutral cover share one stack; hiding shows the cover, closes
every other window of the app and hides the menus, toolbar and status bar, so nothing of the
case stays on screen. The cover is made the first time it is needed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from signaal.i18n import _
from signaal.ui.actions import HIDE_SHORTCUT
from signaal.ui.other_windows import close_other_windows


class HideScreen(QStackedWidget):
    """The central widget of the window: its working area, or the cover while hidden."""

    # Before the cover shows (a referral being made is cancelled then).
    hiding = Signal()
    # The working area is back.
    unhidden = Signal()

    def __init__(self, window: QMainWindow, working: QWidget, bars: tuple[QWidget, ...]) -> None:
        """`bars` are hidden with the working area: the menu bar, toolbar and status bar."""
        super().__init__()
        self.window_ = window
        self.working = working
        self.bars = bars
        self.addWidget(working)
        self.cover: QWidget | None = None
        self.cover_button: QPushButton | None = None

    @property
    def hidden(self) -> bool:
        return self.cover is not None and self.currentWidget() is self.cover

    def toggle(self) -> None:
        if self.hidden:
            self.unhide()
        else:
            self.hide_screen()

    def hide_screen(self) -> None:
        """Blank the window at once, closing every dialog: only a neutral button remains.

        A referral being made is cancelled, so no preview or dialog can open over the cover.
        """
        self.hiding.emit()
        close_other_windows(self.window_)
        self.setCurrentWidget(self._cover())
        for bar in self.bars:
            bar.setVisible(False)
        assert self.cover_button is not None
        self.cover_button.setFocus()

    def unhide(self) -> None:
        self.setCurrentWidget(self.working)
        for bar in self.bars:
            bar.setVisible(True)
        self.unhidden.emit()

    def _cover(self) -> QWidget:
        if self.cover is None:
            self.cover = QWidget()
            self.cover.setObjectName("hidden-cover")
            layout = QVBoxLayout(self.cover)
            layout.addStretch(1)
            self.cover_button = QPushButton()
            self.cover_button.setObjectName("unhide-button")
            self.cover_button.clicked.connect(self.unhide)
            layout.addWidget(self.cover_button, 0, Qt.AlignmentFlag.AlignCenter)
            layout.addStretch(1)
            self.addWidget(self.cover)
            self.retranslate()
        return self.cover

    def retranslate(self) -> None:
        if self.cover_button is None:
            return
        self.cover_button.setText(
            _("Show Signaal again ({shortcut})").format(shortcut=HIDE_SHORTCUT)
        )
        self.cover_button.setAccessibleName(_("Show Signaal again"))
        self.cover_button.setAccessibleDescription(_("The screen was hidden; this shows it again"))
