"""Hostile referral PDFs and embedded cases (issue 21): a clear message, no traceback, no hang.

Each file goes through `signaal-cli case` and the window's Open action. The CLI ends with exit 2
and a bounded, terminal-safe message whose first line is the headline in the user's language;
the window shows that headline in one warning and keeps the current case as it was. The case a
referral carries is held to exactly the rules of a case file: duplicate keys, coerced types,
numbers and dates out of range and thousands of problems are refused the same way.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from pypdf import PdfReader, PdfWriter
from PySide6.QtWidgets import QMessageBox
from test_fuzz_referral import BARE, CATALOG, DOCUMENT, REFERRAL, Dialogs, run_case_command

from signaal.assessment import Case
from signaal.assessment.case_file import MAX_CASE_FILE_BYTES
from signaal.i18n import set_language, translator
from signaal.messages import MAX_PROBLEMS
from signaal.report.case_document import OPEN_ERRORS
from signaal.report.embedded_case import ATTACHMENT_NAME, embed_case

CONTROLS = "\x1b\x07\x00\x08\x9b\u202e"


def handmade_pdf(files: list[tuple[str, bytes, bool]], producer: str = "Signaal") -> bytes:
    """A one-page PDF with `files` attached as (name, stream bytes, stream is Flate-compressed).

    Written by hand so that the attachments can be what no PDF library would write: two with
    one name, or a small stream that unpacks into hundreds of megabytes.
    """
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names ["
        + b" ".join(f"({name}) {4 + 2 * i} 0 R".encode() for i, (name, _s, _f) in enumerate(files))
        + b"] >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>",
    ]
    for index, (name, stream, compressed) in enumerate(files):
        objects.append(
            f"<< /Type /Filespec /F ({name}) /EF << /F {5 + 2 * index} 0 R >> >>".encode()
        )
        flate = b" /Filter /FlateDecode" if compressed else b""
        objects.append(
            b"<< /Type /EmbeddedFile"
            + flate
            + f" /Length {len(stream)} >>\nstream\n".encode()
            + stream
            + b"\nendstream"
        )
    objects.append(f"<< /Producer ({producer}) >>".encode())
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def bomb(size: int) -> bytes:
    """`size` zero bytes, Flate-compressed (about a thousandth of the size)."""
    packer = zlib.compressobj(9)
    chunk = bytes(1 << 20)
    return b"".join(packer.compress(chunk) for _ in range(size >> 20)) + packer.flush()


def document(**changes: Any) -> bytes:
    """The real embedded document with some parts replaced (`case_<field>` for case fields)."""
    data = json.loads(json.dumps(DOCUMENT))
    for key, value in changes.items():
        if key.startswith("case_"):
            data["case"][key.removeprefix("case_")] = value
        else:
            data[key] = value
    return json.dumps(data, ensure_ascii=False).encode("utf-8", "surrogatepass")


def encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password="geheim", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


SMALL_CASE = json.dumps(DOCUMENT).encode()

# (name, how to make the PDF, the kind of message the user must see); made when the test runs.
HOSTILE: list[tuple[str, Callable[[], bytes], str]] = [
    ("truncated-in-half", lambda: REFERRAL[: len(REFERRAL) // 2], "damaged-pdf"),
    ("truncated-at-the-end", lambda: REFERRAL[:-200], "damaged-pdf"),
    ("no-pdf-at-all", lambda: b"\x89PNG\r\n" + bytes(500), "not-pdf"),
    ("encrypted", lambda: encrypted(REFERRAL), "encrypted"),
    (
        "case-under-another-name",
        lambda: handmade_pdf([("case.json", SMALL_CASE, False)]),
        "no-case",
    ),
    (
        "other-producer-other-file",
        lambda: handmade_pdf([("data.json", b"{}", False)], "Word"),
        "not-signaal",
    ),
    (
        "two-embedded-cases",
        lambda: handmade_pdf(
            [(ATTACHMENT_NAME, SMALL_CASE, False), (ATTACHMENT_NAME, SMALL_CASE, False)]
        ),
        "damaged-case",
    ),
    (
        "bomb-stream-400-MB",
        lambda: handmade_pdf([(ATTACHMENT_NAME, bomb(400 << 20), True)]),
        "damaged-pdf",
    ),
    (
        "case-over-the-size-cap",
        lambda: handmade_pdf([(ATTACHMENT_NAME, bomb(MAX_CASE_FILE_BYTES + (1 << 20)), True)]),
        "damaged-pdf",
    ),
    (
        "duplicate-key",
        lambda: embed_case(BARE, SMALL_CASE[:-1] + b', "format": "signaal-case"}'),
        "damaged-case",
    ),
    ("age-as-text", lambda: embed_case(BARE, document(case_age="9")), "damaged-case"),
    ("age-out-of-range", lambda: embed_case(BARE, document(case_age=500)), "damaged-case"),
    ("whole-number-as-float", lambda: embed_case(BARE, document(case_age=9.0)), "damaged-case"),
    (
        "history-date-as-number",
        lambda: embed_case(BARE, document(history={"first_saved_on": 20261204})),
        "damaged-case",
    ),
    (
        "history-date-out-of-range",
        lambda: embed_case(BARE, document(history={"first_saved_on": "1066-10-14"})),
        "damaged-case",
    ),
    (
        "screen-flag-as-1",
        lambda: embed_case(BARE, document(screen={"purpose_chosen": 1})),
        "damaged-case",
    ),
    (
        "schema-version-as-text",
        lambda: embed_case(BARE, document(schema_version="1")),
        "damaged-case",
    ),
    (
        "newer-schema-4000-digits",
        lambda: embed_case(BARE, document(schema_version=10**4000)),
        "newer",
    ),
    (
        "5000-broken-signals",
        lambda: embed_case(
            BARE,
            document(
                case_observations=[{"indicator": f"x{i}\x1b[2J", "status": 7} for i in range(5_000)]
            ),
        ),
        "damaged-case",
    ),
    (
        "control-characters-in-keys",
        lambda: embed_case(BARE, document(case_weighing={f"q{c}": "ja" for c in CONTROLS})),
        "damaged-case",
    ),
]


@pytest.fixture(scope="module")
def window() -> Iterator[Any]:
    from PySide6.QtWidgets import QApplication

    from signaal.ui.main_window import MainWindow

    _app = QApplication.instance() or QApplication([])
    set_language("nl")
    main = MainWindow(CATALOG)
    yield main
    main.session.reset()
    main.deleteLater()


@pytest.mark.parametrize(
    ("make", "kind"), [(make, kind) for _n, make, kind in HOSTILE], ids=[n for n, *_r in HOSTILE]
)
def test_a_hostile_referral_gives_a_clear_message(
    make: Callable[[], bytes], kind: str, window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "verwijzing.pdf"
    path.write_bytes(make())
    code, stdout, stderr = run_case_command(path)
    dutch = translator("nl")(OPEN_ERRORS[kind])
    assert dutch != OPEN_ERRORS[kind], "the headline has no Dutch translation"
    assert code == 2 and stdout == ""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert lines[0] == f"signaal-cli: {path}: {dutch}", lines[0]
    assert len(lines) <= MAX_PROBLEMS + 2 and len(stderr) < 8_000, stderr[-500:]
    assert not any(c in stderr for c in CONTROLS)

    marker = Case(role="gp", age=40, person={"initials": "Z.Z."})  # type: ignore[arg-type]
    window.session.case = marker.model_copy(deep=True)
    dialogs = Dialogs()
    with (
        mock.patch.object(QMessageBox, "warning", dialogs.warning),
        mock.patch.object(QMessageBox, "information", dialogs.warning),
        mock.patch.object(QMessageBox, "question", dialogs.question),
    ):
        assert not window.referral_output.open_file(path)
    assert dialogs.warnings == [f"{dutch}\n\nJe huidige casus is ongewijzigd."]
    assert window.session.case == marker


def test_the_real_referral_still_opens(tmp_path: Path) -> None:
    """The control: what the hostile files are made from opens, so the refusals are the edits."""
    for name, pdf in [
        ("real", REFERRAL),
        (
            "handmade",
            handmade_pdf(
                [(ATTACHMENT_NAME, SMALL_CASE, False), ("notes.txt", b"other file", False)]
            ),
        ),
    ]:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        code, stdout, stderr = run_case_command(path)
        assert code == 0, stderr
        assert json.loads(stdout)["role"] == "teacher"


def test_thousands_of_problems_in_an_embedded_case_print_as_twenty(tmp_path: Path) -> None:
    path = tmp_path / "verwijzing.pdf"
    observations = [{"indicator": f"x{i}", "status": 7} for i in range(5_000)]
    path.write_bytes(embed_case(BARE, document(case_observations=observations)))
    _code, _stdout, stderr = run_case_command(path)
    detail = stderr.splitlines()[1:]
    assert len(detail) == MAX_PROBLEMS + 1
    assert detail[-1].endswith("… and 4980 more problems")


def test_an_embedded_case_is_as_strict_as_a_case_file(tmp_path: Path) -> None:
    """The same field, refused with the same words, in a case file and in a referral."""
    from test_fuzz_cli import run_cli

    case_file = tmp_path / "casus.json"
    case_file.write_text(json.dumps({**DOCUMENT["case"], "age": "9"}))
    _code, _out, file_error = run_cli(["assess", str(case_file)])
    referral = tmp_path / "verwijzing.pdf"
    referral.write_bytes(embed_case(BARE, document(case_age="9")))
    _code, _out, referral_error = run_case_command(referral)
    assert "field 'age': Input should be a valid integer" in file_error
    assert f"{ATTACHMENT_NAME}: field 'age': Input should be a valid integer" in referral_error


def test_history_dates_still_read_from_a_real_referral() -> None:
    from signaal.report.case_document import open_referral

    opened = open_referral(REFERRAL, CATALOG)
    assert opened.carried.history.first_saved_on == dt.date(2026, 12, 4)
