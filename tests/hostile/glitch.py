"""The family of "glitch text" quotes that once made reportlab fail with a LayoutError (issue 21).

Unassigned and private-use code points, mathematical letters above U+FFFF and long runs of one
base letter under stacks of combining marks, in about 5,400 characters.
"""

from __future__ import annotations

import random

UNASSIGNED = [0x0378, 0x0380, 0x0530, 0x08FF, 0x2FFFE, 0x40001, 0xE0080]
PRIVATE_USE = [0xE000, 0xE123, 0xF8FF, 0xF0000, 0xF0123, 0x100000]
MATH = list(range(0x1D400, 0x1D7FF, 5))
MARKS = list(range(0x0300, 0x0370)) + list(range(0x1AB0, 0x1ABF)) + list(range(0x20D0, 0x20F0))


def glitch_quote(seed: int, length: int = 5400) -> str:
    rng = random.Random(seed)
    stack = rng.choice([8, 40, 120, 400])
    parts: list[str] = []
    size = 0
    while size < length:
        kind = rng.random()
        if kind < 0.2:
            part = "".join(
                chr(rng.choice(UNASSIGNED + PRIVATE_USE)) for _ in range(rng.randrange(1, 60))
            )
        elif kind < 0.4:
            part = "".join(chr(rng.choice(MATH)) for _ in range(rng.randrange(1, 60)))
        elif kind < 0.9:
            base = rng.choice("aZo")
            marks = "".join(chr(rng.choice(MARKS)) for _ in range(stack))
            part = (base + marks) * rng.randrange(1, 8)
        else:
            part = rng.choice([" ", "\n", ". ", ""])
        parts.append(part)
        size += len(part)
    return "".join(parts)[:length]


def issue_quote() -> str:
    """The minimised quote of the issue, rebuilt by its description: 5,400 characters of
    unassigned and private-use code points, mathematical letters above U+FFFF and runs of one
    base letter under stacks of combining marks."""
    odd = "".join(chr((UNASSIGNED + PRIVATE_USE)[i % 13]) for i in range(600))
    math = "".join(chr(MATH[i * 7 % len(MATH)]) for i in range(600))
    z = ("Z" + "".join(chr(MARKS[i * 5 % len(MARKS)]) for i in range(199))) * 10
    o = ("o" + "".join(chr(MARKS[i * 3 % len(MARKS)]) for i in range(99))) * 10
    quote = odd + math + z + math + odd + o
    assert len(quote) == 5_400
    return quote


def minimised_case(quote: str) -> dict[str, object]:
    return {
        "role": "veilig-thuis",
        "observations": [{"indicator": "ce-beh-out-late", "status": "seen", "quote": quote}],
    }
