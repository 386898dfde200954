"""Every case the model accepts renders; text the page cannot lay out degrades visibly."""

from __future__ import annotations

import io

import pytest
from glitch import glitch_quote, minimised_case
from pypdf import PdfReader

from signaal.assessment import assess
from signaal.assessment.case_file import parse_case
from signaal.report import render_referral
from signaal.report.fonts import MAX_MARKS, capped_marks, printable


def page_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def render(catalog, data) -> bytes:
    case = parse_case(data, catalog)
    return render_referral(catalog, case, assess(catalog, case), "nl")


def test_the_minimised_case_renders_with_its_marks_capped(catalog) -> None:
    quote = "Z" + "\u0336\u0353\u0489" * 100 + glitch_quote(0)
    pdf = render(catalog, minimised_case(quote))
    text = page_text(pdf)
    assert "[\u25cc×" in text
    assert "[U+E000]" in printable("\ue000")


@pytest.mark.parametrize("seed", range(12))
def test_the_generated_family_renders(catalog, seed: int) -> None:
    pdf = render(catalog, minimised_case(glitch_quote(seed)))
    assert pdf.startswith(b"%PDF-") and len(PdfReader(io.BytesIO(pdf)).pages) >= 2


def test_the_rest_of_the_document_is_unchanged(catalog) -> None:
    plain = page_text(render(catalog, minimised_case("gewoon citaat")))
    glitched = page_text(render(catalog, minimised_case(glitch_quote(3))))
    # Every line of the plain referral but the quote itself and the page numbers is there.
    kept = [
        line
        for line in plain.splitlines()
        if "gewoon citaat" not in line and "pagina" not in line and line.strip()
    ]
    missing = [line for line in kept if line not in glitched]
    assert missing == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("e\u0301", "e\u0301"),  # one mark: unchanged
        ("a" + "\u0301" * MAX_MARKS, "a" + "\u0301" * MAX_MARKS),
        ("a" + "\u0301" * (MAX_MARKS + 3), "a" + "\u0301" * MAX_MARKS + "[\u25cc×3]"),
        ("Vi\u1ec7t Nam", "Vi\u1ec7t Nam"),
        ("\u05e9\u05c1\u05b8\u0591", "\u05e9\u05c1\u05b8\u0591"),  # pointed Hebrew, three marks
    ],
)
def test_stacks_of_marks_are_capped_with_a_visible_count(text: str, expected: str) -> None:
    assert capped_marks(text) == expected
