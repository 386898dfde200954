"""The referral as files and pixels: CLI bytes, rendered pages, catalog translations, contacts."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from PIL import Image
from pypdf import PdfReader
from report_cases import body_text, case_for, flat, pdf_pages

import signaal
from signaal.assessment import assess
from signaal.assessment.carried import Carried
from signaal.assessment.result import Referral
from signaal.content import Catalog
from signaal.content.loader import validator
from signaal.content.models import Text
from signaal.i18n import translator
from signaal.report import render_referral
from signaal.report.case_document import referral_with_case

SOURCE = Path(signaal.__file__).parent


def run_report_cli(
    case_file: Path, output: Path, *options: str
) -> subprocess.CompletedProcess[str]:
    """`signaal-cli report` in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "signaal.cli",
            "report",
            str(case_file),
            "-o",
            str(output),
            *options,
        ],
        capture_output=True,
        text=True,
        check=False,
    )


def test_cli_renders_the_same_bytes(catalog: Catalog, tmp_path: Path) -> None:
    case = case_for(catalog, "teacher", 14, count=5)
    case_file = tmp_path / "case.json"
    case_file.write_text(case.model_dump_json(), encoding="utf-8")
    output = tmp_path / "out.pdf"
    done = run_report_cli(case_file, output, "--lang", "en", "--deterministic")
    assert done.returncode == 0, done.stderr
    # As the app saves it: the case embedded, saved "today" (the catalog's date here).
    expected, _carried = referral_with_case(
        catalog,
        case,
        assess(catalog, case),
        "en",
        Carried(),
        today=catalog.info.date,
        deterministic=True,
    )
    assert output.read_bytes() == expected
    done = run_report_cli(case_file, output, "--lang", "en", "--deterministic", "--no-case")
    assert done.returncode == 0, done.stderr
    bare = render_referral(catalog, case, assess(catalog, case), "en", deterministic=True)
    assert output.read_bytes() == bare


def test_cli_reports_an_unwritable_output(catalog: Catalog, tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(case_for(catalog, "teacher", 14, count=1).model_dump_json())
    done = run_report_cli(case_file, tmp_path / "missing" / "out.pdf")
    assert done.returncode != 0
    assert "cannot write the PDF" in done.stderr


def test_every_page_has_visible_content(catalog: Catalog, tmp_path: Path) -> None:
    """Each page rendered by poppler shows ink in the body, not only in the page frame."""
    case = case_for(catalog, "teacher", 34, count=40)
    pdf = tmp_path / "referral.pdf"
    pdf.write_bytes(render_referral(catalog, case, assess(catalog, case), "nl"))
    subprocess.run(
        ["pdftoppm", "-r", "30", "-gray", "-png", str(pdf), str(tmp_path / "p")], check=True
    )
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == len(PdfReader(pdf).pages) >= 3
    for image_path in images:
        with Image.open(image_path) as image:
            width, height = image.size
            body = image.crop((0, height // 8, width, height * 7 // 8))
            # Any ink counts: the last page may hold only small grey source lines.
            ink = sum(body.convert("L").histogram()[:200])
        assert ink > 300, f"{image_path.name} looks blank ({ink} inked pixels)"


@pytest.mark.parametrize("verification", ["unverified", "conflict", "secondary"])
def test_uncertain_number_carries_one_calm_line(catalog: Catalog, verification: str) -> None:
    """The doubt is one calm line with the check date; the editors' reasons are never printed."""
    contact = next(c for c in catalog.contacts if c.shows_check)  # 112 has no check line
    changed = validator(Catalog).dump_python(catalog)
    for item in changed["contacts"]:
        if item["id"] == contact.id:
            item["verification"] = verification
            item["editor_note"] = "Two sources give different hours."
    uncertain = validator(Catalog).validate_python(changed)
    case = case_for(uncertain, "teacher", 14, count=1)
    reason = Text(nl="Reden om te bellen.", en="Reason to call.")
    assessment = assess(uncertain, case).model_copy(
        update={"referrals": [Referral(contact=contact.id, urgency="soon", reason=reason)]}
    )
    pages = pdf_pages(render_referral(uncertain, case, assessment, "en"))
    text = flat(body_text(pages, "en"))
    assert flat(contact.name.en) in text
    assert flat("Number not confirmed: check it before you use it. Checked on") in text
    assert flat("Two sources give different hours.") not in text
    assert flat("Reason to call.") in text


def test_verified_number_has_no_warning(catalog: Catalog) -> None:
    verified = next(c for c in catalog.contacts if c.verification == "verified" and c.shows_check)
    case = case_for(catalog, "teacher", 14, count=1)
    reason = Text(nl="Reden om te bellen.", en="Reason to call.")
    assessment = assess(catalog, case).model_copy(
        update={"referrals": [Referral(contact=verified.id, urgency="immediate", reason=reason)]}
    )
    text = flat("".join(pdf_pages(render_referral(catalog, case, assessment, "en"))))
    assert flat("check it before you use it") not in text
    assert flat("Checked on") in text
    assert flat(verified.phone or "") in text
    assert flat("Immediately") in text


def test_every_report_string_has_a_dutch_translation() -> None:
    dutch = translator("nl")
    folders = [SOURCE / "report"]
    messages = {
        message
        for folder in folders
        for _file, _line, message, _comments, _context in extract_from_dir(
            folder, keywords={"_": None, "N_": None}
        )
        if isinstance(message, str)
    }
    ui_files = ("pdf_preview.py", "printing.py", "saving.py")
    messages |= {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            SOURCE / "ui", keywords={"_": None, "N_": None}
        )
        if isinstance(message, str) and _file in ui_files
    }
    assert len(messages) > 100
    untranslated = sorted(m for m in messages if dutch(m) == m and m not in {"Signaal"})
    assert untranslated == []


def test_metadata_title_is_generic(catalog: Catalog) -> None:
    case = case_for(catalog, "teacher", 14, count=1)
    info = PdfReader(io.BytesIO(render_referral(catalog, case, assess(catalog, case), "en")))
    assert info.metadata is not None
    assert info.metadata.title == "Signaal referral"
    assert info.metadata.subject == "Confidential referral document"


SHARED_CASES_DIR = Path(__file__).parent.parent / "cases"
SHARED_CASES = sorted(SHARED_CASES_DIR.glob("*.json"))


@pytest.mark.parametrize("case_path", SHARED_CASES, ids=[p.stem for p in SHARED_CASES])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_shared_example_cases_print_completely(
    catalog: Catalog, case_path: Path, language: str
) -> None:
    """The project's example cases: every counted signal, its facts and quotes are printed."""
    from signaal.assessment.case_file import read_case

    case = read_case(case_path, catalog)
    pages = pdf_pages(render_referral(catalog, case, assess(catalog, case), language))
    text = flat(body_text(pages, language))
    for observation in case.observations:
        indicator = flat(catalog.indicator(observation.indicator).text.get(language))
        if observation.counts:
            assert indicator in text
            assert flat(observation.facts) in text
            assert flat(observation.quote) in text
        elif observation.facts:  # notes on a signal not seen print apart, after the others
            heading = flat(translator(language)("Looked at, not seen (with notes)"))
            assert text.index(flat(observation.facts)) > text.index(heading)


def test_every_font_is_embedded(catalog: Catalog, tmp_path: Path) -> None:
    """Tables and charts must not fall back to reportlab's unembedded Helvetica."""
    case = case_for(catalog, "gp", 34, count=12)
    assessment = assess(catalog, case)
    assert any(any(d.indicators for d in r.dimensions.values()) for r in assessment.trafficking)
    pdf = tmp_path / "referral.pdf"
    pdf.write_bytes(render_referral(catalog, case, assessment, "nl"))
    listing = subprocess.run(
        ["pdffonts", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        assert "DejaVuSans" in line and " yes yes yes " in line, line


@pytest.mark.parametrize("language", ["nl", "en"])
def test_chart_legend_names_weights_as_the_counts_do(catalog: Catalog, language: str) -> None:
    """The legend under the ILO chart, the counts beside it and the assessment's explanations
    call a weight by the same word (once the legend said "middel" and the counts "gemiddeld")."""
    from signaal.assessment.texts import weight_count

    _ = translator(language)
    words = [_("strong"), _("medium"), _("weak")]
    counts = _("{strong} strong, {medium} medium, {weak} weak").format(strong=1, medium=2, weak=3)
    assert counts == f"1 {words[0]}, 2 {words[1]}, 3 {words[2]}"
    for number, (weight, word) in enumerate(
        zip(("strong", "medium", "weak"), words, strict=True), start=1
    ):
        assert weight_count(number, weight).get(language) == f"{number} {word}"
    case = case_for(catalog, "gp", 34)
    text = flat(
        body_text(
            pdf_pages(render_referral(catalog, case, assess(catalog, case), language)), language
        )
    )
    # The legend stands right above the chart's header row.
    assert flat("".join(words) + _("Dimension")) in text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_derived_weights_and_unconfirmed_rules_are_printed_as_such(
    catalog: Catalog, language: str
) -> None:
    """Issue 15: the PDF says, in the same words as the screen, that the sexual-exploitation
    weights are derived, that the profile is provisional and that the rule is unconfirmed;
    the editors' notes (the ILO search, the WCMS numbers) are never printed."""
    from signaal.assessment.case_file import read_case
    from signaal.content.notices import RULE_UNCONFIRMED, WEIGHTS_DERIVED

    case = read_case(SHARED_CASES_DIR / "vt-adult-sexual-exploitation-acute.json", catalog)
    assessment = assess(catalog, case)
    assert any(r.provisional for r in assessment.trafficking)
    text = flat(
        body_text(pdf_pages(render_referral(catalog, case, assessment, language)), language)
    )
    _ = translator(language)
    assert flat(_(WEIGHTS_DERIVED)) in text
    assert flat(_(RULE_UNCONFIRMED)) in text
    assert flat(_("provisional")) in text
    assert flat("Vóór een release") not in text
    # The editors' notes on the same lists and rules are not printed (the WCMS numbers only
    # appear in the sources list, as addresses).
    for note in (catalog.delphi_rule.editor_note, catalog.contact("veilig-thuis").editor_note):
        assert note and flat(note[:60]) not in text
