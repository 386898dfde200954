"""Cross-file checks: unique ids and every reference pointing at something that exists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from signaal.content.catalog import Catalog
from signaal.content.models import Condition, Sourced

# (kind, id, message): the loader maps kind and id back to the file that defined the entry.
Problem = tuple[str, str, str]


def check_references(catalog: Catalog) -> list[Problem]:
    problems: list[Problem] = []
    problems += _unique(catalog)
    sources = set(catalog.sources_by_id)
    bands = set(catalog.age_bands_by_id)
    concerns = set(catalog.concerns_by_id)
    roles = set(catalog.roles_by_id)
    dimensions = set(catalog.dimensions_by_id)
    contacts = set(catalog.contacts_by_id)
    indicators = set(catalog.indicators_by_id)
    questions = set(catalog.questions_by_id)

    def missing(
        kind: str, entry_id: str, what: str, wanted: Iterable[str], known: set[str]
    ) -> None:
        for value in wanted:
            if value not in known:
                problems.append((kind, entry_id, f"unknown {what} '{value}'"))

    for kind, entries in _sourced(catalog):
        for entry in entries:
            missing(kind, str(getattr(entry, "id", kind)), "source", entry.sources, sources)
    for concern in catalog.concerns:
        missing("concern", concern.id, "age band", concern.age_bands, bands)
    for role in catalog.roles:
        missing("role", role.id, "protocol", [role.protocol], set(catalog.protocols_by_id))
    for protocol in catalog.protocols:
        for step in protocol.steps:
            missing(
                "protocol", protocol.id, "weighing question", step.weighing_questions, questions
            )
    for question in catalog.weighing_questions:
        for branch in (question.on_yes, question.on_no):
            if (branch.next is None) == (branch.outcome is None):
                problems.append(
                    (
                        "weighing_question",
                        question.id,
                        "each answer needs exactly one of 'next' or 'outcome'",
                    )
                )
            elif branch.next is not None:
                missing("weighing_question", question.id, "next question", [branch.next], questions)
    for checklist in catalog.checklists:
        sections = {section.id for section in checklist.sections}
        missing("checklist", checklist.id, "concern", checklist.concerns, concerns)
        missing("checklist", checklist.id, "age band", checklist.age_bands, bands)
        missing("checklist", checklist.id, "role", checklist.roles, roles)
        for indicator in checklist.indicators:
            missing("checklist", indicator.id, "section", [indicator.section], sections)
            missing("checklist", indicator.id, "age band", indicator.age_bands, bands)
            missing("checklist", indicator.id, "role", indicator.roles, roles)
            if indicator.dimension is not None:
                missing("checklist", indicator.id, "dimension", [indicator.dimension], dimensions)
            if checklist.kind == "ilo" and (
                indicator.dimension is None or indicator.weight is None
            ):
                problems.append(
                    ("checklist", indicator.id, "an ILO indicator needs a dimension and a weight")
                )
    for rule in catalog.trafficking_rules:
        for group in rule.require:
            missing("trafficking_rule", rule.id, "dimension", group, dimensions)
    conditions = [("concern_rule", r.id, r.when) for r in catalog.concern_rules]
    conditions += [("routing_rule", r.id, r.when) for r in catalog.routing_rules]
    for kind, rule_id, condition in conditions:
        problems += _condition(kind, rule_id, condition, indicators, concerns, roles)
    for routing in catalog.routing_rules:
        missing("routing_rule", routing.id, "contact", [t.contact for t in routing.refer], contacts)
    return problems


def _condition(
    kind: str,
    rule_id: str,
    condition: Condition,
    indicators: set[str],
    concerns: set[str],
    roles: set[str],
) -> list[Problem]:
    problems = []
    for value in condition.indicators_any:
        if value not in indicators:
            problems.append((kind, rule_id, f"unknown indicator '{value}'"))
    for value in condition.concerns_any:
        if value not in concerns:
            problems.append((kind, rule_id, f"unknown concern '{value}'"))
    for value in condition.roles_any:
        if value not in roles:
            problems.append((kind, rule_id, f"unknown role '{value}'"))
    return problems


def _sourced(catalog: Catalog) -> list[tuple[str, Iterable[Sourced]]]:
    return [
        ("concern", catalog.concerns),
        ("role", catalog.roles),
        ("protocol", catalog.protocols),
        ("weighing_question", catalog.weighing_questions),
        ("unsafety", catalog.unsafety),
        ("step3_exception", catalog.step3_exceptions),
        ("conflict_of_duties", catalog.conflict_of_duties),
        ("acute_danger", catalog.acute_danger),
        ("guidance", catalog.guidance),
        ("contact", catalog.contacts),
        ("checklist", catalog.checklists),
        ("checklist", [i for c in catalog.checklists for i in c.indicators]),
        ("flag_criterion", catalog.flag_criteria),
        ("flag_level", catalog.flag_levels),
        ("trafficking_rule", catalog.trafficking_rules),
        ("concern_rule", catalog.concern_rules),
        ("routing_rule", catalog.routing_rules),
        ("delphi_rule", [catalog.delphi_rule]),
    ]


def _unique(catalog: Catalog) -> list[Problem]:
    groups: dict[str, list[str]] = {
        "source": [s.id for s in catalog.sources],
        "age_band": [b.id for b in catalog.age_bands],
        "concern": [c.id for c in catalog.concerns],
        "relation": [r.id for r in catalog.relations],
        "role": [r.id for r in catalog.roles],
        "protocol": [p.id for p in catalog.protocols],
        "weighing_question": [q.id for q in catalog.weighing_questions],
        "contact": [c.id for c in catalog.contacts],
        "checklist": [c.id for c in catalog.checklists]
        + [i.id for c in catalog.checklists for i in c.indicators],
        "dimension": [d.id for d in catalog.dimensions],
        "step3_exception": [e.id for e in catalog.step3_exceptions],
        "routing_rule": [r.id for r in catalog.routing_rules],
        "concern_rule": [r.id for r in catalog.concern_rules],
        "trafficking_rule": [r.id for r in catalog.trafficking_rules],
    }
    return [
        (kind, entry_id, "this id is used more than once")
        for kind, ids in groups.items()
        for entry_id, count in Counter(ids).items()
        if count > 1
    ]
