"""Nothing lost on hostile referrals: `signaal-cli case` and the window's Open action.

Hypothesis makes PDFs and embedded case documents of every kind — real referrals with bytes
flipped, cut, inserted or repeated; the embedded `signaal-case.json` replaced by a nearly valid
document with one field wrong, by arbitrary JSON, deep nesting, broken UTF-8, a newer schema
version; files that are no PDF at all — and feeds each one to `signaal-cli case` (in-process)
and to the window's Open action. Every one ends in exit 0 with the case as JSON, or exit 2 with
a message that starts with `signaal-cli:`; in the window, in the case opened or in one warning
in the user's language with the current case untouched. Never a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import privacy_fuzz
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox

import signaal.cli
from signaal.assessment import Case, assess
from signaal.assessment.carried import Carried
from signaal.content import Catalog, load_catalog
from signaal.i18n import set_language, translator
from signaal.report import render_referral
from signaal.report.case_document import OPEN_ERRORS, referral_with_case
from signaal.report.embedded_case import embed_case, extract_case

CATALOG = load_catalog()
EXAMPLES = 1_000
TODAY = dt.date(2026, 12, 4)
INDICATOR_IDS = sorted(CATALOG.indicators_by_id)[:40]


def _referral(case: Case) -> bytes:
    pdf, _carried = referral_with_case(
        CATALOG, case, assess(CATALOG, case), "nl", Carried(), today=TODAY
    )
    return pdf


BASE_CASE = Case.model_validate(
    {
        "role": "teacher",
        "age": 9,
        "concerns": ["child-sexual-abuse"],
        "observations": [
            {"indicator": i, "status": "seen", "facts": f"fact {n}"}
            for n, i in enumerate(
                sorted(
                    i
                    for i, (checklist, _ind) in CATALOG.indicators_by_id.items()
                    if checklist.id.startswith("csa-")
                )[:3]
            )
        ],
    }
)
REFERRAL = _referral(BASE_CASE)
BARE = render_referral(CATALOG, BASE_CASE, assess(CATALOG, BASE_CASE), "nl")
DOCUMENT: dict[str, Any] = json.loads(extract_case(REFERRAL))

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
    max_leaves=10,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


FIELD_PATHS = _paths(DOCUMENT)


@st.composite
def edited_document(draw: st.DrawFn) -> bytes:
    """The real document with one to three fields replaced, dropped or added."""
    document = json.loads(json.dumps(DOCUMENT))
    for _edit in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(FIELD_PATHS))
        parent: Any = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["replace", "drop", "add", "indicator"]))
            if action == "replace":
                parent[path[-1]] = draw(any_json)
            elif action == "drop" and isinstance(parent, dict):
                parent.pop(path[-1], None)
            elif action == "add" and isinstance(parent, dict):
                parent[draw(st.text(max_size=8))] = draw(any_json)
            else:
                parent[path[-1]] = draw(st.sampled_from([*INDICATOR_IDS, "gone", ""]))
        except (KeyError, IndexError, TypeError):
            pass
    if draw(st.booleans()):
        document["schema_version"] = draw(st.sampled_from([0, 1, 1, 2, 99, -1, "1", True]))
    return json.dumps(document, ensure_ascii=False).encode("utf-8", "surrogatepass")


raw_document = st.one_of(
    edited_document(),
    edited_document(),
    edited_document(),
    any_json.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=200),
    st.integers(1, 50_000).map(lambda n: b"[" * n + b"]" * n),
    st.just(json.dumps(DOCUMENT).encode()[:-7]),
    st.just(b'{"format": "signaal-case", "format": "x"}'),
    st.just(json.dumps({**DOCUMENT, "case": {"role": "\ud800"}}).encode("utf-8", "surrogatepass")),
)


@st.composite
def damaged_pdf(draw: st.DrawFn) -> bytes:
    """A real referral with bytes flipped, cut, inserted or repeated."""
    data = bytearray(REFERRAL)
    for _edit in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        action = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "truncate"]))
        if action == "flip" and data:
            data[where] ^= draw(st.integers(1, 255))
        elif action == "cut":
            del data[where : where + draw(st.integers(1, 2_000))]
        elif action == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=40))
        elif action == "repeat":
            data[where:where] = data[where : where + draw(st.integers(1, 500))]
        else:
            del data[where:]
    return bytes(data)


hostile_pdf = st.one_of(
    damaged_pdf(),
    damaged_pdf(),
    raw_document.map(lambda document: embed_case(BARE, document)),
    raw_document.map(lambda document: embed_case(BARE, document)),
    raw_document.map(lambda document: embed_case(BARE, document)),
    st.just(BARE),
    st.binary(max_size=300),
    st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
    st.sampled_from([b"", b"%PDF-", b"%PDF-1.7\n%%EOF", b"\xef\xbb\xbf%PDF-1.4"]),
)


def cached_load(directory: Path | None) -> Catalog:
    return CATALOG if directory is None else load_catalog(directory)


def run_case_command(path: Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(signaal.cli, "_load", cached_load),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        code = signaal.cli.main(["case", str(path)])
    return code, out.getvalue(), err.getvalue()


class Dialogs:
    """Stands in for the message boxes: confirmations answered Yes, warnings recorded."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def warning(self, _parent: object, _title: str, text: str, *_args: object) -> object:
        self.warnings.append(text)
        return QMessageBox.StandardButton.Ok

    @staticmethod
    def question(*_args: object) -> QMessageBox.StandardButton:
        return QMessageBox.StandardButton.Yes


@pytest.fixture(scope="module")
def opener() -> Any:
    """One window for every example: the Open action is what is tested, not start-up."""
    from PySide6.QtWidgets import QApplication

    from signaal.ui.main_window import MainWindow

    _app = QApplication.instance() or QApplication([])
    set_language("nl")
    window = MainWindow(CATALOG)
    yield window
    window.session.reset()
    window.deleteLater()


DUTCH_MESSAGES = {translator("nl")(message) for message in OPEN_ERRORS.values()}


@privacy_fuzz.budget(EXAMPLES)
@given(pdf=hostile_pdf)
def test_fuzz_hostile_referrals_open_or_give_a_clear_message(pdf: bytes, opener: Any) -> None:
    privacy_fuzz.RAN["referral"] += 1
    with tempfile.TemporaryDirectory() as temporary:
        path = Path(temporary) / "referral.pdf"
        path.write_bytes(pdf)
        code, stdout, stderr = run_case_command(path)
        dialogs = Dialogs()
        marker = Case(role="gp", age=40, person={"initials": "Z.Z."})  # type: ignore[arg-type]
        opener.session.case = marker.model_copy(deep=True)
        with (
            mock.patch.object(QMessageBox, "warning", dialogs.warning),
            mock.patch.object(QMessageBox, "information", dialogs.warning),
            mock.patch.object(QMessageBox, "question", dialogs.question),
        ):
            opened = opener.referral_output.open_file(path)
    assert "Traceback" not in stderr
    if code == 0:
        privacy_fuzz.RAN["referral-valid"] += 1
        Case.model_validate(json.loads(stdout))
        assert opened, "the CLI read a case the window refused"
    else:
        assert code == 2, (code, stderr[-2000:])
        assert stderr.startswith("signaal-cli: ") and stdout == ""
        assert not opened
        assert opener.session.case == marker, "a refused file changed the current case"
        assert len(dialogs.warnings) == 1
        assert dialogs.warnings[0].split("\n\n")[0] in DUTCH_MESSAGES
        assert dialogs.warnings[0].endswith("Je huidige casus is ongewijzigd.")


def test_fuzz_referral_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN
    print(f"\nreferrals: {ran['referral']} hostile files ({ran['referral-valid']} opened)")
    if ran["referral"] == 0:
        return  # run on its own (-k): the fuzz test did not run in this session
    assert ran["referral"] >= privacy_fuzz.minimum(EXAMPLES)
    assert ran["referral-valid"] < ran["referral"], "no generated file was refused"
