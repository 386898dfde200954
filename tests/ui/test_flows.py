"""Complete walks through the window for each role, asserting what is on screen at each step."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path

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
)
from pytestqt.qtbot import QtBot
from ui_helpers import (
    click,
    find,
    indicators_on_screen,
    page_text,
    save_referral_to,
    visible_text,
)

from signaal.content import Catalog
from signaal.i18n import _, content_language
from signaal.ui.main_window import MainWindow
from signaal.ui.pages.weighing import outcome_name
from signaal.ui.profile_panel import profile_name


@dataclass
class Scenario:
    role: str
    age: int
    concerns: list[str]  # empty: "not sure"
    relation: str | None
    signals: int
    told_by_third_party: bool
    answers: dict[str, str] = field(default_factory=dict)
    facts: str = "Maandag 3 maart, 8:15 bij het hek: hij zei 'ik moet daarna nog werken'."


TEACHER = Scenario("teacher", 9, [], "household", 3, False, {"suspicion": "yes"})
GP = Scenario(
    "gp",
    34,
    ["labour-exploitation"],
    "employer",
    4,
    False,
    {"suspicion": "yes", "unsafety": "yes"},
    facts="Seizoenswerker, 12 uur per dag in de kas; woont via de werkgever (consult 14-3).",
)


def walk(qtbot: QtBot, window: MainWindow, scenario: Scenario, tmp_path: Path) -> bytes:
    catalog = window.catalog
    language = content_language()

    # 1 Start: the acute-danger question comes first, the privacy line is there.
    assert window.navigation.current_key() == "start"
    assert "opgeslagen" in page_text(window)  # "Er wordt niets opgeslagen: ..."
    click(qtbot, find(window, QRadioButton, f"role-{scenario.role}"))
    assert window.case.role == scenario.role
    click(qtbot, find(window, QRadioButton, "acute-no"))
    assert window.case.context.acute_danger is False
    assert find(window, QLabel, "privacy-line").text() != ""
    assert window.navigation.step_done("start")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 2 Who: the age selects the age band shown on screen.
    assert window.navigation.current_key() == "who"
    find(window, QSpinBox, "age-spin").setValue(scenario.age)
    band = catalog.age_band_for(scenario.age)
    assert window.session.age_group().band == band.id
    assert band.name.get(language) in find(window, QLabel, "age-band").text()
    expected_kind = "person-child" if band.minor else "person-adult"
    assert find(window, QRadioButton, expected_kind).isChecked()
    relation = find(window, QComboBox, "relation-combo")
    if scenario.relation in {r.id for r in catalog.relations}:
        relation.setCurrentIndex(relation.findData(scenario.relation))
        assert window.case.context.perpetrator_relation == scenario.relation
    assert window.navigation.step_done("who")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 3 Concerns: only those that fit the age are offered.
    assert window.navigation.current_key() == "concerns"
    fitting = [c.id for c in catalog.concerns if band.id in c.age_bands]
    for concern in catalog.concerns:
        assert find(window, QCheckBox, f"concern-{concern.id}").isVisible() == (
            concern.id in fitting
        )
    wanted = [c for c in scenario.concerns if c in fitting]
    if wanted:
        for concern_id in wanted:
            click(qtbot, find(window, QCheckBox, f"concern-{concern_id}"))
        assert window.case.concerns == [c for c in fitting if c in wanted]
    else:
        click(qtbot, find(window, QCheckBox, "concern-not-sure"))
        assert window.case.concerns == fitting
    click(qtbot, find(window, QPushButton, "next-button"))

    # 4 Signals: exactly the lists that fit role, band and concerns, grouped by checklist.
    assert window.navigation.current_key() == "signals"
    case = window.case
    expected = indicators_on_screen(catalog, case)
    page = window.navigation.page("signals")
    assert sorted(page.listed_indicators()) == sorted(i.id for i in expected)  # type: ignore[attr-defined]
    # The first list is open; the others fold until the user opens them.
    groups = page.groups  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not page.building)  # type: ignore[attr-defined]
    if groups:
        assert groups[0].expanded
        assert set(page.visible_indicators()) == {  # type: ignore[attr-defined]
            i.id for group in groups if group.expanded for i in group.indicators
        }
    lists = catalog.checklists_for(case.role, band.id, case.concerns)
    text = page_text(window)
    for checklist in lists:
        if catalog.indicators_for(checklist, case.role, band.id):
            assert checklist.title.get(language) in text
    if not expected:
        pytest.skip(f"no signal list for {scenario.role}, {band.id} in this catalog yet")
    panel = find(window, QLabel, "profile-text")
    assert panel.isVisible()
    # Signals from every list: open a folded list by its arrow, as a user would.
    chosen = [group.indicators[0] for group in groups][: scenario.signals]
    chosen += [i for i in expected if i not in chosen][: scenario.signals - len(chosen)]
    for indicator in chosen:
        group = next(g for g in groups if indicator in g.indicators)
        if not group.expanded:
            click(qtbot, group.toggle)
            assert group.expanded
        status = "told-third-party" if scenario.told_by_third_party else "seen"
        click(qtbot, find(window, QRadioButton, f"status-{indicator.id}-{status}"))
        facts = find(window, QPlainTextEdit, f"facts-{indicator.id}")
        assert facts.isVisible()
        assert "what" in facts.placeholderText().lower() or "wat" in facts.placeholderText()
        facts.setPlainText(scenario.facts)
        find(window, QLineEdit, f"quote-{indicator.id}").insert("ik mag niks zeggen")
    for indicator in chosen:
        observation = window.case.observation(indicator.id)
        assert observation is not None
        assert observation.facts == scenario.facts
        assert observation.quote == "ik mag niks zeggen"
        if scenario.told_by_third_party:
            assert (observation.status, observation.told_by) == ("told", "third-party")
        else:
            assert observation.status == "seen"
    # The side panel shows the same profile as the assessment, after every click.
    assessment = window.session.assessment()
    for result in assessment.trafficking:
        assert profile_name(result.profile) in panel.text()
    assert window.navigation.step_done("signals")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 5 Meldcode steps: per the role's protocol.
    assert window.navigation.current_key() == "meldcode"
    protocol = catalog.protocol_for(scenario.role)
    assert protocol.steps[1].title.get(language) in page_text(window)
    click(qtbot, find(window, QCheckBox, "consultation-done"))
    find(window, QLineEdit, "consultation-with").insert("aandachtsfunctionaris")
    advice = find(window, QCheckBox, "vt-advice")
    # Asking Veilig Thuis for advice is a step for the others, not for Veilig Thuis itself.
    assert advice.isVisible() == (scenario.role != "veilig-thuis")
    if advice.isVisible():
        click(qtbot, advice)
    consultation = window.case.meldcode_steps.consultation
    assert consultation.done and consultation.with_whom == "aandachtsfunctionaris"
    assert consultation.on is None  # no date is invented: it is empty until typed
    qtbot.keyClicks(find(window, QLineEdit, "consultation-date"), "3-11-2026")
    assert window.case.meldcode_steps.consultation.on == dt.date(2026, 11, 3)
    assert consultation.vt_advice == (scenario.role != "veilig-thuis")
    click(qtbot, find(window, QRadioButton, "conversation-not-done"))
    exceptions = find(window, QComboBox, "conversation-exception")
    assert exceptions.isEnabled()
    if catalog.step3_exceptions:
        exceptions.setCurrentIndex(1)
        assert window.case.meldcode_steps.conversation.exception == catalog.step3_exceptions[0].id
    assert window.case.meldcode_steps.conversation.done is False
    assert window.navigation.step_done("meldcode")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 6 Weighing: one question at a time, along the catalog's branches.
    assert window.navigation.current_key() == "weighing"
    question = catalog.first_weighing_question
    # Outside the meldcode's scope (an adult exploited by an employer) no question is asked.
    rounds = 0 if window.session.assessment().weighing.scope else len(catalog.weighing_questions)
    for _round in range(rounds):
        shown = find(window, QLabel, "weighing-question")
        assert shown.text() == question.question.get(language)
        assert find(window, QLabel, "weighing-explanation").text() == question.explanation.get(
            language
        )
        answer = scenario.answers.get(question.id, "no")
        click(qtbot, find(window, QPushButton, f"answer-{answer}"))
        branch = {"yes": question.on_yes, "no": question.on_no}.get(answer)
        if branch is None or branch.next is None:
            break
        question = catalog.questions_by_id[branch.next]
    weighing = window.session.assessment().weighing
    result = find(window, QLabel, "weighing-outcome").text()
    if weighing.outcome is not None:
        assert result == outcome_name(weighing.outcome)
    else:
        assert weighing.consult_veilig_thuis
        assert "Veilig Thuis" in result
    assert find(window, QLabel, "weighing-explanations").text()
    assert window.navigation.step_done("weighing")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 7 Outcome: the explanations and a contact card per referral, then the own decision.
    assert window.navigation.current_key() == "outcome"
    qtbot.waitUntil(lambda: not window.navigation.page("outcome").building)  # type: ignore[attr-defined]
    assessment = window.session.assessment()
    text = page_text(window)
    for explanation in assessment.weighing.explanations:
        assert explanation.text.get(language) in text
    for referral in assessment.referrals:
        contact = catalog.contact(referral.contact)
        card_text = visible_text(find(window, QFrame, f"contact-{contact.id}"))
        assert contact.name.get(language) in card_text
        assert contact.hours.get(language) in card_text
        assert referral.reason.get(language) in card_text
        if contact.phone:
            assert contact.phone in card_text
    decision = find(window, QPlainTextEdit, "decision-text")
    assert decision.hasFocus() or decision.isVisible()
    decision.setPlainText("Vandaag melden bij Veilig Thuis.")
    find(window, QPlainTextEdit, "decision-reasoning").setPlainText("Signalen zijn concreet.")
    assert window.case.decision.decision == "Vandaag melden bij Veilig Thuis."
    assert window.navigation.step_done("outcome")
    click(qtbot, find(window, QPushButton, "next-button"))

    # 8 Referral: saved where the user chose.
    assert window.navigation.current_key() == "referral"
    assert not find(window, QPushButton, "next-button").isEnabled()
    target = tmp_path / "verwijzing.pdf"
    assert save_referral_to(qtbot, window, target)
    assert window.navigation.step_done("referral")
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    return data


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# Veilig Thuis walks its own flow (intake, safety assessment, handover): test_vt_flow.py.
@pytest.mark.parametrize("scenario", [TEACHER, GP], ids=lambda s: s.role)
def test_complete_flow(
    qtbot: QtBot, window: MainWindow, scenario: Scenario, tmp_path: Path, flow_catalog: Catalog
) -> None:
    data = walk(qtbot, window, scenario, tmp_path)
    text = " ".join(pdf_text(data).split())
    for observation in window.case.observations:
        assert flow_catalog.indicator(observation.indicator).text.get("nl")[:20] in text
    assert _("Referral") and len(data) > 1000
