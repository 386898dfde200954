"""The 25 kinds of malformed case file (issue 21), as hypothesis strategies of (kind, bytes).

Every kind but `wrong-type` and `controls` is always refused: a wrong type may happen to be the
right one (text for initials) and a control character may sit in free text, where it is allowed.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st
from test_fuzz_cli import CONCERN_IDS, INDICATOR_IDS, QUESTION_IDS, encode, plausible_case

CONTROLS = "\x1b\x07\x00\x08\x9b\u202e\u2066\u200b"
# Kinds a valid case can come out of; every other kind must be refused.
SOMETIMES_VALID = {"wrong-type", "controls"}


def duplicate_key(case: dict[str, Any], key: str, value: Any) -> bytes:
    """The case as JSON with `key` given twice at the top level (the last would win in Python)."""
    rest = {k: v for k, v in case.items() if k != key}
    pair = f'"{key}": {json.dumps(value)}'
    body = json.dumps(rest, ensure_ascii=False)[1:-1]
    text = "{" + ", ".join(part for part in (pair, body, pair) if part) + "}"
    return text.encode("utf-8", "surrogatepass")


def nested_duplicate(case: dict[str, Any], key: str) -> bytes:
    """A key given twice inside an observation (the duplicate is not at the top level)."""
    observation = {"indicator": INDICATOR_IDS[0], "status": "seen"}
    inner = json.dumps(observation)[:-1] + f', "{key}": "a", "{key}": "b"}}'
    data = {k: v for k, v in case.items() if k != "observations"}
    body = json.dumps(data, ensure_ascii=False)[:-1]
    return f'{body}, "observations": [{inner}]}}'.encode("utf-8", "surrogatepass")


def with_field(case: dict[str, Any], path: list[str], value: Any) -> bytes:
    data = json.loads(json.dumps(case))
    node = data
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value
    return encode(data)


def with_raw(case: dict[str, Any], key: str, literal: str) -> bytes:
    """The case with `key` set to a raw JSON literal (one json.dumps would not write)."""
    rest = {k: v for k, v in case.items() if k != key}
    body = json.dumps(rest, ensure_ascii=False)[1:-1]
    text = "{" + ", ".join(part for part in (f'"{key}": {literal}', body) if part) + "}"
    return text.encode("utf-8", "surrogatepass")


def control_case(case: dict[str, Any], text: str, where: str) -> bytes:
    data = json.loads(json.dumps(case))
    if where == "role":
        data["role"] = text
    elif where == "key":
        data[text] = 1
    elif where == "concern":
        data["concerns"] = [text] * 30
    else:
        data["weighing"] = {text: "yes"}
    return encode(data)


wrong_values = st.one_of(
    st.text(max_size=8),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.lists(st.integers(), max_size=3),
    st.just({"nested": True}),
    st.none(),
)
typed_fields = st.sampled_from(
    [
        ["age"],
        ["minor"],
        ["language"],
        ["purpose"],
        ["context", "acute_danger"],
        ["context", "days_since_sexual_contact"],
        ["meldcode_steps", "consultation", "done"],
        ["meldcode_steps", "consultation", "on"],
        ["meldcode_steps", "conversation", "on"],
        ["person", "date_of_birth"],
        ["person", "initials"],
        ["reporter", "name"],
    ]
)
# Fields that take a number, a true/false or a date: a string, float or 0/1 there is refused.
coerced_values = st.sampled_from(
    [
        (["age"], "12"),
        (["age"], 12.0),
        (["age"], True),
        (["minor"], 1),
        (["minor"], "true"),
        (["context", "acute_danger"], 0),
        (["context", "acute_danger"], "false"),
        (["context", "days_since_sexual_contact"], "3"),
        (["context", "days_since_sexual_contact"], 3.5),
        (["meldcode_steps", "consultation", "done"], "yes"),
        (["meldcode_steps", "consultation", "on"], 20240101),
        (["person", "date_of_birth"], 1_700_000_000),
    ]
)
far_dates = st.dates().filter(lambda d: d.year < 1900 or d.year > 2100).map(str)
out_of_range = st.one_of(
    st.tuples(st.just(["age"]), st.integers(min_value=131, max_value=10**30)),
    st.tuples(st.just(["age"]), st.integers(max_value=-1, min_value=-(10**30))),
    st.tuples(
        st.just(["context", "days_since_sexual_contact"]),
        st.integers(min_value=50_000, max_value=10**30),
    ),
    st.tuples(st.just(["context", "days_since_sexual_contact"]), st.integers(-(10**30), -1)),
    st.tuples(st.just(["meldcode_steps", "consultation", "on"]), far_dates),
    st.tuples(st.just(["person", "date_of_birth"]), far_dates),
)
bad_dates = st.tuples(
    st.sampled_from([["meldcode_steps", "consultation", "on"], ["person", "date_of_birth"]]),
    st.sampled_from(
        [
            "2024-02-30",
            "2023-13-01",
            "31-12-2020",
            "2024-1-1",
            "",
            "yesterday",
            "2024/01/01",
            "2024-01-01T10:00",
            "２０２４-01-01",
            "2024-01-01\n",
        ]
    ),
)
future_births = st.dates(
    min_value=__import__("datetime").date(2030, 1, 1),
    max_value=__import__("datetime").date(2100, 12, 31),
).map(str)
controlled = st.text(
    alphabet=st.sampled_from(list(CONTROLS) + list("ab-")), min_size=1, max_size=12
)
unknown_ids = st.one_of(
    st.just(("role", "headmaster")),
    st.tuples(
        st.just("concerns"),
        st.lists(st.text(min_size=1, max_size=40), min_size=1, max_size=3).map(
            lambda c: ["not-a-concern", *c]
        ),
    ),
    st.tuples(
        st.just("observations"),
        st.text(min_size=1, max_size=40).map(lambda i: [{"indicator": f"x-{i}", "status": "seen"}]),
    ),
    st.tuples(
        st.just("weighing"), st.text(min_size=1, max_size=40).map(lambda q: {f"q-{q}": "yes"})
    ),
    st.just(("age_band", "99+")),
)
bad_enums = st.one_of(
    st.tuples(
        st.just("purpose"),
        st.text(max_size=20).filter(lambda p: p not in ("melding", "advice", "handover", "file")),
    ),
    st.tuples(st.just("language"), st.sampled_from(["de", "NL", "", "nl_NL", "english"])),
    st.tuples(
        st.just("observations"),
        st.sampled_from(["Seen", "yes", "", "maybe", "told-by"]).map(
            lambda s: [{"indicator": INDICATOR_IDS[1], "status": s}]
        ),
    ),
    st.tuples(
        st.just("weighing"),
        st.sampled_from(["Yes", "ja", "", "1", "true"]).map(lambda a: {QUESTION_IDS[0]: a}),
    ),
)
too_long = st.sampled_from(
    [
        (["decision", "reasoning"], "x" * 200_001),
        (["person", "initials"], "é" * 2_001),
        (["reporter", "name"], "n" * 2_001),
        (["observations"], [{"indicator": "a" * 121, "status": "seen"}]),
        (
            ["observations"],
            [{"indicator": INDICATOR_IDS[2], "status": "seen", "quote": "q" * 200_001}],
        ),
    ]
)
not_objects = st.sampled_from(
    [
        b"[]",
        b'"teacher"',
        b"42",
        b"null",
        b"true",
        b'[{"role": "teacher"}]',
        b"{}",
        b'{"role": null}',
        b'{"role": ""}',
    ]
)
empties = st.sampled_from([b"", b" ", b"\n\n\t", b"\xef\xbb\xbf", b"\x00", b"\x00" * 4096])
not_json = st.sampled_from(
    [
        b"{'role': 'teacher'}",
        b'{"role": "teacher",}',
        b'{"role": "teacher" // a comment\n}',
        b'{role: "teacher"}',
        b'{"role": "teacher", "minor": True}',
        b'{"role": "teacher", "age": None}',
        b'{"role": "teacher", "age": 012}',
        b'{"role": "teacher", "age": 0x10}',
        b'{"role": "tea\\cher"}',
        b'{"role": "teacher"\n"age": 3}',
        b'role = "teacher"\n',
    ]
)
encodings = st.tuples(plausible_case, st.sampled_from(["utf-16", "utf-32", "latin-1", "cp1252"]))


def encoded(case: dict[str, Any], encoding: str) -> bytes:
    text = json.dumps(case, ensure_ascii=False)
    if encoding in ("latin-1", "cp1252"):
        # A byte that is no UTF-8: the file cannot be what it claims whatever else it holds.
        return ('{"note": "caf\u00e9", ' + text[1:]).encode(encoding, "replace")
    return text.encode(encoding, "surrogatepass")


malformed = st.one_of(
    # 1-2: a key given twice, at the top level or inside an object of the case.
    st.tuples(
        plausible_case, st.sampled_from(["role", "age", "concerns", "weighing"]), wrong_values
    ).map(lambda t: ("duplicate", duplicate_key(*t))),
    st.tuples(plausible_case, st.sampled_from(["status", "facts", "indicator", "quote"])).map(
        lambda t: ("duplicate-nested", nested_duplicate(*t))
    ),
    # 3-4: values of the wrong type, and values JSON parsers usually coerce.
    st.tuples(plausible_case, typed_fields, wrong_values).map(
        lambda t: ("wrong-type", with_field(*t))
    ),
    st.tuples(plausible_case, coerced_values).map(lambda t: ("coerced", with_field(t[0], *t[1]))),
    # 5-7: numbers and dates out of range, dates that are no dates, births in the future.
    st.tuples(plausible_case, out_of_range).map(
        lambda t: ("out-of-range", with_field(t[0], *t[1]))
    ),
    st.tuples(plausible_case, bad_dates).map(lambda t: ("bad-date", with_field(t[0], *t[1]))),
    st.tuples(plausible_case, future_births).map(
        lambda t: ("future-birth", with_field(t[0], ["person", "date_of_birth"], t[1]))
    ),
    # 8-9: numbers no float or sane integer holds.
    st.tuples(plausible_case, st.integers(4_400, 60_000)).map(
        lambda t: ("huge-number", with_raw(t[0], "age", "9" * t[1]))
    ),
    st.tuples(
        plausible_case,
        st.sampled_from(["age", "minor"]),
        st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999", "-1e999"]),
    ).map(lambda t: ("non-finite", with_raw(*t))),
    # 10-11: thousands of repeats of a concern or of one signal.
    st.tuples(st.sampled_from(["child-sexual-abuse", "x\x1b[2J"]), st.integers(2, 60_000)).map(
        lambda t: ("repeats", encode({"role": "teacher", "concerns": [t[0]] * t[1]}))
    ),
    st.tuples(st.sampled_from(INDICATOR_IDS), st.integers(2, 20_000)).map(
        lambda t: (
            "repeated-signal",
            encode({"role": "gp", "observations": [{"indicator": t[0], "status": "seen"}] * t[1]}),
        )
    ),
    # 12: control characters in ids and keys.
    st.tuples(
        plausible_case, controlled, st.sampled_from(["role", "key", "concern", "question"])
    ).map(lambda t: ("controls", control_case(*t))),
    # 13-14: nesting far deeper than a case has, in arrays and in objects.
    st.integers(min_value=100, max_value=200_000).map(
        lambda n: ("deep", b'{"role": "teacher", "context": ' + b"[" * n + b"]" * n + b"}")
    ),
    st.integers(min_value=100, max_value=50_000).map(
        lambda n: (
            "deep-objects",
            b'{"role": "teacher", "context": ' + b'{"a": ' * n + b"1" + b"}" * n + b"}",
        )
    ),
    # 15-16: bytes that are not UTF-8, and JSON in another encoding.
    st.binary(min_size=1, max_size=300).map(lambda b: ("bytes", b"\xff" + b)),
    encodings.map(lambda t: ("encoding", encoded(*t))),
    # 17-19: a cut file, an empty one, and text that is almost JSON.
    st.tuples(plausible_case, st.floats(0.0, 0.999)).map(
        lambda t: ("truncated", encode(t[0])[: int(len(encode(t[0])) * t[1])])
    ),
    empties.map(lambda b: ("empty", b)),
    not_json.map(lambda b: ("not-json", b)),
    # 20: a valid case with something after it.
    st.tuples(
        plausible_case, st.sampled_from([b"{}", b" x", b'\n{"role": "gp"}', b"]", b"\x00"])
    ).map(lambda t: ("trailing-data", encode(t[0]) + t[1])),
    # 21: JSON that is no object with a role.
    not_objects.map(lambda b: ("not-object", b)),
    # 22-23: a key the case does not have; an id the catalog does not know.
    st.tuples(
        plausible_case, st.sampled_from(["rol", "Role", "observation", "notes", "__class__"])
    ).map(lambda t: ("unknown-key", with_field(t[0], [t[1]], "x"))),
    st.tuples(plausible_case, unknown_ids).map(
        lambda t: ("unknown-id", with_field(t[0], [t[1][0]], t[1][1]))
    ),
    # 24: a value outside its list (status, purpose, language, answer).
    st.tuples(plausible_case, bad_enums).map(
        lambda t: ("bad-enum", with_field(t[0], [t[1][0]], t[1][1]))
    ),
    # 25: text over the model's limits, and lone surrogates no text may hold.
    st.one_of(
        st.tuples(plausible_case, too_long).map(lambda t: with_field(t[0], *t[1])),
        plausible_case.map(lambda c: with_raw(c, "decision", '{"reasoning": "a\\ud800b"}')),
    ).map(lambda b: ("too-long-or-surrogate", b)),
)
KINDS = 25
CONCERNS = CONCERN_IDS
