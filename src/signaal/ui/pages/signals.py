"""Step 4: the checklists that fit role, age band and concerns, grouped as the content groups them.

Each checklist folds; its rows are made when it is first opened (a screenful at once, the rest in
idle time once the page is on screen), and then kept: a click changes one row and the side panel,
never the whole list. In idle time the page also prepares the facts and quote fields of the rows
on screen, so that answering a signal only has to show them. The search looks through the
content (not the widgets), opens the lists with a match, makes the rows it needs and only hides
and shows rows.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from signaal.i18n import _
from signaal.ui.pages.base import Page
from signaal.ui.pages.checklist_group import ChecklistGroup
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import IdleWork, WrapLabel, describe, set_heading, set_shown

ListKey = tuple[str, str | None, tuple[str, ...]]


class SignalsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search = QLineEdit()
        self.search.setObjectName("signal-search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.header.addWidget(self.search)
        guidance = QVBoxLayout()
        self.add_guidance(guidance, ("facts-versus-interpretation", "signals-not-proof"))
        self.header.addLayout(guidance)
        self.no_match = WrapLabel()
        self.no_match.setObjectName("signal-no-match")
        self.no_match.setVisible(False)
        self.header.addWidget(self.no_match)
        self.groups: list[ChecklistGroup] = []
        self.list_widget: QWidget | None = None
        self.key: ListKey | None = None
        # What the user opened, restored when a search is cleared.
        self.opened: set[str] = set()
        # Rows still to make and fields to prepare; looked for again when what is on screen
        # changes (scrolling, a list opened, rows added, a search).
        self.idle = IdleWork(self.body, self._idle_step)
        scroll_bar = self.scroll_area.verticalScrollBar()
        scroll_bar.valueChanged.connect(self.idle.wake)
        scroll_bar.rangeChanged.connect(self.idle.wake)
        self.retranslate()
        self.refresh()

    @property
    def rows(self) -> dict[str, SignalRow]:
        """The signal rows built so far, by indicator id."""
        return {i: row for group in self.groups for i, row in group.rows.items()}

    def first_focus(self) -> QWidget | None:
        return self.search

    def list_key(self) -> ListKey:
        case = self.session.case
        return (case.role, case.age_band, tuple(case.concerns))

    def refresh(self) -> None:
        session = self.session
        if not session.case.concerns:
            # No concern chosen is read as "not sure": every list that fits the age.
            session.concerns_not_sure = True
            session.case.concerns = session.concerns_for_age()
            session.touch()
        key = self.list_key()
        if key != self.key:
            self.key = key
            self._build()
        else:
            for group in self.groups:
                group.load()
                group.update_count()
        self.apply_filter(self.search.text())

    def _build(self) -> None:
        """(Re)build the groups for the current role, age band and concerns; rows come later."""
        if self.list_widget is not None:
            self.layout_.removeWidget(self.list_widget)
            self.list_widget.hide()
            self.list_widget.setParent(None)
            self.list_widget.deleteLater()
        session = self.session
        catalog = session.catalog
        case = session.case
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.groups = []
        for checklist in catalog.checklists_for(case.role, case.age_band, case.concerns):
            indicators = catalog.indicators_for(checklist, case.role, case.age_band)
            if not indicators:
                continue
            group = ChecklistGroup(session, checklist, indicators)
            group.toggle.toggled.connect(lambda on, g=group: self._remember(g.checklist.id, on))
            group.toggle.toggled.connect(self.idle.wake)
            layout.addWidget(group)
            self.groups.append(group)
        # Open the first list, and every list that already holds answers.
        for index, group in enumerate(self.groups):
            answered = any(session.observation(i.id) is not None for i in group.indicators)
            if index == 0 or answered or group.checklist.id in self.opened:
                group.set_expanded(True)
        self.list_widget = widget
        self.layout_.insertWidget(0, widget)
        self.idle.wake()

    def _remember(self, checklist_id: str, opened: bool) -> None:
        if self.search.text().strip():
            return  # a search opens lists by itself; only the user's own choice is kept
        if opened:
            self.opened.add(checklist_id)
        else:
            self.opened.discard(checklist_id)

    def expand_all(self) -> None:
        for group in self.groups:
            group.set_expanded(True)

    def retranslate(self) -> None:
        set_heading(self.title, _("Signals"))
        self.intro.setText(
            _(
                "For each signal: not seen, seen yourself, or told by someone. Write down facts, "
                "not conclusions. The panel on the right shows the indicator profile as you go."
            )
        )
        self.search.setPlaceholderText(_("Search signals…"))
        describe(self.search, _("Search signals"), _("Shows only the signals containing this text"))
        self.retranslate_guidance()
        for group in self.groups:
            group.retranslate()
        self._show_no_match()

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for group in self.groups:
            matches = set(group.matching(needle))
            if needle:
                if matches and not group.expanded:
                    group.set_expanded(True)
                group.ensure_rows(matches)  # a hit further down the list may not be made yet
            else:
                group.set_expanded(group.expanded or group.checklist.id in self.opened)
            set_shown(group, bool(matches))
            set_shown(group.description, not needle)
            group.show_matching(matches if needle else None)
        self.idle.wake()
        self._show_no_match()

    def _show_no_match(self) -> None:
        if not self.groups:
            self.no_match.setText(
                _("No signal list fits this role, age and concerns yet: check the previous steps.")
            )
            set_shown(self.no_match, self.key is not None)
            return
        self.no_match.setText(_("No signal contains this text."))
        set_shown(self.no_match, all(group.isHidden() for group in self.groups))

    def visible_indicators(self) -> list[str]:
        """The ids of the signals the user can see now (open lists, after the search filter)."""
        return [
            indicator_id
            for group in self.groups
            if not group.isHidden() and group.expanded
            for indicator_id, row in group.rows.items()
            if not row.isHidden()
        ]

    def listed_indicators(self) -> list[str]:
        """The ids of every signal on the page, opened or folded, that matches the search."""
        needle = self.search.text().strip().casefold()
        return [i for group in self.groups for i in group.matching(needle)]

    @property
    def building(self) -> bool:
        """Whether idle work is left: rows of an open list to make, or fields to prepare."""
        return self.idle.busy

    def _idle_step(self, deadline: float) -> bool:
        """One slice of idle work: first the fields of the rows on screen, then more rows."""
        for row in self._rows_on_screen():
            if row.details is None:
                row.prepare_details()
                if time.perf_counter() >= deadline:
                    return True
        for group in self.groups:
            if group.pending and group.expanded and not group.isHidden():
                group.build_more(deadline)
                return True
        return False

    def _rows_on_screen(self) -> Iterator[SignalRow]:
        viewport = self.scroll_area.viewport()
        top = self.scroll_area.verticalScrollBar().value()
        bottom = top + viewport.height()
        for group in self.groups:
            body = group.body
            if body is None or not group.expanded or group.isHidden():
                continue
            origin = body.mapTo(self.body, QPoint(0, 0)).y()
            if origin > bottom:
                return
            for row in group.rows.values():
                y = origin + row.y()
                if not row.isHidden() and y < bottom and y + row.height() > top:
                    yield row
