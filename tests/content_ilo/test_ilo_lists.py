"""The four ILO/EC Delphi lists as shipped: structure, weights, sources and age bands.

Expected figures come from content-reference section 2.2 (adult and child labour tables); the
structure of the sexual lists is this project's own adaptation and is asserted as documented in
their checklist notes.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from signaal.content import Catalog
from signaal.content.models import Checklist

DIMENSIONS = [
    "deceptive-recruitment",
    "coercive-recruitment",
    "recruitment-vulnerability",
    "exploitation",
    "coercion-destination",
    "vulnerability-destination",
]
DIMENSION_PREFIX = dict(zip(DIMENSIONS, ["dec", "coe", "vul", "exp", "cod", "vud"], strict=True))
LIST_PREFIX = {
    "adult-labour": "al",
    "adult-sexual": "as",
    "child-labour": "cl",
    "child-sexual": "cs",
}

# Items per dimension, in the order of DIMENSIONS.
COUNTS = {
    "adult-labour": [10, 10, 16, 9, 15, 7],  # reference 2.2 (Seafish count): 67
    "child-labour": [10, 10, 15, 8, 15, 7],  # reference 2.2 (A/C table, '-' left out): 65
    "adult-sexual": [10, 10, 16, 9, 16, 7],  # labour structure + forced drug use: 68
    "child-sexual": [10, 10, 15, 8, 16, 7],  # labour structure + forced drug use: 66
}

# (strong, medium, weak) per dimension, counted from the A and C columns of reference 2.2.
LABOUR_WEIGHTS = {
    "adult-labour": [(1, 8, 1), (1, 9, 0), (0, 14, 2), (1, 7, 1), (4, 10, 1), (0, 5, 2)],
    "child-labour": [(2, 8, 0), (4, 6, 0), (0, 15, 0), (1, 7, 0), (8, 7, 0), (0, 7, 0)],
}

# The only sexual-list weights the reference gives ("forced tasks or clients" is strong in both).
SOURCED_SEXUAL_WEIGHTS = {
    "ilo-as-cod-forced-tasks-clients": "strong",
    "ilo-cs-cod-forced-tasks-clients": "strong",
}
CHILD_BANDS = {"0-4", "4-12", "12-18"}


def ilo_list(catalog: Catalog, list_id: str) -> Checklist:
    return next(c for c in catalog.checklists if c.id == list_id)


def test_exactly_the_four_ilo_lists(catalog: Catalog) -> None:
    ilo = sorted(c.id for c in catalog.checklists if c.kind == "ilo")
    assert ilo == sorted(COUNTS)


@pytest.mark.parametrize("list_id", sorted(COUNTS))
def test_items_per_dimension(catalog: Catalog, list_id: str) -> None:
    checklist = ilo_list(catalog, list_id)
    counted = Counter(i.dimension for i in checklist.indicators)
    assert [counted[d] for d in DIMENSIONS] == COUNTS[list_id]
    assert len(checklist.indicators) == sum(COUNTS[list_id])


@pytest.mark.parametrize("list_id", sorted(LABOUR_WEIGHTS))
def test_labour_weights_per_dimension_match_the_reference(catalog: Catalog, list_id: str) -> None:
    checklist = ilo_list(catalog, list_id)
    found = []
    for dimension in DIMENSIONS:
        weights = Counter(i.weight for i in checklist.indicators if i.dimension == dimension)
        found.append((weights["strong"], weights["medium"], weights["weak"]))
    assert found == LABOUR_WEIGHTS[list_id]


@pytest.mark.parametrize("list_id", sorted(COUNTS))
def test_one_section_per_dimension_and_every_indicator_weighted(
    catalog: Catalog, list_id: str
) -> None:
    checklist = ilo_list(catalog, list_id)
    assert [s.dimension for s in checklist.sections] == DIMENSIONS
    section_dimension = {s.id: s.dimension for s in checklist.sections}
    for indicator in checklist.indicators:
        assert indicator.dimension in DIMENSIONS, indicator.id
        assert indicator.weight in {"strong", "medium", "weak"}, indicator.id
        assert section_dimension[indicator.section] == indicator.dimension, indicator.id
        assert "ilo-delphi-2009" in indicator.sources, indicator.id


def test_child_labour_has_no_weak_tier(catalog: Catalog) -> None:
    weights = {i.weight for i in ilo_list(catalog, "child-labour").indicators}
    assert weights == {"strong", "medium"}


def test_labour_weights_are_not_marked_adapted(catalog: Catalog) -> None:
    for list_id in ("adult-labour", "child-labour"):
        for indicator in ilo_list(catalog, list_id).indicators:
            assert indicator.weight_adapted_from is None, indicator.id


@pytest.mark.parametrize("list_id", ["adult-sexual", "child-sexual"])
def test_every_sexual_weight_is_sourced_or_marked_adapted(catalog: Catalog, list_id: str) -> None:
    unmarked = {
        i.id: i.weight
        for i in ilo_list(catalog, list_id).indicators
        if i.weight_adapted_from is None
    }
    expected = {
        k: v
        for k, v in SOURCED_SEXUAL_WEIGHTS.items()
        if k.startswith(f"ilo-{LIST_PREFIX[list_id]}-")
    }
    assert unmarked == expected
    for indicator in ilo_list(catalog, list_id).indicators:
        if indicator.weight_adapted_from is not None:
            assert "ILO" in indicator.weight_adapted_from.nl
            assert "ILO" in indicator.weight_adapted_from.en


@pytest.mark.parametrize("list_id", ["adult-sexual", "child-sexual"])
def test_sexual_lists_have_no_strong_exploitation_item(catalog: Catalog, list_id: str) -> None:
    checklist = ilo_list(catalog, list_id)
    exploitation = [i for i in checklist.indicators if i.dimension == "exploitation"]
    assert exploitation
    assert all(i.weight != "strong" for i in exploitation)


@pytest.mark.parametrize("list_id", ["adult-sexual", "child-sexual"])
def test_adapted_weights_follow_the_labour_item_they_name(catalog: Catalog, list_id: str) -> None:
    """An adapted weight equals the weight of the labour item it names (or was lowered)."""
    labour = ilo_list(catalog, list_id.replace("sexual", "labour"))
    by_text = {(i.dimension, i.text.nl): i.weight for i in labour.indicators}
    for indicator in ilo_list(catalog, list_id).indicators:
        if indicator.weight_adapted_from is None:
            continue
        named = re.search(r"'(.+)'", indicator.weight_adapted_from.nl)
        assert named is not None, indicator.id
        source_weight = by_text.get((indicator.dimension, named.group(1)))
        assert source_weight is not None, indicator.id
        if "verlaagd" in indicator.weight_adapted_from.nl:
            assert (source_weight, indicator.weight) == ("strong", "medium"), indicator.id
        else:
            assert indicator.weight == source_weight, indicator.id


def test_ids_are_unique_readable_and_name_their_list_and_dimension(catalog: Catalog) -> None:
    ids = [i.id for c in catalog.checklists for i in c.indicators]
    assert len(ids) == len(set(ids))
    for list_id, prefix in LIST_PREFIX.items():
        checklist = ilo_list(catalog, list_id)
        for indicator in checklist.indicators:
            assert indicator.dimension is not None
            start = f"ilo-{prefix}-{DIMENSION_PREFIX[indicator.dimension]}-"
            assert indicator.id.startswith(start), indicator.id
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", indicator.id), indicator.id


def test_age_bands(catalog: Catalog) -> None:
    for list_id in ("adult-labour", "adult-sexual"):
        checklist = ilo_list(catalog, list_id)
        assert checklist.age_bands == ["18+"]
        assert all(i.age_bands == ["18+"] for i in checklist.indicators)
    for list_id in ("child-labour", "child-sexual"):
        checklist = ilo_list(catalog, list_id)
        assert set(checklist.age_bands) == CHILD_BANDS
        for indicator in checklist.indicators:
            assert set(indicator.age_bands) <= CHILD_BANDS, indicator.id
            assert "12-18" in indicator.age_bands, indicator.id


@pytest.mark.parametrize("list_id", ["child-labour", "child-sexual"])
def test_exploitation_can_turn_positive_for_young_children(catalog: Catalog, list_id: str) -> None:
    """For minors a positive exploitation dimension is enough, so 0-4 needs enough items there."""
    from signaal.assessment.engine import dimension_result

    checklist = ilo_list(catalog, list_id)
    young = [
        i.id
        for i in catalog.indicators_for(checklist, "gp", "0-4")
        if i.dimension == "exploitation"
    ]
    assert dimension_result(catalog, young).positive


def test_concerns_and_notes(catalog: Catalog) -> None:
    for list_id in ("adult-labour", "child-labour"):
        checklist = ilo_list(catalog, list_id)
        assert "labour-exploitation" in checklist.concerns
        if "criminal-exploitation" in catalog.concerns_by_id:
            assert "criminal-exploitation" in checklist.concerns
        assert checklist.note is not None
        assert "criminele uitbuiting" in checklist.note.nl
        assert "criminal exploitation" in checklist.note.en
    for list_id in ("adult-sexual", "child-sexual"):
        checklist = ilo_list(catalog, list_id)
        assert checklist.concerns == ["sexual-exploitation"]
        # Where the weights come from is for editors (never shown); the list says "derived".
        assert checklist.weights == "derived"
        assert checklist.editor_note is not None
        assert "WCMS_105023" in checklist.editor_note


def test_texts_are_translated_not_copied(catalog: Catalog) -> None:
    for list_id in COUNTS:
        checklist = ilo_list(catalog, list_id)
        texts = [checklist.title, checklist.description]
        texts += [s.title for s in checklist.sections]
        for indicator in checklist.indicators:
            texts += [t for t in (indicator.text, indicator.help) if t is not None]
        for text in texts:
            assert text.nl != text.en, text.en


def test_no_committed_id_disappears(catalog: Catalog) -> None:
    snapshot = Path(__file__).with_name("ilo_ids.txt").read_text(encoding="utf-8").splitlines()
    committed = {line for line in snapshot if line and not line.startswith("#")}
    shipped = {i.id for c in catalog.checklists if c.kind == "ilo" for i in c.indicators}
    assert committed - shipped == set()
