"""Examples and titles that depend on who uses Signaal and about whom, so none is role-blind.

"for example the pupil, the parents, the patient" was shown to everyone, and "Talk with the
patient and/or parents" for a 34-year-old. A role's own words are content (`talk_with_child`,
`talk_with_adult`, `talk_title_adult` in roles.toml); these functions add the words for a role
that has none. Qt-free; every text comes in both content languages.
"""

from __future__ import annotations

from signaal.assessment.texts import text
from signaal.content.models import Role, Text


def conversation_example(role: Role | None, minor: bool | None) -> Text:
    """The placeholder of "with whom" for the conversation of meldcode step 3."""
    if minor is False:
        own = None if role is None else role.talk_with_adult
        return own or text("for example the person concerned")
    if minor is True:
        own = None if role is None else role.talk_with_child
        return own or text("for example the child and the parents")
    return text("for example the person concerned or the parents")


def conversation_title(role: Role | None, minor: bool | None) -> Text | None:
    """A title for step 3 when the protocol's own (which names the parents) does not fit an
    adult; None keeps the protocol's title."""
    if minor is False:
        own = None if role is None else role.talk_title_adult
        return own or text("Talk with the person concerned")
    return None


def conversation_question(minor: bool | None) -> Text | None:
    """What step 3 asks when the person is an adult (the protocol's text names the parents);
    None keeps the protocol's text."""
    if minor is False:
        return text(
            "Discuss your worries with the person, unless their safety, yours or that of others "
            "does not allow it. Try more than once to reach them."
        )
    return None
