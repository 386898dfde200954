"""Condition semantics: each field constrains only when set; any_of is OR, none_of is NOT."""

from __future__ import annotations

import pytest

from signaal.assessment.conditions import case_facts, holds, matched_indicators
from signaal.content.loader import validator
from signaal.content.models import Condition

BASE = {
    "role": "gp",
    "age": 15,
    "concerns": ["child-sexual-abuse"],
    "seen": ["csa-nightmares", "csa-flag-yellow"],
    "context": {
        "acute_danger": False,
        "disclosure": True,
        "perpetrator_relation": "household",
        "days_since_sexual_contact": 3,
        "consent_to_refer": None,
    },
}


@pytest.fixture
def facts(kit):
    return case_facts(kit.catalog, kit.case(**BASE))


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({}, True),
        ({"acute_danger": False}, True),
        ({"acute_danger": True}, False),
        ({"minor": True}, True),
        ({"minor": False}, False),
        ({"disclosure": True}, True),
        ({"disclosure": False}, False),
        ({"consent_to_refer": True}, False),
        ({"consent_to_refer": False}, False),  # unknown consent is not a refusal
        ({"roles_any": ["gp", "teacher"]}, True),
        ({"roles_any": ["teacher"]}, False),
        ({"concerns_any": ["labour-exploitation", "child-sexual-abuse"]}, True),
        ({"concerns_any": ["labour-exploitation"]}, False),
        ({"relations_any": ["household"]}, True),
        ({"relations_any": ["employer"]}, False),
        ({"age_bands_any": ["12-18"]}, True),
        ({"age_bands_any": ["0-4", "4-12"]}, False),
        ({"indicators_any": ["csa-nightmares", "csa-disclosure"]}, True),
        ({"indicators_any": ["csa-nightmares", "csa-disclosure"], "min_indicators": 2}, False),
        ({"indicators_any": ["csa-disclosure"]}, False),
        ({"checklists_any": ["csa-signals", "csa-flags"], "min_indicators": 2}, True),
        ({"checklists_any": ["csa-signals"], "min_indicators": 2}, False),
        ({"checklists_any": ["adult-labour"]}, False),
        ({"flags_any": ["yellow", "red"]}, True),
        ({"flags_any": ["red", "black"]}, False),
        ({"max_days_since_sexual_contact": 3}, True),
        ({"max_days_since_sexual_contact": 2}, False),
        ({"any_of": [{"minor": False}, {"disclosure": True}]}, True),
        ({"any_of": [{"minor": False}, {"disclosure": False}]}, False),
        ({"none_of": [{"consent_to_refer": True}]}, True),
        ({"none_of": [{"minor": False}, {"disclosure": True}]}, False),
        ({"minor": True, "roles_any": ["teacher"]}, False),  # all fields must hold
    ],
)
def test_each_field(facts, condition, expected) -> None:
    assert holds(validator(Condition).validate_python(condition), facts) is expected


def test_derived_outcomes(kit, facts) -> None:
    derived = facts.with_outcomes("possible", ["partly-indicated"], "report")
    assert holds(Condition(concern_levels_any=["possible", "clear"]), derived)
    assert not holds(Condition(concern_levels_any=["clear"]), derived)
    assert holds(Condition(profiles_any=["partly-indicated"]), derived)
    assert not holds(Condition(profiles_any=["indicated"]), derived)
    assert holds(Condition(outcomes_any=["report"]), derived)
    assert not holds(Condition(outcomes_any=["close"]), facts)


def test_unknown_age_satisfies_neither_minor_nor_adult(kit) -> None:
    facts = case_facts(kit.catalog, kit.case())
    assert not holds(Condition(minor=True), facts)
    assert not holds(Condition(minor=False), facts)


def test_no_days_recorded_is_not_recent(kit) -> None:
    facts = case_facts(kit.catalog, kit.case(age=10))
    assert not holds(Condition(max_days_since_sexual_contact=7), facts)


def test_matched_indicators_follow_nested_conditions(kit, facts) -> None:
    condition = validator(Condition).validate_python(
        {"any_of": [{"indicators_any": ["csa-nightmares"]}, {"checklists_any": ["csa-flags"]}]}
    )
    assert matched_indicators(condition, facts) == ["csa-nightmares", "csa-flag-yellow"]


def test_unknown_signals_are_left_out_of_the_facts(kit) -> None:
    case = kit.case(age=10, seen=["csa-nightmares"])
    case.observations[0].indicator = "no-such-signal"
    assert case_facts(kit.catalog, case).present == ()
