"""Save the referral PDF only where the user chooses; a failed write explains itself, loses nothing.

There is no temporary file and no remembered folder: the dialog starts in the home folder and
the bytes stay in memory, so after a failure the user can simply choose another place.

The dialog is Qt's own, not the desktop's: Hide screen and a wipe can close it and input in it
counts as activity (see `other_windows`), and it adds nothing to the desktop's list of recent
files. It adds ".pdf" itself, before it asks whether to replace an existing file.
"""

from __future__ import annotations

import contextlib
import errno
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from signaal.i18n import _


def chosen_file(parent: QWidget | None, start: str) -> str:
    """The file chosen in the save dialog (".pdf" added to a bare name), or "" when cancelled."""
    dialog = QFileDialog(parent, _("Save referral as PDF"), start, _("PDF documents (*.pdf)"))
    dialog.setObjectName("save-dialog")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix("pdf")
    # Signaal asks itself, once the name is final (Qt's question says "u", and comes too early
    # for a name Signaal still adds ".pdf" to).
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        files = dialog.selectedFiles()
    finally:
        dialog.deleteLater()
    return files[0] if accepted and files else ""


def save_pdf(pdf: bytes, parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save, then write; the path written, or None when cancelled or failed."""
    start = str(Path.home() / _safe_name(suggested_name))
    while True:
        chosen = chosen_file(parent, start)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":  # "verslag.v2": the dialog added nothing
            path = path.with_name(f"{path.name}.pdf")
        if not path.exists() or _confirm_replace(parent, path):
            break
        start = str(path)  # "No": choose again, starting from that name
    return path if write_pdf(pdf, path, parent) else None


def write_pdf(pdf: bytes, path: Path, parent: QWidget | None) -> bool:
    """Write the bytes to `path`; on failure remove a half-written new file and say why."""
    created = False
    try:
        existed = path.exists()
        with path.open("wb") as output:
            created = not existed
            output.write(pdf)
    except OSError as error:
        if created:
            # Removing can fail as well (a read-only disk): the reason shown stays the first one.
            with contextlib.suppress(OSError):
                path.unlink()
        QMessageBox.warning(parent, _("The referral was not saved"), failure_message(error, path))
        return False
    return True


def _confirm_replace(parent: QWidget | None, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Save referral as PDF"),
        _("{name} already exists. Do you want to replace it?").format(name=path.name)
        + "\n\n"
        + str(path.parent),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def failure_message(error: OSError, path: Path) -> str:
    """What went wrong, in the user's language, and that nothing was lost."""
    reasons = {
        errno.ENOSPC: _("The disk is full."),
        errno.EDQUOT: _("The disk is full."),
        errno.EACCES: _("You may not write in this folder."),
        errno.EPERM: _("You may not write in this folder."),
        errno.EROFS: _("This folder is read-only."),
        errno.ENOENT: _("This folder does not exist (any more)."),
        errno.EISDIR: _("This is a folder, not a file name."),
    }
    reason = reasons.get(
        error.errno or 0, _("The system reported: {error}").format(error=error.strerror or error)
    )
    return "\n\n".join(
        [
            _("Could not save the referral to {path}.").format(path=path),
            reason,
            _(
                "Nothing is lost: the case is still open. Choose another place, for example a "
                "USB stick or another folder, or print the referral."
            ),
        ]
    )


def _safe_name(name: str) -> str:
    """A file name without folder separators, ending in .pdf."""
    cleaned = "".join("-" if c in '/\\:*?"<>|' or ord(c) < 32 else c for c in name).strip()
    cleaned = cleaned or "referral"
    return cleaned if cleaned.lower().endswith(".pdf") else f"{cleaned}.pdf"
