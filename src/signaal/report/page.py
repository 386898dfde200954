"""The page frame: "Confidential", the document title, the date and "page x of y" on every page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from signaal.report.fonts import BOLD, FAMILY, printable
from signaal.report.styles import GREY, RULE_GREY

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 18 * mm
TOP_MARGIN = 30 * mm
BOTTOM_MARGIN = 20 * mm
# platypus frames keep 6 pt inside the margins; the header lines up with the text.
FRAME_PADDING = 6


@dataclass(frozen=True)
class PageFrame:
    """What the header and footer print; all texts are plain (drawn, not parsed as markup)."""

    confidential: str
    title: str
    date: str
    page_of: Callable[[int, int], str]
    footer: str


def canvas_class(frame: PageFrame) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each can say "page x of y"."""

    class FramedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()  # type: ignore[attr-defined]

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                _draw_frame(self, frame, number, total)
                super().showPage()
            super().save()

    return FramedCanvas


def _draw_frame(canvas: Canvas, frame: PageFrame, number: int, total: int) -> None:
    top = PAGE_HEIGHT - 12 * mm
    left = MARGIN + FRAME_PADDING
    right = PAGE_WIDTH - MARGIN - FRAME_PADDING
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont(BOLD, 9)
    canvas.drawString(left, top, printable(frame.confidential.upper()))
    canvas.drawRightString(right, top, printable(frame.page_of(number, total)))
    canvas.setFont(FAMILY, 9)
    canvas.drawString(left, top - 11, printable(frame.title))
    canvas.drawRightString(right, top - 11, printable(frame.date))
    canvas.setStrokeColor(RULE_GREY)
    canvas.setLineWidth(0.6)
    canvas.line(left, top - 16, right, top - 16)
    canvas.line(left, 13 * mm, right, 13 * mm)
    canvas.setFillColor(GREY)
    canvas.setFont(FAMILY, 7)
    canvas.drawString(left, 9 * mm, printable(frame.footer))
    canvas.restoreState()
