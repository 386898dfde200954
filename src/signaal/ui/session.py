"""The case being worked on, held in memory only, and the one place that asks `assess`.

Pages change the case only through the methods here: `answer` for what the rules read (the
assessment is made again and `changed` is emitted), `write` for typed text, dates and steps taken
that no rule reads (`edited`), and a few methods that apply a rule while they change the case
(`set_age`, `set_minor`, `set_concern`, `set_status`...). The side panel, the sidebar and the
outcome page read `assessment()`. Nothing here is ever written to disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from signaal.content import Catalog

if TYPE_CHECKING:
    # The case models bring pydantic: they load after the working window has painted
    # (`signaal.app`), so they are imported where used.
    from pydantic import BaseModel

    from signaal.assessment import Assessment, Case, Observation, intake
    from signaal.assessment.carried import Carried, ScreenState
    from signaal.assessment.case import ObservationStatus, Purpose, QuoteOf, ToldBy
    from signaal.assessment.proposals import PurposeProposal

# Role and language are set on the first screen for every case; they alone are no answers.
_NOT_ANSWERS = {"role", "language"}


class Session(QObject):
    """One case at a time; `reset()` replaces it by an empty one (the wipe)."""

    # An answer changed that may change the assessment.
    changed = Signal()
    # Text was typed: the assessment stays valid, but a step may now count as done.
    edited = Signal()

    def __init__(
        self, catalog: Catalog, parent: QObject | None = None, language: str = "nl"
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._language = language
        # The case models (pydantic) load after the working window has painted: the case and
        # what it carries are made when first asked for (`signaal.app.warm_up_later`).
        self._case: Case | None = None
        self._carried: Carried | None = None
        self.referral_done = False
        # Whether a saved referral carries the case, to continue it later (on by default).
        self.embed_case = True
        # The dossier note last copied, so a wipe can take it off the clipboard.
        self.copied_note = ""
        # The purpose follows the case (`proposals.propose_purpose`) until the user picks one.
        self.purpose_chosen = False
        # No role is assumed on first start: the case needs one, but it is shown as chosen only
        # once the user picks it. A new case keeps the professional's role.
        self.role_chosen = False
        self._assessment: Assessment | None = None

    @property
    def case(self) -> Case:
        """The case being worked on (made empty, in the session's language, when first asked
        for)."""
        if self._case is None:
            self._case = self.empty_case(self._language)
        return self._case

    @case.setter
    def case(self, case: Case) -> None:
        self._case = case

    @property
    def has_case(self) -> bool:
        """Whether the case has been made: before that, nothing has been answered."""
        return self._case is not None

    @property
    def role(self) -> str:
        """The case's role; before the case is made, the role it will get."""
        return self.case.role if self._case is not None else self.catalog.roles[0].id

    @property
    def carried(self) -> Carried:
        """What the case brings from a referral it was opened from (empty for a new case)."""
        if self._carried is None:
            from signaal.assessment.carried import Carried

            self._carried = Carried()
        return self._carried

    @carried.setter
    def carried(self, carried: Carried) -> None:
        self._carried = carried

    def empty_case(self, language: str = "nl", role: str | None = None) -> Case:
        from signaal.assessment import Case

        role = role if role in self.catalog.roles_by_id else self.catalog.roles[0].id
        return Case(role=role, language="nl" if language == "nl" else "en")

    def reset(self) -> None:
        """Forget the case: a fresh `Case`, nothing of the old one kept anywhere here.

        The role and the language describe the professional, not the case: they stay.
        """
        self.case = self.empty_case(self.case.language, self.case.role)
        self.referral_done = False
        self._carried = None
        self.embed_case = True
        self.copied_note = ""
        self.purpose_chosen = False
        self._answered()

    @property
    def flow(self) -> str:
        """The flow the case's role walks ("meldcode" or "intake"), from the content."""
        return self.catalog.flow_for(self.role)

    def has_answers(self) -> bool:
        """Whether anything was answered beyond the defaults (then wiping needs a confirmation)."""
        if self._case is None:
            return False
        fresh = self.empty_case(self.case.language)
        # A proposed purpose is Signaal's, not an answer; a chosen one is.
        skip = _NOT_ANSWERS if self.purpose_chosen else {*_NOT_ANSWERS, "purpose"}
        changed = self.case.model_dump(exclude=skip) != fresh.model_dump(exclude=skip)
        return changed or bool(self.carried.retired)

    def screen_state(self) -> ScreenState:
        """What the window keeps beside the case, for the referral to carry."""
        from signaal.assessment.carried import ScreenState

        return ScreenState(purpose_chosen=self.purpose_chosen)

    def carried_now(self) -> Carried:
        """What a referral saved now carries beside the case."""
        return self.carried.model_copy(update={"screen": self.screen_state()})

    def continue_with(self, case: Case, carried: Carried) -> None:
        """Take over a case opened from a referral (after the wipe of the one before)."""
        case.language = self.case.language
        self.case = case
        self.carried = carried
        self.purpose_chosen = carried.screen.purpose_chosen
        # The saved case has its role: it was chosen when the case was begun.
        self.role_chosen = True
        self.referral_done = False
        self._answered()

    def _answered(self) -> None:
        self._assessment = None
        self.changed.emit()

    # changing the case --------------------------------------------------------------------------
    def answer(self, part: BaseModel, **values: object) -> None:
        """Set answers the rules may read on `part` (the case or one of its parts): the
        assessment is made again and `changed` is emitted once; nothing when all are as given."""
        if _assign(part, values):
            self._answered()

    def write(self, part: BaseModel, **values: object) -> None:
        """Set typed text, dates or steps taken that no rule reads: `edited` is emitted once, the
        assessment stays valid; nothing when all are as given."""
        if _assign(part, values):
            self.edited.emit()

    def choose_role(self, role: str) -> None:
        """The role picked on the first screen: from now on it shows as chosen."""
        first = not self.role_chosen
        self.role_chosen = True
        if _assign(self.case, {"role": role}) or first:
            self._answered()

    def choose_purpose(self, purpose: Purpose) -> None:
        """The purpose the user picked: it no longer follows Signaal's proposal."""
        self.purpose_chosen = True
        self.answer(self.case, purpose=purpose)

    def set_age(self, age: int | None) -> None:
        """A typed age (None: not known); child or adult and the concerns follow it."""
        from signaal.assessment import intake

        intake.set_age(self.catalog, self.case, age)
        self._answered()

    def set_minor(self, minor: bool) -> None:
        """Child (True) or adult (False); an age that says otherwise is cleared."""
        from signaal.assessment import intake

        intake.set_minor(self.catalog, self.case, minor)
        self._answered()

    def set_concern(self, concern_id: str, chosen: bool) -> None:
        from signaal.assessment import intake

        intake.set_concern(self.catalog, self.case, concern_id, chosen)
        self._answered()

    def set_concerns_not_sure(self, not_sure: bool) -> None:
        from signaal.assessment import intake

        intake.set_concerns_not_sure(self.catalog, self.case, not_sure)
        self._answered()

    def age_group(self) -> intake.AgeGroup:
        """The person's age band and child or adult, as the rules read them."""
        from signaal.assessment import intake

        return intake.age_group(self.catalog, self.case)

    def assessment(self) -> Assessment:
        from signaal.assessment import assess

        if self._assessment is None:
            self._assessment = assess(self.catalog, self.case)
        return self._assessment

    def propose_purpose(self) -> PurposeProposal:
        """The purpose the case suggests; it becomes the case's purpose unless one was chosen."""
        from signaal.assessment.proposals import propose_purpose

        proposal = propose_purpose(self.catalog, self.case, self.assessment())
        if not self.purpose_chosen and self.case.purpose != proposal.purpose:
            self.case.purpose = proposal.purpose
        return proposal

    # answers ----------------------------------------------------------------------------------
    def observation(self, indicator_id: str) -> Observation | None:
        return self.case.observation(indicator_id)

    def set_status(
        self, indicator_id: str, status: ObservationStatus, told_by: ToldBy | None = None
    ) -> Observation:
        from signaal.assessment import Observation

        observation = self.case.observation(indicator_id)
        if observation is None:
            observation = Observation(indicator=indicator_id, status=status)
            self.case.observations.append(observation)
        observation.status = status
        if status != "told":
            observation.told_by = None
        elif told_by != "third-party" or observation.source != "third-party":
            # Back to "someone else": the role or relation typed before still holds.
            observation.told_by = told_by
        self._answered()
        return observation

    def set_teller(self, indicator_id: str, text: str) -> None:
        """Who told a signal told by someone else, by role or relation ("moeder")."""
        observation = self.case.observation(indicator_id)
        if observation is None or observation.source != "third-party":
            return
        from signaal.assessment.case import ThirdParty

        observation.told_by = ThirdParty(third_party=text) if text else "third-party"
        self.edited.emit()

    def set_quote_of(self, indicator_id: str, quote_of: QuoteOf | None) -> None:
        """Whose words the quote of a signal holds: the person's or whoever told it."""
        observation = self.case.observation(indicator_id)
        if observation is not None and observation.quote_of != quote_of:
            observation.quote_of = quote_of
            self.edited.emit()

    def set_observation_text(self, indicator_id: str, field: str, text: str) -> None:
        """Facts or quote typed for a signal; kept even before a status is chosen."""
        from signaal.assessment import Observation

        observation = self.case.observation(indicator_id)
        if observation is None:
            if not text:
                return
            observation = Observation(indicator=indicator_id, status="not-seen")
            self.case.observations.append(observation)
        self.write(observation, **{field: text})


def _assign(part: BaseModel, values: dict[str, object]) -> bool:
    """Set each value that differs (validated by the model); whether anything changed."""
    changed = False
    for field, value in values.items():
        if getattr(part, field) != value:
            setattr(part, field, value)
            changed = True
    return changed
