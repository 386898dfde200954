"""Case files must be unambiguous, strictly typed, within sane ranges, and safe to report on.

Each test is one kind of malformed file found by an outside adversary (issue 21): the file is
refused with a message that names the field or key, quotes no more than a short excerpt, never
prints a control character, and lists at most twenty problems.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from signaal.assessment.case_file import CaseFileError, parse_case, read_case
from signaal.messages import MAX_PROBLEMS

GOOD = {
    "role": "teacher",
    "age": 9,
    "concerns": ["child-sexual-abuse"],
    "observations": [
        {"indicator": "csa-beh-sudden-mood-change", "status": "seen", "facts": "every night"}
    ],
    "meldcode_steps": {"consultation": {"done": True, "on": "2026-11-02"}},
}


def refused(tmp_path: Path, catalog, text: str) -> str:
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as raised:
        read_case(path, catalog)
    return str(raised.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('{"role": "teacher", "role": "gp"}', "role"),
        ('{"role": "teacher", "age": 9, "age": 15}', "age"),
        (
            '{"role": "teacher", "observations": [{"indicator": "csa-beh-sudden-mood-change", '
            '"status": "seen", "status": "not-seen"}]}',
            "status",
        ),
        ('{"role": "teacher", "weighing": {"suspicion": "yes", "suspicion": "no"}}', "suspicion"),
    ],
)
def test_a_duplicate_key_is_refused_by_name(tmp_path, catalog, text, key) -> None:
    message = refused(tmp_path, catalog, text)
    assert f"the key '{key}' appears twice" in message


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age": "9"}, "age"),
        ({"age": 9.0}, "age"),
        ({"age": True}, "age"),
        ({"minor": "true"}, "minor"),
        ({"minor": 1}, "minor"),
        ({"context": {"acute_danger": 0}}, "context.acute_danger"),
        ({"context": {"days_since_sexual_contact": "3"}}, "context.days_since_sexual_contact"),
        ({"context": {"days_since_sexual_contact": 3.5}}, "context.days_since_sexual_contact"),
        ({"role": 7}, "role"),
        ({"concerns": [1]}, "concerns[0]"),
        ({"person": {"initials": 12}}, "person.initials"),
        ({"meldcode_steps": {"consultation": {"on": 20261102}}}, "meldcode_steps.consultation.on"),
        (
            {"meldcode_steps": {"consultation": {"on": "2026-11-02T10:00"}}},
            "meldcode_steps.consultation.on",
        ),
        (
            {"meldcode_steps": {"consultation": {"on": "2026-W45-1"}}},
            "meldcode_steps.consultation.on",
        ),
    ],
)
def test_wrong_types_are_not_coerced(catalog, change, field) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case({**GOOD, **change}, catalog, "case.json")
    assert f"field '{field}'" in str(raised.value)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"age": 131}, "age"),
        ({"age": 10**30}, "age"),
        ({"age": -1}, "age"),
        ({"context": {"days_since_sexual_contact": 10**6}}, "context.days_since_sexual_contact"),
        (
            {"meldcode_steps": {"consultation": {"on": "0001-01-01"}}},
            "meldcode_steps.consultation.on",
        ),
        (
            {"meldcode_steps": {"consultation": {"vt_advice_on": "9999-12-31"}}},
            "meldcode_steps.consultation.vt_advice_on",
        ),
        ({"person": {"date_of_birth": "1850-01-01"}}, "person.date_of_birth"),
        ({"person": {"date_of_birth": "2099-01-01"}}, "person.date_of_birth"),
    ],
)
def test_numbers_and_dates_out_of_range_are_refused(catalog, change, field) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case({**GOOD, **change}, catalog, "case.json")
    assert f"field '{field}'" in str(raised.value)


def test_a_plain_date_still_reads(catalog) -> None:
    case = parse_case({**GOOD, "person": {"date_of_birth": "2016-03-04"}}, catalog)
    assert case.person.date_of_birth is not None
    assert case.person.date_of_birth.isoformat() == "2016-03-04"


def test_forty_thousand_repeats_give_a_bounded_report(tmp_path, catalog) -> None:
    data = {**GOOD, "concerns": ["child-sexual-abuse"] * 40_000}
    message = refused(tmp_path, catalog, json.dumps(data))
    lines = message.splitlines()
    assert len(lines) == MAX_PROBLEMS + 1
    assert lines[-1].endswith(f"… and {40_000 - 1 - MAX_PROBLEMS} more problems")
    assert len(message) < 4_000


def test_many_wrong_items_give_a_bounded_report(tmp_path, catalog) -> None:
    data = {**GOOD, "observations": [{"indicator": 5, "status": 6}] * 5_000}
    message = refused(tmp_path, catalog, json.dumps(data))
    assert len(message.splitlines()) == MAX_PROBLEMS + 1
    assert "more problems" in message.splitlines()[-1]


def test_duplicate_checking_is_not_quadratic(tmp_path, catalog) -> None:
    data = {**GOOD, "concerns": ["child-sexual-abuse"] * 200_000}
    started = time.monotonic()
    refused(tmp_path, catalog, json.dumps(data))
    # Quadratic checking took over 20 s; a linear pass takes well under a second.
    assert time.monotonic() - started < 5


SECRET = "Jantje woont bij zijn oom in de Dorpsstraat 12 en zegt dat hij daar moet werken" * 50


@pytest.mark.parametrize(
    "change",
    [
        {"role": SECRET},
        {"concerns": [SECRET]},
        {"observations": [{"indicator": SECRET[:120], "status": "seen"}]},
        {"weighing": {SECRET: "yes"}},
        {SECRET: 1},
        {"age_band": SECRET},
        {"meldcode_steps": {"conversation": {"exception": SECRET[:120]}}},
    ],
)
def test_values_are_echoed_only_as_a_short_excerpt(catalog, change) -> None:
    with pytest.raises(CaseFileError) as raised:
        parse_case({**GOOD, **change}, catalog, "case.json")
    message = str(raised.value)
    assert SECRET[:40] not in message
    assert len(message) < 600


@pytest.mark.parametrize("control", ["\x1b[2J", "\x07", "\x1b]0;pwned\x07", "\u202e", "\x9b"])
def test_no_control_character_reaches_the_message(tmp_path, catalog, control) -> None:
    texts = [
        json.dumps({**GOOD, "role": f"x{control}y"}),
        json.dumps({**GOOD, f"k{control}": 1}),
        json.dumps({**GOOD, "concerns": [f"c{control}"]}),
        f'{{"role": "teacher", "d{control}": 1, "d{control}": 2}}',
    ]
    for text in texts:
        message = refused(tmp_path, catalog, text)
        assert not any(c in message for c in "\x1b\x07\x9b\u202e"), message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full", "/dev/urandom"])
def test_a_device_file_is_refused_without_reading_it(catalog, device) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    started = time.monotonic()
    with pytest.raises(CaseFileError, match="not a regular file"):
        read_case(Path(device), catalog)
    assert time.monotonic() - started < 2


def test_a_fifo_does_not_hang(tmp_path, catalog) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "case.json"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(CaseFileError, match="not a regular file"):
        read_case(fifo, catalog)
    assert time.monotonic() - started < 2


def test_a_huge_file_is_refused_before_reading(tmp_path, catalog) -> None:
    path = tmp_path / "case.json"
    with path.open("wb") as sparse:
        sparse.truncate(2 * 1024**3)  # 2 GB, sparse: costs no disk
    with pytest.raises(CaseFileError, match="too large"):
        read_case(path, catalog)


def test_a_symlink_to_a_device_is_refused(tmp_path, catalog) -> None:
    link = tmp_path / "case.json"
    link.symlink_to("/dev/zero")
    with pytest.raises(CaseFileError, match="not a regular file"):
        read_case(link, catalog)
