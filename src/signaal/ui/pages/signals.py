"""Step 4: the checklists that fit role, age band and concerns, grouped as the content groups them.

Each checklist folds; its rows are built when it is first opened, and then kept: a click changes
one row and the side panel, never the whole list. The search looks through the content (not the
widgets), opens the lists with a match and only hides and shows rows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from signaal.i18n import _
from signaal.ui.pages.base import Page
from signaal.ui.pages.checklist_group import ChecklistGroup
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import WrapLabel, describe, set_heading

ListKey = tuple[str, str | None, bool | None, tuple[str, ...]]


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
        return (case.role, case.age_band, case.minor, tuple(case.concerns))

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
        for checklist in catalog.checklists_for(
            case.role, case.age_band, case.concerns, case.minor
        ):
            indicators = catalog.indicators_for(checklist, case.role, case.age_band, case.minor)
            if not indicators:
                continue
            group = ChecklistGroup(session, checklist, indicators)
            group.toggle.toggled.connect(lambda on, g=group: self._remember(g.checklist.id, on))
            layout.addWidget(group)
            self.groups.append(group)
        # Open the first list, and every list that already holds answers.
        for index, group in enumerate(self.groups):
            answered = any(session.observation(i.id) is not None for i in group.indicators)
            if index == 0 or answered or group.checklist.id in self.opened:
                group.set_expanded(True)
        self.list_widget = widget
        self.layout_.insertWidget(0, widget)

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
            else:
                group.set_expanded(group.expanded or group.checklist.id in self.opened)
            _show(group, bool(matches))
            _show(group.description, not needle)
            for heading, rows in group.sections:
                shown = [row.indicator.id in matches for row in rows]
                for row, visible in zip(rows, shown, strict=True):
                    _show(row, visible)
                _show(heading, any(shown))
        self._show_no_match()

    def _show_no_match(self) -> None:
        if not self.groups:
            self.no_match.setText(
                _("No signal list fits this role, age and concerns yet: check the previous steps.")
            )
            _show(self.no_match, self.key is not None)
            return
        self.no_match.setText(_("No signal contains this text."))
        _show(self.no_match, all(group.isHidden() for group in self.groups))

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


def _show(widget: QWidget, visible: bool) -> None:
    """setVisible only on a change: each call relayouts, and a list has hundreds of widgets."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)
