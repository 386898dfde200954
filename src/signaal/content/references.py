"""Cross-file checks: unique ids, every reference pointing at something that exists, and an
afwegingskader that can be walked from its first question to an outcome without loops.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import get_args

from signaal.content.catalog import Catalog
from signaal.content.code_ids import CONCERN_IDS, CONTACT_IDS, GUIDANCE_PAGES
from signaal.content.models import Condition, Sourced, Urgency, WeighingOutcome, WordList
from signaal.i18n import _, content_language


@dataclass(frozen=True)
class ReferenceProblem:
    """A problem found across files; the loader maps `kind` and `entry_id` back to a file."""

    kind: str
    entry_id: str
    field: str
    message: str


def check_references(catalog: Catalog) -> list[ReferenceProblem]:
    problems: list[ReferenceProblem] = []
    problems += _unique(catalog)
    known = _Known(catalog)
    for kind, entries in _sourced(catalog):
        for entry in entries:
            problems += known.missing(
                kind, str(getattr(entry, "id", kind)), "sources", "source", entry.sources
            )
    # The ids the code names (content/code_ids.py) must exist, or a rule silently stops. They
    # are reported against the [catalog] table, so the editor is pointed to a file.
    problems += known.missing("catalog", "catalog", "code_ids.CONTACT_IDS", "contact", CONTACT_IDS)
    problems += known.missing("catalog", "catalog", "code_ids.CONCERN_IDS", "concern", CONCERN_IDS)
    problems += guidance_problems(catalog)
    for concern in catalog.concerns:
        problems += known.missing("concern", concern.id, "age_bands", "age band", concern.age_bands)
        if concern.borrows_lists_of is not None:
            problems += known.missing(
                "concern", concern.id, "borrows_lists_of", "concern", [concern.borrows_lists_of]
            )
    for role in catalog.roles:
        problems += known.missing("role", role.id, "protocol", "protocol", [role.protocol])
        if role.own_contact is not None:
            problems += known.missing("role", role.id, "own_contact", "contact", [role.own_contact])
    for protocol in catalog.protocols:
        if protocol.on_acute_danger is None:
            message = _("says nothing about acute danger: the weighing cites this text first")
            problems.append(ReferenceProblem("protocol", protocol.id, "on_acute_danger", message))
        for outcome in protocol.outcomes:
            problems += known.missing(
                "protocol", protocol.id, "outcomes.sources", "source", outcome.sources
            )
        for step in protocol.steps:
            problems += known.missing(
                "protocol", protocol.id, f"steps[{step.number}].sources", "source", step.sources
            )
            problems += known.missing(
                "protocol",
                protocol.id,
                f"steps[{step.number}].weighing_questions",
                "weighing question",
                step.weighing_questions,
            )
    problems += _weighing(catalog, known)
    for checklist in catalog.checklists:
        problems += _checklist(checklist.id, catalog, known)
    for rule in catalog.trafficking_rules:
        for group in rule.require:
            problems += known.missing("trafficking_rule", rule.id, "require", "dimension", group)
    problems += _counts_as(catalog, known)
    problems += _replaces(catalog)
    problems += _refused_words(catalog)
    problems += _urgency_words(catalog)
    conditions = [("concern_rule", r.id, r.when) for r in catalog.concern_rules]
    conditions += [("routing_rule", r.id, r.when) for r in catalog.routing_rules]
    conditions += [("weighing_scope", s.id, s.when) for s in catalog.weighing_scopes]
    for scope in catalog.weighing_scopes:
        for index, line in enumerate(scope.route):
            problems += known.missing(
                "weighing_scope", scope.id, f"route[{index}].roles", "role", line.roles
            )
    for kind, rule_id, condition in conditions:
        problems += _condition(kind, rule_id, "when", condition, known)
    for routing in catalog.routing_rules:
        contacts = [target.contact for target in routing.refer]
        problems += known.missing("routing_rule", routing.id, "refer", "contact", contacts)
    return problems


class _Known:
    """The ids each kind of reference may point at."""

    def __init__(self, catalog: Catalog) -> None:
        self.ids: dict[str, set[str]] = {
            "source": set(catalog.sources_by_id),
            "age band": set(catalog.age_bands_by_id),
            "concern": set(catalog.concerns_by_id),
            "role": set(catalog.roles_by_id),
            "protocol": set(catalog.protocols_by_id),
            "dimension": set(catalog.dimensions_by_id),
            "contact": set(catalog.contacts_by_id),
            "indicator": set(catalog.indicators_by_id),
            "checklist": {checklist.id for checklist in catalog.checklists},
            "weighing question": set(catalog.questions_by_id),
            "outcome": set(get_args(WeighingOutcome))
            | {o.id for p in catalog.protocols for o in p.outcomes},
            "acute situation": {question.id for question in catalog.acute_danger},
            "guidance": {guidance.id for guidance in catalog.guidance},
        }

    def missing(
        self, kind: str, entry_id: str, field: str, what: str, wanted: Iterable[str]
    ) -> list[ReferenceProblem]:
        return [
            ReferenceProblem(kind, entry_id, field, _unknown(what, value))
            for value in wanted
            if value not in self.ids[what]
        ]


def _unknown(what: str, value: str) -> str:
    messages = {
        "source": _("unknown source '{value}' (add it to sources.toml or fix the id)"),
        "age band": _("unknown age band '{value}'"),
        "concern": _("unknown concern '{value}'"),
        "role": _("unknown role '{value}'"),
        "protocol": _("unknown protocol '{value}'"),
        "dimension": _("unknown dimension '{value}'"),
        "contact": _("unknown contact '{value}'"),
        "indicator": _("unknown indicator '{value}'"),
        "checklist": _("unknown checklist '{value}'"),
        "weighing question": _("unknown weighing question '{value}'"),
        "outcome": _("unknown weighing outcome '{value}'"),
        "section": _("unknown section '{value}' (not defined in this checklist)"),
        "acute situation": _("unknown acute situation '{value}'"),
        "guidance": _("unknown guidance '{value}'"),
    }
    return messages[what].format(value=value)


def _weighing(catalog: Catalog, known: _Known) -> list[ReferenceProblem]:
    """Each answer leads to one of next/outcome; the walk reaches an outcome, never loops."""
    problems = []
    for question in catalog.weighing_questions:
        for answer, branch in (("on_yes", question.on_yes), ("on_no", question.on_no)):
            if (branch.next is None) == (branch.outcome is None):
                problems.append(
                    ReferenceProblem(
                        "weighing_question",
                        question.id,
                        answer,
                        _("each answer needs exactly one of 'next' or 'outcome'"),
                    )
                )
            elif branch.next is not None:
                problems += known.missing(
                    "weighing_question",
                    question.id,
                    f"{answer}.next",
                    "weighing question",
                    [branch.next],
                )
            elif branch.outcome not in _outcomes_of(catalog, question.protocol):
                problems.append(
                    ReferenceProblem(
                        "weighing_question",
                        question.id,
                        f"{answer}.outcome",
                        _unknown("outcome", str(branch.outcome)),
                    )
                )
        if question.protocol is not None:
            problems += known.missing(
                "weighing_question", question.id, "protocol", "protocol", [question.protocol]
            )
    numbers = Counter((q.protocol, q.number) for q in catalog.weighing_questions)
    for question in catalog.weighing_questions:
        if numbers[(question.protocol, question.number)] > 1:
            problems.append(
                ReferenceProblem(
                    "weighing_question",
                    question.id,
                    "number",
                    _("number {number} is used by more than one question").format(
                        number=question.number
                    ),
                )
            )
    if problems or not catalog.weighing_questions:
        return problems
    return _loops(catalog)


def _outcomes_of(catalog: Catalog, protocol_id: str | None) -> set[str]:
    """The outcomes a question may lead to: its protocol's own, or the afwegingskader's."""
    if protocol_id is None:
        return set(get_args(WeighingOutcome))
    protocol = catalog.protocols_by_id.get(protocol_id)
    return set() if protocol is None else {outcome.id for outcome in protocol.outcomes}


def _loops(catalog: Catalog) -> list[ReferenceProblem]:
    problems = []
    for start in catalog.weighing_questions:
        seen = [start.id]
        pending = [start]
        while pending:
            question = pending.pop()
            for branch in (question.on_yes, question.on_no):
                if branch.next is None:
                    continue
                if branch.next == start.id:
                    problems.append(
                        ReferenceProblem(
                            "weighing_question",
                            start.id,
                            "next",
                            _("the answers lead back to this question (a loop)"),
                        )
                    )
                    pending = []
                    break
                if branch.next not in seen:
                    seen.append(branch.next)
                    pending.append(catalog.questions_by_id[branch.next])
    return problems


def _checklist(checklist_id: str, catalog: Catalog, known: _Known) -> list[ReferenceProblem]:
    checklist = next(c for c in catalog.checklists if c.id == checklist_id)
    problems = known.missing("checklist", checklist.id, "concerns", "concern", checklist.concerns)
    problems += known.missing(
        "checklist", checklist.id, "age_bands", "age band", checklist.age_bands
    )
    problems += known.missing("checklist", checklist.id, "roles", "role", checklist.roles)
    sections = {section.id for section in checklist.sections}
    for section in checklist.sections:
        if section.dimension is not None:
            problems += known.missing(
                "section", section.id, "dimension", "dimension", [section.dimension]
            )
    for indicator in checklist.indicators:
        if indicator.section not in sections:
            problems.append(
                ReferenceProblem(
                    "indicator", indicator.id, "section", _unknown("section", indicator.section)
                )
            )
        problems += known.missing(
            "indicator", indicator.id, "age_bands", "age band", indicator.age_bands
        )
        problems += known.missing("indicator", indicator.id, "roles", "role", indicator.roles)
        for concern in indicator.concerns:
            if concern not in checklist.concerns:
                problems.append(
                    ReferenceProblem(
                        "indicator",
                        indicator.id,
                        "concerns",
                        _("'{value}' is not a concern of this checklist").format(value=concern),
                    )
                )
        if indicator.dimension is not None:
            problems += known.missing(
                "indicator", indicator.id, "dimension", "dimension", [indicator.dimension]
            )
        if checklist.kind == "ilo" and (indicator.dimension is None or indicator.weight is None):
            problems.append(
                ReferenceProblem(
                    "indicator",
                    indicator.id,
                    "weight",
                    _("an indicator on an ILO list needs a dimension and a weight"),
                )
            )
    return problems


# Real rules nest any_of / none_of two or three deep; the check and the engine both recurse.
MAX_CONDITION_DEPTH = 10


def _condition(
    kind: str, rule_id: str, field: str, condition: Condition, known: _Known, depth: int = 0
) -> list[ReferenceProblem]:
    if depth > MAX_CONDITION_DEPTH:
        message = _("conditions are nested too deeply (at most {depth} levels of any_of/none_of)")
        return [ReferenceProblem(kind, rule_id, field, message.format(depth=MAX_CONDITION_DEPTH))]
    problems = known.missing(
        kind, rule_id, f"{field}.indicators_any", "indicator", condition.indicators_any
    )
    problems += known.missing(
        kind, rule_id, f"{field}.checklists_any", "checklist", condition.checklists_any
    )
    problems += known.missing(
        kind, rule_id, f"{field}.concerns_any", "concern", condition.concerns_any
    )
    problems += known.missing(kind, rule_id, f"{field}.roles_any", "role", condition.roles_any)
    problems += known.missing(
        kind, rule_id, f"{field}.age_bands_any", "age band", condition.age_bands_any
    )
    problems += known.missing(
        kind, rule_id, f"{field}.outcomes_any", "outcome", condition.outcomes_any
    )
    problems += known.missing(
        kind,
        rule_id,
        f"{field}.acute_situations_any",
        "acute situation",
        condition.acute_situations_any,
    )
    for group in ("any_of", "none_of"):
        for index, nested in enumerate(getattr(condition, group)):
            problems += _condition(
                kind, rule_id, f"{field}.{group}[{index}]", nested, known, depth + 1
            )
    return problems


def _counts_as(catalog: Catalog, known: _Known) -> list[ReferenceProblem]:
    """A Dutch signal counts only as indicators of other lists (ILO/EC, or the same signal on
    another signal list) that exist and share one of its ages."""
    problems = []
    for checklist in catalog.checklists:
        for indicator in checklist.indicators:
            if indicator.counts_as and checklist.kind == "ilo":
                problems.append(
                    ReferenceProblem(
                        "indicator",
                        indicator.id,
                        "counts_as",
                        _("an ILO/EC indicator counts for itself; counts_as is for other lists"),
                    )
                )
                continue
            problems += known.missing(
                "indicator", indicator.id, "counts_as", "indicator", indicator.counts_as
            )
            lists = Counter(
                catalog.indicators_by_id[t][0].id
                for t in indicator.counts_as
                if t in catalog.indicators_by_id
            )
            for list_id, count in lists.items():
                if count > 1:
                    problems.append(
                        ReferenceProblem(
                            "indicator",
                            indicator.id,
                            "counts_as",
                            _(
                                "counts as more than one indicator of '{value}': one signal "
                                "would count twice"
                            ).format(value=list_id),
                        )
                    )
            for target_id in indicator.counts_as:
                found = catalog.indicators_by_id.get(target_id)
                if found is None:
                    continue
                target_list, target = found
                if target_list.kind == "flags" or target_list.id == checklist.id:
                    message = _("'{value}' is not on an ILO/EC list or another signal list").format(
                        value=target_id
                    )
                elif not set(target.age_bands) & set(indicator.age_bands):
                    message = _(
                        "'{value}' is for another age band ({bands}) than this signal"
                    ).format(value=target_id, bands=", ".join(target.age_bands))
                else:
                    continue
                problems.append(ReferenceProblem("indicator", indicator.id, "counts_as", message))
    return problems


def guidance_problems(catalog: Catalog) -> list[ReferenceProblem]:
    """Guidance that no page would show as its editor meant: a page the code does not have,
    no page at all, a replaced guidance or a role or outcome that does not exist. The window
    reports these too, so a typo never makes a box disappear without a word."""
    known = _Known(catalog)
    problems = []
    for guidance in catalog.guidance:
        if guidance.replaces is not None:
            problems += known.missing(
                "guidance", guidance.id, "replaces", "guidance", [guidance.replaces]
            )
            if guidance.page is not None:
                message = _("a guidance that replaces another is shown in its place: no page")
                problems.append(ReferenceProblem("guidance", guidance.id, "page", message))
            if not guidance.roles:
                message = _(
                    "a guidance that replaces another is shown only to its roles: name them"
                )
                problems.append(ReferenceProblem("guidance", guidance.id, "roles", message))
        elif guidance.page is None:
            message = _("shown on no page: give it a page ({pages})").format(
                pages=", ".join(GUIDANCE_PAGES)
            )
            problems.append(ReferenceProblem("guidance", guidance.id, "page", message))
        elif guidance.page not in GUIDANCE_PAGES:
            message = _("no page '{value}' shows guidance (pages: {pages})").format(
                value=guidance.page, pages=", ".join(GUIDANCE_PAGES)
            )
            problems.append(ReferenceProblem("guidance", guidance.id, "page", message))
        problems += known.missing("guidance", guidance.id, "roles", "role", guidance.roles)
        problems += known.missing("guidance", guidance.id, "outcomes", "outcome", guidance.outcomes)
    return problems


def _replaces(catalog: Catalog) -> list[ReferenceProblem]:
    """An old id merged into a signal is no longer in use, and is merged into one signal only."""
    problems = []
    taken = set(catalog.indicators_by_id) | {c.id for c in catalog.checklists}
    owners: Counter[str] = Counter(
        old for c in catalog.checklists for i in c.indicators for old in i.replaces
    )
    for checklist in catalog.checklists:
        for indicator in checklist.indicators:
            for old in indicator.replaces:
                if old in taken:
                    message = _("'{value}' is still in use; only a retired id can be replaced")
                elif owners[old] > 1:
                    message = _("'{value}' is replaced by more than one signal")
                else:
                    continue
                problems.append(
                    ReferenceProblem(
                        "indicator", indicator.id, "replaces", message.format(value=old)
                    )
                )
    return problems


def found_words(words: WordList, nl: str, en: str) -> list[str]:
    """The listed words (or words starting with them) that occur in a Dutch or English text."""
    found = []
    for listed, text in ((words.nl, nl), (words.en, en)):
        # One search for the whole list first: most texts use none of its words.
        if listed and _any_word(tuple(listed)).search(text):
            found += [word for word in listed if _word(word).search(text)]
    return found


@cache
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(_word(word).pattern for word in words), re.IGNORECASE)


@cache
def _word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)


def _refused_words(catalog: Catalog) -> list[ReferenceProblem]:
    """Signal texts describe what can be seen or heard, never who is presumed to have done it."""
    problems = []
    for refused in catalog.refused_words:
        for checklist in catalog.checklists:
            for indicator in checklist.indicators:
                for word in found_words(refused.words, indicator.text.nl, indicator.text.en):
                    problems.append(
                        ReferenceProblem(
                            "indicator",
                            indicator.id,
                            "text",
                            _("the signal text uses '{word}': {reason}").format(
                                word=word, reason=refused.reason.get(content_language())
                            ),
                        )
                    )
    return problems


_URGENCY_RANK: dict[Urgency, int] = {"immediate": 0, "today": 1, "soon": 2, "info": 3}


def _urgency_words(catalog: Catalog) -> list[ReferenceProblem]:
    """A reason is shown with every contact of its rule: it may not name a time more urgent
    than any of those contacts' urgency (a reason saying "today" beside a "soon" row)."""
    problems = []
    for rule in catalog.routing_rules:
        for target in rule.refer:
            for timing in catalog.urgency_words:
                if _URGENCY_RANK[timing.urgency] >= _URGENCY_RANK[target.urgency]:
                    continue
                for word in found_words(timing.words, rule.reason.nl, rule.reason.en):
                    problems.append(
                        ReferenceProblem(
                            "routing_rule",
                            rule.id,
                            "reason",
                            _(
                                "the reason says '{word}' ({urgency}), but '{contact}' is "
                                "advised with urgency '{advised}'; split the rule or change "
                                "the wording"
                            ).format(
                                word=word,
                                urgency=timing.urgency,
                                contact=target.contact,
                                advised=target.urgency,
                            ),
                        )
                    )
    return problems


def _sourced(catalog: Catalog) -> list[tuple[str, Iterable[Sourced]]]:
    return [
        ("concern", catalog.concerns),
        ("role", catalog.roles),
        ("protocol", catalog.protocols),
        ("weighing_question", catalog.weighing_questions),
        ("unsafety", catalog.unsafety),
        ("step3_exception", catalog.step3_exceptions),
        ("conflict_of_duties", catalog.conflict_of_duties),
        ("acute_danger", catalog.acute_danger),
        ("guidance", catalog.guidance),
        ("contact", catalog.contacts),
        ("checklist", catalog.checklists),
        ("indicator", [i for c in catalog.checklists for i in c.indicators]),
        ("flag_criterion", catalog.flag_criteria),
        ("flag_level", catalog.flag_levels),
        ("trafficking_rule", catalog.trafficking_rules),
        ("concern_rule", catalog.concern_rules),
        ("routing_rule", catalog.routing_rules),
        ("delphi_rule", [catalog.delphi_rule]),
        ("weighing_scope", catalog.weighing_scopes),
        ("refused_words", catalog.refused_words),
    ]


def catalog_ids(catalog: Catalog) -> dict[str, list[str]]:
    """Every id a content editor defines, by kind (indicators and sections share one space)."""
    return {
        "source": [s.id for s in catalog.sources],
        "age_band": [b.id for b in catalog.age_bands],
        "concern": [c.id for c in catalog.concerns],
        "relation": [r.id for r in catalog.relations],
        "role": [r.id for r in catalog.roles],
        "protocol": [p.id for p in catalog.protocols],
        "weighing_question": [q.id for q in catalog.weighing_questions],
        "unsafety": [u.id for u in catalog.unsafety],
        "step3_exception": [e.id for e in catalog.step3_exceptions],
        "conflict_of_duties": [q.id for q in catalog.conflict_of_duties],
        "acute_danger": [q.id for q in catalog.acute_danger],
        "guidance": [g.id for g in catalog.guidance],
        "contact": [c.id for c in catalog.contacts],
        "checklist": [c.id for c in catalog.checklists],
        "section": [s.id for c in catalog.checklists for s in c.sections],
        "indicator": [i.id for c in catalog.checklists for i in c.indicators],
        "dimension": [d.id for d in catalog.dimensions],
        "flag_criterion": [f.id for f in catalog.flag_criteria],
        "flag_level": [f.id for f in catalog.flag_levels],
        "trafficking_rule": [r.id for r in catalog.trafficking_rules],
        "concern_rule": [r.id for r in catalog.concern_rules],
        "routing_rule": [r.id for r in catalog.routing_rules],
        "weighing_scope": [s.id for s in catalog.weighing_scopes],
        "refused_words": [r.id for r in catalog.refused_words],
    }


def _unique(catalog: Catalog) -> list[ReferenceProblem]:
    ids = catalog_ids(catalog)
    # Checklists and their indicators share one name space: rules name either by id.
    ids["indicator"] = ids["indicator"] + ids.pop("checklist")
    # Section ids need only be unique within their checklist.
    del ids["section"]
    problems = [
        ReferenceProblem(
            "section", entry_id, "id", _("the id '{id}' is used more than once").format(id=entry_id)
        )
        for checklist in catalog.checklists
        for entry_id, count in Counter(s.id for s in checklist.sections).items()
        if count > 1
    ]
    return problems + [
        ReferenceProblem(
            "checklist" if entry_id in {c.id for c in catalog.checklists} else kind,
            entry_id,
            "id",
            _("the id '{id}' is used more than once").format(id=entry_id),
        )
        for kind, values in ids.items()
        for entry_id, count in Counter(values).items()
        if count > 1
    ]
