"""The level of concern for child sexual abuse from the catalog's concern rules."""

from __future__ import annotations

import pytest

CSA = {"age": 7, "concerns": ["child-sexual-abuse"]}


@pytest.mark.parametrize(
    ("signals", "level", "rules"),
    [
        ([], "none", []),
        (["csa-flag-green"], "none", []),
        (["csa-flag-yellow"], "none", []),
        (["csa-nightmares"], "none", []),
        (["csa-flag-red"], "possible", ["transgressive-behaviour"]),
        (["csa-nightmares", "csa-regression"], "possible", ["several-signals"]),
        (["csa-online-grooming"], "possible", ["online-abuse"]),
        (["csa-sti-young-child"], "clear", ["sti-young-child"]),
        (["csa-disclosure"], "clear", ["credible-disclosure"]),
        (
            ["csa-disclosure", "csa-nightmares"],
            "clear",
            ["credible-disclosure", "several-signals"],
        ),
    ],
)
def test_levels(kit, signals, level, rules) -> None:
    concern = kit.run(**CSA, seen=signals).concern
    assert concern.assessed
    assert concern.level == level
    assert [e.rule for e in concern.explanations] == ["concern-level", *rules]


def test_explanations_name_the_signals_and_the_rule(kit) -> None:
    concern = kit.run(**CSA, seen=["csa-nightmares", "csa-flag-green", "csa-regression"]).concern
    overview, rule = concern.explanations
    assert overview.indicators == ["csa-nightmares", "csa-flag-green", "csa-regression"]
    assert "not a finding" in overview.text.en
    assert rule.rule == "several-signals"
    assert rule.indicators == ["csa-nightmares", "csa-regression"]
    assert rule.text.en == "Several signals together"


def test_not_assessed_without_the_concern_or_its_signals(kit) -> None:
    concern = kit.run(age=7, concerns=["labour-exploitation"]).concern
    assert (concern.level, concern.assessed) == ("none", False)
    assert concern.explanations == []


def test_recorded_signals_are_assessed_even_without_the_concern(kit) -> None:
    concern = kit.run(age=7, concerns=["sexual-exploitation"], told=["csa-disclosure"]).concern
    assert (concern.level, concern.assessed) == ("clear", True)


def test_rules_are_data(kit) -> None:
    rules = [
        {
            "id": "any-green",
            "level": "possible",
            "when": {"flags_any": ["green"]},
            "reason": {"nl": "groen", "en": "green"},
            "sources": ["test-source"],
        }
    ]
    catalog = kit.with_changes(concern_rules=rules)
    assert kit.run(catalog, **CSA, seen=["csa-flag-green"]).concern.level == "possible"
