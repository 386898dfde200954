"""The professional judgement, kept apart from the facts: profiles, concern, weighing, decision."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from signaal.assessment.result import Explanation, TraffickingResult
from signaal.assessment.trafficking import RULE_STATUS_ID, WEIGHTS_RULE_ID
from signaal.content.models import Answer, Text, WeighingQuestion
from signaal.content.notices import PROVISIONAL, dimension_title, rule_notices, weights_notice
from signaal.labels import ANSWERS, CONCERN_LEVELS, outcome_name, profile_line, wording
from signaal.report.chart import legend, weight_bar
from signaal.report.fonts import FAMILY
from signaal.report.layout import Layout
from signaal.report.styles import LIGHT_GREY, RULE_GREY
from signaal.report.text import Paragraph, kept, labelled, markup, paragraph, paragraphs


def table_style() -> TableStyle:
    """Thin grey rules, a shaded header row: clear on a black-and-white printer."""
    return TableStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            # Cells hold paragraphs, but the table would still select Helvetica (unembedded).
            ("FONTNAME", (0, 0), (-1, -1), FAMILY),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE_GREY),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (-1, 0), LIGHT_GREY),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ]
    )


def judgement(layout: Layout) -> list[Flowable]:
    """The whole interpretation section; parts without content are left out."""
    _ = layout._
    body = [
        *checklist_summary(layout),
        *trafficking_profiles(layout),
        *concern_level(layout),
        *weighing(layout),
        *decision(layout),
    ]
    if not body:
        return []
    intro = [layout.note(_("Interpretation, kept apart from the facts above."))]
    notes = [layout.text(note.text) for note in layout.assessment.notes]
    for note in dict.fromkeys(notes or [layout.text(layout.catalog.info.disclaimer)]):
        intro.append(layout.note(note))
    return [layout.section(_("Professional judgement")), *intro, *body]


def checklist_summary(layout: Layout) -> list[Flowable]:
    """Per checklist: how many signals were seen and how many were told."""
    _, styles = layout._, layout.styles
    counts: dict[str, list[int]] = {}
    for observation in layout.case.observations:
        found = layout.catalog.indicators_by_id.get(observation.indicator)
        if not observation.counts or found is None:
            continue
        tally = counts.setdefault(found[0].id, [0, 0])
        tally[0 if observation.status == "seen" else 1] += 1
    if not counts:
        return []
    rows: list[list[Flowable | str]] = [
        [
            paragraph(_("Checklist"), styles.cell_bold),
            paragraph(_("Seen"), styles.cell_bold),
            paragraph(_("Told"), styles.cell_bold),
        ]
    ]
    for checklist in layout.catalog.checklists:
        if checklist.id in counts:
            seen, told = counts[checklist.id]
            rows.append(
                [
                    paragraph(layout.text(checklist.title), styles.cell),
                    paragraph(str(seen), styles.cell),
                    paragraph(str(told), styles.cell),
                ]
            )
    table = Table(rows, colWidths=[layout.width - 120, 60, 60], repeatRows=1)
    table.setStyle(table_style())
    return [layout.subsection(_("Checklist summary")), table]


def trafficking_profiles(layout: Layout) -> list[Flowable]:
    """The ILO/EC indicator profile per list: a chart per dimension, never a determination."""
    flowables: list[Flowable] = []
    for result in layout.assessment.trafficking:
        flowables += _profile(layout, result)
    return flowables


def _profile(layout: Layout, result: TraffickingResult) -> list[Flowable]:
    _, styles, catalog = layout._, layout.styles, layout.catalog
    checklist = next((c for c in catalog.checklists if c.id == result.checklist), None)
    name = layout.text(checklist.title) if checklist is not None else result.checklist
    if not any(d.indicators for d in result.dimensions.values()):
        # A list looked at without any signal: one line, not an empty chart.
        return [
            layout.field(
                _("Indicator profile: {checklist}").format(checklist=name),
                _("no signals from this list were recorded"),
            )
        ]
    weight_names = {"strong": _("strong"), "medium": _("medium"), "weak": _("weak")}
    bar_width = 130.0
    rows: list[list[Flowable | str]] = [
        [
            paragraph(_("Dimension"), styles.cell_bold),
            paragraph(_("Indicators present"), styles.cell_bold),
            paragraph(_("Delphi rule"), styles.cell_bold),
        ]
    ]
    for dimension_id, dimension in result.dimensions.items():
        known = catalog.dimensions_by_id.get(dimension_id)
        label = layout.text(dimension_title(known)) if known is not None else dimension_id
        counts = _("{strong} strong, {medium} medium, {weak} weak").format(
            strong=dimension.strong, medium=dimension.medium, weak=dimension.weak
        )
        verdict = _("positive") if dimension.positive else _("not positive")
        if result.provisional:
            verdict += ", " + _(PROVISIONAL)
        rows.append(
            [
                paragraph(label, styles.cell),
                weight_bar(dimension.strong, dimension.medium, dimension.weak, bar_width),
                Paragraph(f"<b>{markup(verdict)}</b><br/>{markup(counts)}", styles.cell),
            ]
        )
    table = Table(
        rows, colWidths=[layout.width - bar_width - 160, bar_width + 10, 150], repeatRows=1
    )
    table.setStyle(table_style())
    heading = layout.subsection(_("Indicator profile: {checklist}").format(checklist=name))
    caution = layout.note(
        _(
            "This is an indicator profile, not a determination: it counts the signals recorded "
            "against the ILO/European Commission indicators. Whether this is trafficking is for "
            "the competent authorities to establish."
        )
    )
    profile = profile_line(result.profile, _)
    if result.provisional:
        profile += " (" + _(PROVISIONAL) + ")"
    profile_field = layout.field(_("Profile"), profile)
    # Where the weights and the rule come from, in the same plain words as on screen.
    notices = [weights_notice(checklist, _)] if checklist is not None else []
    notices += rule_notices([catalog.delphi_rule if result.rule_unconfirmed else None], _)
    chart_block: list[Flowable] = [
        heading,
        caution,
        *[layout.note(notice) for notice in notices if notice],
        legend(weight_names, layout.width),
        Spacer(1, 3),
        table,
        Spacer(1, 3),
        profile_field,
    ]
    # The weights and rule notices are printed above the chart; not again as explanations.
    shown_above = {WEIGHTS_RULE_ID, RULE_STATUS_ID}
    reasons = [e for e in result.explanations if e.rule not in shown_above]
    return [KeepTogether(chart_block), *_explanations(layout, reasons, signals=False)]


def _explanations(
    layout: Layout, explanations: list[Explanation], *, signals: bool = True
) -> list[Flowable]:
    """Each explanation as a dash item; with `signals`, the signals it rests on below it.

    Each signal is named once, under the most specific explanation that rests on it: a summary
    that rests on every signal does not repeat what the rules below it name.
    """
    unique = {layout.text(e.text): e for e in reversed(explanations)}
    kept_ones = [e for e in explanations if unique.get(layout.text(e.text)) is e]
    flowables: list[Flowable] = []
    named = _signals_per_explanation(kept_ones) if signals else {}
    for index, explanation in enumerate(kept_ones):
        sentence = layout.text(explanation.text)
        flowables.append(Paragraph(f"– {markup(sentence)}", layout.styles.detail))
        own = dict.fromkeys(layout.indicator_text(i) for i in named.get(index, []))
        if own:
            flowables.append(labelled(layout._("Based on"), "; ".join(own), layout.styles.note))
    return flowables


def _signals_per_explanation(explanations: list[Explanation]) -> dict[int, list[str]]:
    """Which signals to name under which explanation: each under the one resting on the fewest."""
    owner: dict[str, int] = {}
    for index, explanation in enumerate(explanations):
        for indicator in explanation.indicators:
            current = owner.get(indicator)
            if current is None or len(explanation.indicators) < len(
                explanations[current].indicators
            ):
                owner[indicator] = index
    result: dict[int, list[str]] = {}
    for index, explanation in enumerate(explanations):
        result[index] = [i for i in dict.fromkeys(explanation.indicators) if owner[i] == index]
    return result


def concern_level(layout: Layout) -> list[Flowable]:
    """The level of concern for child sexual abuse, with the rules that led to it."""
    _ = layout._
    concern = layout.assessment.concern
    if not concern.assessed:
        return []
    return [
        layout.subsection(_("Level of concern (child sexual abuse)")),
        layout.field(_("Level"), wording(CONCERN_LEVELS, concern.level, _)),
        *_explanations(layout, concern.explanations),
    ]


def weighing(layout: Layout) -> list[Flowable]:
    """The afwegingskader: each question reached, the answer, why, and where it ended."""
    _, case, catalog = layout._, layout.case, layout.catalog
    result = layout.assessment.weighing
    if result.scope is not None:
        return _outside_scope(layout)
    answered = [q for q in result.path if q in case.weighing]
    if not answered:
        return []
    flowables: list[Flowable] = [layout.subsection(_("Weighing framework (afwegingskader)"))]
    for question_id in result.path:
        question = catalog.questions_by_id.get(question_id)
        text = layout.text(question.question) if question is not None else question_id
        number = f"{question.number}. " if question is not None else ""
        answer = case.weighing.get(question_id)
        answer_text = wording(ANSWERS, answer, _) if answer is not None else _("not answered")
        # Question, answer and reason stay together (and with the heading before the first).
        flowables.append(Paragraph(f"{markup(number)}{markup(text)}", layout.styles.item))
        answer_line = layout.field(_("Answer"), answer_text)
        reason = _branch_reason(question, answer)
        if reason is None:
            flowables.append(answer_line)
        else:
            flowables.append(kept(answer_line))
            flowables.append(labelled(_("Why"), layout.text(reason), layout.styles.detail))
    outcome = (
        outcome_name(result.outcome, catalog, _, layout.language)
        if result.outcome is not None
        else _("not reached: the weighing is not finished")
    )
    flowables.append(layout.field(_("Outcome of the weighing"), outcome))
    if result.consult_veilig_thuis:
        flowables.append(
            layout.note(
                _("Because of doubt in the weighing, asking Veilig Thuis for advice is advised.")
            )
        )
    # What the walk adds beyond the questions on the path: acute danger, reporting norms...
    on_path = set(result.path)
    extra = [e for e in result.explanations if not set(e.questions) & on_path]
    return flowables + _explanations(layout, extra, signals=False)


def _outside_scope(layout: Layout) -> list[Flowable]:
    """No afwegingskader: why not in one sentence, then the route that applies instead."""
    _ = layout._
    result = layout.assessment.weighing
    outcome = (
        outcome_name(result.outcome, layout.catalog, _, layout.language)
        if result.outcome is not None
        else _("not reached: the relation of the suspected person is not known yet")
    )
    return [
        layout.subsection(_("Weighing framework (afwegingskader)")),
        layout.field(_("Outcome of the weighing"), outcome),
        *_explanations(layout, result.explanations, signals=False),
    ]


def _branch_reason(question: WeighingQuestion | None, answer: Answer | None) -> Text | None:
    """The catalog's explanation of where this answer leads."""
    if question is None or answer is None:
        return None
    if answer == "unsure":
        return question.on_unsure
    return (question.on_yes if answer == "yes" else question.on_no).explanation


def decision(layout: Layout) -> list[Flowable]:
    """The professional's own decision and reasoning: the app advises, the professional decides."""
    _, own = layout._, layout.case.decision
    flowables: list[Flowable] = []
    if own.decision.strip():
        flowables += paragraphs(own.decision, layout.styles.body, label=_("Decision"))
    if own.reasoning.strip():
        flowables += paragraphs(own.reasoning, layout.styles.body, label=_("Reasoning"))
    if not flowables:
        return []
    return [layout.subsection(_("The professional's decision")), *flowables]
