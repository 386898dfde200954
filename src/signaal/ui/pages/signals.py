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

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QTimer
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from signaal.assessment.intake import concerns_looked_at
from signaal.content.models import Checklist, Indicator
from signaal.i18n import _
from signaal.ui.lazy import LazyColumn
from signaal.ui.pages.base import Page
from signaal.ui.pages.checklist_group import FIRST_ROWS, ChecklistGroup, matching
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import (
    IdleWork,
    WrapLabel,
    describe,
    set_heading,
    set_shown,
)

ListKey = tuple[str, str | None, bool | None, tuple[str, ...]]
# A list that fits: the checklist and its signals for this case.
FittingList = tuple[Checklist, list[Indicator]]


class SignalsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.search = QLineEdit()
        self.search.setObjectName("signal-search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.header.addWidget(self.search)
        guidance = QVBoxLayout()
        self.add_guidance(guidance, "signals")
        self.header.addLayout(guidance)
        self.no_match = WrapLabel()
        self.no_match.setObjectName("signal-no-match")
        self.no_match.setVisible(False)
        self.header.addWidget(self.no_match)
        # Signals of a continued case that the current catalog no longer has: never dropped.
        self.retired = WrapLabel()
        self.retired.setObjectName("retired-signals")
        self.retired.setVisible(False)
        self.header.addWidget(self.retired)
        # The lists that fit, each made into a group when it comes into view.
        self.list_widget: LazyColumn[FittingList, ChecklistGroup] | None = None
        self.key: ListKey | None = None
        # What the user opened, restored when a search is cleared.
        self.opened: set[str] = set()
        # The header of a list being folded by the user, and where it was in the viewport.
        self._anchor: tuple[QWidget, int] | None = None
        # Rows still to make and fields to prepare; looked for again when what is on screen
        # changes (scrolling, a list opened, rows added, a search).
        self.idle = IdleWork(self.body, self._idle_step)
        scroll_bar = self.scroll_area.verticalScrollBar()
        scroll_bar.valueChanged.connect(self.idle.wake)
        scroll_bar.rangeChanged.connect(self.idle.wake)
        # Space left over goes below the lists: a single search hit must not stretch its row
        # (its facts field ended up far below the choice it belongs to).
        self.layout_.addStretch(1)
        self.retranslate()
        self.refresh()

    @property
    def lists(self) -> list[FittingList]:
        """The lists that fit the case, in the order shown."""
        return self.list_widget.plan if self.list_widget is not None else []

    @property
    def groups(self) -> list[ChecklistGroup]:
        """The lists made so far (the first ones, in order)."""
        return self.list_widget.widgets() if self.list_widget is not None else []

    @property
    def rows(self) -> dict[str, SignalRow]:
        """The signal rows built so far, by indicator id."""
        return {i: row for group in self.groups for i, row in group.rows.items()}

    def first_focus(self) -> QWidget | None:
        return self.search

    def list_key(self) -> ListKey:
        """What the lists depend on: the role, the age as the rules read it, the concerns."""
        session = self.session
        group = session.age_group()
        concerns = concerns_looked_at(session.catalog, session.case)
        return (session.case.role, group.band, group.minor, tuple(concerns))

    def refresh(self) -> None:
        self._show_retired()
        key = self.list_key()
        if key != self.key:
            self.key = key
            self._build()
        else:
            for group in self.groups:
                group.load()
                group.update_count()
        self.apply_filter(self.search.text())

    def _show_retired(self) -> None:
        retired = self.session.carried.retired
        self.retired.setVisible(bool(retired))
        if retired:
            lines = "\n".join(
                "• "
                + _("{signal} (catalog version {version})").format(
                    signal=r.text, version=r.catalog_version
                )
                for r in retired
            )
            self.retired.setText(
                _(
                    "From an older catalog, no longer in these lists (on the referral as saved, "
                    "not counted):"
                )
                + f"\n{lines}"
            )

    def _build(self) -> None:
        """(Re)build the lists for the current role, age band and concerns.

        Only the lists on the first screen are made now; the others, and most rows, in idle time.
        """
        if self.list_widget is not None:
            self.layout_.removeWidget(self.list_widget)
            self.list_widget.hide()
            self.list_widget.setParent(None)
            self.list_widget.deleteLater()
        assert self.key is not None
        role, band, minor, looked_at = self.key
        concerns = list(looked_at)
        catalog = self.session.catalog
        self.list_widget = LazyColumn(self._make_group)
        lists = catalog.shown_once(
            [
                (checklist, indicators)
                for checklist in catalog.checklists_for(role, band, concerns, minor)
                if (indicators := catalog.indicators_for(checklist, role, band, minor, concerns))
            ],
            frozenset(o.indicator for o in self.session.case.observations),
        )
        # About a screenful: a folded list's header counts as two rows.
        self.list_widget.start(
            lists, FIRST_ROWS, lambda _list, group: 2 + (len(group.rows) if group.expanded else 0)
        )
        self.layout_.insertWidget(0, self.list_widget)
        self.idle.wake()

    def _make_group(self, index: int, fitting: FittingList) -> ChecklistGroup:
        """Make a list: open when it is the first, holds answers or was opened before."""
        assert self.list_widget is not None
        checklist, indicators = fitting
        group = ChecklistGroup(self.session, checklist, indicators, self.list_widget)
        group.toggle.toggled.connect(lambda on: self._remember(checklist.id, on))
        group.toggle.toggled.connect(self.idle.wake)
        group.about_to_fold.connect(lambda: self._keep_in_view(group.toggle))
        group.toggle.toggled.connect(self._folded)
        above = self.list_widget.made(index - 1) if index else None
        if above is not None:  # Tab: after the list above (whose later rows come in before it)
            QWidget.setTabOrder(above.last_in_chain(), group.toggle)
        answered = any(self.session.observation(i.id) is not None for i in indicators)
        if index == 0 or answered or checklist.id in self.opened:
            group.set_expanded(True)
        return group

    def _add_all_groups(self) -> None:
        if self.list_widget is not None:
            self.list_widget.make_through(len(self.lists) - 1)

    def _remember(self, checklist_id: str, opened: bool) -> None:
        if self.search.text().strip():
            return  # a search opens lists by itself; only the user's own choice is kept
        if opened:
            self.opened.add(checklist_id)
        else:
            self.opened.discard(checklist_id)

    def retranslate(self) -> None:
        set_heading(self.title, _("Signals"))
        self._show_retired()
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
        if needle:
            self._add_all_groups()  # a hit may be in a list not made yet
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
        if needle:
            # The first hit at the top, not wherever the scroll happened to be.
            self.scroll_area.verticalScrollBar().setValue(0)

    def _keep_in_view(self, anchor: QWidget) -> None:
        """Called just before a list folds or opens: afterwards, put its header back where it
        was clicked. Otherwise the rows jump and the next click lands on some other signal.
        """
        bar = self.scroll_area.verticalScrollBar()
        self._anchor = (anchor, anchor.mapTo(self.body, QPoint(0, 0)).y() - bar.value())

    def _folded(self) -> None:
        """A list folded or opened: let the layouts settle at once, then restore the header."""
        if self._anchor is None:
            return
        anchor, viewport_y = self._anchor
        self._anchor = None
        bar = self.scroll_area.verticalScrollBar()

        def restore() -> None:
            if anchor.isVisible():
                target = anchor.mapTo(self.body, QPoint(0, 0)).y() - viewport_y
                bar.setValue(max(0, min(bar.maximum(), target)))

        # Until the page has its new height, Qt squeezes the lists above into the old one, so
        # the header would be measured in the wrong place.
        for _round in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        restore()
        QTimer.singleShot(0, restore)

    def show_indicator(self, indicator_id: str) -> SignalRow | None:
        """Open the list of a signal, scroll its row into view and put the cursor in its facts.

        Used by the referral page's list of signals marked without facts.
        """
        if self.search.text():
            self.search.clear()
        for index, (_checklist, indicators) in enumerate(self.lists):
            if any(indicator.id == indicator_id for indicator in indicators):
                assert self.list_widget is not None
                self.list_widget.make_through(index)
                group = self.list_widget.ensure(index)
                group.set_expanded(True)
                group.ensure_rows([indicator_id])
                row = group.rows.get(indicator_id)
                if row is None:
                    return None
                row.show_details()
                target: QWidget = row.facts if row.facts is not None else row
                self._scroll_to(row, target)
                return row
        return None

    def _scroll_to(self, row: SignalRow, target: QWidget) -> None:
        def scroll() -> None:
            if row.isVisible():
                self.scroll_area.ensureWidgetVisible(row, 0, 40)
                target.setFocus()

        scroll()
        QTimer.singleShot(0, scroll)

    def _show_no_match(self) -> None:
        if not self.lists:
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
        return [i for _checklist, indicators in self.lists for i in matching(indicators, needle)]

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
        for group in self.groups:  # in the order shown: a list's rows, then the next list
            if group.body is not None and group.pending and group.expanded and not group.isHidden():
                group.body.make_more(deadline)
                # Grow the page now: until it has its new height, Qt squeezes the rows above
                # the new ones and everything on screen jumps up for a moment.
                QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
                return True
        if self.list_widget is not None and self.list_widget.pending:
            self.list_widget.make_next()
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
