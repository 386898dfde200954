"""PySide6 6.12.0 on CPython 3.11 dropped a reference to `True` on every `Signal.emit`.

When the count reached zero the interpreter aborted ("Fatal Python error: bool_dealloc") and the
whole case was lost, after a few thousand keystrokes. The pinned PySide6 must not do that.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    with_text = Signal(str)
    with_flag = Signal(bool)


def test_twenty_thousand_emits_leave_the_count_of_true_unchanged() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.plain.connect(lambda: received.append(None))
    emitter.with_text.connect(received.append)
    emitter.with_flag.connect(received.append)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(10_000):
        emitter.plain.emit()
        emitter.with_text.emit("x")
        emitter.with_flag.emit(True)
    received.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
