"""Continue a case across the meldcode's weeks: open a saved referral, copy a note for the file.

The work itself is Qt-free (`signaal.report.case_document`, `signaal.report.dossier_note`); this
module is the window's side of it: dialogs, the confirmation, the clipboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMessageBox

from signaal import i18n
from signaal.i18n import _

if TYPE_CHECKING:
    from signaal.ui.main_window import MainWindow


def open_referral_file(window: MainWindow, path: Path) -> bool:
    """Read the case a referral carries; replace the current case only after confirmation.

    Nothing is written: the file is read into memory, checked, and on any problem the
    current case stays exactly as it was and a message says why in the user's language.
    """
    from signaal.report.case_document import (
        CaseDocumentError,
        open_error_message,
        open_referral,
    )
    from signaal.report.embedded_case import EmbeddedCaseError, read_referral_file

    try:
        opened = open_referral(read_referral_file(path), window.catalog)
    except (EmbeddedCaseError, CaseDocumentError) as error:
        unchanged = _("Your current case is unchanged.")
        QMessageBox.warning(
            window,
            _("The referral could not be opened"),
            f"{open_error_message(error, _)}\n\n{unchanged}",
        )
        return False
    if not window.wiping.confirm_new_case():
        return False
    window.wiping.wipe()
    window.session.continue_with(opened.case, opened.carried)
    navigation = window.navigation
    navigation.show_step(navigation.step_list.currentRow())
    navigation.update_steps()
    message = _("The case from the referral is open; you can continue with it.")
    retired = opened.carried.retired
    if retired:
        lines = "\n".join(f"• {r.text}" for r in retired)
        QMessageBox.information(
            window,
            _("Signals from an older catalog"),
            _(
                "This case was saved with catalog version {version}. These signals are no "
                "longer in the current lists. They stay in the case and on the referral as "
                "they were saved, but the assessment does not count them:"
            ).format(version=opened.catalog_version)
            + f"\n\n{lines}",
        )
    window.statusBar().showMessage(message, 8000)
    return True


def copy_dossier_note(window: MainWindow) -> None:
    """Put a short note for the professional's own file on the clipboard."""
    import datetime as dt

    from PySide6.QtGui import QGuiApplication

    from signaal.report.dossier_note import dossier_note

    session = window.session
    note = dossier_note(
        session.catalog,
        session.case,
        session.assessment(),
        i18n.content_language(),
        dt.date.today(),
        session.carried,
    )
    QGuiApplication.clipboard().setText(note)
    session.copied_note = note
    window.statusBar().showMessage(
        _("A note for the file is on the clipboard; it is cleared with the case."), 8000
    )


def dropped_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local file being dropped, if that is what is dropped."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    urls = [url for url in mime.urls() if url.isLocalFile()]
    return Path(urls[0].toLocalFile()) if len(urls) == 1 else None
