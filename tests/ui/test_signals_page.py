"""The signals step: search as you type, the live side panel, and a list that is not rebuilt."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QRadioButton, QSpinBox, QToolButton
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, indicators_on_screen

from signaal.content.models import Indicator
from signaal.i18n import _
from signaal.ui.main_window import MainWindow
from signaal.ui.profile_panel import profile_name


def open_signals(qtbot: QtBot, window: MainWindow, age: int = 34) -> list[Indicator]:
    window.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(age)
    window.go_to("concerns")
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    window.go_to("signals")
    case = window.case
    shown = indicators_on_screen(window.catalog, case.role, case.age_band, case.concerns)
    if not shown:
        pytest.skip("no signal list for this age in the catalog yet")
    return shown


def test_search_filters_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_signals(qtbot, window)
    page = window.page("signals")
    target = shown[-1]  # possibly in a folded list: the search opens it
    word = max(target.text.nl.split(), key=len).strip(".,;:()")
    search = find(window, QLineEdit, "signal-search")
    assert search.hasFocus()
    qtbot.keyClicks(search, word[:4].encode("ascii", "ignore").decode() or "a")
    search.setText(word)
    visible = set(page.visible_indicators())  # type: ignore[attr-defined]
    assert target.id in visible
    for indicator in shown:
        matches = (
            word.casefold()
            in (indicator.text.nl + " " + (indicator.help.nl if indicator.help else "")).casefold()
        )
        assert (indicator.id in visible) == matches
    search.setText("zzqqxx-nothing")
    assert page.visible_indicators() == []  # type: ignore[attr-defined]
    assert find(window, QLabel, "signal-no-match").isVisible()
    search.clear()
    assert sorted(page.listed_indicators()) == sorted(i.id for i in shown)  # type: ignore[attr-defined]
    assert not find(window, QLabel, "signal-no-match").isVisible()


def test_side_panel_follows_every_click(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_signals(qtbot, window)
    panel = find(window, QLabel, "profile-text")
    assert panel.isVisible()

    def marked(seen: int) -> str:
        return html.escape(_("Signals marked: {seen} seen, {told} told").format(seen=seen, told=0))

    chosen = shown[:5]
    for count, indicator in enumerate(chosen, start=1):
        click(qtbot, find(window, QRadioButton, f"status-{indicator.id}-seen"))
        assert marked(count) in panel.text()
        for result in window.session.assessment().trafficking:
            assert profile_name(result.profile) in panel.text()
    click(qtbot, find(window, QRadioButton, f"status-{shown[0].id}-not-seen"))
    assert window.case.observation(shown[0].id).status == "not-seen"  # type: ignore[union-attr]
    assert marked(len(chosen) - 1) in panel.text()


def test_rows_are_kept_between_clicks(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_signals(qtbot, window)
    row = window.findChild(QRadioButton, f"status-{shown[0].id}-seen")
    click(qtbot, row)
    window.go_to("weighing")
    window.go_to("signals")
    assert window.findChild(QRadioButton, f"status-{shown[0].id}-seen") is row
    assert row.isChecked()


def test_help_is_shown_on_demand(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_signals(qtbot, window)
    helped = next((i for i in shown if i.help is not None), None)
    if helped is None:
        pytest.skip("no indicator with help text")
    label = window.findChild(QLabel, f"help-text-{helped.id}")
    assert label is None or not label.isVisible()  # help is made when asked for
    button = find(window, QToolButton, f"help-{helped.id}")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    text = find(window, QLabel, f"help-text-{helped.id}")
    assert text.isVisible() and text.text() == helped.help.nl  # type: ignore[union-attr]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not text.isVisible()


def test_no_concern_chosen_reads_as_not_sure(qtbot: QtBot, window: MainWindow) -> None:
    window.go_to("signals")
    assert window.case.concerns == window.session.concerns_for_age()
    assert window.page("signals").visible_indicators()  # type: ignore[attr-defined]
    window.go_to("concerns")
    assert find(window, QCheckBox, "concern-not-sure").isChecked()


def test_lists_fold_and_build_their_rows_when_opened(qtbot: QtBot, window: MainWindow) -> None:
    open_signals(qtbot, window)
    page = window.page("signals")
    groups = page.groups  # type: ignore[attr-defined]
    assert groups[0].expanded and groups[0].rows
    for group in groups[1:]:
        assert not group.expanded and not group.rows  # nothing built for a folded list
        click(qtbot, group.toggle)
        assert group.expanded
        assert set(group.rows) == {i.id for i in group.indicators}
        click(qtbot, group.toggle)
        assert not group.expanded
