"""Trafficking indicator profiles per ILO/EC list: the Delphi rule per dimension, then the
combination rule for minors or adults. Both rules are read from the catalog, never from code.

The result is an indicator profile, never a determination that someone is a victim.
"""

from __future__ import annotations

from signaal.assessment.conditions import Facts
from signaal.assessment.result import DimensionResult, Explanation, TraffickingResult
from signaal.assessment.texts import joined, text, weight_count
from signaal.content.catalog import Catalog
from signaal.content.models import (
    Checklist,
    Profile,
    Text,
    TraffickingRule,
    WeightCombination,
)
from signaal.content.notices import (
    RULE_UNCONFIRMED,
    WEIGHTS_DERIVED,
    dimension_title,
    is_provisional,
)
from signaal.i18n import N_

DELPHI_RULE_ID = "delphi-rule"
WEIGHTS_RULE_ID = "weights-derived"
RULE_STATUS_ID = "rule-unconfirmed"
WEIGHTS = ("strong", "medium", "weak")


def trafficking_profiles(catalog: Catalog, facts: Facts) -> list[TraffickingResult]:
    """One indicator profile per ILO/EC list that fits the concerns and the age of the person."""
    return [
        _profile(catalog, facts, checklist, notes)
        for checklist, notes in applicable_lists(catalog, facts)
    ]


def applicable_lists(catalog: Catalog, facts: Facts) -> list[tuple[Checklist, list[Explanation]]]:
    """The ILO lists to assess, each with the notes that explain why it was chosen.

    A list applies when it covers a chosen concern (criminal exploitation borrows the labour
    list) and the person's age band; with the age unknown, lists for minors and adults both
    apply. A list with recorded signals applies too, so that no recorded signal is ignored.
    """
    lists = [c for c in catalog.checklists if c.kind == "ilo"]
    covered = {concern for checklist in lists for concern in checklist.concerns}
    concerns = set(facts.concerns)
    # A concern without a list of its own borrows another's (content: `borrows_lists_of`);
    # used only when the catalog has no ILO list for the concern itself.
    fallback = {c.id: c.borrows_lists_of for c in catalog.concerns if c.borrows_lists_of}
    borrowed = {
        concern
        for concern in facts.concerns
        if concern not in covered and fallback.get(concern) in covered
    }
    concerns |= {fallback[concern] for concern in borrowed}
    # Only signals recorded on a list itself add that list; a Dutch signal counts toward the
    # lists that already apply (its counts_as names the indicator of every list it fits).
    with_signals = {facts.checklist_of[i] for i in facts.present}
    chosen = []
    for checklist in lists:
        notes: list[Explanation] = []
        fits_age = catalog.fits_age(checklist.age_bands, facts.age_band, facts.minor)
        by_concern = bool(concerns & set(checklist.concerns))
        if by_concern and fits_age:
            if any(fallback[c] in checklist.concerns for c in borrowed):
                notes.append(_note("criminal-exploitation-list", _CRIMINAL_NOTE))
        elif checklist.id in with_signals and fits_age:
            notes.append(_note("signals-recorded", _SIGNALS_NOTE))
        else:
            continue
        if facts.age_band is None:
            notes.append(_note("age-unknown", _AGE_UNKNOWN_NOTE))
        chosen.append((checklist, notes))
    return chosen


_CRIMINAL_NOTE = N_(
    "There is no ILO list for criminal exploitation; the labour-exploitation list is used, "
    "because being forced into criminal activities counts as forced labour or services."
)
_SIGNALS_NOTE = N_(
    "Signals were recorded on this list, so its indicator profile is shown although the "
    "chosen concerns do not include it."
)
_AGE_UNKNOWN_NOTE = N_(
    "The age is not known, so the lists for minors and for adults are both shown, each with its "
    "own combination rule. Establish the age: for a minor the means of coercion are not required."
)


def _note(rule: str, message: str) -> Explanation:
    return Explanation(rule=rule, text=text(message))


def dimension_result(catalog: Catalog, indicator_ids: list[str]) -> DimensionResult:
    """Counts by weight, and whether any Delphi combination of the catalog is met."""
    counts = dict.fromkeys(WEIGHTS, 0)
    counted = []
    for indicator_id in dict.fromkeys(indicator_ids):
        weight = catalog.indicator(indicator_id).weight
        if weight is not None:
            counts[weight] += 1
            counted.append(indicator_id)
    combination = next(
        (c for c in catalog.delphi_rule.positive_when if _meets(counts, c)),
        None,
    )
    return DimensionResult(
        positive=combination is not None,
        indicators=counted,
        combination=None if combination is None else _combination_id(combination),
        **counts,
    )


def _meets(counts: dict[str, int], combination: WeightCombination) -> bool:
    return (
        counts["strong"] >= combination.strong
        and counts["medium"] >= combination.medium
        and counts["weak"] >= combination.weak
    )


def _combination_id(combination: WeightCombination) -> str:
    parts = [f"{getattr(combination, w)} {w}" for w in WEIGHTS if getattr(combination, w)]
    return " + ".join(parts) or "0"


def _combination_text(combination_id: str) -> Text:
    parts = []
    for part in combination_id.split(" + "):
        number, _, weight = part.partition(" ")
        parts.append(weight_count(number, weight))
    return joined(parts, " + ")


def _counts_text(result: DimensionResult) -> Text:
    return text(
        "{strong} strong, {medium} medium, {weak} weak",
        strong=result.strong,
        medium=result.medium,
        weak=result.weak,
    )


def _dimension_ids(catalog: Catalog, checklist: Checklist) -> list[str]:
    """All dimensions of the catalog, plus any a list uses that the catalog does not define."""
    ids = [d.id for d in catalog.dimensions]
    extra = [s.dimension for s in checklist.sections if s.dimension is not None]
    extra += [i.dimension for i in checklist.indicators if i.dimension is not None]
    return list(dict.fromkeys([*ids, *extra]))


def _dimension_name(catalog: Catalog, dimension_id: str) -> Text:
    """Plain words first, the ILO term after them."""
    dimension = catalog.dimensions_by_id.get(dimension_id)
    if dimension is None:
        return Text(nl=dimension_id, en=dimension_id)
    return dimension_title(dimension)


def _is_minor_list(catalog: Catalog, checklist: Checklist, facts: Facts) -> bool | None:
    minors = {
        catalog.age_bands_by_id[b].minor
        for b in checklist.age_bands
        if b in catalog.age_bands_by_id
    }
    if len(minors) == 1:
        return minors.pop()
    return facts.minor


def _rule_for(catalog: Catalog, minor: bool | None) -> TraffickingRule | None:
    if minor is None:
        return None
    return next((r for r in catalog.trafficking_rules if r.minor == minor), None)


def _profile(
    catalog: Catalog, facts: Facts, checklist: Checklist, notes: list[Explanation]
) -> TraffickingResult:
    own = {i.id for i in checklist.indicators}
    present = list(
        dict.fromkeys(
            [i for i in facts.present if i in own] + [i for i in facts.counted_as if i in own]
        )
    )
    dimensions = {
        dimension: dimension_result(
            catalog, [i for i in present if catalog.indicator(i).dimension == dimension]
        )
        for dimension in _dimension_ids(catalog, checklist)
    }
    explanations = list(notes)
    provisional = is_provisional(checklist)
    if provisional:
        explanations.append(Explanation(rule=WEIGHTS_RULE_ID, text=text(WEIGHTS_DERIVED)))
    explanations += _dimension_explanations(catalog, dimensions, facts.counted_as)
    minor = _is_minor_list(catalog, checklist, facts)
    rule = _rule_for(catalog, minor)
    positive = [d for d, result in dimensions.items() if result.positive]
    profile, explanation = _combine(catalog, rule, positive, present)
    explanations.append(explanation)
    if rule is not None:
        explanations.append(Explanation(rule=rule.id, text=rule.explanation))
    note = _exploitation_only_note(catalog, rule, profile, positive, dimensions)
    if note is not None:
        explanations.append(
            Explanation(
                rule=f"{rule.id if rule else 'combination'}-exploitation-only",
                text=note,
                indicators=[i for d in positive for i in dimensions[d].indicators],
                dimension=positive[0],
            )
        )
    unconfirmed = not catalog.delphi_rule.confirmed or (rule is not None and not rule.confirmed)
    if unconfirmed:
        explanations.append(Explanation(rule=RULE_STATUS_ID, text=text(RULE_UNCONFIRMED)))
    return TraffickingResult(
        provisional=provisional,
        rule_unconfirmed=unconfirmed,
        checklist=checklist.id,
        dimensions=dimensions,
        profile=profile,
        explanations=explanations,
        minor=minor,
        rule=None if rule is None else rule.id,
        note=note,
    )


def _signal_text(catalog: Catalog, indicator_id: str, via: tuple[str, ...]) -> Text:
    """The indicator's text, naming the Dutch signals it was counted from, if any."""
    own = catalog.indicator(indicator_id).text
    if not via:
        return own
    return text(
        "{indicator} (counted from the Dutch signal: {signals})",
        indicator=own,
        signals=joined([catalog.indicator(i).text for i in via]),
    )


def _dimension_explanations(
    catalog: Catalog,
    dimensions: dict[str, DimensionResult],
    counted_as: dict[str, tuple[str, ...]],
) -> list[Explanation]:
    """One line per dimension with counted signals, and the Delphi rule itself once."""
    explanations = []
    for dimension_id, result in dimensions.items():
        if not result.indicators:
            continue
        values = {
            "dimension": _dimension_name(catalog, dimension_id),
            "counts": _counts_text(result),
            "signals": joined(
                [_signal_text(catalog, i, counted_as.get(i, ())) for i in result.indicators]
            ),
        }
        if result.combination is not None:
            message = text(
                "{dimension}: positive under the Delphi rule: {counts} meets the combination "
                "{combination}. Signals: {signals}.",
                combination=_combination_text(result.combination),
                **values,
            )
        else:
            message = text(
                "{dimension}: not positive: {counts} meets none of the combinations of the "
                "Delphi rule. Signals: {signals}.",
                **values,
            )
        via = [s for i in result.indicators for s in counted_as.get(i, ())]
        explanations.append(
            Explanation(
                rule=DELPHI_RULE_ID,
                text=message,
                indicators=list(dict.fromkeys([*result.indicators, *via])),
                dimension=dimension_id,
            )
        )
    explanations.append(Explanation(rule=DELPHI_RULE_ID, text=catalog.delphi_rule.explanation))
    return explanations


def _combine(
    catalog: Catalog, rule: TraffickingRule | None, positive: list[str], present: list[str]
) -> tuple[Profile, Explanation]:
    """The profile from the positive dimensions and the combination rule of the catalog."""
    names = joined([_dimension_name(catalog, d) for d in positive], ", ")
    rule_id = rule.id if rule is not None else "combination"
    if not positive:
        # Never phrased as pointing away: too few signals recorded is not an all-clear.
        return "not-indicated", Explanation(
            rule=rule_id,
            text=text(
                "Indicator profile: no dimension positive yet under the Delphi rule. This does "
                "not rule out trafficking."
            ),
            indicators=present,
        )
    if rule is None:
        message = text(
            "Indicator profile: partly indicated. Positive: {positive}. Without a known age no "
            "combination rule can be applied.",
            positive=names,
        )
        return "partly-indicated", Explanation(rule=rule_id, text=message, indicators=present)
    missing = [group for group in rule.require if not set(group) & set(positive)]
    if not missing:
        message = text(
            "Indicator profile: indicated. Every dimension group the combination rule requires "
            "has a positive dimension ({positive}).",
            positive=names,
        )
        return "indicated", Explanation(rule=rule_id, text=message, indicators=present)
    absent = joined(
        [joined([_dimension_name(catalog, d) for d in group], " / ") for group in missing], "; "
    )
    message = text(
        "Indicator profile: partly indicated. Positive: {positive}. Still without a positive "
        "dimension: {missing}.",
        positive=names,
        missing=absent,
    )
    return "partly-indicated", Explanation(rule=rule_id, text=message, indicators=present)


_EXPLOITATION_ONLY_DEFAULT = N_(
    "Only the exploitation dimension is positive. For an adult this points to a labour-rights "
    "problem (serious disadvantage) rather than to trafficking."
)


def _exploitation_only_note(
    catalog: Catalog,
    rule: TraffickingRule | None,
    profile: Profile,
    positive: list[str],
    dimensions: dict[str, DimensionResult],
) -> Text | None:
    """For an adult with signals of exploitation only: the labour-rights note.

    Not when any recruitment or destination dimension has a recorded signal (a passport held
    by the employer, say): that dimension is not positive yet, but calling the case a labour-
    rights problem "rather than trafficking" would read as an all-clear it is not.
    """
    if rule is None or rule.minor or profile == "indicated" or not positive:
        return None

    def group(dimension: str) -> str:
        found = catalog.dimensions_by_id.get(dimension)
        return found.group if found is not None else dimension

    if any(group(d) != "exploitation" for d in positive):
        return None
    if any(group(d) != "exploitation" and r.indicators for d, r in dimensions.items()):
        return None
    return rule.exploitation_only or text(_EXPLOITATION_ONLY_DEFAULT)
