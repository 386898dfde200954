"""Step 8: the referral PDF — who writes it, for what purpose — then preview, print or save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import Person, Purpose, Reporter, text_limit
from signaal.assessment.proposals import birth_date_conflict
from signaal.i18n import _, content_language
from signaal.labels import PURPOSES
from signaal.ui.date_field import DateField
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line
from signaal.ui.widgets import (
    FieldLabel,
    NoteLabel,
    WrapLabel,
    clear_layout,
    describe,
    form_layout,
    set_heading,
)


class ReferralPage(Page):
    preview_requested = Signal()
    print_requested = Signal()
    save_requested = Signal()
    note_requested = Signal()
    # An indicator id: the user wants to add the facts of a signal marked without them.
    signal_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.form_box = QGroupBox()
        form = form_layout(self.form_box)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purpose-combo")
        self._purposes: tuple[Purpose, ...] = ()
        self._fill_purposes()
        self.reporter_name = QLineEdit()
        self.reporter_name.setObjectName("reporter-name")
        self.reporter_job_title = QLineEdit()
        self.reporter_job_title.setObjectName("reporter-job-title")
        self.reporter_organisation = QLineEdit()
        self.reporter_organisation.setObjectName("reporter-organisation")
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setObjectName("reporter-phone")
        for line, name in (
            (self.reporter_name, "name"),
            (self.reporter_organisation, "organisation"),
            (self.reporter_phone, "phone"),
            (self.reporter_job_title, "job_title"),
        ):
            limit_line(line, text_limit(Reporter, name))
        self.labels = [FieldLabel() for _index in range(5)]
        fields: list[QWidget] = [
            self.purpose,
            self.reporter_name,
            self.reporter_job_title,
            self.reporter_organisation,
            self.reporter_phone,
        ]
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
            if field is self.purpose:
                self.purpose_note = NoteLabel()
                self.purpose_note.setObjectName("purpose-proposal")
                form.addRow(self.purpose_note)
        # The person: a name and date of birth only when the user types them.
        self.person_box = QGroupBox()
        person_form = form_layout(self.person_box)
        self.person_note = WrapLabel()
        self.person_name = QLineEdit()
        limit_line(self.person_name, text_limit(Person, "name"))
        self.person_name.setObjectName("person-name")
        # Empty until typed: a default date would be printed as if someone had given it.
        self.birth_date = DateField("birth-date", latest=dt.date.today())
        self.birth_warning = NoteLabel()
        self.birth_warning.setObjectName("birth-date-warning")
        self.birth_warning.setVisible(False)
        self.person_labels = [FieldLabel(), FieldLabel()]
        self.person_labels[0].setBuddy(self.person_name)
        self.person_labels[1].setBuddy(self.birth_date)
        person_form.addRow(self.person_note)
        person_form.addRow(self.person_labels[0], self.person_name)
        person_form.addRow(self.person_labels[1], self.birth_date)
        person_form.addRow(self.birth_warning)
        self.note = WrapLabel()
        # On by default: a saved referral carries the case, so the meldcode can go on later.
        self.embed_case = QCheckBox()
        self.embed_case.setObjectName("embed-case-checkbox")
        self.embed_case.setChecked(session.embed_case)
        self.embed_case.toggled.connect(self._embed_changed)
        buttons = QHBoxLayout()
        self.preview = QPushButton()
        self.preview.setObjectName("preview-button")
        self.print = QPushButton()
        self.print.setObjectName("print-button")
        self.save = QPushButton()
        self.save.setObjectName("save-button")
        self.copy_note = QPushButton()
        self.copy_note.setObjectName("copy-note-button")
        for button in (self.preview, self.print, self.save, self.copy_note):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = WrapLabel()
        self.status.setObjectName("referral-status")
        # Signals marked seen or told without facts: a referral should not carry bare claims.
        self.missing_box = QGroupBox()
        self.missing_box.setObjectName("missing-facts")
        missing = QVBoxLayout(self.missing_box)
        self.missing_intro = WrapLabel()
        missing.addWidget(self.missing_intro)
        self.missing_list = QVBoxLayout()
        missing.addLayout(self.missing_list)
        self.missing_box.setVisible(False)
        self.layout_.addWidget(self.missing_box)
        self.layout_.addWidget(self.form_box)
        self.layout_.addWidget(self.person_box)
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.embed_case)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.status)
        self.add_guidance(self.layout_, "referral")
        self.layout_.addStretch(1)
        self.preview.clicked.connect(self.preview_requested)
        self.print.clicked.connect(self.print_requested)
        self.save.clicked.connect(self.save_requested)
        self.copy_note.clicked.connect(self.note_requested)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.reporter_name.textChanged.connect(self._reporter_changed)
        self.reporter_job_title.textChanged.connect(self._reporter_changed)
        self.reporter_organisation.textChanged.connect(self._reporter_changed)
        self.reporter_phone.textChanged.connect(self._reporter_changed)
        self.person_name.textChanged.connect(self._person_changed)
        self.birth_date.edited.connect(self._person_changed)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.purpose

    def allowed_purposes(self) -> tuple[Purpose, ...]:
        """The purposes the role can choose (content); a Veilig Thuis worker hands over."""
        role = self.session.catalog.roles_by_id.get(self.session.case.role)
        return tuple(role.purposes) if role is not None and role.purposes else tuple(PURPOSES)

    def _fill_purposes(self) -> None:
        """The purpose list for the current role; a purpose the role cannot choose is replaced
        by the role's first one, so the screen and the PDF title agree."""
        allowed = self.allowed_purposes()
        if allowed != self._purposes:
            self._purposes = allowed
            self.purpose.blockSignals(True)
            self.purpose.clear()
            for purpose in allowed:
                self.purpose.addItem(_(PURPOSES[purpose]), purpose)
            self.purpose.blockSignals(False)
        if self.session.case.purpose not in allowed:
            self.session.answer(self.session.case, purpose=allowed[0])

    def retranslate(self) -> None:
        handover = self.session.flow == "intake"
        set_heading(self.title, _("Handover") if handover else _("Referral"))
        if handover:
            self.intro.setText(
                _(
                    "The handover is built in memory. Preview it, print it, or save it where you "
                    "choose; Signaal keeps no copy."
                )
            )
        else:
            self.intro.setText(
                _(
                    "The referral is built in memory. Preview it, print it, or save it where you "
                    "choose; Signaal keeps no copy."
                )
            )
        self.form_box.setTitle(_("About the handover") if handover else _("About the referral"))
        for index in range(self.purpose.count()):
            self.purpose.setItemText(index, _(PURPOSES[self.purpose.itemData(index)]))
        texts = (
            (_("P&urpose"), _("Purpose of the document")),
            (_("Your na&me (optional)"), _("Your name, printed only if you type it")),
            (_("Your &job title (optional)"), _("Your job title, printed only if you type it")),
            (_("&Organisation (optional)"), _("Your organisation, printed only if you type it")),
            (_("Phon&e (optional)"), _("Your phone number, printed only if you type it")),
        )
        fields: list[QWidget] = [
            self.purpose,
            self.reporter_name,
            self.reporter_job_title,
            self.reporter_organisation,
            self.reporter_phone,
        ]
        self.reporter_job_title.setPlaceholderText(_("for example mentor of year 2, GP"))
        for label, field, (text, name) in zip(self.labels, fields, texts, strict=True):
            label.setText(text)
            describe(field, name)
        self.person_box.setTitle(_("The person (only if the referral needs it)"))
        self.person_note.setText(
            _(
                "By default the referral carries only the initials or pseudonym from step 2. "
                "Fill in a name or date of birth only when the receiver needs them."
            )
        )
        self.person_labels[0].setText(_("Full n&ame (optional)"))
        describe(self.person_name, _("Full name of the person"), _("Printed only if you type it"))
        self.person_labels[1].setText(_("Date of b&irth (optional)"))
        describe(self.birth_date.edit, _("Date of birth"), _("Printed only if you type it"))
        self.birth_date.retranslate()
        self._check_birth_date()
        self.note.setText(
            _(
                "The PDF contains special-category personal data: share it only with those who "
                "need it, and destroy copies you no longer need."
            )
        )
        self.retranslate_guidance()
        self._show_purpose()
        self._show_missing_facts()
        self.preview.setText(_("P&review"))
        self.print.setText(_("&Print…"))
        self.save.setText(_("&Save as PDF…"))
        describe(self.preview, _("Preview the referral"), _("Shows the PDF from memory"))
        describe(self.print, _("Print the referral"), _("Opens the print dialog"))
        describe(self.save, _("Save the referral as PDF"), _("You choose where it is saved"))
        self.embed_case.setText(
            _("Keep the case in the saved PDF, to continue with this case later")
        )
        describe(
            self.embed_case,
            _("Keep the case in the saved PDF"),
            _("Open the PDF later with Case, Open referral; printing never includes it"),
        )
        self.copy_note.setText(_("Copy &note for the file"))
        describe(
            self.copy_note,
            _("Copy a note for the file"),
            _("A short plain-text summary on the clipboard, cleared with the case"),
        )

    def refresh(self) -> None:
        if self.allowed_purposes() != self._purposes:
            self._fill_purposes()
            self.retranslate()  # the role changed: its own titles and purposes
        case = self.session.case
        self.embed_case.blockSignals(True)
        self.embed_case.setChecked(self.session.embed_case)
        self.embed_case.blockSignals(False)
        self._show_missing_facts()
        self._show_purpose()
        for field, value in (
            (self.reporter_name, case.reporter.name),
            (self.reporter_job_title, case.reporter.job_title),
            (self.reporter_organisation, case.reporter.organisation),
            (self.reporter_phone, case.reporter.phone),
        ):
            if field.text() != value:
                field.setText(value)
        person = case.person
        if self.person_name.text() != person.name:
            self.person_name.setText(person.name)
        self.birth_date.setDate(person.date_of_birth)
        self._check_birth_date()

    def _embed_changed(self, on: bool) -> None:
        self.session.embed_case = on

    def _purpose_changed(self, index: int) -> None:
        purpose = self.purpose.itemData(index)
        if purpose in PURPOSES:
            self.session.choose_purpose(purpose)
            self._show_purpose()

    def missing_facts(self) -> list[str]:
        """Ids of the signals marked seen or told whose facts are still empty."""
        return [
            o.indicator for o in self.session.case.observations if o.counts and not o.facts.strip()
        ]

    def _show_missing_facts(self) -> None:
        clear_layout(self.missing_list)
        missing = self.missing_facts()
        self.missing_box.setTitle(
            _("Signals marked without facts ({count})").format(count=len(missing))
        )
        self.missing_intro.setText(
            _(
                "These signals are marked as seen or told, but no facts are noted. The referral "
                'then says "no facts noted". Click a signal to add what you saw or heard.'
            )
        )
        language = content_language()
        catalog = self.session.catalog
        for indicator_id in missing:
            found = catalog.indicators_by_id.get(indicator_id)
            text = found[1].text.get(language) if found is not None else indicator_id
            button = QPushButton(f"→ {text}")
            button.setObjectName(f"missing-facts-{indicator_id}")
            button.setFlat(True)
            button.setStyleSheet("text-align: left")
            describe(button, _("Add facts for: {signal}").format(signal=text))
            button.clicked.connect(
                lambda _checked=False, i=indicator_id: self.signal_requested.emit(i)
            )
            self.missing_list.addWidget(button)
        self.missing_box.setVisible(bool(missing))

    def _show_purpose(self) -> None:
        """The chosen purpose, or the one the case suggests with the reason why."""
        proposal = self.session.propose_purpose()
        index = self.purpose.findData(self.session.case.purpose)
        if index >= 0 and index != self.purpose.currentIndex():
            self.purpose.blockSignals(True)
            self.purpose.setCurrentIndex(index)
            self.purpose.blockSignals(False)
        if self.session.purpose_chosen:
            self.purpose_note.setText(
                _("You chose this purpose. Signaal would propose: {purpose}.").format(
                    purpose=_(PURPOSES[proposal.purpose])
                )
                if proposal.purpose != self.session.case.purpose
                else ""
            )
        else:
            self.purpose_note.setText(
                _("Proposed from your answers: {reason}").format(reason=_(proposal.reason))
            )
        self.purpose_note.setVisible(bool(self.purpose_note.text()))

    def _reporter_changed(self) -> None:
        self.session.write(
            self.session.case.reporter,
            name=self.reporter_name.text(),
            job_title=self.reporter_job_title.text(),
            organisation=self.reporter_organisation.text(),
            phone=self.reporter_phone.text(),
        )

    def _person_changed(self) -> None:
        self.session.write(
            self.session.case.person,
            name=self.person_name.text(),
            date_of_birth=self.birth_date.date(),
        )
        self._check_birth_date()

    def _check_birth_date(self) -> None:
        """A date of birth that contradicts the age from step 2 is said, not silently printed."""
        case = self.session.case
        conflict = birth_date_conflict(case)
        if conflict is None:
            self.birth_warning.setText("")
        else:
            self.birth_warning.setText(
                _(
                    "This date of birth gives an age of {born}, but at step 2 you gave {age}. "
                    "Check which one is right."
                ).format(born=conflict, age=case.age)
            )
        self.birth_warning.setVisible(conflict is not None)
