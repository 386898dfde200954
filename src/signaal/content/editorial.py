"""Checks that keep the editors' bookkeeping out of what a user reads, and sources checkable.

Every text a user can see is a `Text` somewhere in the catalog. Remarks for editors (what to
re-check before a release, where sources disagree, how old a figure is) belong in the
`editor_note` fields, which nothing renders; a shown text that reads like such a remark is a
content error. A source must name the specific page or document a reader can open, with its
publisher, year and the day it was accessed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from signaal.content.catalog import Catalog
from signaal.content.kinds import CONTENT_KINDS, NOT_SHOWN_KINDS
from signaal.content.models import Text
from signaal.i18n import N_, _

# Phrases that only an editor writes. Dutch and English, matched case-insensitively.
EDITORIAL_PATTERNS = (
    r"v[óo]{1,2}r een release",
    r"before (?:a|the) release",
    r"te controleren tegen",
    r"to be checked against",
    r"\bWCMS_\d+",
    r"dateren uit \d{4}",
    r"date from \d{4}",
    r"bronnen spreken elkaar tegen",
    r"sources disagree",
    r"bronnen noemen",
    r"sources give",
    r"niet eenduidig",
    r"geen enkele regio had",
    r"\btranscri",
    r"content reference",
    r"inhoudsreferentie",
    r"verification_note|editor_note",
    r"\bTODO\b",
)
# Fields that hold text for editors, never shown (weight_adapted_from is read in the catalog
# to explain a derived weight; the screen and PDF say "derived" instead).
NOT_SHOWN = {"editor_note", "weight_adapted_from", "checked_in"}
EDITORIAL_TEXT = N_("reads like a note for editors ('{phrase}'): move it to editor_note")
URL_NOT_SPECIFIC = N_(
    "the url must be the specific page or document, not a bare home page: '{url}'"
)
ACCESSED_MISSING = N_("a source needs `accessed`, the day the page was last read")

# Every kind of entry but the word lists (no shown text) and checklists (walked part by part).
_KINDS = {
    kind: attribute
    for kind, attribute in CONTENT_KINDS.items()
    if kind not in NOT_SHOWN_KINDS and kind != "checklist"
}


def shown_texts(catalog: Catalog) -> Iterator[tuple[str, str, str, Text]]:
    """(kind, entry id, field path, text) for every text the app can show or print."""
    yield from _walk("catalog", "catalog", "", catalog.info)
    yield from _walk("delphi_rule", "delphi_rule", "", catalog.delphi_rule)
    for kind, attribute in _KINDS.items():
        for entry in getattr(catalog, attribute):
            yield from _walk(kind, str(getattr(entry, "id", kind)), "", entry)
    for checklist in catalog.checklists:
        for name, value in _fields(checklist):
            if name not in ("indicators", "sections"):
                yield from _walk("checklist", checklist.id, "", value, name)
        for section in checklist.sections:
            yield from _walk("section", section.id, "", section)
        for indicator in checklist.indicators:
            yield from _walk("indicator", indicator.id, "", indicator)


def _walk(
    kind: str, entry_id: str, path: str, value: object, name: str = ""
) -> Iterator[tuple[str, str, str, Text]]:
    here = f"{path}.{name}" if path and name else (name or path)
    if name in NOT_SHOWN:
        return
    if isinstance(value, Text):
        yield kind, entry_id, here, value
    elif dataclasses.is_dataclass(value):
        for field, item in _fields(value):
            yield from _walk(kind, entry_id, here, item, field)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(kind, entry_id, f"{here}[{index}]", item)


def _fields(entry: object) -> Iterator[tuple[str, object]]:
    """(name, value) of each field of a content model, in declaration order."""
    for field in dataclasses.fields(entry):  # type: ignore[arg-type]
        yield field.name, getattr(entry, field.name)


def editorial_phrase(text: str) -> str | None:
    """The first editor's phrase in a shown text, or None."""
    for pattern in EDITORIAL_PATTERNS:
        found = re.search(pattern, text, flags=re.IGNORECASE)
        if found:
            return found.group(0)
    return None


# scheme://host, then a path or query: plain string matching, no network module imported.
_URL = re.compile(r"^https?://[^/\s?#]+(/[^\s?#]*)?([?#]\S*)?$")


def is_specific_url(url: str) -> bool:
    """An http(s) address with a path (or query) beyond the site's home page."""
    found = _URL.match(url)
    if found is None:
        return False
    return (found.group(1) or "").strip("/") != "" or bool(found.group(2))


def editorial_problems(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(kind, entry id, field, message) for shown texts that read like notes for editors."""
    problems = []
    for kind, entry_id, field, value in shown_texts(catalog):
        for text in (value.nl, value.en):
            phrase = editorial_phrase(text)
            if phrase is not None:
                problems.append((kind, entry_id, field, _(EDITORIAL_TEXT).format(phrase=phrase)))
                break
    return problems


def source_problems(catalog: Catalog) -> list[tuple[str, str, str, str]]:
    """(kind, entry id, field, message) for sources a reader could not check."""
    problems = []
    for source in catalog.sources:
        if not is_specific_url(source.url):
            message = _(URL_NOT_SPECIFIC).format(url=source.url)
            problems.append(("source", source.id, "url", message))
        if source.accessed is None:
            problems.append(("source", source.id, "accessed", _(ACCESSED_MISSING)))
    return problems
