"""The Delphi rule per dimension, at every boundary, read from the catalog (data, not code)."""

from __future__ import annotations

import pytest

from signaal.assessment import Observation, assess
from signaal.assessment.trafficking import dimension_result

SLOTS = {"strong": ["s1", "s2"], "medium": ["m1", "m2", "m3"], "weak": ["w1", "w2"]}


def _ids(kit, strong: int = 0, medium: int = 0, weak: int = 0) -> list[str]:
    slots = SLOTS["strong"][:strong] + SLOTS["medium"][:medium] + SLOTS["weak"][:weak]
    return [kit.ilo("adult-labour", "exploitation", slot) for slot in slots]


@pytest.mark.parametrize(
    ("strong", "medium", "weak", "positive"),
    [
        (0, 0, 0, False),
        (1, 0, 0, False),  # a single strong indicator is not enough
        (0, 1, 0, False),
        (0, 0, 2, False),
        (0, 2, 0, False),  # two medium are not enough
        (0, 1, 2, False),
        (0, 2, 1, True),  # two medium plus one weak
        (1, 0, 1, True),  # one strong plus one weak
        (1, 1, 0, True),  # one strong plus one medium
        (0, 3, 0, True),  # three medium
        (2, 0, 0, True),  # two strong
        (2, 3, 2, True),
    ],
)
def test_delphi_boundaries(kit, strong: int, medium: int, weak: int, positive: bool) -> None:
    result = dimension_result(kit.catalog, _ids(kit, strong, medium, weak))
    assert (result.strong, result.medium, result.weak) == (strong, medium, weak)
    assert result.positive is positive
    assert (result.combination is not None) is positive


def test_the_combination_that_made_it_positive_is_named(kit) -> None:
    assert dimension_result(kit.catalog, _ids(kit, medium=2, weak=1)).combination == (
        "2 medium + 1 weak"
    )
    assert dimension_result(kit.catalog, _ids(kit, strong=1, weak=1)).combination == (
        "1 strong + 1 weak"
    )


def test_same_signal_twice_counts_once(kit) -> None:
    one = kit.ilo("adult-labour", "exploitation", "s1")
    assert dimension_result(kit.catalog, [one, one]).strong == 1
    assessment = kit.run(
        age=30,
        concerns=["labour-exploitation"],
        seen=[one],
        told=[one],
    )
    assert assessment.trafficking[0].dimensions["exploitation"].strong == 1
    assert not assessment.trafficking[0].dimensions["exploitation"].positive


def test_the_rule_is_read_from_the_catalog(kit) -> None:
    data = kit.data()
    stricter = {**data["delphi_rule"], "positive_when": [{"strong": 3}]}
    catalog = kit.with_changes(delphi_rule=stricter)
    assert not dimension_result(catalog, _ids(kit, strong=2, medium=3, weak=2)).positive
    looser = {**data["delphi_rule"], "positive_when": [{"medium": 2}]}
    catalog = kit.with_changes(delphi_rule=looser)
    assert dimension_result(catalog, _ids(kit, medium=2)).positive


def test_positive_dimension_through_assess_with_told_and_seen(kit) -> None:
    strong = kit.ilo("adult-labour", "exploitation", "s1")
    weak = kit.ilo("adult-labour", "exploitation", "w1")
    assessment = kit.run(age=40, concerns=["labour-exploitation"], seen=[strong], told=[weak])
    assert assessment.trafficking[0].dimensions["exploitation"].positive


def test_not_seen_answers_do_not_count(kit) -> None:
    ids = _ids(kit, strong=2)
    case = kit.case(age=40, concerns=["labour-exploitation"])
    case.observations = [Observation(indicator=i, status="not-seen") for i in ids]
    result = assess(kit.catalog, case).trafficking[0].dimensions["exploitation"]
    assert (result.strong, result.positive) == (0, False)
