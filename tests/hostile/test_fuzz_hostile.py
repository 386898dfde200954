"""Generated hostile case files of every kind issue 21 names: no traceback, bounded, safe output.

The 25 malformed kinds are in `malformed.py` (duplicate keys, wrong and coerced types, numbers and
dates out of range, repeats, control characters, deep nesting, broken encodings, cut files...);
beside them, valid but extreme cases (glitch text as in the minimised `LayoutError` case, bidi
overrides, zero-width characters, markup) must render into a PDF that `qpdf --check` accepts.
1,000 case files per run; `SIGNAAL_FUZZ_SCALE=10` runs 10,000 (figure in docs/privacy.md).
`pytest -s -k fuzz` prints the counts.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import privacy_fuzz
from glitch import glitch_quote, minimised_case
from hypothesis import given
from hypothesis import strategies as st
from malformed import CONTROLS, KINDS, SOMETIMES_VALID, malformed
from pdf_checks import qpdf_check
from pypdf import PdfReader
from test_fuzz_cli import INDICATOR_IDS, encode, run_cli

from signaal.messages import MAX_PROBLEMS

# With the extreme cases, 1,000 case files per run; `SIGNAAL_FUZZ_SCALE=10` makes it 10,000.
EXAMPLES_MALFORMED = 960
EXAMPLES_EXTREME = 40


def check_bounded(stderr: str) -> None:
    assert stderr.startswith("signaal-cli: "), stderr[:300]
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) <= MAX_PROBLEMS + 1, len(lines)
    assert len(stderr) < 8_000, len(stderr)
    assert not any(c in stderr for c in CONTROLS)


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
    if kind not in SOMETIMES_VALID:
        assert code == 2, (kind, stderr[:300])
    if kind.startswith("duplicate"):
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
extreme_case = st.one_of(
    st.tuples(
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
    ),
    # The shape of the minimised case of the issue: one Veilig Thuis signal, one glitch quote.
    st.integers(0, 100_000).map(lambda seed: minimised_case(glitch_quote(seed))),
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
        assert qpdf_check(output) is None


def test_fuzz_hostile_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN
    kinds = {k: v for k, v in ran.items() if k.startswith("hostile-")}
    print(f"\nhostile: {ran['hostile']} malformed case files {kinds}; extreme: {ran['extreme']}")
    if ran["hostile"] == 0:
        return  # run on its own (-k)
    assert ran["hostile"] >= privacy_fuzz.minimum(EXAMPLES_MALFORMED)
    assert len([k for k in kinds if k != "hostile-valid"]) == KINDS, kinds
