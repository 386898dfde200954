"""Register the shipped DejaVu faces once, so every name prints and freezers find the files.

DejaVu Sans covers Latin with its diacritics, Vietnamese, Greek and Cyrillic. A character it
lacks (Arabic, CJK, emoji...) would print as an empty box, which a reader cannot tell from a
typo; `printable` replaces it with its visible code, e.g. ``[U+0645]``. Right-to-left letters
(Hebrew) get the same treatment even where the font has them: without a bidi layout they would
print reversed, which is worse than a visible code.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from signaal.resources import resource_path

FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (FAMILY, BOLD, ITALIC, BOLD_ITALIC)

# Line breaks and tabs are layout, not glyphs; every other control character is dropped.
_LAYOUT_CHARACTERS = {"\n": "\n", "\t": " ", "\r": ""}


@cache
def register_fonts() -> str:
    """Register the embedded TrueType family (once per process) and return its name."""
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


def printable(text: str) -> str:
    """`text` in composed form, with every character the font lacks shown as ``[U+XXXX]``."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() and text.isprintable():
        return text  # the common case: DejaVu covers all of printable ASCII
    covered = covered_code_points()
    parts: list[str] = []
    for character in text:
        if character in _LAYOUT_CHARACTERS:
            parts.append(_LAYOUT_CHARACTERS[character])
        elif unicodedata.category(character) == "Cc":
            continue
        elif (ord(character) in covered or character == " ") and not _right_to_left(character):
            parts.append(character)
        else:
            parts.append(f"[U+{ord(character):04X}]")
    return "".join(parts)


def _right_to_left(character: str) -> bool:
    """Hebrew, Arabic...: reportlab would lay these out left to right, i.e. reversed."""
    return unicodedata.bidirectional(character) in ("R", "AL")
