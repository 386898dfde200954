"""Step 2: who the concern is about — child or adult, age (which picks the age band), relation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QWidget,
)

from signaal.content.models import UNKNOWN_RELATION
from signaal.i18n import _, content_language
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.widgets import (
    FieldLabel,
    WrapLabel,
    describe,
    form_layout,
    set_checked,
    set_heading,
)

UNKNOWN_AGE = -1


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
        self.child.toggled.connect(lambda on: self._kind("child") if on else None)
        self.adult.toggled.connect(lambda on: self._kind("adult") if on else None)

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
        self.layout_.addStretch(1)
        self.retranslate()
        self.refresh()

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
        self._show_band()

    def refresh(self) -> None:
        case = self.session.case
        self.age.blockSignals(True)
        self.age.setValue(case.age if case.age is not None else UNKNOWN_AGE)
        self.age.blockSignals(False)
        self._check_kind(self.session.person_kind)
        index = self.relation.findData(case.context.perpetrator_relation)
        self.relation.blockSignals(True)
        self.relation.setCurrentIndex(max(0, index))
        self.relation.blockSignals(False)
        if self.initials.text() != case.person.initials:
            self.initials.setText(case.person.initials)
        self.disclosure.setChecked(case.context.disclosure)
        self._show_band()

    def _check_kind(self, kind: str | None) -> None:
        set_checked(self.kind_group, (self.child, kind == "child"), (self.adult, kind == "adult"))

    def _kind(self, kind: str) -> None:
        session = self.session
        if session.person_kind == kind:
            return
        session.person_kind = kind
        age = session.case.age
        if age is not None and session.catalog.minor_at(age) is (kind == "adult"):
            session.case.age = None
            self.age.blockSignals(True)
            self.age.setValue(UNKNOWN_AGE)
            self.age.blockSignals(False)
        self._update_band()

    def _age_changed(self, value: int) -> None:
        session = self.session
        session.case.age = None if value == UNKNOWN_AGE else value
        if session.case.age is not None:
            minor = session.catalog.minor_at(session.case.age)
            if minor is not None:
                session.person_kind = "child" if minor else "adult"
                self._check_kind(session.person_kind)
        self._update_band()

    def _update_band(self) -> None:
        session = self.session
        case = session.case
        band: str | None = None
        if case.age is not None:
            try:
                band = session.catalog.age_band_for(case.age).id
            except ValueError:
                band = None
        elif session.person_kind == "adult":
            band = next((b.id for b in session.catalog.age_bands if not b.minor), None)
        case.age_band = band
        # A child of unknown age still counts as a minor for the lists and the routing.
        case.minor = (
            None
            if band is not None
            else {"child": True, "adult": False}.get(session.person_kind or "")
        )
        if session.concerns_not_sure:
            case.concerns = session.concerns_for_age()
        else:
            fitting = set(session.concerns_for_age())
            case.concerns = [c for c in case.concerns if c in fitting]
        self._show_band()
        session.touch()

    def _show_band(self) -> None:
        band_id = self.session.case.age_band
        band = self.session.catalog.age_bands_by_id.get(band_id or "")
        if band is None:
            text = _("Age band: not known yet — give an age to see the lists that fit.")
        else:
            text = _("Age band: {band}").format(band=band.name.get(content_language()))
        self.band_label.setText(text)

    def _relation_changed(self, index: int) -> None:
        relation = self.relation.itemData(index)
        self.session.case.context.perpetrator_relation = relation
        self.session.touch()

    def _initials_changed(self, text: str) -> None:
        self.session.case.person.initials = text

    def _disclosure_changed(self, on: bool) -> None:
        if self.session.case.context.disclosure != on:
            self.session.case.context.disclosure = on
            self.session.touch()
