"""`signaal-cli assess` and `schema` over the shipped catalog: JSON keys and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from signaal.cli import main
from signaal.content import Catalog

REQUIRED = {"trafficking", "concern_level", "weighing", "referrals"}


def _adult_labour_case(catalog: Catalog) -> dict[str, object]:
    checklist = next(c for c in catalog.checklists if c.kind == "ilo" and "18+" in c.age_bands)
    return {
        "role": catalog.roles[0].id,
        "age": 34,
        "concerns": checklist.concerns[:1],
        "observations": [
            {"indicator": i.id, "status": "seen", "facts": "seen at the practice"}
            for i in checklist.indicators[:3]
        ],
        "context": {"acute_danger": True, "perpetrator_relation": "household"},
        "weighing": {catalog.first_weighing_question.id: "unsure"},
    }


def _write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_assess_prints_the_contract(catalog: Catalog, tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, _adult_labour_case(catalog))
    assert main(["assess", str(path), "--lang", "en"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert set(output) >= REQUIRED
    assert output["concern_level"] in {"none", "possible", "clear"}
    assert set(output["weighing"]) >= {"outcome", "path"}
    assert output["weighing"]["outcome"] is None
    assert output["weighing"]["consult_veilig_thuis"] is True
    result = output["trafficking"][0]
    assert set(result) >= {"list", "dimensions", "profile"}
    assert result["profile"] in {"indicated", "partly-indicated", "not-indicated"}
    assert len(result["dimensions"]) == 6
    for dimension in result["dimensions"].values():
        assert set(dimension) >= {"positive", "counts"}
        assert set(dimension["counts"]) == {"strong", "medium", "weak"}
    for referral in output["referrals"]:
        assert set(referral) >= {"contact", "urgency", "reason"}
        assert referral["urgency"] in {"immediate", "today", "soon", "info"}
    if "emergency-112" in catalog.contacts_by_id:
        assert output["referrals"][0]["contact"] == "emergency-112"


def test_assess_language(catalog: Catalog, tmp_path: Path, capsys) -> None:
    path = _write(tmp_path, _adult_labour_case(catalog))
    assert main(["assess", str(path)]) == 0
    dutch = json.loads(capsys.readouterr().out)
    assert main(["assess", str(path), "--lang", "en"]) == 0
    english = json.loads(capsys.readouterr().out)
    assert dutch["weighing"]["explanations"] != english["weighing"]["explanations"]
    assert "Antwoord" in json.dumps(dutch, ensure_ascii=False)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[]", "not a list"),
        ("{", "not valid JSON"),
        ('{"role": "astronaut"}', "field 'role'"),
        ('{"role": "teacher", "age": "ten"}', "field 'age'"),
        (
            '{"role": "teacher", "observations": [{"indicator": "x", "status": "seen"}]}',
            "field 'observations[0].indicator'",
        ),
        ('{"role": "teacher", "weighing": {"suspicion": 1}}', "field 'weighing.suspicion'"),
    ],
)
def test_malformed_case_exits_2(tmp_path: Path, capsys, content: str, words: str) -> None:
    path = tmp_path / "case.json"
    path.write_text(content, encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert words in captured.err
    assert "Traceback" not in captured.err


def test_missing_file_exits_2(tmp_path: Path, capsys) -> None:
    assert main(["assess", str(tmp_path / "nope.json")]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_schema_describes_a_case(capsys) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object"
    assert schema["title"] == "Signaal case"
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["required"] == ["role"]
    assert {
        "role",
        "age",
        "age_band",
        "concerns",
        "observations",
        "context",
        "meldcode_steps",
        "weighing",
    } <= set(schema["properties"])
    assert schema["additionalProperties"] is False


@pytest.mark.slow
def test_real_process_never_prints_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(b"\x00\x01 not json")
    done = subprocess.run(
        [sys.executable, "-m", "signaal.cli", "assess", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr
