"""The one wording of the Veilig Thuis intake's enumerated answers, shared by screen and PDF."""

from __future__ import annotations

from signaal.assessment.case import ReporterKind
from signaal.i18n import N_

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
