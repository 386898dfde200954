"""Veilig Thuis step 3: how the case came in — advice request or report, who reported (relation,
profession, contact details if given), openly or anonymously, and what was reported.

The texts of the protocol's step 1 (first contact) come from the content, with their sources.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from signaal.assessment.case import Intake, text_limit
from signaal.content.models import Protocol, ProtocolStep
from signaal.i18n import _, content_language
from signaal.labels import INTAKE_KINDS, OPENNESS, REPORTER_KINDS
from signaal.ui.pages.base import Page
from signaal.ui.pages.meldcode import _date_edit, _text_edit
from signaal.ui.session import Session
from signaal.ui.text_limits import limit_line
from signaal.ui.widgets import (
    FieldLabel,
    NoteLabel,
    WrapLabel,
    describe,
    form_layout,
    set_checked,
    set_heading,
)


def step_sources(session: Session, step: ProtocolStep) -> str:
    """ "Source: …" for a protocol step, by publisher and title (empty when it cites none)."""
    sources = session.catalog.sources_by_id
    named = [f"{sources[s].publisher}, {sources[s].title}" for s in step.sources if s in sources]
    return _("Source: {sources}").format(sources="; ".join(named)) if named else ""


def protocol_of(session: Session) -> Protocol | None:
    role = session.catalog.roles_by_id.get(session.case.role)
    return None if role is None else session.catalog.protocols_by_id.get(role.protocol)


class IntakePage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.step_box = QGroupBox()
        step_layout = QVBoxLayout(self.step_box)
        self.step_text = WrapLabel()
        self.step_text.setObjectName("intake-step")
        self.step_source = NoteLabel()
        self.step_source.setObjectName("intake-step-source")
        step_layout.addWidget(self.step_text)
        step_layout.addWidget(self.step_source)

        # Advice request or report, and when.
        self.kind_box = QGroupBox()
        kind_form = form_layout(self.kind_box)
        kinds = QWidget()
        kinds_layout = QHBoxLayout(kinds)
        kinds_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_buttons: dict[str, QRadioButton] = {}
        self.kind_group = QButtonGroup(self)
        for kind in INTAKE_KINDS:
            button = QRadioButton()
            button.setObjectName(f"intake-kind-{kind}")
            button.toggled.connect(lambda on, k=kind: self._kind(k) if on else None)
            self.kind_group.addButton(button)
            kinds_layout.addWidget(button)
            self.kind_buttons[kind] = button
        kinds_layout.addStretch(1)
        self.received_on = _date_edit("intake-received-on")
        self.kind_label = FieldLabel()
        self.received_label = FieldLabel()
        self.received_label.setBuddy(self.received_on)
        kind_form.addRow(self.kind_label, kinds)
        kind_form.addRow(self.received_label, self.received_on)

        # Who reported.
        self.reporter_box = QGroupBox()
        reporter_form = form_layout(self.reporter_box)
        self.reporter_kind = QComboBox()
        self.reporter_kind.setObjectName("intake-reporter-kind")
        self.reporter_kind.addItem("", None)
        for kind in REPORTER_KINDS:
            self.reporter_kind.addItem("", kind)
        self.relation = QLineEdit()
        self.relation.setObjectName("intake-reporter-relation")
        self.profession = QLineEdit()
        self.profession.setObjectName("intake-reporter-profession")
        self.name = QLineEdit()
        self.name.setObjectName("intake-reporter-name")
        self.contact = QLineEdit()
        self.contact.setObjectName("intake-reporter-contact")
        for line, name in (
            (self.relation, "reporter_relation"),
            (self.profession, "reporter_profession"),
            (self.name, "reporter_name"),
            (self.contact, "reporter_contact"),
        ):
            limit_line(line, text_limit(Intake, name))
        self.reporter_labels = [FieldLabel() for _index in range(5)]
        fields: list[QWidget] = [
            self.reporter_kind,
            self.relation,
            self.profession,
            self.name,
            self.contact,
        ]
        for label, field in zip(self.reporter_labels, fields, strict=True):
            label.setBuddy(field)
            reporter_form.addRow(label, field)

        # Openly or anonymously.
        self.open_box = QGroupBox()
        open_form = form_layout(self.open_box)
        openness = QWidget()
        open_layout = QVBoxLayout(openness)
        open_layout.setContentsMargins(0, 0, 0, 0)
        self.open_buttons: dict[bool, QRadioButton] = {}
        self.open_group = QButtonGroup(self)
        for value in (True, False):
            button = QRadioButton()
            button.setObjectName("intake-open" if value else "intake-anonymous")
            button.toggled.connect(lambda on, v=value: self._openness(v) if on else None)
            self.open_group.addButton(button)
            open_layout.addWidget(button)
            self.open_buttons[value] = button
        self.anonymity_reason = QLineEdit()
        self.anonymity_reason.setObjectName("intake-anonymity-reason")
        limit_line(self.anonymity_reason, text_limit(Intake, "anonymity_reason"))
        self.anonymity_label = FieldLabel()
        self.anonymity_label.setBuddy(self.anonymity_reason)
        open_form.addRow(openness)
        open_form.addRow(self.anonymity_label, self.anonymity_reason)

        # What was reported.
        self.summary_box = QGroupBox()
        summary_layout = QVBoxLayout(self.summary_box)
        self.summary_label = FieldLabel()
        self.summary = _text_edit("intake-summary")
        self.summary.setFixedHeight(self.summary.fontMetrics().lineSpacing() * 5 + 12)
        self.summary_label.setBuddy(self.summary)
        summary_layout.addWidget(self.summary_label)
        summary_layout.addWidget(self.summary)

        for box in (
            self.step_box,
            self.kind_box,
            self.reporter_box,
            self.open_box,
            self.summary_box,
        ):
            self.layout_.addWidget(box)
        self.layout_.addStretch(1)

        self.received_on.edited.connect(self._received)
        self.reporter_kind.currentIndexChanged.connect(self._reporter_kind)
        for edit in (self.relation, self.profession, self.name, self.contact):
            edit.textChanged.connect(self._texts)
        self.anonymity_reason.textChanged.connect(self._texts)
        self.summary.textChanged.connect(self._texts)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        return self.kind_buttons["report"]

    def retranslate(self) -> None:
        language = content_language()
        set_heading(self.title, _("Intake"))
        self.intro.setText(
            _(
                "How the case came in: a request for advice or a report, who made it and how "
                "they relate to the person. Only what you type is printed."
            )
        )
        protocol = protocol_of(self.session)
        step = None if protocol is None else protocol.steps[0]
        self.step_box.setTitle(_("What this step asks"))
        if step is not None:
            self.step_text.setText(
                _("Step {number}: {title}").format(number=1, title=step.title.get(language))
                + "\n"
                + step.description.get(language)
            )
            self.step_source.setText(step_sources(self.session, step))
        self.kind_box.setTitle(_("Advice request or report"))
        self.kind_label.setText(_("Received as"))
        for kind, button in self.kind_buttons.items():
            button.setText(_(INTAKE_KINDS[kind]))
        self.received_label.setText(_("Received &on (if known)"))
        self.reporter_box.setTitle(_("Who reported"))
        for label, text in zip(
            self.reporter_labels,
            (
                _("&Reporter is"),
                _("Re&lation to the person"),
                _("&Profession"),
                _("Na&me (only if given)"),
                _("&Contact details (only if given)"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.reporter_kind.setItemText(0, _("(choose)"))
        for index, kind in enumerate(REPORTER_KINDS, start=1):
            self.reporter_kind.setItemText(index, _(REPORTER_KINDS[kind]))
        self.relation.setPlaceholderText(_("for example: mother, mentor, neighbour"))
        describe(self.relation, _("Relation to the person"), _("How the reporter knows the person"))
        self.open_box.setTitle(_("Openly or anonymously"))
        for value, button in self.open_buttons.items():
            button.setText(_(OPENNESS[value]))
        self.anonymity_label.setText(_("&Why anonymous"))
        self.anonymity_reason.setPlaceholderText(
            _("for example: telling would endanger the child or the reporter")
        )
        self.summary_box.setTitle(_("What was reported"))
        self.summary_label.setText(_("In &brief, in the reporter's words where possible"))
        for widget, name in (
            (self.received_on, _("Received on")),
            (self.reporter_kind, _("Who reported")),
            (self.profession, _("Profession")),
            (self.name, _("Name of the reporter")),
            (self.contact, _("Contact details of the reporter")),
            (self.anonymity_reason, _("Why anonymous")),
            (self.summary, _("What was reported")),
        ):
            describe(widget, name)
        for kind, button in self.kind_buttons.items():
            describe(button, _(INTAKE_KINDS[kind]))
        for value, button in self.open_buttons.items():
            describe(button, _(OPENNESS[value]))

    def refresh(self) -> None:
        intake = self.session.case.intake
        set_checked(
            self.kind_group,
            *((button, intake.kind == kind) for kind, button in self.kind_buttons.items()),
        )
        self.received_on.setDate(intake.received_on)
        index = self.reporter_kind.findData(intake.reporter_kind)
        if index >= 0 and index != self.reporter_kind.currentIndex():
            self.reporter_kind.blockSignals(True)
            self.reporter_kind.setCurrentIndex(index)
            self.reporter_kind.blockSignals(False)
        for edit, value in (
            (self.relation, intake.reporter_relation),
            (self.profession, intake.reporter_profession),
            (self.name, intake.reporter_name),
            (self.contact, intake.reporter_contact),
            (self.anonymity_reason, intake.anonymity_reason),
        ):
            if edit.text() != value:
                edit.setText(value)
        if self.summary.toPlainText() != intake.summary:
            self.summary.setPlainText(intake.summary)
        set_checked(
            self.open_group,
            *((button, intake.open_report is value) for value, button in self.open_buttons.items()),
        )
        self.anonymity_reason.setEnabled(intake.open_report is False)

    # No rule reads the intake: it is written down, the assessment stays as it is.
    def _kind(self, kind: str) -> None:
        self.session.write(self.session.case.intake, kind=kind)

    def _received(self) -> None:
        self.session.write(self.session.case.intake, received_on=self.received_on.date())

    def _reporter_kind(self, index: int) -> None:
        reporter_kind = self.reporter_kind.itemData(index)
        self.session.write(self.session.case.intake, reporter_kind=reporter_kind)

    def _openness(self, value: bool) -> None:
        self.session.write(self.session.case.intake, open_report=value)
        self.anonymity_reason.setEnabled(value is False)

    def _texts(self) -> None:
        self.session.write(
            self.session.case.intake,
            reporter_relation=self.relation.text(),
            reporter_profession=self.profession.text(),
            reporter_name=self.name.text(),
            reporter_contact=self.contact.text(),
            anonymity_reason=self.anonymity_reason.text(),
            summary=self.summary.toPlainText(),
        )
