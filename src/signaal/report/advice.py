"""Referral advice with contacts, and the closing line."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Table

from signaal.content.models import Contact
from signaal.content.notices import contact_check_line
from signaal.labels import URGENCIES, wording
from signaal.report.judgement import table_style
from signaal.report.layout import Layout
from signaal.report.text import Paragraph, markup, paragraph

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
                paragraph(wording(URGENCIES, referral.urgency, _), styles.cell),
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
