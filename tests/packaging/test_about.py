"""The About dialog tells IT staff which version, catalogue and licences they are looking at."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from pytestqt.qtbot import QtBot

from signaal import __version__
from signaal.content import Catalog
from signaal.i18n import active_language, set_language
from signaal.ui.about import AboutDialog


@pytest.fixture
def language() -> Iterator[None]:
    before = active_language()
    yield
    set_language(before)


def label(dialog: AboutDialog, name: str) -> str:
    widget = dialog.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def test_shows_version_catalogue_and_licences_in_english(
    qtbot: QtBot, catalog: Catalog, language: None
) -> None:
    set_language("en")
    dialog = AboutDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "About Signaal"
    assert __version__ in label(dialog, "about-version")
    catalogue = label(dialog, "about-catalog")
    assert catalog.info.version in catalogue
    assert catalog.info.title.en in catalogue
    assert str(catalog.info.date.year) in catalogue
    licences = dialog.findChild(QPlainTextEdit, "about-licences")
    assert licences is not None and licences.isReadOnly()
    text = licences.toPlainText()
    for expected in ("EUPL-1.2", "PySide6", "LGPL-3.0", "reportlab", "pydantic", "MIT", "Babel"):
        assert expected in text
    assert "BSD-3-Clause" in text
    # The full DejaVu licence is shown, not just its name.
    assert "Bitstream" in text and "Permission is hereby granted" in text


def test_reads_dutch_by_default(qtbot: QtBot, catalog: Catalog, language: None) -> None:
    set_language("nl")
    dialog = AboutDialog(catalog)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Over Signaal"
    assert label(dialog, "about-version") == f"Signaal versie {__version__}"
    catalogue = label(dialog, "about-catalog")
    assert catalog.info.title.nl in catalogue
    assert "versie" in catalogue
    assert "Openbare Licentie van de Europese Unie" in dialog.licences.toPlainText()


def test_close_button_closes(qtbot: QtBot, catalog: Catalog) -> None:
    dialog = AboutDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result() == AboutDialog.DialogCode.Rejected
