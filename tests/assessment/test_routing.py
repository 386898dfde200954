"""Referral advice from the routing rules: every rule kind, urgency order, deduplication."""

from __future__ import annotations

import pytest

ADULT_LABOUR = {"age": 31, "concerns": ["labour-exploitation"]}


def _exploitation(kit, list_id: str) -> list[str]:
    return [kit.ilo(list_id, "exploitation", s) for s in ("s1", "s2")]


def _advice(assessment) -> list[tuple[str, str]]:
    return [(r.contact, r.urgency) for r in assessment.referrals]


def test_nothing_to_refer_without_signals(kit) -> None:
    assert kit.run(**ADULT_LABOUR).referrals == []


def test_acute_danger_puts_112_first(kit) -> None:
    assessment = kit.run(
        age=15,
        concerns=["sexual-exploitation"],
        seen=_exploitation(kit, "child-sexual"),
        context={"acute_danger": True},
        weighing={"suspicion": "yes", "unsafety": "yes"},
    )
    assert _advice(assessment)[0] == ("emergency-112", "immediate")
    assert assessment.referrals[0].reason.en == "reason acute-danger"
    assert assessment.referrals[0].rules == ["acute-danger"]


@pytest.mark.parametrize(("days", "referred"), [(0, True), (7, True), (8, False), (None, False)])
def test_recent_sexual_contact_goes_to_the_csg(kit, days, referred) -> None:
    assessment = kit.run(age=16, context={"days_since_sexual_contact": days})
    assert (("csg", "immediate") in _advice(assessment)) is referred


def test_disclosure_of_sexual_assault_goes_to_the_csg(kit) -> None:
    assessment = kit.run(age=16, concerns=["child-sexual-abuse"], context={"disclosure": True})
    assert ("csg", "today") in _advice(assessment)
    assert "csg" not in [c for c, _ in _advice(kit.run(age=16, concerns=["child-sexual-abuse"]))]


def test_minor_abuse_or_exploitation_goes_to_veilig_thuis(kit) -> None:
    abuse = kit.run(age=8, concerns=["child-sexual-abuse"], told=["csa-disclosure"])
    assert ("veilig-thuis", "today") in _advice(abuse)
    assert abuse.referrals[-1].rules == ["minor-abuse-or-exploitation"]
    exploited = kit.run(
        age=16, concerns=["labour-exploitation"], seen=_exploitation(kit, "child-labour")
    )
    assert ("veilig-thuis", "today") in _advice(exploited)
    nothing = kit.run(age=16, concerns=["labour-exploitation"])
    assert "veilig-thuis" not in [c for c, _ in _advice(nothing)]


def test_a_child_of_unknown_age_is_routed_as_a_minor(kit) -> None:
    """A "child" without an age: the minor rules still apply (and the adult ones do not)."""
    child = kit.run(minor=True, concerns=["child-sexual-abuse"], told=["csa-disclosure"])
    assert ("veilig-thuis", "today") in _advice(child)
    unknown = kit.run(concerns=["child-sexual-abuse"], told=["csa-disclosure"])
    assert "veilig-thuis" not in [c for c, _ in _advice(unknown)]


def test_household_exploitation_goes_to_veilig_thuis_also_for_adults(kit) -> None:
    assessment = kit.run(**ADULT_LABOUR, context={"perpetrator_relation": "household"})
    assert _advice(assessment) == [("veilig-thuis", "soon")]


def test_adult_exploited_by_employer(kit) -> None:
    assessment = kit.run(
        **ADULT_LABOUR,
        seen=_exploitation(kit, "adult-labour"),
        context={"perpetrator_relation": "employer", "consent_to_refer": True},
        role="gp",
    )
    assert _advice(assessment) == [
        ("police", "soon"),
        ("labour-inspectorate", "soon"),
        ("comensha", "soon"),
        ("fairwork", "info"),
    ]


@pytest.mark.parametrize(("consent", "reminded"), [(None, True), (False, True), (True, False)])
def test_gp_is_reminded_of_consent_and_conflict_of_duties(kit, consent, reminded) -> None:
    assessment = kit.run(
        **ADULT_LABOUR,
        role="gp",
        seen=_exploitation(kit, "adult-labour"),
        context={"perpetrator_relation": "employer", "consent_to_refer": consent},
    )
    assert (("knmg-artseninfolijn", "info") in _advice(assessment)) is reminded
    teacher = kit.run(
        **ADULT_LABOUR,
        seen=_exploitation(kit, "adult-labour"),
        context={"perpetrator_relation": "employer", "consent_to_refer": consent},
    )
    assert "knmg-artseninfolijn" not in [c for c, _ in _advice(teacher)]


def test_online_sextortion_goes_to_helpwanted_and_police(kit) -> None:
    assessment = kit.run(age=14, concerns=["child-sexual-abuse"], told=["csa-online-sextortion"])
    assert _advice(assessment) == [
        ("veilig-thuis", "today"),  # the minor rule comes first in the catalog
        ("helpwanted", "today"),
        ("police", "today"),
    ]


def test_referrals_name_the_signals_that_led_there(kit) -> None:
    assessment = kit.run(age=14, concerns=["child-sexual-abuse"], told=["csa-online-sextortion"])
    helpwanted = next(r for r in assessment.referrals if r.contact == "helpwanted")
    assert helpwanted.indicators == ["csa-online-sextortion"]


def test_school_staff_suspect_goes_to_the_school_board(kit) -> None:
    assessment = kit.run(
        age=13,
        concerns=["child-sexual-abuse"],
        context={"perpetrator_relation": "school-staff"},
        told=["csa-disclosure"],
    )
    advice = _advice(assessment)
    assert advice[0] == ("school-board", "immediate")
    assert ("veilig-thuis", "today") in advice  # not only the meldcode route, but also it
    adult = kit.run(
        age=19, concerns=["sexual-exploitation"], context={"perpetrator_relation": "school-staff"}
    )
    assert "school-board" not in [c for c, _ in _advice(adult)]


def test_weighing_outcome_report_goes_to_veilig_thuis(kit) -> None:
    assessment = kit.run(age=30, weighing={"suspicion": "yes", "unsafety": "yes"})
    assert _advice(assessment) == [("veilig-thuis", "today")]
    closed = kit.run(age=30, weighing={"suspicion": "no"})
    assert closed.referrals == []


def test_a_contact_appears_once_with_its_most_urgent_advice(kit) -> None:
    assessment = kit.run(
        age=15,
        concerns=["labour-exploitation"],
        seen=_exploitation(kit, "child-labour"),
        context={"perpetrator_relation": "household"},
        weighing={"suspicion": "yes", "unsafety": "yes"},
    )
    advice = _advice(assessment)
    assert advice == [("veilig-thuis", "today")]
    vt = assessment.referrals[0]
    assert vt.rules == ["minor-abuse-or-exploitation", "household-exploitation", "weighing-report"]
    assert vt.reason.en == "reason minor-abuse-or-exploitation"
    assert [r.en for r in vt.reasons] == [
        "reason minor-abuse-or-exploitation",
        "reason household-exploitation",
        "reason weighing-report",
    ]


def test_a_later_more_urgent_rule_upgrades_the_contact(kit) -> None:
    rules = kit.data()["routing_rules"]
    rules.append(
        {
            "id": "urgent-household",
            "when": {"relations_any": ["household"], "acute_danger": True},
            "refer": [{"contact": "veilig-thuis", "urgency": "immediate"}],
            "reason": {"nl": "nu", "en": "now"},
            "sources": ["test-source"],
        }
    )
    catalog = kit.with_changes(routing_rules=rules)
    assessment = kit.run(
        catalog,
        **ADULT_LABOUR,
        context={"perpetrator_relation": "household", "acute_danger": True},
    )
    assert _advice(assessment) == [("emergency-112", "immediate"), ("veilig-thuis", "immediate")]
    vt = assessment.referrals[1]
    assert vt.reason.en == "now"
    assert vt.rules == ["urgent-household", "household-exploitation"]


def test_order_is_by_urgency_then_catalog_order(kit) -> None:
    assessment = kit.run(
        age=14,
        concerns=["child-sexual-abuse"],
        told=["csa-online-sextortion"],
        context={"acute_danger": True, "days_since_sexual_contact": 2, "disclosure": True},
    )
    assert _advice(assessment) == [
        ("emergency-112", "immediate"),
        ("csg", "immediate"),
        ("veilig-thuis", "today"),
        ("helpwanted", "today"),
        ("police", "today"),
    ]
