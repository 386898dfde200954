"""Evaluate a content `Condition` against the facts of a case.

Conditions are the small rule language of the content files (concern rules, routing rules): every
field that is set must hold, `any_of` is an OR of nested conditions and `none_of` a NOT.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from signaal.assessment.case import Case
from signaal.assessment.intake import age_group, concerns_looked_at
from signaal.content.catalog import Catalog
from signaal.content.models import ConcernLevel, Condition, Flag, Profile


@dataclass(frozen=True)
class Facts:
    """The case reduced to what conditions ask about, plus outcomes derived earlier."""

    role: str
    age_band: str | None
    minor: bool | None
    concerns: frozenset[str]
    present: tuple[str, ...]
    flags: frozenset[Flag]
    acute_danger: bool | None
    disclosure: bool
    relation: str | None
    days_since_sexual_contact: int | None
    consent_to_refer: bool | None
    checklist_of: dict[str, str] = field(default_factory=dict)
    # ILO/EC indicators that present Dutch signals count as, each with the signals it came from.
    counted_as: dict[str, tuple[str, ...]] = field(default_factory=dict)
    acute_situation: str | None = None
    concern_level: ConcernLevel = "none"
    profiles: frozenset[Profile] = field(default_factory=frozenset)
    outcome: str | None = None

    def with_outcomes(
        self,
        concern_level: ConcernLevel,
        profiles: list[Profile],
        outcome: str | None,
    ) -> Facts:
        return replace(
            self, concern_level=concern_level, profiles=frozenset(profiles), outcome=outcome
        )

    def matching(self, indicator_ids: list[str]) -> list[str]:
        """The present signals among `indicator_ids`, in the order they were answered, then
        those a present signal counts as (the same signal on another list)."""
        wanted = set(indicator_ids)
        counted = [i for i in self.counted_as if i not in self.present]
        return [i for i in (*self.present, *counted) if i in wanted]

    def on_checklists(self, checklist_ids: list[str]) -> list[str]:
        """The present signals that belong to one of the checklists."""
        wanted = set(checklist_ids)
        return [i for i in self.present if self.checklist_of.get(i) in wanted]


def case_facts(catalog: Catalog, case: Case) -> Facts:
    """Reduce a case to facts; signals the catalog does not know are left out, each id once."""
    group = age_group(catalog, case)
    band, minor = group.band, group.minor
    present = tuple(
        dict.fromkeys(i for i in case.present_indicators() if i in catalog.indicators_by_id)
    )
    flags = frozenset(f for i in present if (f := catalog.indicator(i).flag) is not None)
    return Facts(
        role=case.role,
        age_band=band,
        minor=minor,
        concerns=frozenset(concerns_looked_at(catalog, case)),
        present=present,
        flags=flags,
        acute_danger=case.context.acute_danger,
        disclosure=case.context.disclosure,
        relation=case.context.perpetrator_relation,
        days_since_sexual_contact=case.context.days_since_sexual_contact,
        consent_to_refer=case.context.consent_to_refer,
        checklist_of={i: catalog.indicators_by_id[i][0].id for i in present},
        counted_as=counted_as(catalog, present, band, minor),
        acute_situation=case.context.acute_situation,
    )


def counted_as(
    catalog: Catalog, present: tuple[str, ...], band: str | None, minor: bool | None
) -> dict[str, tuple[str, ...]]:
    """The ILO/EC indicators the present Dutch signals count as, for this person's age.

    A signal for young people and adults names the indicator of both lists; only the one for
    this age band (both while the age is unknown) counts.
    """
    found: dict[str, list[str]] = {}
    for signal in present:
        for target in catalog.indicator(signal).counts_as:
            entry = catalog.indicators_by_id.get(target)
            if entry is not None and catalog.fits_age(entry[1].age_bands, band, minor):
                found.setdefault(target, []).append(signal)
    return {target: tuple(signals) for target, signals in found.items()}


def holds(condition: Condition, facts: Facts) -> bool:
    """True when every constraint the condition sets is met (unset fields constrain nothing)."""
    minimum = condition.min_indicators
    checks = (
        condition.acute_danger is None or facts.acute_danger is condition.acute_danger,
        condition.minor is None or facts.minor is condition.minor,
        condition.disclosure is None or facts.disclosure is condition.disclosure,
        condition.consent_to_refer is None or facts.consent_to_refer is condition.consent_to_refer,
        not condition.roles_any or facts.role in condition.roles_any,
        not condition.concerns_any or bool(facts.concerns & set(condition.concerns_any)),
        not condition.relations_any or facts.relation in condition.relations_any,
        not condition.age_bands_any or facts.age_band in condition.age_bands_any,
        not condition.indicators_any or len(facts.matching(condition.indicators_any)) >= minimum,
        not condition.checklists_any
        or len(facts.on_checklists(condition.checklists_any)) >= minimum,
        not condition.flags_any or bool(facts.flags & set(condition.flags_any)),
        condition.max_days_since_sexual_contact is None
        or (
            facts.days_since_sexual_contact is not None
            and facts.days_since_sexual_contact <= condition.max_days_since_sexual_contact
        ),
        not condition.concern_levels_any or facts.concern_level in condition.concern_levels_any,
        not condition.profiles_any or bool(facts.profiles & set(condition.profiles_any)),
        not condition.outcomes_any or facts.outcome in condition.outcomes_any,
        not condition.acute_situations_any
        or facts.acute_situation in condition.acute_situations_any,
    )
    if not all(checks):
        return False
    if condition.any_of and not any(holds(nested, facts) for nested in condition.any_of):
        return False
    return not any(holds(nested, facts) for nested in condition.none_of)


def matched_indicators(condition: Condition, facts: Facts) -> list[str]:
    """The present signals a condition that holds refers to, for the explanation."""
    found = facts.matching(condition.indicators_any) + facts.on_checklists(condition.checklists_any)
    for nested in condition.any_of:
        if holds(nested, facts):
            found += matched_indicators(nested, facts)
    return list(dict.fromkeys(found))
