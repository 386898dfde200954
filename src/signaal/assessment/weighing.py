"""The weighing walk: follow the catalog's branching from the first question.

Which questions are walked is data: the shared afwegingskader, or the role's protocol's own
questions (Veilig Thuis's safety assessment) when that protocol declares its own outcomes.
The walk reaches only the questions the answers lead to; it ends in an outcome, or stays open
(`outcome` None) when a question on the path is unanswered or answered "unsure".
"""

from __future__ import annotations

from signaal.assessment.case import Case
from signaal.assessment.conditions import case_facts, holds
from signaal.assessment.result import Explanation, WeighingResult
from signaal.assessment.texts import prefixed, text
from signaal.content.catalog import Catalog
from signaal.content.models import Protocol, Text, WeighingQuestion, WeighingScope
from signaal.i18n import N_

# Whole sentences per answer, so that a translator never sees a bare "yes" out of context.
ANSWERED = {
    "yes": N_("{question} Answer: yes. {explanation}"),
    "no": N_("{question} Answer: no. {explanation}"),
    "unsure": N_("{question} Answer: not sure. {explanation}"),
}


def weighing_walk(catalog: Catalog, case: Case) -> WeighingResult:
    """Follow the afwegingskader along the answers given so far, explaining every step."""
    acute = case.context.acute_danger is True
    protocol = _protocol(catalog, case.role)
    own = catalog.weighing_protocol(case.role)
    # What acute danger asks of this protocol's users (content; check-content requires it).
    explanations = (
        [Explanation(rule=f"{protocol.id}-on-acute-danger", text=protocol.on_acute_danger)]
        if acute and protocol is not None and protocol.on_acute_danger is not None
        else []
    )
    # Scopes belong to the meldcode's afwegingskader; a protocol with its own questions (Veilig
    # Thuis's safety assessment) decides its own applicability.
    scope = applicable_scope(catalog, case) if own is None else None
    if scope is not None:
        return _outside_scope(case, scope, explanations, acute)
    path: list[str] = []
    outcome: str | None = None
    questions = catalog.questions_of(own)
    question = min(questions, key=lambda q: q.number) if questions else None
    while question is not None and question.id not in path:
        path.append(question.id)
        answer = case.weighing.get(question.id)
        if answer is None:
            explanations.append(
                Explanation(
                    rule=question.id,
                    text=prefixed(
                        _step(catalog, case.role, question),
                        text(
                            "The weighing is not complete: this question is not answered yet: "
                            "{question}",
                            question=question.question,
                        ),
                    ),
                    questions=[question.id],
                )
            )
            break
        if answer == "unsure":
            explanations.append(_answered(catalog, case, question, question.on_unsure))
            break
        branch = question.on_yes if answer == "yes" else question.on_no
        explanations.append(_answered(catalog, case, question, branch.explanation))
        if branch.outcome is not None:
            outcome = branch.outcome
            break
        question = None if branch.next is None else catalog.questions_by_id.get(branch.next)
    if outcome == "report":
        explanations += _reporting_norms(catalog, case.role)
    if outcome is not None:
        explanations += _cited_guidance(catalog, outcome)
    walked = {q.id for q in questions}
    unsure = [q for q, answer in case.weighing.items() if answer == "unsure" and q in walked]
    for question_id in unsure:
        if question_id not in path:
            off_path = catalog.questions_by_id[question_id]
            explanations.append(
                Explanation(rule=question_id, text=off_path.on_unsure, questions=[question_id])
            )
    return WeighingResult(
        path=path,
        outcome=outcome,
        # Only the afwegingskader sends doubt to Veilig Thuis; a protocol's own questions say
        # in their own `on_unsure` where to take doubt.
        consult_veilig_thuis=bool(unsure) and own is None,
        explanations=explanations,
        acute_danger=acute,
    )


def applicable_scope(catalog: Catalog, case: Case) -> WeighingScope | None:
    """The first of the catalog's weighing scopes whose condition holds for this case."""
    facts = case_facts(catalog, case)
    return next((s for s in catalog.weighing_scopes if holds(s.when, facts)), None)


def _outside_scope(
    case: Case, scope: WeighingScope, explanations: list[Explanation], acute: bool
) -> WeighingResult:
    """No afwegingskader: the meldcode does not apply (the route instead), or the relation of
    the suspected person must be known first. Answers given earlier are kept, not used."""
    explanations = [*explanations, Explanation(rule=scope.id, text=scope.explanation)]
    explanations += [
        Explanation(rule=f"{scope.id}-route", text=line.text)
        for line in scope.route
        if not line.roles or case.role in line.roles
    ]
    return WeighingResult(
        path=[],
        outcome="not-applicable" if scope.kind == "not-applicable" else None,
        consult_veilig_thuis=False,
        explanations=explanations,
        acute_danger=acute,
        scope=scope.id,
        needs_relation=scope.kind == "ask-relation",
    )


def _answered(
    catalog: Catalog, case: Case, question: WeighingQuestion, explanation: Text
) -> Explanation:
    answer = case.weighing[question.id]
    return Explanation(
        rule=question.id,
        text=prefixed(
            _step(catalog, case.role, question),
            text(ANSWERED[answer], question=question.question, explanation=explanation),
        ),
        questions=[question.id],
    )


def _protocol(catalog: Catalog, role: str) -> Protocol | None:
    """The role's protocol variant; None for a role or protocol the catalog does not know."""
    role_entry = catalog.roles_by_id.get(role)
    return None if role_entry is None else catalog.protocols_by_id.get(role_entry.protocol)


def _step(catalog: Catalog, role: str, question: WeighingQuestion) -> Text | None:
    """Where the role's protocol variant asks this question ("Step 5 (Decide)"), if it says."""
    protocol = _protocol(catalog, role)
    if protocol is not None:
        for step in protocol.steps:
            if question.id in step.weighing_questions:
                return text("Step {number} ({title})", number=step.number, title=step.title)
    return None


def _reporting_norms(catalog: Catalog, role: str) -> list[Explanation]:
    """The reporting norms of the role's protocol variant (KNMG adds its own)."""
    protocol = _protocol(catalog, role)
    norms = [] if protocol is None else protocol.reporting_norms
    return [
        Explanation(rule=f"{protocol.id if protocol else 'protocol'}-reporting-norm", text=norm)
        for norm in norms
    ]


def _cited_guidance(catalog: Catalog, outcome: str) -> list[Explanation]:
    """The guidance content cites with this outcome (e.g. informing those involved before a
    report): its title and first paragraph."""
    return [
        Explanation(rule=guidance.id, text=prefixed(guidance.title, guidance.body[0]))
        for guidance in catalog.guidance
        if outcome in guidance.outcomes
    ]
