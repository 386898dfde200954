"""A child whose age the professional does not know still gets the child lists and routes."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton
from pytestqt.qtbot import QtBot
from ui_helpers import click, find

from signaal.i18n import content_language
from signaal.ui.main_window import MainWindow


def test_child_without_age_sees_only_what_fits_a_minor(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    click(qtbot, find(window, QRadioButton, "role-teacher"))
    click(qtbot, find(window, QRadioButton, "acute-no"))
    click(qtbot, find(window, QPushButton, "next-button"))
    click(qtbot, find(window, QRadioButton, "person-child"))
    case = window.case
    assert case.age is None and case.age_band is None
    assert case.minor is True
    click(qtbot, find(window, QPushButton, "next-button"))
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    click(qtbot, find(window, QPushButton, "next-button"))

    page = window.navigation.page("signals")
    shown = set(page.listed_indicators())  # type: ignore[attr-defined]
    assert shown
    adult_only = {
        indicator.id
        for checklist in catalog.checklists
        for indicator in checklist.indicators
        if not any(catalog.age_bands_by_id[b].minor for b in indicator.age_bands)
    }
    assert adult_only
    assert not shown & adult_only, "a list or signal for adults only is offered for a child"

    # Switching to "adult": an adult of unknown age counts in the first adult band.
    click(qtbot, find(window, QPushButton, "back-button"))
    click(qtbot, find(window, QPushButton, "back-button"))
    click(qtbot, find(window, QRadioButton, "person-adult"))
    assert case.minor is False
    adult_band = next(band for band in catalog.age_bands if not band.minor)
    assert adult_band.name.get(content_language()) in find(window, QLabel, "age-band").text()
