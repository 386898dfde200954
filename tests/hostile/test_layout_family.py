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


def test_a_paragraph_reportlab_cannot_split_falls_back_to_short_pieces(
    catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should reportlab refuse to split a paragraph taller than a page (the outside LayoutError),
    the referral is made again from short pieces, and every character is still printed."""
    from reportlab.platypus.doctemplate import LayoutError

    from signaal.report import text as report_text

    real_split = report_text.Paragraph.split
    refused: list[int] = []

    def unsplittable(self, width: float, height: float):  # type: ignore[no-untyped-def]
        if len(self.getPlainText()) > 3_000:
            refused.append(1)
            return []
        return real_split(self, width, height)

    monkeypatch.setattr(report_text.Paragraph, "split", unsplittable)
    # Private-use characters print as [U+F00xx]: a 1,500-character piece fills three pages.
    quote = " ".join(
        "".join(chr(0xF0000 + (word * 7 + j) % 64) for j in range(10)) for word in range(300)
    )
    with monkeypatch.context() as once:  # without the fallback this is the LayoutError
        once.setattr(report_text, "FALLBACK_PIECE_LENGTH", report_text.PIECE_LENGTH)
        with pytest.raises(LayoutError):
            render(catalog, minimised_case(quote))
    pdf = render(catalog, minimised_case(quote))
    assert refused, "the first render hit the unsplittable paragraph"
    # A long word may break anywhere; one cut by a page break has the page's header inside it.
    printed = "".join(page_text(pdf).split())
    assert 2_980 <= printed.count("[U+F00") <= 3_000
    assert report_text.piece_length.get() == report_text.PIECE_LENGTH
