"""The Dutch signal lists and the child-sexual-abuse lists: structure, age bands and roles."""

from __future__ import annotations

import re

import pytest

from signaal.content import Catalog
from signaal.content.models import Checklist

CSA_BANDS = ["0-4", "4-12", "12-18"]

# checklist id -> (kind, concerns, age bands, section ids in order)
EXPECTED = {
    "nl-sexual-exploitation": (
        "signals",
        ["sexual-exploitation"],
        ["4-12", "12-18", "18+"],
        ["se-appearance", "se-self", "se-behaviour", "se-control", "se-youth", "se-health"],
    ),
    "nl-labour-exploitation": (
        "signals",
        ["labour-exploitation"],
        ["12-18", "18+"],
        [
            "le-work",
            "le-pay",
            "le-documents",
            "le-housing",
            "le-coercion",
            "le-movement",
            "le-workplace",
        ],
    ),
    "nl-criminal-exploitation": (
        "signals",
        ["criminal-exploitation"],
        ["4-12", "12-18", "18+"],
        ["ce-school", "ce-behaviour", "ce-social", "ce-financial"],
    ),
    "nl-trafficking-general": (
        "signals",
        ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"],
        ["4-12", "12-18", "18+"],
        ["gen-general", "gen-consulting-room", "gen-children", "gen-shared"],
    ),
    "csa-physical": (
        "signals",
        ["child-sexual-abuse"],
        CSA_BANDS,
        ["csa-phys-complaints", "csa-phys-medical"],
    ),
    "csa-behaviour": (
        "signals",
        ["child-sexual-abuse"],
        CSA_BANDS,
        [
            "csa-beh-mood",
            "csa-beh-fear",
            "csa-beh-regression",
            "csa-beh-school-social",
            "csa-beh-telling",
            "csa-beh-risk",
        ],
    ),
    "csa-sexual-behaviour": (
        "flags",
        ["child-sexual-abuse"],
        CSA_BANDS,
        ["csa-sb-young", "csa-sb-child", "csa-sb-teen"],
    ),
    "csa-online": (
        "signals",
        ["child-sexual-abuse"],
        ["4-12", "12-18"],
        ["csa-on-contact", "csa-on-signals"],
    ),
    "csa-context": (
        "signals",
        ["child-sexual-abuse"],
        CSA_BANDS,
        ["csa-ctx-child", "csa-ctx-situation", "csa-ctx-contacts"],
    ),
}

GP_ONLY = {
    "se-health-repeated-sti",
    "se-health-neglected-care",
    "se-health-tattoo-removal",
    "gen-gp-speaks-for-patient",
    "gen-gp-vague-answers",
    "gen-gp-repeated-injuries",
    "gen-gp-late-presentation",
    "gen-gp-work-injury-no-insurance",
    "csa-phys-anogenital-injury",
    "csa-sti-young-child",
    "csa-phys-trichomonas",
    "csa-phys-sti-adolescent",
}

# Signals the reference's age table ties to the youngest children.
ZERO_TO_FOUR = {
    "csa-beh-fear-undressing",
    "csa-beh-freezes-when-touched",
    "csa-beh-regression-toileting",
    "csa-beh-sleep-nightmares",
    "csa-phys-eating-weight",
    "csa-beh-sexual-knowledge",
    "csa-phys-genital-complaints",
    "csa-beh-passive-vigilant",
    "csa-sti-young-child",
}

# Signals that only make sense for young people, never for toddlers.
TEEN_ONLY = {
    "csa-beh-self-harm-suicidal",
    "csa-beh-substance-use",
    "csa-beh-runs-away",
    "csa-beh-truancy",
    "csa-phys-pregnancy-young",
    "csa-phys-sti-adolescent",
}


def checklist(catalog: Catalog, checklist_id: str) -> Checklist:
    return next(c for c in catalog.checklists if c.id == checklist_id)


def visible_ids(catalog: Catalog, checklist_id: str, role: str, band: str | None) -> set[str]:
    return {i.id for i in catalog.indicators_for(checklist(catalog, checklist_id), role, band)}


@pytest.mark.parametrize("checklist_id", sorted(EXPECTED))
def test_checklist_shape(catalog: Catalog, checklist_id: str) -> None:
    kind, concerns, bands, sections = EXPECTED[checklist_id]
    found = checklist(catalog, checklist_id)
    assert found.kind == kind
    assert found.concerns == concerns
    assert found.age_bands == bands
    assert [s.id for s in found.sections] == sections


@pytest.mark.parametrize("checklist_id", sorted(EXPECTED))
def test_every_section_has_signals_and_bands_fit(catalog: Catalog, checklist_id: str) -> None:
    found = checklist(catalog, checklist_id)
    used = {i.section for i in found.indicators}
    assert used == {s.id for s in found.sections}
    for indicator in found.indicators:
        # An indicator outside its checklist's bands could never be shown.
        assert set(indicator.age_bands) <= set(found.age_bands), indicator.id
        assert indicator.weight is None and indicator.dimension is None, indicator.id


@pytest.mark.parametrize("checklist_id", sorted(EXPECTED))
def test_every_band_of_a_list_has_signals_for_teachers(catalog: Catalog, checklist_id: str) -> None:
    found = checklist(catalog, checklist_id)
    for band in found.age_bands:
        assert visible_ids(catalog, checklist_id, "teacher", band), (checklist_id, band)


def test_csa_age_bands(catalog: Catalog) -> None:
    seen_in = {
        band: set().union(
            *(visible_ids(catalog, c, "gp", band) for c in EXPECTED if c.startswith("csa-"))
        )
        for band in CSA_BANDS
    }
    assert seen_in["0-4"] >= ZERO_TO_FOUR
    assert not TEEN_ONLY & seen_in["0-4"]
    assert seen_in["12-18"] >= TEEN_ONLY
    for band in CSA_BANDS:
        assert len(seen_in[band]) >= 25, band


def test_criminal_exploitation_reaches_primary_school_children(catalog: Catalog) -> None:
    younger = visible_ids(catalog, "nl-criminal-exploitation", "teacher", "4-12")
    shared = visible_ids(catalog, "nl-trafficking-general", "teacher", "4-12")
    # Phones, being waited for and older contacts are shared signals since issue 13.
    assert {"gen-always-reachable", "gen-picked-up", "gen-older-contacts"} <= shared
    assert {"ce-sch-drugs-found", "ce-soc-criminal-contacts"} <= younger
    assert "ce-fin-money-mule" not in younger
    assert "ce-fin-money-mule" in visible_ids(catalog, "nl-criminal-exploitation", "gp", "18+")


def test_lists_offered_by_age_and_concern(catalog: Catalog) -> None:
    toddler = {c.id for c in catalog.checklists_for("teacher", "0-4", ["child-sexual-abuse"])}
    assert {"csa-physical", "csa-behaviour", "csa-sexual-behaviour", "csa-context"} <= toddler
    assert "csa-online" not in toddler
    adult = {
        c.id
        for c in catalog.checklists_for(
            "gp", "18+", ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"]
        )
    }
    assert {
        "nl-sexual-exploitation",
        "nl-labour-exploitation",
        "nl-criminal-exploitation",
        "nl-trafficking-general",
    } <= adult
    assert not {c for c in adult if c.startswith("csa-")}


def test_gp_only_signals_are_hidden_from_teachers(catalog: Catalog) -> None:
    marked = {i.id for c in EXPECTED for i in checklist(catalog, c).indicators if i.roles}
    assert marked == GP_ONLY
    for checklist_id in EXPECTED:
        teacher = visible_ids(catalog, checklist_id, "teacher", None)
        gp = visible_ids(catalog, checklist_id, "gp", None)
        vt = visible_ids(catalog, checklist_id, "veilig-thuis", None)
        assert not teacher & GP_ONLY
        assert teacher <= gp and gp == vt
    assert "csa-sti-young-child" in visible_ids(catalog, "csa-physical", "gp", "0-4")
    assert "csa-disclosure" in visible_ids(catalog, "csa-behaviour", "teacher", "0-4")


@pytest.mark.parametrize(
    ("indicator_id", "checklist_id"),
    [
        ("csa-online-sextortion", "csa-online"),
        ("csa-online-grooming", "csa-online"),
        ("csa-disclosure", "csa-behaviour"),
        ("csa-sti-young-child", "csa-physical"),
    ],
)
def test_contract_ids_exist(catalog: Catalog, indicator_id: str, checklist_id: str) -> None:
    owner, indicator = catalog.indicators_by_id[indicator_id]
    assert owner.id == checklist_id
    assert "child-sexual-abuse" in owner.concerns
    assert indicator.help is not None


FORBIDDEN = [
    re.compile(r"\b(is|was) (a )?victim\b", re.IGNORECASE),
    re.compile(r"\bwas (sexually )?abused\b", re.IGNORECASE),
    re.compile(r"\bis (een )?slachtoffer\b", re.IGNORECASE),
    re.compile(r"\b(is|werd) (seksueel )?misbruikt\b", re.IGNORECASE),
]


def test_texts_speak_of_signals_never_of_findings(catalog: Catalog) -> None:
    texts = []
    for checklist_id in EXPECTED:
        found = checklist(catalog, checklist_id)
        texts += [found.title, found.description] + ([found.note] if found.note else [])
        for indicator in found.indicators:
            texts += [indicator.text] + ([indicator.help] if indicator.help else [])
    texts += [rule.reason for rule in catalog.concern_rules]
    for text in texts:
        assert text.nl != text.en
        for pattern in FORBIDDEN:
            assert not pattern.search(text.nl) and not pattern.search(text.en), text
