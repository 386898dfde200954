"""Step 4: the checklists that fit role, age band and concerns, grouped as the content groups them.

The rows are built once per (role, age band, concerns) and kept: a click changes one row and the
side panel, never the whole list. The search box only hides and shows rows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from signaal.i18n import _, content_language
from signaal.ui.pages.base import Page
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.session import Session
from signaal.ui.widgets import Heading, WrapLabel, describe, set_heading

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
        self.rows: dict[str, SignalRow] = {}
        # (checklist heading, its description, [(section heading, [rows])])
        self.groups: list[tuple[Heading, WrapLabel, list[tuple[Heading, list[SignalRow]]]]] = []
        self.list_widget: QWidget | None = None
        self.key: ListKey | None = None
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.search

    def list_key(self) -> ListKey:
        case = self.session.case
        return (case.role, case.age_band, tuple(case.concerns))

    def refresh(self) -> None:
        key = self.list_key()
        if key != self.key:
            self.key = key
            self._build()
        else:
            for row in self.rows.values():
                row.load()
        self.apply_filter(self.search.text())

    def _build(self) -> None:
        """(Re)build the rows for the current role, age band and concerns."""
        if self.list_widget is not None:
            self.layout_.removeWidget(self.list_widget)
            self.list_widget.deleteLater()
        session = self.session
        catalog = session.catalog
        case = session.case
        widget = QWidget()
        layout = QVBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        self.rows = {}
        self.groups = []
        for checklist in catalog.checklists_for(case.role, case.age_band, case.concerns):
            indicators = catalog.indicators_for(checklist, case.role, case.age_band)
            if not indicators:
                continue
            heading = Heading(level=2)
            heading.setObjectName(f"checklist-{checklist.id}")
            description = WrapLabel()
            layout.addWidget(heading)
            layout.addWidget(description)
            sections = []
            for section in checklist.sections:
                members = [i for i in indicators if i.section == section.id]
                if not members:
                    continue
                section_heading = Heading(level=3)
                section_heading.setObjectName(f"section-{section.id}")
                layout.addWidget(section_heading)
                rows = []
                for indicator in members:
                    row = SignalRow(session, indicator)
                    layout.addWidget(row)
                    rows.append(row)
                    self.rows[indicator.id] = row
                sections.append((section_heading, rows))
            self.groups.append((heading, description, sections))
        self.list_widget = widget
        self.layout_.insertWidget(0, widget)
        self._translate_groups()

    def _translate_groups(self) -> None:
        language = content_language()
        catalog = self.session.catalog
        case = self.session.case
        checklists = {
            c.id: c for c in catalog.checklists_for(case.role, case.age_band, case.concerns)
        }
        for heading, description, sections in self.groups:
            checklist = checklists.get(heading.objectName().removeprefix("checklist-"))
            if checklist is None:
                continue
            set_heading(heading, checklist.title.get(language))
            text = checklist.description.get(language)
            if checklist.note is not None:
                text += "\n" + checklist.note.get(language)
            description.setText(text)
            titles = {s.id: s for s in checklist.sections}
            for section_heading, _rows in sections:
                section = titles[section_heading.objectName().removeprefix("section-")]
                title = section.title.get(language)
                if section.description is not None:
                    title += " — " + section.description.get(language)
                set_heading(section_heading, title)

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
        self.no_match.setText(_("No signal contains this text."))
        self.retranslate_guidance()
        for row in self.rows.values():
            row.retranslate()
        self._translate_groups()
        if self.key is not None and not self.rows:
            self.no_match.setText(
                _("No signal list fits this role, age and concerns yet: check the previous steps.")
            )

    def apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        any_shown = False
        for heading, description, sections in self.groups:
            checklist_shown = False
            for section_heading, rows in sections:
                shown = [row.matches(needle) for row in rows]
                for row, visible in zip(rows, shown, strict=True):
                    _show(row, visible)
                _show(section_heading, any(shown))
                checklist_shown = checklist_shown or any(shown)
            _show(heading, checklist_shown)
            _show(description, checklist_shown and not needle)
            any_shown = any_shown or checklist_shown
        if not self.rows:
            self.no_match.setText(
                _("No signal list fits this role, age and concerns yet: check the previous steps.")
            )
        else:
            self.no_match.setText(_("No signal contains this text."))
        _show(self.no_match, not any_shown)

    def visible_indicators(self) -> list[str]:
        """The ids of the signals the user can see now (after the search filter)."""
        return [i for i, row in self.rows.items() if not row.isHidden()]


def _show(widget: QWidget, visible: bool) -> None:
    """setVisible only on a change: each call relayouts, and a list has hundreds of widgets."""
    if widget.isHidden() == visible:
        widget.setVisible(visible)
