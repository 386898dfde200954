"""Property tests: no generated case raises, and more signals never make a dimension negative.

Cases are generated over the synthetic catalog and over the real shipped catalog's ids.
"""

from __future__ import annotations

import json
from typing import get_args

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from signaal.assessment import Case, Observation, assess
from signaal.assessment.conditions import case_facts
from signaal.assessment.json_output import assessment_json
from signaal.assessment.routing import URGENCY_ORDER
from signaal.content import Catalog
from signaal.content.models import RelationId

RELATIONS = get_args(RelationId)
PROFILE_RANK = {"not-indicated": 0, "partly-indicated": 1, "indicated": 2}
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def observations(catalog: Catalog) -> st.SearchStrategy[Observation]:
    return st.builds(
        Observation,
        indicator=st.sampled_from(sorted(catalog.indicators_by_id)),
        status=st.sampled_from(["seen", "told", "not-seen"]),
        told_by=st.sampled_from([None, "person", "third-party"]),
    )


def cases(catalog: Catalog) -> st.SearchStrategy[Case]:
    concerns = [*sorted(catalog.concerns_by_id), "criminal-exploitation"]
    return st.builds(
        Case,
        role=st.sampled_from([r.id for r in catalog.roles] + ["unknown-role"]),
        age=st.none() | st.integers(0, 110),
        age_band=st.none() | st.sampled_from(sorted(catalog.age_bands_by_id)),
        concerns=st.lists(st.sampled_from(sorted(set(concerns))), max_size=4, unique=True),
        observations=st.lists(observations(catalog), max_size=25),
        context=st.fixed_dictionaries(
            {
                "acute_danger": st.none() | st.booleans(),
                "disclosure": st.booleans(),
                "perpetrator_relation": st.none() | st.sampled_from(RELATIONS),
                "days_since_sexual_contact": st.none() | st.integers(0, 400),
                "consent_to_refer": st.none() | st.booleans(),
            }
        ),
        weighing=st.dictionaries(
            st.sampled_from(sorted(catalog.questions_by_id)),
            st.sampled_from(["yes", "no", "unsure"]),
        ),
    )


def _check_whole(catalog: Catalog, case: Case, shipped: bool = False) -> None:
    assessment = assess(catalog, case)
    for language in ("nl", "en"):
        json.dumps(assessment_json(assessment, language))
    contacts = [r.contact for r in assessment.referrals]
    assert len(contacts) == len(set(contacts))
    urgencies = [URGENCY_ORDER[r.urgency] for r in assessment.referrals]
    assert urgencies == sorted(urgencies)
    for result in assessment.trafficking:
        positive = any(d.positive for d in result.dimensions.values())
        assert (result.profile == "not-indicated") is not positive
    weighing = assessment.weighing
    assert weighing.path == list(dict.fromkeys(weighing.path))
    # Doubt in the afwegingskader sends to Veilig Thuis; a role with its own safety assessment
    # (Veilig Thuis itself) is never sent there.
    walked = {q.id for q in catalog.questions_for(case.role)}
    own = catalog.weighing_protocol(case.role) is not None
    unsure = any(a == "unsure" for q, a in case.weighing.items() if q in walked)
    if weighing.scope is None:
        assert weighing.consult_veilig_thuis == (unsure and not own)
    else:  # outside the meldcode's scope (or relation unknown): no question is asked
        assert weighing.path == []
        assert weighing.outcome in ("not-applicable", None)
    role = catalog.roles_by_id.get(case.role)
    if role is not None and role.own_contact is not None:
        assert role.own_contact not in contacts
    # Never a false all-clear: a recorded exploitation signal always leads to a consultation.
    exploitation_lists = {
        c.id
        for c in catalog.checklists
        if set(c.concerns) & {"sexual-exploitation", "labour-exploitation", "criminal-exploitation"}
    }
    present = [
        o.indicator
        for o in case.observations
        if o.counts and o.indicator in catalog.indicators_by_id
    ]
    facts = case_facts(catalog, case)
    recorded = any(
        catalog.indicators_by_id[i][0].id in exploitation_lists
        and catalog.fits_age(catalog.indicators_by_id[i][0].age_bands, facts.age_band, facts.minor)
        for i in present
    )
    if shipped and recorded and case.role in {"teacher", "gp"}:
        soon = {r.contact for r in assessment.referrals if URGENCY_ORDER[r.urgency] <= 2}
        assert soon & {"veilig-thuis", "comensha"}, case


def _check_monotone(catalog: Catalog, case: Case, extra: Observation) -> None:
    before = assess(catalog, case)
    grown = case.model_copy(update={"observations": [*case.observations, extra]})
    after = {r.checklist: r for r in assess(catalog, grown).trafficking}
    for result in before.trafficking:
        later = after[result.checklist]
        for dimension, verdict in result.dimensions.items():
            if verdict.positive:
                assert later.dimensions[dimension].positive, dimension
        assert PROFILE_RANK[later.profile] >= PROFILE_RANK[result.profile]


@SETTINGS
@given(data=st.data())
def test_no_generated_case_raises_synthetic(kit, data) -> None:
    _check_whole(kit.catalog, data.draw(cases(kit.catalog)))


@SETTINGS
@given(data=st.data())
def test_no_generated_case_raises_real_catalog(catalog: Catalog, data) -> None:
    _check_whole(catalog, data.draw(cases(catalog)), shipped=True)


@SETTINGS
@given(data=st.data())
def test_adding_a_signal_never_turns_a_dimension_negative(kit, data) -> None:
    case = data.draw(cases(kit.catalog))
    _check_monotone(kit.catalog, case, data.draw(observations(kit.catalog)))


@SETTINGS
@given(data=st.data())
def test_adding_a_signal_never_turns_a_dimension_negative_real(catalog: Catalog, data) -> None:
    case = data.draw(cases(catalog))
    _check_monotone(catalog, case, data.draw(observations(catalog)))


combinations = st.lists(
    st.fixed_dictionaries(
        {"strong": st.integers(0, 3), "medium": st.integers(0, 4), "weak": st.integers(0, 3)}
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=40, deadline=None)
@given(rule=combinations, data=st.data())
def test_monotone_under_any_delphi_rule(kit, rule, data) -> None:
    delphi = {**kit.data()["delphi_rule"], "positive_when": rule}
    catalog = kit.with_changes(delphi_rule=delphi)
    case = data.draw(cases(catalog))
    _check_monotone(catalog, case, data.draw(observations(catalog)))
