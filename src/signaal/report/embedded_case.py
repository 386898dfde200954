"""Put the case into the referral PDF as a standard embedded file, and take it out again.

Pure functions on bytes (no Qt, no files), so they run in any thread. reportlab has no API for
document-level embedded files, so the rendered bytes are post-processed in memory with pypdf,
a maintained PDF library, rather than with hand-written PDF code. Reading never trusts the
input: anything pypdf cannot make sense of becomes an `EmbeddedCaseError` with a kind the
caller turns into a message in the user's language.
"""

from __future__ import annotations

import io
import logging
import warnings
from pathlib import Path
from typing import Literal

from signaal.assessment.case_file import MAX_CASE_FILE_BYTES

ATTACHMENT_NAME = "signaal-case.json"
# A referral is tens to hundreds of kilobytes; even 100,000 characters in every field stay far
# below this. Anything larger is refused before it is read into memory.
MAX_REFERRAL_BYTES = 30 * 1024 * 1024
# The embedded case is held to the size cap of a case file, like to every other rule of one.
MAX_CASE_DOCUMENT_BYTES = MAX_CASE_FILE_BYTES

ErrorKind = Literal[
    "too-large",
    "unreadable",
    "not-pdf",
    "damaged-pdf",
    "encrypted",
    "not-signaal",
    "no-case",
    "damaged-case",
]


class _EncryptedError(Exception):
    """The PDF is encrypted: nothing in it can be read without the password."""


class EmbeddedCaseError(Exception):
    """The file holds no usable case; `kind` says why, `detail` is for developers and the CLI."""

    def __init__(self, kind: ErrorKind, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind: ErrorKind = kind
        self.detail = detail


def embed_case(pdf: bytes, document: bytes) -> bytes:
    """The same PDF with `document` attached as `signaal-case.json` (metadata kept as it was)."""
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_attachment(ATTACHMENT_NAME, document)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def read_referral_file(path: Path) -> bytes:
    """The bytes of a chosen file, refusing a huge one by its size before reading anything."""
    try:
        size = path.stat().st_size
        if size > MAX_REFERRAL_BYTES:
            raise EmbeddedCaseError("too-large", f"{size} bytes")
        with path.open("rb") as file:
            data = file.read(MAX_REFERRAL_BYTES + 1)
    except OSError as error:
        raise EmbeddedCaseError("unreadable", error.strerror or type(error).__name__) from None
    if len(data) > MAX_REFERRAL_BYTES:  # the file grew while it was read
        raise EmbeddedCaseError("too-large", f"over {MAX_REFERRAL_BYTES} bytes")
    return data


def extract_case(pdf: bytes) -> bytes:
    """The embedded `signaal-case.json` of a referral, or an `EmbeddedCaseError` saying why not."""
    if len(pdf) > MAX_REFERRAL_BYTES:
        raise EmbeddedCaseError("too-large", f"{len(pdf)} bytes")
    if b"%PDF-" not in pdf[:1024]:
        raise EmbeddedCaseError("not-pdf", "no PDF header")
    try:
        attachments, producer = _read(pdf)
    except _EncryptedError:
        raise EmbeddedCaseError("encrypted") from None
    except RecursionError:
        raise EmbeddedCaseError("damaged-pdf", "nested too deeply") from None
    except MemoryError:
        raise EmbeddedCaseError("damaged-pdf", "too large when unpacked") from None
    except Exception as error:
        raise EmbeddedCaseError("damaged-pdf", type(error).__name__) from None
    contents = attachments.get(ATTACHMENT_NAME)
    if not contents:
        kind: ErrorKind = "no-case" if producer == "Signaal" else "not-signaal"
        raise EmbeddedCaseError(kind)
    if len(contents) > 1:  # Signaal embeds one case: which one is meant cannot be told
        raise EmbeddedCaseError("damaged-case", f"{len(contents)} files named {ATTACHMENT_NAME}")
    document = contents[0]
    if len(document) > MAX_CASE_DOCUMENT_BYTES:
        raise EmbeddedCaseError("damaged-pdf", "embedded case too large")
    return document


def _read(pdf: bytes) -> tuple[dict[str, list[bytes]], str]:
    """The attachments and the producer, with pypdf's warnings kept off the user's screen."""
    from pypdf import PdfReader

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(pdf), strict=False)
            if reader.is_encrypted:
                raise _EncryptedError
            found = reader.attachments
            # Only this one file is unpacked, whatever else the PDF carries.
            attachments = (
                {ATTACHMENT_NAME: list(found[ATTACHMENT_NAME])}
                if (ATTACHMENT_NAME in found)
                else {}
            )
            metadata = reader.metadata
            producer = metadata.get("/Producer") if metadata is not None else None
    finally:
        logger.setLevel(level)
    return attachments, producer if isinstance(producer, str) else ""
