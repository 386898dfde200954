"""The case being worked on, held in memory only, and the one place that asks `assess`.

Pages write answers into `session.case` and call `touch()` when an answer may change the
assessment; the side panel, the sidebar and the outcome page read `assessment()`. Nothing here is
ever written to disk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from signaal.content import Catalog

if TYPE_CHECKING:
    from signaal.assessment import Assessment, Case, Observation
    from signaal.assessment.carried import Carried, ScreenState
    from signaal.assessment.case import ObservationStatus, QuoteOf, ToldBy
    from signaal.assessment.proposals import PurposeProposal

# Role and language are set on the first screen for every case; they alone are no answers.
_NOT_ANSWERS = {"role", "language"}


class Session(QObject):
    """One case at a time; `reset()` replaces it by an empty one (the wipe)."""

    changed = Signal()
    edited = Signal()
    reset_done = Signal()

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
        self.concerns_not_sure = False
        self.person_kind: str | None = None
        self.referral_done = False
        # What a case opened from a referral brings beside its answers (history, versions,
        # signals no longer in the catalog); empty for a case begun here.
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
        self.concerns_not_sure = False
        self.person_kind = None
        self.referral_done = False
        self._carried = None
        self.embed_case = True
        self.copied_note = ""
        self.purpose_chosen = False
        self._assessment = None
        self.reset_done.emit()
        self.changed.emit()

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
        """The answers the window keeps beside the case, for the referral to carry."""
        from signaal.assessment.carried import ScreenState

        kind = self.person_kind if self.person_kind in ("child", "adult") else None
        return ScreenState(
            concerns_not_sure=self.concerns_not_sure,
            person_kind=kind,
            purpose_chosen=self.purpose_chosen,
        )

    def carried_now(self) -> Carried:
        """What a referral saved now carries beside the case."""
        return self.carried.model_copy(update={"screen": self.screen_state()})

    def continue_with(self, case: Case, carried: Carried) -> None:
        """Take over a case opened from a referral (after the wipe of the one before)."""
        case.language = self.case.language
        self.case = case
        self.carried = carried
        self.concerns_not_sure = carried.screen.concerns_not_sure
        self.person_kind = carried.screen.person_kind
        self.purpose_chosen = carried.screen.purpose_chosen
        # The saved case has its role: it was chosen when the case was begun.
        self.role_chosen = True
        self.referral_done = False
        self.touch()

    def touch(self) -> None:
        """An answer changed that may change the assessment."""
        self._assessment = None
        self.changed.emit()

    def mark_edited(self) -> None:
        """Text was typed: the assessment stays valid, but a step may now count as done."""
        self.edited.emit()

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
        self.touch()
        return observation

    def set_teller(self, indicator_id: str, text: str) -> None:
        """Who told a signal told by someone else, by role or relation ("moeder")."""
        from signaal.assessment.case import ThirdParty

        observation = self.case.observation(indicator_id)
        if observation is None or observation.source != "third-party":
            return
        observation.told_by = ThirdParty(third_party=text) if text else "third-party"
        self.mark_edited()

    def set_quote_of(self, indicator_id: str, quote_of: QuoteOf | None) -> None:
        """Whose words the quote of a signal holds: the person's or whoever told it."""
        observation = self.case.observation(indicator_id)
        if observation is not None and observation.quote_of != quote_of:
            observation.quote_of = quote_of
            self.mark_edited()

    def set_observation_text(self, indicator_id: str, field: str, text: str) -> None:
        """Facts or quote typed for a signal; kept even before a status is chosen."""
        from signaal.assessment import Observation

        observation = self.case.observation(indicator_id)
        if observation is None:
            if not text:
                return
            observation = Observation(indicator=indicator_id, status="not-seen")
            self.case.observations.append(observation)
        setattr(observation, field, text)

    def concerns_for_age(self) -> list[str]:
        """The concerns that fit the person's age band (all of them when it is unknown)."""
        band, minor = self.case.age_band, self.case.minor
        return [
            c.id for c in self.catalog.concerns if self.catalog.fits_age(c.age_bands, band, minor)
        ]
