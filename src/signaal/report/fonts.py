"""Register the shipped DejaVu faces once, so every name prints and freezers find the files.

DejaVu Sans covers Latin with its diacritics, Vietnamese, Greek and Cyrillic. A character it
lacks (Arabic, CJK, emoji...) would print as an empty box, which a reader cannot tell from a
typo; `printable` replaces it with its visible code, e.g. ``[U+0645]``. Right-to-left runs
(Hebrew, which the font has) are reordered for reportlab's left-to-right lines.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from functools import cache

from signaal.resources import resource_path

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (FAMILY, BOLD, ITALIC, BOLD_ITALIC)

# The fonts may be registered ahead of time on a helper thread (`signaal.report.warm`) while the
# window renders a referral: registration happens once, under this lock.
_REGISTERING = threading.Lock()

# Line breaks and tabs are layout, not glyphs; every other control character is dropped.
_LAYOUT_CHARACTERS = {"\n": "\n", "\t": " ", "\r": ""}


def register_fonts() -> str:
    """Register the embedded TrueType family (once per process) and return its name.

    Also sets reportlab's process-wide defaults the referral relies on (drawing font, streams).
    """
    with _REGISTERING:
        return _register_fonts()


@cache
def _register_fonts() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for name in FACES:
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", f"{name}.ttf"))))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    # reportlab graphics start every drawing in Helvetica, which would leave an unembedded
    # font in the PDF; in Signaal, drawings start in the embedded family instead.
    from reportlab import rl_config

    rl_config.defaultGraphicsFontName = FAMILY
    # Compressed streams are written as binary, not also as ASCII85 text: the file is smaller,
    # and reportlab's pure-Python ASCII85 encoder took a good part of the time to write it.
    rl_config.useA85 = 0
    return FAMILY


@cache
def covered_code_points() -> frozenset[int]:
    """Code points every face of the family can draw (a bold name must print as well)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    register_fonts()
    faces = [font.face for name in FACES if isinstance(font := pdfmetrics.getFont(name), TTFont)]
    common = set(faces[0].charToGlyph)
    for face in faces[1:]:
        common &= set(face.charToGlyph)
    return frozenset(common)


@cache
def _unchanged_characters() -> frozenset[str]:
    """Characters `printable` keeps as they are: drawn by the font, left to right, line breaks."""
    return frozenset(
        character
        for character in map(chr, covered_code_points())
        if unicodedata.category(character) != "Cc" and not _right_to_left(character)
    ) | {" ", "\n"}


@cache
def _unmarked_characters() -> frozenset[str]:
    """`_unchanged_characters` but the combining marks: text of these needs no mark capped."""
    return frozenset(
        character
        for character in _unchanged_characters()
        if unicodedata.category(character) not in ("Mn", "Me")
    )


# Real writing stacks at most three or four marks on a letter (Vietnamese two, pointed Hebrew
# three); pasted "glitch text" stacks hundreds, which no page can lay out or a reader can use.
MAX_MARKS = 4


@cache
def _mark_stack() -> re.Pattern[str]:
    """More than `MAX_MARKS` combining marks in a row (every code point of category Mn or Me)."""
    marks = "".join(
        re.escape(chr(code))
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Mn", "Me")
    )
    return re.compile(f"[{marks}]{{{MAX_MARKS + 1},}}")


def capped_marks(text: str) -> str:
    """`text` with every stack of combining marks cut to `MAX_MARKS`, visibly: ``[◌×57]``.

    The marker says how many marks were left out, so the text degrades where anyone can see it
    and the rest of the document is unchanged.
    """
    if text.isascii():
        return text
    return _mark_stack().sub(
        lambda stack: f"{stack.group()[:MAX_MARKS]}[\u25cc×{len(stack.group()) - MAX_MARKS}]",
        text,
    )


def printable(text: str) -> str:
    """`text` in composed form, ready to draw left to right.

    Every character the font lacks is shown as ``[U+XXXX]``; right-to-left runs (Hebrew) are put
    in visual order, since reportlab draws every line left to right; stacks of combining marks
    are capped (`capped_marks`).
    """
    text = unicodedata.normalize("NFC", text)
    if text.isascii() and text.isprintable():
        return text  # the common case: DejaVu covers all of printable ASCII
    if _unmarked_characters().issuperset(text):
        return text  # Dutch, Polish, Greek... with line breaks: nothing to replace or reorder
    text = capped_marks(text)
    if _unchanged_characters().issuperset(text):
        return text
    return replaced(text)


def replaced(text: str) -> str:
    """`printable` character by character: layout characters, fallbacks, visual order."""
    covered = covered_code_points()
    parts: list[str] = []
    for character in text:
        if character in _LAYOUT_CHARACTERS:
            parts.append(_LAYOUT_CHARACTERS[character])
        elif unicodedata.category(character) == "Cc":
            continue
        elif ord(character) in covered or character == " ":
            parts.append(character)
        else:
            parts.append(f"[U+{ord(character):04X}]")
    return "\n".join(visual_order(line) for line in "".join(parts).split("\n"))


_MIRRORED = dict(zip("()[]{}<>«»", ")(][}{><»«", strict=True))


def visual_order(line: str) -> str:
    """A left-to-right line with each right-to-left run reversed (a simple bidi reordering).

    A run starts and ends at a right-to-left letter and takes in the neutral characters and
    numbers between; numbers keep their own order, marks stay on their letter, brackets mirror.
    Enough for names and short phrases in an otherwise Dutch or English document.
    """
    if not any(_right_to_left(c) for c in line):
        return line
    units = _units(line)
    result: list[str] = []
    index = 0
    while index < len(units):
        if not _right_to_left(units[index][0]):
            result.append(units[index])
            index += 1
            continue
        end = _run_end(units, index)
        run = units[index : end + 1]
        result.extend(
            "".join(_MIRRORED.get(c, c) for c in unit) if len(unit) == 1 else unit
            for unit in reversed(run)
        )
        index = end + 1
    return "".join(result)


_OPENING = {"(": ")", "[": "]", "{": "}", "<": ">", "«": "»"}


def _run_end(units: list[str], start: int) -> int:
    """The last unit of the right-to-left run that starts at `start`.

    The run ends at its last right-to-left letter before a left-to-right one, or at a closing
    bracket whose opening bracket is in the run and which encloses a right-to-left letter: the
    brackets of "דוד (דודי)" belong to the Hebrew (Unicode's bracket pair rule, N0).
    """
    end = start
    # Opening brackets seen in the run, with whether a right-to-left letter came after them.
    opened: list[tuple[str, bool]] = []
    for probe in range(start, len(units)):
        unit = units[probe]
        kind = unicodedata.bidirectional(unit[0])
        if kind == "L":
            break
        if kind in ("R", "AL"):
            end = probe
            opened = [(bracket, True) for bracket, _ in opened]
        elif unit in _OPENING:
            opened.append((unit, False))
        elif opened and unit == _OPENING[opened[-1][0]]:
            _bracket, encloses_right_to_left = opened.pop()
            if encloses_right_to_left:
                end = probe
    return end


def _units(line: str) -> list[str]:
    """Characters with their combining marks, and numbers, as units that are never split."""
    units: list[str] = []
    for character in line:
        kind = unicodedata.bidirectional(character)
        if units and (
            kind == "NSM"
            or (kind in ("EN", "AN") and unicodedata.bidirectional(units[-1][-1]) in ("EN", "AN"))
        ):
            units[-1] += character
        else:
            units.append(character)
    return units


def _right_to_left(character: str) -> bool:
    """Hebrew, Arabic...: letters written right to left."""
    return unicodedata.bidirectional(character) in ("R", "AL")
