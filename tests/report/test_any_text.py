"""Whatever a user types or pastes, the referral renders and keeps the visible characters."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from report_cases import body_text, case_for, flat, pdf_pages

from signaal.assessment import assess
from signaal.content import Catalog
from signaal.report import render_referral
from signaal.report.fonts import printable

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


def test_printable_ascii_needs_no_fallback() -> None:
    """`printable` skips the glyph check for printable ASCII: the font must cover all of it."""
    from signaal.report.fonts import covered_code_points

    assert set(range(0x20, 0x7F)) <= covered_code_points()


def test_right_to_left_letters_print_as_codes() -> None:
    """Hebrew is in the font but would print reversed: it gets the visible codes instead."""
    assert printable("שלום, Anna") == "[U+05E9][U+05DC][U+05D5][U+05DD], Anna"


def test_long_text_is_cut_after_sentences_and_loses_nothing() -> None:
    from signaal.report.text import pieces

    text = "Eerste zin is hier. " * 300 + "\n\nNieuwe alinea."
    parts = pieces(text, limit=1000)
    assert all(len(part) <= 1000 for part, _continues in parts)
    assert all(part.endswith(".") for part, _continues in parts)
    assert [continues for _part, continues in parts][-2:] == [False, False]
    assert "".join(part for part, _c in parts).replace(" ", "") == text.replace(" ", "").replace(
        "\n", ""
    )
    endless = pieces("x" * 2500, limit=1000)
    assert [len(part) for part, _c in endless] == [1000, 1000, 500]
