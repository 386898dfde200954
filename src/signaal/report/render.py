"""Lay out the referral: facts apart from judgement, every user text escaped."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from signaal.assessment.case import Case
from signaal.assessment.result import Assessment
from signaal.content.catalog import Catalog
from signaal.i18n import translator
from signaal.report.fonts import register_fonts


def render_referral(
    catalog: Catalog,
    case: Case,
    assessment: Assessment,
    language: str = "nl",
    *,
    deterministic: bool = False,
) -> bytes:
    """The referral PDF as bytes; `deterministic` gives byte-identical output for equal input."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

    _ = translator(language)
    family = register_fonts()
    body = ParagraphStyle("body", fontName=family, fontSize=10, leading=13)
    heading = ParagraphStyle(
        "heading",
        parent=body,
        fontName=f"{family}-Bold",
        fontSize=13,
        leading=17,
        spaceBefore=8,
        spaceAfter=4,
    )
    title = _("Referral")
    story: list[Flowable] = [Paragraph(escape(title), heading)]
    story.append(Paragraph(escape(catalog.role(case.role).name.get(language)), body))
    story.append(Spacer(1, 6))
    story.append(Paragraph(escape(_("Observations")), heading))
    for observation in case.observations:
        if not observation.counts:
            continue
        text = catalog.indicator(observation.indicator).text.get(language)
        story.append(Paragraph(f"<b>{escape(text)}</b>", body))
        if observation.facts:
            story.append(Paragraph(escape(observation.facts), body))
    story.append(Paragraph(escape(_("Referral advice")), heading))
    for referral in assessment.referrals:
        contact = catalog.contact(referral.contact)
        name, reason = contact.name.get(language), referral.reason.get(language)
        line = f"{name} ({contact.phone or '-'}): {reason}"
        story.append(Paragraph(escape(line), body))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="Signaal",
        subject=title,
        creator="Signaal",
        producer="Signaal",
        invariant=1 if deterministic else 0,
    )
    document.build(story)
    return buffer.getvalue()
