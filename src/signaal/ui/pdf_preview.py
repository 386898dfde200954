"""Show the referral PDF from memory with QtPdf: no temporary file ever exists."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Signal
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from signaal.i18n import _


def pdf_buffer(data: bytes) -> tuple[QByteArray, QBuffer]:
    """A read-only QBuffer over the PDF bytes; keep both alive as long as QtPdf reads them."""
    array = QByteArray(data)
    buffer = QBuffer()
    buffer.setData(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return array, buffer


class MemoryPdf:
    """A QPdfDocument over bytes in memory, holding the buffer QtPdf reads lazily."""

    def __init__(self, pdf: bytes, parent: QWidget | None = None) -> None:
        self._array, self._buffer = pdf_buffer(pdf)
        self.document = QPdfDocument(parent) if parent is not None else QPdfDocument()
        self.document.load(self._buffer)

    def release(self) -> None:
        """Close the document and overwrite the copy of the bytes QtPdf read (a wipe, a close)."""
        self.document.close()
        self._buffer.close()
        # The buffer shares the array's bytes: drop its share first, or `fill` fills a copy.
        self._buffer.setData(QByteArray())
        self._array.fill(0)
        self._array.clear()

    @property
    def ok(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_image(self, page: int, dpi: float) -> QImage:
        """One page on a white background: QtPdf renders onto transparency."""
        size = self.document.pagePointSize(page)
        pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
        image = QImage(pixels, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, self.document.render(page, pixels))
        painter.end()
        return image


def _fitting_size(parent: QWidget | None) -> QSize:
    """A page-shaped size that leaves room for the title bar on the screen the dialog opens on.

    A fixed 760×900 put Print, Save and Close below the bottom of a 1366×768 laptop screen.
    """
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    height = min(900, available.height() - 80)
    width = min(760, available.width() - 40)
    return QSize(max(320, width), max(320, height))


class PdfPreviewDialog(QDialog):
    """The referral as it will print, with Print and Save buttons next to Close."""

    printed = Signal()
    saved = Signal()

    def __init__(self, pdf: bytes, parent: QWidget | None = None, suggested_name: str = "") -> None:
        super().__init__(parent)
        self._pdf = pdf
        self._suggested_name = suggested_name or _("referral.pdf")
        self.setWindowTitle(_("Referral preview"))
        self.memory = MemoryPdf(pdf, self)
        self.document = self.memory.document
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(_("Referral preview"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("&Print…"))
        self.save_button = QPushButton(_("&Save as PDF…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self._print)
        self.save_button.clicked.connect(self._save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(_fitting_size(parent))
        if not self.memory.ok:
            QMessageBox.warning(
                self,
                _("Cannot show the preview"),
                _("The referral could not be shown. Nothing is lost: you can still save it."),
            )

    def release(self) -> None:
        """Let go of the referral: the view shows nothing, the document's memory is overwritten."""
        self.memory.release()  # the view then shows no page
        self._pdf = b""

    def _print(self) -> None:
        from signaal.ui.printing import print_pdf

        if print_pdf(self._pdf, self):
            self.printed.emit()

    def _save(self) -> None:
        from signaal.ui.saving import save_pdf

        if save_pdf(self._pdf, self, self._suggested_name) is not None:
            self.saved.emit()
