"""The afwegingskader walk over the catalog's branching: every branch, unsure, incomplete."""

from __future__ import annotations

import pytest

WALKS = [
    ({"suspicion": "no"}, ["suspicion"], "close"),
    ({"suspicion": "yes", "unsafety": "yes"}, ["suspicion", "unsafety"], "report"),
    (
        {"suspicion": "yes", "unsafety": "no", "can-help": "no"},
        ["suspicion", "unsafety", "can-help"],
        "report",
    ),
    (
        {"suspicion": "yes", "unsafety": "no", "can-help": "yes", "help-accepted": "no"},
        ["suspicion", "unsafety", "can-help", "help-accepted"],
        "report",
    ),
    (
        {
            "suspicion": "yes",
            "unsafety": "no",
            "can-help": "yes",
            "help-accepted": "yes",
            "help-effective": "yes",
        },
        ["suspicion", "unsafety", "can-help", "help-accepted", "help-effective"],
        "help-and-monitor",
    ),
    (
        {
            "suspicion": "yes",
            "unsafety": "no",
            "can-help": "yes",
            "help-accepted": "yes",
            "help-effective": "no",
        },
        ["suspicion", "unsafety", "can-help", "help-accepted", "help-effective"],
        "report",
    ),
]
FULL = WALKS[4][0]
ORDER = ["suspicion", "unsafety", "can-help", "help-accepted", "help-effective"]


@pytest.mark.parametrize(("answers", "path", "outcome"), WALKS)
def test_every_branch(kit, answers, path, outcome) -> None:
    weighing = kit.run(weighing=answers).weighing
    assert weighing.path == path
    assert weighing.outcome == outcome
    assert not weighing.consult_veilig_thuis
    walked = [e for e in weighing.explanations if e.questions]
    assert [e.questions for e in walked] == [[q] for q in path]
    last = walked[-1].text.en
    assert f"{path[-1]} {answers[path[-1]]}" in last  # the branch explanation from content


def test_answers_off_the_path_are_ignored(kit) -> None:
    weighing = kit.run(weighing={"suspicion": "no", "unsafety": "yes", "can-help": "no"}).weighing
    assert (weighing.path, weighing.outcome) == (["suspicion"], "close")


@pytest.mark.parametrize("index", range(5))
def test_unsure_at_each_question_stops_and_advises_veilig_thuis(kit, index) -> None:
    answers = {q: FULL[q] for q in ORDER[:index]}
    answers[ORDER[index]] = "unsure"
    weighing = kit.run(weighing=answers).weighing
    assert weighing.path == ORDER[: index + 1]
    assert weighing.outcome is None
    assert weighing.consult_veilig_thuis
    assert f"{ORDER[index]} unsure: consult Veilig Thuis" in weighing.explanations[-1].text.en


def test_unsure_off_the_path_still_advises_veilig_thuis(kit) -> None:
    weighing = kit.run(weighing={"suspicion": "no", "can-help": "unsure"}).weighing
    assert weighing.outcome == "close"
    assert weighing.consult_veilig_thuis
    assert weighing.explanations[-1].questions == ["can-help"]


@pytest.mark.parametrize("answered", range(5))
def test_incomplete_walk_has_no_outcome(kit, answered) -> None:
    answers = {q: FULL[q] for q in ORDER[:answered]}
    weighing = kit.run(weighing=answers).weighing
    assert weighing.outcome is None
    assert weighing.path == ORDER[: answered + 1]
    assert not weighing.consult_veilig_thuis
    assert "not complete" in weighing.explanations[-1].text.en


def test_steps_follow_the_role_protocol(kit) -> None:
    teacher = kit.run(role="teacher", weighing={"suspicion": "no"}).weighing.explanations[0]
    gp = kit.run(role="gp", weighing={"suspicion": "no"}).weighing.explanations[0]
    assert teacher.text.en.startswith("Step 4 (basismodel step 4): Question suspicion?")
    assert gp.text.en.startswith("Step 5 (knmg step 5): Question suspicion? Answer: no.")
    assert gp.text.nl.startswith("Stap 5 (NL knmg step 5): NL Question suspicion? Antwoord: nee.")


def test_acute_danger_is_prominent(kit) -> None:
    weighing = kit.run(context={"acute_danger": True}).weighing
    assert weighing.acute_danger
    assert weighing.explanations[0].rule == "basismodel-on-acute-danger"
    assert "112" in weighing.explanations[0].text.en
    assert not kit.run(context={"acute_danger": False}).weighing.acute_danger


def test_a_loop_in_the_branching_ends(kit) -> None:
    questions = kit.data()["weighing_questions"]
    questions[1] = {**questions[1], "on_no": {**questions[1]["on_no"], "next": "suspicion"}}
    questions[1]["on_no"].pop("outcome", None)
    questions[1]["on_no"]["next"] = "suspicion"
    catalog = kit.with_changes(weighing_questions=questions)
    weighing = kit.run(catalog, weighing={"suspicion": "yes", "unsafety": "no"}).weighing
    assert weighing.path == ["suspicion", "unsafety"]
    assert weighing.outcome is None


def test_a_report_outcome_shows_the_protocol_reporting_norms(kit) -> None:
    weighing = kit.run(role="gp", weighing={"suspicion": "yes", "unsafety": "yes"}).weighing
    assert weighing.explanations[-1].rule == "knmg-reporting-norm"
    assert weighing.explanations[-1].text.en == "report when unsafe"
    closed = kit.run(role="gp", weighing={"suspicion": "no"}).weighing
    assert not any(e.rule.endswith("reporting-norm") for e in closed.explanations)


def test_a_report_outcome_shows_the_guidance_on_informing_those_involved(kit) -> None:
    guidance = [
        {
            "id": "informing-before-report",
            "title": {"nl": "Informeren", "en": "Informing"},
            "body": [{"nl": "Vertel het vooraf.", "en": "Tell them beforehand."}],
            "outcomes": ["report"],
            "sources": ["test-source"],
        }
    ]
    catalog = kit.with_changes(guidance=guidance)
    weighing = kit.run(catalog, weighing={"suspicion": "yes", "unsafety": "yes"}).weighing
    assert weighing.explanations[-1].rule == "informing-before-report"
    assert weighing.explanations[-1].text.en == "Informing: Tell them beforehand."
    closed = kit.run(catalog, weighing={"suspicion": "no"}).weighing
    assert all(e.rule != "informing-before-report" for e in closed.explanations)
