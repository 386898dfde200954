"""The shipped catalog: it loads, every text is bilingual, every reference resolves, and the
protocol, contacts and routing say what the content reference says."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, is_dataclass

import pytest

from signaal.content import Catalog, Text, load_catalog
from signaal.content.loader import default_content_dir
from signaal.content.models import Sourced
from signaal.content.references import catalog_ids, check_references

CONTRACT_INDICATORS = {
    "csa-online-sextortion",
    "csa-online-grooming",
    "csa-disclosure",
    "csa-sti-young-child",
}
CONTACTS = {
    "emergency-112", "police", "veilig-thuis", "comensha", "csg", "helpwanted",
    "labour-inspectorate", "fairwork", "meld-misdaad-anoniem", "kindertelefoon", "fier",
    "slachtofferhulp", "school-board", "knmg-artseninfolijn",
    "raad-kinderbescherming", "zorgcoordinator-mensenhandel", "lokaal-team",
}  # fmt: skip


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog(use_compiled=False)


def texts(node: object, path: str = "") -> Iterator[tuple[str, Text]]:
    """Every Text anywhere in the catalog, with where it is."""
    if isinstance(node, Text):
        yield path, node
    elif is_dataclass(node):
        for name in (item.name for item in fields(node)):
            yield from texts(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, list | tuple):
        for index, item in enumerate(node):
            label = getattr(item, "id", index)
            yield from texts(item, f"{path}[{label}]")


def test_every_text_has_both_languages_and_no_empty_string(shipped: Catalog) -> None:
    found = list(texts(shipped))
    assert len(found) > 200
    for path, text in found:
        assert text.nl.strip() and text.en.strip(), path
        assert text.nl != text.en or len(text.nl) < 40, f"{path} is not translated"


def test_every_reference_resolves_and_ids_are_unique(shipped: Catalog) -> None:
    assert check_references(shipped) == []
    for kind, ids in catalog_ids(shipped).items():
        if kind != "section":
            assert [i for i, n in Counter(ids).items() if n > 1] == [], kind
    cited = {source for _path, entry in _sourced(shipped) for source in entry}
    assert cited <= set(shipped.sources_by_id)
    # The shared source list carries no dead entries (checklist files keep their own lists).
    shared = tomllib.loads((default_content_dir() / "sources.toml").read_text(encoding="utf-8"))
    unused = {source["id"] for source in shared["source"]} - cited
    assert unused == set(), f"sources nobody cites: {sorted(unused)}"


def _sourced(node: object, path: str = "") -> Iterator[tuple[str, list[str]]]:
    if is_dataclass(node):
        if isinstance(node, Sourced):
            yield path, node.sources
        for name in (item.name for item in fields(node)):
            yield from _sourced(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, list):
        for item in node:
            yield from _sourced(item, path)


def test_building_blocks_are_complete(shipped: Catalog) -> None:
    assert [b.id for b in shipped.age_bands] == ["0-4", "4-12", "12-18", "18+"]
    assert shipped.age_band_for(3).id == "0-4"
    assert shipped.age_band_for(4).id == "4-12"
    assert shipped.age_band_for(17).id == "12-18"
    assert shipped.age_band_for(18).id == "18+"
    assert (shipped.minor_at(0), shipped.minor_at(17), shipped.minor_at(18)) == (True, True, False)
    assert set(shipped.concerns_by_id) == {
        "child-sexual-abuse", "sexual-exploitation", "labour-exploitation",
        "criminal-exploitation",
    }  # fmt: skip
    assert "18+" not in shipped.concerns_by_id["child-sexual-abuse"].age_bands
    relations = {r.id: r for r in shipped.relations}
    assert set(relations) == {
        "household", "dependency", "school-staff", "employer", "online-contact", "peer",
        "stranger", "unknown",
    }  # fmt: skip
    assert [r.id for r in relations.values() if r.household] == ["household"]
    assert set(shipped.contacts_by_id) == CONTACTS
    assert shipped.info.version and shipped.info.date.year >= 2025


def test_roles_and_their_protocols(shipped: Catalog) -> None:
    assert {r.id: r.protocol for r in shipped.roles} == {
        "teacher": "basismodel",
        "gp": "knmg",
        "veilig-thuis": "veilig-thuis",
    }
    gp = shipped.role("gp")
    for term in ("stap 5", "kindcheck", "drie meldnormen", "conflict van plichten"):
        assert term in gp.legal_position.nl
    assert "vertrouwensarts" in gp.consultation_partners.nl
    teacher = shipped.role("teacher")
    assert "aandachtsfunctionaris" in teacher.description.nl
    assert "bevoegd gezag" in teacher.legal_position.nl
    assert "minderjarige leerling" in teacher.legal_position.nl
    receiver = shipped.role("veilig-thuis")
    assert "CoMensha" in receiver.legal_position.nl
    assert len(shipped.protocol_for("gp").reporting_norms) == 3
    assert len(shipped.protocol_for("teacher").reporting_norms) == 2


def test_weighing_questions_sit_where_each_variant_puts_them(shipped: Catalog) -> None:
    def placement(protocol_id: str) -> dict[int, list[str]]:
        protocol = shipped.protocols_by_id[protocol_id]
        return {s.number: s.weighing_questions for s in protocol.steps if s.weighing_questions}

    all_five = ["suspicion", "unsafety", "can-help", "help-accepted", "help-effective"]
    assert placement("basismodel") == {4: all_five[:2], 5: all_five[2:]}
    assert placement("knmg") == {5: all_five}
    assert [q.id for q in sorted(shipped.questions_of(None), key=lambda q: q.number)] == all_five
    # Veilig Thuis walks its own safety assessment, in its step 4, ending in its own outcomes.
    safety = ["vt-suspicion", "vt-acute", "vt-structural", "vt-voluntary-help"]
    assert placement("veilig-thuis") == {4: safety}
    assert [q.id for q in shipped.questions_for("veilig-thuis")] == safety
    assert [q.id for q in shipped.questions_for("teacher")] == all_five
    vt_outcomes = {o.id for o in shipped.protocols_by_id["veilig-thuis"].outcomes}
    reached = {
        branch.outcome
        for q in shipped.questions_of("veilig-thuis")
        for branch in (q.on_yes, q.on_no)
        if branch.outcome is not None
    }
    assert reached == vt_outcomes


@pytest.mark.parametrize(
    ("answers", "outcome"),
    [
        ({"suspicion": "no"}, "close"),
        ({"suspicion": "yes", "unsafety": "yes"}, "report"),
        ({"suspicion": "yes", "unsafety": "no", "can-help": "no"}, "report"),
        (
            {"suspicion": "yes", "unsafety": "no", "can-help": "yes", "help-accepted": "no"},
            "report",
        ),
        (
            {"suspicion": "yes", "unsafety": "no", "can-help": "yes", "help-accepted": "yes",
             "help-effective": "yes"},
            "help-and-monitor",
        ),
        (
            {"suspicion": "yes", "unsafety": "no", "can-help": "yes", "help-accepted": "yes",
             "help-effective": "no"},
            "report",
        ),
    ],
)  # fmt: skip
def test_afwegingskader_branching(shipped: Catalog, answers: dict[str, str], outcome: str) -> None:
    question = shipped.first_weighing_question
    path = []
    while True:
        path.append(question.id)
        branch = question.on_yes if answers[question.id] == "yes" else question.on_no
        if branch.outcome is not None:
            break
        assert branch.next is not None
        question = shipped.questions_by_id[branch.next]
    assert path == list(answers)
    assert branch.outcome == outcome


def test_unsafety_exceptions_and_conflict_of_duties(shipped: Catalog) -> None:
    unsafety = {u.id: u for u in shipped.unsafety}
    assert set(unsafety) == {"acute", "structural"}
    assert any("uitgebuit" in e.nl for e in unsafety["acute"].examples)
    assert {e.id for e in shipped.step3_exceptions} == {
        "exception-child-safety", "exception-own-safety", "exception-trust",
    }  # fmt: skip
    assert [q.number for q in shipped.conflict_of_duties] == [1, 2, 3, 4, 5]
    assert len(shipped.acute_danger) >= 5
    guidance = {g.id for g in shipped.guidance}
    assert {"step3-conversation", "school-staff-sexual-offence", "professional-secrecy"} <= guidance


def test_contacts_never_present_doubt_as_certainty(shipped: Catalog) -> None:
    for contact in shipped.contacts:
        assert contact.phone or contact.channel, contact.id
        if contact.verification != "verified":
            # The reasons for the doubt are kept for editors, never shown (issue 17).
            assert contact.editor_note, contact.id
        assert contact.checked_in, contact.id
        assert "watch" not in contact.id
    # The reference found no phone number for these: only their website or chat is shown.
    for contact_id in ("fairwork", "fier"):
        assert shipped.contact(contact_id).phone is None
    # Resolved (issue 15): CoMensha's own pages give Monday to Friday 9:00-17:00.
    assert shipped.contact("comensha").verification == "verified"
    assert "9.00 tot 17.00" in shipped.contact("comensha").hours.nl
    assert shipped.contact("knmg-artseninfolijn").verification == "verified-old"
    assert shipped.contact("emergency-112").available_24_7
    assert shipped.contact("veilig-thuis").phone == "0800-2000"


def test_routing_uses_only_contract_indicator_ids(shipped: Catalog) -> None:
    for rule in shipped.routing_rules:
        assert set(rule.when.indicators_any) <= CONTRACT_INDICATORS, rule.id
    first = shipped.routing_rules[0]
    assert first.when.acute_danger is True
    assert [(t.contact, t.urgency) for t in first.refer] == [("emergency-112", "immediate")]


def test_routing_covers_the_reference_routes(shipped: Catalog) -> None:
    routes = {(target.contact, rule.id) for rule in shipped.routing_rules for target in rule.refer}
    contacts_routed = {contact for contact, _rule in routes}
    assert contacts_routed | {"csg"} >= CONTACTS  # csg also via the pending signal rules
    school = next(r for r in shipped.routing_rules if r.id == "school-staff-sexual-offence")
    assert school.when.relations_any == ["school-staff"] and school.when.minor is True
    assert school.refer[0].contact == "school-board"
    recent = next(r for r in shipped.routing_rules if r.id == "recent-sexual-violence")
    assert recent.when.max_days_since_sexual_contact == 7
    assert recent.refer[0].contact == "csg"
    adult = next(r for r in shipped.routing_rules if r.id == "adult-labour-exploitation")
    assert {t.contact for t in adult.refer} >= {"police", "labour-inspectorate", "comensha"}
    assert "conflict van plichten" in adult.reason.nl


def test_no_text_states_that_someone_is_a_victim(shipped: Catalog) -> None:
    forbidden = re.compile(
        r"\bis (?:een )?slachtoffer\b|\bis a victim\b|\bwas abused\b|\bis misbruikt\b", re.I
    )
    # Signal texts may describe what someone says or what was abused ("a difficult family
    # situation was abused"); conclusions, rules, contacts and guidance must never state a finding.
    for path, text in texts(shipped):
        if ".checklists[" in path:
            continue
        assert not forbidden.search(text.nl), path
        assert not forbidden.search(text.en), path


def test_compiled_copy_is_the_same_catalog(shipped: Catalog) -> None:
    assert load_catalog() == shipped
