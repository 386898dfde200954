"""What every page of the window shows, as data; run as a script it opens a saved referral.

`python continue_driver.py REFERRAL.pdf` starts a fresh window (Qt offscreen), opens the
referral through the window's own Open action path, and prints the state of every page and
the assessment as JSON, so a test can compare it with the window that saved the referral.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from signaal.ui.main_window import MainWindow


def _state(widget: QWidget) -> object:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QDateEdit):
        return [widget.date().toString("yyyy-MM-dd"), widget.isEnabled()]
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QComboBox):
        return [widget.currentIndex(), widget.currentText()]
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return [widget.text(), widget.isChecked()]
    if isinstance(widget, QLabel) and widget.isVisibleTo(widget.window()):
        return widget.text()
    return None


def _build_everything(window: MainWindow, key: str) -> None:
    """Make every lazily made part of a page, the same way in every process."""
    from signaal.ui.pages.signals import SignalsPage

    page = window.navigation.current_page()
    if isinstance(page, SignalsPage):
        page._add_all_groups()
        for group in page.groups:
            group.build()
            group.ensure_rows(indicator.id for indicator in group.indicators)
            for row in group.rows.values():
                row.prepare_details()
                row.load()


def snapshot(window: MainWindow) -> dict[str, list[list[object]]]:
    """Per step: each input's (kind, name, state) and each visible label's text."""
    pages: dict[str, list[list[object]]] = {}
    for key in window.navigation.step_keys():
        window.navigation.go_to(key)
        _build_everything(window, key)
        page = window.navigation.current_page()
        page.refresh()
        entries: list[list[object]] = []
        for widget in page.findChildren(QWidget):
            state = _state(widget)
            if state is not None:
                entries.append([type(widget).__name__, widget.objectName(), state])
        pages[key] = entries
    return pages


def main(path: str) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from signaal.assessment.json_output import assessment_json
    from signaal.content import load_catalog
    from signaal.i18n import set_language
    from signaal.ui.privacy import prepare_environment

    prepare_environment()
    set_language("nl")
    app = QApplication([])
    window = MainWindow(load_catalog())
    window.show()
    app.processEvents()
    if not window.referral_output.open_file(Path(path)):
        print("could not open", file=sys.stderr)
        return 1
    app.processEvents()
    result = {
        "pages": snapshot(window),
        "assessment": assessment_json(window.session.assessment(), "nl"),
    }
    print(json.dumps(result, ensure_ascii=False))
    window.session.reset()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
