"""The report's own paragraph helpers: hanging labels and line breaking once per width."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table

from signaal.report.fonts import BOLD, FAMILY
from signaal.report.styles import LABEL_LIMIT, stylesheet
from signaal.report.text import Paragraph, labelled

WIDTH = 300.0
VALUE = (
    "Op maandag 2 maart om 8:10 uur zag ik bij het hek dat een man in een grijs busje hem afzette."
)


def test_a_label_hangs_in_front_of_its_value() -> None:
    """The bold label is the paragraph's bullet; the text starts a space after it."""
    style = stylesheet().detail
    paragraph = labelled("Feiten", VALUE, style)
    assert paragraph.text == VALUE  # one font: reportlab's fast line breaking
    assert [frag.text for frag in paragraph.bulletText] == ["Feiten:"]
    assert paragraph.bulletText[0].fontName == BOLD
    hang = stringWidth("Feiten:", BOLD, style.fontSize) + stringWidth(" ", FAMILY, style.fontSize)
    assert abs(paragraph.style.firstLineIndent - hang) < 1e-9
    paragraph.wrap(WIDTH, 1000)
    assert " ".join(word for _, words in paragraph.blPara.lines for word in words) == VALUE


def test_a_label_in_italic_text_is_bold_italic() -> None:
    paragraph = labelled("Based on", VALUE, stylesheet().note)
    assert paragraph.bulletText[0].fontName == "DejaVuSans-BoldOblique"


def test_a_very_long_label_stays_inline() -> None:
    label = "Label " * 40
    assert stringWidth(label, BOLD, 9.5) > LABEL_LIMIT
    paragraph = labelled(label, VALUE, stylesheet().body)
    assert paragraph.text.startswith("<b>") and not paragraph.bulletText


def test_lines_are_broken_once_per_width() -> None:
    """A table measures a cell, draws it and may split it: the lines are broken once."""
    style = stylesheet().cell
    cell = Paragraph(VALUE * 3, style)
    calls = 0
    original = cell.breakLines

    def counted(widths: list[float]) -> object:
        nonlocal calls
        calls += 1
        return original(widths)

    cell.breakLines = counted  # type: ignore[method-assign]
    table = Table([[cell]], colWidths=[WIDTH])
    table.wrap(WIDTH, 1000)
    first = cell.blPara
    table.wrap(WIDTH, 1000)
    assert calls == 1 and cell.blPara is first
    cell.wrap(WIDTH / 2, 1000)
    assert calls == 2  # another width: broken again
    del cell.blPara  # what platypus does when a paragraph must move to the next page
    cell.wrap(WIDTH / 2, 1000)
    assert calls == 3
