"""Step 7: what the assessment says and why, who to contact, and the professional's own decision.

The contact cards are the heaviest part of the page: they are added in idle time, a few
milliseconds at a time, once the page with its summary is on screen.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QGroupBox, QPlainTextEdit, QVBoxLayout, QWidget

from signaal.content.models import Contact
from signaal.i18n import _, active_language, content_language
from signaal.ui.pages.base import Page
from signaal.ui.pages.weighing import outcome_name
from signaal.ui.profile_panel import concern_name, profile_name
from signaal.ui.session import Session
from signaal.ui.widgets import (
    ContactCard,
    Heading,
    IdleWork,
    NoteLabel,
    WrapLabel,
    clear_layout,
    describe,
    set_heading,
    show_added,
)


def _editor(name: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    editor.setObjectName(name)
    editor.setTabChangesFocus(True)
    editor.setMinimumHeight(editor.fontMetrics().lineSpacing() * 4 + 12)
    return editor


class OutcomePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.summary = QWidget()
        self.summary.setObjectName("outcome-summary")
        self.summary_layout = QVBoxLayout(self.summary)
        self.summary_layout.setContentsMargins(0, 0, 0, 0)
        self._shown_for: tuple[int, str] | None = None
        self._shown_assessment: object = None
        # Contact cards still to add: contact, reason, urgency.
        self._cards: list[tuple[Contact, str, str]] = []
        self.idle = IdleWork(self.body, self._add_cards)
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
        self.add_guidance(
            self.layout_,
            ("after-the-report", "acute-medical-evaluation", "labour-rights-or-exploitation"),
        )
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
        self.decision.setPlaceholderText(
            _("What you decide to do, for example: report to Veilig Thuis today.")
        )
        describe(self.decision, _("Your decision"), _("Printed in the referral as your decision"))
        self.reasoning_label.setText(_("&Reasoning"))
        self.reasoning.setPlaceholderText(_("Why: the facts and considerations behind it."))
        describe(
            self.reasoning, _("Your reasoning"), _("Printed in the referral with the decision")
        )
        self.retranslate_guidance()
        self.refresh()

    def refresh(self) -> None:
        decision = self.session.case.decision
        if self.decision.toPlainText() != decision.decision:
            self.decision.setPlainText(decision.decision)
        if self.reasoning.toPlainText() != decision.reasoning:
            self.reasoning.setPlainText(decision.reasoning)
        self._fill_summary()

    def _fill_summary(self) -> None:
        session = self.session
        catalog = session.catalog
        assessment = session.assessment()
        language = active_language()
        # The session keeps one Assessment object until an answer changes: same object and
        # language, same summary — showing the page again costs nothing.
        if self._shown_for == (id(assessment), language):
            return
        self._shown_for = (id(assessment), language)
        self._shown_assessment = assessment  # keeps the id from being reused
        clear_layout(self.summary_layout)
        language = content_language()
        add = self.summary_layout.addWidget

        weighing = assessment.weighing
        add(Heading(_("Weighing"), level=2))
        if weighing.outcome is not None:
            headline = outcome_name(weighing.outcome)
        elif weighing.consult_veilig_thuis:
            headline = _("In doubt: ask Veilig Thuis for advice")
        else:
            headline = _("The weighing is not finished yet.")
        result = Heading(headline, level=3)
        result.setObjectName("outcome-weighing")
        add(result)
        for explanation in weighing.explanations:
            add(WrapLabel("• " + explanation.text.get(language)))

        titles = {c.id: c.title.get(language) for c in catalog.checklists}
        for profile in assessment.trafficking:
            add(Heading(titles.get(profile.checklist, profile.checklist), level=2))
            label = WrapLabel(
                _("Indicator profile: {profile}").format(profile=profile_name(profile.profile))
            )
            label.setObjectName(f"outcome-profile-{profile.checklist}")
            add(label)
            for explanation in profile.explanations:
                add(WrapLabel("• " + explanation.text.get(language)))
            if profile.note is not None:
                add(NoteLabel(profile.note.get(language)))

        concern = assessment.concern
        if concern.assessed:
            add(Heading(_("Level of concern (sexual abuse)"), level=2))
            level = WrapLabel(concern_name(concern.level))
            level.setObjectName("outcome-concern")
            add(level)
            for explanation in concern.explanations:
                add(WrapLabel("• " + explanation.text.get(language)))

        for note in assessment.notes:
            add(WrapLabel("• " + note.text.get(language)))

        add(Heading(_("Who you can contact"), level=2))
        if not assessment.referrals:
            add(WrapLabel(_("No referral advice follows from the answers so far.")))
        self._cards = []
        for referral in assessment.referrals:
            contact = catalog.contacts_by_id.get(referral.contact)
            if contact is not None:
                reasons = [r.get(language) for r in referral.reasons] or [
                    referral.reason.get(language)
                ]
                self._cards.append((contact, "\n".join(dict.fromkeys(reasons)), referral.urgency))
        self.idle.wake()

    @property
    def building(self) -> bool:
        """Whether contact cards are still to be added."""
        return bool(self._cards)

    def _add_cards(self, deadline: float) -> bool:
        """Add contact cards in their order until `deadline`; whether any are left."""
        while self._cards:
            contact, reason, urgency = self._cards.pop(0)
            card = ContactCard(contact, reason, urgency, self.summary)
            self.summary_layout.addWidget(card)
            show_added(card)
            if time.perf_counter() >= deadline:
                break
        return bool(self._cards)

    def _decision_changed(self) -> None:
        decision = self.session.case.decision
        decision.decision = self.decision.toPlainText()
        decision.reasoning = self.reasoning.toPlainText()
        self.session.mark_edited()
