"""Referral advice with contacts, the catalog version with its sources, and the closing line."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table

from signaal.content.models import Contact
from signaal.content.notices import contact_check_line
from signaal.i18n import N_
from signaal.report.judgement import table_style
from signaal.report.layout import Layout
from signaal.report.text import Paragraph, markup, paragraph

URGENCY_LABELS = {
    "immediate": N_("immediately"),
    "today": N_("today"),
    "soon": N_("soon"),
    "info": N_("for information"),
}
# A number from an unverified or conflicting source must not look certain.
UNCERTAIN = {"unverified", "conflict", "secondary"}


def referral_advice(layout: Layout, title: str | None = None) -> list[Flowable]:
    """A table of the advised contacts (how to reach them, when, how urgent), then why each.

    The rows hold only short content texts so none grows taller than a page; the reasons,
    which add up when several rules advise the same contact, flow below the table.
    """
    _, styles = layout._, layout.styles
    advised = [
        (referral, contact)
        for referral in layout.assessment.referrals
        if (contact := layout.catalog.contacts_by_id.get(referral.contact)) is not None
    ]
    if not advised:
        return []
    rows: list[list[Flowable | list[Flowable] | str]] = [
        [
            paragraph(_("Contact"), styles.cell_bold),
            paragraph(_("Phone or channel"), styles.cell_bold),
            paragraph(_("Hours"), styles.cell_bold),
            paragraph(_("Urgency"), styles.cell_bold),
        ]
    ]
    # Several contacts often share a rule's reason: each reason once, with its contacts' numbers.
    reasons: dict[str, list[str]] = {}
    for number, (referral, contact) in enumerate(advised, start=1):
        name = f"{number}. {layout.text(contact.name)}"
        rows.append(
            [
                # A cell of one-font paragraphs, not one mixing bold and regular: faster to lay out.
                [
                    paragraph(name, styles.cell_bold),
                    paragraph(layout.text(contact.purpose), styles.cell),
                ],
                _reach(layout, contact),
                paragraph(layout.text(contact.hours), styles.cell),
                paragraph(_(URGENCY_LABELS[referral.urgency]), styles.cell),
            ]
        )
        for reason in [referral.reason, *referral.reasons]:
            numbers = reasons.setdefault(layout.text(reason), [])
            if str(number) not in numbers:
                numbers.append(str(number))
    width = layout.width
    table = Table(rows, colWidths=[width - 290, 150, 85, 55], repeatRows=1)
    table.setStyle(table_style())
    intro = layout.note(
        _("Advice from the rules in the content catalog; the professional decides whom to contact.")
    )
    why: list[Flowable] = [layout.subsection(_("Why these contacts"))]
    for sentence, numbers in reasons.items():
        many = len(numbers) > 1
        contacts = (_("contacts {numbers}") if many else _("contact {numbers}")).format(
            numbers=", ".join(numbers)
        )
        why.append(Paragraph(f"– {markup(sentence)} <i>({markup(contacts)})</i>", styles.detail))
    return [layout.section(title or _("Referral advice")), intro, table, *why]


def _reach(layout: Layout, contact: Contact) -> list[Flowable]:
    """Phone and channel, one line each, then one calm line on how sure the number is and the
    day it was checked (the same line as on screen; the editors' reasons are never printed)."""
    styles = layout.styles
    lines: list[Flowable] = []
    if contact.phone:
        # Only a number the sources agree on is printed in bold, as a number to dial.
        certain = contact.verification not in UNCERTAIN
        lines.append(paragraph(contact.phone, styles.cell_bold if certain else styles.cell))
    if contact.channel is not None:
        lines.append(paragraph(layout.text(contact.channel), styles.cell))
    if contact.shows_check:  # not for 112
        check = contact_check_line(contact, layout._, layout.date(contact.verified_on))
        lines.append(paragraph(check, styles.cell_italic))
    return lines


def used_source_ids(layout: Layout) -> list[str]:
    """The sources behind what this referral shows, in order of first use, each once."""
    catalog, case, assessment = layout.catalog, layout.case, layout.assessment
    ids: list[str] = []
    for observation in case.observations:
        found = catalog.indicators_by_id.get(observation.indicator)
        if observation.counts and found is not None:
            ids += found[0].sources + found[1].sources
    if assessment.trafficking:
        ids += catalog.delphi_rule.sources
    rules = {r.id: r.sources for r in catalog.trafficking_rules}
    rules |= {r.id: r.sources for r in catalog.concern_rules}
    rules |= {r.id: r.sources for r in catalog.routing_rules}
    for result in assessment.trafficking:
        for explanation in result.explanations:
            ids += rules.get(explanation.rule, [])
    for explanation in assessment.concern.explanations:
        ids += rules.get(explanation.rule, [])
    for question_id in assessment.weighing.path:
        question = catalog.questions_by_id.get(question_id)
        if question is not None and question_id in case.weighing:
            ids += question.sources
    for referral in assessment.referrals:
        for rule in referral.rules:
            ids += rules.get(rule, [])
        contact = catalog.contacts_by_id.get(referral.contact)
        if contact is not None:
            ids += contact.sources
    role = catalog.roles_by_id.get(case.role)
    protocol = None if role is None else catalog.protocols_by_id.get(role.protocol)
    if protocol is not None and protocol.flow == "intake":
        ids += [s for step in protocol.steps for s in step.sources]
    exception = case.meldcode_steps.conversation.exception
    ids += next((e.sources for e in catalog.step3_exceptions if e.id == exception), [])
    return [i for i in dict.fromkeys(ids) if i in catalog.sources_by_id]


def sources(layout: Layout) -> list[Flowable]:
    """The catalog version and date, and the sources the shown content is based on."""
    _, info = layout._, layout.catalog.info
    body: list[Flowable] = [
        layout.field(
            _("Content catalog"),
            _("version {version} of {date}").format(
                version=info.version, date=layout.date(info.date)
            ),
        )
    ]
    older = sorted(
        set(layout.carried.versions.values()) | {r.catalog_version for r in layout.carried.retired}
    )
    if layout.case.observations or layout.carried.retired:
        text = _("Observations were recorded with this catalog version")
        if older:
            text += " " + _("unless marked otherwise (also: {versions})").format(
                versions=", ".join(older)
            )
        body.append(layout.note(f"{text}."))
    for source_id in used_source_ids(layout):
        source = layout.catalog.sources_by_id[source_id]
        line = f"{source.publisher} ({source.year}). {source.title}. {source.url}"
        body.append(Paragraph(f"– {markup(line)}", layout.styles.small))
    return [layout.section(_("Catalog and sources")), *body]


def closing(layout: Layout) -> list[Flowable]:
    """The AVG reminder: this paper holds special-category personal data."""
    _ = layout._
    text = _(
        "This document contains special categories of personal data (health, sexual life) in "
        "the sense of the GDPR (AVG). Share it only with those who need it for the safety of the "
        "person concerned, keep it under your organisation's privacy rules, and destroy copies "
        "you no longer need. Signaal itself has stored nothing."
    )
    # Never split: a lone closing line on a page of its own reads as a page left blank.
    return [KeepTogether([paragraph(text, layout.styles.closing)])]
