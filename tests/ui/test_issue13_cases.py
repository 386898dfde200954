"""Issue 13 through the real window: the four cases entered as a professional would, then the
Weighing and Outcome pages and the saved PDF read for the advice they give."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from ui_helpers import click, find, page_text, save_referral_to, visible_text

from signaal.ui.main_window import MainWindow

CASES = Path(__file__).resolve().parent.parent / "cases"
STATUS = {
    ("seen", None): "seen",
    ("told", "person"): "told",
    ("told", "third-party"): "told-third-party",
}


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / name).read_text(encoding="utf-8"))
    return data


def enter(qtbot: QtBot, window: MainWindow, data: dict[str, Any]) -> None:
    """Answer the steps as the professional would: clicks, typing and the search box."""
    context = data.get("context", {})
    click(qtbot, find(window, QRadioButton, f"role-{data['role']}"))
    click(
        qtbot,
        find(window, QRadioButton, "acute-yes" if context.get("acute_danger") else "acute-no"),
    )
    if context.get("acute_situation"):
        click(qtbot, find(window, QRadioButton, f"acute-situation-{context['acute_situation']}"))
    click(qtbot, find(window, QPushButton, "next-button"))

    assert window.navigation.current_key() == "who"
    find(window, QSpinBox, "age-spin").setValue(data["age"])
    relation = find(window, QComboBox, "relation-combo")
    relation.setCurrentIndex(max(0, relation.findData(context.get("perpetrator_relation"))))
    if context.get("disclosure"):
        click(qtbot, find(window, QCheckBox, "disclosure"))
    click(qtbot, find(window, QPushButton, "next-button"))
    # Veilig Thuis: who reported comes first (its own test).
    if window.navigation.current_key() == "intake":
        click(qtbot, find(window, QPushButton, "next-button"))

    assert window.navigation.current_key() == "concerns"
    for concern in data["concerns"]:
        click(qtbot, find(window, QCheckBox, f"concern-{concern}"))
    click(qtbot, find(window, QPushButton, "next-button"))

    assert window.navigation.current_key() == "signals"
    search = find(window, QLineEdit, "signal-search")
    for observation in data["observations"]:
        indicator = window.catalog.indicator(observation["indicator"])
        search.setText(indicator.text.get("nl")[:40])  # find it as a user would
        status = STATUS[(observation["status"], observation.get("told_by"))]
        click(qtbot, find(window, QRadioButton, f"status-{indicator.id}-{status}"))
        find(window, QPlainTextEdit, f"facts-{indicator.id}").setPlainText(observation["facts"])
    search.clear()
    assert [o.indicator for o in window.case.observations] == [
        o["indicator"] for o in data["observations"]
    ]

    if "weighing" not in window.navigation.step_keys():
        return  # Veilig Thuis's safety assessment is walked in tests/ui/test_vt_flow.py
    window.navigation.go_to("weighing")
    for _question in range(5):
        shown = find(window, QLabel, "weighing-question")
        if not shown.isVisible():
            break
        question = next(
            q for q in window.catalog.weighing_questions if q.question.get("nl") == shown.text()
        )
        answer = data.get("weighing", {}).get(question.id)
        if answer is None:
            break
        click(qtbot, find(window, QPushButton, f"answer-{answer}"))


def outcome_text(qtbot: QtBot, window: MainWindow) -> str:
    window.navigation.go_to("outcome")
    page = window.navigation.page("outcome")
    qtbot.waitUntil(lambda: not page.building)  # type: ignore[attr-defined]
    return page_text(window)


def card(window: MainWindow, page: str, contact: str) -> QWidget:
    return find(window.navigation.page(page), QFrame, f"contact-{contact}")


def saved_pdf(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> str:
    target = tmp_path / "verwijzing.pdf"
    assert save_referral_to(qtbot, window, target)
    pages = PdfReader(io.BytesIO(target.read_bytes())).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def urgency_of(window: MainWindow, contact: str) -> str:
    return next(r.urgency for r in window.session.assessment().referrals if r.contact == contact)


def test_teacher_girl_with_older_boyfriend(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    enter(qtbot, window, _load("teacher-14-year-old-older-boyfriend.json"))
    panel = find(window, QLabel, "profile-text").text()
    assert "nog geen dimensie positief" in panel
    text = outcome_text(qtbot, window)
    assert "wijst niet op" not in text
    assert "Dit sluit mensenhandel niet uit." in text
    assert "geteld via het signaal: Verzuimt vaak of langdurig van school" in text
    assert "Veilig Thuis" in visible_text(card(window, "outcome", "veilig-thuis"))
    assert urgency_of(window, "veilig-thuis") in ("immediate", "today", "soon")
    pdf = saved_pdf(qtbot, window, tmp_path)
    assert "wijst niet op" not in pdf
    assert "sluit mensenhandel niet uit" in pdf
    assert "Veilig Thuis" in pdf


def test_gp_seasonal_worker_gets_the_trafficking_route(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    enter(qtbot, window, _load("gp-adult-polish-seasonal-worker-passport.json"))
    assert window.navigation.current_key() == "weighing"
    assert not find(window, QLabel, "weighing-question").isVisible()
    title = find(window, QLabel, "weighing-outcome").text()
    assert title == "Het afwegingskader geldt niet: volg de route bij mensenhandel"
    route = find(window, QLabel, "weighing-explanations").text()
    assert route.startswith("Het afwegingskader geldt hier niet")
    for name in (
        "CoMensha",
        "Nederlandse Arbeidsinspectie",
        "Politie",
        "FairWork",
        "conflict van plichten",
    ):
        assert name in route
    assert window.navigation.step_done("weighing")
    assert window.session.assessment().weighing.outcome == "not-applicable"
    text = outcome_text(qtbot, window)
    assert "Zorg afsluiten" not in text
    for contact in ("comensha", "labour-inspectorate", "police", "fairwork"):
        assert urgency_of(window, contact) == "soon"
        assert card(window, "outcome", contact).isVisible()
    assert "toestemming van de patiënt" in visible_text(card(window, "outcome", "comensha"))
    pdf = saved_pdf(qtbot, window, tmp_path)
    # The screen and the PDF name the outcome in the same words.
    assert "Het afwegingskader geldt niet: volg de route bij mensenhandel" in text
    assert "Het afwegingskader geldt niet: volg de route bij mensenhandel" in pdf
    assert "afsluiten" not in pdf.lower()
    assert "CoMensha" in pdf and "FairWork" in pdf


def test_gp_adult_with_unknown_relation_is_asked_first(qtbot: QtBot, window: MainWindow) -> None:
    data = _load("gp-adult-polish-seasonal-worker-passport.json")
    data["context"]["perpetrator_relation"] = "unknown"
    enter(qtbot, window, data)
    assert not find(window, QLabel, "weighing-question").isVisible()
    assert find(window, QLabel, "weighing-outcome").text().startswith("Eerst: wie")
    relation = find(window, QComboBox, "weighing-relation")
    assert relation.isVisible()
    relation.setCurrentIndex(relation.findData("employer"))
    assert window.case.context.perpetrator_relation == "employer"
    assert window.session.assessment().weighing.outcome == "not-applicable"
    assert not relation.isVisible()


def test_acute_sexual_violence_shows_every_number_at_once(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    click(qtbot, find(window, QRadioButton, "role-teacher"))
    click(qtbot, find(window, QRadioButton, "acute-yes"))
    start = window.navigation.page("start")
    # At once, before anything else is answered: 112, Veilig Thuis and the police.
    for contact, number in (
        ("emergency-112", "112"),
        ("veilig-thuis", "0800-2000"),
        ("police", ""),
    ):
        shown = card(window, "start", contact)
        assert shown.isVisible()
        assert number in visible_text(shown)
    assert "Gecontroleerd op" not in visible_text(card(window, "start", "emergency-112"))
    assert "dag en nacht" in visible_text(card(window, "start", "veilig-thuis")).lower()
    assert start.findChild(QFrame, "contact-csg") is None
    # One optional click names the situation; sexual violence adds the Centrum Seksueel Geweld.
    click(qtbot, find(window, QRadioButton, "acute-situation-acute-recent-sexual-violence"))
    assert "0800-0188" in visible_text(card(window, "start", "csg"))
    number = find(window.navigation.page("start"), QLabel, "contact-emergency-112-number")
    assert number.font().pointSizeF() >= 2 * window.font().pointSizeF() - 0.5
    click(qtbot, find(window, QPushButton, "next-button"))
    data = _load("teacher-16-year-old-acute-sexual-violence.json")
    find(window, QSpinBox, "age-spin").setValue(data["age"])
    text = outcome_text(qtbot, window)
    assert text.index("Bel nu") < text.index("Afweging")  # acute first on Outcome too
    immediate = [
        r.contact for r in window.session.assessment().referrals if r.urgency == "immediate"
    ]
    assert immediate[0] == "emergency-112"
    assert {"veilig-thuis", "csg"} <= set(immediate)
    assert urgency_of(window, "police") == "today"  # non-emergency line; 112 comes first
    pdf = saved_pdf(qtbot, window, tmp_path)
    assert "Acute situatie: Is er in de afgelopen zeven dagen seksueel geweld geweest" in pdf
    assert "0800-0188" in pdf


@pytest.mark.parametrize("role", ["veilig-thuis"])
def test_vt_boy_running_drugs_counts_and_no_false_all_clear(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, role: str
) -> None:
    """Only what is ours for the Veilig Thuis case: the Dutch signals count toward the
    profile, and nothing reads as an all-clear (the VT flow itself is another helper's)."""
    data = _load("vt-15-year-old-drug-runner.json")
    assert data["role"] == role
    enter(qtbot, window, data)
    (labour,) = [
        t for t in window.session.assessment().trafficking if t.checklist == "child-labour"
    ]
    assert labour.dimensions["coercion-destination"].strong == 3
    assert labour.profile == "partly-indicated"
    text = outcome_text(qtbot, window)
    assert "wijst niet op" not in text
    pdf = saved_pdf(qtbot, window, tmp_path)
    assert "wijst niet op" not in pdf
