"""Load Qt's own translations so that standard buttons and dialogs read Dutch, and say "je".

Qt's Dutch catalog misses a few texts of the file dialog ("Look in:", "Files of type:") and
addresses the user as "u", where Signaal says "je" everywhere. The translator below wraps
Qt's catalog: it fills those gaps and turns the formal address into the informal one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []

# (context, source) → Dutch, for texts Qt's catalog leaves in English.
MISSING: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "&Zoeken in:",
    ("QFileDialog", "Files of &type:"): "Bestands&type:",
    ("QFileDialog", "Cancel"): "Annuleren",
}

# The formal "u" forms Qt's Dutch catalog uses, with their informal "je" form.
_INFORMAL: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bWilt u\b", "Wil je"),
        (r"\bwilt u\b", "wil je"),
        (r"\bKunt u\b", "Kun je"),
        (r"\bkunt u\b", "kun je"),
        (r"\bHeeft u\b", "Heb je"),
        (r"\bheeft u\b", "heb je"),
        (r"\bHebt u\b", "Heb je"),
        (r"\bhebt u\b", "heb je"),
        (r"\bBent u\b", "Ben je"),
        (r"\bbent u\b", "ben je"),
        (r"\bWeet u\b", "Weet je"),
        (r"\bweet u\b", "weet je"),
        (r"\bMoet u\b", "Moet je"),
        (r"\bmoet u\b", "moet je"),
        (r"\bZult u\b", "Zul je"),
        (r"\bzult u\b", "zul je"),
        (r"\bGeeft u\b", "Geef je"),
        (r"\bgeeft u\b", "geef je"),
        (r"\bUw\b", "Je"),
        (r"\buw\b", "je"),
        (r"\bU\b", "Je"),
        (r"\bu\b", "je"),
    )
)
# Every formal form above has one of these words; a text without them needs no replacement.
_FORMAL_WORD = re.compile(r"\b[Uu]w?\b")


def informal(text: str) -> str:
    """Dutch with "u" turned into "je" ("Wilt u het vervangen?" → "Wil je het vervangen?").

    Qt asks for hundreds of texts while the window is built: most have no "u" and skip the
    22 replacements.
    """
    if _FORMAL_WORD.search(text) is None:
        return text
    for pattern, replacement in _INFORMAL:
        text = pattern.sub(replacement, text)
    return text


class InformalDutch(QTranslator):
    """Qt's Dutch catalog, completed where it has gaps and speaking with "je"."""

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        own = MISSING.get((context, source_text))
        if own is not None:
            return own
        text = super().translate(context, source_text, disambiguation, n)
        return informal(text) if text else text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False


def install_qt_translator(language: str) -> None:
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
    _installed.clear()
    if language != "nl":
        return
    translator = InformalDutch()
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator.load(QLocale("nl_NL"), "qtbase", "_", path)
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
