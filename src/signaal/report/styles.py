"""The one stylesheet of the referral: plain black on white, so it reads well in black and white."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle

from signaal.report.fonts import BOLD, ITALIC, register_fonts

GREY = colors.Color(0.35, 0.35, 0.35)
LIGHT_GREY = colors.Color(0.85, 0.85, 0.85)
RULE_GREY = colors.Color(0.6, 0.6, 0.6)


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the layout functions use; nothing else defines a style."""

    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    title: ParagraphStyle
    section: ParagraphStyle
    subsection: ParagraphStyle
    item: ParagraphStyle
    detail: ParagraphStyle
    quote: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_italic: ParagraphStyle
    closing: ParagraphStyle


@cache
def stylesheet() -> Styles:
    """The styles on the embedded DejaVu family (registered on first use); built once, never
    changed afterwards."""
    family = register_fonts()
    body = ParagraphStyle("body", fontName=family, fontSize=9.5, leading=12.5, spaceAfter=3)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, textColor=GREY)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    return Styles(
        body=body,
        small=small,
        label=ParagraphStyle("label", parent=body, fontName=BOLD, spaceAfter=1),
        title=ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=2
        ),
        section=ParagraphStyle(
            "section",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=15,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        subsection=ParagraphStyle(
            "subsection",
            parent=body,
            fontName=BOLD,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=8,
            spaceAfter=3,
            keepWithNext=1,
        ),
        item=ParagraphStyle(
            "item", parent=body, fontName=BOLD, spaceBefore=6, spaceAfter=1, keepWithNext=1
        ),
        detail=ParagraphStyle("detail", parent=body, leftIndent=12),
        quote=ParagraphStyle(
            "quote",
            parent=body,
            fontName=ITALIC,
            leftIndent=24,
            rightIndent=12,
            borderColor=GREY,
            borderWidth=0,
        ),
        note=ParagraphStyle(
            "note",
            parent=body,
            fontName=ITALIC,
            fontSize=8.5,
            leading=11,
            leftIndent=12,
        ),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_italic=ParagraphStyle("cell_italic", parent=cell, fontName=ITALIC),
        closing=ParagraphStyle(
            "closing", parent=body, fontSize=8.5, leading=11, spaceBefore=14, textColor=GREY
        ),
    )


@cache
def continued(style: ParagraphStyle) -> ParagraphStyle:
    """`style` for a piece of text that goes on in the next paragraph: no gap after it."""
    return ParagraphStyle(f"{style.name}-continued", parent=style, spaceAfter=0)


# A label wider than this prints inline, where it may wrap like any text.
LABEL_LIMIT = 200.0
# reportlab leaves 0.6 × the style's bullet font size after a bullet; the label's own frag sets
# its real size, so this makes that gap nil and the label is followed by a plain space.
_NO_BULLET_GAP = 0.01


@cache
def label_style(style: ParagraphStyle, label: str) -> tuple[ParagraphStyle, str] | None:
    """`style` with its first line indented by the bold `label` and a space, and the label's
    face; None for a label too wide to hang."""
    from reportlab.lib.fonts import ps2tt, tt2ps
    from reportlab.pdfbase.pdfmetrics import stringWidth

    family, _, italic = ps2tt(style.fontName)
    bold = tt2ps(family, 1, italic)
    width = stringWidth(label, bold, style.fontSize)
    if width > LABEL_LIMIT:
        return None
    space = stringWidth(" ", style.fontName, style.fontSize)
    hanging = ParagraphStyle(
        f"{style.name}-label",
        parent=style,
        firstLineIndent=style.firstLineIndent + width + space,
        bulletIndent=style.leftIndent + style.firstLineIndent,
        bulletFontName=bold,
        bulletFontSize=_NO_BULLET_GAP,
    )
    return hanging, bold
