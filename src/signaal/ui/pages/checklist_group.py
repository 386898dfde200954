"""One checklist on the signals step: a header that folds, its sections and signal rows.

The rows are built the first time the group is opened (or a search needs them): a case with
several lists opens at once, and only the lists the user looks at cost anything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from signaal.content.models import Checklist, Indicator
from signaal.i18n import _, content_language
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import Heading, NoteLabel, describe, set_heading


class ClickableHeading(Heading):
    """A heading that folds its group when clicked, like the arrow next to it."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class ChecklistGroup(QWidget):
    def __init__(
        self,
        session: Session,
        checklist: Checklist,
        indicators: list[Indicator],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.checklist = checklist
        self.indicators = indicators
        self.setObjectName(f"group-{checklist.id}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.toggle = QToolButton()
        self.toggle.setObjectName(f"toggle-{checklist.id}")
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self._toggled)
        self.heading = ClickableHeading(level=2)
        self.heading.setObjectName(f"checklist-{checklist.id}")
        self.heading.clicked.connect(self.toggle.toggle)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        self.layout_.addLayout(top)
        self.description = NoteLabel()
        self.layout_.addWidget(self.description)
        self.body: QWidget | None = None
        self.rows: dict[str, SignalRow] = {}
        self.sections: list[tuple[Heading, list[SignalRow]]] = []
        self.retranslate()

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    def build(self) -> None:
        """Create the section headings and rows (once)."""
        if self.body is not None:
            return
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        for section in self.checklist.sections:
            members = [i for i in self.indicators if i.section == section.id]
            if not members:
                continue
            heading = Heading(level=3)
            heading.setObjectName(f"section-{section.id}")
            layout.addWidget(heading)
            rows = []
            for indicator in members:
                row = SignalRow(self.session, indicator)
                layout.addWidget(row)
                rows.append(row)
                self.rows[indicator.id] = row
            self.sections.append((heading, rows))
        self.body = body
        body.setVisible(self.expanded)
        self.layout_.addWidget(body)
        # Created after the header: Tab goes header → description → the rows.
        QWidget.setTabOrder(self.toggle, body)
        self._translate_sections()

    def retranslate(self) -> None:
        language = content_language()
        checklist = self.checklist
        set_heading(self.heading, checklist.title.get(language))
        self.update_count()
        text = checklist.description.get(language)
        if checklist.note is not None:
            text += "\n" + checklist.note.get(language)
        self.description.setText(text)
        for row in self.rows.values():
            row.retranslate()
        self._translate_sections()

    def update_count(self) -> None:
        """How many signals this list has and how many are marked, for the folded header."""
        title = self.checklist.title.get(content_language())
        answered = sum(
            1
            for indicator in self.indicators
            if (o := self.session.observation(indicator.id)) is not None and o.counts
        )
        describe(
            self.toggle,
            title,
            _("{count} signals, {answered} marked; opens or closes the list").format(
                count=len(self.indicators), answered=answered
            ),
        )
        self.toggle.setToolTip(
            _("{count} signals, {answered} marked").format(
                count=len(self.indicators), answered=answered
            )
        )

    def _translate_sections(self) -> None:
        language = content_language()
        titles = {section.id: section for section in self.checklist.sections}
        for heading, _rows in self.sections:
            section = titles[heading.objectName().removeprefix("section-")]
            title = section.title.get(language)
            if section.description is not None:
                title += " — " + section.description.get(language)
            set_heading(heading, title)

    def load(self) -> None:
        for row in self.rows.values():
            row.load()

    def matching(self, needle: str) -> list[str]:
        """Ids of this list's signals whose text or help contains `needle` (no widgets needed)."""
        language = content_language()
        found = []
        for indicator in self.indicators:
            haystack = indicator.text.get(language)
            if indicator.help is not None:
                haystack += " " + indicator.help.get(language)
            if not needle or needle in haystack.casefold():
                found.append(indicator.id)
        return found

    def _toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if expanded:
            self.build()
        if self.body is not None:
            self.body.setVisible(expanded)
