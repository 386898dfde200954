"""Pure functions from catalog + case to an `Assessment`; every rule is read from the catalog."""

from __future__ import annotations

from signaal.assessment.case import Case
from signaal.assessment.conditions import Facts, case_facts, holds
from signaal.assessment.result import (
    Assessment,
    ConcernResult,
    DimensionResult,
    Explanation,
    Referral,
    TraffickingResult,
    WeighingResult,
)
from signaal.content.catalog import Catalog
from signaal.content.models import ConcernLevel, Profile

_LEVEL_ORDER: dict[ConcernLevel, int] = {"none": 0, "possible": 1, "clear": 2}
_URGENCY_ORDER = {"immediate": 0, "today": 1, "soon": 2, "info": 3}


def assess(catalog: Catalog, case: Case) -> Assessment:
    """Derive the whole assessment; the UI and the PDF show only what this returns."""
    facts = case_facts(catalog, case)
    trafficking = trafficking_profiles(catalog, case, facts)
    concern = concern_level(catalog, facts)
    weighing = weighing_walk(catalog, case)
    facts = facts.with_outcomes(
        concern_level=concern.level,
        profiles=[result.profile for result in trafficking],
        outcome=weighing.outcome,
    )
    return Assessment(
        trafficking=trafficking,
        concern=concern,
        weighing=weighing,
        referrals=referrals(catalog, facts),
    )


def dimension_result(catalog: Catalog, indicator_ids: list[str]) -> DimensionResult:
    """Counts by weight, and whether any Delphi combination is met."""
    counts = {"strong": 0, "medium": 0, "weak": 0}
    for indicator_id in indicator_ids:
        weight = catalog.indicator(indicator_id).weight
        if weight is not None:
            counts[weight] += 1
    positive = any(
        counts["strong"] >= combo.strong
        and counts["medium"] >= combo.medium
        and counts["weak"] >= combo.weak
        for combo in catalog.delphi_rule.positive_when
    )
    return DimensionResult(positive=positive, indicators=list(indicator_ids), **counts)


def trafficking_profiles(catalog: Catalog, case: Case, facts: Facts) -> list[TraffickingResult]:
    """One indicator profile per ILO/EC list that fits the concerns and the age of the person."""
    results = []
    for checklist in catalog.checklists:
        if checklist.kind != "ilo" or not set(checklist.concerns) & set(case.concerns):
            continue
        if facts.age_band is not None and facts.age_band not in checklist.age_bands:
            continue
        own = [i.id for i in checklist.indicators]
        present = [i for i in facts.present if i in set(own)]
        dimensions = {
            section.dimension: dimension_result(
                catalog,
                [i for i in present if catalog.indicator(i).dimension == section.dimension],
            )
            for section in checklist.sections
            if section.dimension is not None
        }
        minor = catalog.age_bands_by_id[checklist.age_bands[0]].minor
        rule = next(r for r in catalog.trafficking_rules if r.minor == minor)
        positive = {d for d, result in dimensions.items() if result.positive}
        met = all(set(group) & positive for group in rule.require)
        profile: Profile = (
            "indicated" if met else "partly-indicated" if positive else "not-indicated"
        )
        explanations = [Explanation(rule=rule.id, text=rule.explanation, indicators=present)]
        if not met and rule.exploitation_only is not None and positive == {"exploitation"}:
            explanations.append(
                Explanation(rule=f"{rule.id}-exploitation-only", text=rule.exploitation_only)
            )
        results.append(
            TraffickingResult(
                checklist=checklist.id,
                dimensions=dimensions,
                profile=profile,
                explanations=explanations,
            )
        )
    return results


def concern_level(catalog: Catalog, facts: Facts) -> ConcernResult:
    """The highest level whose content rule holds; `none` when no rule does."""
    level: ConcernLevel = "none"
    explanations = []
    for rule in catalog.concern_rules:
        if holds(rule.when, facts):
            explanations.append(
                Explanation(
                    rule=rule.id,
                    text=rule.reason,
                    indicators=facts.matching(rule.when.indicators_any),
                )
            )
            if _LEVEL_ORDER[rule.level] > _LEVEL_ORDER[level]:
                level = rule.level
    return ConcernResult(level=level, explanations=explanations)


def weighing_walk(catalog: Catalog, case: Case) -> WeighingResult:
    """Follow the afwegingskader from its first question along the answers given so far."""
    path: list[str] = []
    explanations: list[Explanation] = []
    unsure = False
    question = catalog.first_weighing_question
    while question.id not in path:
        path.append(question.id)
        answer = case.weighing.get(question.id)
        if answer is None:
            return WeighingResult(
                path=path, outcome=None, consult_veilig_thuis=unsure, explanations=explanations
            )
        if answer == "unsure":
            unsure = True
            explanations.append(
                Explanation(rule=question.id, text=question.on_unsure, questions=[question.id])
            )
            return WeighingResult(
                path=path, outcome=None, consult_veilig_thuis=True, explanations=explanations
            )
        branch = question.on_yes if answer == "yes" else question.on_no
        explanations.append(
            Explanation(rule=question.id, text=branch.explanation, questions=[question.id])
        )
        if branch.outcome is not None:
            return WeighingResult(
                path=path,
                outcome=branch.outcome,
                consult_veilig_thuis=unsure,
                explanations=explanations,
            )
        assert branch.next is not None  # the loader guarantees one of the two
        question = catalog.questions_by_id[branch.next]
    return WeighingResult(
        path=path, outcome=None, consult_veilig_thuis=True, explanations=explanations
    )


def referrals(catalog: Catalog, facts: Facts) -> list[Referral]:
    """Contacts from every routing rule that holds, most urgent first, each contact once."""
    found: dict[str, Referral] = {}
    order: list[str] = []
    for rule in catalog.routing_rules:
        if not holds(rule.when, facts):
            continue
        for target in rule.refer:
            known = found.get(target.contact)
            if known is None:
                found[target.contact] = Referral(
                    contact=target.contact,
                    urgency=target.urgency,
                    reason=rule.reason,
                    rules=[rule.id],
                )
                order.append(target.contact)
            elif _URGENCY_ORDER[target.urgency] < _URGENCY_ORDER[known.urgency]:
                found[target.contact] = known.model_copy(
                    update={
                        "urgency": target.urgency,
                        "reason": rule.reason,
                        "rules": [*known.rules, rule.id],
                    }
                )
    return sorted((found[c] for c in order), key=lambda r: _URGENCY_ORDER[r.urgency])
