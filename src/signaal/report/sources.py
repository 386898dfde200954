"""The catalog version and the sources behind what this referral shows: grouped, one line each.

A receiver checks a source only for what the document shows, so a source is listed only when
something printed rests on it: a recorded signal, a profile chart, a rule whose reason is
printed, an afwegingskader answer, the step 3 exception, an advised contact.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from signaal.content.models import Source
from signaal.i18n import N_
from signaal.report.layout import Layout
from signaal.report.text import Paragraph, markup

SOURCE_GROUPS = (
    ("signals", N_("Signal lists")),
    ("rules", N_("Indicator profile and level of concern")),
    ("meldcode", N_("Meldcode and weighing framework")),
    ("contacts", N_("Contacts and referral advice")),
)
ELLIPSIS = "…"


def used_sources(layout: Layout) -> dict[str, list[str]]:
    """Source ids per group, each id once (in the first group that uses it), in order of use."""
    catalog, case, assessment = layout.catalog, layout.case, layout.assessment
    rules = {r.id: r.sources for r in catalog.trafficking_rules}
    rules |= {r.id: r.sources for r in catalog.concern_rules}
    rules |= {r.id: r.sources for r in catalog.routing_rules}
    groups: dict[str, list[str]] = {key: [] for key, _title in SOURCE_GROUPS}
    for observation in case.observations:
        found = catalog.indicators_by_id.get(observation.indicator)
        if observation.counts and found is not None:
            groups["signals"] += found[0].sources + found[1].sources
    # A list without signals prints one line and no chart: its rules are not shown.
    charted = [
        r for r in assessment.trafficking if any(d.indicators for d in r.dimensions.values())
    ]
    if charted:
        groups["rules"] += catalog.delphi_rule.sources
    for profile in charted:
        for explanation in profile.explanations:
            groups["rules"] += rules.get(explanation.rule, [])
    if assessment.concern.assessed:
        for explanation in assessment.concern.explanations:
            groups["rules"] += rules.get(explanation.rule, [])
    for question_id in assessment.weighing.path:
        question = catalog.questions_by_id.get(question_id)
        if question is not None and question_id in case.weighing:
            groups["meldcode"] += question.sources
    role = catalog.roles_by_id.get(case.role)
    protocol = None if role is None else catalog.protocols_by_id.get(role.protocol)
    if protocol is not None and protocol.flow == "intake":
        groups["meldcode"] += [s for step in protocol.steps for s in step.sources]
    exception = case.meldcode_steps.conversation.exception
    groups["meldcode"] += next(
        (e.sources for e in catalog.step3_exceptions if e.id == exception), []
    )
    for referral in assessment.referrals:
        contact = catalog.contacts_by_id.get(referral.contact)
        if contact is None:
            continue
        groups["contacts"] += contact.sources
        for rule in referral.rules:
            groups["contacts"] += rules.get(rule, [])
    seen: set[str] = set()
    result: dict[str, list[str]] = {}
    for key, ids in groups.items():
        fresh = [i for i in dict.fromkeys(ids) if i in catalog.sources_by_id and i not in seen]
        seen.update(fresh)
        if fresh:
            result[key] = fresh
    return result


def used_source_ids(layout: Layout) -> list[str]:
    """Every source the referral lists, group by group."""
    return [i for ids in used_sources(layout).values() for i in ids]


def source_line(source: Source, font: str, size: float, width: float) -> str:
    """ "Publisher (year). Title. URL" on one line: the title shortened, else the URL's host."""

    def fits(text: str) -> bool:
        return stringWidth(text, font, size) <= width

    head = f"{source.publisher} ({source.year}). "
    # The host alone ("www.ilo.org"): enough to find the source again (no URL library needed).
    host = source.url.split("//", 1)[-1].split("/", 1)[0] or source.url
    for whole in (f"{head}{source.title}. {source.url}", f"{head}{source.title}. {host}"):
        if fits(whole):
            return whole
    title = source.title
    while len(title) > 12 and not fits(f"{head}{title}{ELLIPSIS} {host}"):
        title = title[: len(title) - max(2, len(title) // 10)].rstrip(" ,.;:")
    candidate = f"{head}{title}{ELLIPSIS} {host}"
    if fits(candidate):
        return candidate
    # A publisher name so long that even the host does not fit: cut from the end.
    text = f"{head}{source.title}. {host}"
    while len(text) > 10 and not fits(text + ELLIPSIS):
        text = text[:-2]
    return text + ELLIPSIS


def sources(layout: Layout) -> list[Flowable]:
    """The catalog version and date, then the sources behind what the document shows."""
    _, info, style = layout._, layout.catalog.info, layout.styles.small
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
    titles = dict(SOURCE_GROUPS)
    # The dash and its space are part of the line; keep a little room for rounding.
    width = layout.width - stringWidth("– ", style.fontName, style.fontSize) - 2
    for key, ids in used_sources(layout).items():
        body.append(Paragraph(f"<b>{markup(_(titles[key]))}</b>", style))
        for source_id in ids:
            line = source_line(
                layout.catalog.sources_by_id[source_id], style.fontName, style.fontSize, width
            )
            body.append(Paragraph(f"– {markup(line)}", style))
    return [layout.section(_("Catalog and sources")), *body]
