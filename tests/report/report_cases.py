"""Realistic referral cases built from the shipped catalog's real ids, for every role."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
from typing import Any

from pypdf import PdfReader

from signaal.assessment import Case
from signaal.content import Catalog

NAMES = (
    "Łukasz Wiśniewski",
    "Nguyễn Thị Hương",
    "Şükrü Yılmaz",
    "Ελένη Παπαδοπούλου",
    "Юлия Иванова",
)

# (status, told_by, observer): own observation, told by the person, told by a third party.
SOURCES = (
    ("seen", None, "mentor"),
    ("told", "person", ""),
    ("told", "third-party", "buurvrouw (naam bekend bij melder)"),
)


def indicators_for(catalog: Catalog, role: str, band: str, concerns: list[str]) -> list[str]:
    """The indicators this role sees for this band and these concerns, taking turns per list."""
    lists = [
        [i.id for i in catalog.indicators_for(checklist, role, band)]
        for checklist in catalog.checklists_for(role, band, concerns)
    ]
    mixed = itertools.chain.from_iterable(itertools.zip_longest(*lists))
    return [i for i in mixed if i is not None]


def band_concerns(catalog: Catalog, band: str) -> list[str]:
    return [c.id for c in catalog.concerns if band in c.age_bands]


def observations(indicator_ids: list[str], count: int) -> list[dict[str, Any]]:
    """`count` answered signals cycling through the three sources, with facts and quotes."""
    result = []
    for number, (indicator, source) in enumerate(
        zip(itertools.islice(itertools.cycle(indicator_ids), count), itertools.cycle(SOURCES))
    ):
        status, told_by, observer = source
        result.append(
            {
                "indicator": indicator,
                "status": status,
                "told_by": told_by,
                "observer": observer,
                "when": f"{(number % 27) + 1} oktober 2026, tweede pauze",
                "facts": f"Feit nummer {number}: {NAMES[number % len(NAMES)]} kwam om 8.15 uur "
                "binnen met dezelfde kleding als gisteren en zei moe te zijn van het werk.",
                "quote": f"Ik moet elke avond werken, anders krijg ik straf (citaat {number})"
                if number % 2
                else "",
            }
        )
    # A signal answered `not-seen` must never appear on paper.
    return result


def case_for(
    catalog: Catalog,
    role: str,
    age: int,
    *,
    count: int = 12,
    purpose: str = "melding",
    extra: dict[str, Any] | None = None,
) -> Case:
    """A filled-in case as a professional of `role` would make it."""
    band = catalog.age_band_for(age).id
    concerns = band_concerns(catalog, band)
    ids = indicators_for(catalog, role, band, concerns)
    if not ids:  # content still growing: any indicator this role may see
        ids = [
            i.id
            for checklist in catalog.checklists
            for i in catalog.indicators_for(checklist, role, None)
        ]
    assert ids, f"no indicators for {role}: content missing"
    first_weighing = catalog.questions_for(role)[0].id
    data: dict[str, Any] = {
        "role": role,
        "purpose": purpose,
        "age": age,
        "concerns": concerns,
        "observations": observations(ids, count),
        "context": {"acute_danger": False, "perpetrator_relation": "employer"},
        "meldcode_steps": {
            "consultation": {
                "done": True,
                "with_whom": "aandachtsfunctionaris",
                "on": dt.date(2026, 10, 20),
                "vt_advice": True,
                "vt_advice_on": dt.date(2026, 10, 21),
                "vt_advice_summary": "Veilig Thuis adviseert: bespreek de signalen en meld.",
            },
            "conversation": {
                "done": True,
                "with_whom": "moeder",
                "on": dt.date(2026, 10, 22),
                "reaction": "Moeder schrok en wilde eerst met haar partner praten.",
            },
        },
        "weighing": {first_weighing: "yes"},
        "reporter": {"name": NAMES[0], "organisation": "OBS De Linde", "phone": "020-1234567"},
        "person": {"initials": "N.T.H.", "name": NAMES[1], "date_of_birth": dt.date(2010, 4, 1)},
        "decision": {
            "decision": "Ik meld bij Veilig Thuis.",
            "reasoning": "De signalen komen uit meerdere bronnen en houden aan.",
        },
    }
    if catalog.flow_for(role) == "intake":
        # Veilig Thuis takes a report in: no meldcode steps of its own, an intake instead.
        del data["meldcode_steps"]
        data["intake"] = {
            "kind": "report",
            "received_on": dt.date(2026, 10, 20),
            "reporter_kind": "professional",
            "reporter_relation": "mentor",
            "reporter_profession": "leraar",
            "reporter_name": NAMES[2],
            "reporter_contact": "020-7654321",
            "open_report": True,
            "summary": "De mentor meldt dat de leerling moe is en zegt 's avonds te moeten werken.",
        }
        data["safety"] = {
            "assessed_on": dt.date(2026, 10, 21),
            "information": "Geen eerdere meldingen; de school is al betrokken.",
            "reasons": "Het vermoeden blijft; verdere beoordeling volgt.",
        }
        data["decision"] = {
            "decision": "Verder beoordelen en de politie betrekken.",
            "reasoning": "De signalen komen uit meerdere bronnen en houden aan.",
        }
    data.update(extra or {})
    return Case.model_validate(data)


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def body_text(pages: list[str], language: str) -> str:
    """The pages' text without the page frame, which would split a long text apart.

    The frame (confidential, title, date, page x of y, footer) is drawn last on each page, so
    it is everything from the confidential mark on.
    """
    from signaal.i18n import translator

    mark = translator(language)("Confidential").upper()
    cleaned = []
    for page in pages:
        assert mark in page
        cleaned.append(page[: page.rindex(mark)])
    return "".join(cleaned)


def flat(text: str) -> str:
    """Text without any whitespace: extraction breaks lines wherever the layout wrapped them."""
    return re.sub(r"\s+", "", text)
