"""Whatever a user types or pastes, the referral renders and keeps the visible characters."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_cases import body_text, case_for, flat, pdf_pages

from signaal.assessment import assess
from signaal.content import Catalog
from signaal.report import render_referral
from signaal.report.fonts import printable, replaced

ANY_TEXT = st.text(max_size=400)
LATIN = st.text(
    alphabet=st.characters(
        min_codepoint=0x21, max_codepoint=0x17F, categories=("L", "N", "P", "S")
    ),
    min_size=1,
    max_size=60,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=ANY_TEXT, facts=ANY_TEXT, quote=ANY_TEXT)
def test_any_text_renders(catalog: Catalog, name: str, facts: str, quote: str) -> None:
    case = case_for(catalog, "teacher", 14, count=1)
    case.person.name = name
    case.observations[0].facts = facts
    case.observations[0].quote = quote
    pdf = render_referral(catalog, case, assess(catalog, case), "en")
    assert pdf.startswith(b"%PDF")


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(facts=LATIN)
def test_printable_text_survives(catalog: Catalog, facts: str) -> None:
    case = case_for(catalog, "teacher", 14, count=1)
    case.observations[0].facts = facts
    text = flat(
        body_text(pdf_pages(render_referral(catalog, case, assess(catalog, case), "en")), "en")
    )
    assert flat(printable(facts)) in text


def test_fallback_is_only_for_missing_glyphs() -> None:
    assert printable("Łukasz Wiśniewski, Şükrü, Ελένη, Юлия, Nguyễn") == (
        "Łukasz Wiśniewski, Şükrü, Ελένη, Юлия, Nguyễn"
    )
    assert re.fullmatch(r"(\[U\+[0-9A-F]{4,6}\])+", printable("王芳"))
    assert printable("a\x00b\tc\r\nd") == "ab c\nd"
    # Decomposed input (e + combining circumflex + dot below) prints composed.
    assert printable("Nguye\u0302\u0303n") == "Nguyễn"


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        st.one_of(
            st.sampled_from("aé ëŁ€„”\n\t\rשב2(ك王\x00\u0301"),
            st.characters(exclude_categories=["Cs"]),
        ),
        max_size=40,
    )
)
def test_fast_paths_agree_with_the_slow_one(text: str) -> None:
    """`printable` returns most text unchanged without walking it; the result must be the same."""
    assert printable(text) == replaced(unicodedata.normalize("NFC", text))


def test_printable_ascii_needs_no_fallback() -> None:
    """`printable` skips the glyph check for printable ASCII: the font must cover all of it."""
    from signaal.report.fonts import covered_code_points

    assert set(range(0x20, 0x7F)) <= covered_code_points()


def test_right_to_left_runs_are_drawn_in_visual_order() -> None:
    """reportlab draws lines left to right: a Hebrew run is reversed so it reads correctly."""
    assert printable("שלום, Anna") == "םולש, Anna"
    assert printable("Anna שלום עולם (12) x") == "Anna םלוע םולש (12) x"
    # Numbers inside a run keep their order, brackets mirror, marks stay on their letter.
    assert printable("בית 12 א") == "א 12 תיב"
    assert printable("א (ב) ג") == "ג (ב) א"
    assert printable("בְג") == "גבְ"


def test_brackets_around_hebrew_belong_to_the_hebrew_run() -> None:
    """A nickname in brackets after a Hebrew name reads as it does right to left (issue 22)."""
    assert printable("דוד (דודי)") == "(ידוד) דוד"
    assert printable("Naam: דוד (דודי), 12 jaar") == "Naam: (ידוד) דוד, 12 jaar"
    assert printable("א (ב (ג)) ד") == "ד ((ג) ב) א"
    # Brackets around Latin text or opened before the Hebrew stay left to right.
    assert printable("דוד (David)") == "דוד (David)"
    assert printable("x [שלום] y") == "x [םולש] y"
