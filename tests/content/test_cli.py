"""`signaal-cli check-content` and `signaal-cli catalog --json`, as a content editor uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from signaal.cli import main
from signaal.content import load_catalog
from signaal.i18n import set_language

from .conftest import replace_in


def test_check_content_ok(capsys: pytest.CaptureFixture[str], english: None) -> None:
    assert main(["check-content"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Content OK: version ")


def test_check_content_lists_every_problem_in_dutch(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_language("nl")
    replace_in(content_copy / "routing.toml", 'contact = "fier"', 'contact = "fire"')
    (content_copy / "broken.toml").write_text("[[source]\n")
    assert main(["check-content", str(content_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "broken.toml, regel 1: geen geldige TOML" in captured.err
    assert "Gevonden problemen: 1." in captured.err
    assert "Traceback" not in captured.err
    (content_copy / "broken.toml").unlink()
    assert main(["check-content", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "routing.toml, regel " in err
    assert "[routing_rule.adult-sexual-exploitation.refer]: onbekend contact 'fire'" in err


def test_check_content_reads_the_toml_not_the_compiled_copy(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from signaal.content.compiled import compile_content

    compile_content(content_copy)
    replace_in(content_copy / "contacts.toml", 'phone = "112"', 'phone = ""')
    assert main(["check-content", str(content_copy)]) == 1
    assert "contact[emergency-112].phone" in capsys.readouterr().err


def test_catalog_json_has_every_indicator_with_its_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["catalog", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    catalog = load_catalog()
    assert data["info"]["version"] == catalog.info.version
    assert len(data["indicators"]) == len(catalog.indicators_by_id)
    for entry in data["indicators"]:
        checklist, indicator = catalog.indicators_by_id[entry["id"]]
        assert entry["list"] == checklist.id
        assert entry["dimension"] == indicator.dimension
        assert entry["weight"] == indicator.weight
        assert entry["age_bands"] == indicator.age_bands
        assert entry["roles"] == indicator.roles
        assert entry["text"] == {"nl": indicator.text.nl, "en": indicator.text.en}
    nested = [i for c in data["checklists"] for i in c["indicators"]]
    assert all(i["list"] for i in nested)
    assert {c["id"] for c in data["contacts"]} == set(catalog.contacts_by_id)
    assert len(data["routing_rules"]) == len(catalog.routing_rules)


def test_catalog_json_of_broken_content_fails(
    content_copy: Path, capsys: pytest.CaptureFixture[str], english: None
) -> None:
    (content_copy / "catalog.toml").unlink()
    assert main(["catalog", "--json", "--content", str(content_copy)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "[catalog]" in captured.err
