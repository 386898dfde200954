"""Step 7: what the assessment says and why, who to contact, and the professional's own decision.

The summary is long (explanations per list, then a contact card per referral): a `LazyColumn`
makes its first screen when the page opens, the rest in idle time, a few milliseconds at a time,
once the page is on screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QVBoxLayout, QWidget

from signaal.assessment import Assessment
from signaal.assessment.case import Decision, text_limit
from signaal.assessment.result import Explanation
from signaal.assessment.routing import call_now
from signaal.content.models import Contact
from signaal.i18n import _, active_language, content_language
from signaal.ui.lazy import LazyColumn
from signaal.ui.pages.base import Page
from signaal.ui.pages.weighing import outcome_name
from signaal.ui.profile_panel import concern_name, profile_name
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_plain
from signaal.ui.widgets import (
    ContactCard,
    Heading,
    IdleWork,
    NoteLabel,
    WrapLabel,
    describe,
    set_heading,
)

# A summary item: ("heading" | "result" | "text" | "note", text, object name), or a contact
# card: (contact, reason, urgency).
SummaryItem = tuple[str | Contact, str, str]

# Contact cards count as this many lines when the first screen is measured.
CARD_LINES = 5


def _editor(name: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setObjectName(name)
    limit_plain(editor, text_limit(Decision, "decision"))
    editor.setTabChangesFocus(True)
    editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
    return editor


class OutcomePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.summary: LazyColumn[SummaryItem, QWidget] = LazyColumn(self._make)
        self.summary.setObjectName("outcome-summary")
        # The assessment and language the summary shows (the object itself, compared by identity).
        self._shown_for: tuple[Assessment, str] | None = None
        self.idle = IdleWork(self.body, self.summary.make_more)
        self.decision_box = QGroupBox()
        decision = QVBoxLayout(self.decision_box)
        self.decision_label = WrapLabel()
        self.decision = _editor("decision-text")
        self.reasoning_label = WrapLabel()
        self.reasoning = _editor("decision-reasoning")
        self.decision_label.setBuddy(self.decision)
        self.reasoning_label.setBuddy(self.reasoning)
        for widget in (self.decision_label, self.decision, self.reasoning_label, self.reasoning):
            decision.addWidget(widget)
        self.layout_.addWidget(self.summary)
        self.layout_.addWidget(self.decision_box)
        self.add_guidance(self.layout_, "outcome")
        self.layout_.addStretch(1)
        self.decision.textChanged.connect(self._decision_changed)
        self.reasoning.textChanged.connect(self._decision_changed)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.decision

    def retranslate(self) -> None:
        set_heading(self.title, _("Outcome"))
        self.intro.setText(
            _(
                "What the rules say and why, and who you can contact. Signaal advises; "
                "you decide and write down why."
            )
        )
        self.decision_box.setTitle(_("Your decision"))
        self.decision_label.setText(_("&Decision"))
        self._placeholder()
        describe(self.decision, _("Your decision"), _("Printed in the referral as your decision"))
        self.reasoning_label.setText(_("&Reasoning"))
        self.reasoning.setPlaceholderText(_("Why: the facts and considerations behind it."))
        describe(
            self.reasoning, _("Your reasoning"), _("Printed in the referral with the decision")
        )
        self.retranslate_guidance()
        self.refresh()

    def _placeholder(self) -> None:
        """The example decision fits the flow: a Veilig Thuis worker does not report to itself."""
        if self.session.flow == "intake":
            self.decision.setPlaceholderText(
                _(
                    "What you decide to do, for example: arrange safety with the police today "
                    "and register with CoMensha."
                )
            )
        else:
            self.decision.setPlaceholderText(
                _("What you decide to do, for example: report to Veilig Thuis today.")
            )

    def refresh(self) -> None:
        self._placeholder()
        decision = self.session.case.decision
        if self.decision.toPlainText() != decision.decision:
            self.decision.setPlainText(decision.decision)
        if self.reasoning.toPlainText() != decision.reasoning:
            self.reasoning.setPlainText(decision.reasoning)
        self._fill_summary()

    def _fill_summary(self) -> None:
        if self.window() is self:
            return  # not in the window yet: how much fits on the first screen is unknown
        session = self.session
        assessment = session.assessment()
        language = active_language()
        # The session keeps one Assessment object until an answer changes: same object and
        # language, same summary — showing the page again costs nothing.
        shown = self._shown_for
        if shown is not None and shown[0] is assessment and shown[1] == language:
            return
        self._shown_for = (assessment, language)
        window = self.window()
        area = self.parentWidget() or window
        self.summary.start(self._summary_items(assessment), area.height(), self._height)
        self.idle.wake()

    def _height(self, item: SummaryItem, _widget: QWidget) -> float:
        """How high an item stands, counted generously, to fill the first screen.

        Lines are as long as the window is wide, in the height of the area pages are shown in:
        an item too many costs a little time, one too few would show the decision under the
        summary's first part and then push it down when the rest comes in.
        """
        kind, text, _name = item
        metrics = self.fontMetrics()
        per_line = max(1, self.window().width() // max(1, metrics.averageCharWidth()))
        lines: float = CARD_LINES
        if not isinstance(kind, Contact):
            lines = -(-len(text) // per_line) * (1.2 if kind in ("heading", "result") else 1)
        return lines * metrics.lineSpacing() + max(0, self.summary.layout_.spacing())

    def _summary_items(self, assessment: Assessment) -> list[SummaryItem]:
        """What the summary shows, in order: each a heading, a text, a note or a contact card."""
        catalog = self.session.catalog
        language = content_language()
        items: list[SummaryItem] = []

        def bullets(texts: list[Explanation]) -> None:
            items.extend(("text", "• " + text.text.get(language), "") for text in texts)

        weighing = assessment.weighing
        if weighing.acute_danger:
            # Acute danger comes before everything else, on this page as on the first.
            items.append(("heading", _("Call now"), "outcome-acute"))
            for urgent in call_now(catalog, assessment.referrals):
                card = catalog.contact(urgent.contact)
                items.append((card, urgent.reason.get(language), urgent.urgency))
        own = catalog.weighing_protocol(self.session.case.role)
        title = catalog.protocols_by_id[own].weighing_title if own is not None else None
        items.append(("heading", _("Weighing") if title is None else title.get(language), ""))
        if weighing.outcome is not None:
            headline = outcome_name(weighing.outcome, catalog)
        elif weighing.needs_relation:
            headline = _("First: who may be exploiting or harming this person?")
        elif weighing.consult_veilig_thuis:
            headline = _("In doubt: ask Veilig Thuis for advice")
        else:
            headline = _("The weighing is not finished yet.")
        items.append(("result", headline, "outcome-weighing"))
        bullets(weighing.explanations)

        titles = {c.id: c.title.get(language) for c in catalog.checklists}
        for profile in assessment.trafficking:
            items.append(("heading", titles.get(profile.checklist, profile.checklist), ""))
            items.append(
                (
                    "text",
                    profile_name(profile.profile),
                    f"outcome-profile-{profile.checklist}",
                )
            )
            bullets(profile.explanations)
            if profile.note is not None:
                items.append(("note", profile.note.get(language), ""))

        concern = assessment.concern
        if concern.assessed:
            items.append(("heading", _("Level of concern (sexual abuse)"), ""))
            items.append(("text", concern_name(concern.level), "outcome-concern"))
            bullets(concern.explanations)
        bullets(assessment.notes)

        items.append(
            (
                "heading",
                _("Onward routes") if own is not None else _("Who you can contact"),
                "",
            )
        )
        if not assessment.referrals:
            items.append(("text", _("No referral advice follows from the answers so far."), ""))
        for referral in assessment.referrals:
            contact = catalog.contacts_by_id.get(referral.contact)
            if contact is not None:
                reasons = [r.get(language) for r in referral.reasons] or [
                    referral.reason.get(language)
                ]
                items.append((contact, "\n".join(dict.fromkeys(reasons)), referral.urgency))
        return items

    def _make(self, _index: int, item: SummaryItem) -> QWidget:
        kind, text, name = item
        parent = self.summary
        widget: QWidget
        if isinstance(kind, Contact):
            widget = ContactCard(kind, text, name, parent)
        elif kind == "heading":
            widget = Heading(text, level=2, parent=parent)
        elif kind == "result":
            widget = Heading(text, level=3, parent=parent)
        elif kind == "note":
            widget = NoteLabel(text, parent=parent)
        else:
            widget = WrapLabel(text, parent)
        if name and not isinstance(kind, Contact):
            widget.setObjectName(name)
        return widget

    @property
    def building(self) -> bool:
        """Whether parts of the summary (below the first screen) are still to be added."""
        return self.summary.pending

    def _decision_changed(self) -> None:
        self.session.write(
            self.session.case.decision,
            decision=self.decision.toPlainText(),
            reasoning=self.reasoning.toPlainText(),
        )
