"""Fixtures for the window tests: a fresh MainWindow per test, dialogs answered by the test."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from signaal.content import Catalog
from signaal.i18n import set_language
from signaal.ui.main_window import MainWindow

# The tests import ui_helpers by name (pytest runs with --import-mode=importlib).
sys.path.insert(0, str(Path(__file__).parent))

CONTRACT_ROLES = ("teacher", "gp", "veilig-thuis")


class Answers:
    """What the patched QMessageBox.question answers, and which questions were asked."""

    def __init__(self) -> None:
        self.reply = QMessageBox.StandardButton.Yes
        self.asked: list[str] = []

    def question(self, _parent: object, title: str, *_args: object) -> QMessageBox.StandardButton:
        self.asked.append(title)
        return self.reply


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    recorder = Answers()
    monkeypatch.setattr(QMessageBox, "question", recorder.question)
    return recorder


@pytest.fixture(scope="session")
def flow_catalog(catalog: Catalog) -> Catalog:
    """The shipped catalog; roles other helpers have not delivered yet are stand-ins.

    The window is driven by content: a role missing from the catalog is copied from the first
    role under its contract id so every flow can still be walked.
    """
    present = {role.id for role in catalog.roles}
    extra = [
        replace(catalog.roles[0], id=role_id)
        for role_id in CONTRACT_ROLES
        if role_id not in present
    ]
    if not extra:
        return catalog
    return replace(catalog, roles=[*catalog.roles, *extra])


@pytest.fixture
def window(qtbot: QtBot, flow_catalog: Catalog, answers: Answers) -> Iterator[MainWindow]:
    set_language("nl")
    main = MainWindow(flow_catalog)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.session.reset()
    set_language("nl")
