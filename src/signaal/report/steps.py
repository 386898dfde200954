"""The meldcode steps taken, as facts: the consultation, Veilig Thuis' advice, the conversation.

A Veilig Thuis intake asks first which steps of the meldcode were taken; the conversation with
the person or the parents (step 3) is what happened, not an interpretation, so it sits here and
not under the professional judgement.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from signaal.report.layout import Layout, section
from signaal.report.text import paragraphs


def meldcode_steps(layout: Layout) -> list[Flowable]:
    """Steps 2 and 3 of the meldcode with their dates."""
    _ = layout._
    return section(layout.section(_("Meldcode steps taken")), [*step2(layout), *step3(layout)])


def step2(layout: Layout) -> list[Flowable]:
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


def step3(layout: Layout) -> list[Flowable]:
    """Meldcode step 3: the conversation with the person or parents, or the exception used."""
    _, conversation = layout._, layout.case.meldcode_steps.conversation
    flowables: list[Flowable] = []
    if conversation.done:
        parts = [conversation.with_whom.strip() or _("the person or the parents")]
        parts.append(
            layout.date(conversation.on) if conversation.on is not None else _("date not filled in")
        )
        flowables.append(layout.field(_("Discussed with"), ", ".join(parts)))
        flowables += paragraphs(
            conversation.reaction,
            layout.styles.detail,
            label=_("Reaction"),
        )
    else:
        if conversation.done is False or conversation.exception:
            flowables.append(layout.field(_("Discussed with the person or the parents"), _("no")))
        # Text typed before "not done" was chosen is printed, and says so (as in step 2).
        not_done = _("not marked as done")  # outside an f-string, where babel finds it
        not_done = f" ({not_done})"
        whom = conversation.with_whom.strip()
        on = layout.date(conversation.on) if conversation.on is not None else ""
        if whom or on:
            flowables.append(
                layout.field(_("Discussed with"), ", ".join(filter(None, [whom, on])) + not_done)
            )
        if conversation.reaction.strip():
            flowables += paragraphs(
                conversation.reaction,
                layout.styles.detail,
                label=_("Reaction"),
                suffix=escape(not_done),
            )
    if conversation.exception:
        exceptions = {e.id: layout.text(e.text) for e in layout.catalog.step3_exceptions}
        flowables.append(
            layout.field(
                _("Exception used"), exceptions.get(conversation.exception, conversation.exception)
            )
        )
    if not flowables:
        return []
    return [layout.subsection(_("Step 3: conversation with the person or the parents")), *flowables]
