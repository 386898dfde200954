"""The compiled copy of the content is used only while it matches the TOML files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signaal.cli import main
from signaal.content import ContentError, load_catalog
from signaal.content.compiled import COMPILED, compile_content, content_files, read_compiled

from .conftest import replace_in


def test_compiled_copy_loads_the_same_catalog(content_copy: Path) -> None:
    assert compile_content(content_copy) == content_copy / COMPILED
    assert read_compiled(content_copy, content_files(content_copy)) is not None
    assert load_catalog(content_copy) == load_catalog(content_copy, use_compiled=False)


def test_an_edited_file_wins_over_the_compiled_copy(content_copy: Path) -> None:
    compile_content(content_copy)
    replace_in(content_copy / "catalog.toml", 'version = "', 'version = "edited-')
    assert read_compiled(content_copy, content_files(content_copy)) is None
    assert load_catalog(content_copy).info.version.startswith("edited-")


def test_a_new_file_wins_over_the_compiled_copy(content_copy: Path) -> None:
    compile_content(content_copy)
    (content_copy / "extra.toml").write_text(
        '[[source]]\nid = "extra"\ntitle = "T"\npublisher = "P"\nyear = 2025\nurl = "u"\n'
    )
    assert "extra" in load_catalog(content_copy).sources_by_id


def test_broken_content_is_not_compiled_and_is_reported(content_copy: Path) -> None:
    compile_content(content_copy)
    replace_in(content_copy / "roles.toml", 'protocol = "knmg"', 'protocol = "knmg-2023"')
    assert compile_content(content_copy) is None
    assert not (content_copy / COMPILED).exists()
    with pytest.raises(ContentError, match="knmg-2023"):
        load_catalog(content_copy)


def test_a_damaged_compiled_copy_is_ignored(content_copy: Path) -> None:
    compile_content(content_copy)
    target = content_copy / COMPILED
    header, _newline, body = target.read_text(encoding="utf-8").partition("\n")
    target.write_text(header + "\n" + body.replace('"version":', '"versie":'), encoding="utf-8")
    assert load_catalog(content_copy) == load_catalog(content_copy, use_compiled=False)
    target.write_text("not json", encoding="utf-8")
    assert load_catalog(content_copy).info.version


def test_check_content_compares_what_the_app_loads_from_a_forged_copy(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The app builds the compiled copy without validating it: check-content must catch a value
    the models would refuse, in a copy whose digest still matches."""
    compile_content(content_copy)
    target = content_copy / COMPILED
    header, _newline, body = target.read_text(encoding="utf-8").partition("\n")
    data = json.loads(body)
    data["age_bands"][0]["minor"] = "yes"
    target.write_text(header + "\n" + json.dumps(data), encoding="utf-8")
    assert load_catalog(content_copy).age_bands[0].minor == "yes"  # what the app would use
    assert main(["check-content", str(content_copy)]) == 1
    assert COMPILED.as_posix() in capsys.readouterr().err
