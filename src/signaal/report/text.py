"""User text to paragraphs: escaped, printable, and cut into pieces reportlab can flow.

A single reportlab Paragraph can split over pages, but it re-wraps its whole remaining text at
every split, which gets slow for a pasted document; short pieces flow fast and are never cut.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable
from reportlab.platypus import Paragraph as PlatypusParagraph
from reportlab.platypus.paraparser import ParaFrag

from signaal.report.fonts import printable
from signaal.report.styles import continued, label_style

# About a third of a page of body text: small enough to flow fast, large enough to read as one.
PIECE_LENGTH = 1500
# A few lines even when every character prints as [U+XXXXX]: always fits on a page.
FALLBACK_PIECE_LENGTH = 200
# The piece length of the render in progress (per thread): lowered for the fallback render.
piece_length: ContextVar[int] = ContextVar("piece_length", default=PIECE_LENGTH)
_BLANK_LINES = re.compile(r"\n\s*\n")


class Paragraph(PlatypusParagraph):
    """A platypus Paragraph that breaks its lines once per width.

    platypus wraps the same paragraph again at the same width: a keep-with-next group to
    measure it, then the frame to place each member; a table to size its rows, again to draw
    them and again when it splits over a page. Line breaking depends only on the text, the style
    and the width, so a repeat wrap at the width of the last one reuses its lines.
    """

    _wrapped: tuple[float, Any, tuple[float, float]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        last = self._wrapped
        # `split` drops `blPara` when the paragraph cannot start on this page: wrap afresh then.
        if last is not None and last[0] == availWidth and getattr(self, "blPara", None) is last[1]:
            self.width, self.height = last[2]
            return last[2]
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, getattr(self, "blPara", None), size)
        return size


def markup(text: str) -> str:
    """Plain user or content text as safe paragraph markup (line breaks kept)."""
    return escape(printable(text)).replace("\n", "<br/>")


def pieces(text: str, limit: int = PIECE_LENGTH) -> list[tuple[str, bool]]:
    """`text` split at blank lines, then into pieces of at most `limit` characters.

    A long block is cut after a sentence where possible, else at a space, else anywhere (one
    endless word). Each piece comes with whether the same block goes on in the next piece.
    """
    result: list[tuple[str, bool]] = []
    for block in _BLANK_LINES.split(text.strip()):
        block = block.strip()
        while len(block) > limit:
            window = block[: limit + 1]
            sentence = max(window.rfind(end, limit // 2) for end in (". ", "? ", "! ", "\n"))
            cut = sentence + 1 if sentence != -1 else window.rfind(" ", limit // 2)
            if cut <= 0:
                cut = limit
            result.append((block[:cut].rstrip(), True))
            block = block[cut:].lstrip()
        if block:
            result.append((block, False))
    return result


def paragraphs(
    text: str,
    style: ParagraphStyle,
    *,
    label: str = "",
    prefix: str = "",
    suffix: str = "",
) -> list[Flowable]:
    """Long free text as a run of paragraphs, the first after a bold `label`;
    `prefix`/`suffix` are trusted markup.

    A piece that continues in the next one has no space after it, so a cut block still reads
    as one block.
    """
    parts = pieces(text, piece_length.get())
    joined = continued(style)
    flowables: list[Flowable] = []
    for index, (part, continues) in enumerate(parts):
        head = prefix if index == 0 else ""
        tail = suffix if index == len(parts) - 1 else ""
        piece_style = joined if continues else style
        body = f"{head}{markup(part)}{tail}"
        if index == 0 and label:
            flowables.append(labelled_markup(label, body, piece_style))
        else:
            flowables.append(Paragraph(body, piece_style))
    return flowables


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """One short text (a label, a name, a content sentence) as a paragraph."""
    return Paragraph(markup(text), style)


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """ "Label: value" with the label in bold; both escaped."""
    return labelled_markup(label, markup(value), style)


def labelled_markup(label: str, body: str, style: ParagraphStyle) -> Paragraph:
    """A bold "Label:" (escaped) before `body` (trusted markup).

    The label is drawn as the paragraph's bullet, in a first-line indent as wide as the label
    and a space: reportlab breaks and draws a paragraph in one font several times faster than
    one that mixes bold and regular text, and it looks the same.
    """
    head = f"{printable(label)}:"
    hanging = label_style(style, head)
    if hanging is None:
        return Paragraph(f"<b>{escape(head)}</b> {body}", style)
    hanging_style, bold = hanging
    bullet = ParaFrag(text=head, fontName=bold, fontSize=style.fontSize, textColor=style.textColor)
    # reportlab draws a list of frags as a bullet too (the stubs only know a string).
    return Paragraph(body, hanging_style, bulletText=[bullet])  # type: ignore[arg-type]


def label(text: str) -> str:
    """A bold "Label: " as markup, to put before a value."""
    return f"<b>{markup(text)}:</b> "


def kept(flowable: Flowable) -> Flowable:
    """`flowable` kept on the same page as the one after it (platypus keepWithNext)."""
    flowable.keepWithNext = 1
    return flowable
