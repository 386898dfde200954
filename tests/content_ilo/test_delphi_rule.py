"""The Delphi rule and the adult/minor combination rules, applied to the real catalog."""

from __future__ import annotations

import pytest

from signaal.assessment.case import Case, Observation
from signaal.assessment.engine import assess, dimension_result
from signaal.content import Catalog

# Real adult-labour indicators, picked by weight (reference 2.2).
STRONG = ["ilo-al-dec-type-of-work"]
MEDIUM = ["ilo-al-dec-pay", "ilo-al-dec-working-conditions", "ilo-al-dec-contract"]
WEAK = ["ilo-al-dec-education"]
WEAK_VUL = ["ilo-al-vul-cultural-religious-beliefs", "ilo-al-vul-general-context"]


def test_picked_indicators_have_the_weights_the_tests_assume(catalog: Catalog) -> None:
    assert {catalog.indicator(i).weight for i in STRONG} == {"strong"}
    assert {catalog.indicator(i).weight for i in MEDIUM} == {"medium"}
    assert {catalog.indicator(i).weight for i in WEAK + WEAK_VUL} == {"weak"}


@pytest.mark.parametrize(
    ("indicators", "positive"),
    [
        ([], False),
        (STRONG, False),  # one strong alone is not enough
        (MEDIUM[:2], False),  # two medium are not enough
        (MEDIUM[:1] + WEAK_VUL, False),  # one medium plus weak ones is not enough
        (WEAK + WEAK_VUL, False),  # weak ones never make a dimension positive
        (MEDIUM[:2] + WEAK, True),  # two medium plus one weak
        (MEDIUM, True),  # three medium
        (STRONG + WEAK, True),  # one strong plus one weak
        (STRONG + MEDIUM[:1], True),  # one strong plus one medium
        (["ilo-al-cod-documents", "ilo-al-cod-debt-bondage"], True),  # two strong
    ],
)
def test_dimension_boundaries(catalog: Catalog, indicators: list[str], positive: bool) -> None:
    result = dimension_result(catalog, indicators)
    assert result.positive is positive


def test_dimension_result_counts_by_weight(catalog: Catalog) -> None:
    result = dimension_result(catalog, STRONG + MEDIUM[:2] + WEAK)
    assert (result.strong, result.medium, result.weak) == (1, 2, 1)


def _profile(catalog: Catalog, age: int, concern: str, indicators: list[str]) -> tuple[str, str]:
    case = Case(
        role="gp",
        age=age,
        concerns=[concern],
        observations=[Observation(indicator=i, status="seen") for i in indicators],
    )
    results = assess(catalog, case).trafficking
    assert len(results) == 1
    texts = " ".join(e.text.en for e in results[0].explanations)
    return results[0].profile, texts


ADULT_EXPLOITATION = [
    "ilo-al-exp-excessive-hours",  # strong
    "ilo-al-exp-low-pay",  # medium
]
ADULT_RECRUITMENT = ["ilo-al-dec-type-of-work", "ilo-al-dec-pay"]
ADULT_DESTINATION = ["ilo-al-cod-documents", "ilo-al-cod-isolation"]


def test_adult_exploitation_only_is_a_labour_rights_problem(catalog: Catalog) -> None:
    profile, texts = _profile(catalog, 30, "labour-exploitation", ADULT_EXPLOITATION)
    assert profile == "partly-indicated"
    assert "labour-rights problem" in texts


def test_adult_needs_recruitment_exploitation_and_destination(catalog: Catalog) -> None:
    without_destination = ADULT_RECRUITMENT + ADULT_EXPLOITATION
    assert _profile(catalog, 30, "labour-exploitation", without_destination)[0] == (
        "partly-indicated"
    )
    full = without_destination + ADULT_DESTINATION
    assert _profile(catalog, 30, "labour-exploitation", full)[0] == "indicated"


def test_minor_exploitation_alone_is_enough(catalog: Catalog) -> None:
    indicators = ["ilo-cl-exp-excessive-hours", "ilo-cl-exp-low-pay"]
    profile, texts = _profile(catalog, 15, "labour-exploitation", indicators)
    assert profile == "indicated"
    assert "labour-rights problem" not in texts


def test_minor_without_positive_exploitation_is_not_indicated(catalog: Catalog) -> None:
    indicators = ["ilo-cl-exp-excessive-hours", "ilo-cl-cod-documents", "ilo-cl-cod-violence"]
    assert _profile(catalog, 15, "labour-exploitation", indicators)[0] == "partly-indicated"


@pytest.mark.parametrize(
    ("age", "concern", "lists"),
    [
        (30, "labour-exploitation", ["adult-labour"]),
        (30, "criminal-exploitation", ["adult-labour"]),
        (30, "sexual-exploitation", ["adult-sexual"]),
        (15, "labour-exploitation", ["child-labour"]),
        (15, "criminal-exploitation", ["child-labour"]),
        (15, "sexual-exploitation", ["child-sexual"]),
        (9, "sexual-exploitation", ["child-sexual"]),
    ],
)
def test_the_list_that_applies(catalog: Catalog, age: int, concern: str, lists: list[str]) -> None:
    case = Case(role="teacher", age=age, concerns=[concern])
    assert [r.checklist for r in assess(catalog, case).trafficking] == lists
    band = catalog.age_band_for(age).id
    shown = [c.id for c in catalog.checklists_for("teacher", band, [concern]) if c.kind == "ilo"]
    assert shown == lists


def test_sexual_list_minor_with_forced_clients_and_exploitation(catalog: Catalog) -> None:
    exploitation = [
        "ilo-cs-exp-excessive-hours",
        "ilo-cs-exp-low-earnings",
        "ilo-cs-exp-earnings-manipulation",
    ]
    assert _profile(catalog, 15, "sexual-exploitation", exploitation)[0] == "indicated"
    # Forced clients is strong, but alone it does not make coercion at destination positive.
    only_forced = ["ilo-cs-cod-forced-tasks-clients"]
    assert _profile(catalog, 15, "sexual-exploitation", only_forced)[0] == "not-indicated"
