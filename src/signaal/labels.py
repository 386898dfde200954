"""The one wording of every enumerated value that the screen and the PDF both show.

Qt-free: the pages and the referral take their words from here, so one value has one name
everywhere (the weighing page said "…and follow up" where the PDF said "…monitor safety", the
contact cards "Now" where the advice table said "immediately"). English msgids (`N_`); translate
with `_` or the report's translator where they are shown.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from signaal.i18n import N_, content_language

if TYPE_CHECKING:  # types only: the assessment itself words its explanations with these labels
    from signaal.assessment.case import PersonRole, Purpose, QuoteOf, ReporterKind
    from signaal.content.catalog import Catalog
    from signaal.content.models import Answer, ConcernLevel, Profile, Urgency, WeighingOutcome

Translate = Callable[[str], str]

# One person's role in the case, as the Who page offers it.
PERSON_ROLES: dict[PersonRole, str] = {
    "child": N_("Child in the household"),
    "parent": N_("Parent or carer with parental authority"),
    "carer": N_("Parent or carer without parental authority"),
    "other": N_("Someone else involved"),
}
# The same roles as headings over the people who have them, in the order an intake asks.
PERSON_ROLE_GROUPS: dict[PersonRole, str] = {
    "child": N_("Children in the household"),
    "parent": N_("Parents or carers with parental authority"),
    "carer": N_("Parents or carers without parental authority"),
    "other": N_("Others involved"),
}
# Whose words a quote passed on by someone else holds.
QUOTE_OF: dict[QuoteOf, str] = {
    "person": N_("The person's own words"),
    "third-party": N_("The words of whoever told it"),
}

# Where the afwegingskader ends (a protocol's own outcomes are named in the catalog).
OUTCOMES: dict[WeighingOutcome, str] = {
    "close": N_("Close the concern and record it in your file"),
    "report": N_("Report to Veilig Thuis"),
    "help-and-monitor": N_("Offer or organise help, and monitor safety"),
    "not-applicable": N_("The afwegingskader does not apply: follow the trafficking route"),
}
# How soon to contact someone: the title of a contact card, a column of the advice table.
URGENCIES: dict[Urgency, str] = {
    "immediate": N_("Immediately"),
    "today": N_("Today"),
    "soon": N_("Soon"),
    "info": N_("For information"),
}
# An answer to a weighing question.
ANSWERS: dict[Answer, str] = {"yes": N_("Yes"), "no": N_("No"), "unsure": N_("Not sure")}
# The level of concern for child sexual abuse.
CONCERN_LEVELS: dict[ConcernLevel, str] = {
    "none": N_("no concern yet"),
    "possible": N_("possible concern"),
    "clear": N_("clear concern"),
}
# An indicator profile: plain words first, the ILO term after them (issue 17: the signals page
# opens in plain language).
PROFILE_PLAIN: dict[Profile, str] = {
    "indicated": N_("Fits trafficking"),
    "partly-indicated": N_("Partly fits trafficking"),
    "not-indicated": N_("Not enough signals yet: this does not rule out trafficking"),
}
PROFILE_TERM: dict[Profile, str] = {
    "indicated": N_("indicated"),
    "partly-indicated": N_("partly indicated"),
    "not-indicated": N_("not indicated"),
}
PROFILE_LINE = N_("{plain} (indicator profile: {term})")
# What the referral is for: as the Referral page offers it, and as the document's title.
PURPOSES: dict[Purpose, str] = {
    "melding": N_("Report (melding) to Veilig Thuis"),
    "advice": N_("Request for advice"),
    "handover": N_("Handover to a colleague or care provider"),
    "file": N_("For my own file"),
}
PURPOSE_TITLES: dict[Purpose, str] = {
    "melding": N_("Report of concern (melding)"),
    "advice": N_("Request for advice"),
    "handover": N_("Handover"),
    "file": N_("Record for the own file"),
}
# Where a recorded fact comes from (an observation's source; "unknown": told, by whom not
# recorded), in a line of the dossier note ...
OBSERVATION_SOURCES = {
    "seen": N_("own observation"),
    "person": N_("told by the person concerned"),
    "third-party": N_("told by someone else"),
    "unknown": N_("told (source not recorded)"),
}
# ... and as the referral's headings over the facts of each source, in the order printed.
OBSERVATION_SOURCE_GROUPS = {
    "seen": N_("Own observations"),
    "person": N_("Told by the person concerned"),
    "third-party": N_("Told by someone else"),
    "unknown": N_("Told (source not recorded)"),
    # Notes typed for a signal answered "not seen" are facts too (what was checked).
    "not-seen": N_("Looked at, not seen (with notes)"),
}


# The Veilig Thuis intake: who reported, what kind of contact, and whether openly.
REPORTER_KINDS: dict[ReporterKind, str] = {
    "parent": N_("Parent or carer"),
    "family": N_("Other family member"),
    "professional": N_("Professional"),
    "bystander": N_("Bystander (neighbour, acquaintance)"),
    "person": N_("The person themselves"),
    "other": N_("Someone else"),
}
INTAKE_KINDS = {
    "report": N_("Report (melding)"),
    "advice": N_("Request for advice"),
}
OPENNESS = {
    True: N_("Openly: the reporter may be named to those involved"),
    False: N_("Anonymously: the reporter's identity is withheld"),
}


def wording(labels: Mapping[Any, str], value: str, _: Translate) -> str:
    """The translated label of a value; the value itself for one this code does not know (a
    case from a newer Signaal), so nothing is ever dropped."""
    message = labels.get(value)
    return value if message is None else _(message)


def outcome_name(outcome: str, catalog: Catalog | None, _: Translate, language: str) -> str:
    """A protocol's own outcome by its name in the catalog, else the afwegingskader's."""
    own = None if catalog is None else catalog.outcome_name(outcome, content_language(language))
    return own if own is not None else wording(OUTCOMES, outcome, _)


def profile_line(profile: str, _: Translate) -> str:
    """'Partly fits trafficking (indicator profile: partly indicated)' in the active language."""
    return _(PROFILE_LINE).format(
        plain=wording(PROFILE_PLAIN, profile, _), term=wording(PROFILE_TERM, profile, _)
    )
