"""The lazy column: a screenful at once, the rest in order, anything asked for in its place."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from signaal.ui.lazy import LazyColumn


def column(qtbot: QtBot, made: list[int]) -> LazyColumn[str, QLabel]:
    def make(index: int, text: str) -> QLabel:
        made.append(index)
        return QLabel(text)

    lazy: LazyColumn[str, QLabel] = LazyColumn(make)
    qtbot.addWidget(lazy)
    lazy.show()
    return lazy


def texts(lazy: LazyColumn[str, QLabel]) -> list[str]:
    shown = [lazy.layout_.itemAt(i).widget() for i in range(lazy.layout_.count())]
    return [label.text() for label in shown if isinstance(label, QLabel)]


def test_the_first_screen_is_made_at_once_and_the_rest_in_order(qtbot: QtBot) -> None:
    made: list[int] = []
    lazy = column(qtbot, made)
    lazy.start(["a", "bb", "ccc", "dddd", "e"], budget=5, cost=lambda text, _label: len(text))
    assert texts(lazy) == ["a", "bb", "ccc"] and lazy.pending
    lazy.make_more(time.perf_counter() + 60)
    assert texts(lazy) == ["a", "bb", "ccc", "dddd", "e"] and not lazy.pending
    assert made == [0, 1, 2, 3, 4]
    assert all(label.isVisible() for label in lazy.widgets())


def test_an_item_asked_for_is_made_in_its_place_and_only_once(qtbot: QtBot) -> None:
    made: list[int] = []
    lazy = column(qtbot, made)
    lazy.start(["a", "b", "c", "d", "e"], budget=1)
    lazy.ensure(3)
    assert texts(lazy) == ["a", "d"]
    lazy.make_through(2)
    assert texts(lazy) == ["a", "b", "c", "d"] and lazy.pending
    assert lazy.made(4) is None
    lazy.make_next()
    assert texts(lazy) == ["a", "b", "c", "d", "e"] and not lazy.pending
    assert made == [0, 3, 1, 2, 4]


def test_a_new_plan_replaces_what_was_made(qtbot: QtBot) -> None:
    lazy = column(qtbot, [])
    lazy.start(["a", "b"], budget=2)
    old = lazy.widgets()
    lazy.start(["x", "y", "z"], budget=1)
    assert [label.text() for label in lazy.widgets()] == ["x"]
    assert not any(label in lazy.widgets() for label in old)
    assert lazy.plan == ["x", "y", "z"]
