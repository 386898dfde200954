"""Pure functions from catalog + case to an `Assessment`; every rule is read from the catalog.

The UI and the PDF only ever show what `assess` returns, so they can never disagree.
"""

from __future__ import annotations

from signaal.assessment.case import Case
from signaal.assessment.concern import concern_level
from signaal.assessment.conditions import case_facts
from signaal.assessment.result import Assessment, Explanation
from signaal.assessment.routing import referrals
from signaal.assessment.trafficking import dimension_result, trafficking_profiles
from signaal.assessment.weighing import weighing_walk
from signaal.content.catalog import Catalog

__all__ = ["assess", "concern_level", "dimension_result", "referrals", "weighing_walk"]


def assess(catalog: Catalog, case: Case) -> Assessment:
    """Derive the whole assessment: indicator profiles, concern level, weighing, referrals."""
    facts = case_facts(catalog, case)
    trafficking = trafficking_profiles(catalog, facts)
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
        notes=[Explanation(rule="disclaimer", text=catalog.info.disclaimer)],
    )
