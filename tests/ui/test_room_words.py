"""Wording faults from issue 17 stay fixed, in the catalogs, the content and the PDF."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from signaal.assessment import assess
from signaal.assessment.case_file import read_case
from signaal.content import Catalog
from signaal.report import render_referral

ROOT = Path(__file__).resolve().parents[2]
FAULTS = {
    r"ge-appt": "geappt",
    r"jeugdprostitutie": "seksuele uitbuiting van minderjarigen",
    r"\bzijn bankrekening": "de eigen bankrekening",
    r"van de Veilig Thuis": "van Veilig Thuis",
    r"\bdader": "pleger, as in the PDF",
    r"\bWeet niet\b": "Weet ik niet",
    r"\been derde\b": "iemand anders",
    r"één signaal is geen signaal": "a professional phrasing",
    r"\b[Uu]\b(?! ?[0-9])|\b[Uu]w\b": "je, never u",
}


def dutch_texts() -> list[tuple[str, str]]:
    texts = []
    for po in (ROOT / "translations" / "nl" / "LC_MESSAGES").glob("*.po"):
        for match in re.finditer(r'^msgstr ((?:".*"\n?)+)', po.read_text(), re.MULTILINE):
            text = "".join(re.findall(r'"(.*)"', match.group(1)))
            texts.append((po.name, text))
    for toml in (ROOT / "resources" / "content").rglob("*.toml"):
        for match in re.finditer(r'nl = "((?:[^"\\]|\\.)*)"', toml.read_text()):
            texts.append((toml.name, match.group(1)))
    for guide in (ROOT / "resources" / "guide").glob("nl.md"):
        texts.append((guide.name, guide.read_text()))
    return texts


@pytest.mark.parametrize("pattern", list(FAULTS))
def test_no_wording_fault(pattern: str) -> None:
    found = [f"{where}: {text[:90]}" for where, text in dutch_texts() if re.search(pattern, text)]
    assert found == [], f"use {FAULTS[pattern]!r}"


def test_one_contact_is_instantie_not_instanties(catalog: Catalog) -> None:
    seen_single = False
    for path in sorted((ROOT / "tests" / "cases").glob("*.json")):
        case = read_case(path, catalog)
        case.language = "nl"
        pdf = render_referral(catalog, case, assess(catalog, case), "nl")
        text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
        text = " ".join(text.split())
        assert re.search(r"\(instanties \d+\)", text) is None, path.name
        seen_single |= re.search(r"\(instantie \d+\)", text) is not None
    assert seen_single
