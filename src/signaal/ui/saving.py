"""Save the referral PDF only where the user chooses; a failed write explains itself, loses nothing.

There is no temporary file and no remembered folder: the dialog starts in the home folder and
the bytes stay in memory, so after a failure the user can simply choose another place.
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from signaal.i18n import _


def save_pdf(pdf: bytes, parent: QWidget | None, suggested_name: str) -> Path | None:
    """Ask where to save, then write; the path written, or None when cancelled or failed."""
    start = str(Path.home() / _safe_name(suggested_name))
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Save referral as PDF"), start, _("PDF documents (*.pdf)")
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(f"{path.name}.pdf")
    return path if write_pdf(pdf, path, parent) else None


def write_pdf(pdf: bytes, path: Path, parent: QWidget | None) -> bool:
    """Write the bytes to `path`; on failure remove a half-written new file and say why."""
    existed = path.exists()
    try:
        with path.open("wb") as output:
            output.write(pdf)
    except OSError as error:
        if not existed:
            path.unlink(missing_ok=True)
        QMessageBox.warning(parent, _("The referral was not saved"), failure_message(error, path))
        return False
    return True


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
