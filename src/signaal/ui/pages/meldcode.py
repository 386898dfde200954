"""Step 5: the meldcode steps taken — consultation and the conversation, per the role's protocol."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import Consultation, Conversation, text_limit
from signaal.assessment.intake import age_group
from signaal.assessment.role_texts import (
    conversation_example,
    conversation_question,
    conversation_title,
)
from signaal.i18n import _, content_language
from signaal.ui.date_field import DateField
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line, limit_plain
from signaal.ui.widgets import (
    FieldLabel,
    WrapLabel,
    describe,
    form_layout,
    set_checked,
    set_heading,
)

CONSENT_VALUES = ("", "yes", "no")


def _date_edit(name: str) -> DateField:
    # A meldcode step cannot have happened later than tomorrow (time zones, a late evening).
    return DateField(name, latest=dt.date.today() + dt.timedelta(days=1))


def _text_edit(name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    limit_plain(edit, text_limit(Conversation, "reaction"))  # every text area here: free text
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
    return edit


class MeldcodePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.steps_box = QGroupBox()
        steps_layout = QVBoxLayout(self.steps_box)
        self.steps_text = WrapLabel()
        self.steps_text.setObjectName("protocol-steps")
        steps_layout.addWidget(self.steps_text)

        # Step 2: consultation.
        self.consult_box = QGroupBox()
        consult = form_layout(self.consult_box)
        self.consult_done = QCheckBox()
        self.consult_done.setObjectName("consultation-done")
        self.consult_with = QLineEdit()
        limit_line(self.consult_with, text_limit(Consultation, "with_whom"))
        self.consult_with.setObjectName("consultation-with")
        self.consult_on = _date_edit("consultation-date")
        self.vt_advice = QCheckBox()
        self.vt_advice.setObjectName("vt-advice")
        self.vt_advice_on = _date_edit("vt-advice-date")
        self.vt_summary = _text_edit("vt-advice-summary")
        self.consult_with_label = FieldLabel()
        self.consult_on_label = FieldLabel()
        self.vt_on_label = FieldLabel()
        self.vt_summary_label = FieldLabel()
        consult.addRow(self.consult_done)
        consult.addRow(self.consult_with_label, self.consult_with)
        consult.addRow(self.consult_on_label, self.consult_on)
        consult.addRow(self.vt_advice)
        consult.addRow(self.vt_on_label, self.vt_advice_on)
        consult.addRow(self.vt_summary_label, self.vt_summary)

        # Step 3: the conversation, or the exception that applies.
        self.talk_box = QGroupBox()
        talk = form_layout(self.talk_box)
        answers = QWidget()
        answers_layout = QHBoxLayout(answers)
        answers_layout.setContentsMargins(0, 0, 0, 0)
        self.talk_done = QRadioButton()
        self.talk_done.setObjectName("conversation-done")
        self.talk_not_done = QRadioButton()
        self.talk_not_done.setObjectName("conversation-not-done")
        self.talk_group = QButtonGroup(self)
        for button in (self.talk_done, self.talk_not_done):
            self.talk_group.addButton(button)
            answers_layout.addWidget(button)
        answers_layout.addStretch(1)
        self.talk_with = QLineEdit()
        limit_line(self.talk_with, text_limit(Conversation, "with_whom"))
        self.talk_with.setObjectName("conversation-with")
        self.talk_on = _date_edit("conversation-date")
        self.talk_reaction = _text_edit("conversation-reaction")
        self.exception = QComboBox()
        self.exception.setObjectName("conversation-exception")
        self.exception.addItem("", None)
        for item in session.catalog.step3_exceptions:
            self.exception.addItem("", item.id)
        # Long exception texts must not widen the page past the window (a sideways scroll bar
        # at the default size): the closed box shows what fits, the open list shows it all.
        self.exception.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.exception.setMinimumContentsLength(24)
        self.exception.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        self.consent = QComboBox()
        self.consent.setObjectName("consent-to-refer")
        for value in CONSENT_VALUES:
            self.consent.addItem("", value)
        self.talk_question = WrapLabel()
        self.talk_with_label = FieldLabel()
        self.talk_on_label = FieldLabel()
        self.reaction_label = FieldLabel()
        self.exception_label = FieldLabel()
        self.consent_label = FieldLabel()
        talk.addRow(self.talk_question)
        talk.addRow(answers)
        talk.addRow(self.talk_with_label, self.talk_with)
        talk.addRow(self.talk_on_label, self.talk_on)
        talk.addRow(self.reaction_label, self.talk_reaction)
        talk.addRow(self.exception_label, self.exception)
        talk.addRow(self.consent_label, self.consent)

        self.layout_.addWidget(self.consult_box)
        self.layout_.addWidget(self.talk_box)
        self.layout_.addWidget(self.steps_box)
        self.add_guidance(self.layout_, "meldcode")
        self.layout_.addStretch(1)

        for label, field in (
            (self.consult_with_label, self.consult_with),
            (self.consult_on_label, self.consult_on),
            (self.vt_on_label, self.vt_advice_on),
            (self.vt_summary_label, self.vt_summary),
            (self.talk_with_label, self.talk_with),
            (self.talk_on_label, self.talk_on),
            (self.reaction_label, self.talk_reaction),
            (self.exception_label, self.exception),
            (self.consent_label, self.consent),
        ):
            label.setBuddy(field)

        self.retranslate()
        self.refresh()
        self.consult_done.toggled.connect(self._consultation)
        self.consult_with.textChanged.connect(self._consultation)
        self.consult_on.edited.connect(self._consultation)
        self.vt_advice.toggled.connect(self._consultation)
        self.vt_advice_on.edited.connect(self._consultation)
        self.vt_summary.textChanged.connect(self._consultation)
        self.talk_done.toggled.connect(self._conversation)
        self.talk_not_done.toggled.connect(self._conversation)
        self.talk_with.textChanged.connect(self._conversation)
        self.talk_on.edited.connect(self._conversation)
        self.talk_reaction.textChanged.connect(self._conversation)
        self.exception.currentIndexChanged.connect(self._conversation)
        self.consent.currentIndexChanged.connect(self._consent)

    def first_focus(self) -> QWidget | None:
        return self.consult_done

    def retranslate(self) -> None:
        language = content_language()
        session = self.session
        self._protocol_key = self._text_key()
        role = session.catalog.role(session.case.role)
        protocol = session.catalog.protocol_for(session.case.role)
        steps = {step.number: step for step in protocol.steps}
        set_heading(self.title, _("Meldcode steps"))
        self.intro.setText(
            _(
                "{protocol}: record what you have done so far. Nothing here is required to go on."
            ).format(protocol=protocol.name.get(language))
        )
        self.steps_box.setTitle(
            _("The five steps: {protocol}").format(protocol=protocol.name.get(language))
        )
        lines = [
            f"{step.number}. {step.title.get(language)} — {step.description.get(language)}"
            for step in protocol.steps
        ]
        lines += ["", *(norm.get(language) for norm in protocol.reporting_norms)]
        self.steps_text.setText("\n".join(lines))
        self.retranslate_guidance()
        for field in (self.consult_on, self.vt_advice_on, self.talk_on):
            field.retranslate()
        step2, step3 = steps.get(2), steps.get(3)
        # A role that works for a contact (content: `own_contact`) is the advice line itself.
        # Veilig Thuis is the advice line itself: its steps 2 and 3 are about the reporter, so
        # the consultation and the conversation get plain titles, and "asked Veilig Thuis" goes.
        own = role.own_contact is not None
        if own:
            step2 = step3 = None
        self.consult_box.setTitle(
            _("Step 2: {title}").format(title=step2.title.get(language))
            if step2
            else _("Consultation")
        )
        for widget in (self.vt_advice, self.vt_advice_on, self.vt_summary):
            widget.setVisible(not own)
        for label in (self.vt_on_label, self.vt_summary_label):
            label.setVisible(not own)
        self.consult_done.setText(_("I have consulted someone about this"))
        describe(
            self.consult_done,
            _("Consultation done"),
            step2.description.get(language) if step2 else "",
        )
        self.consult_with_label.setText(_("With &whom"))
        self.consult_with.setPlaceholderText(role.consultation_partners.get(language))
        describe(
            self.consult_with, _("Consulted with whom"), role.consultation_partners.get(language)
        )
        self.consult_on_label.setText(_("&Date"))
        describe(self.consult_on, _("Date of the consultation"))
        self.vt_advice.setText(_("I asked Veilig Thuis for advice"))
        describe(self.vt_advice, _("Veilig Thuis advice asked"))
        self.vt_on_label.setText(_("Date of the &advice"))
        describe(self.vt_advice_on, _("Date of the Veilig Thuis advice"))
        self.vt_summary_label.setText(_("What Veilig Thuis adv&ised"))
        describe(self.vt_summary, _("What Veilig Thuis advised"))
        # An adult has no parents to talk with: the titles and examples follow role and age.
        minor = age_group(session.catalog, session.case).minor
        adult_title = conversation_title(role, minor)
        adult_question = conversation_question(minor)
        self.talk_box.setTitle(
            _("Step 3: {title}").format(
                title=adult_title.get(language) if adult_title else step3.title.get(language)
            )
            if step3
            else adult_title.get(language)
            if adult_title
            else _("Conversation with those involved")
        )
        self.talk_question.setText(
            adult_question.get(language)
            if adult_question
            else step3.description.get(language)
            if step3
            else _("Did you talk with the person or the parents about the concerns?")
        )
        self.talk_done.setText(_("Conversation held"))
        self.talk_not_done.setText(_("Not held"))
        describe(self.talk_done, _("Conversation held"))
        describe(
            self.talk_not_done,
            _("Conversation not held"),
            _("Then choose the exception that applies"),
        )
        self.talk_with_label.setText(_("With wh&om"))
        self.talk_with.setPlaceholderText(conversation_example(role, minor).get(language))
        describe(self.talk_with, _("Conversation with whom"))
        self.talk_on_label.setText(_("Da&te"))
        describe(self.talk_on, _("Date of the conversation"))
        self.reaction_label.setText(_("&Reaction"))
        self.talk_reaction.setPlaceholderText(_("How did they react? Facts and their own words."))
        describe(self.talk_reaction, _("Reaction to the conversation"))
        self.exception_label.setText(_("&Exception that applies"))
        self.exception.setItemText(0, _("Choose the reason…"))
        for index, item in enumerate(session.catalog.step3_exceptions, start=1):
            self.exception.setItemText(index, item.text.get(language))
        describe(
            self.exception,
            _("Exception that applies"),
            _("Why the conversation was not held (for example: it would endanger someone)"),
        )
        self.consent_label.setText(_("A&grees to a referral"))
        for index, text in enumerate((_("Not asked or not known"), _("Yes"), _("No"))):
            self.consent.setItemText(index, text)
        describe(self.consent, _("Agrees to a referral"))
        self._update_enabled()

    def refresh(self) -> None:
        steps = self.session.case.meldcode_steps
        consultation, conversation = steps.consultation, steps.conversation
        widgets: list[QWidget] = [
            self.consult_done, self.consult_with, self.consult_on, self.vt_advice,
            self.vt_advice_on, self.vt_summary, self.talk_done, self.talk_not_done,
            self.talk_with, self.talk_on, self.talk_reaction, self.exception, self.consent,
        ]  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        self.consult_done.setChecked(consultation.done)
        if self.consult_with.text() != consultation.with_whom:
            self.consult_with.setText(consultation.with_whom)
        self.consult_on.setDate(consultation.on)
        self.vt_advice.setChecked(consultation.vt_advice)
        self.vt_advice_on.setDate(consultation.vt_advice_on)
        if self.vt_summary.toPlainText() != consultation.vt_advice_summary:
            self.vt_summary.setPlainText(consultation.vt_advice_summary)
        set_checked(
            self.talk_group,
            (self.talk_done, conversation.done is True),
            (self.talk_not_done, conversation.done is False),
        )
        if self.talk_with.text() != conversation.with_whom:
            self.talk_with.setText(conversation.with_whom)
        self.talk_on.setDate(conversation.on)
        if self.talk_reaction.toPlainText() != conversation.reaction:
            self.talk_reaction.setPlainText(conversation.reaction)
        self.exception.setCurrentIndex(max(0, self.exception.findData(conversation.exception)))
        consent = self.session.case.context.consent_to_refer
        self.consent.setCurrentIndex(
            CONSENT_VALUES.index({None: "", True: "yes", False: "no"}[consent])
        )
        for widget in widgets:
            widget.blockSignals(False)
        if self._protocol_key != self._text_key():
            self.retranslate()
        self._update_enabled()

    def _text_key(self) -> tuple[str, bool | None]:
        """What the page's texts depend on besides the language: the role and child or adult."""
        case = self.session.case
        return case.role, age_group(self.session.catalog, case).minor

    def _update_enabled(self) -> None:
        done = self.consult_done.isChecked()
        self.consult_with.setEnabled(done)
        self.consult_on.setEnabled(done)
        self.vt_advice_on.setEnabled(self.vt_advice.isChecked())
        self.vt_summary.setEnabled(self.vt_advice.isChecked())
        held = self.talk_done.isChecked()
        fields: list[QWidget] = [self.talk_with, self.talk_on, self.talk_reaction]
        for field in fields:
            field.setEnabled(held)
        self.exception.setEnabled(self.talk_not_done.isChecked())

    def _consultation(self) -> None:
        done = self.consult_done.isChecked()
        vt_advice = self.vt_advice.isChecked()
        self.session.write(
            self.session.case.meldcode_steps.consultation,
            done=done,
            with_whom=self.consult_with.text(),
            on=self.consult_on.date() if done else None,
            vt_advice=vt_advice,
            vt_advice_on=self.vt_advice_on.date() if vt_advice else None,
            vt_advice_summary=self.vt_summary.toPlainText(),
        )
        self._update_enabled()

    def _conversation(self) -> None:
        held = (
            True
            if self.talk_done.isChecked()
            else False
            if self.talk_not_done.isChecked()
            else None
        )
        exception = self.exception.currentData()
        self.session.write(
            self.session.case.meldcode_steps.conversation,
            done=held,
            with_whom=self.talk_with.text(),
            on=self.talk_on.date() if held else None,
            reaction=self.talk_reaction.toPlainText(),
            exception=exception if held is False and isinstance(exception, str) else None,
        )
        self._update_enabled()

    def _consent(self, index: int) -> None:
        value = CONSENT_VALUES[index] if 0 <= index < len(CONSENT_VALUES) else ""
        consent = {"yes": True, "no": False}.get(value)
        self.session.answer(self.session.case.context, consent_to_refer=consent)
