"""Issue 15/17: editors' notes never reach a user, sources can be checked by a reader, contacts
carry one calm line, and every ILO weight or rule says where it comes from."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from signaal.assessment import Case, assess
from signaal.content import Catalog, load_catalog
from signaal.content.editorial import (
    editorial_phrase,
    editorial_problems,
    is_specific_url,
    shown_texts,
    source_problems,
)
from signaal.content.models import Checklist, Text
from signaal.content.notices import contact_check_line, weight_marks, weights_notice
from signaal.i18n import translator

NL = translator("nl")
# The remarks issue 17 found on screen and in the PDF.
ISSUE_REMARKS = (
    "Vóór een release te controleren tegen ILO WCMS_105023",
    "geen enkele regio had in 2025 dag en nacht chat",
    "Openingstijden dateren uit 2019",
    "Bronnen spreken elkaar tegen",
)


def _checklist(catalog: Catalog, checklist_id: str) -> Checklist:
    return next(c for c in catalog.checklists if c.id == checklist_id)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(use_compiled=False)


def test_no_shown_text_reads_like_a_note_for_editors(catalog: Catalog) -> None:
    assert editorial_problems(catalog) == []
    shown = " ".join(f"{t.nl} {t.en}" for _k, _i, _f, t in shown_texts(catalog)).lower()
    for remark in ISSUE_REMARKS:
        assert remark.lower() not in shown, remark
    assert len(list(shown_texts(catalog))) > 1000


@pytest.mark.parametrize("remark", ISSUE_REMARKS)
def test_each_issue_remark_is_caught_where_it_was(catalog: Catalog, remark: str) -> None:
    """Put a remark back into a shown contact text: the check must name that contact."""
    fier = catalog.contact("fier")
    broken = replace(fier, hours=Text(nl=remark, en="Day and night"))
    contacts = [broken if c.id == "fier" else c for c in catalog.contacts]
    found = editorial_problems(replace(catalog, contacts=contacts))
    assert [(kind, entry, field) for kind, entry, field, _m in found] == [
        ("contact", "fier", "hours")
    ]
    assert editorial_phrase(remark) is not None


def test_editor_notes_are_never_walked_as_shown_text(catalog: Catalog) -> None:
    fields = {field for _k, _i, field, _t in shown_texts(catalog)}
    assert not any(f.endswith(("editor_note", "weight_adapted_from")) for f in fields)
    # ...while the notes themselves carry the reasons (e.g. the ILO search, the CoMensha hours).
    assert "WCMS_105023" in (catalog.delphi_rule.editor_note or "")
    assert "09:00-17:00" in (catalog.contact("comensha").editor_note or "")


def test_every_source_names_a_specific_page_publisher_year_and_access_date(
    catalog: Catalog,
) -> None:
    assert source_problems(catalog) == []
    for source in catalog.sources:
        assert is_specific_url(source.url), source.id
        assert source.publisher.strip() and 1990 <= source.year <= 2100, source.id
        assert isinstance(source.accessed, dt.date), source.id
    assert not any("vdocuments" in s.url for s in catalog.sources)


@pytest.mark.parametrize(
    ("url", "specific"),
    [
        ("https://www.knmg.nl", False),
        ("https://www.gemeente.nu/", False),
        ("www.nji.nl/mensenhandel/definitie", False),
        ("https://www.nji.nl/mensenhandel/definitie", True),
        ("http://www.helpwanted.nl/en", True),
    ],
)
def test_a_bare_home_page_is_not_a_source(url: str, specific: bool) -> None:
    assert is_specific_url(url) is specific


def test_a_bare_source_fails_the_check(catalog: Catalog) -> None:
    sources = [
        replace(s, url="https://www.knmg.nl", accessed=None) if s.id == "knmg-meldcode-2023" else s
        for s in catalog.sources
    ]
    found = source_problems(replace(catalog, sources=sources))
    assert [(f[1], f[2]) for f in found] == [
        ("knmg-meldcode-2023", "url"),
        ("knmg-meldcode-2023", "accessed"),
    ]


def test_youth_signals_rest_on_dutch_or_european_sources(catalog: Catalog) -> None:
    assert "us-cse-youth-checklists" not in catalog.sources_by_id
    youth = _checklist(catalog, "nl-sexual-exploitation")
    for indicator in youth.indicators:
        assert "us-cse-youth-checklists" not in indicator.sources, indicator.id


def test_contacts_show_one_calm_line_with_the_check_date(catalog: Catalog) -> None:
    day = "4 december 2026"
    lines = {c.id: contact_check_line(c, NL, day) for c in catalog.contacts}
    assert lines["veilig-thuis"] == "Gecontroleerd op 4 december 2026."
    assert lines["knmg-artseninfolijn"] == (
        "Uit een oudere bron: controleer het voor gebruik. Gecontroleerd op 4 december 2026."
    )
    assert lines["fier"].startswith("Niet bevestigd: controleer het voor gebruik.")
    unsure = replace(catalog.contact("helpwanted"), verification="secondary")
    assert contact_check_line(unsure, NL, day).startswith(
        "Nummer niet bevestigd: controleer het voor gebruik."
    )
    for contact in catalog.contacts:
        assert contact.verified_on >= dt.date(2026, 12, 4), contact.id
        assert contact.checked_in, contact.id


def test_sexual_lists_say_their_weights_are_derived_and_mark_additions(catalog: Catalog) -> None:
    for list_id in ("adult-sexual", "child-sexual"):
        checklist = _checklist(catalog, list_id)
        assert "afgeleid" in (weights_notice(checklist, NL) or "")
        additions = [i for i in checklist.indicators if i.ilo_addition]
        assert {i.id.rsplit("-", 2)[-1] for i in additions} >= {"drugs", "risks"}
        marks = weight_marks(checklist, additions[0], NL)
        assert marks == ["aanvulling, staat niet op de ILO-lijst"]
    for list_id in ("adult-labour", "child-labour"):
        checklist = _checklist(catalog, list_id)
        assert "niet is gecontroleerd" in (weights_notice(checklist, NL) or "")
    assert not catalog.delphi_rule.confirmed
    assert not any(rule.confirmed for rule in catalog.trafficking_rules)


def _sexual_case(age: int) -> Case:
    signals = (
        ["ilo-as-cod-forced-tasks-clients", "ilo-as-cod-violence", "ilo-as-exp-excessive-hours"]
        if age >= 18
        else ["ilo-cs-cod-forced-tasks-clients", "ilo-cs-cod-violence"]
    )
    return Case.model_validate(
        {
            "role": "veilig-thuis",
            "age": age,
            "concerns": ["sexual-exploitation"],
            "observations": [{"indicator": i, "status": "seen"} for i in signals],
        }
    )


@pytest.mark.parametrize("age", [15, 30])
def test_profiles_from_derived_weights_are_provisional(catalog: Catalog, age: int) -> None:
    results = assess(catalog, _sexual_case(age)).trafficking
    assert results
    for result in results:
        assert result.provisional
        assert result.rule_unconfirmed
        texts = [e.text.nl for e in result.explanations]
        assert any("de uitkomst is voorlopig" in t for t in texts)
        assert any("nog niet gecontroleerd tegen het origineel" in t for t in texts)


@pytest.mark.parametrize(("age", "routed"), [(13, True), (17, True), (25, False)])
def test_grooming_routing_follows_the_wet_seksuele_misdrijven(
    catalog: Catalog, age: int, routed: bool
) -> None:
    """Grooming is about minors: under 16, and vulnerable 16- and 17-year-olds (since 1 July
    2024), not 'all minors' and never adults."""
    case = Case.model_validate(
        {
            "role": "teacher" if age < 18 else "gp",
            "age": age,
            "concerns": ["child-sexual-abuse"] if age < 18 else ["sexual-exploitation"],
            "observations": [{"indicator": "csa-online-grooming", "status": "seen"}],
        }
    )
    rule = next(r for r in catalog.routing_rules if r.id == "online-grooming")
    assert rule.when.minor is True
    assert "onder de 16" in rule.reason.nl and "kwetsba" in rule.reason.nl
    assert "wet-seksuele-misdrijven-2024" in rule.sources
    reasons = [r.reason.nl for r in assess(catalog, case).referrals]
    assert any("grooming" in reason for reason in reasons) is routed
