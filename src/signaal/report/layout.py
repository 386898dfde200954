"""What every layout function gets: the inputs, the language, the styles and small helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from reportlab.platypus import Flowable

from signaal.assessment.carried import Carried
from signaal.assessment.case import Case
from signaal.assessment.result import Assessment
from signaal.content.catalog import Catalog
from signaal.content.models import Text
from signaal.i18n import format_date
from signaal.report.styles import Styles
from signaal.report.text import Paragraph, labelled, paragraph


@dataclass(frozen=True)
class Layout:
    """The inputs of one referral and the language it is written in."""

    catalog: Catalog
    case: Case
    assessment: Assessment
    language: str
    gettext: Callable[[str], str]
    styles: Styles
    width: float
    # Beside the case: history, catalog versions, signals no longer in the catalog.
    carried: Carried = field(default_factory=Carried)

    def _(self, message: str) -> str:
        return self.gettext(message)

    def text(self, value: Text) -> str:
        """A content text in the document's language."""
        return value.get(self.language)

    def date(self, value: dt.date) -> str:
        return format_date(value, self.language)

    def section(self, title: str) -> Paragraph:
        return paragraph(title, self.styles.section)

    def subsection(self, title: str) -> Paragraph:
        return paragraph(title, self.styles.subsection)

    def field(self, label: str, value: str) -> Paragraph:
        return labelled(label, value, self.styles.body)

    def note(self, text: str) -> Paragraph:
        return paragraph(text, self.styles.note)

    def indicator_text(self, indicator_id: str) -> str:
        """The signal's text; an id the catalog does not know is shown as it is."""
        found = self.catalog.indicators_by_id.get(indicator_id)
        return indicator_id if found is None else self.text(found[1].text)

    def yes_no(self, value: bool) -> str:
        return self._("yes") if value else self._("no")


def section(title: Paragraph, body: list[Flowable]) -> list[Flowable]:
    """A titled section, or nothing at all when it has no content."""
    return [title, *body] if body else []
