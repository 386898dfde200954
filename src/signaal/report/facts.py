"""The concern and what was seen or told, grouped by source, every quote attributed."""

from __future__ import annotations

from reportlab.platypus import Flowable

from signaal.assessment.carried import RetiredObservation, printed
from signaal.assessment.case import Observation
from signaal.assessment.intake import concerns_looked_at, looks_at_all
from signaal.labels import OBSERVATION_SOURCE_GROUPS
from signaal.report.layout import Layout, section
from signaal.report.text import Paragraph, kept, label, markup, paragraphs

# The meldcode asks to keep own observations visibly apart from what others told.
SOURCE_GROUPS = tuple(OBSERVATION_SOURCE_GROUPS.items())
QUOTE_MARKS = {"nl": ("„", "”"), "en": ("“", "”")}


def history(layout: Layout) -> list[Flowable]:
    """When a continued case was first saved and continued, so the reader sees its course."""
    _, saved = layout._, layout.carried.history
    if saved.first_saved_on is None:
        return []
    text = _("Case first saved on {date}.").format(date=layout.date(saved.first_saved_on))
    if saved.continued_on:
        dates = ", ".join(layout.date(day) for day in saved.continued_on)
        continued = _("Continued on {dates}.").format(dates=dates)
        text = f"{text} {continued}"
    return [layout.note(text)]


def concerns(layout: Layout) -> list[Flowable]:
    """What the report is about: the concerns looked at and the facts the routing asks for."""
    _, case, catalog = layout._, layout.case, layout.catalog
    body: list[Flowable] = []
    names = [
        layout.text(catalog.concerns_by_id[c].name) if c in catalog.concerns_by_id else c
        for c in concerns_looked_at(catalog, case)
    ]
    if names:
        looked_at = "; ".join(names)
        if looks_at_all(case):
            looked_at += " " + _("(not sure which: every concern that fits the age)")
        body.append(layout.field(_("Concerns looked at"), looked_at))
    context = case.context
    if context.acute_danger is not None:
        # Said as the question was asked: a later safety assessment may differ, and the reader
        # must not see "acute danger: no" as contradicting it.
        label = _("Acute danger when the case began")
        body.append(layout.field(label, layout.yes_no(context.acute_danger)))
    situations = {q.id: layout.text(q.question) for q in catalog.acute_danger}
    if context.acute_danger and context.acute_situation in situations:
        body.append(layout.field(_("Acute situation"), situations[context.acute_situation]))
    if context.disclosure:
        body.append(layout.field(_("The person has told about it themselves"), _("yes")))
    if context.days_since_sexual_contact is not None:
        body.append(
            layout.field(
                _("Days since the last sexual contact"), str(context.days_since_sexual_contact)
            )
        )
    if context.consent_to_refer is not None:
        body.append(layout.field(_("Consent to refer"), layout.yes_no(context.consent_to_refer)))
    return section(layout.section(_("The concern")), body)


def source_group(observation: Observation) -> str:
    """Which of the meldcode's sources an observation comes from."""
    if observation.status in ("seen", "not-seen"):
        return observation.status
    return observation.source or "unknown"


def observations(layout: Layout, intro_text: str | None = None) -> list[Flowable]:
    """Every seen or told signal, grouped by source, with facts, time, source and quotes;
    `intro_text` replaces the melder's introduction (a handover records what others told)."""
    _ = layout._
    counted = [o for o in layout.case.observations if printed(o)]
    retired = {id(r.observation): r for r in layout.carried.retired if printed(r.observation)}
    counted += [r.observation for r in layout.carried.retired if printed(r.observation)]
    body: list[Flowable] = []
    number = 0
    for group, title in SOURCE_GROUPS:
        members = [o for o in counted if source_group(o) == group]
        if not members:
            continue
        body.append(layout.subsection(f"{_(title)} ({len(members)})"))
        for observation in members:
            number += 1
            body += _observation(layout, number, group, observation, retired.get(id(observation)))
    if not body:
        return []
    intro = layout.note(
        intro_text
        or _(
            "Facts as recorded by the reporter. Own observations, what the person said and what "
            "others said are kept apart; each quote says whose words it holds."
        )
    )
    return [layout.section(_("Observations")), intro, *body]


def _observation(
    layout: Layout,
    number: int,
    group: str,
    observation: Observation,
    retired: RetiredObservation | None = None,
) -> list[Flowable]:
    _, styles = layout._, layout.styles
    text = retired.text if retired else layout.indicator_text(observation.indicator)
    flowables: list[Flowable] = [Paragraph(f"{number}. {markup(text)}", styles.item)]
    found = layout.catalog.indicators_by_id.get(observation.indicator)
    if found is not None:
        checklist, indicator = found
        sections = {s.id: layout.text(s.title) for s in checklist.sections}
        where = f"{layout.text(checklist.title)} · {sections.get(indicator.section, '')}"
        flowables.append(kept(Paragraph(markup(where.rstrip(" ·")), styles.small)))
    if retired is not None:
        flowables.append(
            layout.note(
                _(
                    "Recorded with catalog version {version}. This signal is no longer in the "
                    "current catalog: it is shown as it was saved and not counted in the "
                    "assessment."
                ).format(version=retired.catalog_version)
            )
        )
    elif observation.indicator in layout.carried.versions:
        flowables.append(
            layout.note(
                _("Recorded with catalog version {version}.").format(
                    version=layout.carried.versions[observation.indicator]
                )
            )
        )
    details = [label(_("Source")) + markup(source_text(layout, group, observation))]
    if observation.observer.strip():
        who = _("Observed by") if group in ("seen", "not-seen") else _("Heard by or from")
        details.append(label(who) + markup(observation.observer))
    if observation.when.strip():
        details.append(label(_("When")) + markup(observation.when))
    flowables.append(Paragraph(" · ".join(details), styles.detail))
    if observation.facts.strip():
        flowables += paragraphs(
            observation.facts,
            styles.detail,
            label=_("Facts"),
        )
    else:
        # Without this line a bare source line reads as if the facts were lost.
        flowables.append(Paragraph(label(_("Facts")) + markup(_("no facts noted")), styles.detail))
    if observation.quote.strip():
        opening, closing = QUOTE_MARKS.get(layout.language, QUOTE_MARKS["en"])
        flowables.append(
            Paragraph(label(quote_attribution(layout, group, observation)).rstrip(), styles.detail)
        )
        flowables += paragraphs(observation.quote, styles.quote, prefix=opening, suffix=closing)
    return flowables


def source_text(layout: Layout, group: str, observation: Observation) -> str:
    """Who the signal comes from: the reporter, the person, or the third party by name."""
    _ = layout._
    if group == "seen":
        return _("Own observation")
    if group == "not-seen":
        return _("Looked at, not seen")
    if group == "third-party" and observation.teller:
        return _("Told by {teller}").format(teller=observation.teller)
    # The told groups' titles name one observation as well; only "seen" has a plural title.
    return _(dict(SOURCE_GROUPS)[group])


def quote_attribution(layout: Layout, group: str, observation: Observation) -> str:
    """Whose words a quote holds: "told by mother; the person's own words" or "mother's words"."""
    _ = layout._
    teller = observation.teller
    if group == "third-party":
        if observation.quote_of == "person":
            if teller:
                return _("Told by {teller}; the person's own words").format(teller=teller)
            return _("Told by a third party; the person's own words")
        if observation.quote_of == "third-party":
            if teller:
                return _("Words of {teller}").format(teller=teller)
            return _("Words of the third party who told it")
        return _("Quote (whose words was not recorded)")
    if observation.quote_of == "third-party":
        return _("Someone else's words")
    return _("In the person's own words")
