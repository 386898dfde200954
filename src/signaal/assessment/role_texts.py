"""Examples and titles that depend on who uses Signaal and about whom, so none is role-blind.

"for example the pupil, the parents, the patient" was shown to everyone, and "Talk with the
patient and/or parents" for a 34-year-old. Qt-free; the texts are English msgids (`N_`),
translated where they are shown.
"""

from __future__ import annotations

from signaal.i18n import N_

_CONVERSATION_CHILD = {
    "teacher": N_("for example the pupil and the parents"),
    "gp": N_("for example the patient and the parents"),
    "veilig-thuis": N_("for example the child and the parents"),
}
_CONVERSATION_ADULT = {
    "teacher": N_("for example the student"),
    "gp": N_("for example the patient"),
    "veilig-thuis": N_("for example the person concerned"),
}
_TITLE_ADULT = {
    "teacher": N_("Talk with the student"),
    "gp": N_("Talk with the patient"),
    "veilig-thuis": N_("Talk with the person concerned"),
}


def conversation_example(role: str, minor: bool | None) -> str:
    """The placeholder of "with whom" for the conversation of meldcode step 3."""
    if minor is False:
        return _CONVERSATION_ADULT.get(role, N_("for example the person concerned"))
    if minor is True:
        return _CONVERSATION_CHILD.get(role, N_("for example the child and the parents"))
    return N_("for example the person concerned or the parents")


def conversation_title(role: str, minor: bool | None) -> str | None:
    """A title for step 3 when the protocol's own (which names the parents) does not fit an
    adult; None keeps the protocol's title."""
    if minor is False:
        return _TITLE_ADULT.get(role, N_("Talk with the person concerned"))
    return None


def conversation_question(minor: bool | None) -> str | None:
    """What step 3 asks when the person is an adult (the protocol's text names the parents);
    None keeps the protocol's text."""
    if minor is False:
        return N_(
            "Discuss your worries with the person, unless their safety, yours or that of others "
            "does not allow it. Try more than once to reach them."
        )
    return None
