"""The steps of each flow, in order: the sidebar's titles and when a step counts as done.

Which flow a case walks is content (the role's protocol variant): "meldcode" toward Veilig
Thuis, or "intake" for Veilig Thuis itself (intake, safety assessment, handover).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from signaal.i18n import N_

if TYPE_CHECKING:
    from signaal.ui.pages.base import Page
    from signaal.ui.session import Session


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    done: Callable[[Session], bool]
    # The class of the step's page, "module.Class" in signaal.ui.pages: imported when the page
    # is first made, so a page nobody opens costs nothing.
    page: str

    def page_class(self) -> type[Page]:
        from signaal.ui.pages.base import Page

        module, name = self.page.rsplit(".", 1)
        found = getattr(importlib.import_module(f"signaal.ui.pages.{module}"), name)
        if not (isinstance(found, type) and issubclass(found, Page)):
            raise TypeError(f"{self.page} is not a page")
        return found


def _signals_done(session: Session) -> bool:
    return any(observation.counts for observation in session.case.observations)


def _meldcode_done(session: Session) -> bool:
    steps = session.case.meldcode_steps
    return steps.consultation.done or steps.conversation.done is not None


def _weighing_done(session: Session) -> bool:
    weighing = session.assessment().weighing
    return weighing.outcome is not None or weighing.consult_veilig_thuis


STEPS: tuple[Step, ...] = (
    Step(
        "start",
        N_("Start"),
        lambda s: s.case.context.acute_danger is not None and s.role_chosen,
        "start.StartPage",
    ),
    Step(
        "who",
        N_("Who"),
        lambda s: s.age_group().known,
        "who.WhoPage",
    ),
    Step("concerns", N_("Concerns"), lambda s: bool(s.case.concerns), "concerns.ConcernsPage"),
    Step("signals", N_("Signals"), _signals_done, "signals.SignalsPage"),
    Step("meldcode", N_("Meldcode steps"), _meldcode_done, "meldcode.MeldcodePage"),
    Step("weighing", N_("Weighing"), _weighing_done, "weighing.WeighingPage"),
    Step(
        "outcome",
        N_("Outcome"),
        lambda s: bool(s.case.decision.decision.strip()),
        "outcome.OutcomePage",
    ),
    Step("referral", N_("Referral"), lambda s: s.referral_done, "referral.ReferralPage"),
)
STEP_KEYS = tuple(step.key for step in STEPS)


def _intake_done(session: Session) -> bool:
    intake = session.case.intake
    return intake.kind is not None or intake.reporter_kind is not None


def _safety_done(session: Session) -> bool:
    return session.assessment().weighing.outcome is not None


INTAKE_STEPS: tuple[Step, ...] = (
    STEPS[0],
    STEPS[1],
    Step("intake", N_("Intake"), _intake_done, "intake.IntakePage"),
    STEPS[2],
    STEPS[3],
    Step("safety", N_("Safety assessment"), _safety_done, "safety.SafetyPage"),
    STEPS[6],
    Step("handover", N_("Handover"), lambda s: s.referral_done, "referral.ReferralPage"),
)
FLOWS: dict[str, tuple[Step, ...]] = {"meldcode": STEPS, "intake": INTAKE_STEPS}
# The side panel with the live indicator profile is shown on these steps.
PANEL_STEPS = {"signals", "meldcode", "weighing", "safety"}


def steps_for(flow: str) -> tuple[Step, ...]:
    """The steps of a flow; an unknown flow walks the meldcode."""
    return FLOWS.get(flow, STEPS)
