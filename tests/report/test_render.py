"""The referral PDF as a reader gets it: every section, every observation, every name, in order."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from report_cases import NAMES, body_text, case_for, flat, pdf_pages

from signaal.assessment import Assessment, Case, assess
from signaal.assessment.case import Consultation
from signaal.content import Catalog
from signaal.i18n import format_date, translator
from signaal.report import render_referral
from signaal.report.facts import source_group
from signaal.report.render import document_title

LANGUAGES = ("nl", "en")


def rendered(catalog: Catalog, case: Case, language: str) -> tuple[list[str], str]:
    """The pages, and the body text of all pages without whitespace (header and footer removed)."""
    pages = pdf_pages(render_referral(catalog, case, assess(catalog, case), language))
    return pages, flat(body_text(pages, language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_and_observation_prints(
    catalog: Catalog, role_case: tuple[Case, Assessment], language: str
) -> None:
    case, assessment = role_case
    _ = translator(language)
    pages = pdf_pages(render_referral(catalog, case, assessment, language))
    text = flat("".join(pages))
    handover = catalog.flow_for(case.role) == "intake"
    headings = (
        (
            "In brief",
            "Intake: who reported what",
            "Persons involved",
            "Observations",
            "Safety assessment",
            "Signals and indicator profiles",
            "Checklist summary",
            "The professional's decision",
            "Handed over by",
            "Working method",
            "Catalog and sources",
        )
        if handover
        else (
            "Reporter",
            "Persons involved",
            "Observations",
            "Professional judgement",
            "Checklist summary",
            "Weighing framework (afwegingskader)",
            "Step 3: conversation with the person or the parents",
            "The professional's decision",
            "Catalog and sources",
        )
    )
    for heading in headings:
        assert flat(_(heading)) in text, heading
    if handover:  # a handover carries none of the melder's meldcode fields
        for melder_field in ("Consultation (step 2)", "Advice from Veilig Thuis", "Reporter"):
            assert flat(_(melder_field) + ":") not in text, melder_field
        assert flat(_("Reporter")) not in text
        assert flat(case.intake.summary) in text
        assert flat(case.intake.reporter_name) in text
    if assessment.referrals:
        assert flat(_("Onward routes" if handover else "Referral advice")) in text
        for referral in assessment.referrals:
            assert flat(catalog.contact(referral.contact).name.get(language)) in text
    for observation in case.observations:
        indicator = catalog.indicator(observation.indicator)
        assert flat(indicator.text.get(language)) in text
        assert flat(observation.facts) in text
        assert flat(observation.when) in text
        if observation.quote:
            opening = "„" if language == "nl" else "“"
            assert flat(f"{opening}{observation.quote}”") in text
    assert flat(document_title(catalog, case, language)) in text
    assert flat(catalog.info.version) in text
    assert flat(case.decision.reasoning) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_on_every_page(catalog: Catalog, language: str) -> None:
    case = case_for(catalog, "teacher", 34, count=40)
    pages, _text = rendered(catalog, case, language)
    _ = translator(language)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        assert _("Confidential").upper() in page
        assert _("page {number} of {total}").format(number=number, total=len(pages)) in page
        assert document_title(catalog, case, language) in page


def test_header_words_in_dutch(catalog: Catalog) -> None:
    pages, _text = rendered(catalog, case_for(catalog, "teacher", 14), "nl")
    assert "VERTROUWELIJK" in pages[0]
    assert re.search(r"pagina 1 van \d+", pages[0])


def test_sources_are_kept_apart(catalog: Catalog) -> None:
    """Own observations, told by the person and told by a third party are separate groups."""
    case = case_for(catalog, "teacher", 34, count=9)
    _pages, text = rendered(catalog, case, "en")
    positions = [
        text.index(flat(title))
        for title in (
            "Own observations (3)",
            "Told by the person concerned (3)",
            "Told by someone else (3)",
        )
    ]
    assert positions == sorted(positions)
    for observation in case.observations:
        group = source_group(observation)
        title = {
            "seen": "Own observations",
            "person": "Told by the person concerned",
            "third-party": "Told by someone else",
        }[group]
        # Each fact appears after its own group's heading.
        assert text.index(flat(observation.facts)) > text.index(flat(title))


def test_not_seen_signals_print_apart_only_with_notes(catalog: Catalog) -> None:
    """A signal looked at and not seen is no observation; notes typed for it are facts too,
    printed apart under their own heading (the referral carries the case, and holds nothing
    the pages do not show)."""
    case = case_for(catalog, "teacher", 34, count=3)
    case.observations[0].status = "not-seen"
    _pages, text = rendered(catalog, case, "en")
    heading = text.index(flat("Looked at, not seen (with notes) (1)"))
    assert text.index(flat(case.observations[0].facts)) > heading
    assert text.index(flat(case.observations[1].facts)) < heading
    for field in ("facts", "quote", "observer", "when"):
        setattr(case.observations[0], field, "")
    _pages, text = rendered(catalog, case, "en")
    assert flat("Looked at, not seen") not in text


@pytest.mark.parametrize("name", NAMES)
def test_names_survive_extraction(catalog: Catalog, name: str) -> None:
    case = case_for(catalog, "teacher", 14, count=2)
    case.person.name = name
    case.reporter.name = name
    _pages, text = rendered(catalog, case, "nl")
    assert text.count(flat(name)) >= 2


def test_script_the_font_lacks_prints_visibly(catalog: Catalog) -> None:
    """Arabic and CJK are not in DejaVu Sans: their code points print instead of empty boxes."""
    case = case_for(catalog, "teacher", 14, count=1)
    case.person.name = "محمد 王芳"
    _pages, text = rendered(catalog, case, "nl")
    assert "[U+0645][U+062D][U+0645][U+062F][U+738B][U+82B3]" in text


def test_user_text_is_escaped(catalog: Catalog) -> None:
    case = case_for(catalog, "teacher", 34, count=2)
    tricky = "<b>Jan</b> & Piet ]]> <br/> <font size=40>x</font> &amp;"
    case.person.name = tricky
    case.observations[0].facts = tricky
    case.decision.reasoning = tricky
    _pages, text = rendered(catalog, case, "en")
    assert text.count(flat(tricky)) == 3


def test_long_text_flows_over_pages_without_loss(catalog: Catalog) -> None:
    words = [f"woord{n:05d}" for n in range(9_100)]
    long_text = " ".join(words)[:100_000]
    assert len(long_text) == 100_000
    case = case_for(catalog, "teacher", 34, count=2)
    case.observations[0].facts = long_text
    pages, text = rendered(catalog, case, "nl")
    assert len(pages) > 15
    assert flat(long_text) in text
    assert flat(case.observations[1].facts) in text


def test_one_endless_word_is_not_cut(catalog: Catalog) -> None:
    endless = "x" * 20_000 + "END"
    case = case_for(catalog, "teacher", 34, count=1)
    case.observations[0].facts = endless
    _pages, text = rendered(catalog, case, "en")
    assert flat(endless) in text


def test_empty_sections_are_left_out(catalog: Catalog) -> None:
    case = Case(role="teacher")
    _ = translator("en")
    pdf = render_referral(catalog, case, assess(catalog, case), "en")
    text = flat("".join(pdf_pages(pdf)))
    assert flat(_("Reporter")) in text
    assert flat(_("Catalog and sources")) in text
    # No concern chosen looks at every list that fits the age (`intake.concerns_looked_at`),
    # as the Signals step shows them: their profiles are the judgement, though no signal counts.
    assert flat(_("Professional judgement")) in text
    for absent in (
        "Observations",
        "Checklist summary",
        "Weighing framework (afwegingskader)",
        "The professional's decision",
        "Step 3: conversation with the person or the parents",
    ):
        assert flat(_(absent)) not in text, absent
    for optional_field in ("Name:", "Organisation:", "Phone:", "Date of birth:"):
        assert flat(optional_field) not in text, optional_field


def test_metadata_is_clean(catalog: Catalog, role_case: tuple[Case, Assessment]) -> None:
    case, assessment = role_case
    pdf = render_referral(catalog, case, assessment, "nl")
    info = PdfReader(io.BytesIO(pdf)).metadata
    assert info is not None
    assert info.title == translator("nl")("Signaal referral")
    assert info.author == "Signaal"
    assert info.creator == "Signaal"
    values = " ".join(str(value) for value in info.values())
    for detail in (case.person.name, case.person.initials, case.reporter.name, "root"):
        assert detail not in values
    assert not info.get("/Keywords")


def test_a4_pages(catalog: Catalog) -> None:
    case = case_for(catalog, "teacher", 34)
    reader = PdfReader(io.BytesIO(render_referral(catalog, case, assess(catalog, case), "nl")))
    for page in reader.pages:
        assert round(float(page.mediabox.width)) == 595
        assert round(float(page.mediabox.height)) == 842


def test_deterministic_output_is_byte_identical(
    catalog: Catalog, role_case: tuple[Case, Assessment]
) -> None:
    case, assessment = role_case
    first = render_referral(catalog, case, assessment, "nl", deterministic=True)
    second = render_referral(
        catalog, case.model_copy(deep=True), assess(catalog, case), "nl", deterministic=True
    )
    assert first == second
    assert render_referral(catalog, case, assessment, "en", deterministic=True) != first


@pytest.mark.parametrize(
    ("role", "purpose", "title"),
    [
        ("teacher", "melding", "Melding vanuit school"),
        ("gp", "advice", "Adviesvraag vanuit de huisartsenpraktijk"),
        ("veilig-thuis", "handover", "Overdracht vanuit Veilig Thuis"),
        ("gp", "file", "Verslag voor het eigen dossier vanuit de huisartsenpraktijk"),
    ],
)
def test_title_per_role_and_purpose(catalog: Catalog, role: str, purpose: str, title: str) -> None:
    case = Case(role=role, purpose=purpose)
    pages = pdf_pages(render_referral(catalog, case, assess(catalog, case), "nl"))
    assert document_title(catalog, case, "nl") == title
    assert flat(pages[0]).count(flat(title)) == 2  # the page header and the document title


@pytest.mark.parametrize("language", LANGUAGES)
def test_step3_exception_is_named(catalog: Catalog, language: str) -> None:
    exception = catalog.step3_exceptions[0]
    case = case_for(catalog, "teacher", 14, count=2)
    case.meldcode_steps.conversation.done = False
    case.meldcode_steps.conversation.exception = exception.id
    _pages, text = rendered(catalog, case, language)
    _ = translator(language)
    assert flat(_("Exception used")) in text
    assert flat(exception.text.get(language)) in text
    # The reaction typed before "not done" was chosen prints, and says it was not done.
    reaction = flat(case.meldcode_steps.conversation.reaction)
    assert flat(f"({_('not marked as done')})") in text.split(reaction)[1][:80]


def test_list_without_signals_is_one_line(catalog: Catalog) -> None:
    case = case_for(catalog, "gp", 34, count=4)
    labour = next(c for c in catalog.checklists if c.id == "adult-labour")
    case.observations = [
        o for o in case.observations if catalog.indicators_by_id[o.indicator][0].id == labour.id
    ]
    assessment = assess(catalog, case)
    silent = [
        r for r in assessment.trafficking if not any(d.indicators for d in r.dimensions.values())
    ]
    assert silent, "the adult case looks at more lists than the one with signals"
    pages = pdf_pages(render_referral(catalog, case, assessment, "en"))
    text = flat(body_text(pages, "en"))
    for result in silent:
        title = next(c.title.en for c in catalog.checklists if c.id == result.checklist)
        assert flat(f"Indicator profile: {title}: no signals from this list were recorded") in text
    assert text.count(flat("This is an indicator profile, not a determination")) == len(
        assessment.trafficking
    ) - len(silent)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("ticked", [True, False], ids=["ticked", "unticked"])
def test_consultation_and_veilig_thuis_advice_print_whenever_typed(
    catalog: Catalog, language: str, ticked: bool
) -> None:
    """Step 2 as typed, with its dates, even when a box was unticked afterwards."""
    case = case_for(catalog, "teacher", 14, count=1)
    consultation = case.meldcode_steps.consultation
    consultation.done = consultation.vt_advice = ticked
    consultation.with_whom = "intern begeleider"
    consultation.on = dt.date(2026, 10, 20)
    consultation.vt_advice_on = dt.date(2026, 10, 21)
    consultation.vt_advice_summary = "Eerst met moeder praten.\n\nDaarna opnieuw bellen."
    _pages, text = rendered(catalog, case, language)
    _ = translator(language)
    advised = flat(f"{_('What Veilig Thuis advised')}: Eerst met moeder praten.")
    assert advised + flat("Daarna opnieuw bellen.") in text
    consulted = f"{_('Consultation (step 2)')}: intern begeleider, "
    assert flat(consulted + format_date(dt.date(2026, 10, 20), language)) in text
    assert (
        flat(f"{_('Advice from Veilig Thuis')}: {format_date(dt.date(2026, 10, 21), language)}")
        in text
    )
    assert (flat(_("not marked as done")) in text) is not ticked
    assert (flat(_("not marked as asked")) in text) is not ticked


def test_nothing_typed_for_step_2_says_so(catalog: Catalog) -> None:
    case = case_for(catalog, "teacher", 14, count=1)
    case.meldcode_steps.consultation = Consultation()
    _pages, text = rendered(catalog, case, "en")
    assert flat("Consultation (step 2): not (yet) done") in text
    assert flat("Advice from Veilig Thuis: not asked") in text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("minor", [True, False])
def test_child_or_adult_of_unknown_age_is_said(
    catalog: Catalog, language: str, minor: bool
) -> None:
    case = Case(role="teacher", minor=minor, concerns=[catalog.concerns[0].id])
    _pages, text = rendered(catalog, case, language)
    _ = translator(language)
    said = _("child, age not known") if minor else _("adult, age not known")
    assert flat(_("Age band")) in text and flat(said) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_concerns_looked_at_are_those_the_signals_step_showed(
    catalog: Catalog, language: str
) -> None:
    """None chosen: every concern that fits the age was looked at, and the referral says so."""
    _ = translator(language)
    adult = [c for c in catalog.concerns if "18+" in c.age_bands]
    not_sure = flat(_("(not sure which: every concern that fits the age)"))
    _pages, text = rendered(catalog, Case(role="gp", age=34), language)
    assert not_sure in text
    for concern in catalog.concerns:
        assert (flat(concern.name.get(language)) in text) == (concern in adult)
    chosen = Case(role="gp", age=34, concerns=[adult[0].id])
    _pages, text = rendered(catalog, chosen, language)
    assert flat(adult[0].name.get(language)) in text and not_sure not in text
