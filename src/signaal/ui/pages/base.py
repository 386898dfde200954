"""What every step page shares: a fixed heading, a scrollable body, `retranslate()`, `refresh()`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from signaal.ui.session import Session
from signaal.ui.widgets import GuidanceBox, Heading, PageBody, WrapLabel, guidance_boxes


class Page(QWidget):
    """A step: heading and introduction on top, the page's own controls in a scroll area below.

    Pages build their widgets once; `retranslate()` sets every visible text (called again on a
    language switch, so answers stay in their widgets), `refresh()` syncs with answers given on
    other pages when the page is shown.
    """

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = Heading(level=1)
        self.intro = WrapLabel()
        outer.addWidget(self.title)
        outer.addWidget(self.intro)
        self.header = QVBoxLayout()
        outer.addLayout(self.header)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Always there, so that a page growing past the window (rows made in idle time) does not
        # narrow its body and lay every wrapped label out again.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.body = PageBody()
        self.body.setObjectName("page-body")
        self.layout_ = QVBoxLayout(self.body)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll_area.setWidget(self.body)
        outer.addWidget(self.scroll_area, 1)

    def add_guidance(self, layout: QVBoxLayout, page: str) -> None:
        """Fold the guidance the catalog places on this page (by step key) into `layout`."""
        role = lambda: self.session.role  # noqa: E731
        for box in guidance_boxes(self.session.catalog, page, role):
            layout.addWidget(box)

    def retranslate_guidance(self) -> None:
        for box in self.findChildren(GuidanceBox):
            box.retranslate()

    def retranslate(self) -> None:
        """Set every text in the active language."""

    def refresh(self) -> None:
        """Bring the page up to date with the case (answers given elsewhere may matter)."""

    def first_focus(self) -> QWidget | None:
        """The control that gets the keyboard focus when the page opens."""
        return None
