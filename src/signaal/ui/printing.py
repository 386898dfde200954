"""Print the referral through the system print dialog, rendering pages from memory."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from signaal.i18n import _


def print_pdf(pdf: bytes, parent: QWidget | None = None) -> bool:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    return print_to(printer, pdf, parent)


def print_to(printer: QPrinter, pdf: bytes, parent: QWidget | None = None) -> bool:
    """Paint every page on `printer`; on failure explain it and keep the case as it is."""
    from signaal.ui.main_window import pdf_buffer

    array, buffer = pdf_buffer(pdf)
    document = QPdfDocument()
    document.load(buffer)
    painter = QPainter()
    if not painter.begin(printer):
        QMessageBox.warning(
            parent,
            _("Could not print"),
            _(
                "The printer could not be started. Nothing you typed is lost; check the printer "
                "or save the referral as PDF instead."
            ),
        )
        return False
    try:
        dpi = 200
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            image_size = QSize(int(size.width() * dpi / 72), int(size.height() * dpi / 72))
            image = QImage(image_size, QImage.Format.Format_ARGB32)
            image.fill(QColor("white"))
            page_painter = QPainter(image)
            page_painter.drawImage(0, 0, document.render(page, image_size))
            page_painter.end()
            target = painter.viewport()
            scaled = image.scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, scaled)
    finally:
        painter.end()
        del array
    return True
