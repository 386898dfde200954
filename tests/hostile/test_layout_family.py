"""Every case the model accepts renders; text the page cannot lay out degrades visibly."""

from __future__ import annotations

import io
import json
import re
import string
from pathlib import Path

import pytest
from glitch import glitch_quote, issue_quote, minimised_case
from pdf_checks import qpdf_check
from pypdf import PdfReader
from test_fuzz_cli import run_cli

from signaal.assessment import assess
from signaal.assessment.case_file import parse_case
from signaal.report import render_referral
from signaal.report.fonts import MAX_MARKS, capped_marks

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimised-layout-case.json"


def page_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def render(catalog, data) -> bytes:
    case = parse_case(data, catalog)
    return render_referral(catalog, case, assess(catalog, case), "nl")


def test_the_minimised_case_of_the_issue_renders(tmp_path: Path) -> None:
    """The issue's minimised case, as `signaal-cli report` gets it from a file: a PDF that qpdf
    accepts, with the stacks of marks cut visibly.

    On reportlab 5.1.0 this case renders even without the cap and the fallback (the outside
    `LayoutError` did not reproduce here; docs/privacy.md says what was searched).
    """
    output = tmp_path / "verwijzing.pdf"
    code, _stdout, stderr = run_cli(["report", str(FIXTURE), "-o", str(output)])
    assert code == 0, stderr
    assert qpdf_check(output) is None
    quote = json.loads(FIXTURE.read_text())["observations"][0]["quote"]
    assert quote == issue_quote()
    # Ten runs of Z under 199 marks and ten of o under 99: four marks kept on each letter, the
    # rest counted (a stack cut where the quote is cut into pieces counts in two parts).
    text = "".join(page_text(output.read_bytes()).split())
    counts = [int(count) for count in re.findall(r"\[\u25cc×(\d+)\]", text)]
    assert len(counts) >= 20 and 2_850 <= sum(counts) <= 2_900, counts


@pytest.mark.parametrize("seed", range(12))
def test_the_generated_family_renders(catalog, seed: int, tmp_path: Path) -> None:
    """Glitch quotes between two words: the PDF passes qpdf and both words can be found."""
    quote = f"Begin{seed} {glitch_quote(seed)} Einde{seed}"
    output = tmp_path / "verwijzing.pdf"
    output.write_bytes(render(catalog, minimised_case(quote)))
    assert qpdf_check(output) is None
    words = page_text(output.read_bytes()).split()
    assert f"„Begin{seed}" in words and f"Einde{seed}”" in "".join(words)


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


def test_a_failed_render_says_so_in_one_clipped_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`signaal-cli report` never prints a traceback or the case text: one line with the file's
    name (clipped, control characters escaped) and the kind of error."""
    from reportlab.platypus.doctemplate import LayoutError

    from signaal.report import render as render_module

    quote = issue_quote()

    def refuse(*_args: object) -> bytes:
        # reportlab's own message quotes the start of the paragraph it could not place.
        raise LayoutError(f"Flowable <Paragraph>{quote[:500]} too large on page 5")

    monkeypatch.setattr(render_module, "_render", refuse)
    case_file = tmp_path / ("casus\x1b[2J" + "x" * 200 + ".json")
    case_file.write_text(json.dumps(minimised_case(quote)))
    code, stdout, stderr = run_cli(["report", str(case_file), "-o", str(tmp_path / "v.pdf")])
    assert code == 1 and stdout == ""
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert stderr.endswith("…: the referral could not be made (LayoutError)\n")
    assert "\x1b" not in stderr and "\\x1b" in stderr
    assert set(stderr) - set(string.printable) == {"…"}, "case text on stderr"
    assert not (tmp_path / "v.pdf").exists()
