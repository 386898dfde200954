"""Print the referral through the system print dialog, from memory.

QtPdf can only rasterise, so each page is printed as a 300 dpi greyscale image. Under the
image goes the page's text, at its place on the page, so that the output of a PDF printer is
searchable and can be read aloud; on paper the image covers it.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from signaal.i18n import _
from signaal.resources import resource_path
from signaal.ui.pdf_preview import MemoryPdf

PRINT_DPI = 300
_LINE = re.compile(r"[^\r\n]+")


def new_printer() -> QPrinter:
    """A printer for A4 at full page, with a job name that says nothing about the case."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setFullPage(True)
    printer.setDocName("Signaal")
    printer.setCreator("Signaal")
    return printer


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    """Ask for a printer with the system dialog and print; False when cancelled or failed."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print referral"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(printer, pdf, parent)


def print_to(printer: QPrinter, pdf: bytes, parent: QWidget | None = None) -> bool:
    """Paint every page on `printer`; on failure explain it and keep the case as it is."""
    memory = MemoryPdf(pdf)
    painter = QPainter()
    if not memory.ok or not painter.begin(printer):
        _report_failure(parent)
        return False
    family = _font_family()
    try:
        paper = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index, page in enumerate(_pages(printer, memory.document.pageCount())):
            if index and not printer.newPage():
                raise OSError("the printer refused a new page")
            size = memory.document.pagePointSize(page)
            scale = paper.width() / size.width()
            painter.save()
            painter.scale(scale, scale)
            _draw_text_layer(painter, memory, page, family)
            image = memory.page_image(page, PRINT_DPI).convertToFormat(
                QImage.Format.Format_Grayscale8
            )
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), image)
            painter.restore()
    except OSError:
        painter.end()
        _report_failure(parent)
        return False
    if not painter.end() or printer.printerState() == QPrinter.PrinterState.Error:
        _report_failure(parent)
        return False
    return True


def _pages(printer: QPrinter, count: int) -> range:
    """The pages chosen in the print dialog (1-based there), or all of them."""
    first, last = printer.fromPage(), printer.toPage()
    if first <= 0:
        return range(count)
    return range(min(first, count) - 1, min(max(last, first), count))


def _draw_text_layer(painter: QPainter, memory: MemoryPdf, page: int, family: str) -> None:
    """Each line of the page's text in its own box, in page points (covered by the image)."""
    text = memory.document.getAllText(page).text()
    painter.setPen(QColor("black"))
    for line in _LINE.finditer(text):
        selection = memory.document.getSelectionAtIndex(page, line.start(), len(line.group()))
        box = selection.boundingRectangle()
        if box.isEmpty():
            continue
        font = QFont(family)
        font.setPixelSize(max(1, round(box.height() * 0.8)))
        painter.setFont(font)
        painter.drawText(
            box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line.group()
        )


@cache
def _font_family() -> str:
    """The shipped DejaVu Sans, so the text layer has the same glyphs as the PDF."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "DejaVuSans.ttf")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "DejaVu Sans"


def _report_failure(parent: QWidget | None) -> None:
    QMessageBox.warning(
        parent,
        _("Could not print"),
        _(
            "The referral could not be printed. Nothing you typed is lost; check the printer and "
            "try again, or save the referral as PDF instead."
        ),
    )
