"""Nothing lost on bad case files: `signaal-cli assess` and `report` never show a traceback.

Hypothesis writes case files of every shape — nearly valid cases with one field wrong, wrong
types, unknown ids, arbitrary JSON, deep nesting, broken UTF-8, lone surrogates — and calls
`signaal.cli.main` in-process (the catalog is loaded once, for speed). Each run must end with
exit 0 and a valid result (JSON for `assess`, a readable PDF for `report`), or exit 2 with a
message on stderr that starts with `signaal-cli:`. A few real processes check the same from the
outside.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import privacy_fuzz
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

import signaal.cli
from signaal.content import Catalog, load_catalog

CATALOG = load_catalog()
EXAMPLES_ASSESS = 600
EXAMPLES_REPORT = 150

ROLE_IDS = [role.id for role in CATALOG.roles]
INDICATOR_IDS = sorted(CATALOG.indicators_by_id)
CONCERN_IDS = [concern.id for concern in CATALOG.concerns]
QUESTION_IDS = [question.id for question in CATALOG.weighing_questions]

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
any_json = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def sometimes(good: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes anything at all."""
    return st.one_of(good, good, good, any_json)


texts = st.text(max_size=200)
observation = st.fixed_dictionaries(
    {
        "indicator": sometimes(st.sampled_from(INDICATOR_IDS)),
        "status": sometimes(st.sampled_from(["seen", "told", "not-seen"])),
    },
    optional={
        "facts": sometimes(texts),
        "quote": sometimes(texts),
        "told_by": sometimes(st.sampled_from(["person", "third-party", None])),
        "observer": sometimes(texts),
        "when": sometimes(texts),
    },
)
dates = st.dates().map(lambda d: d.isoformat())
case_like = st.fixed_dictionaries(
    {"role": sometimes(st.sampled_from(ROLE_IDS))},
    optional={
        "language": sometimes(st.sampled_from(["nl", "en"])),
        "purpose": sometimes(st.sampled_from(["melding", "advice", "handover", "file"])),
        "age": sometimes(st.integers(min_value=-5, max_value=200)),
        "age_band": sometimes(st.sampled_from(["0-4", "4-12", "12-18", "18+", "99+"])),
        "concerns": sometimes(st.lists(st.sampled_from([*CONCERN_IDS, "other"]), max_size=4)),
        "observations": sometimes(st.lists(observation, max_size=6)),
        "context": sometimes(
            st.fixed_dictionaries(
                {},
                optional={
                    "acute_danger": sometimes(st.sampled_from([True, False, None])),
                    "disclosure": sometimes(st.booleans()),
                    "perpetrator_relation": sometimes(
                        st.sampled_from(["household", "employer", "unknown", "alien"])
                    ),
                    "days_since_sexual_contact": sometimes(st.integers(-3, 200_000)),
                    "consent_to_refer": sometimes(st.sampled_from([True, False, None])),
                },
            )
        ),
        "meldcode_steps": sometimes(
            st.fixed_dictionaries(
                {},
                optional={
                    "consultation": sometimes(
                        st.fixed_dictionaries(
                            {},
                            optional={
                                "done": st.booleans(),
                                "with_whom": texts,
                                "on": sometimes(dates),
                            },
                        )
                    ),
                    "conversation": sometimes(
                        st.fixed_dictionaries(
                            {}, optional={"done": st.sampled_from([True, False, None])}
                        )
                    ),
                },
            )
        ),
        "weighing": sometimes(
            st.dictionaries(
                st.sampled_from([*QUESTION_IDS, "nonsense"]),
                sometimes(st.sampled_from(["yes", "no", "unsure"])),
                max_size=5,
            )
        ),
        "reporter": sometimes(st.fixed_dictionaries({}, optional={"name": texts})),
        "person": sometimes(
            st.fixed_dictionaries({}, optional={"initials": texts, "date_of_birth": dates})
        ),
        "decision": sometimes(st.fixed_dictionaries({}, optional={"reasoning": texts})),
        "unexpected": any_json,
    },
)


plausible_case = st.fixed_dictionaries(
    {"role": st.sampled_from(ROLE_IDS)},
    optional={
        "language": st.sampled_from(["nl", "en"]),
        "age": st.integers(min_value=0, max_value=130),
        "concerns": st.lists(st.sampled_from(CONCERN_IDS), max_size=4, unique=True),
        "observations": st.lists(
            st.fixed_dictionaries(
                {
                    "indicator": st.sampled_from(INDICATOR_IDS),
                    "status": st.sampled_from(["seen", "told", "not-seen"]),
                },
                optional={"facts": texts, "quote": texts, "when": texts},
            ),
            max_size=8,
            unique_by=lambda o: o["indicator"],
        ),
        "context": st.fixed_dictionaries(
            {},
            optional={
                "acute_danger": st.sampled_from([True, False, None]),
                "disclosure": st.booleans(),
                "perpetrator_relation": st.sampled_from(["household", "employer", "unknown"]),
            },
        ),
        "weighing": st.dictionaries(
            st.sampled_from(QUESTION_IDS), st.sampled_from(["yes", "no", "unsure"]), max_size=5
        ),
        "person": st.fixed_dictionaries({}, optional={"initials": texts}),
        "decision": st.fixed_dictionaries({}, optional={"reasoning": texts}),
    },
)


def encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


case_file = st.one_of(
    plausible_case.map(encode),
    plausible_case.map(encode),
    plausible_case.map(encode),
    case_like.map(encode),
    case_like.map(encode),
    case_like.map(encode),
    any_json.map(encode),
    st.binary(max_size=200),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.integers(min_value=1, max_value=100_000).map(lambda n: b"[" * n + b"]" * n),
    st.integers(min_value=1, max_value=100_000).map(lambda n: b'{"role": ' * n),
    case_like.map(lambda c: encode(c).replace(b'"', b"'", 1)),
    st.just(b'{"role": "teacher", "observations": [{"indicator": "\\ud800", "status": "seen"}]}'),
)


def cached_load(directory: Path | None) -> Catalog:
    return CATALOG if directory is None else load_catalog(directory)


def run_cli(arguments: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(signaal.cli, "_load", cached_load),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = signaal.cli.main(arguments)
    return code, out.getvalue(), err.getvalue()


def check_failure(code: int, stdout: str, stderr: str) -> None:
    assert code == 2, (code, stderr[-2000:])
    assert stderr.startswith("signaal-cli: "), stderr[:500]
    assert "Traceback" not in stderr
    assert len(stderr.strip()) > len("signaal-cli: ")
    assert stdout == ""


@privacy_fuzz.budget(EXAMPLES_ASSESS)
@given(case_file)
def test_fuzz_assess_gives_a_result_or_a_clear_message(data: bytes) -> None:
    privacy_fuzz.RAN["assess"] += 1
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "case.json"
        path.write_bytes(data)
        code, stdout, stderr = run_cli(["assess", str(path)])
    if code == 0:
        privacy_fuzz.RAN["assess-valid"] += 1
        result = json.loads(stdout)
        assert isinstance(result, dict) and result, stdout[:500]
        assert stderr == ""
    else:
        check_failure(code, stdout, stderr)


@privacy_fuzz.budget(EXAMPLES_REPORT)
@given(case_file, st.sampled_from([[], ["--lang", "en"], ["--lang", "nl", "--deterministic"]]))
def test_fuzz_report_gives_a_pdf_or_a_clear_message(data: bytes, options: list[str]) -> None:
    privacy_fuzz.RAN["report"] += 1
    with tempfile.TemporaryDirectory() as temporary:
        path, output = Path(temporary) / "case.json", Path(temporary) / "out.pdf"
        path.write_bytes(data)
        code, stdout, stderr = run_cli(["report", str(path), "-o", str(output), *options])
        if code == 0:
            privacy_fuzz.RAN["report-valid"] += 1
            assert output.read_bytes().startswith(b"%PDF-")
            assert len(PdfReader(output).pages) >= 1
        else:
            check_failure(code, stdout, stderr)
            assert not output.exists()


def test_fuzz_cli_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN
    print(
        f"\nassess: {ran['assess']} case files ({ran['assess-valid']} valid); "
        f"report: {ran['report']} case files ({ran['report-valid']} valid)"
    )
    if ran["assess"] == 0 or ran["report"] == 0:
        return  # run on its own (-k): the fuzz tests did not run in this session
    assert ran["assess"] >= privacy_fuzz.minimum(EXAMPLES_ASSESS)
    assert ran["report"] >= privacy_fuzz.minimum(EXAMPLES_REPORT)
    assert ran["assess-valid"] > 0, "no generated case was valid: the strategy is too wild"
    assert ran["assess-valid"] < ran["assess"], "no generated case was invalid"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"role": "teacher"}', 0),
        (b"{not json", 2),
        (b'{"role": "astronaut"}', 2),
        (b"[" * 50_000 + b"]" * 50_000, 2),
        (b'{"role": "teacher", "person": {"initials": "\\ud800"}}', 2),
    ],
    ids=["valid", "not-json", "unknown-role", "deeply-nested", "lone-surrogate"],
)
def test_real_cli_process(tmp_path: Path, content: bytes, expected: int) -> None:
    case = tmp_path / "case.json"
    case.write_bytes(content)
    for command in (["assess", str(case)], ["report", str(case), "-o", str(tmp_path / "o.pdf")]):
        done = subprocess.run(
            [sys.executable, "-m", "signaal.cli", *command],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == expected, done.stderr[-2000:]
        assert "Traceback" not in done.stderr
        if expected:
            assert done.stderr.startswith("signaal-cli: ")
