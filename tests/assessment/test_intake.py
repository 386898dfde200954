"""The intake rules without a window: age band, child or adult, and the concerns looked at."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from signaal.assessment import Case, assess, intake
from signaal.assessment.case_file import inconsistencies, parse_case
from signaal.assessment.intake import AgeGroup, age_group, concerns_looked_at
from signaal.content import Catalog

ALL = ["child-sexual-abuse", "sexual-exploitation", "labour-exploitation", "criminal-exploitation"]
EXPLOITATION = ALL[1:]


@pytest.fixture
def catalog(kit) -> Catalog:  # type: ignore[no-untyped-def]
    return kit.catalog  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"age": 2}, AgeGroup("0-4", True)),
        ({"age": 14}, AgeGroup("12-18", True)),
        ({"age": 17}, AgeGroup("12-18", True)),
        ({"age": 18}, AgeGroup("18+", False)),
        ({"age": 45}, AgeGroup("18+", False)),
        # A case file may give the band alone; a band given wins over a typed age.
        ({"age_band": "4-12"}, AgeGroup("4-12", True)),
        # Child of unknown age: a minor without a band, so every list for minors applies.
        ({"minor": True}, AgeGroup(None, True)),
        # Adult of unknown age: counted in the first band that is not a minor's.
        ({"minor": False}, AgeGroup("18+", False)),
        ({}, AgeGroup(None, None)),
    ],
)
def test_age_group(catalog: Catalog, fields: dict[str, object], expected: AgeGroup) -> None:
    assert age_group(catalog, Case(role="teacher", **fields)) == expected  # type: ignore[arg-type]


def test_kind_reads_child_or_adult(catalog: Catalog) -> None:
    assert age_group(catalog, Case(role="gp", age=9)).kind == "child"
    assert age_group(catalog, Case(role="gp", age=19)).kind == "adult"
    assert age_group(catalog, Case(role="gp")).kind is None
    assert not age_group(catalog, Case(role="gp")).known


def test_typed_age_decides_child_or_adult_and_replaces_a_band_from_a_file(
    catalog: Catalog,
) -> None:
    case = Case(role="teacher", age_band="18+", minor=False)
    intake.set_age(catalog, case, 14)
    assert age_group(catalog, case) == AgeGroup("12-18", True)
    assert case.minor is True and case.age_band is None
    # Forgetting the age keeps the child-or-adult answer.
    intake.set_age(catalog, case, None)
    assert age_group(catalog, case) == AgeGroup(None, True)


def test_child_or_adult_clears_an_age_that_says_otherwise(catalog: Catalog) -> None:
    case = Case(role="teacher")
    intake.set_age(catalog, case, 14)
    intake.set_minor(catalog, case, True)  # agrees: the age stays
    assert case.age == 14
    intake.set_minor(catalog, case, False)
    assert case.age is None
    assert age_group(catalog, case) == AgeGroup("18+", False)


def test_a_concern_that_no_longer_fits_the_age_is_dropped(catalog: Catalog) -> None:
    case = Case(role="teacher")
    intake.set_age(catalog, case, 14)
    intake.set_concern(catalog, case, "labour-exploitation", True)
    intake.set_concern(catalog, case, "child-sexual-abuse", True)
    assert case.concerns == ["child-sexual-abuse", "labour-exploitation"]  # catalog order
    intake.set_age(catalog, case, 30)
    assert case.concerns == ["labour-exploitation"]
    intake.set_concern(catalog, case, "labour-exploitation", False)
    assert case.concerns == []


def test_not_sure_follows_the_age(catalog: Catalog) -> None:
    case = Case(role="teacher")
    intake.set_age(catalog, case, 14)
    intake.set_concerns_not_sure(catalog, case, True)
    assert case.concerns == ALL
    intake.set_age(catalog, case, 30)
    assert case.concerns == EXPLOITATION
    intake.set_age(catalog, case, 2)
    assert case.concerns == ["child-sexual-abuse"]
    # No longer "not sure": the concerns stay as they are, to be unticked one by one.
    intake.set_concerns_not_sure(catalog, case, False)
    intake.set_age(catalog, case, 14)
    assert case.concerns == ["child-sexual-abuse"]


def test_no_concern_chosen_looks_at_every_concern_that_fits(catalog: Catalog) -> None:
    assert concerns_looked_at(catalog, Case(role="gp", age=30)) == EXPLOITATION
    assert concerns_looked_at(catalog, Case(role="gp")) == ALL
    chosen = Case(role="gp", age=30, concerns=["sexual-exploitation"])
    assert concerns_looked_at(catalog, chosen) == ["sexual-exploitation"]


def test_a_case_with_only_an_age_is_assessed_as_that_age(catalog: Catalog) -> None:
    """The bug of issue 19: only `age` given, the lists of a minor apply (not an adult's)."""
    result = assess(catalog, Case(role="teacher", age=14))
    assert {r.checklist for r in result.trafficking} == {"child-labour", "child-sexual"}
    adult = assess(catalog, Case(role="teacher", age=30))
    assert {r.checklist for r in adult.trafficking} == {"adult-labour", "adult-sexual"}


def test_case_file_round_trip_keeps_the_intake_answers(catalog: Catalog) -> None:
    case = Case(role="teacher")
    intake.set_minor(catalog, case, True)
    intake.set_concerns_not_sure(catalog, case, True)
    read = parse_case(json.loads(case.model_dump_json()), catalog)
    assert read == case
    assert read.concerns_not_sure and age_group(catalog, read).kind == "child"
    # A file from before the field still reads, as "not sure" not given.
    old = parse_case({"role": "teacher", "age": 14, "concerns": ["child-sexual-abuse"]}, catalog)
    assert not old.concerns_not_sure


STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("age"), st.one_of(st.none(), st.integers(0, 90))),
        st.tuples(st.just("minor"), st.booleans()),
        st.tuples(st.just("concern"), st.sampled_from(ALL), st.booleans()),
        st.tuples(st.just("not-sure"), st.booleans()),
    ),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(STEPS)
def test_any_sequence_of_answers_leaves_a_valid_case(kit, steps) -> None:  # type: ignore[no-untyped-def]
    """Whatever the user clicks in the Who and Concerns steps, the case reads back as a valid
    case file, its concerns fit the age and "not sure" means every concern that fits."""
    catalog = kit.catalog
    case = Case(role="teacher")
    for step in steps:
        if step[0] == "age":
            intake.set_age(catalog, case, step[1])
        elif step[0] == "minor":
            intake.set_minor(catalog, case, step[1])
        elif step[0] == "concern":
            intake.set_concern(catalog, case, step[1], step[2])
        else:
            intake.set_concerns_not_sure(catalog, case, step[1])
    assert inconsistencies(case, catalog) == []
    parse_case(json.loads(case.model_dump_json()), catalog)
    group = age_group(catalog, case)
    fitting = intake.concerns_for_age(catalog, group)
    if case.concerns_not_sure:
        assert case.concerns == fitting
    if steps and steps[-1][0] in ("age", "minor"):
        assert set(case.concerns) <= set(fitting)
    if case.minor is not None and group.band is not None:
        assert group.minor is case.minor
