"""The case as the referral carries it (`signaal-case.json`), and the way back to a case.

Written: the whole `Case` as its model dumps it (so every field any part of Signaal adds to the
case travels along without code here), beside it the schema and catalog versions, the history
and the text of each signal as the referral printed it. Only what the printed pages show goes
in (the referral prints every observation that has text, "not seen" ones included).

Read: the JSON parser and the validation of case files (`signaal.assessment.case_file`), so an
embedded case is held to exactly the rules of a case file. A signal the current catalog no
longer has is kept, with its saved text, as a `RetiredObservation`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from signaal.assessment.carried import (
    DOCUMENT_FORMAT,
    SCHEMA_VERSION,
    Carried,
    CaseDocument,
    RetiredObservation,
    SavedSignal,
    printed,
)
from signaal.assessment.case import Case, Observation
from signaal.assessment.case_file import CaseFileError, load_json, parse_case, validated
from signaal.assessment.result import Assessment
from signaal.content.catalog import Catalog
from signaal.i18n import N_
from signaal.messages import excerpt
from signaal.report.embedded_case import (
    ATTACHMENT_NAME,
    EmbeddedCaseError,
    embed_case,
    extract_case,
)

DocumentErrorKind = Literal["damaged-case", "newer"]
# Headlines in the user's language for every way opening a referral can fail (gettext ids).
OPEN_ERRORS = {
    "too-large": N_("This file is too large to be a referral from Signaal, so it was not read."),
    "unreadable": N_("This file could not be read."),
    "not-pdf": N_("This file is not a PDF."),
    "damaged-pdf": N_("This PDF is damaged or cannot be read, so no case could be taken from it."),
    "encrypted": N_(
        "This PDF is protected with a password, so no case could be taken from it. Open the "
        "referral as Signaal saved it."
    ),
    "not-signaal": N_("This PDF was not made by Signaal: it holds no case to continue."),
    "no-case": N_(
        "This referral was saved without the case (or printed to PDF), so there is nothing to "
        "continue."
    ),
    "damaged-case": N_(
        "The case in this referral is damaged or was changed by hand, so it cannot be opened."
    ),
    "newer": N_(
        "This referral was saved by a newer version of Signaal. Update Signaal to continue "
        "this case."
    ),
}


class CaseDocumentError(Exception):
    """The embedded case cannot be used; `detail` names the field for developers and the CLI."""

    def __init__(self, kind: DocumentErrorKind, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind: DocumentErrorKind = kind
        self.detail = detail


@dataclass(frozen=True)
class OpenedCase:
    """A case read back from a referral, with what it carried beside the answers."""

    case: Case
    carried: Carried
    catalog_version: str


def signal_text(catalog: Catalog, indicator_id: str, language: str) -> str | None:
    """A signal's text as the referral prints it, or None for an id the catalog lacks."""
    found = catalog.indicators_by_id.get(indicator_id)
    return None if found is None else found[1].text.get(language)


def case_document(catalog: Catalog, case: Case, carried: Carried, language: str) -> bytes:
    """The JSON embedded in the referral: the case, its versions, history and signal texts."""
    current = catalog.info.version
    observations: list[dict[str, object]] = []
    signals: list[SavedSignal] = []
    for observation in case.observations:
        observations.append(observation.model_dump(mode="json"))
        text = signal_text(catalog, observation.indicator, language)
        if printed(observation) and text is not None:
            version = carried.versions.get(observation.indicator, current)
            signals.append(
                SavedSignal(id=observation.indicator, text=text, catalog_version=version)
            )
    for retired in carried.retired:
        observations.append(retired.observation.model_dump(mode="json"))
        if printed(retired.observation):
            signals.append(
                SavedSignal(
                    id=retired.observation.indicator,
                    text=retired.text,
                    catalog_version=retired.catalog_version,
                )
            )
    data = case.model_dump(mode="json")
    data["observations"] = observations
    document = CaseDocument(
        format=DOCUMENT_FORMAT,
        schema_version=SCHEMA_VERSION,
        catalog_version=current,
        history=carried.history,
        signals=signals,
        screen=carried.screen,
        case=data,
    )
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=1).encode()


def referral_with_case(
    catalog: Catalog,
    case: Case,
    assessment: Assessment,
    language: str,
    carried: Carried,
    *,
    today: dt.date,
    deterministic: bool = False,
    progress: Callable[[float], None] | None = None,
) -> tuple[bytes, Carried]:
    """The referral with the case embedded, and the history it now records (saved today).

    `progress` is passed on to `render_referral` (a worker thread shows it, and can cancel).
    """
    from signaal.report import render_referral

    stamped = carried.model_copy(update={"history": carried.history.stamped(today)})
    pdf = render_referral(
        catalog,
        case,
        assessment,
        language,
        deterministic=deterministic,
        carried=stamped,
        progress=progress,
    )
    return embed_case(pdf, case_document(catalog, case, stamped, language)), stamped


def open_referral(pdf: bytes, catalog: Catalog) -> OpenedCase:
    """The case a referral carries; `EmbeddedCaseError` or `CaseDocumentError` saying why not."""
    return read_case_document(extract_case(pdf), catalog)


def read_case_document(raw: bytes, catalog: Catalog) -> OpenedCase:
    """Validate an embedded case document against the case model and the current catalog."""
    try:
        data = load_json(raw, ATTACHMENT_NAME)
    except CaseFileError as error:
        raise CaseDocumentError("damaged-case", str(error)) from None
    if not isinstance(data, dict) or data.get("format") != DOCUMENT_FORMAT:
        raise CaseDocumentError("damaged-case", f"{ATTACHMENT_NAME}: not a Signaal case document")
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise CaseDocumentError("newer", f"schema version {excerpt(version)} > {SCHEMA_VERSION}")
    try:
        # Held to exactly the rules of a case file: strict, bounded, values clipped.
        document = validated(CaseDocument, data, ATTACHMENT_NAME)
    except CaseFileError as error:
        raise CaseDocumentError("damaged-case", str(error)) from None
    return _opened(document, catalog)


def _opened(document: CaseDocument, catalog: Catalog) -> OpenedCase:
    current = catalog.info.version
    saved = {signal.id: signal for signal in document.signals}
    # A signal merged into another one since is no retired signal: the case reader renames it.
    replaced = catalog.replaced_by
    case_data = dict(document.case)
    if document.screen.concerns_not_sure:  # schema version 1 kept it beside the case
        case_data.setdefault("concerns_not_sure", True)
    retired: list[RetiredObservation] = []
    observations = case_data.get("observations")
    if isinstance(observations, list):
        kept: list[object] = []
        for item in observations:
            indicator = item.get("indicator") if isinstance(item, dict) else None
            signal = saved.get(indicator) if isinstance(indicator, str) else None
            if (
                isinstance(indicator, str)
                and indicator not in catalog.indicators_by_id
                and indicator not in replaced
                and signal is not None
                and signal.catalog_version != current
            ):
                retired.append(_retired(item, signal))
            else:
                kept.append(item)
        case_data["observations"] = kept
    try:
        case = parse_case(case_data, catalog, ATTACHMENT_NAME)
    except CaseFileError as error:
        raise CaseDocumentError("damaged-case", str(error)) from None
    # Saved texts under the ids the case now uses (a merged signal's under its new id).
    saved = {replaced.get(key, key): signal for key, signal in saved.items()}
    for observation in case.observations:
        if printed(observation) and observation.indicator not in saved:
            raise CaseDocumentError(
                "damaged-case",
                f"{ATTACHMENT_NAME}: signal '{excerpt(observation.indicator)}' has no saved text",
            )
    versions = {
        o.indicator: saved[o.indicator].catalog_version
        for o in case.observations
        if o.indicator in saved and saved[o.indicator].catalog_version != current
    }
    carried = Carried(
        history=document.history, versions=versions, retired=retired, screen=document.screen
    )
    return OpenedCase(case=case, carried=carried, catalog_version=document.catalog_version)


def _retired(item: object, signal: SavedSignal) -> RetiredObservation:
    try:
        observation = validated(Observation, item, f"{ATTACHMENT_NAME}: {excerpt(signal.id)}")
    except CaseFileError as error:
        raise CaseDocumentError("damaged-case", str(error)) from None
    return RetiredObservation(
        observation=observation, text=signal.text, catalog_version=signal.catalog_version
    )


def open_error_message(
    error: EmbeddedCaseError | CaseDocumentError, gettext: Callable[[str], str]
) -> str:
    """The headline for a referral that cannot be opened, in the user's language."""
    return gettext(OPEN_ERRORS[error.kind])
