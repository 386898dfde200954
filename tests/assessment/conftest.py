"""A small synthetic catalog, so that the engine's tests do not depend on the shipped content.

Every ILO list has, per dimension, two strong (`-s1`, `-s2`), three medium (`-m1`..`-m3`) and
two weak (`-w1`, `-w2`) indicators: `al-exp-s1` is the first strong exploitation indicator of
the adult labour list. The rules mirror the reference (Delphi rule, combination rules, the
afwegingskader and the routing rules of issue 4) but are written here, as data.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

from signaal.assessment import Assessment, Case, assess
from signaal.content import Catalog
from signaal.content.loader import validator

SRC = ["test-source"]
DIMENSIONS = {
    "deceptive-recruitment": ("dec", "recruitment"),
    "coercive-recruitment": ("coe", "recruitment"),
    "recruitment-vulnerability": ("rvu", "recruitment"),
    "exploitation": ("exp", "exploitation"),
    "coercion-destination": ("cod", "destination"),
    "vulnerability-destination": ("vud", "destination"),
}
ILO_LISTS = {
    "adult-labour": ("al", ["labour-exploitation"], ["18+"]),
    "adult-sexual": ("as", ["sexual-exploitation"], ["18+"]),
    "child-labour": ("cl", ["labour-exploitation"], ["4-12", "12-18"]),
    "child-sexual": ("cs", ["sexual-exploitation"], ["4-12", "12-18"]),
}
MINOR_BANDS = ["0-4", "4-12", "12-18"]
CONTACTS = [
    "emergency-112",
    "police",
    "veilig-thuis",
    "comensha",
    "csg",
    "helpwanted",
    "labour-inspectorate",
    "fairwork",
    "meld-misdaad-anoniem",
    "kindertelefoon",
    "fier",
    "slachtofferhulp",
    "school-board",
    "knmg-artseninfolijn",
]
EXPLOITATION_CONCERNS = ["sexual-exploitation", "labour-exploitation", "criminal-exploitation"]


def t(english: str) -> dict[str, str]:
    """A bilingual text whose Dutch side is recognisable in tests."""
    return {"nl": f"NL {english}", "en": english}


def ilo_id(list_id: str, dimension: str, weight_slot: str) -> str:
    """`ilo_id("adult-labour", "exploitation", "s1")` -> "al-exp-s1"."""
    return f"{ILO_LISTS[list_id][0]}-{DIMENSIONS[dimension][0]}-{weight_slot}"


def _ilo_checklist(list_id: str) -> dict[str, Any]:
    prefix, concerns, bands = ILO_LISTS[list_id]
    sections = [
        {"id": f"{prefix}-{abbr}", "title": t(name), "dimension": name}
        for name, (abbr, _group) in DIMENSIONS.items()
    ]
    weights = {"s": "strong", "m": "medium", "w": "weak"}
    indicators = [
        {
            "id": ilo_id(list_id, name, slot),
            "section": f"{prefix}-{abbr}",
            "text": t(f"{list_id} {name} {weights[slot[0]]} {slot}"),
            "dimension": name,
            "weight": weights[slot[0]],
            "age_bands": bands,
            "sources": SRC,
        }
        for name, (abbr, _group) in DIMENSIONS.items()
        for slot in ("s1", "s2", "m1", "m2", "m3", "w1", "w2")
    ]
    return {
        "id": list_id,
        "title": t(list_id),
        "description": t(list_id),
        "kind": "ilo",
        "concerns": concerns,
        "age_bands": bands,
        "sections": sections,
        "indicators": indicators,
        "sources": SRC,
    }


def _signals(
    checklist_id: str, kind: str, items: list[tuple[str, str | None]], bands: list[str]
) -> dict[str, Any]:
    return {
        "id": checklist_id,
        "title": t(checklist_id),
        "description": t(checklist_id),
        "kind": kind,
        "concerns": ["child-sexual-abuse"],
        "age_bands": bands,
        "sections": [{"id": f"{checklist_id}-all", "title": t("all")}],
        "indicators": [
            {
                "id": item_id,
                "section": f"{checklist_id}-all",
                "text": t(item_id),
                "flag": flag,
                "age_bands": bands,
                "sources": SRC,
            }
            for item_id, flag in items
        ],
        "sources": SRC,
    }


def _question(qid: str, number: int, yes: dict[str, str], no: dict[str, str]) -> dict[str, Any]:
    return {
        "id": qid,
        "number": number,
        "question": t(f"Question {qid}?"),
        "explanation": t(f"about {qid}"),
        "on_yes": {**yes, "explanation": t(f"{qid} yes")},
        "on_no": {**no, "explanation": t(f"{qid} no")},
        "on_unsure": t(f"{qid} unsure: consult Veilig Thuis"),
        "sources": SRC,
    }


def _protocol(pid: str, steps: dict[int, list[str]]) -> dict[str, Any]:
    return {
        "id": pid,
        "name": t(pid),
        "description": t(pid),
        "steps": [
            {
                "number": n,
                "title": t(f"{pid} step {n}"),
                "description": t("step"),
                "weighing_questions": steps.get(n, []),
            }
            for n in range(1, 6)
        ],
        "reporting_norms": [t("report when unsafe")],
        "on_acute_danger": t("Acute danger: call 112"),
        "sources": SRC,
    }


def _routing(rule_id: str, when: dict[str, Any], refer: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "id": rule_id,
        "when": when,
        "refer": [{"contact": c, "urgency": u} for c, u in refer],
        "reason": t(f"reason {rule_id}"),
        "sources": SRC,
    }


INDICATED = ["indicated", "partly-indicated"]
ROUTING_RULES = [
    _routing("acute-danger", {"acute_danger": True}, [("emergency-112", "immediate")]),
    _routing("recent-sexual-contact", {"max_days_since_sexual_contact": 7}, [("csg", "immediate")]),
    _routing(
        "disclosed-sexual-assault",
        {"disclosure": True, "concerns_any": ["child-sexual-abuse", "sexual-exploitation"]},
        [("csg", "today")],
    ),
    _routing(
        "minor-abuse-or-exploitation",
        {
            "minor": True,
            "any_of": [
                {"concern_levels_any": ["possible", "clear"]},
                {"profiles_any": INDICATED},
            ],
        },
        [("veilig-thuis", "today")],
    ),
    _routing(
        "household-exploitation",
        {"relations_any": ["household"], "concerns_any": EXPLOITATION_CONCERNS},
        [("veilig-thuis", "soon")],
    ),
    _routing(
        "adult-exploited-by-third-party",
        {
            "minor": False,
            "relations_any": ["employer", "stranger", "unknown", "online-contact", "dependency"],
            "profiles_any": INDICATED,
        },
        [
            ("police", "soon"),
            ("labour-inspectorate", "soon"),
            ("comensha", "soon"),
            ("fairwork", "info"),
        ],
    ),
    _routing(
        "gp-without-consent",
        {
            "roles_any": ["gp"],
            "minor": False,
            "profiles_any": INDICATED,
            "none_of": [{"consent_to_refer": True}],
        },
        [("knmg-artseninfolijn", "info")],
    ),
    _routing(
        "online-sextortion",
        {"indicators_any": ["csa-online-sextortion"]},
        [("helpwanted", "today"), ("police", "today")],
    ),
    _routing(
        "school-staff-sexual-offence",
        {
            "minor": True,
            "relations_any": ["school-staff"],
            "concerns_any": ["child-sexual-abuse", "sexual-exploitation"],
        },
        [("school-board", "immediate")],
    ),
    _routing("weighing-report", {"outcomes_any": ["report"]}, [("veilig-thuis", "today")]),
]

CONCERN_RULES = [
    {
        "id": "sti-young-child",
        "level": "clear",
        "when": {"indicators_any": ["csa-sti-young-child"]},
        "reason": t("An STI in a young child with other transmission ruled out"),
        "sources": SRC,
    },
    {
        "id": "credible-disclosure",
        "level": "clear",
        "when": {"indicators_any": ["csa-disclosure"]},
        "reason": t("A credible disclosure"),
        "sources": SRC,
    },
    {
        "id": "transgressive-behaviour",
        "level": "possible",
        "when": {"flags_any": ["red", "black"]},
        "reason": t("Seriously transgressive sexual behaviour"),
        "sources": SRC,
    },
    {
        "id": "several-signals",
        "level": "possible",
        "when": {"checklists_any": ["csa-signals"], "min_indicators": 2},
        "reason": t("Several signals together"),
        "sources": SRC,
    },
    {
        "id": "online-abuse",
        "level": "possible",
        "when": {"indicators_any": ["csa-online-sextortion", "csa-online-grooming"]},
        "reason": t("Online sexual abuse signals"),
        "sources": SRC,
    },
]


def catalog_data() -> dict[str, Any]:
    """The synthetic catalog as plain data (tests may change a copy and validate it again)."""
    bands = [
        {"id": "0-4", "name": t("0-4"), "min_age": 0, "max_age": 3, "minor": True},
        {"id": "4-12", "name": t("4-12"), "min_age": 4, "max_age": 11, "minor": True},
        {"id": "12-18", "name": t("12-18"), "min_age": 12, "max_age": 17, "minor": True},
        {"id": "18+", "name": t("18+"), "min_age": 18, "minor": False},
    ]
    concerns = [
        {
            "id": c,
            "name": t(c),
            "description": t(c),
            "age_bands": MINOR_BANDS if c == "child-sexual-abuse" else ["4-12", "12-18", "18+"],
            "sources": SRC,
            # Criminal exploitation has no list of its own and borrows the labour lists.
            **({"borrows_lists_of": "labour-exploitation"} if c == "criminal-exploitation" else {}),
        }
        for c in ["child-sexual-abuse", *EXPLOITATION_CONCERNS]
    ]
    roles = [
        {
            "id": r,
            "name": t(r),
            "description": t(r),
            "legal_position": t(r),
            "protocol": "knmg" if r == "gp" else "basismodel",
            "consultation_partners": t(r),
            "sources": SRC,
        }
        for r in ("teacher", "gp", "veilig-thuis")
    ]
    questions = [
        _question("suspicion", 1, {"next": "unsafety"}, {"outcome": "close"}),
        _question("unsafety", 2, {"outcome": "report"}, {"next": "can-help"}),
        _question("can-help", 3, {"next": "help-accepted"}, {"outcome": "report"}),
        _question("help-accepted", 4, {"next": "help-effective"}, {"outcome": "report"}),
        _question("help-effective", 5, {"outcome": "help-and-monitor"}, {"outcome": "report"}),
    ]
    contacts = [
        {
            "id": c,
            "name": t(c),
            "purpose": t(c),
            "phone": "0800-0000",
            "hours": t("always"),
            "verification": "verified",
            "verified_on": "2026-01-01",
            "sources": SRC,
        }
        for c in CONTACTS
    ]
    csa = _signals(
        "csa-signals",
        "signals",
        [
            (i, None)
            for i in (
                "csa-disclosure",
                "csa-sti-young-child",
                "csa-online-sextortion",
                "csa-online-grooming",
                "csa-nightmares",
                "csa-regression",
                "csa-secret-adult",
            )
        ],
        MINOR_BANDS,
    )
    flags = _signals(
        "csa-flags",
        "flags",
        [(f"csa-flag-{f}", f) for f in ("green", "yellow", "red", "black")],
        MINOR_BANDS,
    )
    return {
        "info": {
            "version": "test",
            "date": "2026-11-23",
            "title": t("Test catalog"),
            "disclaimer": t("Signals support a suspicion; the professional decides."),
        },
        "sources": [
            {"id": "test-source", "title": "T", "publisher": "P", "year": 2020, "url": "u"}
        ],
        "age_bands": bands,
        "concerns": concerns,
        "relations": [],
        "roles": roles,
        "protocols": [
            _protocol(
                "basismodel",
                {4: ["suspicion", "unsafety"], 5: ["can-help", "help-accepted", "help-effective"]},
            ),
            _protocol("knmg", {5: [q["id"] for q in questions]}),
        ],
        "weighing_questions": questions,
        "unsafety": [],
        "step3_exceptions": [
            {"id": "safety", "text": t("safety first"), "sources": SRC},
        ],
        "conflict_of_duties": [],
        "acute_danger": [],
        "guidance": [],
        "contacts": contacts,
        "checklists": [*(_ilo_checklist(list_id) for list_id in ILO_LISTS), csa, flags],
        "dimensions": [
            {
                "id": name,
                "name": t(name.replace("-", " ").capitalize()),
                "group": group,
                "description": t(name),
            }
            for name, (_abbr, group) in DIMENSIONS.items()
        ],
        "flag_criteria": [],
        "flag_levels": [],
        "delphi_rule": {
            "positive_when": [
                {"strong": 2},
                {"strong": 1, "medium": 1},
                {"strong": 1, "weak": 1},
                {"medium": 3},
                {"medium": 2, "weak": 1},
            ],
            "explanation": t("The Delphi rule"),
            "sources": SRC,
        },
        "trafficking_rules": [
            {
                "id": "adult-combination",
                "minor": False,
                "require": [
                    ["deceptive-recruitment", "coercive-recruitment", "recruitment-vulnerability"],
                    ["exploitation"],
                    ["coercion-destination", "vulnerability-destination"],
                ],
                "explanation": t("Adults need recruitment, exploitation and destination"),
                "exploitation_only": t("Labour-rights problem rather than trafficking"),
                "sources": SRC,
            },
            {
                "id": "minor-combination",
                "minor": True,
                "require": [["exploitation"]],
                "explanation": t("Minors need only exploitation"),
                "sources": SRC,
            },
        ],
        "concern_rules": CONCERN_RULES,
        "routing_rules": ROUTING_RULES,
    }


SYNTHETIC = validator(Catalog).validate_python(catalog_data())


def make_case(**fields: Any) -> Case:
    """A case with sensible defaults; `seen=[ids]` and `told=[ids]` add observations."""
    seen = fields.pop("seen", [])
    told = fields.pop("told", [])
    observations = [{"indicator": i, "status": "seen"} for i in seen]
    observations += [{"indicator": i, "status": "told", "told_by": "person"} for i in told]
    fields.setdefault("role", "teacher")
    return Case.model_validate({**fields, "observations": observations})


def run_case(catalog: Catalog | None = None, **fields: Any) -> Assessment:
    return assess(catalog or SYNTHETIC, make_case(**fields))


class Kit:
    """What the tests need from the synthetic catalog, handed out as one session fixture."""

    catalog = SYNTHETIC
    data = staticmethod(catalog_data)
    case = staticmethod(make_case)
    run = staticmethod(run_case)
    ilo = staticmethod(ilo_id)
    dimensions: ClassVar[list[str]] = list(DIMENSIONS)
    contacts: ClassVar[list[str]] = CONTACTS

    @staticmethod
    def with_changes(**changes: Any) -> Catalog:
        """A copy of the synthetic catalog with some top-level entries replaced."""
        return validator(Catalog).validate_python({**catalog_data(), **changes})


@pytest.fixture(scope="session")
def kit() -> type[Kit]:
    return Kit
