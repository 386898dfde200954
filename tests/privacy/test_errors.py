"""The error guard's words: the kind of error, never its message or any value."""

from __future__ import annotations

import io
import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from signaal.i18n import set_language
from signaal.ui.errors import ErrorGuard, describe_error, developer_report, error_kind

MARKER = "SIGNAAL-MARKER-7f3a"


def raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        secret = {"facts": MARKER}
        raise KeyError(secret["facts"])
    except KeyError:
        kind, error, trace = sys.exc_info()
        assert kind is not None and error is not None
        return kind, error, trace


def test_the_user_reads_the_kind_only() -> None:
    set_language("nl")
    text = describe_error(KeyError)
    assert "KeyError" in text
    assert "Je antwoorden staan er nog" in text


def test_a_strange_class_name_cannot_smuggle_text() -> None:
    strange = type(f"Err {MARKER} <b>", (Exception,), {})
    assert error_kind(strange) == "ErrSIGNAALMARKER7f3ab"[:60]
    assert " " not in error_kind(strange) and "<" not in error_kind(strange)


def test_the_developer_report_has_frames_but_no_message() -> None:
    kind, _error, trace = raised()
    report = developer_report(kind, trace)  # type: ignore[arg-type]
    assert "test_errors.py" in report and "in raised" in report and "KeyError" in report
    assert MARKER not in report


def test_the_guard_writes_the_report_and_shows_one_dialog(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(f"{box.windowTitle()}\n{box.text()}\n{box.detailedText()}")
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    stream = io.StringIO()
    guard = ErrorGuard(stream)
    kind, error, trace = raised()
    guard(kind, error, trace)  # type: ignore[arg-type]
    assert guard.count == 1
    assert "KeyError" in stream.getvalue()
    assert MARKER not in stream.getvalue()
    assert len(shown) == 1
    assert "KeyError" in shown[0]
    assert MARKER not in shown[0]
