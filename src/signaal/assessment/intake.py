"""The intake rules: how the person's age, child-or-adult answer and concerns are read.

One derivation for everything that asks "which age band, child or adult, which concerns": the
assessment (`conditions.case_facts`), the Who, Concerns and Signals pages, the referral and a case
opened from a file all read the case through `age_group` and `concerns_looked_at`. The functions
that change a case (`set_age`, `set_minor`, `set_concern`, `set_concerns_not_sure`) keep its
answers consistent with these rules; pages call them through the session and decide nothing.
No Qt, so every rule is tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from signaal.assessment.case import Case
from signaal.content.catalog import Catalog

PersonKind = Literal["child", "adult"]


@dataclass(frozen=True)
class AgeGroup:
    """The person's age as the rules read it: the band (None: not known) and child or adult."""

    band: str | None
    minor: bool | None

    @property
    def kind(self) -> PersonKind | None:
        """ "child", "adult" or None (not known), as the Who page offers the choice."""
        return None if self.minor is None else "child" if self.minor else "adult"

    @property
    def known(self) -> bool:
        """Whether anything about the age is known (a band, or at least child or adult)."""
        return self.band is not None or self.minor is not None


def resolve_age_band(catalog: Catalog, case: Case) -> str | None:
    """The band given or implied by the age; an explicit band wins over a typed age."""
    if case.age_band is not None and case.age_band in catalog.age_bands_by_id:
        return case.age_band
    if case.age is not None:
        try:
            return catalog.age_band_for(case.age).id
        except ValueError:
            return None
    return None


def first_adult_band(catalog: Catalog) -> str | None:
    """The first band that is not a minor's: where an adult of unknown age is counted."""
    return next((band.id for band in catalog.age_bands if not band.minor), None)


def age_group(catalog: Catalog, case: Case) -> AgeGroup:
    """The band and child-or-adult of the case: from the band or the age, else from the answer.

    An adult of unknown age counts in the first adult band; a child of unknown age stays a
    minor without a band, so every list for minors applies.
    """
    band = resolve_age_band(catalog, case)
    if band is None and case.minor is False:
        band = first_adult_band(catalog)
    if band is None:
        return AgeGroup(None, case.minor)
    return AgeGroup(band, catalog.age_bands_by_id[band].minor)


def concerns_for_age(catalog: Catalog, group: AgeGroup) -> list[str]:
    """The concerns that fit the age group (all of them while nothing is known), in order."""
    return [
        c.id for c in catalog.concerns if catalog.fits_age(c.age_bands, group.band, group.minor)
    ]


def looks_at_all(case: Case) -> bool:
    """Whether the case looks at every concern that fits the age: "not sure", or none chosen."""
    return case.concerns_not_sure or not case.concerns


def concerns_looked_at(catalog: Catalog, case: Case) -> list[str]:
    """The concerns whose lists and rules apply: those chosen, or all that fit the age when the
    user is not sure or chose none."""
    if looks_at_all(case):
        return concerns_for_age(catalog, age_group(catalog, case))
    return list(case.concerns)


# Changing the case ------------------------------------------------------------------------------
def set_age(catalog: Catalog, case: Case, age: int | None) -> None:
    """A typed age (None: not known): it decides the band and child or adult."""
    case.age = age
    case.age_band = None  # an explicit band from a file would win over the age just typed
    if age is not None:
        minor = catalog.minor_at(age)
        if minor is not None:
            case.minor = minor
    fit_concerns(catalog, case)


def set_minor(catalog: Catalog, case: Case, minor: bool) -> None:
    """Child (True) or adult (False); an age or band that says otherwise is no longer known."""
    group = age_group(catalog, case)
    if group.minor is not None and group.minor is not minor:
        case.age = None
        case.age_band = None
    case.minor = minor
    fit_concerns(catalog, case)


def fit_concerns(catalog: Catalog, case: Case) -> None:
    """After the age changed: "not sure" follows the age, a chosen concern that no longer fits
    is dropped."""
    fitting = concerns_for_age(catalog, age_group(catalog, case))
    if case.concerns_not_sure:
        case.concerns = fitting
    else:
        case.concerns = [c for c in case.concerns if c in fitting]


def set_concern(catalog: Catalog, case: Case, concern_id: str, chosen: bool) -> None:
    """Choose or drop one concern (no longer "not sure"); they stay in the catalog's order."""
    case.concerns_not_sure = False
    concerns = {c for c in case.concerns if c != concern_id}
    if chosen:
        concerns.add(concern_id)
    case.concerns = [c.id for c in catalog.concerns if c.id in concerns]


def set_concerns_not_sure(catalog: Catalog, case: Case, not_sure: bool) -> None:
    """ "Not sure": every concern that fits the age is chosen, and follows the age from then on."""
    case.concerns_not_sure = not_sure
    if not_sure:
        case.concerns = concerns_for_age(catalog, age_group(catalog, case))
