"""User text to paragraphs: escaped, printable, and cut into pieces reportlab can flow.

A single reportlab Paragraph can split over pages, but it re-wraps its whole remaining text at
every split, which gets slow for a pasted document; short pieces flow fast and are never cut.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from signaal.report.fonts import printable

# About a third of a page of body text: small enough to flow fast, large enough to read as one.
PIECE_LENGTH = 1500
_BLANK_LINES = re.compile(r"\n\s*\n")


def markup(text: str) -> str:
    """Plain user or content text as safe paragraph markup (line breaks kept)."""
    return escape(printable(text)).replace("\n", "<br/>")


def pieces(text: str, limit: int = PIECE_LENGTH) -> list[str]:
    """`text` split at blank lines, then at spaces (or anywhere) into pieces of at most `limit`."""
    result: list[str] = []
    for block in _BLANK_LINES.split(text.strip()):
        block = block.strip()
        while len(block) > limit:
            cut = block.rfind(" ", limit // 2, limit)
            if cut == -1:
                cut = block.rfind("\n", limit // 2, limit)
            if cut == -1:
                cut = limit
            result.append(block[:cut].rstrip())
            block = block[cut:].lstrip()
        if block:
            result.append(block)
    return result


def paragraphs(
    text: str, style: ParagraphStyle, *, prefix: str = "", suffix: str = ""
) -> list[Flowable]:
    """Long free text as a run of paragraphs; `prefix`/`suffix` are trusted markup."""
    parts = pieces(text)
    flowables: list[Flowable] = []
    for index, part in enumerate(parts):
        head = prefix if index == 0 else ""
        tail = suffix if index == len(parts) - 1 else ""
        flowables.append(Paragraph(f"{head}{markup(part)}{tail}", style))
    return flowables


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """One short text (a label, a name, a content sentence) as a paragraph."""
    return Paragraph(markup(text), style)


def labelled(label: str, value: str, style: ParagraphStyle) -> Paragraph:
    """ "Label: value" with the label in bold; both escaped."""
    return Paragraph(f"<b>{markup(label)}:</b> {markup(value)}", style)


def label(text: str) -> str:
    """A bold "Label: " as markup, to put before a value."""
    return f"<b>{markup(text)}:</b> "


def italic(text: str) -> str:
    return f"<i>{markup(text)}</i>"


def kept(flowable: Flowable) -> Flowable:
    """`flowable` kept on the same page as the one after it (platypus keepWithNext)."""
    flowable.keepWithNext = 1
    return flowable
