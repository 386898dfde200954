"""Who is involved, in the order a Veilig Thuis intake asks for them.

The reporter, the person concerned and the others around them (children in the household,
parents and carers, the suspected person), then the protective network and the professionals
already involved. Every function returns a titled section, or nothing when nothing was given, so
that another document (a Veilig Thuis handover) can put the same sections in its own order.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from signaal.assessment.case import InvolvedPerson, NetworkMember, Professional
from signaal.assessment.intake import age_group
from signaal.labels import PERSON_ROLE_GROUPS
from signaal.report.layout import Layout, section
from signaal.report.text import Paragraph, label, markup, paragraphs


def reporter(layout: Layout) -> list[Flowable]:
    """The reporter: their own job title, not the app's role category; each line only if typed."""
    _, reporter = layout._, layout.case.reporter
    body: list[Flowable] = [
        layout.field(name, value)
        for name, value in (
            (_("Name"), reporter.name),
            (_("Job title"), reporter.job_title),
            (_("Organisation"), reporter.organisation),
            (_("Phone"), reporter.phone),
        )
        if value.strip()
    ]
    if not body:
        body = [layout.note(_("The reporter did not fill in their details."))]
    return section(layout.section(_("Reporter")), body)


def persons(layout: Layout) -> list[Flowable]:
    """The person concerned, the others in the case by role, and the suspected person."""
    _ = layout._
    body = [*person_concerned(layout)]
    for role, title in PERSON_ROLE_GROUPS.items():
        members = [p for p in layout.case.persons if p.role == role and _has_content(p)]
        if members:
            body.append(layout.subsection(_(title)))
            for number, member in enumerate(members, start=1):
                body += _involved(layout, number, member)
    body += suspected_person(layout)
    return section(layout.section(_("Persons involved")), body)


def person_concerned(layout: Layout) -> list[Flowable]:
    """Initials by default; name, date of birth, address, school and class only where typed."""
    _, case = layout._, layout.case
    person = case.person
    body: list[Flowable] = [
        layout.subsection(_("Person concerned")),
        layout.field(
            _("Person concerned (initials or pseudonym)"),
            person.initials.strip() or _("not given"),
        ),
    ]
    if person.name.strip():
        body.append(layout.field(_("Name"), person.name))
    if person.date_of_birth is not None:
        body.append(layout.field(_("Date of birth"), layout.date(person.date_of_birth)))
    if case.age is not None:
        body.append(layout.field(_("Age"), _("{age} years").format(age=case.age)))
    band = age_band(layout)
    if band:
        body.append(layout.field(_("Age band"), band))
    if person.address.strip():
        body.append(layout.field(_("Address"), person.address))
    school = ", ".join(p.strip() for p in (person.school, person.school_class) if p.strip())
    if school:
        body.append(layout.field(_("School and class"), school))
    return body


def age_band(layout: Layout) -> str:
    """The age band's name; for a child or adult of unknown age, that the age is not known."""
    case = layout.case
    group = age_group(layout.catalog, case)
    if group.minor is None:
        return ""
    if group.band is None or (case.age is None and case.age_band is None):
        # Only child or adult was answered (an adult counts in the first adult band).
        _ = layout._
        return _("child, age not known") if group.minor else _("adult, age not known")
    return layout.text(layout.catalog.age_bands_by_id[group.band].name)


def _has_content(person: InvolvedPerson) -> bool:
    texts = (person.name, person.relation, person.age, person.notes)
    return any(t.strip() for t in texts) or person.informed is not None


def _involved(layout: Layout, number: int, person: InvolvedPerson) -> list[Flowable]:
    """One line of who it is (relation, name, age), then whether told and the notes."""
    _ = layout._
    who = ", ".join(
        part
        for part in (
            person.relation.strip(),
            person.name.strip(),
            _("age {age}").format(age=person.age.strip()) if person.age.strip() else "",
        )
        if part
    )
    flowables: list[Flowable] = [
        Paragraph(f"{number}. {markup(who or _('not described'))}", layout.styles.item)
    ]
    if person.informed is not None or person.role == "parent":
        informed = _("not recorded") if person.informed is None else layout.yes_no(person.informed)
        flowables.append(
            Paragraph(label(_("Told about the report")) + markup(informed), layout.styles.detail)
        )
    if person.notes.strip():
        flowables += paragraphs(person.notes, layout.styles.detail, label=_("Notes"))
    return flowables


def suspected_person(layout: Layout) -> list[Flowable]:
    """The relation category and whatever the reporter knows of the suspected person."""
    _, catalog, suspect = layout._, layout.catalog, layout.case.suspected_person
    body: list[Flowable] = []
    relation = layout.case.context.perpetrator_relation
    if relation is not None:
        names = {r.id: layout.text(r.name) for r in catalog.relations}
        body.append(
            layout.field(_("Relation of the suspected person"), names.get(relation, relation))
        )
    for name, value in (
        (_("Name or alias"), suspect.name),
        (_("Approximate age"), suspect.age),
        (_("Vehicle"), suspect.vehicle),
        (_("Phone"), suspect.phone),
        (_("Social media"), suspect.social_media),
    ):
        if value.strip():
            body.append(layout.field(name, value))
    if suspect.description.strip():
        body += paragraphs(suspect.description, layout.styles.body, label=_("Description"))
    if not body:
        return []
    return [layout.subsection(_("Suspected person")), *body]


def network(layout: Layout) -> list[Flowable]:
    """The professionals already involved and the person's protective network."""
    _, case = layout._, layout.case
    body: list[Flowable] = []
    professionals = [p for p in case.professionals_involved if _professional_text(p)]
    if professionals:
        body.append(layout.subsection(_("Professionals involved")))
        for number, professional in enumerate(professionals, start=1):
            body += _contact_item(
                layout, number, _professional_text(professional), professional.notes
            )
    members = [m for m in case.network if _member_text(m) or m.notes.strip()]
    if members:
        body.append(layout.subsection(_("Protective network")))
        for number, member in enumerate(members, start=1):
            body += _contact_item(layout, number, _member_text(member), member.notes)
    return section(layout.section(_("Network and professionals involved")), body)


def _professional_text(professional: Professional) -> str:
    parts = (professional.function, professional.name, professional.organisation)
    who = ", ".join(p.strip() for p in parts if p.strip())
    contact = professional.contact.strip()
    return f"{who} ({contact})" if who and contact else who or contact


def _member_text(member: NetworkMember) -> str:
    who = ", ".join(p.strip() for p in (member.relation, member.name) if p.strip())
    contact = member.contact.strip()
    return f"{who} ({contact})" if who and contact else who or contact


def _contact_item(layout: Layout, number: int, who: str, notes: str) -> list[Flowable]:
    _ = layout._
    flowables: list[Flowable] = [
        Paragraph(f"{number}. {markup(who or _('not described'))}", layout.styles.item)
    ]
    if notes.strip():
        flowables += paragraphs(notes, layout.styles.detail, label=_("Notes"))
    return flowables
