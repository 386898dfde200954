"""What a saved referral carries besides the case: versions, history and signals from older lists.

The meldcode runs over weeks; the referral PDF carries the case (see
`signaal.report.embedded_case`) so the professional can go on with it later. This module holds
the parts that are not answers: the history of the case (first saved on, continued on), the
catalog version each observation was recorded with, and observations whose signal no longer
exists in the current catalog, kept with the text they were saved with so nothing is dropped.
No Qt, no files: everything here is pure data.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from signaal.assessment.case import CaseDate, CaseModel, Observation, ShortText

# Version of the embedded case document; a newer number means a newer Signaal wrote it.
# 2: "not sure" about the concerns travels in the case (`Case.concerns_not_sure`).
SCHEMA_VERSION = 2
DOCUMENT_FORMAT = "signaal-case"
MAX_CONTINUATIONS = 50


class History(CaseModel):
    """When the case was first saved with the referral, and the days it was continued."""

    # Dates as in the rest of the case: `YYYY-MM-DD` in the file, within sane years.
    first_saved_on: CaseDate | None = None
    continued_on: list[CaseDate] = Field(default=[], max_length=MAX_CONTINUATIONS)

    def stamped(self, today: dt.date) -> History:
        """The history after saving today: a first save, or one more day of continuing."""
        if self.first_saved_on is None:
            return History(first_saved_on=today)
        if today == self.first_saved_on or today in self.continued_on:
            return self.model_copy()
        return History(
            first_saved_on=self.first_saved_on,
            continued_on=[*self.continued_on, today][-MAX_CONTINUATIONS:],
        )


def printed(observation: Observation) -> bool:
    """Whether the referral shows the observation: seen or told, or "not seen" with notes."""
    notes = (observation.facts, observation.quote, observation.observer, observation.when)
    return observation.counts or any(text.strip() for text in notes)


class SavedSignal(CaseModel):
    """A signal as the referral showed it: its id, its text and the catalog it came from."""

    id: str = Field(min_length=1, max_length=120)
    text: ShortText
    catalog_version: str = Field(min_length=1, max_length=40)


class RetiredObservation(CaseModel):
    """An observation whose signal the current catalog no longer has: shown by its saved text,
    never counted by the current rules, never silently dropped."""

    observation: Observation
    text: ShortText
    catalog_version: str = Field(min_length=1, max_length=40)


class ScreenState(CaseModel):
    """What the window keeps beside the case: whether the purpose was chosen (or is still
    Signaal's proposal).

    Referrals of schema version 1 kept "not sure" and child-or-adult here; they are read (and
    `concerns_not_sure` is moved into the case) but never written again: both are answers and
    live in `Case` now (`concerns_not_sure`, `minor`).
    """

    purpose_chosen: bool = False
    concerns_not_sure: bool = Field(default=False, exclude=True)
    person_kind: Literal["child", "adult"] | None = Field(default=None, exclude=True)


class Carried(CaseModel):
    """What the session keeps beside the case so that a continued case reads correctly."""

    history: History = Field(default_factory=History)
    # Indicator id -> catalog version, only for observations recorded with another version.
    versions: dict[str, str] = Field(default_factory=dict)
    retired: list[RetiredObservation] = Field(default_factory=list)
    screen: ScreenState = Field(default_factory=ScreenState)


class CaseDocument(CaseModel):
    """The embedded `signaal-case.json`: the case itself under `case`, the rest beside it."""

    format: Literal["signaal-case"]
    schema_version: int = Field(ge=1)
    catalog_version: str = Field(min_length=1, max_length=40)
    history: History = Field(default_factory=History)
    signals: list[SavedSignal] = Field(default=[], max_length=5_000)
    screen: ScreenState = Field(default_factory=ScreenState)
    case: dict[str, object]
