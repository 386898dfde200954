"""Deliberately broken content: each mistake yields a message naming the file, the key and,
where it can be found, the line, in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from signaal.content import ContentError, load_catalog
from signaal.i18n import set_language

from .conftest import line_of, problems_in, replace_in

pytestmark = pytest.mark.usefixtures("english")

EMERGENCY_PURPOSE_EN = (
    ', en = "Acute (life-threatening) danger or a crime in progress: '
    'police, ambulance or fire service." }'
)


def test_missing_language(content_copy: Path) -> None:
    contacts = content_copy / "contacts.toml"
    replace_in(contacts, EMERGENCY_PURPOSE_EN, " }")
    [problem] = problems_in(content_copy)
    assert problem.file == "contacts.toml"
    assert problem.key == "contact[emergency-112].purpose.en"
    assert problem.message == "the English text (en) is missing"
    assert problem.line == line_of(contacts, 'purpose = { nl = "Acuut')


def test_empty_text(content_copy: Path) -> None:
    replace_in(content_copy / "roles.toml", 'name = { nl = "Huisarts"', 'name = { nl = "  "')
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.key) == ("roles.toml", "role[gp].name.nl")
    assert problem.message == "must not be empty"


def test_unknown_key(content_copy: Path) -> None:
    routing = content_copy / "routing.toml"
    replace_in(routing, 'id = "child-helpline"\n', 'id = "child-helpline"\nurgent = true\n')
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.key) == ("routing.toml", "routing_rule[child-helpline].urgent")
    assert problem.message == "unknown key (a typo?)"
    assert problem.line == line_of(routing, "urgent = true")


def test_bad_toml_names_the_line(content_copy: Path) -> None:
    protocol = content_copy / "protocol.toml"
    replace_in(protocol, 'id = "acute"\n', 'id = "acute\n')
    [problem] = problems_in(content_copy)
    assert problem.file == "protocol.toml"
    assert problem.message.startswith("not valid TOML")
    assert problem.line == line_of(protocol, 'id = "acute\n')
    assert f"protocol.toml, line {problem.line}" in str(problem)


def test_unclosed_array_at_end_of_file(content_copy: Path) -> None:
    (content_copy / "extra.toml").write_text('[[source]]\nid = "x"\nsources = [\n')
    [problem] = problems_in(content_copy)
    assert problem.file == "extra.toml"
    assert problem.line == 3
    assert "not closed" in problem.message


def test_unknown_source_reference(content_copy: Path) -> None:
    routing = content_copy / "routing.toml"
    replace_in(routing, 'sources = ["kindertelefoon"]', 'sources = ["kinder-telefoon"]')
    [problem] = problems_in(content_copy)
    assert problem.file == "routing.toml"
    assert problem.key == "routing_rule.child-helpline.sources"
    assert "unknown source 'kinder-telefoon'" in problem.message
    assert problem.line == line_of(routing, 'sources = ["kinder-telefoon"]')


def test_duplicate_id_in_two_files(content_copy: Path) -> None:
    (content_copy / "more-contacts.toml").write_text(
        '[[contact]]\nid = "police"\nname = { nl = "Politie", en = "Police" }\n'
        'purpose = { nl = "Dubbel.", en = "Double." }\nphone = "0900-8844"\n'
        'hours = { nl = "Altijd", en = "Always" }\nverification = "verified"\n'
        'verified_on = 2025-06-01\nsources = ["politie-mensenhandel"]\n',
        encoding="utf-8",
    )
    problems = problems_in(content_copy)
    assert {(p.file, p.key) for p in problems} == {
        ("contacts.toml", "contact.police.id"),
        ("more-contacts.toml", "contact.police.id"),
    }
    assert all("used more than once" in p.message for p in problems)
    assert {p.line for p in problems if p.file == "more-contacts.toml"} == {2}


def test_duplicate_id_in_one_file_names_both_lines(content_copy: Path) -> None:
    protocol = content_copy / "protocol.toml"
    replace_in(protocol, 'id = "cod-other-way"', 'id = "cod-weighty-interest"')
    problems = problems_in(content_copy)
    assert [p.line for p in problems] == sorted(
        line
        for line, text in enumerate(protocol.read_text().splitlines(), 1)
        if text == 'id = "cod-weighty-interest"'
    )
    assert len(problems) == 2


def test_dangling_next(content_copy: Path) -> None:
    protocol = content_copy / "protocol.toml"
    replace_in(protocol, 'on_yes = { next = "help-effective"', 'on_yes = { next = "help-works"')
    [problem] = problems_in(content_copy)
    assert problem.file == "protocol.toml"
    assert problem.key == "weighing_question.help-accepted.on_yes.next"
    assert "unknown weighing question 'help-works'" in problem.message
    assert problem.line == line_of(protocol, 'next = "help-works"')


def test_answer_with_both_next_and_outcome(content_copy: Path) -> None:
    replace_in(
        content_copy / "protocol.toml",
        'on_no = { outcome = "close",',
        'on_no = { outcome = "close", next = "unsafety",',
    )
    [problem] = problems_in(content_copy)
    assert problem.key == "weighing_question.suspicion.on_no"
    assert "exactly one of 'next' or 'outcome'" in problem.message


def test_loop_in_weighing_questions(content_copy: Path) -> None:
    replace_in(
        content_copy / "protocol.toml",
        'on_yes = { outcome = "help-and-monitor"',
        'on_yes = { next = "suspicion"',
    )
    problems = problems_in(content_copy)
    assert problems
    assert all("loop" in p.message for p in problems)


def test_missing_catalog(content_copy: Path) -> None:
    text = (content_copy / "catalog.toml").read_text(encoding="utf-8")
    start = text.index("[catalog]")
    end = text.index("[[age_band]]")
    (content_copy / "catalog.toml").write_text(text[:start] + text[end:], encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert problem.key == "catalog"
    assert "[catalog]" in problem.message and "missing" in problem.message


def test_catalog_defined_twice(content_copy: Path) -> None:
    (content_copy / "second.toml").write_text(
        '[catalog]\nversion = "x"\ndate = 2026-01-01\n'
        'title = { nl = "T", en = "T" }\ndisclaimer = { nl = "D", en = "D" }\n'
    )
    [problem] = problems_in(content_copy)
    assert problem.file == "catalog.toml, second.toml"
    assert "more than one file" in problem.message


def test_unknown_value(content_copy: Path) -> None:
    replace_in(content_copy / "routing.toml", 'urgency = "info" }]', 'urgency = "later" }]')
    [problem] = problems_in(content_copy)
    assert problem.key.endswith(".urgency")
    assert "is not one of the allowed values" in problem.message
    assert "'immediate'" in problem.message


def test_bad_date(content_copy: Path) -> None:
    replace_in(content_copy / "catalog.toml", "date = 2026-11-23", 'date = "23 november"')
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.key) == ("catalog.toml", "catalog.date")
    assert "2026-11-23" in problem.message


def test_unverified_contact_needs_a_note(content_copy: Path) -> None:
    contacts = content_copy / "contacts.toml"
    text = contacts.read_text(encoding="utf-8")
    start = text.index('id = "fier"')
    note = text.index("editor_note", start)
    contacts.write_text(text[:note] + "# " + text[note:], encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert problem.key == "contact[fier]"
    assert "editor_note" in problem.message


def test_contact_without_phone_or_channel(content_copy: Path) -> None:
    replace_in(content_copy / "contacts.toml", 'channel = { nl = "Via de website fairwork.nu"', "#")
    [problem] = problems_in(content_copy)
    assert problem.key == "contact[fairwork]"
    assert "phone number or a channel" in problem.message


def test_every_problem_is_reported_at_once(content_copy: Path) -> None:
    replace_in(content_copy / "contacts.toml", EMERGENCY_PURPOSE_EN, " }")
    replace_in(content_copy / "roles.toml", 'protocol = "knmg"', 'protocol = "knmg", colour = 1')
    (content_copy / "broken.toml").write_text("= nothing\n")
    files = {problem.file for problem in problems_in(content_copy)}
    assert files == {"contacts.toml", "roles.toml", "broken.toml"}


def test_not_utf8(content_copy: Path) -> None:
    (content_copy / "latin1.toml").write_bytes("# co\xf6rdinator\n".encode("latin-1"))
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.message) == ("latin1.toml", "the file is not UTF-8 text")


def test_missing_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="content folder not found"):
        load_catalog(tmp_path / "nowhere")
    with pytest.raises(ContentError, match="no content files"):
        load_catalog(tmp_path)


def test_messages_in_dutch(content_copy: Path) -> None:
    replace_in(content_copy / "contacts.toml", EMERGENCY_PURPOSE_EN, " }")
    replace_in(content_copy / "protocol.toml", 'id = "acute"\n', 'id = "acute\n')
    set_language("nl")
    problems = problems_in(content_copy)
    text = "\n".join(str(problem) for problem in problems)
    assert "geen geldige TOML" in text
    assert ", regel " in text
    replace_in(content_copy / "protocol.toml", 'id = "acute\n', 'id = "acute"\n')
    [problem] = problems_in(content_copy)
    assert problem.message == "de Engelse tekst (en) ontbreekt"


def test_protocol_steps_out_of_order(content_copy: Path) -> None:
    protocol = content_copy / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    first = text.index("number = 4\n")
    protocol.write_text(text[:first] + "number = 3\n" + text[first + 11 :], encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert problem.key == "protocol[basismodel]"
    assert problem.message == "the steps must be numbered 1 to 5, in that order"


CHECKLIST = """# a checklist file as a content editor writes it
[[checklist]]
id = "demo"
title = { nl = "Demo", en = "Demo" }
description = { nl = "Demo", en = "Demo" }
kind = "signals"
concerns = ["child-sexual-abuse"]
age_bands = ["4-12"]
sources = ["meldcode-nu"]

[[checklist.sections]]
id = "demo-section"
title = { nl = "Rubriek", en = "Section" }

[[checklist.indicators]]
id = "demo-first"
section = "demo-section"
text = { nl = "Eerste", en = "First" }
age_bands = ["4-12"]
sources = ["meldcode-nu"]

[[checklist.indicators]]
id = "demo-second"
section = "demo-section"
text = { nl = "Tweede" }
age_bands = ["4-12"]
sources = ["meldcode-nu"]

[[checklist.indicators]]
section = "demo-section"
text = { nl = "Derde", en = "Third" }
age_bands = ["4-12"]
sources = ["meldcode-nu"]
"""


def test_problems_inside_a_checklist_name_the_indicator_and_its_line(content_copy: Path) -> None:
    path = content_copy / "checklists" / "demo.toml"
    path.write_text(CHECKLIST, encoding="utf-8")
    problems = {problem.key: problem for problem in problems_in(content_copy)}
    assert set(problems) == {
        "checklist[demo].indicators[demo-second].text.en",
        "checklist[demo].indicators[2].id",
    }
    second = problems["checklist[demo].indicators[demo-second].text.en"]
    assert second.file == "checklists/demo.toml"
    assert second.line == line_of(path, 'text = { nl = "Tweede" }')
    assert problems["checklist[demo].indicators[2].id"].line == line_of(
        path, '[[checklist.indicators]]\nsection = "demo-section"\ntext = { nl = "Derde"'
    )


def test_reference_problems_inside_a_checklist(content_copy: Path) -> None:
    path = content_copy / "checklists" / "demo.toml"
    path.write_text(
        CHECKLIST.replace(
            'text = { nl = "Tweede" }', 'text = { nl = "Tweede", en = "Second" }'
        ).replace(
            'section = "demo-section"\ntext = { nl = "Derde"',
            'id = "demo-third"\nsection = "demo-sectoin"\ntext = { nl = "Derde"',
        ),
        encoding="utf-8",
    )
    [problem] = problems_in(content_copy)
    assert problem.file == "checklists/demo.toml"
    assert problem.key == "indicator.demo-third.section"
    assert "unknown section 'demo-sectoin'" in problem.message
    assert problem.line == line_of(path, 'section = "demo-sectoin"')


def test_key_set_twice_names_its_line(content_copy: Path) -> None:
    (content_copy / "twice.toml").write_text("a = 1\nb = 2\na = 3\nc = 4\n", encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.line) == ("twice.toml", 3)
    assert problem.message.startswith("not valid TOML: a key is set twice in the same table")
    # At the very end of a file the parser gives no position; the loader finds it.
    (content_copy / "twice.toml").write_text("a = 1\nb = 2\na = 3", encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.line) == ("twice.toml", 3)


def test_unknown_borrowed_concern(content_copy: Path) -> None:
    catalog = content_copy / "catalog.toml"
    wrong = 'borrows_lists_of = "labour-exploitatoin"'
    replace_in(catalog, 'borrows_lists_of = "labour-exploitation"', wrong)
    [problem] = problems_in(content_copy)
    key = "concern.criminal-exploitation.borrows_lists_of"
    assert (problem.file, problem.key) == ("catalog.toml", key)
    assert problem.message == "unknown concern 'labour-exploitatoin'"
    assert problem.line == line_of(catalog, wrong)


def test_contact_the_code_names_must_exist(content_copy: Path) -> None:
    """Renaming 112 in content is refused, not a fallback card that silently disappears."""
    replace_in(content_copy / "contacts.toml", 'id = "emergency-112"', 'id = "emergency-911"')
    problems = problems_in(content_copy)
    [code] = [p for p in problems if "code_ids" in p.key]
    assert code.message == "unknown contact 'emergency-112'"


def test_guidance_on_a_page_that_does_not_exist(content_copy: Path) -> None:
    """Which guidance shows where is content: a typo in the page is reported, not a box that
    silently disappears."""
    protocol = content_copy / "protocol.toml"
    replace_in(
        protocol, 'id = "kindcheck"\npage = "meldcode"', 'id = "kindcheck"\npage = "meldcod"'
    )
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.key) == ("protocol.toml", "guidance.kindcheck.page")
    assert problem.message == (
        "no page 'meldcod' shows guidance (pages: start, signals, meldcode, outcome, referral)"
    )


def test_guidance_shown_on_no_page(content_copy: Path) -> None:
    replace_in(content_copy / "protocol.toml", 'page = "referral"\n', "")
    [problem] = problems_in(content_copy)
    assert problem.key == "guidance.special-category-data.page"
    assert problem.message.startswith("shown on no page")


def test_guidance_that_replaces_an_unknown_one(content_copy: Path) -> None:
    vt = content_copy / "veilig-thuis-protocol.toml"
    replace_in(vt, 'replaces = "after-the-report"', 'replaces = "after-the-reprot"')
    [problem] = problems_in(content_copy)
    assert (problem.file, problem.key) == (
        "veilig-thuis-protocol.toml",
        "guidance.vt-after-the-assessment.replaces",
    )
    assert problem.message == "unknown guidance 'after-the-reprot'"


def test_concern_the_code_names_must_exist(content_copy: Path) -> None:
    catalog = content_copy / "catalog.toml"
    replace_in(catalog, 'id = "child-sexual-abuse"', 'id = "child-abuse"')
    [code] = [p for p in problems_in(content_copy) if "code_ids" in p.key]
    assert code.message == "unknown concern 'child-sexual-abuse'"


def test_protocol_must_say_what_acute_danger_asks(content_copy: Path) -> None:
    protocol = content_copy / "protocol.toml"
    text = protocol.read_text(encoding="utf-8")
    start = text.index("on_acute_danger = ", text.index('id = "knmg"'))
    protocol.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    [problem] = problems_in(content_copy)
    assert problem.key == "protocol.knmg.on_acute_danger"
    assert problem.message.startswith("says nothing about acute danger")


def test_guidance_that_replaces_another_for_nobody(content_copy: Path) -> None:
    vt = content_copy / "veilig-thuis-protocol.toml"
    replace_in(
        vt,
        'replaces = "after-the-report"\nroles = ["veilig-thuis"]\n',
        'replaces = "after-the-report"\n',
    )
    [problem] = problems_in(content_copy)
    assert problem.key == "guidance.vt-after-the-assessment.roles"
    assert problem.message.startswith("a guidance that replaces another is shown only to its roles")
