"""Explanations the engine writes itself, in Dutch and English at once.

The engine is pure: it does not depend on the active UI language, so each text is rendered for
both content languages (English msgid, Dutch from `assessment.po`) into one `Text`.
"""

from __future__ import annotations

from signaal.content.models import Text
from signaal.i18n import N_, translator

Value = str | int | Text

CONTENT_LANGUAGES = ("nl", "en")


def text(message: str, **values: Value) -> Text:
    """Translate `message` into both languages and fill in `{name}` placeholders per language."""
    rendered = {}
    for language in CONTENT_LANGUAGES:
        template = translator(language)(message)
        filled = {
            name: value.get(language) if isinstance(value, Text) else str(value)
            for name, value in values.items()
        }
        rendered[language] = template.format(**filled)
    return Text(**rendered)


def joined(items: list[Text], separator: str = "; ") -> Text:
    """Several texts as one list, per language (an em dash when there are none)."""
    if not items:
        return Text(nl="—", en="—")
    return Text(
        nl=separator.join(item.nl for item in items), en=separator.join(item.en for item in items)
    )


def prefixed(prefix: Text | None, body: Text) -> Text:
    """`prefix: body` in each language, or just the body."""
    if prefix is None:
        return body
    return Text(nl=f"{prefix.nl}: {body.nl}", en=f"{prefix.en}: {body.en}")


# A count with its weight in one message, so that a bare "strong" is never translated alone.
WEIGHT_COUNTS = {
    "strong": N_("{number} strong"),
    "medium": N_("{number} medium"),
    "weak": N_("{number} weak"),
}


def weight_count(number: int | str, weight: str) -> Text:
    return text(WEIGHT_COUNTS.get(weight, "{number} " + weight), number=number)
