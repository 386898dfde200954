"""The Veilig Thuis handover: where the case came from, what was found, the safety assessment and
who takes which part of the follow-up. No meldcode-melder fields (consultation, advice asked),
unless a case brings them along (`earlier_steps`): a PDF shows everything its case holds.

The order serves the colleague or partner who takes over: the conclusion first, then the intake
and the facts, then the assessment that led there, then the onward routes.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from signaal.content.models import Protocol
from signaal.labels import ANSWERS, INTAKE_KINDS, OPENNESS, REPORTER_KINDS, wording
from signaal.report import advice, facts, judgement, parties, sources, steps
from signaal.report.layout import Layout, section
from signaal.report.text import Paragraph, kept, labelled, markup, paragraphs


def story(layout: Layout) -> list[Flowable]:
    """Everything after the title, in the handover's own order."""
    return [
        *summary(layout),
        *intake(layout),
        *parties.persons(layout),
        *facts.concerns(layout),
        *facts.observations(
            layout,
            layout._(
                "Facts as recorded at Veilig Thuis, each with its source: what the worker saw, "
                "what the person said and what others (the reporter among them) said are kept "
                "apart; quotes are the person's own words."
            ),
        ),
        *safety_assessment(layout),
        *earlier_steps(layout),
        *interpretation(layout),
        *judgement.decision(layout),
        *advice.referral_advice(layout, title=layout._("Onward routes")),
        *worker(layout),
        *method(layout),
        *sources.sources(layout),
        *advice.closing(layout),
    ]


def earlier_steps(layout: Layout) -> list[Flowable]:
    """Meldcode steps 2 and 3 when the case holds them (a case begun in another flow): the
    referral carries its case, so it prints whatever the case holds. A step nobody filled in is
    left out: "advice from Veilig Thuis: not asked" is noise in Veilig Thuis' own handover."""
    from signaal.assessment.case import Consultation, Conversation

    recorded = layout.case.meldcode_steps
    body = [
        *([] if recorded.consultation == Consultation() else steps.step2(layout)),
        *([] if recorded.conversation == Conversation() else steps.step3(layout)),
    ]
    if not body:
        return []
    return [layout.section(layout._("Meldcode steps recorded in the case")), *body]


def _protocol(layout: Layout) -> Protocol | None:
    role = layout.catalog.roles_by_id.get(layout.case.role)
    return None if role is None else layout.catalog.protocols_by_id.get(role.protocol)


def _outcome(layout: Layout) -> tuple[str, str] | None:
    """The name and description of the safety assessment's outcome, when it was reached."""
    outcome_id = layout.assessment.weighing.outcome
    protocol = _protocol(layout)
    for outcome in [] if protocol is None else protocol.outcomes:
        if outcome.id == outcome_id:
            return layout.text(outcome.name), layout.text(outcome.description)
    return None


def summary(layout: Layout) -> list[Flowable]:
    """The conclusion up front: the outcome of the safety assessment and when it was made."""
    _ = layout._
    outcome = _outcome(layout)
    body: list[Flowable] = []
    if outcome is None:
        body.append(layout.field(_("Safety assessment"), _("not finished")))
    else:
        body.append(layout.field(_("Safety assessment"), outcome[0]))
        body.append(Paragraph(markup(outcome[1]), layout.styles.detail))
    assessed_on = layout.case.safety.assessed_on
    if assessed_on is not None:
        body.append(layout.field(_("Assessed on"), layout.date(assessed_on)))
    if layout.assessment.weighing.acute_danger:
        body.append(layout.field(_("Acute danger when the case began"), _("yes")))
    return section(layout.section(_("In brief")), body)


def intake(layout: Layout) -> list[Flowable]:
    """How the case came in: advice or report, when, from whom, openly or anonymously."""
    _, given = layout._, layout.case.intake
    body: list[Flowable] = []
    if given.kind is not None:
        body.append(layout.field(_("Received as"), _(INTAKE_KINDS[given.kind])))
    if given.received_on is not None:
        body.append(layout.field(_("Received on"), layout.date(given.received_on)))
    if given.reporter_kind is not None:
        body.append(layout.field(_("Reported by"), _(REPORTER_KINDS[given.reporter_kind])))
    for label, value in (
        (_("Relation to the person"), given.reporter_relation),
        (_("Profession"), given.reporter_profession),
        (_("Name"), given.reporter_name),
        (_("Contact details"), given.reporter_contact),
    ):
        if value.strip():
            body.append(layout.field(label, value))
    if given.open_report is not None:
        body.append(layout.field(_("Openness"), _(OPENNESS[given.open_report])))
    if given.anonymity_reason.strip():
        body.append(layout.field(_("Why anonymous"), given.anonymity_reason))
    if given.summary.strip():
        body += paragraphs(given.summary, layout.styles.body, label=_("What was reported"))
    return section(layout.section(_("Intake: who reported what")), body)


def safety_assessment(layout: Layout) -> list[Flowable]:
    """The information gathered, each question reached with its answer and why, the reasons."""
    _, case, catalog = layout._, layout.case, layout.catalog
    result = layout.assessment.weighing
    body: list[Flowable] = []
    if case.safety.information.strip():
        body += paragraphs(
            case.safety.information, layout.styles.body, label=_("Information gathered")
        )
    for question_id in result.path:
        question = catalog.questions_by_id.get(question_id)
        answer = case.weighing.get(question_id)
        if question is None or answer is None:
            continue
        body.append(
            Paragraph(
                f"{question.number}. {markup(layout.text(question.question))}", layout.styles.item
            )
        )
        body.append(kept(layout.field(_("Answer"), wording(ANSWERS, answer, _))))
        if answer == "unsure":
            reason = question.on_unsure
        else:
            reason = (question.on_yes if answer == "yes" else question.on_no).explanation
        body.append(labelled(_("Why"), layout.text(reason), layout.styles.detail))
    outcome = _outcome(layout)
    if body or outcome is not None:
        body.append(layout.field(_("Decision"), outcome[0] if outcome else _("not reached yet")))
    if case.safety.reasons.strip():
        body += paragraphs(case.safety.reasons, layout.styles.body, label=_("Reasons"))
    protocol = _protocol(layout)
    title = _("Safety assessment")
    if protocol is not None and protocol.weighing_title is not None:
        title = layout.text(protocol.weighing_title)
    return section(layout.section(title), body)


def interpretation(layout: Layout) -> list[Flowable]:
    """Indicator profiles and concern level: interpretation, kept apart from the facts."""
    body = [
        *judgement.checklist_summary(layout),
        *judgement.trafficking_profiles(layout),
        *judgement.concern_level(layout),
    ]
    if not body:
        return []
    _ = layout._
    intro = layout.note(_("Interpretation, kept apart from the facts above."))
    return [layout.section(_("Signals and indicator profiles")), intro, *body]


def worker(layout: Layout) -> list[Flowable]:
    """Who at Veilig Thuis hands over, printed only where typed."""
    _, reporter = layout._, layout.case.reporter
    body: list[Flowable] = [
        layout.field(label, value)
        for label, value in (
            (_("Name"), reporter.name),
            (_("Job title"), reporter.job_title),
            (_("Organisation"), reporter.organisation),
            (_("Phone"), reporter.phone),
        )
        if value.strip()
    ]
    return section(layout.section(_("Handed over by")), body)


def method(layout: Layout) -> list[Flowable]:
    """The steps this handover rests on, each with the source it is taken from."""
    protocol = _protocol(layout)
    if protocol is None:
        return []
    _ = layout._
    sources = layout.catalog.sources_by_id
    body: list[Flowable] = [layout.note(layout.text(protocol.description))]
    for step in protocol.steps:
        named = [sources[s].publisher for s in step.sources if s in sources]
        line = f"{step.number}. {layout.text(step.title)}"
        if named:
            line += " — " + _("source: {sources}").format(sources="; ".join(dict.fromkeys(named)))
        body.append(Paragraph(markup(line), layout.styles.detail))
    return [layout.section(_("Working method")), *body]
