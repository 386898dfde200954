"""Extract the English msgids from the code and refresh the Dutch catalogs, one .po per area.

    ./dev translations          extract, then update every translations/nl/LC_MESSAGES/*.po
    ./dev translations --check  report missing, untranslated and unused entries; exit 1 if any

Each catalog belongs to the part of the code listed in DOMAINS (the first matching pattern wins,
so a file's messages live in exactly one catalog). New msgids arrive with an empty Dutch text
and are listed, so a translator knows what to fill in; entries the code no longer uses are
removed instead of being kept as obsolete.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
CATALOGS = ROOT / "translations" / "nl" / "LC_MESSAGES"
# The same keywords as babel.cfg: gettext's `_`, the deferred `N_`, the assessment's `text`.
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "text": None,
    "ngettext": (1, 2),
}
# Catalog -> the source files (relative to src/) whose messages it holds; first match wins.
DOMAINS: list[tuple[str, tuple[str, ...]]] = [
    ("about", ("signaal/ui/about.py",)),
    ("privacy", ("signaal/ui/errors.py",)),
    (
        "report",
        (
            "signaal/report/*.py",
            "signaal/ui/pdf_preview.py",
            "signaal/ui/printing.py",
            "signaal/ui/saving.py",
        ),
    ),
    ("assessment", ("signaal/assessment/*.py",)),
    ("core", ("signaal/content/*.py", "signaal/cli.py", "signaal/i18n.py")),
    ("ui", ("signaal/ui/*.py", "signaal/ui/*/*.py", "signaal/*.py")),
]


def domain_of(relative: str) -> str | None:
    """The catalog that holds the messages of a source file (a path relative to src/)."""
    for domain, patterns in DOMAINS:
        if any(fnmatch(relative, pattern) for pattern in patterns):
            return domain
    return None


def _sources() -> Iterator[tuple[str, Path]]:
    for path in sorted(SOURCE.rglob("*.py")):
        domain = domain_of(path.relative_to(SOURCE).as_posix())
        if domain is not None:
            yield domain, path


def extract() -> dict[str, Catalog]:
    """A template catalog per domain with every message its source files use."""
    templates = {domain: Catalog(locale=None, project="signaal") for domain, _ in DOMAINS}
    for domain, path in _sources():
        relative = path.relative_to(ROOT).as_posix()
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, strip_comment_tags=True
        ):
            templates[domain].add(
                message, locations=[(relative, line)], auto_comments=comments, context=context
            )
    return templates


def read(domain: str) -> Catalog:
    with (CATALOGS / f"{domain}.po").open("rb") as po_file:
        return read_po(po_file, locale="nl")


def problems() -> dict[str, dict[str, list[str]]]:
    """Per catalog: msgids the code uses but the catalog lacks or leaves untranslated, and
    msgids the catalog holds but the code no longer uses."""
    report: dict[str, dict[str, list[str]]] = {}
    for domain, template in extract().items():
        catalog = read(domain)
        wanted = {_key(m.id) for m in template if m.id}
        held = {_key(m.id): m for m in catalog if m.id}
        report[domain] = {
            "missing": sorted(w for w in wanted if w not in held),
            "untranslated": sorted(
                w for w in wanted if w in held and not _translated(held[w].string)
            ),
            "unused": sorted(h for h in held if h not in wanted),
        }
    return report


def update() -> dict[str, list[str]]:
    """Bring every catalog in line with the code; returns the msgids still needing Dutch.

    Edits the .po text in place instead of rewriting it: entries the code no longer uses are
    cut out, new msgids are appended at the end with an empty Dutch text, and everything else
    keeps its wrapping and order, so that concurrent edits to a catalog merge cleanly.
    """
    todo: dict[str, list[str]] = {}
    for domain, template in extract().items():
        path = CATALOGS / f"{domain}.po"
        wanted = {_key(m.id): m for m in template if m.id}
        blocks = path.read_text(encoding="utf-8").rstrip("\n").split("\n\n")
        kept, held = [], set()
        for block in blocks:
            msgids = [_key(m.id) for m in _parse(block) if m.id]
            if msgids and msgids[0] not in wanted:
                continue
            held.update(msgids)
            kept.append(block)
        new = Catalog(locale="nl")
        for msgid, message in wanted.items():
            if msgid not in held:
                new.add(
                    message.id, string=("", "") if message.pluralizable else "", flags=message.flags
                )
        if len(new):
            buffer = io.BytesIO()
            write_po(buffer, new, omit_header=True, no_location=True, width=76)
            kept.append(buffer.getvalue().decode("utf-8").strip("\n"))
        path.write_text("\n\n".join(kept) + "\n", encoding="utf-8")
        catalog = read(domain)
        todo[domain] = sorted(_key(m.id) for m in catalog if m.id and not _translated(m.string))
    return todo


def _parse(block: str) -> Catalog:
    return read_po(io.BytesIO(block.encode("utf-8")), locale="nl")


def _key(msgid: str | tuple[str, ...]) -> str:
    return msgid if isinstance(msgid, str) else msgid[0]


def _translated(string: str | tuple[str, ...]) -> bool:
    return all(string) if isinstance(string, tuple) else bool(string)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report only; change nothing")
    args = parser.parse_args(argv)
    if args.check:
        failed = False
        for domain, kinds in problems().items():
            for kind, msgids in kinds.items():
                for msgid in msgids:
                    failed = True
                    print(f"{domain}.po: {kind}: {msgid!r}")
        return 1 if failed else 0
    for domain, msgids in update().items():
        for msgid in msgids:
            print(f"{domain}.po: needs Dutch: {msgid!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
