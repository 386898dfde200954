"""Step 1: who is using Signaal, in which language, and — first of all — is there acute danger."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from signaal.content.code_ids import EMERGENCY_CONTACT
from signaal.i18n import _, active_language, content_language
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.widgets import (
    ContactCard,
    Heading,
    NoteLabel,
    WrapLabel,
    clear_layout,
    describe,
    set_checked,
    set_heading,
)

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}


class ChoiceLabel(WrapLabel):
    """The wrapped text of a radio button: a long question stays readable, and a click on the
    text chooses it, as on the button's own text."""

    def __init__(self, button: QRadioButton) -> None:
        super().__init__()
        self.button = button
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setBuddy(button)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.button.click()
        event.accept()


class StartPage(Page):
    language_chosen = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        catalog = session.catalog
        self.privacy_line = WrapLabel()
        self.privacy_line.setObjectName("privacy-line")
        self.layout_.addWidget(self.privacy_line)

        self.language_box = QGroupBox()
        language_layout = QHBoxLayout(self.language_box)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language-combo")
        for code, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(active_language())))
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        language_layout.addWidget(self.language_combo)
        language_layout.addStretch(1)

        self.role_box = QGroupBox()
        role_layout = QVBoxLayout(self.role_box)
        self.role_group = QButtonGroup(self)
        self.role_buttons: dict[str, QRadioButton] = {}
        self.role_notes: dict[str, WrapLabel] = {}
        for role in catalog.roles:
            button = QRadioButton()
            button.setObjectName(f"role-{role.id}")
            button.setChecked(session.role_chosen and role.id == session.case.role)
            button.toggled.connect(lambda on, r=role.id: self._role_chosen(r) if on else None)
            self.role_group.addButton(button)
            note = NoteLabel(indent=24)
            role_layout.addWidget(button)
            role_layout.addWidget(note)
            self.role_buttons[role.id] = button
            self.role_notes[role.id] = note

        self.danger_box = QGroupBox()
        self.danger_box.setObjectName("acute-box")
        danger_layout = QVBoxLayout(self.danger_box)
        self.danger_question = WrapLabel()
        self.danger_help = NoteLabel()
        answers = QHBoxLayout()
        self.acute_yes = QRadioButton()
        self.acute_yes.setObjectName("acute-yes")
        self.acute_no = QRadioButton()
        self.acute_no.setObjectName("acute-no")
        self.acute_group = QButtonGroup(self)
        for button in (self.acute_yes, self.acute_no):
            self.acute_group.addButton(button)
            answers.addWidget(button)
        answers.addStretch(1)
        self.acute_yes.toggled.connect(lambda on: self._acute(True) if on else None)
        self.acute_no.toggled.connect(lambda on: self._acute(False) if on else None)
        self.situations = WrapLabel()
        self.situations.setObjectName("acute-situations")
        danger_layout.addWidget(self.danger_question)
        danger_layout.addWidget(self.situations)
        danger_layout.addWidget(self.danger_help)
        danger_layout.addLayout(answers)
        self.add_guidance(danger_layout, "start")

        self.acute_panel = QWidget()
        self.acute_panel.setObjectName("acute-contacts")
        self.acute_layout = QVBoxLayout(self.acute_panel)
        self.acute_layout.setContentsMargins(0, 0, 0, 0)
        self.acute_heading = Heading(level=2)
        self.acute_note = WrapLabel()
        self.acute_cards = QWidget()
        self.acute_cards_layout = QVBoxLayout(self.acute_cards)
        self.acute_cards_layout.setContentsMargins(0, 0, 0, 0)
        self.acute_layout.addWidget(self.acute_heading)
        self.acute_layout.addWidget(self.acute_cards)
        # Which listed situation applies: optional, one click; sexual violence adds the CSG.
        self.which_box = QGroupBox()
        self.which_box.setObjectName("acute-which")
        which_layout = QVBoxLayout(self.which_box)
        self.which_group = QButtonGroup(self)
        self.which_buttons: dict[str, QRadioButton] = {}
        self.which_labels: dict[str, ChoiceLabel] = {}
        for situation in catalog.acute_danger:
            button = QRadioButton()
            button.setObjectName(f"acute-situation-{situation.id}")
            button.toggled.connect(
                lambda on, s=situation.id: self._situation_chosen(s) if on else None
            )
            self.which_group.addButton(button)
            row = QHBoxLayout()
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            label = ChoiceLabel(button)
            row.addWidget(label, 1)
            which_layout.addLayout(row)
            self.which_buttons[situation.id] = button
            self.which_labels[situation.id] = label
        self.acute_layout.addWidget(self.which_box)
        self.acute_layout.addWidget(self.acute_note)
        self.acute_panel.setVisible(False)

        # Acute danger comes first: it is the one question that cannot wait.
        self.layout_.addWidget(self.danger_box)
        self.layout_.addWidget(self.acute_panel)
        self.layout_.addWidget(self.role_box)
        self.layout_.addWidget(self.language_box)
        self.layout_.addStretch(1)
        self.setTabOrder(self.acute_yes, self.acute_no)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        checked = self.acute_group.checkedButton()
        return checked or self.acute_yes

    def retranslate(self) -> None:
        language = content_language()
        catalog = self.session.catalog
        set_heading(self.title, _("Start"))
        self.intro.setText(
            _("Answer the first question, choose your role, and Signaal shows the next step.")
        )
        self.privacy_line.setText(
            _(
                "Nothing is stored: this case exists only in memory until you save or print the "
                "referral."
            )
        )
        self.language_box.setTitle(_("Language"))
        describe(self.language_combo, _("Language"), _("The language of the screens and the PDF"))
        self.role_box.setTitle(_("Your role"))
        for role in catalog.roles:
            button = self.role_buttons[role.id]
            button.setText(role.name.get(language))
            describe(button, role.name.get(language), role.description.get(language))
            self.role_notes[role.id].setText(role.description.get(language))
        self.danger_box.setTitle(_("Safety first"))
        # One question; the catalog's acute situations say what counts as acute danger.
        self.danger_question.setText(_("Is someone in acute danger right now?"))
        situations = catalog.acute_danger
        if len(situations) == 1:
            self.danger_question.setText(situations[0].question.get(language))
        lines = [f"• {s.question.get(language)}" for s in situations if len(situations) > 1]
        if lines:
            lines.insert(0, _("Answer yes if one of these applies:"))
        self.situations.setText("\n".join(lines))
        self.situations.setVisible(bool(lines) and self._acute_danger() is not True)
        helps = [s.help.get(language) for s in situations if s.help is not None]
        self.danger_help.setText(helps[0] if len(helps) == 1 else "")
        self.danger_help.setVisible(len(helps) == 1)
        self.retranslate_guidance()
        self.acute_yes.setText(_("Yes, there is acute danger"))
        self.acute_no.setText(_("No"))
        describe(self.acute_yes, _("Yes, there is acute danger"), self.danger_question.text())
        describe(self.acute_no, _("No acute danger"), self.danger_question.text())
        set_heading(self.acute_heading, _("Call now"))
        self.which_box.setTitle(_("Which of these applies? (optional, one click)"))
        for situation in catalog.acute_danger:
            button = self.which_buttons[situation.id]
            self.which_labels[situation.id].setText(situation.question.get(language))
            describe(button, situation.question.get(language), _("The acute situation"))
        self.acute_note.setText(
            _(
                "Act on the danger first. Everything else in Signaal is optional now; you can "
                "come back and complete it later."
            )
        )
        self._fill_acute_cards()

    def _acute_danger(self) -> bool | None:
        """The answer to the acute danger question (None before the case is made)."""
        return self.session.case.context.acute_danger if self.session.has_case else None

    def refresh(self) -> None:
        acute = self._acute_danger()
        set_checked(
            self.acute_group, (self.acute_yes, acute is True), (self.acute_no, acute is False)
        )
        button = self.role_buttons.get(self.session.role)
        if button is not None and self.session.role_chosen:
            button.setChecked(True)
        index = self.language_combo.findData(content_language())
        if index >= 0 and index != self.language_combo.currentIndex():
            self.language_combo.blockSignals(True)
            self.language_combo.setCurrentIndex(index)
            self.language_combo.blockSignals(False)
        self.acute_panel.setVisible(acute is True)
        # Once "yes" is answered the chooser below lists the situations: not twice.
        self.situations.setVisible(acute is not True and bool(self.situations.text()))
        self._fill_acute_cards()
        situation = self.session.case.context.acute_situation if self.session.has_case else None
        set_checked(
            self.which_group,
            *((button, key == situation) for key, button in self.which_buttons.items()),
        )

    def _language_changed(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if isinstance(code, str):
            self.language_chosen.emit(code)

    def _role_chosen(self, role_id: str) -> None:
        self.session.choose_role(role_id)
        self.retranslate_guidance()  # the role may have its own variant of the guidance

    def _acute(self, danger: bool) -> None:
        if self.session.case.context.acute_danger is danger:
            return
        self.session.answer(self.session.case.context, acute_danger=danger)
        self._fill_acute_cards()
        self.acute_panel.setVisible(danger)
        self.situations.setVisible(not danger and bool(self.situations.text()))

    def _situation_chosen(self, situation: str) -> None:
        if self.session.case.context.acute_situation == situation:
            return
        self.session.answer(self.session.case.context, acute_situation=situation)
        self._fill_acute_cards()

    def _fill_acute_cards(self) -> None:
        """112 and the contacts to call now that the routing rules give, most urgent first."""
        clear_layout(self.acute_cards_layout)
        if self._acute_danger() is not True:
            return
        from signaal.assessment.routing import call_now

        catalog = self.session.catalog
        language = content_language()
        shown: set[str] = set()
        for referral in call_now(catalog, self.session.assessment().referrals):
            contact = catalog.contact(referral.contact)
            shown.add(contact.id)
            card = ContactCard(contact, referral.reason.get(language), referral.urgency, large=True)
            self.acute_cards_layout.addWidget(card)
        if not shown:
            contact = catalog.contact(EMERGENCY_CONTACT)
            self.acute_cards_layout.addWidget(
                ContactCard(contact, contact.purpose.get(language), "immediate", large=True)
            )
