"""Render the referral off the GUI thread, so the window, Hide screen and Cancel keep answering.

A render of a long case takes seconds (hundreds of pages). `RenderJob` runs the pure
`render_referral` in a `QThread` on a snapshot of the case and reports back through signals:
`progressed(percent)`, then exactly one of `finished(pdf)`, `failed(kind)` or `cancelled()`.
`cancel()` stops the render at the next flowable; its partial document is dropped and nothing is
emitted but `cancelled`, so a cancelled render leaves nothing behind.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from signaal.messages import error_kind

if TYPE_CHECKING:
    from signaal.assessment import Assessment, Case
    from signaal.content import Catalog


class RenderCancelledError(Exception):
    """Raised from the progress callback to stop reportlab when the user cancels."""


class _RenderThread(QThread):
    progressed = Signal(int)
    rendered = Signal(bytes)
    broke = Signal(str)

    def __init__(
        self,
        catalog: Catalog,
        case: Case,
        assessment: Assessment,
        language: str,
        stop: threading.Event,
    ) -> None:
        super().__init__()
        self._inputs: tuple[Catalog, Case, Assessment, str] | None = (
            catalog,
            case,
            assessment,
            language,
        )
        self._stop = stop
        self._percent = 0

    def run(self) -> None:
        from signaal.report import render_referral

        inputs, self._inputs = self._inputs, None
        if inputs is None:
            return
        catalog, case, assessment, language = inputs
        del inputs
        try:
            pdf = render_referral(catalog, case, assessment, language, progress=self._progress)
        except RenderCancelledError:
            return
        except Exception as error:  # reported by kind only: its message may quote the case
            if not self._stop.is_set():
                self.broke.emit(error_kind(error))
            return
        finally:
            del case, assessment
        if not self._stop.is_set():
            self.rendered.emit(pdf)

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
    finished = Signal(bytes)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _RenderThread | None = None
        self._stop = threading.Event()
        # Threads told to stop, kept referenced until they have really ended.
        self._stopping: list[_RenderThread] = []

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, catalog: Catalog, case: Case, assessment: Assessment, language: str) -> bool:
        """Render a snapshot of `case`; False (and nothing started) while a render is running."""
        if self._thread is not None:
            return False
        self._stop = threading.Event()
        # The thread renders a copy, so typing on during the render cannot race with it.
        snapshot = case.model_copy(deep=True)
        thread = _RenderThread(catalog, snapshot, assessment, language, self._stop)
        thread.progressed.connect(self._progressed)
        thread.rendered.connect(self._rendered)
        thread.broke.connect(self._broke)
        thread.finished.connect(self._ended)
        self._thread = thread
        thread.start()
        return True

    def cancel(self) -> None:
        """Stop the running render, if any; emits `cancelled` at once."""
        thread = self._thread
        if thread is None:
            return
        self._stop.set()
        self._thread = None
        if thread.isRunning():
            self._stopping.append(thread)
        self.cancelled.emit()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until every render thread has ended (at quit, before Qt tears down)."""
        threads = [t for t in (self._thread, *self._stopping) if t is not None]
        return all(thread.wait(milliseconds) for thread in threads)

    def _current(self) -> bool:
        return self.sender() is self._thread and self._thread is not None

    def _progressed(self, percent: int) -> None:
        if self._current():
            self.progressed.emit(percent)

    def _rendered(self, pdf: bytes) -> None:
        if self._current():
            self._thread = None
            self.finished.emit(pdf)

    def _broke(self, kind: str) -> None:
        if self._current():
            self._thread = None
            self.failed.emit(kind)

    def _ended(self) -> None:
        thread = self.sender()
        if not isinstance(thread, _RenderThread):
            return
        if thread in self._stopping:
            self._stopping.remove(thread)
        if self._thread is thread:  # ended without a result: stopped from inside
            self._thread = None
            self.cancelled.emit()
        thread.deleteLater()
