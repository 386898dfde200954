"""The referral leaves Signaal only here: preview, print, save, the dossier note, and back in by
Open.

The PDF is made off the GUI thread (`RenderJob`); a strip in the status bar shows its progress
with a Cancel button. What comes out of a render goes to one dialog and is let go right after:
nothing of it is kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from signaal import i18n
from signaal.i18n import _
from signaal.ui.render_progress import RenderProgress
from signaal.ui.render_worker import RenderJob

if TYPE_CHECKING:
    from signaal.assessment.carried import Carried
    from signaal.ui.main_window import MainWindow
    from signaal.ui.pdf_preview import PdfPreviewDialog

SUGGESTED_FILE_NAME = "signaal-verwijzing.pdf"
# What is done with a referral once it is made: the PDF, and the history an embedded case
# records (None when no case is embedded).
Then = Callable[[bytes, "Carried | None"], None]


class ReferralOutput(QObject):
    """Makes the referral for the window and hands it to the preview, the printer or a file."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.render_job = RenderJob(self)
        self.progress = RenderProgress()
        window.statusBar().addPermanentWidget(self.progress)
        self.progress.cancel_requested.connect(self.cancel)
        self.render_job.progressed.connect(self.progress.set_percent)
        self.render_job.finished.connect(self._rendered)
        self.render_job.failed.connect(self._failed)
        self.render_job.cancelled.connect(self._cancelled)
        self.then: Then | None = None
        self.preview_dialog: PdfPreviewDialog | None = None

    @property
    def rendering(self) -> bool:
        """Whether a referral is being made right now."""
        return self.render_job.running

    def retranslate(self) -> None:
        self.progress.retranslate()

    def make(self, then: Then, *, with_case: bool) -> bool:
        """Render the referral off the GUI thread, then call `then` with the PDF.

        `with_case` embeds the case (when the user left that on), as for saving; `then` also
        gets the history the embedded case records. False when a render is already running
        (the new request is dropped, the first goes on).
        """
        session = self.window.session
        session.propose_purpose()
        embed = with_case and session.embed_case
        started = self.render_job.start(
            session.catalog,
            session.case,
            session.assessment(),
            i18n.content_language(),
            carried=session.carried_now() if embed else session.carried,
            embed_on=dt.date.today() if embed else None,
        )
        if not started:
            self.window.statusBar().showMessage(_("The referral is still being made."), 4000)
            return False
        self.then = then
        self.progress.begin()
        return True

    def cancel(self) -> None:
        """Stop a referral being made; it leaves no PDF and no dialog behind."""
        if self.render_job.running:
            self.render_job.cancel()

    def _rendered(self, pdf: bytes, carried: Carried | None) -> None:
        then, self.then = self.then, None
        self.progress.end()
        if then is not None and not self.window.hiding.hidden:
            then(pdf, carried)

    def _failed(self, kind: str) -> None:
        self.then = None
        self.progress.end()
        box = QMessageBox(self.window)
        box.setObjectName("render-failed-dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(_("The referral could not be made"))
        box.setText(
            _(
                "Signaal could not make the referral ({kind}). Nothing you typed is lost: the "
                "case is still open. Try again, or shorten very long or unusual text."
            ).format(kind=kind)
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.exec()

    def _cancelled(self) -> None:
        self.then = None
        self.progress.end()
        if not self.window.hiding.hidden:
            self.window.statusBar().showMessage(_("Making the referral was cancelled."), 4000)

    # what is done with it ----------------------------------------------------------------------
    def preview(self) -> None:
        # The preview can save, so it shows the referral as it would be saved.
        self.make(self.show_preview, with_case=True)

    def show_preview(self, pdf: bytes, carried: Carried | None = None) -> None:
        from signaal.ui.pdf_preview import PdfPreviewDialog

        if self.window.hiding.hidden:
            return
        # Printing or saving from the preview counts as much as from the window's own actions.
        dialog = PdfPreviewDialog(pdf, self.window, SUGGESTED_FILE_NAME)
        del pdf
        dialog.printed.connect(lambda: self.done(_("The referral was sent to the printer.")))
        dialog.saved.connect(lambda: self.done(_("The referral was saved."), carried))
        self.preview_dialog = dialog
        try:
            dialog.exec()
        finally:
            # The dialog holds the rendered referral: let it go now, not with the window.
            self.preview_dialog = None
            dialog.release()
            dialog.deleteLater()

    def print(self) -> None:
        """Print the pages only: paper carries no embedded case."""
        self.make(self._print_pdf, with_case=False)

    def _print_pdf(self, pdf: bytes, _carried: Carried | None) -> None:
        from signaal.ui.printing import print_pdf

        if print_pdf(pdf, self.window):
            self.done(_("The referral was sent to the printer."))

    def save(self) -> None:
        """Save where the user chooses (the report helper's dialog); nothing is kept otherwise."""
        self.make(self._save_pdf, with_case=True)

    def _save_pdf(self, pdf: bytes, carried: Carried | None) -> None:
        from signaal.ui.saving import save_pdf

        if save_pdf(pdf, self.window, SUGGESTED_FILE_NAME) is not None:
            self.done(_("The referral was saved."), carried)

    def done(self, message: str, carried: Carried | None = None) -> None:
        """A referral went out: the referral step is done."""
        session = self.window.session
        if carried is not None:  # the saved referral carries the case: remember its history
            session.carried = session.carried.model_copy(update={"history": carried.history})
        session.referral_done = True
        self.window.navigation.update_steps()
        self.window.statusBar().showMessage(message, 8000)

    # the way back in ---------------------------------------------------------------------------
    def open(self) -> None:
        """Case → Open referral…: choose a saved referral and continue its case."""
        chosen, _filter = QFileDialog.getOpenFileName(
            self.window, _("Open referral"), str(Path.home()), _("PDF documents (*.pdf)")
        )
        if chosen:
            self.open_file(Path(chosen))

    def open_file(self, path: Path) -> bool:
        """Continue the case a referral carries (see `signaal.ui.continuing`)."""
        from signaal.ui.continuing import open_referral_file

        return open_referral_file(self.window, path)

    def copy_note(self) -> None:
        """Put a short note for the professional's own file on the clipboard."""
        from signaal.ui.continuing import copy_dossier_note

        copy_dossier_note(self.window)
