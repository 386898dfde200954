"""The signals step: search as you type, the live side panel, and a list that is not rebuilt."""

from __future__ import annotations

import html

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, indicators_on_screen

from signaal.content.models import Indicator
from signaal.i18n import _
from signaal.ui.main_window import MainWindow
from signaal.ui.pages.checklist_group import FIRST_ROWS, ChecklistGroup
from signaal.ui.pages.signal_row import SignalRow
from signaal.ui.pages.signals import SignalsPage
from signaal.ui.profile_panel import profile_name


def open_signals(qtbot: QtBot, window: MainWindow, age: int = 34) -> list[Indicator]:
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(age)
    window.navigation.go_to("concerns")
    click(qtbot, find(window, QCheckBox, "concern-not-sure"))
    window.navigation.go_to("signals")
    case = window.case
    shown = indicators_on_screen(window.catalog, case)
    if not shown:
        pytest.skip("no signal list for this age in the catalog yet")
    return shown


def test_search_filters_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    shown = open_signals(qtbot, window)
    page = window.navigation.page("signals")
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
    window.navigation.go_to("weighing")
    window.navigation.go_to("signals")
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


def test_no_concern_chosen_shows_every_list_and_changes_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    before = window.case.model_copy(deep=True)
    window.navigation.go_to("signals")
    assert window.navigation.page("signals").visible_indicators()  # type: ignore[attr-defined]
    # Being shown is no answer: the case is as it was, and no step counts as done for it.
    assert window.case == before
    assert not window.session.has_answers()
    window.navigation.go_to("concerns")
    assert not find(window, QCheckBox, "concern-not-sure").isChecked()
    assert not any(box.isChecked() for box in window.findChildren(QCheckBox, None))


def test_lists_fold_and_build_their_rows_when_opened(qtbot: QtBot, window: MainWindow) -> None:
    open_signals(qtbot, window)
    page = window.navigation.page("signals")
    qtbot.waitUntil(lambda: not page.building)  # type: ignore[attr-defined]
    groups = page.groups  # type: ignore[attr-defined]
    assert len(groups) == len(page.lists) > 1  # type: ignore[attr-defined]
    assert groups[0].expanded and groups[0].rows
    for group in groups[1:]:
        assert not group.expanded and not group.rows  # nothing built for a folded list
        click(qtbot, group.toggle)
        assert group.expanded
        assert 0 < len(group.rows) <= FIRST_ROWS  # a screenful in the click that opens it
        qtbot.waitUntil(lambda g=group: set(g.rows) == {i.id for i in g.indicators})
        click(qtbot, group.toggle)
        assert not group.expanded


def rows_in_layout(group: ChecklistGroup) -> list[str]:
    """The signal ids of a list's rows in the order they stand on screen."""
    assert group.body is not None
    return [w.indicator.id for w in group.body.widgets() if isinstance(w, SignalRow)]


def long_list(qtbot: QtBot, window: MainWindow) -> tuple[SignalsPage, ChecklistGroup]:
    open_signals(qtbot, window)
    page = window.navigation.page("signals")
    assert isinstance(page, SignalsPage)
    group = page.groups[0]
    if len(group.indicators) <= FIRST_ROWS:
        pytest.skip("the first list is short enough to be made at once")
    return page, group


def test_a_long_list_opens_with_a_screenful_and_fills_in_idle_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    page, group = long_list(qtbot, window)
    assert len(group.rows) == FIRST_ROWS and group.pending and page.building
    qtbot.waitUntil(lambda: not page.building)
    order = [i.id for i in group.indicators]
    assert rows_in_layout(group) == [i for i in order if i in rows_in_layout(group)]
    assert sorted(rows_in_layout(group)) == sorted(order)
    assert all(row.isVisible() for row in group.rows.values())
    # Answers given before the rows existed are shown in them.
    last = group.indicators[-1]
    assert window.case.observation(last.id) is None
    find(window, QRadioButton, f"status-{last.id}-told").click()
    assert window.case.observation(last.id).status == "told"  # type: ignore[union-attr]


def test_tab_goes_through_a_list_in_order_while_it_is_made(
    qtbot: QtBot, window: MainWindow
) -> None:
    page, group = long_list(qtbot, window)
    search = find(window, QLineEdit, "signal-search")
    # A search makes a row far down the list before the rows above it exist.
    target = group.indicators[-1]
    search.setText(target.text.nl)
    search.clear()
    qtbot.waitUntil(lambda: not page.building)
    # Tab after the list's toggle: its rows' controls, in the order the rows stand.
    controls = (QRadioButton, QToolButton)
    chain = []
    widget = group.toggle.nextInFocusChain()
    while not (
        widget is window
        or (isinstance(widget, QToolButton) and widget.objectName().startswith("toggle-"))
    ):
        if isinstance(widget, controls) and widget.isVisible():
            chain.append(widget.objectName())
        widget = widget.nextInFocusChain()
    expected = [
        w.objectName()
        for row in (group.rows[i.id] for i in group.indicators)
        for w in row.focus_chain()
        if isinstance(w, controls)
    ]
    assert chain == expected


def test_search_finds_a_signal_whose_row_is_not_made_yet(qtbot: QtBot, window: MainWindow) -> None:
    page, group = long_list(qtbot, window)
    target = group.indicators[-1]
    assert target.id not in group.rows
    search = find(window, QLineEdit, "signal-search")
    search.setText(target.text.nl)
    row = find(window, SignalRow, f"signal-{target.id}")
    assert row.isVisible() and target.id in page.visible_indicators()
    qtbot.waitUntil(lambda: not page.building)
    # The rows made meanwhile follow the search: only the hits show.
    hits = set(group.matching(target.text.nl.casefold()))
    assert {i for i, r in group.rows.items() if r.isVisible()} == hits
    assert rows_in_layout(group) == [i.id for i in group.indicators]
    search.clear()
    assert all(r.isVisible() for r in group.rows.values())


def test_fields_of_rows_on_screen_are_prepared_in_idle_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    page, group = long_list(qtbot, window)
    first = group.rows[group.indicators[0].id]
    assert first.details is None
    qtbot.waitUntil(lambda: not page.building)
    facts = find(window, QPlainTextEdit, f"facts-{first.indicator.id}")
    assert not facts.isVisible()  # made, but shown only when the signal is answered
    assert group.rows[group.indicators[-1].id].details is None  # far off screen: not made
    click(qtbot, first.buttons["seen"])
    assert facts.isVisible() and first.details_shown
    facts.setPlainText("maandag bij het hek")
    assert window.case.observation(first.indicator.id).facts == "maandag bij het hek"  # type: ignore[union-attr]


def test_lists_below_the_first_screen_are_made_in_idle_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    page, group = long_list(qtbot, window)
    assert page.groups == [group] and len(page.lists) > 1
    assert sorted(page.listed_indicators()) == sorted(
        i.id for _checklist, indicators in page.lists for i in indicators
    )
    qtbot.waitUntil(lambda: not page.building)
    assert [g.checklist.id for g in page.groups] == [c.id for c, _i in page.lists]
    assert not any(g.expanded or g.rows for g in page.groups[1:])
    # Tab from the search: each list's toggle, then its rows, then the next list's toggle.
    toggles = []
    widget = find(window, QLineEdit, "signal-search").nextInFocusChain()
    while widget is not window and widget.objectName() != "step-list":
        if widget.objectName().startswith("toggle-"):
            toggles.append(widget.objectName())
        widget = widget.nextInFocusChain()
    assert toggles == [g.toggle.objectName() for g in page.groups]


def test_a_search_makes_the_lists_it_needs_at_once(qtbot: QtBot, window: MainWindow) -> None:
    page, _group = long_list(qtbot, window)
    _last_list, indicators = page.lists[-1]
    target = indicators[-1]
    find(window, QLineEdit, "signal-search").setText(target.text.nl)
    assert len(page.groups) == len(page.lists)
    assert find(window, SignalRow, f"signal-{target.id}").isVisible()
    assert target.id in page.visible_indicators()


def test_signals_page_speaks_plainly_and_says_where_weights_come_from(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Issue 17/15: plain words first and the ILO term after; the sexual-exploitation list says
    its weights are derived and its profile provisional; no editors' note on screen."""
    from signaal.content.notices import ADDITION, PROVISIONAL, RULE_UNCONFIRMED, WEIGHTS_DERIVED
    from signaal.labels import PROFILE_PLAIN

    open_signals(qtbot, window)
    page = window.navigation.page("signals")
    qtbot.waitUntil(lambda: not page.building)  # type: ignore[attr-defined]
    group = next(
        g
        for g in page.groups  # type: ignore[attr-defined]
        if g.checklist.id == "adult-sexual"
    )
    if not group.expanded:
        click(qtbot, group.toggle)
    qtbot.waitUntil(lambda: set(group.rows) == {i.id for i in group.indicators})
    first = group.indicators[0]
    click(qtbot, find(window, QRadioButton, f"status-{first.id}-seen"))
    panel = html.unescape(find(window, QLabel, "profile-text").text())
    plain = {_(text) for text in PROFILE_PLAIN.values()}
    assert any(p in panel for p in plain)
    assert _(WEIGHTS_DERIVED) in panel
    assert _(RULE_UNCONFIRMED) in panel
    assert _(PROVISIONAL) in panel
    # A dimension reads plain first: "Met dwang vastgehouden (dwang op de bestemming)".
    coercion = window.catalog.dimensions_by_id["coercion-destination"]
    assert coercion.plain is not None
    assert f"{coercion.plain.nl} ({coercion.name.nl[0].lower()}" in panel
    assert _(WEIGHTS_DERIVED) in group.description.text()
    assert "WCMS" not in group.description.text()
    addition = next(i for i in group.indicators if i.ilo_addition)
    assert _(ADDITION) in group.rows[addition.id].text.text()
