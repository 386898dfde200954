"""The referral carries the case: embedded, read back, refused cleanly when it cannot be used."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from signaal.assessment import Case, assess
from signaal.assessment.carried import SCHEMA_VERSION, Carried, History
from signaal.assessment.case_file import read_case
from signaal.cli import main
from signaal.content import Catalog
from signaal.i18n import format_date
from signaal.report import render_referral
from signaal.report.case_document import (
    CaseDocumentError,
    case_document,
    open_referral,
    read_case_document,
    referral_with_case,
)
from signaal.report.embedded_case import (
    ATTACHMENT_NAME,
    MAX_REFERRAL_BYTES,
    EmbeddedCaseError,
    extract_case,
    read_referral_file,
)

CASES = sorted((Path(__file__).parents[1] / "cases").glob("*.json"))
TODAY = dt.date(2026, 12, 4)
# Keys whose string values are catalog ids, not text a reader sees.
ID_KEYS = {
    "format",
    "indicator",
    "role",
    "language",
    "age_band",
    "perpetrator_relation",
    "exception",
    "id",
    "acute_situation",
}


def _enum_keys() -> set[str]:
    """Every field of the case and the embedded document whose values are a fixed set (enums)."""
    from signaal.assessment.carried import CaseDocument

    keys: set[str] = set()

    def walk(node: object, key: str = "") -> None:
        if isinstance(node, dict):
            if key and ("enum" in node or "const" in node):
                keys.add(key)
            for name, value in node.items():
                walk(value, name if name not in ("anyOf", "items", "allOf") else key)
            for name, value in node.get("properties", {}).items():
                walk(value, name)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)

    for model in (Case, CaseDocument):
        walk(model.model_json_schema())
    return keys - {"additionalProperties"}


ID_KEYS |= _enum_keys()
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _page_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _texts(value: object, key: str = "") -> list[tuple[str, str]]:
    """Every (key, string) of a JSON value that is not an id or an enum value."""
    if isinstance(value, str):
        return [] if key in ID_KEYS or not value.strip() else [(key, value)]
    if isinstance(value, dict):
        if key == "weighing":  # question ids -> yes/no/unsure
            return []
        return [pair for k, item in value.items() for pair in _texts(item, k)]
    if isinstance(value, list):
        if key == "concerns":  # concern ids
            return []
        return [pair for item in value for pair in _texts(item, key)]
    return []


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_cli_report_then_case_gives_back_the_same_case(
    path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "referral.pdf"
    assert main(["report", str(path), "-o", str(output), "--deterministic"]) == 0
    capsys.readouterr()
    assert main(["case", str(output)]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = Case.model_validate(json.loads(path.read_text(encoding="utf-8")))
    assert printed == expected.model_dump(mode="json")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_embedded_json_holds_nothing_the_pages_do_not_show(path: Path, catalog: Catalog) -> None:
    case = read_case(path, catalog)
    pdf, _carried = referral_with_case(
        catalog, case, assess(catalog, case), case.language, Carried(), today=TODAY
    )
    document = json.loads(extract_case(pdf))
    pages = _squash(_page_text(pdf))
    texts = _texts(document)
    assert any(key == "facts" for key, _text in texts), "the test case has facts to compare"
    for key, text in texts:
        shown = {_squash(text)}
        if ISO_DATE.match(text):  # a date field prints as a reader writes it
            shown.add(_squash(format_date(dt.date.fromisoformat(text), case.language)))
        assert any(form in pages for form in shown), f"{key}: {text!r} is embedded, not printed"


def test_no_case_leaves_the_case_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "referral.pdf"
    assert main(["report", str(CASES[0]), "-o", str(output), "--no-case"]) == 0
    assert not PdfReader(output).attachments
    capsys.readouterr()
    assert main(["case", str(output)]) == 2
    error = capsys.readouterr().err
    assert "without the case" in error or "zonder de casus" in error
    assert "Traceback" not in error


def test_report_with_the_case_is_still_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    for output in (first, second):
        assert main(["report", str(CASES[0]), "-o", str(output), "--deterministic"]) == 0
    assert first.read_bytes() == second.read_bytes()
    reader = PdfReader(first)
    assert list(reader.attachments) == [ATTACHMENT_NAME]
    assert reader.metadata is not None and reader.metadata["/Producer"] == "Signaal"


def _saved(catalog: Catalog, path: Path = CASES[0]) -> tuple[Case, bytes]:
    case = read_case(path, catalog)
    pdf, _carried = referral_with_case(
        catalog, case, assess(catalog, case), "nl", Carried(), today=TODAY
    )
    return case, pdf


def test_a_saved_case_opens_as_it_was(catalog: Catalog) -> None:
    case, pdf = _saved(catalog)
    opened = open_referral(pdf, catalog)
    assert opened.case == case
    assert opened.carried.history == History(first_saved_on=TODAY)
    assert assess(catalog, opened.case) == assess(catalog, case)


def test_intake_answers_travel_in_the_case(catalog: Catalog) -> None:
    """Child or adult and "not sure" are answers of the case, saved and read like the rest."""
    case = Case(role="teacher", minor=True, concerns_not_sure=True, concerns=["child-sexual-abuse"])
    raw = case_document(catalog, case, Carried(), "nl")
    document = json.loads(raw)
    assert document["case"]["concerns_not_sure"] is True and document["case"]["minor"] is True
    assert document["screen"] == {"purpose_chosen": False}  # nothing kept beside the case
    assert read_case_document(raw, catalog).case == case


def test_a_referral_of_schema_version_1_still_opens(catalog: Catalog) -> None:
    """Version 1 kept "not sure" and child-or-adult beside the case, in `screen`."""
    case = Case(role="teacher", minor=True, concerns=["child-sexual-abuse"])
    document = json.loads(case_document(catalog, case, Carried(), "nl"))
    del document["case"]["concerns_not_sure"]
    document["schema_version"] = 1
    document["screen"] = {"concerns_not_sure": True, "person_kind": "child", "purpose_chosen": True}
    opened = read_case_document(json.dumps(document).encode(), catalog)
    assert opened.case.concerns_not_sure and opened.case.minor is True
    assert opened.carried.screen.purpose_chosen


@pytest.mark.parametrize(
    ("make", "kinds"),
    [
        (lambda pdf: b"just some text, not a PDF", {"not-pdf"}),
        (lambda pdf: b"", {"not-pdf"}),
        (lambda pdf: pdf[: len(pdf) // 2], {"damaged-pdf", "no-case", "not-signaal"}),
        (lambda pdf: pdf.replace(b"/EmbeddedFiles", b"/EmbeddedFilez"), {"no-case"}),
        (lambda pdf: b"%PDF-1.4\n" + bytes(range(256)) * 40, {"damaged-pdf", "not-signaal"}),
    ],
    ids=["text", "empty", "truncated", "no-attachment", "garbage-after-header"],
)
def test_broken_pdfs_are_refused_by_kind(catalog: Catalog, make, kinds: set[str]) -> None:
    _case, pdf = _saved(catalog)
    with pytest.raises(EmbeddedCaseError) as error:
        open_referral(make(pdf), catalog)
    assert error.value.kind in kinds


def test_a_pdf_from_elsewhere_is_not_signaal(catalog: Catalog) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    output = io.BytesIO()
    writer.write(output)
    with pytest.raises(EmbeddedCaseError) as error:
        open_referral(output.getvalue(), catalog)
    assert error.value.kind == "not-signaal"


def _document(catalog: Catalog) -> dict[str, object]:
    _case, pdf = _saved(catalog)
    return json.loads(extract_case(pdf))


@pytest.mark.parametrize(
    ("edit", "kind"),
    [
        (lambda d: d["case"]["observations"][0].update(status="maybe"), "damaged-case"),
        (lambda d: d["case"].update(age="many"), "damaged-case"),
        (lambda d: d["case"].update(role="astronaut"), "damaged-case"),
        (lambda d: d["case"]["observations"].append(d["case"]["observations"][0]), "damaged-case"),
        (lambda d: d.update(schema_version=SCHEMA_VERSION + 1, new_field=True), "newer"),
        (lambda d: d.pop("case"), "damaged-case"),
        (lambda d: d.update(format="something-else"), "damaged-case"),
        (lambda d: d.update(signals=[]), "damaged-case"),
    ],
    ids=["status", "age", "role", "duplicate", "newer", "no-case", "format", "no-texts"],
)
def test_hand_edited_cases_are_refused(catalog: Catalog, edit, kind: str) -> None:
    document = _document(catalog)
    edit(document)
    with pytest.raises(CaseDocumentError) as error:
        read_case_document(json.dumps(document).encode(), catalog)
    assert error.value.kind == kind


def test_truncated_case_json_is_refused(catalog: Catalog) -> None:
    raw = json.dumps(_document(catalog)).encode()
    with pytest.raises(CaseDocumentError) as error:
        read_case_document(raw[: len(raw) // 2], catalog)
    assert error.value.kind == "damaged-case"


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as file:
        file.truncate(100 * 1024 * 1024)  # sparse: 100 MB without writing them
    assert path.stat().st_size > MAX_REFERRAL_BYTES
    with pytest.raises(EmbeddedCaseError) as error:
        read_referral_file(path)
    assert error.value.kind == "too-large"


def test_cli_case_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for content in (b"not a pdf", b"%PDF-1.7\n%%EOF"):
        path = tmp_path / "x.pdf"
        path.write_bytes(content)
        assert main(["case", str(path)]) == 2
        error = capsys.readouterr().err
        assert error.startswith("signaal-cli: ") and "Traceback" not in error


def test_a_case_from_an_older_catalog_keeps_its_retired_signals(catalog: Catalog) -> None:
    document = _document(catalog)
    case = document["case"]
    assert isinstance(case, dict)
    first = case["observations"][0]
    first_id = first["indicator"]
    gone = {**first, "indicator": "signal-that-was-removed", "facts": "Seen at the gate."}
    case["observations"].append(gone)
    document["catalog_version"] = "2025.1"
    document["signals"] = [
        {**signal, "catalog_version": "2025.1"} for signal in document["signals"]
    ] + [{"id": "signal-that-was-removed", "text": "Old signal text", "catalog_version": "2025.1"}]
    opened = read_case_document(json.dumps(document).encode(), catalog)
    assert [r.text for r in opened.carried.retired] == ["Old signal text"]
    assert opened.carried.versions[first_id] == "2025.1"
    assert all(o.indicator != "signal-that-was-removed" for o in opened.case.observations)

    pdf = render_referral(
        catalog, opened.case, assess(catalog, opened.case), "en", carried=opened.carried
    )
    text = _page_text(pdf)
    assert "Old signal text" in text and "Seen at the gate." in text
    assert "nolongerinthecurrentcatalog" in _squash(text)
    assert "Recordedwithcatalogversion2025.1" in _squash(text)
    # Saved again, the retired signal is carried on, never dropped.
    again, _carried = referral_with_case(
        catalog,
        opened.case,
        assess(catalog, opened.case),
        "en",
        opened.carried,
        today=TODAY,
    )
    reopened = open_referral(again, catalog)
    assert [r.text for r in reopened.carried.retired] == ["Old signal text"]
    assert reopened.carried.versions == opened.carried.versions


def test_history_records_first_save_and_continuations(catalog: Catalog) -> None:
    _case, pdf = _saved(catalog)
    opened = open_referral(pdf, catalog)
    later = TODAY + dt.timedelta(days=9)
    again, carried = referral_with_case(
        catalog, opened.case, assess(catalog, opened.case), "en", opened.carried, today=later
    )
    assert carried.history == History(first_saved_on=TODAY, continued_on=[later])
    text = _squash(_page_text(again))
    assert _squash("Case first saved on 4 December 2026.") in text
    assert _squash("Continued on 13 December 2026.") in text
    assert open_referral(again, catalog).carried.history == carried.history
    # Saving twice on one day records the day once.
    assert carried.history.stamped(later) == carried.history


def test_a_signal_merged_since_opens_under_its_new_id(catalog: Catalog) -> None:
    """Not a retired signal: the catalog says which signal it became (`replaces`)."""
    old_id, new_id = next(iter(catalog.replaced_by.items()))
    document = _document(catalog)
    case = document["case"]
    assert isinstance(case, dict)
    case["observations"] = [{"indicator": old_id, "status": "seen", "facts": "Seen in May."}]
    document["catalog_version"] = "2025.1"
    document["signals"] = [{"id": old_id, "text": "Old wording", "catalog_version": "2025.1"}]
    opened = read_case_document(json.dumps(document).encode(), catalog)
    assert opened.carried.retired == []
    assert [o.indicator for o in opened.case.observations] == [new_id]
    assert opened.carried.versions == {new_id: "2025.1"}
