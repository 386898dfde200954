"""Step 8: the referral PDF — who writes it, for what purpose — then preview, print or save."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from signaal.assessment.case import Person, Reporter, text_limit
from signaal.i18n import N_, _
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line
from signaal.ui.widgets import FieldLabel, WrapLabel, describe, form_layout, set_heading

PURPOSES = {
    "melding": N_("Report (melding) to Veilig Thuis"),
    "advice": N_("Request for advice"),
    "handover": N_("Handover to a colleague or care provider"),
    "file": N_("For my own file"),
}


class ReferralPage(Page):
    preview_requested = Signal()
    print_requested = Signal()
    save_requested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.form_box = QGroupBox()
        form = form_layout(self.form_box)
        self.purpose = QComboBox()
        self.purpose.setObjectName("purpose-combo")
        for purpose in PURPOSES:
            self.purpose.addItem("", purpose)
        self.reporter_name = QLineEdit()
        self.reporter_name.setObjectName("reporter-name")
        self.reporter_organisation = QLineEdit()
        self.reporter_organisation.setObjectName("reporter-organisation")
        self.reporter_phone = QLineEdit()
        self.reporter_phone.setObjectName("reporter-phone")
        for line, name in (
            (self.reporter_name, "name"),
            (self.reporter_organisation, "organisation"),
            (self.reporter_phone, "phone"),
        ):
            limit_line(line, text_limit(Reporter, name))
        self.labels = [FieldLabel() for _index in range(4)]
        fields: list[QWidget] = [
            self.purpose,
            self.reporter_name,
            self.reporter_organisation,
            self.reporter_phone,
        ]
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        # The person: a name and date of birth only when the user types them.
        self.person_box = QGroupBox()
        person_form = form_layout(self.person_box)
        self.person_note = WrapLabel()
        self.person_name = QLineEdit()
        limit_line(self.person_name, text_limit(Person, "name"))
        self.person_name.setObjectName("person-name")
        self.birth_known = QCheckBox()
        self.birth_known.setObjectName("birth-date-known")
        self.birth_date = QDateEdit()
        self.birth_date.setObjectName("birth-date")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setDate(QDate.currentDate().addYears(-10))
        self.birth_date.setEnabled(False)
        self.birth_date.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.person_labels = [FieldLabel(), FieldLabel()]
        self.person_labels[0].setBuddy(self.person_name)
        self.person_labels[1].setBuddy(self.birth_date)
        person_form.addRow(self.person_note)
        person_form.addRow(self.person_labels[0], self.person_name)
        person_form.addRow("", self.birth_known)
        person_form.addRow(self.person_labels[1], self.birth_date)
        self.note = WrapLabel()
        buttons = QHBoxLayout()
        self.preview = QPushButton()
        self.preview.setObjectName("preview-button")
        self.print = QPushButton()
        self.print.setObjectName("print-button")
        self.save = QPushButton()
        self.save.setObjectName("save-button")
        for button in (self.preview, self.print, self.save):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.status = WrapLabel()
        self.status.setObjectName("referral-status")
        self.layout_.addWidget(self.form_box)
        self.layout_.addWidget(self.person_box)
        self.layout_.addWidget(self.note)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(self.status)
        self.add_guidance(self.layout_, ("special-category-data",))
        self.layout_.addStretch(1)
        self.preview.clicked.connect(self.preview_requested)
        self.print.clicked.connect(self.print_requested)
        self.save.clicked.connect(self.save_requested)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.reporter_name.textChanged.connect(self._reporter_changed)
        self.reporter_organisation.textChanged.connect(self._reporter_changed)
        self.reporter_phone.textChanged.connect(self._reporter_changed)
        self.person_name.textChanged.connect(self._person_changed)
        self.birth_known.toggled.connect(self._person_changed)
        self.birth_date.dateChanged.connect(self._person_changed)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.purpose

    def retranslate(self) -> None:
        set_heading(self.title, _("Referral"))
        self.intro.setText(
            _(
                "The referral is built in memory. Preview it, print it, or save it where you "
                "choose; Signaal keeps no copy."
            )
        )
        self.form_box.setTitle(_("About the referral"))
        for index, purpose in enumerate(PURPOSES.values()):
            self.purpose.setItemText(index, _(purpose))
        texts = (
            (_("&Purpose"), _("Purpose of the document")),
            (_("Your &name (optional)"), _("Your name, printed only if you type it")),
            (_("&Organisation (optional)"), _("Your organisation, printed only if you type it")),
            (_("P&hone (optional)"), _("Your phone number, printed only if you type it")),
        )
        fields: list[QWidget] = [
            self.purpose,
            self.reporter_name,
            self.reporter_organisation,
            self.reporter_phone,
        ]
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
        self.birth_known.setText(_("Add the date of &birth"))
        describe(self.birth_known, _("Add the date of birth"), _("Printed only if checked"))
        self.person_labels[1].setText(_("Date of birth"))
        describe(self.birth_date, _("Date of birth"))
        self.note.setText(
            _(
                "The PDF contains special-category personal data: share it only with those who "
                "need it, and destroy copies you no longer need."
            )
        )
        self.retranslate_guidance()
        self.preview.setText(_("Pre&view"))
        self.print.setText(_("P&rint…"))
        self.save.setText(_("&Save as PDF…"))
        describe(self.preview, _("Preview the referral"), _("Shows the PDF from memory"))
        describe(self.print, _("Print the referral"), _("Opens the print dialog"))
        describe(self.save, _("Save the referral as PDF"), _("You choose where it is saved"))

    def refresh(self) -> None:
        case = self.session.case
        index = self.purpose.findData(case.purpose)
        if index >= 0 and index != self.purpose.currentIndex():
            self.purpose.setCurrentIndex(index)
        for field, value in (
            (self.reporter_name, case.reporter.name),
            (self.reporter_organisation, case.reporter.organisation),
            (self.reporter_phone, case.reporter.phone),
        ):
            if field.text() != value:
                field.setText(value)
        person = case.person
        if self.person_name.text() != person.name:
            self.person_name.setText(person.name)
        born = person.date_of_birth
        self.birth_known.blockSignals(True)
        self.birth_known.setChecked(born is not None)
        self.birth_known.blockSignals(False)
        self.birth_date.setEnabled(born is not None)
        if born is not None:
            self.birth_date.blockSignals(True)
            self.birth_date.setDate(QDate(born.year, born.month, born.day))
            self.birth_date.blockSignals(False)

    def _purpose_changed(self, index: int) -> None:
        purpose = self.purpose.itemData(index)
        if purpose in PURPOSES:
            self.session.case.purpose = purpose

    def _reporter_changed(self) -> None:
        reporter = self.session.case.reporter
        reporter.name = self.reporter_name.text()
        reporter.organisation = self.reporter_organisation.text()
        reporter.phone = self.reporter_phone.text()

    def _person_changed(self) -> None:
        person = self.session.case.person
        person.name = self.person_name.text()
        known = self.birth_known.isChecked()
        self.birth_date.setEnabled(known)
        born = self.birth_date.date()
        person.date_of_birth = dt.date(born.year(), born.month(), born.day()) if known else None
        self.session.mark_edited()
