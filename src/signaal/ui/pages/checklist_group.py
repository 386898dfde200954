"""One checklist on the signals step: a header that folds, its sections and signal rows.

The rows are made when the group is first opened, in a `LazyColumn`: a screenful at once
(`FIRST_ROWS`), the rest in idle time (`body.make_more`, driven by the signals page), so a list
of seventy signals opens within a frame and a case with several lists costs only what the user
looks at. A search makes the rows it needs at once (`ensure_rows`), each in its place in the list.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from signaal.content.models import Checklist, Indicator, Section
from signaal.content.notices import weights_notice
from signaal.i18n import _, content_language
from signaal.ui.lazy import LazyColumn
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import (
    Heading,
    NoteLabel,
    describe,
    set_heading,
    set_shown,
    show_added,
)

# Rows made in the click that opens a list: more than the first screen holds at the default
# window size. The others follow in idle time, a few milliseconds at a time.
FIRST_ROWS = 6

# The list as shown: each section (indicator None: its heading), then its signals.
PlanItem = tuple[Section, Indicator | None]


class ClickableHeading(Heading):
    """A heading that folds its group when clicked, like the arrow next to it."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class ChecklistGroup(QWidget):
    # Before the list folds or opens by a click or a key: the page notes where its header is.
    about_to_fold = Signal()

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
        self.heading.clicked.connect(self._heading_clicked)
        self.toggle.pressed.connect(self.about_to_fold)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.heading, 1)
        self.layout_.addLayout(top)
        self.description = NoteLabel()
        self.layout_.addWidget(self.description)
        self.body: LazyColumn[PlanItem, SignalRow | Heading] | None = None
        self.rows: dict[str, SignalRow] = {}
        self.headings: dict[str, Heading] = {}
        self._members: dict[str, list[str]] = {}  # signal ids by section id
        self._matches: set[str] | None = None  # the search's hits; None: no search
        self.retranslate()

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)

    @property
    def pending(self) -> bool:
        """Whether the list is open but some of its rows are still to be made."""
        return self.body is not None and self.body.pending

    def build(self) -> None:
        """Create the body with its first rows (once); `body.make_more` makes the others."""
        if self.body is not None:
            return
        plan: list[PlanItem] = []
        for section in self.checklist.sections:
            members = [i for i in self.indicators if i.section == section.id]
            if members:
                plan.append((section, None))
                plan += [(section, indicator) for indicator in members]
                self._members[section.id] = [indicator.id for indicator in members]
        self.body = LazyColumn(self._make, self._added, self)
        self.layout_.addWidget(self.body)
        self.body.start(plan, FIRST_ROWS, lambda item, _widget: item[1] is not None)

    def ensure_rows(self, indicator_ids: Iterable[str]) -> None:
        """Make the rows of these signals now, each with its section heading, in its place."""
        if self.body is None:
            return
        wanted = set(indicator_ids) - set(self.rows)
        heading_index = 0
        for index, (_section, indicator) in enumerate(self.body.plan):
            if indicator is None:
                heading_index = index
            elif indicator.id in wanted:
                self.body.ensure(heading_index)
                self.body.ensure(index)

    def _make(self, _index: int, item: PlanItem) -> SignalRow | Heading:
        assert self.body is not None
        section, indicator = item
        if indicator is None:
            heading = Heading(level=3, parent=self.body)
            heading.setObjectName(f"section-{section.id}")
            set_heading(heading, _section_title(section))
            self.headings[section.id] = heading
            return heading
        row = SignalRow(self.session, indicator, self.body)
        self.rows[indicator.id] = row
        return row

    def _added(self, index: int, widget: SignalRow | Heading) -> None:
        assert self.body is not None
        section, indicator = self.body.plan[index]
        if indicator is None:
            shown = self._section_shown(section.id)
        else:
            shown = self._matches is None or indicator.id in self._matches
        if shown:
            show_added(widget)
        else:
            widget.hide()
        if isinstance(widget, SignalRow):
            self._chain(index, widget)

    def _chain(self, index: int, row: SignalRow) -> None:
        """Tab order: the list's toggle, then its rows in the order shown, whenever made."""
        assert self.body is not None
        previous: QWidget = self.toggle
        for earlier in reversed(range(index)):
            placed = self.body.made(earlier)
            if isinstance(placed, SignalRow):
                previous = placed.focus_chain()[-1]
                break
        for widget in row.focus_chain():
            QWidget.setTabOrder(previous, widget)
            previous = widget

    def _section_shown(self, section_id: str) -> bool:
        matches = self._matches
        return matches is None or any(i in matches for i in self._members[section_id])

    def show_matching(self, matches: set[str] | None) -> None:
        """Show only the rows of these signals (None: all); rows made later follow suit."""
        self._matches = matches
        for indicator_id, row in self.rows.items():
            set_shown(row, matches is None or indicator_id in matches)
        for section_id, heading in self.headings.items():
            set_shown(heading, self._section_shown(section_id))

    def retranslate(self) -> None:
        language = content_language()
        checklist = self.checklist
        set_heading(self.heading, checklist.title.get(language))
        self.update_count()
        text = checklist.description.get(language)
        if checklist.note is not None:
            text += "\n" + checklist.note.get(language)
        weights = weights_notice(checklist, _)
        if weights is not None:
            text += "\n" + weights
        self.description.setText(text)
        for row in self.rows.values():
            row.retranslate()
        sections = {section.id: section for section in self.checklist.sections}
        for section_id, heading in self.headings.items():
            set_heading(heading, _section_title(sections[section_id]))

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

    def load(self) -> None:
        for row in self.rows.values():
            row.load()

    def matching(self, needle: str) -> list[str]:
        """Ids of this list's signals whose text or help contains `needle` (no widgets needed)."""
        return matching(self.indicators, needle)

    def last_in_chain(self) -> QWidget:
        """The last control of this list that Tab reaches (rows made later come before it)."""
        made = self.body.widgets() if self.body is not None else []
        for placed in reversed(made):
            if isinstance(placed, SignalRow):
                return placed.focus_chain()[-1]
        return self.toggle

    def _heading_clicked(self) -> None:
        self.about_to_fold.emit()
        self.toggle.toggle()

    def _toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if expanded:
            self.build()
        if self.body is not None:
            set_shown(self.body, expanded)


def matching(indicators: list[Indicator], needle: str) -> list[str]:
    """Ids of the signals whose text, help or keywords, in the shown language, contain
    `needle`."""
    language = content_language()
    found = []
    for indicator in indicators:
        if not needle or needle in indicator.search_text(language):
            found.append(indicator.id)
    return found


def _section_title(section: Section) -> str:
    language = content_language()
    title = section.title.get(language)
    if section.description is not None:
        title += " — " + section.description.get(language)
    return title
