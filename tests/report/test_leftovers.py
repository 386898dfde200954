"""Typed text is never silently missing from the PDF (issue 22 item 8): step 3 text left behind
after "not done", and facts of a signal switched back to "not seen", print and say so."""

from __future__ import annotations

import pytest
from report_cases import body_text, case_for, flat, pdf_pages

from signaal.assessment import Case, assess
from signaal.content import Catalog
from signaal.i18n import translator
from signaal.report import render_referral


def rendered(catalog: Catalog, case: Case, language: str) -> str:
    pages = pdf_pages(render_referral(catalog, case, assess(catalog, case), language))
    return flat(body_text(pages, language))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_step_3_text_left_after_not_done_prints_as_not_done(
    catalog: Catalog, language: str
) -> None:
    case = case_for(catalog, "teacher", 14, count=1)
    conversation = case.meldcode_steps.conversation
    conversation.with_whom = "moeder van Sara"
    conversation.reaction = "Moeder schrok en wilde eerst met de vader praten."
    conversation.on = None
    conversation.done = False  # "Gesprek gevoerd" switched to "Niet gevoerd"
    text = rendered(catalog, case, language)
    _ = translator(language)
    assert flat(f"{_('Discussed with')}: moeder van Sara ({_('not marked as done')})") in text
    assert flat("Moeder schrok en wilde eerst met de vader praten.") in text
    assert flat(f"({_('not marked as done')})") in text.split(flat("vader praten."))[1][:60]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_facts_of_a_signal_switched_back_to_not_seen_print_apart(
    catalog: Catalog, language: str
) -> None:
    case = case_for(catalog, "teacher", 14, count=2)
    withdrawn = next(o for o in case.observations if o.counts)
    withdrawn.status = "not-seen"
    withdrawn.facts = "Kwam drie keer te laat met een nieuwe telefoon."
    text = rendered(catalog, case, language)
    _ = translator(language)
    heading = flat(_("Looked at, not seen (with notes)"))
    assert heading in text
    assert flat("Kwam drie keer te laat met een nieuwe telefoon.") in text.split(heading)[1]
