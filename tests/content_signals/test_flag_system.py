"""The Vlaggensysteem as data: four levels, six criteria, and behaviour examples for each flag."""

from __future__ import annotations

from signaal.content import Catalog


def test_four_flag_levels_in_order_of_severity(catalog: Catalog) -> None:
    assert [level.id for level in catalog.flag_levels] == ["green", "yellow", "red", "black"]


def test_six_criteria(catalog: Catalog) -> None:
    assert [c.id for c in catalog.flag_criteria] == [
        "mutual-consent",
        "voluntariness",
        "equality",
        "development-level",
        "context",
        "self-respect",
    ]


def test_every_behaviour_carries_a_flag_and_every_flag_is_used(catalog: Catalog) -> None:
    flags = next(c for c in catalog.checklists if c.id == "csa-sexual-behaviour")
    assert flags.kind == "flags"
    assert all(i.flag is not None for i in flags.indicators)
    assert {i.flag for i in flags.indicators} == {"green", "yellow", "red", "black"}


def test_green_is_a_real_option_in_every_band(catalog: Catalog) -> None:
    flags = next(c for c in catalog.checklists if c.id == "csa-sexual-behaviour")
    for band in flags.age_bands:
        shown = catalog.indicators_for(flags, "teacher", band)
        assert any(i.flag == "green" for i in shown), band
        assert any(i.flag in ("red", "black") for i in shown), band


def test_no_other_list_uses_flags(catalog: Catalog) -> None:
    for checklist in catalog.checklists:
        if checklist.id != "csa-sexual-behaviour":
            assert all(i.flag is None for i in checklist.indicators), checklist.id
