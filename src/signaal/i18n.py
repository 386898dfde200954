"""The active language, gettext `_` over the compiled babel catalogs, and localized dates.

English msgids live in the code; Dutch (`nl`) is the default language. `pseudo` is a test
language that lengthens every English string by about 40 % to catch layouts that break on long
Dutch compounds. No Qt here: the PDF uses the same catalogs as the screen.
"""

from __future__ import annotations

import datetime as dt
import gettext
from collections.abc import Callable
from functools import cache

from signaal.resources import translations_dir

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
PSEUDO = "pseudo"

_active = DEFAULT_LANGUAGE


def pseudo_localize(text: str) -> str:
    """Stretch a string the way a long Dutch translation would, keeping it readable."""
    if not text:
        return text
    padding = "·" * max(2, len(text) * 2 // 5)
    return f"⟦{text}{padding}⟧"


@cache
def _translations(language: str) -> gettext.NullTranslations:
    """All compiled catalogs of a language chained together (one .po per area of the code).

    English is the msgid language, so it needs no catalog; a missing .mo falls back to English.
    """
    chain = gettext.NullTranslations()
    if language in (PSEUDO, "en"):
        return chain
    for mo_path in sorted(
        (translations_dir() / language / "LC_MESSAGES").glob("*.mo"), reverse=True
    ):
        with mo_path.open("rb") as mo_file:
            catalog = gettext.GNUTranslations(mo_file)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def translator(language: str) -> Callable[[str], str]:
    """A gettext function bound to one language, for code that renders in a given language."""
    base = _translations(language).gettext
    if language == PSEUDO:
        return lambda message: pseudo_localize(base(message))
    return base


def set_language(language: str) -> None:
    """Switch the language used by `_` (the UI re-translates itself after calling this)."""
    global _active
    if language not in (*LANGUAGES, PSEUDO):
        raise ValueError(f"unsupported language: {language!r}")
    _active = language


def active_language() -> str:
    return _active


def content_language(language: str | None = None) -> str:
    """The language to pick from content texts (`nl`/`en`); pseudo reads English."""
    language = language or _active
    return "nl" if language == "nl" else "en"


def _(message: str) -> str:
    """Translate a UI string into the active language."""
    return translator(_active)(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for deferred strings
    """Mark a string for extraction without translating it yet."""
    return message


def format_date(value: dt.date, language: str | None = None, form: str = "long") -> str:
    """A date as a Dutch or English reader writes it ("5 maart 2026"); babel loads lazily."""
    from babel.dates import format_date as babel_format_date

    locale = "nl_NL" if content_language(language) == "nl" else "en_GB"
    return babel_format_date(value, format=form, locale=locale)
