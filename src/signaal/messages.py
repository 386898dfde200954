"""Problem messages that stay short and safe on a terminal, whatever the input held.

A case file holds special-category data and stderr ends up in scroll-back and logs, so a message
quotes at most a short, clipped excerpt of a value; control characters (ESC, BEL...) never reach
the terminal raw; and a file with thousands of problems prints the first few and a count.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

# Enough to recognise a value, too little to carry a sentence of case text.
EXCERPT_LENGTH = 32
MAX_PROBLEMS = 20
# Categories that draw nothing or move the cursor: controls, format (bidi overrides, zero
# width), separators other than space, surrogates, private use and unassigned.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"}


def terminal_safe(text: str) -> str:
    """`text` with every invisible or cursor-moving character written as its escape (`\\x1b`)."""
    if text.isascii() and text.isprintable():
        return text
    parts = []
    for character in text:
        if character == "\n" or unicodedata.category(character) not in _HIDDEN:
            parts.append(character)
        elif ord(character) < 0x100:
            parts.append(f"\\x{ord(character):02x}")
        elif ord(character) < 0x10000:
            parts.append(f"\\u{ord(character):04x}")
        else:
            parts.append(f"\\U{ord(character):08x}")
    return "".join(parts)


def excerpt(value: object, limit: int = EXCERPT_LENGTH) -> str:
    """A short, single-line, terminal-safe excerpt of a value, marked with … when clipped."""
    text = value if isinstance(value, str) else repr(value)
    clipped = text[:limit] + "…" if len(text) > limit else text
    return terminal_safe(clipped.replace("\n", " "))


def bounded(
    problems: Sequence[str],
    limit: int = MAX_PROBLEMS,
    more: Callable[[int], str] | None = None,
) -> list[str]:
    """The first `limit` problems (terminal-safe) and, if there are more, one line counting them.

    `more` words that line (e.g. translated); by default it is English.
    """
    shown = [terminal_safe(problem) for problem in problems[:limit]]
    rest = len(problems) - len(shown)
    if rest > 0:
        shown.append(more(rest) if more else f"… and {rest} more problem{'s' if rest != 1 else ''}")
    return shown


def error_kind(error: BaseException) -> str:
    """The class name of an error, as a plain identifier: never its message (it may quote data)."""
    name = type(error).__name__ or "Error"
    kept = "".join(char for char in name if char.isascii() and (char.isalnum() or char == "_"))
    return kept[:60] or "Error"
