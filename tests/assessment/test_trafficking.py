"""Indicator profiles: which lists apply, all six dimensions, the combination rules as data."""

from __future__ import annotations

import pytest

POSITIVE = ["s1", "s2"]  # two strong: positive in any dimension


def _signals(kit, list_id: str, *dimensions: str) -> list[str]:
    return [kit.ilo(list_id, d, slot) for d in dimensions for slot in POSITIVE]


def _lists(assessment) -> list[str]:
    return [r.checklist for r in assessment.trafficking]


@pytest.mark.parametrize(
    ("age", "concerns", "expected"),
    [
        (30, ["labour-exploitation"], ["adult-labour"]),
        (30, ["criminal-exploitation"], ["adult-labour"]),
        (30, ["sexual-exploitation"], ["adult-sexual"]),
        (15, ["labour-exploitation"], ["child-labour"]),
        (15, ["criminal-exploitation"], ["child-labour"]),
        (9, ["sexual-exploitation"], ["child-sexual"]),
        (
            15,
            ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"],
            ["child-labour", "child-sexual"],
        ),
        (30, ["child-sexual-abuse"], []),
        (2, ["labour-exploitation"], []),  # no ILO list covers the 0-4 band
    ],
)
def test_lists_by_concern_and_age(kit, age, concerns, expected) -> None:
    assert _lists(kit.run(age=age, concerns=concerns)) == expected


def test_criminal_exploitation_borrows_the_labour_list_and_says_so(kit) -> None:
    result = kit.run(age=16, concerns=["criminal-exploitation"]).trafficking[0]
    assert any(e.rule == "criminal-exploitation-list" for e in result.explanations)
    labour = kit.run(age=16, concerns=["labour-exploitation"]).trafficking[0]
    assert not any(e.rule == "criminal-exploitation-list" for e in labour.explanations)


def test_age_band_wins_and_unknown_age_shows_both_lists(kit) -> None:
    assert _lists(kit.run(age_band="12-18", concerns=["sexual-exploitation"])) == ["child-sexual"]
    both = kit.run(concerns=["labour-exploitation"])
    assert _lists(both) == ["adult-labour", "child-labour"]
    assert [r.minor for r in both.trafficking] == [False, True]
    assert all(any(e.rule == "age-unknown" for e in r.explanations) for r in both.trafficking)


def test_a_child_of_unknown_age_gets_only_the_child_lists(kit) -> None:
    child = kit.run(minor=True, concerns=["labour-exploitation"])
    assert _lists(child) == ["child-labour"]
    adult = kit.run(minor=False, concerns=["labour-exploitation"])
    assert _lists(adult) == ["adult-labour"]


def test_signals_on_a_list_outside_the_concerns_are_not_ignored(kit) -> None:
    signals = _signals(kit, "adult-sexual", "exploitation")
    assessment = kit.run(age=25, concerns=["labour-exploitation"], seen=signals)
    assert _lists(assessment) == ["adult-labour", "adult-sexual"]
    sexual = assessment.trafficking[1]
    assert sexual.dimensions["exploitation"].positive
    assert any(e.rule == "signals-recorded" for e in sexual.explanations)


def test_all_six_dimensions_are_reported(kit) -> None:
    for result in kit.run(concerns=["labour-exploitation", "sexual-exploitation"]).trafficking:
        assert list(result.dimensions) == kit.dimensions
        assert result.profile == "not-indicated"


def test_adult_needs_recruitment_exploitation_and_destination(kit) -> None:
    adult = {"age": 35, "concerns": ["labour-exploitation"]}
    full = _signals(
        kit, "adult-labour", "deceptive-recruitment", "exploitation", "coercion-destination"
    )
    assert kit.run(**adult, seen=full).trafficking[0].profile == "indicated"
    other = _signals(
        kit,
        "adult-labour",
        "recruitment-vulnerability",
        "exploitation",
        "vulnerability-destination",
    )
    assert kit.run(**adult, seen=other).trafficking[0].profile == "indicated"
    no_destination = _signals(kit, "adult-labour", "coercive-recruitment", "exploitation")
    result = kit.run(**adult, seen=no_destination).trafficking[0]
    assert result.profile == "partly-indicated"
    assert result.note is None
    no_exploitation = _signals(kit, "adult-labour", "deceptive-recruitment", "coercion-destination")
    assert kit.run(**adult, seen=no_exploitation).trafficking[0].profile == "partly-indicated"


def test_minor_needs_only_the_exploitation_dimension(kit) -> None:
    child = {"age": 14, "concerns": ["sexual-exploitation"]}
    result = kit.run(**child, seen=_signals(kit, "child-sexual", "exploitation")).trafficking[0]
    assert result.profile == "indicated"
    assert result.rule == "minor-combination"
    assert result.note is None
    recruitment_only = _signals(kit, "child-sexual", "deceptive-recruitment")
    assert kit.run(**child, seen=recruitment_only).trafficking[0].profile == "partly-indicated"


def test_same_signals_adult_versus_child(kit) -> None:
    exploitation = ["exploitation"]
    adult = kit.run(
        age=18, concerns=["labour-exploitation"], seen=_signals(kit, "adult-labour", *exploitation)
    ).trafficking[0]
    child = kit.run(
        age=17, concerns=["labour-exploitation"], seen=_signals(kit, "child-labour", *exploitation)
    ).trafficking[0]
    assert (adult.profile, child.profile) == ("partly-indicated", "indicated")


def test_adult_exploitation_only_gets_the_labour_rights_note(kit) -> None:
    result = kit.run(
        age=40,
        concerns=["labour-exploitation"],
        seen=_signals(kit, "adult-labour", "exploitation"),
    ).trafficking[0]
    assert result.profile == "partly-indicated"
    assert result.note is not None
    assert result.note.en == "Labour-rights problem rather than trafficking"
    note = [e for e in result.explanations if e.rule == "adult-combination-exploitation-only"]
    assert note
    assert note[0].dimension == "exploitation"
    assert note[0].indicators == _signals(kit, "adult-labour", "exploitation")


def test_exploitation_only_note_falls_back_to_engine_text(kit) -> None:
    rules = kit.data()["trafficking_rules"]
    rules[0] = {k: v for k, v in rules[0].items() if k != "exploitation_only"}
    catalog = kit.with_changes(trafficking_rules=rules)
    result = kit.run(
        catalog,
        age=40,
        concerns=["labour-exploitation"],
        seen=_signals(kit, "adult-labour", "exploitation"),
    ).trafficking[0]
    assert result.note is not None
    assert "labour-rights problem" in result.note.en


def test_combination_rule_is_data(kit) -> None:
    rules = kit.data()["trafficking_rules"]
    rules[0] = {**rules[0], "require": [["exploitation"], ["coercion-destination"]]}
    catalog = kit.with_changes(trafficking_rules=rules)
    signals = _signals(kit, "adult-labour", "exploitation", "coercion-destination")
    result = kit.run(catalog, age=30, concerns=["labour-exploitation"], seen=signals)
    assert result.trafficking[0].profile == "indicated"


def test_explanations_name_signals_rule_and_dimension(kit) -> None:
    strong = kit.ilo("adult-labour", "exploitation", "s1")
    medium = kit.ilo("adult-labour", "exploitation", "m1")
    weak = kit.ilo("adult-labour", "coercion-destination", "w1")
    result = kit.run(
        age=30, concerns=["labour-exploitation"], seen=[strong, medium, weak]
    ).trafficking[0]
    by_dimension = {
        e.dimension: e for e in result.explanations if e.rule == "delphi-rule" and e.dimension
    }
    exploitation = by_dimension["exploitation"]
    assert exploitation.indicators == [strong, medium]
    assert "positive under the Delphi rule" in exploitation.text.en
    assert "1 strong + 1 medium" in exploitation.text.en
    assert "adult-labour exploitation strong s1" in exploitation.text.en
    assert "NL adult-labour exploitation strong s1" in exploitation.text.nl
    destination = by_dimension["coercion-destination"]
    assert "not positive" in destination.text.en
    profile = next(e for e in result.explanations if e.rule == "adult-combination")
    assert "partly indicated" in profile.text.en
    assert "Coercion destination" in profile.text.en


def test_dimension_results_list_the_counted_signals(kit) -> None:
    ids = _signals(kit, "child-labour", "exploitation")
    result = kit.run(age=10, concerns=["labour-exploitation"], seen=ids).trafficking[0]
    assert result.dimensions["exploitation"].indicators == ids
    assert result.dimensions["exploitation"].combination == "2 strong"
    assert all(not d.indicators for k, d in result.dimensions.items() if k != "exploitation")
