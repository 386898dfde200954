"""Preview, print and save from memory, as a user meets them; failures explain and lose nothing."""

from __future__ import annotations

import errno
import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot
from report_cases import case_for

from signaal.assessment import assess
from signaal.content import Catalog
from signaal.i18n import set_language
from signaal.report import render_referral
from signaal.ui import printing, saving
from signaal.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture(scope="module")
def pdf(catalog: Catalog) -> bytes:
    case = case_for(catalog, "teacher", 14, count=6)
    return render_referral(catalog, case, assess(catalog, case), "nl")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Message boxes shown, as (title, text), instead of blocking the test."""
    shown: list[tuple[str, str]] = []

    def warn(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        shown.append((title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(warn))
    return shown


@pytest.fixture(autouse=True)
def dutch() -> Any:
    set_language("nl")
    yield
    set_language("nl")


def choose(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Answer the save dialog with `answer` ("" = cancel); returns the suggested start paths."""
    suggested: list[str] = []

    def dialog(parent: Any, start: str) -> str:
        suggested.append(start)
        return answer

    monkeypatch.setattr(saving, "chosen_file", dialog)
    return suggested


def test_preview_shows_every_page_on_white(qtbot: QtBot, pdf: bytes) -> None:
    dialog = PdfPreviewDialog(pdf, None)
    qtbot.addWidget(dialog)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert dialog.document.pageCount() == pages
    image = dialog.memory.page_image(0, 40)
    assert image.pixelColor(2, 2).alpha() == 255
    assert image.pixelColor(2, 2).lightness() == 255
    assert dialog.print_button.text() == "Afdr&ukken…"


def test_save_writes_only_where_chosen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes, warnings: list[Any]
) -> None:
    suggested = choose(monkeypatch, str(tmp_path / "melding leerling"))
    saved = saving.save_pdf(pdf, None, "verwijzing.pdf")
    assert saved == tmp_path / "melding leerling.pdf"
    assert saved.read_bytes() == pdf
    assert suggested == [str(Path.home() / "verwijzing.pdf")]
    assert list(tmp_path.iterdir()) == [saved]
    assert warnings == []


def test_cancelled_save_writes_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes
) -> None:
    choose(monkeypatch, "")
    assert saving.save_pdf(pdf, None, "verwijzing.pdf") is None
    assert list(tmp_path.iterdir()) == []


class FullDisk(io.BytesIO):
    def write(self, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_explains_and_keeps_the_case(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes, warnings: list[Any]
) -> None:
    target = tmp_path / "verwijzing.pdf"
    real_open = Path.open

    def open_on_full_disk(path: Path, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if path == target:
            real_open(path, mode).close()  # the file exists, as on a real full disk
            return FullDisk()
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", open_on_full_disk)
    choose(monkeypatch, str(target))
    assert saving.save_pdf(pdf, None, "verwijzing.pdf") is None
    assert not target.exists(), "a half-written file must not stay behind"
    [(title, text)] = warnings
    assert title == "De verwijzing is niet opgeslagen"
    assert "De schijf is vol." in text
    assert "Er gaat niets verloren" in text
    # The user picks another place and the same bytes are saved.
    monkeypatch.setattr(Path, "open", real_open)
    assert saving.save_pdf(pdf, None, "verwijzing.pdf") == target
    assert target.read_bytes() == pdf


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "geen schrijfrechten"), (errno.EROFS, "alleen-lezen")],
)
def test_read_only_folder_explains(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    pdf: bytes,
    warnings: list[Any],
    code: int,
    reason: str,
) -> None:
    def refuse(path: Path, *args: Any, **kwargs: Any) -> Any:
        raise OSError(code, "refused")

    monkeypatch.setattr(Path, "open", refuse)
    assert not saving.write_pdf(pdf, tmp_path / "x.pdf", None)
    assert reason in warnings[0][1]


def test_vanished_folder_explains(tmp_path: Path, pdf: bytes, warnings: list[Any]) -> None:
    assert not saving.write_pdf(pdf, tmp_path / "weg" / "x.pdf", None)
    assert "bestaat niet" in warnings[0][1]


def test_english_message(tmp_path: Path, pdf: bytes, warnings: list[Any]) -> None:
    set_language("en")
    assert not saving.write_pdf(pdf, tmp_path / "gone" / "x.pdf", None)
    assert warnings[0][0] == "The referral was not saved"


def test_print_to_pdf_printer_keeps_text(qtbot: QtBot, tmp_path: Path, pdf: bytes) -> None:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.print_to(printer, pdf, None)
    printed = subprocess.run(
        ["pdftotext", str(tmp_path / "printed.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "VERTROUWELIJK" in printed
    assert "Łukasz Wiśniewski" in printed
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_failed_print_explains(
    qtbot: QtBot, tmp_path: Path, pdf: bytes, warnings: list[Any]
) -> None:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "missing" / "printed.pdf"))
    assert not printing.print_to(printer, pdf, None)
    [(title, text)] = warnings
    assert title == "Afdrukken is mislukt"
    assert "Niets van wat je hebt ingevuld is verloren" in text


def test_print_dialog_cancel_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, pdf: bytes, warnings: list[Any]
) -> None:
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not printing.print_pdf(pdf, None)
    assert warnings == []


def test_print_dialog_accept_prints(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes
) -> None:
    target = tmp_path / "via-dialog.pdf"

    def file_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(printing, "new_printer", file_printer)
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert printing.print_pdf(pdf, None)
    assert target.stat().st_size > 0


def test_preview_save_button_saves_the_same_bytes(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, pdf: bytes
) -> None:
    dialog = PdfPreviewDialog(pdf, None, suggested_name="melding.pdf")
    qtbot.addWidget(dialog)
    suggested = choose(monkeypatch, str(tmp_path / "melding.pdf"))
    dialog.save_button.click()
    assert suggested == [str(Path.home() / "melding.pdf")]
    assert (tmp_path / "melding.pdf").read_bytes() == pdf


def test_print_range_from_the_dialog(qtbot: QtBot, tmp_path: Path, pdf: bytes) -> None:
    printer = printing.new_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "page2.pdf"))
    printer.setFromTo(2, 2)
    assert printing.print_to(printer, pdf, None)
    printed = PdfReader(tmp_path / "page2.pdf")
    assert len(printed.pages) == 1
    assert (
        "pagina 2 van"
        in subprocess.run(
            ["pdftotext", str(tmp_path / "page2.pdf"), "-"], capture_output=True, check=True
        ).stdout.decode()
    )
