"""Single steps in detail: acute danger first, the weighing walk, themes, a failed save."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, save_referral_to, visible_text

from signaal.i18n import content_language
from signaal.ui.main_window import MainWindow
from signaal.ui.pages.outcome import OutcomePage
from signaal.ui.pages.weighing import outcome_name
from signaal.ui.widgets import ContactCard


def test_acute_danger_puts_112_in_front(qtbot: QtBot, window: MainWindow) -> None:
    panel = find(window, QWidget, "acute-contacts")
    assert not panel.isVisible()
    click(qtbot, find(window, QRadioButton, "acute-yes"))
    assert window.case.context.acute_danger is True
    assert panel.isVisible()
    contact = window.catalog.contact("emergency-112")
    card = find(window, QFrame, "contact-emergency-112")
    text = visible_text(card)
    assert "112" in text and contact.hours.get(content_language()) in text
    # Every immediate or 24/7 referral the engine gives is on the first screen.
    for referral in window.session.assessment().referrals:
        listed = window.catalog.contact(referral.contact)
        if referral.urgency == "immediate" or listed.available_24_7:
            assert find(window, QFrame, f"contact-{listed.id}").isVisible()
    # Danger over: the cards go.
    click(qtbot, find(window, QRadioButton, "acute-no"))
    assert not panel.isVisible()


def test_weighing_follows_branches_and_can_go_back(qtbot: QtBot, window: MainWindow) -> None:
    catalog = window.catalog
    language = content_language()
    window.navigation.go_to("weighing")
    first = catalog.first_weighing_question
    question = find(window, QLabel, "weighing-question")
    assert question.text() == first.question.get(language)
    assert not find(window, QPushButton, "weighing-previous").isEnabled()
    # "no" on the first question ends the walk where the catalog says.
    click(qtbot, find(window, QPushButton, "answer-no"))
    if first.on_no.outcome is not None:
        assert find(window, QLabel, "weighing-outcome").text() == outcome_name(first.on_no.outcome)
        assert (
            first.on_no.explanation.get(language)
            in find(window, QLabel, "weighing-explanations").text()
        )
    # Change the answer: back to question 1, answer yes, the next question follows on_yes.
    click(qtbot, find(window, QPushButton, "weighing-restart"))
    assert question.text() == first.question.get(language)
    assert find(window, QPushButton, "answer-no").isChecked()
    click(qtbot, find(window, QPushButton, "answer-yes"))
    if first.on_yes.next is None:
        pytest.skip("the first question ends the walk on yes")
    second = catalog.questions_by_id[first.on_yes.next]
    assert question.text() == second.question.get(language)
    assert window.case.weighing == {first.id: "yes"}
    click(qtbot, find(window, QPushButton, "answer-unsure"))
    assert "Veilig Thuis" in find(window, QLabel, "weighing-outcome").text()
    assert second.on_unsure.get(language) in find(window, QLabel, "weighing-explanations").text()
    # Going back and answering "no" drops the answer that is no longer on the path.
    click(qtbot, find(window, QPushButton, "weighing-restart"))
    click(qtbot, find(window, QPushButton, "answer-no"))
    assert window.case.weighing == {first.id: "no"}


def test_themes_force_light_and_dark(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette().color(QPalette.ColorRole.Window)
    window.prefs.set_theme("dark")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 100
    window.prefs.set_theme("light")
    assert app.palette().color(QPalette.ColorRole.Window).lightness() > 200
    window.prefs.set_theme("system")
    assert app.palette().color(QPalette.ColorRole.Window) == original


def test_failed_save_says_so_and_keeps_the_case(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text, *_a: warnings.append(text)
    )
    click(qtbot, find(window, QRadioButton, "acute-no"))
    assert not save_referral_to(qtbot, window, tmp_path / "missing-folder" / "verwijzing.pdf")
    assert len(warnings) == 1
    assert window.case.context.acute_danger is False
    assert not window.navigation.step_done("referral")


def test_saving_from_the_preview_counts_as_the_referral(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from signaal.ui import saving
    from signaal.ui.pdf_preview import PdfPreviewDialog

    suggested: list[str] = []

    def fake_save(pdf: bytes, _parent: object, name: str) -> Path:
        suggested.append(name)
        return tmp_path / name

    monkeypatch.setattr(saving, "save_pdf", fake_save)
    # Instead of waiting for the user, the preview presses its own Save button.
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda dialog: dialog.save_button.click())
    window.navigation.go_to("referral")
    window.referral_output.preview()
    # The PDF is made in a worker thread; the preview opens when it is done.
    qtbot.waitUntil(lambda: bool(suggested), timeout=30_000)
    assert suggested == ["signaal-verwijzing.pdf"]
    assert window.navigation.step_done("referral")


def test_person_name_and_birth_date_only_when_typed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    import datetime as dt
    import io

    from pypdf import PdfReader
    from PySide6.QtWidgets import QLineEdit

    window.navigation.go_to("referral")
    assert window.case.person.name == "" and window.case.person.date_of_birth is None
    birth = find(window, QLineEdit, "birth-date")
    assert birth.text() == ""  # empty until typed: no invented date
    find(window, QLineEdit, "person-name").insert("Nguyễn Thị Hương")
    qtbot.keyClicks(birth, "05-04-2011")
    assert window.case.person.name == "Nguyễn Thị Hương"
    assert window.case.person.date_of_birth == dt.date(2011, 4, 5)
    target = tmp_path / "verwijzing.pdf"
    assert save_referral_to(qtbot, window, target)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Nguyễn Thị Hương" in text
    birth.selectAll()
    qtbot.keyClick(birth, Qt.Key.Key_Delete)
    assert window.case.person.date_of_birth is None


def test_outcome_shows_its_first_screen_at_once_and_the_rest_in_idle_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, find(window, QRadioButton, "acute-no"))
    window.navigation.go_to("who")
    find(window, QSpinBox, "age-spin").setValue(34)
    window.navigation.go_to("signals")  # no concern chosen: every list that fits the age
    signals = window.navigation.page("signals")
    qtbot.waitUntil(lambda: not signals.building)  # type: ignore[attr-defined]
    for row in list(signals.rows.values())[:4]:  # type: ignore[attr-defined]
        click(qtbot, row.buttons["seen"])
    window.navigation.go_to("weighing")
    for _question in range(len(window.catalog.weighing_questions)):
        answer = window.findChild(QPushButton, "answer-yes")
        if answer is None or not answer.isVisible() or not answer.isEnabled():
            break
        click(qtbot, answer)
    window.navigation.go_to("outcome")
    page = window.navigation.page("outcome")
    assert isinstance(page, OutcomePage)
    assert find(window, QLabel, "outcome-weighing").isVisible()
    at_once = len(page.summary.widgets())
    QApplication.processEvents()  # laid out and painted: the first screen as the user sees it
    viewport = page.scroll_area.viewport()
    decision_top = page.decision_box.mapTo(viewport, QPoint(0, 0)).y()
    qtbot.waitUntil(lambda: not page.building)
    widgets = page.summary.widgets()
    assert len(widgets) > at_once, "the case should give a summary longer than a screen"
    # Meanwhile the decision stayed below the first screen: the rest did not push it down.
    assert decision_top >= viewport.height()
    assert all(widget.isVisible() for widget in widgets)
    referrals = window.session.assessment().referrals
    cards = [widget for widget in widgets if isinstance(widget, ContactCard)]
    assert [card.objectName() for card in cards] == [
        f"contact-{referral.contact}" for referral in referrals
    ]
    # Coming back with the same answers keeps the summary as it is.
    window.navigation.go_to("weighing")
    window.navigation.go_to("outcome")
    assert not page.building and page.summary.widgets()[0] is widgets[0]
