"""Step 2: who the concern is about — child or adult, age (which picks the age band), relation —
and, all optional, the others a receiver asks about: the household, the suspected person, the
professionals already involved and the protective network."""

from __future__ import annotations

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
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from signaal.assessment.case import SHORT_TEXT_LIMIT, InvolvedPerson, NetworkMember, Professional
from signaal.content.models import UNKNOWN_RELATION
from signaal.i18n import N_, _, content_language
from signaal.labels import PERSON_ROLES
from signaal.ui.pages.base import Page
from signaal.ui.pages.entries import EntryField, EntryList
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line
from signaal.ui.widgets import (
    FieldLabel,
    WrapLabel,
    describe,
    form_layout,
    set_checked,
    set_heading,
)

UNKNOWN_AGE = -1

PERSON_FIELDS = (
    EntryField("role", N_("Role in the case"), choices=tuple(PERSON_ROLES.items())),
    EntryField("relation", N_("Relation"), N_("for example sister, mother, stepfather")),
    EntryField("name", N_("Name or initials (optional)")),
    EntryField("age", N_("Age"), N_("for example 7, or about 12")),
    EntryField(
        "informed",
        N_("Told about the report"),
        choices=((None, N_("Not recorded")), (True, N_("yes")), (False, N_("no"))),
    ),
    EntryField("notes", N_("Notes"), N_("for example: has parental authority, lives elsewhere")),
)
PROFESSIONAL_FIELDS = (
    EntryField("function", N_("Function"), N_("for example youth doctor, district team")),
    EntryField("name", N_("Name")),
    EntryField("organisation", N_("Organisation")),
    EntryField("contact", N_("Phone or e-mail")),
    EntryField("notes", N_("Notes"), N_("for example: knows about the concern")),
)
NETWORK_FIELDS = (
    EntryField("relation", N_("Relation"), N_("for example grandmother, neighbour, coach")),
    EntryField("name", N_("Name")),
    EntryField("contact", N_("Phone or e-mail")),
    EntryField("notes", N_("What they can do"), N_("for example: the child can stay there")),
)
# (object name, attribute of the suspected person, label); the description is a text box.
SUSPECT_LINES = (
    ("suspect-name", "name", N_("Name or alias")),
    ("suspect-age", "age", N_("Approximate age")),
    ("suspect-vehicle", "vehicle", N_("Vehicle")),
    ("suspect-phone", "phone", N_("Phone number")),
    ("suspect-social-media", "social_media", N_("Social media")),
)


class WhoPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.box = QGroupBox()
        form = form_layout(self.box)
        kinds = QWidget()
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        self.child = QRadioButton()
        self.child.setObjectName("person-child")
        self.adult = QRadioButton()
        self.adult.setObjectName("person-adult")
        self.kind_group = QButtonGroup(self)
        for button in (self.child, self.adult):
            self.kind_group.addButton(button)
            kinds_layout.addWidget(button)
        kinds_layout.addStretch(1)
        self.child.toggled.connect(lambda on: self._minor(True) if on else None)
        self.adult.toggled.connect(lambda on: self._minor(False) if on else None)

        self.age = QSpinBox()
        self.age.setObjectName("age-spin")
        self.age.setRange(UNKNOWN_AGE, 130)
        self.age.setValue(UNKNOWN_AGE)
        self.age.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.age.valueChanged.connect(self._age_changed)
        self.band_label = WrapLabel()
        self.band_label.setObjectName("age-band")

        self.relation = QComboBox()
        self.relation.setObjectName("relation-combo")
        self.relation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.relation.setMinimumContentsLength(24)
        self.relation.addItem("", None)
        self.relations = [r for r in session.catalog.relations if r.id != UNKNOWN_RELATION]
        for relation in self.relations:
            self.relation.addItem("", relation.id)
        self.relation.currentIndexChanged.connect(self._relation_changed)

        self.initials = QLineEdit()
        self.initials.setObjectName("person-initials")
        self.initials.setMaxLength(40)
        self.initials.textChanged.connect(self._initials_changed)

        self.disclosure = QCheckBox()
        self.disclosure.setObjectName("disclosure")
        self.disclosure.toggled.connect(self._disclosure_changed)

        self.kind_label = FieldLabel()
        self.age_label = FieldLabel()
        self.relation_label = FieldLabel()
        self.initials_label = FieldLabel()
        self.age_label.setBuddy(self.age)
        self.relation_label.setBuddy(self.relation)
        self.initials_label.setBuddy(self.initials)
        form.addRow(self.kind_label, kinds)
        form.addRow(self.age_label, self.age)
        form.addRow("", self.band_label)
        form.addRow(self.relation_label, self.relation)
        form.addRow(self.initials_label, self.initials)
        form.addRow("", self.disclosure)
        self.layout_.addWidget(self.box)
        self._build_details(session)
        self.layout_.addStretch(1)
        self.retranslate()
        self.refresh()

    def _build_details(self, session: Session) -> None:
        """The optional boxes below the person: address and school, others, suspect, network."""
        self.place_box = QGroupBox()
        self.place_box.setObjectName("person-place-box")
        place_form = form_layout(self.place_box)
        self.place_note = WrapLabel()
        place_form.addRow(self.place_note)
        self.place_fields: dict[str, QLineEdit] = {}
        self.place_labels: dict[str, FieldLabel] = {}
        for name, attribute in (
            ("person-address", "address"),
            ("person-school", "school"),
            ("person-class", "school_class"),
        ):
            line = QLineEdit()
            line.setObjectName(name)
            limit_line(line, SHORT_TEXT_LIMIT)
            line.textChanged.connect(lambda text, a=attribute: self._place_changed(a, text))
            label = FieldLabel()
            label.setBuddy(line)
            place_form.addRow(label, line)
            self.place_fields[attribute] = line
            self.place_labels[attribute] = label
        self.layout_.addWidget(self.place_box)

        self.persons = EntryList(
            "persons",
            "persons",
            InvolvedPerson,
            PERSON_FIELDS,
            lambda: (
                _("Others involved"),
                _(
                    "Children in the household with their ages, parents or carers and whether "
                    "they were told about the report, anyone else involved. All optional."
                ),
                _("Add a &person"),
            ),
            session,
        )
        self.layout_.addWidget(self.persons)

        self.suspect_box = QGroupBox()
        self.suspect_box.setObjectName("suspect-box")
        suspect_form = form_layout(self.suspect_box)
        self.suspect_note = WrapLabel()
        suspect_form.addRow(self.suspect_note)
        self.suspect_fields: dict[str, QLineEdit] = {}
        self.suspect_labels: dict[str, FieldLabel] = {}
        for name, attribute, _label in SUSPECT_LINES:
            line = QLineEdit()
            line.setObjectName(name)
            limit_line(line, SHORT_TEXT_LIMIT)
            line.textChanged.connect(lambda text, a=attribute: self._suspect_changed(a, text))
            label = FieldLabel()
            label.setBuddy(line)
            suspect_form.addRow(label, line)
            self.suspect_fields[attribute] = line
            self.suspect_labels[attribute] = label
        self.suspect_description = QPlainTextEdit()
        self.suspect_description.setObjectName("suspect-description")
        self.suspect_description.setTabChangesFocus(True)
        self.suspect_description.setFixedHeight(
            self.suspect_description.fontMetrics().lineSpacing() * 3 + 12
        )
        self.suspect_description.textChanged.connect(self._description_changed)
        self.suspect_description_label = FieldLabel()
        self.suspect_description_label.setBuddy(self.suspect_description)
        suspect_form.addRow(self.suspect_description_label, self.suspect_description)
        self.layout_.addWidget(self.suspect_box)

        self.professionals = EntryList(
            "professionals",
            "professionals_involved",
            Professional,
            PROFESSIONAL_FIELDS,
            lambda: (
                _("Professionals already involved"),
                _("For example the GP, youth doctor, district team or a care provider."),
                _("Add a pro&fessional"),
            ),
            session,
        )
        self.layout_.addWidget(self.professionals)
        self.network = EntryList(
            "network",
            "network",
            NetworkMember,
            NETWORK_FIELDS,
            lambda: (
                _("Protective network"),
                _("People around the person who can help keep them safe."),
                _("Add someone from the net&work"),
            ),
            session,
        )
        self.layout_.addWidget(self.network)

    def first_focus(self) -> QWidget | None:
        return self.kind_group.checkedButton() or self.child

    def retranslate(self) -> None:
        language = content_language()
        set_heading(self.title, _("Who is it about?"))
        self.intro.setText(
            _("No name is needed: initials or a pseudonym are enough. An estimated age is fine.")
        )
        self.box.setTitle(_("The person you are worried about"))
        self.kind_label.setText(_("Child or adult"))
        self.child.setText(_("Child (under 18)"))
        self.adult.setText(_("Adult"))
        describe(self.child, _("Child (under 18)"), _("The person is younger than 18"))
        describe(self.adult, _("Adult"), _("The person is 18 or older"))
        self.age_label.setText(_("&Age (years)"))
        self.age.setSpecialValueText(_("not known"))
        describe(self.age, _("Age in years"), _("The age selects the signal lists that fit"))
        self.relation_label.setText(_("&Relation of the suspected person"))
        self.relation.setItemText(0, _("Not known or not said"))
        for index, relation in enumerate(self.relations, start=1):
            self.relation.setItemText(index, relation.name.get(language))
            self.relation.setItemData(
                index, relation.description.get(language), Qt.ItemDataRole.ToolTipRole
            )
        describe(
            self.relation,
            _("Relation of the suspected person"),
            _("How the person you suspect is related to the one you worry about"),
        )
        self.initials_label.setText(_("&Initials or pseudonym (optional)"))
        self.initials.setPlaceholderText(_("for example A.B."))
        describe(
            self.initials,
            _("Initials or pseudonym"),
            _("Printed on the referral; leave empty if you prefer"),
        )
        self.disclosure.setText(_("The person told me about it themselves"))
        describe(
            self.disclosure,
            _("The person told me about it themselves"),
            _("A disclosure by the person weighs in the assessment"),
        )
        self._translate_details()
        self._show_band()

    def _translate_details(self) -> None:
        self.place_box.setTitle(_("Address and school (only if the receiver needs them)"))
        self.place_note.setText(
            _("Printed on the referral only if you type them. Leave empty if you prefer.")
        )
        for attribute, text in (
            ("address", _("Address")),
            ("school", _("School name")),
            ("school_class", _("Class or group")),
        ):
            self.place_labels[attribute].setText(text)
            describe(self.place_fields[attribute], text, _("Printed only if you type it"))
        self.suspect_box.setTitle(_("The suspected person (optional)"))
        self.suspect_note.setText(
            _("Only what you know; a receiver can use any detail to find or stop this person.")
        )
        for _name, attribute, text in SUSPECT_LINES:
            self.suspect_labels[attribute].setText(_(text))
            describe(self.suspect_fields[attribute], _(text))
        self.suspect_fields["social_media"].setPlaceholderText(_("account names or handles"))
        self.suspect_description_label.setText(_("Description"))
        self.suspect_description.setPlaceholderText(
            _("What the person looks like, where they are seen, what they say or do")
        )
        describe(self.suspect_description, _("Description of the suspected person"))
        for entries in (self.persons, self.professionals, self.network):
            entries.retranslate()

    def refresh(self) -> None:
        case = self.session.case
        self._show_age()
        index = self.relation.findData(case.context.perpetrator_relation)
        self.relation.blockSignals(True)
        self.relation.setCurrentIndex(max(0, index))
        self.relation.blockSignals(False)
        if self.initials.text() != case.person.initials:
            self.initials.setText(case.person.initials)
        self.disclosure.setChecked(case.context.disclosure)
        for attribute, line in self.place_fields.items():
            value = getattr(case.person, attribute)
            if line.text() != value:
                line.setText(value)
        for attribute, line in self.suspect_fields.items():
            value = getattr(case.suspected_person, attribute)
            if line.text() != value:
                line.setText(value)
        if self.suspect_description.toPlainText() != case.suspected_person.description:
            self.suspect_description.setPlainText(case.suspected_person.description)
        for entries in (self.persons, self.professionals, self.network):
            entries.refresh()

    def _show_age(self) -> None:
        """The age, child or adult and the band as the rules read the case."""
        age = self.session.case.age
        self.age.blockSignals(True)
        self.age.setValue(age if age is not None else UNKNOWN_AGE)
        self.age.blockSignals(False)
        kind = self.session.age_group().kind
        set_checked(self.kind_group, (self.child, kind == "child"), (self.adult, kind == "adult"))
        self._show_band()

    def _minor(self, minor: bool) -> None:
        if self.session.age_group().minor is not minor:
            self.session.set_minor(minor)
            self._show_age()

    def _age_changed(self, value: int) -> None:
        self.session.set_age(None if value == UNKNOWN_AGE else value)
        self._show_age()

    def _show_band(self) -> None:
        band_id = self.session.age_group().band
        band = self.session.catalog.age_bands_by_id.get(band_id or "")
        if band is None:
            text = _("Age band: not known yet — give an age to see the lists that fit.")
        else:
            text = _("Age band: {band}").format(band=band.name.get(content_language()))
        self.band_label.setText(text)

    def _relation_changed(self, index: int) -> None:
        session = self.session
        session.answer(session.case.context, perpetrator_relation=self.relation.itemData(index))

    def _initials_changed(self, text: str) -> None:
        self.session.write(self.session.case.person, initials=text)

    def _disclosure_changed(self, on: bool) -> None:
        self.session.answer(self.session.case.context, disclosure=on)

    def _place_changed(self, attribute: str, text: str) -> None:
        self.session.write(self.session.case.person, **{attribute: text})

    def _suspect_changed(self, attribute: str, text: str) -> None:
        self.session.write(self.session.case.suspected_person, **{attribute: text})

    def _description_changed(self) -> None:
        description = self.suspect_description.toPlainText()
        self.session.write(self.session.case.suspected_person, description=description)
