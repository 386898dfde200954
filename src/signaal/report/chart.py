"""The ILO indicator profile as a small bar chart, readable in black and white.

Each dimension is one row: a black square per strong indicator, a grey one per medium and an
outlined one per weak indicator, so counts read without colour.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors

from signaal.report.fonts import FAMILY
from signaal.report.styles import GREY

CELL = 9.0
GAP = 2.0
HEIGHT = 12.0
WEIGHTS = ("strong", "medium", "weak")
WEIGHT_FILLS = {
    "strong": colors.black,
    "medium": colors.Color(0.55, 0.55, 0.55),
    "weak": colors.white,
}


def _square(x: float, weight: str) -> Rect:
    square = Rect(x, (HEIGHT - CELL) / 2, CELL, CELL)
    square.fillColor = WEIGHT_FILLS[weight]
    square.strokeColor = colors.black
    square.strokeWidth = 0.6
    return square


def _label(x: float, text: str, size: float = 7.5) -> String:
    label = String(x, 3, text)
    label.fontName = FAMILY
    label.fontSize = size
    return label


def weight_bar(strong: int, medium: int, weak: int, width: float) -> Drawing:
    """One row of the chart: the indicators present in a dimension, strongest first."""
    drawing = Drawing(width, HEIGHT)
    capacity = max(1, int((width - 30) // (CELL + GAP)))
    x = 0.0
    shown = 0
    for weight, count in zip(WEIGHTS, (strong, medium, weak), strict=True):
        for _ in range(min(count, capacity - shown)):
            drawing.add(_square(x, weight))
            x += CELL + GAP
            shown += 1
    total = strong + medium + weak
    if total > shown:
        drawing.add(_label(x + 1, f"+{total - shown}"))
    if total == 0:
        zero = _label(0, "0")
        zero.fillColor = GREY
        drawing.add(zero)
    return drawing


def legend(labels: dict[str, str], width: float) -> Drawing:
    """Which square means which weight, with the translated weight names."""
    drawing = Drawing(width, HEIGHT)
    x = 0.0
    for weight in WEIGHTS:
        drawing.add(_square(x, weight))
        drawing.add(_label(x + CELL + 3, labels[weight]))
        x += CELL + 14 + 4.5 * len(labels[weight])
    return drawing
