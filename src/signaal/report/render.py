"""Assemble the referral: facts apart from judgement, every user text escaped, built in memory.

reportlab is imported only when a referral is rendered, to keep it off the app's start-up path.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import TYPE_CHECKING

from signaal.assessment.carried import Carried
from signaal.assessment.case import Case, Purpose
from signaal.assessment.result import Assessment
from signaal.content.catalog import Catalog
from signaal.i18n import N_, format_date, translator
from signaal.labels import PURPOSE_TITLES

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, SimpleDocTemplate

    from signaal.report.layout import Layout

METADATA_TITLE = N_("Signaal referral")
METADATA_SUBJECT = N_("Confidential referral document")


def document_purpose(catalog: Catalog, case: Case) -> Purpose:
    """The case's purpose, or the role's first one when the role cannot choose it (a Veilig
    Thuis worker makes a handover, never a report to Veilig Thuis)."""
    role = catalog.roles_by_id.get(case.role)
    if role is None or not role.purposes or case.purpose in role.purposes:
        return case.purpose
    return role.purposes[0]


def document_title(catalog: Catalog, case: Case, language: str) -> str:
    """The title for this role and purpose, e.g. "Request for advice from the GP practice";
    the role's part ("from the GP practice") is content."""
    _ = translator(language)
    purpose = _(PURPOSE_TITLES[document_purpose(catalog, case)])
    role = catalog.roles_by_id.get(case.role)
    if role is None:
        return purpose
    if role.document_from is not None:
        return f"{purpose} {role.document_from.get(language)}"
    return f"{purpose} – {role.name.get(language)}"


def document_date(catalog: Catalog, deterministic: bool) -> dt.date:
    """Today; in deterministic mode a date fixed by the input (the catalog's date)."""
    return catalog.info.date if deterministic else dt.date.today()


def referral_sections() -> list[Callable[[Layout], list[Flowable]]]:
    """The melder's referral in the order a Veilig Thuis intake works through a report.

    The order follows the sections of a regional Veilig Thuis online report form for
    professionals (GGD Gelderland-Zuid, "Meldformulier Veilig Thuis"): the meldcode steps taken,
    the reporter, the persons involved, the report itself, the supporting network; the
    professional judgement, the referral advice and the sources come after the facts.
    """
    from signaal.report import advice, facts, judgement, parties, sources, steps

    return [
        steps.meldcode_steps,
        parties.reporter,
        parties.persons,
        facts.concerns,
        facts.observations,
        parties.network,
        judgement.judgement,
        advice.referral_advice,
        sources.sources,
        advice.closing,
    ]


def _meldcode_story(layout: Layout, heading: list[Flowable]) -> list[Flowable]:
    """The melder's referral: the heading, then `referral_sections` in their order."""
    return [*heading, *[flowable for part in referral_sections() for flowable in part(layout)]]


def render_referral(
    catalog: Catalog,
    case: Case,
    assessment: Assessment,
    language: str = "nl",
    *,
    deterministic: bool = False,
    carried: Carried | None = None,
    progress: Callable[[float], None] | None = None,
) -> bytes:
    """The referral PDF as bytes; `deterministic` gives byte-identical output for equal input.

    `carried` is what a continued case brings beside its answers (history, catalog versions,
    signals no longer in the catalog); the PDF prints all of it. `progress` is called now and
    then with the share of the document laid out so far (0 to 1); an exception it raises (a
    cancelled render) stops the render and propagates.

    Every case the model accepts must render: should reportlab still find a paragraph it cannot
    split over pages (a `LayoutError`), the referral is made again with user text cut into
    short pieces, which always fit.
    """
    from reportlab.platypus.doctemplate import LayoutError

    from signaal.report.text import FALLBACK_PIECE_LENGTH, piece_length

    try:
        return _render(catalog, case, assessment, language, deterministic, carried, progress)
    except LayoutError:
        token = piece_length.set(FALLBACK_PIECE_LENGTH)
        try:
            return _render(catalog, case, assessment, language, deterministic, carried, progress)
        finally:
            piece_length.reset(token)


def _render(
    catalog: Catalog,
    case: Case,
    assessment: Assessment,
    language: str,
    deterministic: bool,
    carried: Carried | None,
    progress: Callable[[float], None] | None,
) -> bytes:
    from reportlab.lib.pagesizes import A4

    from signaal.report import facts, handover
    from signaal.report.fonts import register_fonts
    from signaal.report.layout import Layout
    from signaal.report.page import (
        BOTTOM_MARGIN,
        FRAME_PADDING,
        MARGIN,
        PAGE_WIDTH,
        TOP_MARGIN,
        PageFrame,
        canvas_class,
    )
    from signaal.report.styles import stylesheet
    from signaal.report.text import paragraph

    _ = translator(language)
    styles = stylesheet()
    layout = Layout(
        catalog=catalog,
        case=case,
        assessment=assessment,
        language=language,
        gettext=_,
        styles=styles,
        width=PAGE_WIDTH - 2 * (MARGIN + FRAME_PADDING),
        carried=carried or Carried(),
    )
    title = document_title(catalog, case, language)
    date = format_date(document_date(catalog, deterministic), language)
    frame = PageFrame(
        confidential=_("Confidential"),
        title=title,
        date=date,
        page_of=lambda number, total: _("page {number} of {total}").format(
            number=number, total=total
        ),
        footer=_("Contains special-category personal data (AVG): handle confidentially."),
    )
    heading: list[Flowable] = [
        paragraph(title, styles.title),
        paragraph(
            _(
                "Drawn up with Signaal on {date}. The professional decides; signals prove nothing."
            ).format(date=date),
            styles.small,
        ),
        # A continued case says when it was first saved and continued.
        *facts.history(layout),
    ]
    if catalog.flow_for(case.role) == "intake":
        story = [*heading, *handover.story(layout)]
    else:
        story = _meldcode_story(layout, heading)
    buffer = io.BytesIO()
    document = _template(progress, len(story))(
        buffer,
        pagesize=A4,
        title=_(METADATA_TITLE),
        author="Signaal",
        subject=_(METADATA_SUBJECT),
        creator="Signaal",
        producer="Signaal",
        keywords=[],
        invariant=1 if deterministic else 0,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        lang=language,
        # Otherwise the canvas starts in Helvetica: an unused, unembedded font in the file.
        initialFontName=register_fonts(),
    )
    document.build(story, canvasmaker=canvas_class(frame))
    return buffer.getvalue()


def _template(progress: Callable[[float], None] | None, total: int) -> type[SimpleDocTemplate]:
    """reportlab's document template, reporting progress after each flowable when asked."""
    from reportlab.platypus import SimpleDocTemplate

    if progress is None:
        return SimpleDocTemplate
    report = progress

    class ReportingTemplate(SimpleDocTemplate):
        def handle_flowable(self, flowables: list[Flowable]) -> None:
            # Page starts pass their own list of hanging flowables; the story shrinks from
            # `total`, though split flowables go back on it, so the share may stand still.
            story = flowables is not getattr(self, "_hanging", None)
            super().handle_flowable(flowables)
            if story:
                report(max(0.0, 1 - len(flowables) / max(total, 1)))

    return ReportingTemplate
