"""The level of concern for child sexual abuse, as `assess` derives it from the content rules."""

from __future__ import annotations

import pytest

from signaal.assessment import Assessment
from signaal.content import Catalog

from .conftest import AssessCase

SEVERAL_RULE = "csa-possible-several-signals"
OVERVIEW = {"concern-level", "not-assessed"}


def fired(result: Assessment) -> list[str]:
    """The content rules that fired, without the engine's overview line."""
    return [e.rule for e in result.concern.explanations if e.rule not in OVERVIEW]


def nonspecific_signals(catalog: Catalog) -> list[str]:
    rule = next(r for r in catalog.concern_rules if r.id == SEVERAL_RULE)
    return list(rule.when.indicators_any)


def test_every_rule_is_limited_to_child_sexual_abuse(catalog: Catalog) -> None:
    csa_rules = [r for r in catalog.concern_rules if r.id.startswith("csa-")]
    assert len(csa_rules) >= 8
    for rule in csa_rules:
        assert rule.when.concerns_any == ["child-sexual-abuse"], rule.id


def test_sti_in_young_child_is_clear(assess_case: AssessCase) -> None:
    result = assess_case("csa-sti-young-child", role="gp", age=3)
    assert result.concern_level == "clear"
    rules = {e.rule: e for e in result.concern.explanations if e.rule not in OVERVIEW}
    assert rules["csa-clear-sti-child"].indicators == ["csa-sti-young-child"]


def test_disclosure_told_is_clear(assess_case: AssessCase) -> None:
    result = assess_case("csa-disclosure", status="told", age=9)
    assert result.concern_level == "clear"
    assert fired(result) == ["csa-clear-disclosure-signal"]


def test_disclosure_in_context_is_clear(assess_case: AssessCase) -> None:
    result = assess_case(age=14, context={"disclosure": True})
    assert result.concern_level == "clear"
    assert fired(result) == ["csa-clear-disclosure-context"]


def test_disclosure_without_csa_concern_does_not_set_csa_level(assess_case: AssessCase) -> None:
    result = assess_case(age=16, concerns=("labour-exploitation",), context={"disclosure": True})
    assert result.concern_level == "none"


def test_signal_answered_not_seen_counts_for_nothing(assess_case: AssessCase) -> None:
    assert assess_case("csa-disclosure", status="not-seen").concern_level == "none"


def test_green_flag_alone_is_none(catalog: Catalog, assess_case: AssessCase) -> None:
    flags = next(c for c in catalog.checklists if c.id == "csa-sexual-behaviour")
    greens = [i.id for i in flags.indicators if i.flag == "green"]
    assert assess_case("csa-sb-green-doctor-play", age=5).concern_level == "none"
    everything_green = assess_case(*greens, age=5)
    assert everything_green.concern_level == "none"
    assert fired(everything_green) == []


def test_yellow_flag_alone_is_none(assess_case: AssessCase) -> None:
    assert assess_case("csa-sb-yellow-peeking", age=8).concern_level == "none"


def test_red_flag_is_possible(assess_case: AssessCase) -> None:
    result = assess_case("csa-sb-red-imitates-adult-sex", age=4)
    assert result.concern_level == "possible"
    assert fired(result) == ["csa-possible-red-flag"]


def test_black_flag_is_clear(assess_case: AssessCase) -> None:
    assert assess_case("csa-sb-black-forced-acts", age=11).concern_level == "clear"


def test_every_single_nonspecific_signal_alone_is_none(
    catalog: Catalog, assess_case: AssessCase
) -> None:
    for indicator_id in nonspecific_signals(catalog):
        assert assess_case(indicator_id, age=8).concern_level == "none", indicator_id


def test_two_signals_are_none_three_are_possible(assess_case: AssessCase) -> None:
    two = ("csa-beh-sleep-nightmares", "csa-beh-regression-toileting")
    assert assess_case(*two, age=5).concern_level == "none"
    result = assess_case(*two, "csa-beh-fear-specific-people", age=5)
    assert result.concern_level == "possible"
    explanation = next(e for e in result.concern.explanations if e.rule == SEVERAL_RULE)
    assert len(explanation.indicators) == 3


def test_risk_factors_alone_are_none(catalog: Catalog, assess_case: AssessCase) -> None:
    context = next(c for c in catalog.checklists if c.id == "csa-context")
    assert assess_case(*(i.id for i in context.indicators), age=13).concern_level == "none"


@pytest.mark.parametrize(
    ("indicator_id", "level"),
    [
        ("csa-online-sextortion", "clear"),
        ("csa-online-grooming", "possible"),
        ("csa-phys-anogenital-injury", "possible"),
        ("csa-phys-trichomonas", "possible"),
        ("csa-phys-pregnancy-young", "possible"),
    ],
)
def test_single_specific_signals(assess_case: AssessCase, indicator_id: str, level: str) -> None:
    assert assess_case(indicator_id, role="gp", age=13).concern_level == level


def test_highest_level_wins_and_every_rule_explains(assess_case: AssessCase) -> None:
    result = assess_case("csa-sb-red-younger-child", "csa-disclosure", age=10)
    assert result.concern_level == "clear"
    assert set(fired(result)) == {
        "csa-possible-red-flag",
        "csa-clear-disclosure-signal",
    }


def test_every_behavioural_signal_counts_towards_several(catalog: Catalog) -> None:
    counted = set(nonspecific_signals(catalog))
    behaviour = next(c for c in catalog.checklists if c.id == "csa-behaviour")
    assert {i.id for i in behaviour.indicators} - {"csa-disclosure"} <= counted
    flagged = {i.id for c in catalog.checklists for i in c.indicators if i.flag is not None}
    context = next(c for c in catalog.checklists if c.id == "csa-context")
    assert not counted & (flagged | {i.id for i in context.indicators})
