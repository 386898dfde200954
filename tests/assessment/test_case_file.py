"""Case files: every kind of malformed input gives a message naming the field, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signaal.assessment.case_file import CaseFileError, parse_case, read_case

GOOD = {
    "role": "teacher",
    "age": 9,
    "concerns": ["child-sexual-abuse"],
    "observations": [{"indicator": "csa-nightmares", "status": "seen", "facts": "every night"}],
    "weighing": {"suspicion": "yes"},
    "meldcode_steps": {
        "consultation": {"done": True, "with_whom": "IB", "on": "2026-11-02"},
        "conversation": {"done": False, "exception": "safety"},
    },
}


def test_a_good_case_parses(kit) -> None:
    case = parse_case(GOOD, kit.catalog)
    assert case.observations[0].facts == "every night"
    assert str(case.meldcode_steps.consultation.on) == "2026-11-02"


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"role": "nurse"}, "role", "unknown role 'nurse'"),
        ({"role": 7}, "role", "string"),
        ({"age": "nine"}, "age", "integer"),
        ({"age": -1}, "age", "greater than or equal"),
        ({"age_band": "5-6"}, "age_band", "unknown age band"),
        ({"age_band": "18+"}, "age_band", "does not include the age 9"),
        ({"minor": False}, "minor", "not that of an adult"),
        ({"age": None, "age_band": "18+", "minor": True}, "minor", "not that of a child"),
        ({"concerns": "child-sexual-abuse"}, "concerns", "list"),
        ({"concerns": ["trafficking"]}, "concerns[0]", "unknown concern"),
        ({"concerns": ["child-sexual-abuse", "child-sexual-abuse"]}, "concerns[1]", "twice"),
        (
            {"observations": [{"indicator": "nope", "status": "seen"}]},
            "observations[0].indicator",
            "unknown indicator",
        ),
        (
            {"observations": [{"indicator": "csa-nightmares", "status": "maybe"}]},
            "observations[0].status",
            "'seen'",
        ),
        ({"observations": [{"indicator": "csa-nightmares"}]}, "observations[0].status", "required"),
        (
            {"observations": [{"indicator": "csa-nightmares", "status": "seen"}] * 2},
            "observations[1].indicator",
            "already answered in observations[0]",
        ),
        ({"weighing": {"suspicion": "perhaps"}}, "weighing.suspicion", "'yes'"),
        ({"weighing": {"nonsense": "yes"}}, "weighing.nonsense", "unknown weighing question"),
        ({"weighing": ["yes"]}, "weighing", "dictionary"),
        (
            {"context": {"perpetrator_relation": "uncle"}},
            "context.perpetrator_relation",
            "household",
        ),
        ({"context": {"acute_danger": "very"}}, "context.acute_danger", "boolean"),
        (
            {"context": {"days_since_sexual_contact": -2}},
            "context.days_since_sexual_contact",
            "greater",
        ),
        (
            {"meldcode_steps": {"conversation": {"exception": "bored"}}},
            "meldcode_steps.conversation.exception",
            "unknown exception",
        ),
        (
            {"meldcode_steps": {"consultation": {"on": "yesterday"}}},
            "meldcode_steps.consultation.on",
            "date",
        ),
        ({"colour": "red"}, "colour", "Extra inputs"),
    ],
)
def test_errors_name_the_field(kit, change, field, words) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case({**GOOD, **change}, kit.catalog, "case.json")
    message = str(raised.value)
    assert f"case.json: field '{field}'" in message
    assert words in message


def test_missing_role(kit) -> None:
    data = {k: v for k, v in GOOD.items() if k != "role"}
    with pytest.raises(CaseFileError, match="field 'role': Field required"):
        parse_case(data, kit.catalog)


@pytest.mark.parametrize(
    ("data", "words"),
    [([GOOD], "not a list"), ("case", "not a string"), (3, "not a number"), (None, "not null")],
)
def test_the_top_level_must_be_an_object(kit, data, words) -> None:
    with pytest.raises(CaseFileError, match=words):
        parse_case(data, kit.catalog)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "not valid JSON"),
        (b"{role: teacher}", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
        (b"[" * 100_000, "not valid JSON"),
        (b'{"role": "teacher", "age": 1' + b"0" * 5000 + b"}", "not valid JSON"),
    ],
)
def test_files_that_are_not_json(kit, tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(content)
    with pytest.raises(CaseFileError, match=words):
        read_case(path, kit.catalog)


def test_unreadable_files(kit, tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="cannot be read"):
        read_case(tmp_path / "missing.json", kit.catalog)
    with pytest.raises(CaseFileError, match="cannot be read"):
        read_case(tmp_path, kit.catalog)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_a_file_round_trip(kit, tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "case.json"
    data = {**GOOD, "person": {"initials": "É.Ø."}}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding=encoding)
    case = read_case(path, kit.catalog)
    assert (case.age, case.person.initials) == (9, "É.Ø.")
