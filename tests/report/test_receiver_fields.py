"""What a receiver asks for, read back from the PDF: every field of the full example case, under
its heading, in the order a Veilig Thuis intake works through a report, quotes attributed."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_cases import body_text, flat, pdf_pages

from signaal.assessment import Case, assess
from signaal.assessment.case_file import read_case
from signaal.content import Catalog
from signaal.i18n import translator
from signaal.report import render_referral

FULL_CASE = (
    Path(__file__).resolve().parent.parent / "cases" / "teacher-15-year-old-every-field.json"
)

# The sections, in the order of the Veilig Thuis online report form (content-reference 6.1):
# meldcode steps, reporter, persons involved, the report itself, the supporting network; the
# professional judgement after the facts.
SECTIONS = (
    "Meldcode steps taken",
    "Reporter",
    "Persons involved",
    "The concern",
    "Observations",
    "Network and professionals involved",
    "Professional judgement",
    "Referral advice",
    "Catalog and sources",
)


@pytest.fixture(scope="module")
def full_case(catalog: Catalog) -> Case:
    return read_case(FULL_CASE, catalog)


def rendered(catalog: Catalog, case: Case, language: str) -> str:
    pdf = render_referral(catalog, case, assess(catalog, case), language)
    return flat(body_text(pdf_pages(pdf), language))


def between(text: str, start: str, end: str) -> str:
    """The text after heading `start` up to the heading `end` (each must occur)."""
    assert start in text, start
    begin = text.index(start) + len(start)
    assert end in text[begin:], end
    return text[begin : text.index(end, begin)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_sections_follow_the_veilig_thuis_report_form(
    catalog: Catalog, full_case: Case, language: str
) -> None:
    _ = translator(language)
    text = rendered(catalog, full_case, language)
    positions = [text.find(flat(_(title))) for title in SECTIONS]
    assert -1 not in positions, [t for t, p in zip(SECTIONS, positions, strict=True) if p < 0]
    assert positions == sorted(positions)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_new_field_is_printed_under_its_heading(
    catalog: Catalog, full_case: Case, language: str
) -> None:
    _ = translator(language)
    text = rendered(catalog, full_case, language)
    case = full_case
    reporter = between(text, flat(_("Reporter")), flat(_("Persons involved")))
    assert flat(f"{_('Job title')}:{case.reporter.job_title}") in reporter
    # The role category is implicit: the job title is printed, not "teacher or care coordinator".
    role_name = catalog.roles_by_id[case.role].name.get(language)
    assert flat(role_name) not in text

    persons = between(text, flat(_("Persons involved")), flat(_("The concern")))
    concerned = between(persons, flat(_("Person concerned")), flat(_("Children in the household")))
    assert flat(case.person.address) in concerned
    assert flat(f"{case.person.school}, {case.person.school_class}") in concerned
    groups = [
        ("child", "Children in the household", "Parents or carers with parental authority"),
        (
            "parent",
            "Parents or carers with parental authority",
            "Parents or carers without parental authority",
        ),
        ("carer", "Parents or carers without parental authority", "Others involved"),
        ("other", "Others involved", "Suspected person"),
    ]
    for role, heading, following in groups:
        group = between(persons, flat(_(heading)), flat(_(following)))
        members = [p for p in case.persons if p.role == role]
        assert members, role
        for member in members:
            for value in (member.relation, member.name, member.notes):
                assert flat(value) in group, (role, value)
            if member.age:
                assert flat(_("age {age}").format(age=member.age)) in group
            if member.informed is not None:
                told = _("yes") if member.informed else _("no")
                assert flat(f"{_('Told about the report')}:{told}") in group
    suspect = persons[persons.index(flat(_("Suspected person"))) :]
    s = case.suspected_person
    for label, value in (
        ("Name or alias", s.name),
        ("Approximate age", s.age),
        ("Vehicle", s.vehicle),
        ("Phone", s.phone),
        ("Social media", s.social_media),
        ("Description", s.description),
    ):
        assert flat(f"{_(label)}:{value}") in suspect, label

    network = between(
        text, flat(_("Network and professionals involved")), flat(_("Professional judgement"))
    )
    professionals = between(
        network, flat(_("Professionals involved")), flat(_("Protective network"))
    )
    for professional in case.professionals_involved:
        for value in (
            professional.function,
            professional.name,
            professional.organisation,
            professional.contact,
            professional.notes,
        ):
            assert flat(value) in professionals, value
    protective = network[network.index(flat(_("Protective network"))) :]
    for member in case.network:
        for value in (member.relation, member.name, member.contact, member.notes):
            assert flat(value) in protective, value


@pytest.mark.parametrize("language", ["nl", "en"])
def test_told_by_others_quotes_say_who_told_and_whose_words(
    catalog: Catalog, full_case: Case, language: str
) -> None:
    _ = translator(language)
    text = rendered(catalog, full_case, language)
    observations = between(
        text, flat(_("Observations")), flat(_("Network and professionals involved"))
    )
    mother = flat(_("Told by {teller}; the person's own words").format(teller="moeder"))
    classmate = flat(_("Words of {teller}").format(teller="klasgenoot"))
    for observation in full_case.observations:
        if observation.teller:
            assert flat(_("Told by {teller}").format(teller=observation.teller)) in observations
    # Each attribution stands right before the quote it belongs to.
    by_mother = next(o for o in full_case.observations if o.teller == "moeder")
    by_classmate = next(o for o in full_case.observations if o.teller == "klasgenoot")
    assert observations.index(mother) < observations.index(flat(by_mother.quote))
    assert observations.index(classmate) < observations.index(flat(by_classmate.quote))
    # Only the colon and the opening quote mark stand between the label and the quote.
    gap = observations.index(flat(by_mother.quote)) - observations.index(mother) - len(mother)
    assert gap == 2
    gap = observations.index(flat(by_classmate.quote)) - observations.index(classmate)
    assert gap - len(classmate) == 2
    # The quote the person told herself is hers; no passed-on quote is labelled as hers alone.
    own = flat(_("In the person's own words"))
    assert observations.count(own) == 1


def test_step_3_is_a_fact_not_a_judgement(catalog: Catalog, full_case: Case) -> None:
    _ = translator("nl")
    text = rendered(catalog, full_case, "nl")
    facts = between(text, flat(_("Meldcode steps taken")), flat(_("Reporter")))
    conversation = full_case.meldcode_steps.conversation
    assert flat(_("Step 3: conversation with the person or the parents")) in facts
    assert flat(conversation.reaction) in facts
    judgement = text[text.index(flat(_("Professional judgement"))) :]
    assert flat(conversation.reaction) not in judgement


def test_an_old_case_file_keeps_its_meaning(catalog: Catalog) -> None:
    """`told_by` "person" / "third-party" from before still load and print as they did."""
    case = Case.model_validate(
        {
            "role": "teacher",
            "observations": [
                {"indicator": "se-beh-money-goods", "status": "told", "told_by": "person"},
                {"indicator": "se-self-withdrawn", "status": "told", "told_by": "third-party"},
            ],
        }
    )
    assert [o.source for o in case.observations] == ["person", "third-party"]
    assert [o.teller for o in case.observations] == ["", ""]
    _ = translator("nl")
    text = rendered(catalog, case, "nl")
    assert flat(_("Told by the person concerned")) in text
    assert flat(_("Told by someone else")) in text
