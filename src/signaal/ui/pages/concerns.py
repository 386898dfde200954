"""Step 3: which forms of exploitation or abuse to look at, or "not sure": all that fit the age."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGroupBox, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from signaal.assessment.intake import concerns_for_age
from signaal.i18n import _, content_language
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.widgets import NoteLabel, WrapLabel, describe, set_heading

DAYS_NOT_KNOWN = -1


class ConcernsPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.box = QGroupBox()
        box_layout = QVBoxLayout(self.box)
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, WrapLabel] = {}
        for concern in session.catalog.concerns:
            box = QCheckBox()
            box.setObjectName(f"concern-{concern.id}")
            box.toggled.connect(lambda on, c=concern.id: self._toggled(c, on))
            note = NoteLabel(indent=24)
            box_layout.addWidget(box)
            box_layout.addWidget(note)
            self.boxes[concern.id] = box
            self.notes[concern.id] = note
        self.not_sure = QCheckBox()
        self.not_sure.setObjectName("concern-not-sure")
        self.not_sure.toggled.connect(self._not_sure_toggled)
        box_layout.addWidget(self.not_sure)
        self.age_note = WrapLabel()
        box_layout.addWidget(self.age_note)

        self.contact_box = QGroupBox()
        contact_layout = QVBoxLayout(self.contact_box)
        self.days_label = WrapLabel()
        self.days = QSpinBox()
        self.days.setObjectName("days-since-contact")
        self.days.setRange(DAYS_NOT_KNOWN, 100_000)
        self.days.setValue(DAYS_NOT_KNOWN)
        self.days.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.days.valueChanged.connect(self._days_changed)
        self.days_label.setBuddy(self.days)
        contact_layout.addWidget(self.days_label)
        contact_layout.addWidget(self.days)
        self.layout_.addWidget(self.box)
        self.layout_.addWidget(self.contact_box)
        self.layout_.addStretch(1)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return next((b for b in self.boxes.values() if b.isVisible() and b.isEnabled()), None)

    def retranslate(self) -> None:
        language = content_language()
        set_heading(self.title, _("What are you worried about?"))
        self.intro.setText(
            _("Choose one or more. Not sure? Then Signaal shows every list that fits the age.")
        )
        self.box.setTitle(_("Concerns"))
        for concern in self.session.catalog.concerns:
            box = self.boxes[concern.id]
            box.setText(concern.name.get(language))
            describe(box, concern.name.get(language), concern.description.get(language))
            self.notes[concern.id].setText(concern.description.get(language))
        self.not_sure.setText(_("Not sure: look at everything that fits the age"))
        describe(
            self.not_sure,
            _("Not sure"),
            _("Shows every signal list that fits the age of the person"),
        )
        self.contact_box.setTitle(_("Sexual contact"))
        self.days_label.setText(_("&Days since the last sexual contact, if known"))
        self.days.setSpecialValueText(_("not known"))
        describe(
            self.days,
            _("Days since the last sexual contact"),
            _("Within a week, medical help and evidence can still be arranged"),
        )
        self._show_age_note()

    def refresh(self) -> None:
        session = self.session
        case = session.case
        fitting = set(concerns_for_age(session.catalog, session.age_group()))
        chosen = set(case.concerns)
        for concern_id, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(concern_id in chosen)
            box.setEnabled(not case.concerns_not_sure)
            box.blockSignals(False)
            box.setVisible(concern_id in fitting)
            self.notes[concern_id].setVisible(concern_id in fitting)
        self.not_sure.blockSignals(True)
        self.not_sure.setChecked(case.concerns_not_sure)
        self.not_sure.blockSignals(False)
        days = session.case.context.days_since_sexual_contact
        self.days.blockSignals(True)
        self.days.setValue(DAYS_NOT_KNOWN if days is None else days)
        self.days.blockSignals(False)
        self.contact_box.setVisible(self._any_sexual(chosen))
        self._show_age_note()

    def _show_age_note(self) -> None:
        band = self.session.catalog.age_bands_by_id.get(self.session.age_group().band or "")
        if band is None:
            self.age_note.setText(_("No age given: all concerns are shown."))
        else:
            self.age_note.setText(
                _("Shown: the concerns that fit the age band {band}.").format(
                    band=band.name.get(content_language())
                )
            )

    def _toggled(self, concern_id: str, on: bool) -> None:
        self.session.set_concern(concern_id, on)
        self.contact_box.setVisible(self._any_sexual(set(self.session.case.concerns)))

    def _not_sure_toggled(self, on: bool) -> None:
        self.session.set_concerns_not_sure(on)
        self.refresh()

    def _days_changed(self, value: int) -> None:
        days = None if value == DAYS_NOT_KNOWN else value
        self.session.answer(self.session.case.context, days_since_sexual_contact=days)

    def _any_sexual(self, chosen: set[str]) -> bool:
        """Whether a chosen concern is sexual (content decides), so the contact box shows."""
        concerns = self.session.catalog.concerns
        return any(c.sexual for c in concerns if c.id in chosen)
