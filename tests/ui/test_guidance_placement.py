"""Which guidance shows on which page is content (a guidance's `page`), and guidance that no
page shows as its editor meant is said out loud instead of silently left out (issue 19)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QRadioButton
from pytestqt.qtbot import QtBot
from ui_helpers import click, find

from signaal.content import Catalog
from signaal.content.code_ids import GUIDANCE_PAGES
from signaal.ui.main_window import MainWindow
from signaal.ui.widgets import GuidanceBox, guidance_boxes


def shown_guidance(window: MainWindow, key: str) -> list[str]:
    window.navigation.go_to(key)
    boxes = window.navigation.current_page().findChildren(GuidanceBox)
    return [box.guidance.id for box in boxes if not box.isHidden()]


def test_each_page_shows_the_guidance_content_places_on_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, find(window, QRadioButton, "role-teacher"))
    catalog = window.catalog
    for key in GUIDANCE_PAGES:
        expected = [
            g.id
            for g in catalog.guidance
            if g.page == key and (not g.roles or "teacher" in g.roles)
        ]
        assert expected, key  # every page that can show guidance has some in the shipped content
        assert shown_guidance(window, key) == expected, key


def test_a_role_sees_its_own_variant_in_the_place_of_the_general_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, find(window, QRadioButton, "role-veilig-thuis"))
    assert shown_guidance(window, "outcome") == [
        "vt-after-the-assessment",
        "vt-acute-medical-evaluation",
        "labour-rights-or-exploitation",
        "vt-trafficking-partners",
    ]


def test_guidance_on_a_page_that_does_not_exist_is_reported_once(
    qtbot: QtBot, catalog: Catalog, capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalog made without the loader's checks (which refuse this) still does not lose a
    box without a word: stderr says which guidance and why, once per process."""
    misplaced = [replace(g, page="meldcod") if g.id == "kindcheck" else g for g in catalog.guidance]
    odd = replace(catalog, guidance=misplaced)
    boxes = guidance_boxes(odd, "meldcode")
    for box in boxes:
        qtbot.addWidget(box)
    assert "kindcheck" not in [box.guidance.id for box in boxes]
    said = capsys.readouterr().err.splitlines()
    [line] = [line for line in said if "kindcheck" in line]
    assert line.startswith("signaal: content: guidance.kindcheck.page: ")
    assert "'meldcod'" in line and "meldcode, outcome" in line  # the typo and the pages there are
    for box in guidance_boxes(odd, "meldcode"):
        qtbot.addWidget(box)
    assert "kindcheck" not in capsys.readouterr().err


def test_a_page_the_code_does_not_declare_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ValueError, match="GUIDANCE_PAGES"):
        guidance_boxes(catalog, "weighing")
