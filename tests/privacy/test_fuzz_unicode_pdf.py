"""Nothing lost in the PDF: any Unicode in any free-text field still builds a readable referral.

Hypothesis fills every free-text field of a case that the referral prints with arbitrary text
(right-to-left scripts, combining marks, emoji, control and format characters, private-use and
unassigned code points) and builds the PDF. Every character the embedded font can show must come
back out of text extraction (pypdf): in order for left-to-right text, as a multiset for
right-to-left runs (a shaping engine may reorder them). Characters the font lacks, control and
format characters and whitespace may be dropped or replaced. Both sides are compared under NFKC,
so that shaped presentation forms count as the letters they show. Lone surrogates cannot enter a
case at all (pydantic refuses them; Qt never produces them).
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

import privacy_fuzz
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import ValidationError
from pypdf import PdfReader

from signaal.assessment import Case, assess
from signaal.content import load_catalog
from signaal.report import render_referral
from signaal.report.fonts import capped_marks

CATALOG = load_catalog()
EXAMPLES = 100

# Every free-text field of a case, as a path into `Case.model_dump()`.
FREE_TEXT_FIELDS = [
    ("observations", 0, "facts"),
    ("observations", 0, "quote"),
    ("observations", 0, "observer"),
    ("observations", 0, "when"),
    ("meldcode_steps", "consultation", "with_whom"),
    ("meldcode_steps", "consultation", "vt_advice_summary"),
    ("meldcode_steps", "conversation", "with_whom"),
    ("meldcode_steps", "conversation", "reaction"),
    ("reporter", "name"),
    ("reporter", "organisation"),
    ("reporter", "phone"),
    ("person", "initials"),
    ("person", "name"),
    ("decision", "decision"),
    ("decision", "reasoning"),
    # What a receiver asks for (issue 16).
    ("observations", 1, "told_by", "third_party"),
    ("reporter", "job_title"),
    ("person", "address"),
    ("person", "school"),
    ("person", "school_class"),
    ("persons", 0, "relation"),
    ("persons", 0, "name"),
    ("persons", 0, "age"),
    ("persons", 0, "notes"),
    ("suspected_person", "name"),
    ("suspected_person", "age"),
    ("suspected_person", "description"),
    ("suspected_person", "vehicle"),
    ("suspected_person", "phone"),
    ("suspected_person", "social_media"),
    ("professionals_involved", 0, "function"),
    ("professionals_involved", 0, "name"),
    ("professionals_involved", 0, "organisation"),
    ("professionals_involved", 0, "contact"),
    ("professionals_involved", 0, "notes"),
    ("network", 0, "relation"),
    ("network", 0, "name"),
    ("network", 0, "contact"),
    ("network", 0, "notes"),
]
SHORT_FIELDS = {
    "observer",
    "when",
    "with_whom",
    "name",
    "organisation",
    "phone",
    "initials",
    "third_party",
    "job_title",
    "address",
    "school",
    "school_class",
    "relation",
    "age",
    "vehicle",
    "social_media",
    "function",
    "contact",
}
INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}


def font_characters() -> frozenset[int]:
    """What the report can print as itself (every face of the family has it)."""
    from signaal.report.fonts import covered_code_points

    return covered_code_points()


SHOWABLE = font_characters()


def base_case() -> dict[str, Any]:
    role = CATALOG.roles[0].id
    indicator, told = list(CATALOG.indicators_by_id)[:2]
    return {
        "role": role,
        "age": 15,
        "concerns": [c.id for c in CATALOG.concerns],
        "observations": [
            {"indicator": indicator, "status": "seen"},
            {"indicator": told, "status": "told", "told_by": {}},
        ],
        "persons": [{}],
        "professionals_involved": [{}],
        "network": [{}],
        "meldcode_steps": {
            "consultation": {"done": True},
            "conversation": {"done": True},
        },
    }


def with_texts(texts: dict[tuple[Any, ...], str]) -> Case:
    data = base_case()
    for path, text in texts.items():
        node: Any = data
        for part in path[:-1]:
            node = node.setdefault(part, {}) if isinstance(part, str) else node[part]
        node[path[-1]] = text
    return Case.model_validate(data)


def pdf_text(case: Case, language: str = "nl") -> str:
    pdf = render_referral(CATALOG, case, assess(CATALOG, case), language)
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def token(index: int, end: bool) -> str:
    letters = "".join(chr(ord("A") + int(d)) for d in f"{index:02d}")
    return f"QZX{'E' if end else 'S'}{letters}QZX"


def printed_fields() -> list[tuple[Any, ...]]:
    """The fields whose text the referral shows (probed with a unique token per field)."""
    texts = {
        path: f"{token(i, False)} probe {token(i, True)}" for i, path in enumerate(FREE_TEXT_FIELDS)
    }
    text = pdf_text(with_texts(texts))
    return [path for i, path in enumerate(FREE_TEXT_FIELDS) if token(i, False) in text]


PRINTED = printed_fields()


def test_every_free_text_field_reaches_the_referral() -> None:
    assert set(FREE_TEXT_FIELDS) - set(PRINTED) == set()


# A right-to-left run is drawn reversed, so its brackets are mirrored: "(" may print as ")".
UNMIRRORED = str.maketrans(")]}>»", "([{<«")


def comparable(text: str) -> str:
    """NFKC, without whitespace, control and format characters, brackets of one kind."""
    return "".join(
        char
        for char in unicodedata.normalize("NFKC", text).translate(UNMIRRORED)
        if not char.isspace() and unicodedata.category(char) not in {"Cc", "Cf"}
    )


def visible(text: str) -> str:
    """What a reader must find in the PDF for `text`: each character the font can show, and for
    one it lacks the report's documented fallback, its code point in brackets (`[U+0645]`).

    Characters beyond U+FFFF that the font has (Old Italic, mathematical letters) are printed,
    but reportlab 5.1 writes their ToUnicode entry as `<10300>` instead of a UTF-16 pair, so no
    extractor can read them back: a known gap, kept in view by
    `test_characters_beyond_the_basic_plane_come_back`.
    """
    kept: list[str] = []
    # Stacks of more than four combining marks print as four and a count: "[◌×N]".
    for char in capped_marks(unicodedata.normalize("NFC", text)):
        category = unicodedata.category(char)
        if category in INVISIBLE:
            continue
        if ord(char) not in SHOWABLE:
            kept.append(f"[U+{ord(char):04X}]")  # the documented fallback
        elif ord(char) <= 0xFFFF:
            kept.append(char)
    return comparable("".join(kept))


def is_subsequence(needle: str, haystack: str) -> bool:
    remaining: Iterator[str] = iter(haystack)
    return all(char in remaining for char in needle)


def segment(text: str, index: int) -> str:
    flat = comparable(text)
    start, end = flat.find(token(index, False)), flat.find(token(index, True))
    assert start >= 0 and end > start, f"field {FREE_TEXT_FIELDS[index]} vanished from the PDF"
    return flat[start + len(token(index, False)) : end]


def check_round_trip(texts: dict[tuple[Any, ...], str]) -> None:
    framed = {
        path: f"{token(FREE_TEXT_FIELDS.index(path), False)} {text} "
        f"{token(FREE_TEXT_FIELDS.index(path), True)}"
        for path, text in texts.items()
    }
    extracted = pdf_text(with_texts(framed))
    for path, text in texts.items():
        found = segment(extracted, FREE_TEXT_FIELDS.index(path))
        expected = visible(text)
        missing = Counter(expected) - Counter(found)
        assert not missing, f"{path}: lost {sorted(missing)[:20]!r}"
        # Order is only defined for strong left-to-right letters: neutral characters next to
        # right-to-left text move with it under the bidi algorithm.
        left_to_right = "".join(char for char in expected if unicodedata.bidirectional(char) == "L")
        letters = set(left_to_right)
        kept = "".join(char for char in found if char in letters)
        assert is_subsequence(left_to_right, kept), f"{path}: characters out of order"


# Any code point but a lone surrogate; long texts are the 100 000-character test's job.
field_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)


SAMPLES = {
    "rtl": "הוא אמר: שלום! ‏قال: مرحبا بكم في المدرسة",
    "combining": "Z̤͔ͧ̑a̶l̡go e\u0301 n\u0303 a\u030a\u0323",
    "emoji": "😀 👩🏽‍⚕️ 🇳🇱 🏳️‍🌈 ❤️",
    "controls": "a\x00b\x01c\x07d\x1b[31me\x7ff\u200bg\u200dh\u2028i\u2029j\ufeffk",
    "markup": "<b>bold</b> &amp; <font color=red>x</font> <para> ]]> %PDF-1.4 \\",
    "mixed": "Łukasz Żółć Øre ß ﬁ Ǆ Ⅻ ½ ² ℌ Ωμέγα Кирилл Tiếng Việt 中文 日本語 한국어 ꙮ",
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_samples_survive_in_every_printed_field(name: str) -> None:
    assert PRINTED, "the referral prints no free-text field at all"
    check_round_trip(dict.fromkeys(PRINTED, SAMPLES[name]))


@pytest.mark.parametrize("spaces", [True, False], ids=["words", "one-long-word"])
def test_a_hundred_thousand_characters_still_build(spaces: bool) -> None:
    unit = "Zij zei: ‘ik werk 14 uur’ — Łódź, שלום, 😀. " if spaces else "Łódźשלום😀abc"
    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    longest = max(PRINTED, key=lambda p: p[-1] not in SHORT_FIELDS)
    check_round_trip({longest: text})


@privacy_fuzz.budget(EXAMPLES)
@given(st.fixed_dictionaries(dict.fromkeys(PRINTED, field_text)))
@example(dict.fromkeys(PRINTED, ""))
def test_fuzz_unicode_in_every_free_text_field(texts: dict[tuple[Any, ...], str]) -> None:
    privacy_fuzz.RAN["unicode"] += 1
    check_round_trip(texts)


def test_fuzz_unicode_ran_enough_examples() -> None:
    ran = privacy_fuzz.RAN["unicode"]
    print(f"\nunicode PDFs built: {ran}; printed fields: {len(PRINTED)} of {len(FREE_TEXT_FIELDS)}")
    if ran:
        assert ran >= privacy_fuzz.minimum(EXAMPLES)


@pytest.mark.xfail(
    strict=True,
    reason="reportlab 5.1 writes an invalid ToUnicode entry for code points above U+FFFF",
)
def test_characters_beyond_the_basic_plane_come_back() -> None:
    path = PRINTED[0]
    index = FREE_TEXT_FIELDS.index(path)
    assert {0x10300, 0x1D400} <= SHOWABLE
    case = with_texts({path: f"{token(index, False)} \U00010300 \U0001d400 {token(index, True)}"})
    assert segment(pdf_text(case), index) == comparable("\U00010300\U0001d400")


@pytest.mark.parametrize("surrogate", ["\ud800", "a\udfffb"])
def test_lone_surrogates_cannot_enter_a_case(surrogate: str) -> None:
    with pytest.raises(ValidationError):
        with_texts({FREE_TEXT_FIELDS[0]: surrogate})
