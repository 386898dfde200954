"""The level of concern for child sexual abuse (`none` / `possible` / `clear`) from content rules.

A level of concern summarises the recorded signals; it is never a finding that abuse took place.
"""

from __future__ import annotations

from signaal.assessment.conditions import Facts, holds, matched_indicators
from signaal.assessment.result import ConcernResult, Explanation
from signaal.assessment.texts import text
from signaal.content.catalog import Catalog
from signaal.content.code_ids import CHILD_SEXUAL_ABUSE
from signaal.content.models import ConcernLevel
from signaal.i18n import N_
from signaal.labels import CONCERN_LEVELS

LEVEL_ORDER: dict[ConcernLevel, int] = {"none": 0, "possible": 1, "clear": 2}
# The level's own name (labels.CONCERN_LEVELS) goes into {level}: one name for one level.
NO_RULE_SUMMARY = N_(
    "Level of concern for child sexual abuse: {level}. Signals were recorded, but no rule for a "
    "possible or clear concern applies to them. Keep observing and record facts."
)
RULE_SUMMARY = N_(
    "Level of concern for child sexual abuse: {level}. It follows from the rules below and "
    "describes the signals recorded, not a finding that abuse took place."
)


def concern_level(catalog: Catalog, facts: Facts) -> ConcernResult:
    """The highest level whose content rule holds; `none` when no rule does.

    Assessed when child sexual abuse is a chosen concern, or when signals from a child sexual
    abuse checklist were recorded anyway (a recorded signal is never silently ignored).
    """
    lists = [c.id for c in catalog.checklists if CHILD_SEXUAL_ABUSE in c.concerns]
    signals = facts.on_checklists(lists)
    if CHILD_SEXUAL_ABUSE not in facts.concerns and not signals:
        # Not asked about: `assessed` says so, and there is nothing to explain.
        return ConcernResult(level="none", assessed=False)
    level: ConcernLevel = "none"
    fired = []
    for rule in catalog.concern_rules:
        if holds(rule.when, facts):
            fired.append(
                Explanation(
                    rule=rule.id, text=rule.reason, indicators=matched_indicators(rule.when, facts)
                )
            )
            if LEVEL_ORDER[rule.level] > LEVEL_ORDER[level]:
                level = rule.level
    name = text(CONCERN_LEVELS[level])
    if fired or signals:
        template = NO_RULE_SUMMARY if level == "none" else RULE_SUMMARY
        summary = text(template, level=name)
    else:
        summary = text(
            "Level of concern for child sexual abuse: {level}. No signals of child sexual abuse "
            "were recorded.",
            level=name,
        )
    overview = Explanation(rule="concern-level", text=summary, indicators=signals)
    return ConcernResult(level=level, explanations=[overview, *fired])
