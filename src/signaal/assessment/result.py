"""What `assess` derives from a case: shown by the UI and the PDF, never stored, never edited."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from signaal.content.models import (
    ConcernLevel,
    Profile,
    Text,
    Urgency,
)


class Derived(BaseModel):
    model_config = ConfigDict(frozen=True)


class Explanation(Derived):
    """Why a conclusion was drawn: the rule, and the observations or answers that led there."""

    rule: str
    text: Text
    indicators: list[str] = []
    questions: list[str] = []
    dimension: str | None = None


class DimensionResult(Derived):
    """One ILO dimension: present signals counted by weight, and the Delphi verdict on them."""

    positive: bool
    strong: int = 0
    medium: int = 0
    weak: int = 0
    indicators: list[str] = []
    combination: str | None = None


class TraffickingResult(Derived):
    """The indicator profile of one ILO/EC list: a profile, never a determination."""

    checklist: str
    dimensions: dict[str, DimensionResult]
    profile: Profile
    explanations: list[Explanation] = []
    minor: bool | None = None
    rule: str | None = None
    note: Text | None = None
    # Derived weights (the sexual-exploitation lists): the profile is provisional wherever shown.
    provisional: bool = False
    # The Delphi or combination rule applied was not checked against the ILO original.
    rule_unconfirmed: bool = False


class ConcernResult(Derived):
    """The level of concern for child sexual abuse; `assessed` is false when it was not asked."""

    level: ConcernLevel
    explanations: list[Explanation] = []
    assessed: bool = True


class WeighingResult(Derived):
    """The afwegingskader walk: the questions reached in order, and where it ended (if it did)."""

    path: list[str]
    # An afwegingskader outcome, or one of the role's protocol's own outcome ids.
    outcome: str | None
    consult_veilig_thuis: bool
    explanations: list[Explanation] = []
    acute_danger: bool = False
    # The catalog's weighing scope that applied instead of the questions, if any.
    scope: str | None = None
    needs_relation: bool = False


class Referral(Derived):
    """One contact to refer to; `reason` is that of the most urgent rule, `reasons` all of them."""

    contact: str
    urgency: Urgency
    reason: Text
    rules: list[str] = []
    reasons: list[Text] = []
    indicators: list[str] = []


class Assessment(Derived):
    trafficking: list[TraffickingResult]
    concern: ConcernResult
    weighing: WeighingResult
    referrals: list[Referral]
    notes: list[Explanation] = []

    @property
    def concern_level(self) -> ConcernLevel:
        return self.concern.level
