"""Language: signals, suspicion, indicator profile; never a finding. Dutch texts are complete."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from signaal.assessment.json_output import assessment_json
from signaal.resources import translations_dir

FORBIDDEN = {
    "en": ["is a victim", "was abused", "has been abused", "is being trafficked", "proves"],
    "nl": ["is slachtoffer", "is misbruikt", "bewijst", "vastgesteld dat"],
}


def _texts(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _texts(v)]
    if isinstance(value, list):
        return [t for v in value for t in _texts(v)]
    return []


@pytest.mark.parametrize("language", ["en", "nl"])
def test_no_finding_language_in_a_full_assessment(kit, language: str) -> None:
    signals = [
        kit.ilo("adult-labour", d, s)
        for d in ("deceptive-recruitment", "exploitation", "coercion-destination")
        for s in ("s1", "s2")
    ]
    assessment = kit.run(
        age=30,
        concerns=["labour-exploitation", "criminal-exploitation"],
        seen=signals,
        context={"acute_danger": True},
        weighing={"suspicion": "yes", "unsafety": "no", "can-help": "unsure"},
    )
    texts = " ".join(_texts(assessment_json(assessment, language))).lower()
    for phrase in FORBIDDEN[language]:
        assert phrase not in texts


def _fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_every_engine_text_has_a_dutch_translation_with_the_same_placeholders() -> None:
    path = translations_dir() / "nl" / "LC_MESSAGES" / "assessment.po"
    with path.open("rb") as po_file:
        catalog = read_po(po_file, locale="nl")
    messages = [m for m in catalog if m.id]
    assert len(messages) >= 20
    for message in messages:
        assert message.string, message.id
        assert _fields(str(message.id)) == _fields(str(message.string)), message.id
        for phrase in FORBIDDEN["nl"]:
            assert phrase not in str(message.string).lower()


def test_dutch_engine_texts_are_used(kit) -> None:
    assessment = kit.run(age=30, weighing={"suspicion": "yes"})
    first = assessment.weighing.explanations[0].text.nl
    assert re.search(r"Antwoord: ja", first)


def test_every_engine_message_in_the_code_is_translated() -> None:
    from babel.messages.extract import extract_from_dir

    package = Path(__file__).resolve().parents[2] / "src" / "signaal" / "assessment"
    keywords = {"text": None, "N_": None}
    in_code = {
        message
        for _file, _line, message, _comments, _context in extract_from_dir(
            str(package), keywords=keywords
        )
        if isinstance(message, str)
    }
    path = translations_dir() / "nl" / "LC_MESSAGES" / "assessment.po"
    with path.open("rb") as po_file:
        translated = {str(m.id) for m in read_po(po_file, locale="nl") if m.id and m.string}
    assert in_code
    assert in_code - translated == set()
    assert translated - in_code == set(), "obsolete entries in assessment.po"
