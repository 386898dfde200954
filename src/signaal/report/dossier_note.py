"""A short plain-text note for the file: the practice's information system or the pupil's file.

The professional documents the case in their own system; this note gives them the essentials in
at most about 1,500 characters: date, concerns, the signals (one line each, with their source),
the weighing outcome, the decision and the contacts advised. For GPs it follows the order in
which a consultation is recorded, S/O/E/P (subjective: what was told; objective: what was seen;
evaluation: the weighing; plan: decision and contacts). No Qt and no reportlab.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from signaal.assessment.carried import Carried
from signaal.assessment.case import Case, Observation
from signaal.assessment.intake import concerns_looked_at
from signaal.assessment.result import Assessment
from signaal.content.catalog import Catalog
from signaal.i18n import format_date, translator
from signaal.labels import OBSERVATION_SOURCES, outcome_name, wording

MAX_NOTE_CHARS = 1_500
MAX_FREE_TEXT = 240


def dossier_note(
    catalog: Catalog,
    case: Case,
    assessment: Assessment,
    language: str,
    today: dt.date,
    carried: Carried | None = None,
) -> str:
    """The note in `language`, never longer than `MAX_NOTE_CHARS`."""
    _ = translator(language)
    lines = _signal_lines(catalog, case, carried or Carried(), language)
    seen = [text for source, text in lines if source == "seen"]
    told = [text for source, text in lines if source != "seen"]
    head = [
        _("Signaal note for the file"),
        _("Date: {date}").format(date=format_date(today, language)),
        _("Concerns: {concerns}").format(
            concerns=_concerns(catalog, case, language) or _("none chosen")
        ),
    ]
    weighing = _outcome(catalog, assessment, language)
    evaluation = [_("Outcome of the weighing: {outcome}").format(outcome=weighing)]
    decision = _short(case.decision.decision) or _("not recorded")
    contacts = _contacts(catalog, assessment, language) or _("none")
    plan = [
        _("Decision: {decision}").format(decision=decision),
        _("Contacts advised: {contacts}").format(contacts=contacts),
    ]
    role = catalog.roles_by_id.get(case.role or "")
    if role is not None and role.note_format == "soep":
        body = [
            "S: " + _("Told:"),
            *_bullets(told),
            "O: " + _("Observed:"),
            *_bullets(seen),
            *(f"E: {line}" for line in evaluation),
            *(f"P: {line}" for line in plan),
        ]
    else:
        body = [_("Signals:"), *_bullets([*seen, *told]), *evaluation, *plan]
    return _fit([*head, *body], _)


def _outcome(catalog: Catalog, assessment: Assessment, language: str) -> str:
    """The outcome as the referral names it: the afwegingskader's, or a protocol's own."""
    _ = translator(language)
    outcome = assessment.weighing.outcome
    if outcome is None:
        return _("not reached: the weighing is not finished")
    return outcome_name(outcome, catalog, _, language)


def _signal_lines(
    catalog: Catalog, case: Case, carried: Carried, language: str
) -> list[tuple[str, str]]:
    """(source, "signal (source)") for every signal seen or told, retired ones by saved text."""
    _ = translator(language)
    found: list[tuple[Observation, str]] = []
    for observation in case.observations:
        entry = catalog.indicators_by_id.get(observation.indicator)
        if observation.counts and entry is not None:
            found.append((observation, entry[1].text.get(language)))
    found += [(r.observation, r.text) for r in carried.retired if r.observation.counts]
    lines: list[tuple[str, str]] = []
    for observation, text in found:
        source = "seen" if observation.status == "seen" else observation.source or "unknown"
        line = f"{_short(text, 160)} ({wording(OBSERVATION_SOURCES, source, _)})"
        lines.append((source, line))
    return lines


def _bullets(items: list[str]) -> list[str]:
    return [f"- {item}" for item in items] or ["- —"]


def _concerns(catalog: Catalog, case: Case, language: str) -> str:
    return "; ".join(
        catalog.concerns_by_id[c].name.get(language)
        for c in concerns_looked_at(catalog, case)
        if c in catalog.concerns_by_id
    )


def _contacts(catalog: Catalog, assessment: Assessment, language: str) -> str:
    names = []
    for referral in assessment.referrals:
        contact = catalog.contacts_by_id.get(referral.contact)
        if contact is None:
            continue
        channel = _short(contact.channel.get(language), 60) if contact.channel else ""
        reach = contact.phone or channel
        name = contact.name.get(language)
        names.append(f"{name} ({reach})" if reach else name)
    return "; ".join(names)


def _short(text: str, limit: int = MAX_FREE_TEXT) -> str:
    """One line of at most `limit` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else f"{line[: limit - 1].rstrip()}…"


def _fit(lines: list[str], _: Callable[[str], str]) -> str:
    """Join the lines; when too long, drop signal lines from the end and say how many."""
    text = "\n".join(lines)
    dropped = 0
    while len(text) > MAX_NOTE_CHARS:
        signals = [
            i
            for i, line in enumerate(lines)
            if line.startswith("- ") and not line.startswith("- …")
        ]
        if not signals:
            break
        last = signals[-1]
        lines = [line for i, line in enumerate(lines) if i != last and not line.startswith("- …")]
        dropped += 1
        lines.insert(last, _("- … and {count} more (see the referral)").format(count=dropped))
        text = "\n".join(lines)
    return text[:MAX_NOTE_CHARS]
