"""Generated hostile case files of every kind issue 21 names: no traceback, bounded, safe output.

Kinds: duplicate keys, values of the wrong type, numbers and dates out of range, thousands of
repeats, control characters in ids and keys, deep nesting, bytes that are not text, and valid but
extreme cases (glitch text, bidi overrides, zero-width characters, markup) that must render.
Budgets follow `SIGNAAL_FUZZ_SCALE`; with the privacy fuzz tests, scale 10 runs over 10,000 case
files. `pytest -s -k fuzz` prints the counts.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import privacy_fuzz
from glitch import glitch_quote
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader
from test_fuzz_cli import INDICATOR_IDS, encode, plausible_case, run_cli

from signaal.messages import MAX_PROBLEMS

EXAMPLES_MALFORMED = 320
EXAMPLES_EXTREME = 12
CONTROLS = "\x1b\x07\x00\x08\x9b\u202e\u2066\u200b"


def duplicate_key(case: dict[str, Any], key: str, value: Any) -> bytes:
    """The case as JSON with `key` given twice at the top level (the last would win in Python)."""
    rest = {k: v for k, v in case.items() if k != key}
    pair = f'"{key}": {json.dumps(value)}'
    body = json.dumps(rest, ensure_ascii=False)[1:-1]
    text = "{" + ", ".join(part for part in (pair, body, pair) if part) + "}"
    return text.encode("utf-8", "surrogatepass")


def with_field(case: dict[str, Any], path: list[str], value: Any) -> bytes:
    data = json.loads(json.dumps(case))
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value
    return encode(data)


wrong_values = st.one_of(
    st.text(max_size=8),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.lists(st.integers(), max_size=3),
    st.just({"nested": True}),
    st.none(),
)
typed_fields = st.sampled_from(
    [
        ["age"],
        ["minor"],
        ["language"],
        ["purpose"],
        ["context", "acute_danger"],
        ["context", "days_since_sexual_contact"],
        ["meldcode_steps", "consultation", "done"],
        ["meldcode_steps", "consultation", "on"],
        ["meldcode_steps", "conversation", "on"],
        ["person", "date_of_birth"],
        ["person", "initials"],
        ["reporter", "name"],
    ]
)
far_dates = st.dates().filter(lambda d: d.year < 1900 or d.year > 2100).map(str)
out_of_range = st.one_of(
    st.tuples(st.just(["age"]), st.integers(min_value=131, max_value=10**30)),
    st.tuples(st.just(["age"]), st.integers(max_value=-1, min_value=-(10**30))),
    st.tuples(
        st.just(["context", "days_since_sexual_contact"]),
        st.integers(min_value=50_000, max_value=10**30),
    ),
    st.tuples(st.just(["meldcode_steps", "consultation", "on"]), far_dates),
    st.tuples(st.just(["person", "date_of_birth"]), far_dates),
)
controlled = st.text(
    alphabet=st.sampled_from(list(CONTROLS) + list("ab-")), min_size=1, max_size=12
)

malformed = st.one_of(
    st.tuples(
        plausible_case, st.sampled_from(["role", "age", "concerns", "weighing"]), wrong_values
    ).map(lambda t: ("duplicate", duplicate_key(*t))),
    st.tuples(plausible_case, typed_fields, wrong_values).map(
        lambda t: ("wrong-type", with_field(*t))
    ),
    st.tuples(plausible_case, out_of_range).map(
        lambda t: ("out-of-range", with_field(t[0], *t[1]))
    ),
    st.tuples(st.sampled_from(["child-sexual-abuse", "x\x1b[2J"]), st.integers(2, 60_000)).map(
        lambda t: ("repeats", encode({"role": "teacher", "concerns": [t[0]] * t[1]}))
    ),
    st.tuples(
        plausible_case, controlled, st.sampled_from(["role", "key", "concern", "question"])
    ).map(lambda t: ("controls", control_case(*t))),
    st.integers(min_value=100, max_value=200_000).map(
        lambda n: ("deep", b'{"role": "teacher", "context": ' + b"[" * n + b"]" * n + b"}")
    ),
    st.binary(min_size=1, max_size=300).map(lambda b: ("bytes", b"\xff" + b)),
)


def control_case(case: dict[str, Any], text: str, where: str) -> bytes:
    data = json.loads(json.dumps(case))
    if where == "role":
        data["role"] = text
    elif where == "key":
        data[text] = 1
    elif where == "concern":
        data["concerns"] = [text] * 30
    else:
        data["weighing"] = {text: "yes"}
    return encode(data)


def check_bounded(stderr: str) -> None:
    assert stderr.startswith("signaal-cli: "), stderr[:300]
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) <= MAX_PROBLEMS + 1, len(lines)
    assert len(stderr) < 8_000, len(stderr)
    assert not any(c in stderr for c in "\x1b\x07\x00\x08\x9b\u202e\u2066\u200b")


@privacy_fuzz.budget(EXAMPLES_MALFORMED)
@given(malformed)
def test_fuzz_malformed_case_files_are_refused_briefly_and_safely(kind_data) -> None:
    kind, data = kind_data
    privacy_fuzz.RAN["hostile"] += 1
    privacy_fuzz.RAN[f"hostile-{kind}"] += 1
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "case.json"
        path.write_bytes(data)
        code, stdout, stderr = run_cli(["assess", str(path)])
    if kind in ("duplicate", "out-of-range", "repeats", "deep", "bytes"):
        assert code == 2, (kind, stderr[:300])
    if kind == "duplicate":
        assert "appears twice" in stderr
    if code == 0:
        privacy_fuzz.RAN["hostile-valid"] += 1
        assert stderr == "" and json.loads(stdout)
    else:
        assert stdout == ""
        check_bounded(stderr)


extreme_text = st.one_of(
    st.integers(0, 10_000).map(glitch_quote),
    st.text(
        alphabet=st.sampled_from(
            [*list("<>&\"'/[]{}() \n"), "\u202e", "\u2066", "\u200b", "\u200d"]
        ),
        max_size=3000,
    ),
    st.just("<para><font size=400>x</font></para><img src='/etc/passwd'/>" * 50),
    st.just("%PDF-1.4 /JavaScript (app.alert(1)) /Launch /URI (http://x)" * 40),
    st.text(max_size=2000),
)
extreme_case = st.tuples(
    st.sampled_from(["teacher", "gp", "veilig-thuis"]),
    st.lists(st.sampled_from(INDICATOR_IDS), min_size=1, max_size=6, unique=True),
    extreme_text,
    extreme_text,
).map(
    lambda t: {
        "role": t[0],
        "observations": [
            {"indicator": indicator, "status": "seen", "facts": t[2], "quote": t[3]}
            for indicator in t[1]
        ],
        "decision": {"reasoning": t[3]},
    }
)


@privacy_fuzz.budget(EXAMPLES_EXTREME)
@given(extreme_case)
def test_fuzz_valid_extreme_cases_render(case: dict[str, Any]) -> None:
    privacy_fuzz.RAN["extreme"] += 1
    with tempfile.TemporaryDirectory() as temporary:
        path, output = Path(temporary) / "case.json", Path(temporary) / "out.pdf"
        path.write_bytes(encode(case))
        code, _stdout, stderr = run_cli(["report", str(path), "-o", str(output)])
        if code == 2:  # refused by validation (a lone surrogate, say): bounded and safe
            check_bounded(stderr)
            return
        assert code == 0, stderr[:500]
        assert len(PdfReader(output).pages) >= 1


def test_fuzz_hostile_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN
    kinds = {k: v for k, v in ran.items() if k.startswith("hostile-")}
    print(f"\nhostile: {ran['hostile']} malformed case files {kinds}; extreme: {ran['extreme']}")
    if ran["hostile"] == 0:
        return  # run on its own (-k)
    assert ran["hostile"] >= privacy_fuzz.minimum(EXAMPLES_MALFORMED)
    assert len([k for k in kinds if k != "hostile-valid"]) == 7, kinds
