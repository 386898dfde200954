"""Veilig Thuis step 6: the safety assessment — the protocol's own questions, one at a time (the
walk is `assess`, as for the afwegingskader), plus the information gathered and the reasons.

Which questions, their outcomes and the step texts with their sources are content
(veilig-thuis-protocol.toml); this page only shows them and records the answers.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QVBoxLayout, QWidget

from signaal.i18n import _, content_language
from signaal.ui.pages.intake import protocol_of, step_sources
from signaal.ui.pages.meldcode import _date_edit, _text_edit
from signaal.ui.pages.weighing import WeighingPage
from signaal.ui.session import Session
from signaal.ui.widgets import FieldLabel, NoteLabel, WrapLabel, describe, form_layout

# The protocol steps this page carries out: gathering information and the assessment itself.
STEP_NUMBERS = (3, 4)


class SafetyPage(WeighingPage):
    # False while the weighing page's constructor runs (it calls retranslate and refresh).
    _built = False

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.steps_box = QGroupBox()
        self.step_texts: list[tuple[WrapLabel, NoteLabel]] = []
        self.record_box = QGroupBox()
        steps_layout = QVBoxLayout(self.steps_box)
        for _number in STEP_NUMBERS:
            text, source = WrapLabel(), NoteLabel()
            steps_layout.addWidget(text)
            steps_layout.addWidget(source)
            self.step_texts.append((text, source))
        self.step_texts[0][0].setObjectName("safety-step-3")
        self.step_texts[1][0].setObjectName("safety-step-4")
        record = form_layout(self.record_box)
        self.assessed_on = _date_edit("safety-assessed-on")
        self.assessed_label = FieldLabel()
        self.assessed_label.setBuddy(self.assessed_on)
        self.information = _text_edit("safety-information")
        self.information_label = FieldLabel()
        self.information_label.setBuddy(self.information)
        self.reasons = _text_edit("safety-reasons")
        self.reasons_label = FieldLabel()
        self.reasons_label.setBuddy(self.reasons)
        record.addRow(self.assessed_label, self.assessed_on)
        record.addRow(self.information_label, self.information)
        record.addRow(self.reasons_label, self.reasons)
        # Steps first, then the questions (from the weighing page), then what rests on them.
        self.layout_.insertWidget(0, self.steps_box)
        self.layout_.insertWidget(self.layout_.count() - 1, self.record_box)
        self.assessed_on.edited.connect(self._assessed)
        self.information.textChanged.connect(self._texts)
        self.reasons.textChanged.connect(self._texts)
        self._built = True
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        super().retranslate()
        if not self._built:
            return
        language = content_language()
        protocol = protocol_of(self.session)
        self.steps_box.setTitle(_("What this step asks"))
        for number, (text, source) in zip(STEP_NUMBERS, self.step_texts, strict=True):
            step = None if protocol is None else protocol.steps[number - 1]
            if step is None:
                continue
            text.setText(
                _("Step {number}: {title}").format(number=number, title=step.title.get(language))
                + "\n"
                + step.description.get(language)
            )
            source.setText(step_sources(self.session, step))
        self.record_box.setTitle(_("Information and reasons"))
        self.assessed_label.setText(_("Assessed &on (if known)"))
        self.information_label.setText(_("&Information gathered"))
        self.information.setPlaceholderText(
            _("Own records, police, Child Protection Board, professionals already involved")
        )
        self.reasons_label.setText(_("&Reasons for the decision"))
        self.reasons.setPlaceholderText(_("Why this decision: the facts and considerations"))
        for widget, name in (
            (self.assessed_on, _("Assessed on")),
            (self.information, _("Information gathered")),
            (self.reasons, _("Reasons for the decision")),
        ):
            describe(widget, name)

    def refresh(self) -> None:
        super().refresh()
        if not self._built:
            return
        safety = self.session.case.safety
        self.assessed_on.setDate(safety.assessed_on)
        if self.information.toPlainText() != safety.information:
            self.information.setPlainText(safety.information)
        if self.reasons.toPlainText() != safety.reasons:
            self.reasons.setPlainText(safety.reasons)

    def _assessed(self) -> None:
        self.session.write(self.session.case.safety, assessed_on=self.assessed_on.date())

    def _texts(self) -> None:
        self.session.write(
            self.session.case.safety,
            information=self.information.toPlainText(),
            reasons=self.reasons.toPlainText(),
        )
