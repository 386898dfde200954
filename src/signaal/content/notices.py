"""The short, calm lines that tell a user how far to trust a number, a weight or a rule.

Screen and PDF both take their wording from here, so they say the same thing. The reasons
behind each status live in the catalog's `editor_note` fields, which are never shown.
"""

from __future__ import annotations

from collections.abc import Callable

from signaal.content.models import (
    Checklist,
    Contact,
    DelphiRule,
    Dimension,
    Indicator,
    Text,
    TraffickingRule,
)
from signaal.i18n import N_

Translate = Callable[[str], str]

CONTACT_CHECKED = N_("Checked on {date}.")
CONTACT_OLD = N_("From an older source: check it before you use it. Checked on {date}.")
CONTACT_NOT_CONFIRMED = N_("Number not confirmed: check it before you use it. Checked on {date}.")
CHANNEL_NOT_CONFIRMED = N_("Not confirmed: check it before you use it. Checked on {date}.")

WEIGHTS_DERIVED = N_(
    "Weights derived from the ILO list for labour exploitation, not taken from an ILO list "
    "for sexual exploitation: the result is provisional."
)
WEIGHTS_UNCONFIRMED = N_(
    "Weights as published by the ILO and the European Commission (2009), taken from a "
    "transcription that has not yet been checked against the original."
)
RULE_UNCONFIRMED = N_(
    "The combination rule follows a transcription of the ILO brochure and has not been "
    "checked against the original."
)
PROVISIONAL = N_("provisional")
DERIVED = N_("derived")
ADDITION = N_("addition, not on the ILO list")


def contact_check_line(contact: Contact, _: Translate, date: str) -> str:
    """One calm line on how sure the shown number is, with the day it was checked."""
    if contact.verification == "verified":
        return _(CONTACT_CHECKED).format(date=date)
    if contact.verification == "verified-old":
        return _(CONTACT_OLD).format(date=date)
    message = CONTACT_NOT_CONFIRMED if contact.phone else CHANNEL_NOT_CONFIRMED
    return _(message).format(date=date)


def contact_is_certain(contact: Contact) -> bool:
    """Whether the number may be shown as a number to dial without a second thought."""
    return contact.verification == "verified"


def weights_notice(checklist: Checklist, _: Translate) -> str | None:
    """Where an ILO list's weights come from, in one line; None for lists without weights."""
    if checklist.kind != "ilo":
        return None
    if checklist.weights == "derived":
        return _(WEIGHTS_DERIVED)
    return _(WEIGHTS_UNCONFIRMED)


def is_provisional(checklist: Checklist) -> bool:
    """A profile from derived weights is provisional wherever it is shown."""
    return checklist.weights == "derived"


def weight_marks(checklist: Checklist, indicator: Indicator, _: Translate) -> list[str]:
    """Plain words to show next to an indicator's weight: derived, or not on the ILO list."""
    marks = []
    if indicator.ilo_addition:
        marks.append(_(ADDITION))
    elif checklist.weights == "derived" and indicator.weight is not None:
        marks.append(_(DERIVED))
    return marks


DIMENSION_MET = N_("enough signals (Delphi rule met)")
DIMENSION_NOT_MET = N_("not enough signals (Delphi rule not met)")


def dimension_state(positive: bool, _: Translate) -> str:
    return _(DIMENSION_MET if positive else DIMENSION_NOT_MET)


def dimension_title(dimension: Dimension) -> Text:
    """'Kept there by coercion (coercion at destination)': plain words, then the ILO term."""
    if dimension.plain is None:
        return dimension.name
    return Text(
        nl=f"{dimension.plain.nl} ({_lower_first(dimension.name.nl)})",
        en=f"{dimension.plain.en} ({_lower_first(dimension.name.en)})",
    )


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def rule_notices(rules: list[DelphiRule | TraffickingRule | None], _: Translate) -> list[str]:
    """The one line saying that the rules applied were not checked against the original."""
    if any(rule is not None and not rule.confirmed for rule in rules):
        return [_(RULE_UNCONFIRMED)]
    return []
