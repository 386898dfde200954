"""Every message the content loader and checker can show has a Dutch translation in core.po."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
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


# The refresh mechanism (tools/catalogs.py, `./dev translations`): what the code asks for and
# what the catalogs hold must match exactly, per catalog.
sys.path.insert(0, str(ROOT / "tools"))
import catalogs  # noqa: E402


def test_every_message_in_the_code_has_dutch_in_its_catalog() -> None:
    found = catalogs.problems()
    missing = {d: k["missing"] + k["untranslated"] for d, k in found.items()}
    assert missing == {d: [] for d in found}, "run ./dev translations and fill in the Dutch"


def test_no_catalog_holds_a_message_the_code_no_longer_uses() -> None:
    found = catalogs.problems()
    assert {d: k["unused"] for d, k in found.items()} == {d: [] for d in found}


def test_extraction_sees_every_keyword_the_code_uses() -> None:
    """`text("…")` in assessment/ and `N_` in content/ were once missed by extraction."""
    templates = catalogs.extract()
    assessment = {m.id for m in templates["assessment"] if m.id}
    assert any(m.startswith("Indicator profile: no dimension positive yet") for m in assessment)
    assert "a contact needs a phone number or a channel" in {m.id for m in templates["core"]}
    assert sum(len(t) for t in templates.values()) > 400


def test_every_source_file_belongs_to_one_catalog() -> None:
    source = ROOT / "src"
    files = [p.relative_to(source).as_posix() for p in source.rglob("*.py")]
    assert [f for f in files if catalogs.domain_of(f) is None] == []
    assert catalogs.domain_of("signaal/assessment/weighing.py") == "assessment"
    assert catalogs.domain_of("signaal/ui/saving.py") == "report"


def test_pybabel_with_babel_cfg_extracts_from_any_folder(tmp_path: Path) -> None:
    """The one-command route in the README: babel.cfg's pattern is relative to the folder."""
    from babel.messages.frontend import CommandLineInterface

    pot = tmp_path / "all.pot"
    CommandLineInterface().run(
        [
            "pybabel",
            "-q",
            "extract",
            "-F",
            str(ROOT / "babel.cfg"),
            "-o",
            str(pot),
            str(ROOT / "src" / "signaal" / "assessment"),
        ]
    )
    with pot.open("rb") as pot_file:
        template = read_po(pot_file)
    assert len(template) >= 20
    assert any(str(m.id).startswith("Indicator profile: indicated") for m in template)


def test_update_appends_new_and_drops_unused_without_rewriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A msgid new in the code is appended empty; one gone from the code is cut out; the rest
    of the file stays byte for byte (so helpers' concurrent edits still merge)."""
    source = tmp_path / "src" / "signaal" / "assessment"
    source.mkdir(parents=True)
    (source / "x.py").write_text('text("Kept")\ntext("Brand new")\n', encoding="utf-8")
    po_dir = tmp_path / "po"
    po_dir.mkdir()
    header = 'msgid ""\nmsgstr ""\n"Language: nl\\n"\n'
    for domain, _patterns in catalogs.DOMAINS:
        (po_dir / f"{domain}.po").write_text(header, encoding="utf-8")
    kept = 'msgid "Kept"\nmsgstr    "Behouden"'
    (po_dir / "assessment.po").write_text(
        f'{header}\n{kept}\n\nmsgid "Gone"\nmsgstr "Weg"\n', encoding="utf-8"
    )
    monkeypatch.setattr(catalogs, "SOURCE", tmp_path / "src")
    monkeypatch.setattr(catalogs, "ROOT", tmp_path)
    monkeypatch.setattr(catalogs, "CATALOGS", po_dir)
    todo = catalogs.update()
    text = (po_dir / "assessment.po").read_text(encoding="utf-8")
    assert kept in text
    assert "Gone" not in text
    assert text.rstrip().endswith('msgid "Brand new"\nmsgstr ""')
    assert todo["assessment"] == ["Brand new"]
    assert catalogs.problems()["assessment"]["untranslated"] == ["Brand new"]
