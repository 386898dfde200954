"""Render the referral off the GUI thread, so the window, Hide screen and Cancel keep answering.

A render of a long case takes seconds (hundreds of pages). `RenderJob` runs the pure
`render_referral` in a `QThread` on a snapshot of the case and reports back through signals:
`progressed(percent)`, then exactly one of `finished(pdf, carried)`, `failed(kind)` or
`cancelled()`. With `embed_on` the case is embedded in the PDF (as for saving) and `carried` is
the history it then records; otherwise `carried` is None.
`cancel()` stops the render at the next flowable; its partial document is dropped and nothing is
emitted but `cancelled`, so a cancelled render leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from signaal.messages import error_kind

if TYPE_CHECKING:
    from signaal.assessment import Assessment, Case
    from signaal.assessment.carried import Carried
    from signaal.content import Catalog


class RenderCancelledError(Exception):
    """Raised from the progress callback to stop reportlab when the user cancels."""


@dataclass
class _Inputs:
    catalog: Catalog
    case: Case
    assessment: Assessment
    language: str
    carried: Carried | None
    embed_on: dt.date | None


class _RenderThread(QThread):
    progressed = Signal(int)
    rendered = Signal(bytes, object)
    broke = Signal(str)

    def __init__(self, inputs: _Inputs, stop: threading.Event) -> None:
        super().__init__()
        self._inputs: _Inputs | None = inputs
        self._stop = stop
        self._percent = 0

    def _render(self, inputs: _Inputs) -> tuple[bytes, Carried | None]:
        from signaal.report import render_referral

        if inputs.embed_on is not None:
            from signaal.assessment.carried import Carried
            from signaal.report.case_document import referral_with_case

            return referral_with_case(
                inputs.catalog,
                inputs.case,
                inputs.assessment,
                inputs.language,
                inputs.carried or Carried(),
                today=inputs.embed_on,
                progress=self._progress,
            )
        pdf = render_referral(
            inputs.catalog,
            inputs.case,
            inputs.assessment,
            inputs.language,
            carried=inputs.carried,
            progress=self._progress,
        )
        return pdf, None

    def run(self) -> None:
        inputs, self._inputs = self._inputs, None
        if inputs is None:
            return
        try:
            pdf, carried = self._render(inputs)
        except RenderCancelledError:
            return
        except Exception as error:  # reported by kind only: its message may quote the case
            if not self._stop.is_set():
                self.broke.emit(error_kind(error))
            return
        finally:
            del inputs
        if not self._stop.is_set():
            self.rendered.emit(pdf, carried)

    def _progress(self, share: float) -> None:
        if self._stop.is_set():
            raise RenderCancelledError
        percent = min(99, int(share * 100))
        if percent > self._percent:
            self._percent = percent
            self.progressed.emit(percent)


class RenderJob(QObject):
    """One referral render at a time; start, cancel, and hear how it ended."""

    progressed = Signal(int)
    finished = Signal(bytes, object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _RenderThread | None = None
        self._stop = threading.Event()
        # Every thread stays referenced until it has really ended: Qt aborts the process when a
        # running QThread is destroyed (as Python would once the last reference went).
        self._alive: list[_RenderThread] = []

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(
        self,
        catalog: Catalog,
        case: Case,
        assessment: Assessment,
        language: str,
        *,
        carried: Carried | None = None,
        embed_on: dt.date | None = None,
    ) -> bool:
        """Render a snapshot of `case`; False (and nothing started) while a render is running.

        `carried` is what a continued case brings (history...); `embed_on` embeds the case in
        the PDF with that date as the day it is saved.
        """
        if self._thread is not None:
            return False
        self._stop = threading.Event()
        # The thread renders copies, so typing on during the render cannot race with it.
        inputs = _Inputs(
            catalog,
            case.model_copy(deep=True),
            assessment,
            language,
            None if carried is None else carried.model_copy(deep=True),
            embed_on,
        )
        thread = _RenderThread(inputs, self._stop)
        thread.progressed.connect(self._progressed)
        thread.rendered.connect(self._rendered)
        thread.broke.connect(self._broke)
        thread.finished.connect(self._ended)
        self._thread = thread
        self._alive.append(thread)
        thread.start()
        return True

    def cancel(self) -> None:
        """Stop the running render, if any; emits `cancelled` at once."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._thread = None
        self.cancelled.emit()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until every render thread has ended (at quit, before Qt tears down)."""
        return all(thread.wait(milliseconds) for thread in list(self._alive))

    def _current(self) -> bool:
        return self.sender() is self._thread and self._thread is not None

    def _progressed(self, percent: int) -> None:
        if self._current():
            self.progressed.emit(percent)

    def _rendered(self, pdf: bytes, carried: object) -> None:
        if self._current():
            self._thread = None
            self.finished.emit(pdf, carried)

    def _broke(self, kind: str) -> None:
        if self._current():
            self._thread = None
            self.failed.emit(kind)

    def _ended(self) -> None:
        thread = self.sender()
        if not isinstance(thread, _RenderThread):
            return
        if thread in self._alive:
            self._alive.remove(thread)
        if self._thread is thread:  # ended without a result: stopped from inside
            self._thread = None
            self.cancelled.emit()
        thread.deleteLater()
