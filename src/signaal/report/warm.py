"""Pay the first referral's fixed costs before the user asks for it.

Importing reportlab's layout engine, registering the embedded fonts and the first build of a
document (reportlab fills caches of glyph widths and subsets on first use) cost a few hundred
milliseconds once per process. The window calls `warm_up` on a helper thread once it is usable,
so the first preview or print costs about what every later one does. It builds a throwaway
document of fixed words in memory: nothing about a case is touched, nothing is written.
"""

from __future__ import annotations

import io

# Letters of the languages the referral is typed in, so their glyphs are measured once.
SAMPLE = "Signaal — Veilig Thuis, één café, Łódź, Nguyễn, 0800-2000 (24/7)."
# A letter with more combining marks than `fonts.MAX_MARKS`: what `printable` caps.
MARKED = "a" + "\u0301" * 6


def warm_up() -> None:
    """Import the PDF code, register the fonts and build one small document in memory."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

    from signaal.report import render  # noqa: F401 - imported for its side effect: loading
    from signaal.report.fonts import FACES, covered_code_points, printable, register_fonts

    register_fonts()
    covered_code_points()
    printable(MARKED)  # builds the character sets and the mark-stack pattern (~80 ms)
    styles = [ParagraphStyle(face, fontName=face, fontSize=10, leading=13) for face in FACES]
    story: list[Flowable] = [Paragraph(SAMPLE, style) for style in styles]
    story.append(Table([[Paragraph(SAMPLE, styles[0]), Paragraph(SAMPLE, styles[1])]]))
    SimpleDocTemplate(io.BytesIO(), pagesize=A4, invariant=1).build(story)
