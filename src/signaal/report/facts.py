"""The factual part of the referral: who reports, who is involved, what was seen or told."""

from __future__ import annotations

from reportlab.platypus import Flowable

from signaal.assessment.carried import RetiredObservation, printed
from signaal.assessment.case import Observation
from signaal.i18n import N_
from signaal.report.layout import Layout, section
from signaal.report.text import Paragraph, kept, label, markup, paragraphs

# The meldcode asks to keep own observations visibly apart from what others told.
SOURCE_GROUPS = (
    ("seen", N_("Own observations")),
    ("person", N_("Told by the person concerned")),
    ("third-party", N_("Told by a third party")),
    ("unknown", N_("Told (source not recorded)")),
    # Notes typed for a signal answered "not seen" are facts too (what was checked).
    ("not-seen", N_("Looked at, not seen (with notes)")),
)
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


def reporter(layout: Layout) -> list[Flowable]:
    """Role, name/organisation/phone only where typed, and meldcode step 2 with dates."""
    _, case = layout._, layout.case
    role = layout.catalog.roles_by_id.get(case.role)
    role_name = case.role if role is None else layout.text(role.name)
    body: list[Flowable] = [layout.field(_("Role"), role_name)]
    for field_name, value in (
        (_("Name"), case.reporter.name),
        (_("Organisation"), case.reporter.organisation),
        (_("Phone"), case.reporter.phone),
    ):
        if value.strip():
            body.append(layout.field(field_name, value))
    body += meldcode_step2(layout)
    return section(layout.section(_("Reporter")), body)


def meldcode_step2(layout: Layout) -> list[Flowable]:
    """The consultation and the Veilig Thuis advice, with their dates, whenever anything of them
    was typed: text left behind after a box was unticked is printed, and says so."""
    _, consultation = layout._, layout.case.meldcode_steps.consultation
    whom = consultation.with_whom.strip()
    on = layout.date(consultation.on) if consultation.on is not None else ""
    if consultation.done:
        # An empty date is said, never replaced by one nobody gave.
        when = on or _("date not filled in")
        value = ", ".join(filter(None, [whom or _("a colleague"), when]))
    elif whom or on:
        not_done = _("not marked as done")  # outside the f-string, where babel finds it
        value = f"{', '.join(filter(None, [whom, on]))} ({not_done})"
    else:
        value = _("not (yet) done")
    flowables: list[Flowable] = [layout.field(_("Consultation (step 2)"), value)]
    summary = consultation.vt_advice_summary
    if consultation.vt_advice or consultation.vt_advice_on is not None or summary.strip():
        when = (
            layout.date(consultation.vt_advice_on)
            if consultation.vt_advice_on is not None
            else _("date not filled in")
        )
        if not consultation.vt_advice:
            not_asked = _("not marked as asked")  # outside the f-string, where babel finds it
            when = f"{when} ({not_asked})"
        flowables.append(layout.field(_("Advice from Veilig Thuis"), when))
        if summary.strip():
            flowables += paragraphs(
                summary, layout.styles.detail, label=_("What Veilig Thuis advised")
            )
    else:
        flowables.append(layout.field(_("Advice from Veilig Thuis"), _("not asked")))
    return flowables


def persons(layout: Layout) -> list[Flowable]:
    """The person concerned (initials by default), age band, the suspected person's relation."""
    _, case, catalog = layout._, layout.case, layout.catalog
    body: list[Flowable] = []
    person = case.person
    body.append(
        layout.field(
            _("Person concerned (initials or pseudonym)"),
            person.initials.strip() or _("not given"),
        )
    )
    if person.name.strip():
        body.append(layout.field(_("Name"), person.name))
    if person.date_of_birth is not None:
        body.append(layout.field(_("Date of birth"), layout.date(person.date_of_birth)))
    if case.age is not None:
        body.append(layout.field(_("Age"), _("{age} years").format(age=case.age)))
    band = _age_band(layout)
    if band:
        body.append(layout.field(_("Age band"), band))
    concerns = [
        layout.text(catalog.concerns_by_id[c].name) if c in catalog.concerns_by_id else c
        for c in case.concerns
    ]
    if concerns:
        body.append(layout.field(_("Concerns looked at"), "; ".join(concerns)))
    relation = case.context.perpetrator_relation
    if relation is not None:
        names = {r.id: layout.text(r.name) for r in catalog.relations}
        body.append(
            layout.field(_("Relation of the suspected person"), names.get(relation, relation))
        )
    context = case.context
    if context.acute_danger is not None:
        body.append(layout.field(_("Acute danger"), layout.yes_no(context.acute_danger)))
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
    return section(layout.section(_("Persons involved")), body)


def _age_band(layout: Layout) -> str:
    catalog, case = layout.catalog, layout.case
    band_id = case.age_band
    if band_id is None and case.age is not None:
        try:
            band_id = catalog.age_band_for(case.age).id
        except ValueError:
            return ""
    if band_id is None:
        if case.minor is None:
            return ""
        _ = layout._
        return _("child, age not known") if case.minor else _("adult, age not known")
    band = catalog.age_bands_by_id.get(band_id)
    return band_id if band is None else layout.text(band.name)


def source_group(observation: Observation) -> str:
    """Which of the meldcode's sources an observation comes from."""
    if observation.status in ("seen", "not-seen"):
        return observation.status
    return observation.told_by or "unknown"


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
            "others said are kept apart; quotes are the person's own words."
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
    # The told groups' titles name one observation as well; only "seen" has a plural title.
    source_label = {"seen": _("Own observation"), "not-seen": _("Looked at, not seen")}.get(
        group, _(dict(SOURCE_GROUPS)[group])
    )
    details = [label(_("Source")) + markup(source_label)]
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
        flowables.append(Paragraph(label(_("In their own words")).rstrip(), styles.detail))
        flowables += paragraphs(observation.quote, styles.quote, prefix=opening, suffix=closing)
    return flowables
