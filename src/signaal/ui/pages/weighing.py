"""Step 6: the afwegingskader, one question at a time, along the catalog's branching.

The walk itself is `assess(...).weighing`: this page only shows the question the walk has reached,
records the answer and drops answers that are no longer on the path.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from signaal import labels
from signaal.content.catalog import Catalog
from signaal.content.models import Answer, Protocol
from signaal.i18n import _, active_language, content_language
from signaal.ui.pages.base import Page
from signaal.ui.session import Session
from signaal.ui.widgets import (
    FieldLabel,
    Heading,
    WrapLabel,
    describe,
    set_checked,
    set_heading,
)


def outcome_name(outcome: str, catalog: Catalog | None = None) -> str:
    """The outcome in the active language, in the words the referral prints."""
    return labels.outcome_name(outcome, catalog, _, active_language())


class WeighingPage(Page):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.current: str | None = None
        self.question_box = QGroupBox()
        box = QVBoxLayout(self.question_box)
        self.progress = WrapLabel()
        self.progress.setObjectName("weighing-progress")
        self.question = Heading(level=2)
        self.question.setObjectName("weighing-question")
        self.explanation = WrapLabel()
        self.explanation.setObjectName("weighing-explanation")
        buttons = QHBoxLayout()
        self.answer_buttons: dict[Answer, QPushButton] = {}
        self.answer_group = QButtonGroup(self)
        answers: tuple[Answer, ...] = ("yes", "no", "unsure")
        for answer in answers:
            button = QPushButton()
            button.setObjectName(f"answer-{answer}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, a=answer: self.answer(a))
            self.answer_group.addButton(button)
            buttons.addWidget(button)
            self.answer_buttons[answer] = button
        buttons.addStretch(1)
        self.previous = QPushButton()
        self.previous.setObjectName("weighing-previous")
        self.previous.clicked.connect(self.go_previous)
        buttons.addWidget(self.previous)
        box.addWidget(self.progress)
        box.addWidget(self.question)
        box.addWidget(self.explanation)
        box.addLayout(buttons)

        self.result_box = QGroupBox()
        result = QVBoxLayout(self.result_box)
        self.result_title = Heading(level=2)
        self.result_title.setObjectName("weighing-outcome")
        self.result_text = WrapLabel()
        self.result_text.setObjectName("weighing-explanations")
        self.restart = QPushButton()
        self.restart.setObjectName("weighing-restart")
        self.restart.clicked.connect(self.go_first)
        result.addWidget(self.result_title)
        result.addWidget(self.result_text)
        # For an adult whose relation to the suspected person is not known: ask it here first.
        self.relation_label = FieldLabel()
        self.relation = QComboBox()
        self.relation.setObjectName("weighing-relation")
        self.relation.addItem("", None)
        for relation in session.catalog.relations:
            self.relation.addItem("", relation.id)
        self.relation.currentIndexChanged.connect(self._relation_chosen)
        self.relation_label.setBuddy(self.relation)
        result.addWidget(self.relation_label)
        result.addWidget(self.relation)
        restart_row = QHBoxLayout()
        restart_row.addWidget(self.restart)
        restart_row.addStretch(1)
        result.addLayout(restart_row)

        self.history_box = QGroupBox()
        history = QVBoxLayout(self.history_box)
        self.history = WrapLabel()
        self.history.setObjectName("weighing-history")
        history.addWidget(self.history)

        self.layout_.addWidget(self.question_box)
        self.layout_.addWidget(self.result_box)
        self.layout_.addWidget(self.history_box)
        self.layout_.addStretch(1)
        self.retranslate()
        self.refresh()

    def first_focus(self) -> QWidget | None:
        if self.current is None:
            return self.restart
        answer = self.session.case.weighing.get(self.current)
        return self.answer_buttons[answer] if answer else self.answer_buttons["yes"]

    def own_protocol(self) -> Protocol | None:
        """The role's protocol when it has its own weighing (Veilig Thuis's safety assessment)."""
        catalog = self.session.catalog
        own = catalog.weighing_protocol(self.session.case.role)
        return None if own is None else catalog.protocols_by_id[own]

    def retranslate(self) -> None:
        language = content_language()
        protocol = self.own_protocol()
        if protocol is not None and protocol.weighing_title is not None:
            set_heading(self.title, protocol.weighing_title.get(language))
        else:
            set_heading(self.title, _("Weighing"))
        if protocol is not None and protocol.weighing_intro is not None:
            self.intro.setText(protocol.weighing_intro.get(language))
        else:
            self.intro.setText(
                _(
                    "The afwegingskader of the meldcode, one question at a time. Your answers "
                    "decide the next question; you can go back and change them."
                )
            )
        self.question_box.setTitle(_("Question"))
        self.answer_buttons["yes"].setText(_("&Yes"))
        self.answer_buttons["no"].setText(_("N&o"))
        self.answer_buttons["unsure"].setText(_("Not &sure"))
        self.previous.setText(_("&Previous question"))
        describe(self.previous, _("Previous question"), _("Go back to the question before"))
        self.result_box.setTitle(
            _("Where the assessment leads")
            if protocol is not None
            else _("Where the weighing leads")
        )
        self.restart.setText(_("Change &answers"))
        describe(self.restart, _("Change answers"), _("Start the weighing again from question 1"))
        self.history_box.setTitle(_("Your answers"))
        language = content_language()
        self.relation_label.setText(_("&Relation of the suspected person"))
        self.relation.setItemText(0, _("Not known or not said"))
        for index, relation in enumerate(self.session.catalog.relations, start=1):
            self.relation.setItemText(index, relation.name.get(language))
        describe(
            self.relation,
            _("Relation of the suspected person"),
            _("Decides whether the afwegingskader of the meldcode applies"),
        )
        self._show()

    def refresh(self) -> None:
        weighing = self.session.assessment().weighing
        if self.current not in weighing.path:
            self.current = None
        if self.current is None and weighing.outcome is None and weighing.path:
            last = weighing.path[-1]
            if last not in self.session.case.weighing:
                self.current = last
        self._show()

    def answer(self, answer: Answer) -> None:
        if self.current is None:
            return
        session = self.session
        session.answer(session.case, weighing={**session.case.weighing, self.current: answer})
        path = session.assessment().weighing.path
        # Answers off the new path would be invisible yet printed: drop them.
        kept = {q: a for q, a in session.case.weighing.items() if q in path}
        session.answer(session.case, weighing=kept)
        # On to the next question on the path, also when it was answered before: after
        # "change answers" every later answer can be changed too, not skipped to the old end.
        path = session.assessment().weighing.path
        index = path.index(self.current) if self.current in path else len(path)
        self.current = path[index + 1] if index + 1 < len(path) else None
        self._show()
        focus = self.first_focus()
        if focus is not None:
            focus.setFocus()

    def go_previous(self) -> None:
        path = self.session.assessment().weighing.path
        if not path:
            return
        if self.current is None:
            self.current = path[-1]
        else:
            index = path.index(self.current)
            self.current = path[max(0, index - 1)]
        self._show()
        focus = self.first_focus()
        if focus is not None:
            focus.setFocus()

    def go_first(self) -> None:
        if self.session.assessment().weighing.scope is not None:
            return  # no questions: the meldcode does not apply, or the relation comes first
        self.current = self.session.catalog.questions_for(self.session.case.role)[0].id
        self._show()
        focus = self.first_focus()
        if focus is not None:
            focus.setFocus()

    def _show(self) -> None:
        session = self.session
        catalog = session.catalog
        language = content_language()
        weighing = session.assessment().weighing
        answers = session.case.weighing
        ended = self.current is None
        self.question_box.setVisible(not ended)
        self.result_box.setVisible(ended)
        asking = weighing.needs_relation
        self.relation_label.setVisible(asking)
        self.relation.setVisible(asking)
        self.restart.setVisible(weighing.scope is None)
        if asking:
            self.relation.blockSignals(True)
            index = self.relation.findData(session.case.context.perpetrator_relation)
            self.relation.setCurrentIndex(max(0, index))
            self.relation.blockSignals(False)
        if not ended and self.current is not None:
            question = catalog.questions_by_id[self.current]
            self.progress.setText(
                _("Question {number} of at most {total}").format(
                    number=question.number, total=len(catalog.questions_for(session.case.role))
                )
            )
            self.question.setText(question.question.get(language))
            self.question.setAccessibleName(question.question.get(language))
            self.explanation.setText(question.explanation.get(language))
            chosen = answers.get(self.current)
            set_checked(
                self.answer_group,
                *((button, answer == chosen) for answer, button in self.answer_buttons.items()),
            )
            for answer, button in self.answer_buttons.items():
                describe(button, _(labels.ANSWERS[answer]), question.question.get(language))
            self.previous.setEnabled(weighing.path.index(self.current) > 0)
        else:
            if weighing.outcome is not None:
                self.result_title.setText(outcome_name(weighing.outcome, catalog))
            elif weighing.needs_relation:
                self.result_title.setText(_("First: who may be exploiting or harming this person?"))
            elif weighing.consult_veilig_thuis:
                self.result_title.setText(_("In doubt: ask Veilig Thuis for advice"))
            else:
                self.result_title.setText(_("Not finished yet"))
            self.result_title.setAccessibleName(self.result_title.text())
            self.result_text.setText("\n".join(e.text.get(language) for e in weighing.explanations))
        lines = []
        for number, question_id in enumerate(weighing.path, start=1):
            if question_id in answers:
                question = catalog.questions_by_id[question_id]
                answer_text = _(labels.ANSWERS[answers[question_id]])
                lines.append(f"{number}. {question.question.get(language)} — {answer_text}")
        self.history.setText("\n".join(lines) or _("No answers yet."))
        self.history_box.setVisible(bool(lines))

    def _relation_chosen(self, index: int) -> None:
        relation = self.relation.itemData(index)
        if self.session.case.context.perpetrator_relation == relation:
            return
        self.session.answer(self.session.case.context, perpetrator_relation=relation)
        self.refresh()
        focus = self.first_focus()
        if focus is not None:
            focus.setFocus()
