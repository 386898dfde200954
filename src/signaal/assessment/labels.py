"""Names of the levels of concern, one set for the screen and the PDF.

The side panel said "nog geen zorg" where the PDF said "geen regel voor een zorgniveau van
toepassing", and "mogelijk" against "mogelijke zorg": one level now has one name everywhere.
English msgids; translate with `_` (or the report's translator) where they are shown.
"""

from __future__ import annotations

from signaal.i18n import N_

CONCERN_LABELS = {
    "none": N_("no concern yet"),
    "possible": N_("possible concern"),
    "clear": N_("clear concern"),
}
