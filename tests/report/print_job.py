"""Print a referral PDF to a named queue through Qt's QPrinter, as the app does (test helper).

Run as a separate process so that libcups reads CUPS_SERVER fresh: `print_job.py QUEUE PDF`.
Exit 0 when Qt handed the job to CUPS, 1 when printing failed, 3 when the queue is unknown.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox

from signaal.ui.printing import new_printer, print_to
from signaal.ui.privacy import prepare_environment


def main(queue: str, pdf_path: str) -> int:
    prepare_environment()
    app = QApplication([])

    def report(parent: Any, title: str, text: str, *args: Any) -> None:
        print(f"{title}: {text}", file=sys.stderr)  # a modal box would block the test

    QMessageBox.warning = staticmethod(report)  # type: ignore[assignment,method-assign]
    printer = new_printer()
    printer.setPrinterName(queue)
    if not printer.isValid() or printer.printerName() != queue:
        print(f"queue {queue!r} not found by Qt", file=sys.stderr)
        return 3
    ok = print_to(printer, Path(pdf_path).read_bytes(), None)
    del app
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
