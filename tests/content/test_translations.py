"""Every message the content loader and checker can show has a Dutch translation in core.po."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = {"_": None, "N_": None}


def _messages(path: Path) -> set[str]:
    return {
        message
        for _line, message, _comments, _context in extract_from_file(
            "python", str(path), keywords=KEYWORDS
        )
        if isinstance(message, str)
    }


def test_content_messages_have_dutch() -> None:
    wanted: set[str] = set()
    for path in sorted((ROOT / "src" / "signaal" / "content").glob("*.py")):
        wanted |= _messages(path)
    wanted |= {m for m in _messages(ROOT / "src" / "signaal" / "cli.py") if "content" in m.lower()}
    assert len(wanted) > 50
    with (ROOT / "translations" / "nl" / "LC_MESSAGES" / "core.po").open("rb") as po_file:
        catalog = read_po(po_file, locale="nl")
    missing = sorted(m for m in wanted if not (catalog.get(m) and catalog.get(m).string))
    assert missing == []
    for message in wanted:
        dutch = str(catalog.get(message).string)
        assert sorted(re.findall(r"{\w+}", dutch)) == sorted(re.findall(r"{\w+}", message)), message
