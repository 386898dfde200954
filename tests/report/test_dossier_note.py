"""The note for the file: short, in the user's language, S/O/E/P for GPs, signals with source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from signaal.assessment import Case, Observation, assess
from signaal.assessment.case_file import read_case
from signaal.content import Catalog
from signaal.report.dossier_note import MAX_NOTE_CHARS, dossier_note

CASES = Path(__file__).parents[1] / "cases"
TODAY = dt.date(2026, 12, 4)


def _note(catalog: Catalog, case: Case, language: str = "nl") -> str:
    return dossier_note(catalog, case, assess(catalog, case), language, TODAY)


@pytest.mark.parametrize("path", sorted(CASES.glob("*.json")), ids=lambda p: p.stem)
def test_every_example_case_gives_a_complete_short_note(catalog: Catalog, path: Path) -> None:
    case = read_case(path, catalog)
    assessment = assess(catalog, case)
    for language in ("nl", "en"):
        note = dossier_note(catalog, case, assessment, language, TODAY)
        assert len(note) <= MAX_NOTE_CHARS
        assert ("4 december 2026" if language == "nl" else "4 December 2026") in note
        for concern in case.concerns:
            assert catalog.concerns_by_id[concern].name.get(language) in note
        cut = "(zie de verwijzing)" in note or "(see the referral)" in note
        for observation in case.observations:
            # Long signal texts are shortened to one line: their start is there (unless the
            # note had to leave signals out, which it then says).
            text = catalog.indicator(observation.indicator).text.get(language)[:60]
            if not observation.counts:
                assert text not in note
            elif not cut:
                assert text in note
        for referral in assessment.referrals:
            assert catalog.contacts_by_id[referral.contact].name.get(language) in note


def test_a_gp_note_follows_soep(catalog: Catalog) -> None:
    case = read_case(CASES / "gp-adult-seasonal-worker.json", catalog)
    case.decision.decision = "Advies gevraagd bij Veilig Thuis."
    note = _note(catalog, case)
    lines = note.splitlines()
    starts = [next(i for i, line in enumerate(lines) if line.startswith(f"{k}: ")) for k in "SOEP"]
    assert starts == sorted(starts)
    told = [o for o in case.observations if o.status == "told"]
    seen = [o for o in case.observations if o.status == "seen"]
    assert told and seen
    section_o = lines[starts[1] : starts[2]]
    for observation in seen:
        text = catalog.indicator(observation.indicator).text.get("nl")
        assert any(text in line and "(eigen waarneming)" in line for line in section_o)
    assert "P: Besluit: Advies gevraagd bij Veilig Thuis." in lines
    assert "Uitkomst van de afweging" in note


def test_a_teacher_note_has_no_soep_letters(catalog: Catalog) -> None:
    note = _note(catalog, read_case(CASES / "teacher-9-year-old.json", catalog), "en")
    assert not any(line[:3] in ("S: ", "O: ", "E: ", "P: ") for line in note.splitlines())
    assert "Signals:" in note and "(told by someone else)" in note


def test_many_signals_are_cut_with_a_count_never_over_the_limit(catalog: Catalog) -> None:
    checklist = next(c for c in catalog.checklists if c.id.startswith("csa-"))
    case = Case(
        role="teacher",
        age=9,
        concerns=["child-sexual-abuse"],
        observations=[
            Observation(indicator=i.id, status="seen")
            for c in catalog.checklists
            if c.id.startswith("csa-")
            for i in c.indicators
        ],
        decision={"decision": "x" * 5_000},  # type: ignore[arg-type]
    )
    assert len(case.observations) > 30, checklist.id
    note = _note(catalog, case)
    assert len(note) <= MAX_NOTE_CHARS
    assert "en nog" in note and "zie de verwijzing" in note
    assert "Geadviseerde contacten" in note
