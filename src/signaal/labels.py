"""The one wording of the enumerated values about the people in a case, for screen and PDF.

Qt-free: the Who page offers these choices and the referral prints them, in the same words.
"""

from __future__ import annotations

from signaal.assessment.case import PersonRole, QuoteOf, ReporterKind
from signaal.i18n import N_

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
