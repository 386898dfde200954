"""`signaal-cli`: check content, print the catalog or case schema, assess a case, render a report.

It calls the same functions as the desktop app, and never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from signaal.assessment import Case
    from signaal.content import Catalog, ContentError

EXIT_OK = 0
EXIT_CONTENT = 1
EXIT_USAGE = 2


def main(argv: Sequence[str] | None = None) -> int:
    from signaal.app import disable_pydantic_plugins

    disable_pydantic_plugins()
    parser = _parser()
    arguments = parser.parse_args(argv)
    handler = arguments.handler
    try:
        return int(handler(arguments))
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="signaal-cli", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check-content", help="validate a content folder")
    check.add_argument("directory", nargs="?", type=Path, help="default: the shipped content")
    check.set_defaults(handler=_check_content)

    catalog = commands.add_parser("catalog", help="print the validated catalog")
    catalog.add_argument("--json", action="store_true", required=True, help="as JSON")
    catalog.add_argument("--content", type=Path, help="content folder (default: shipped)")
    catalog.set_defaults(handler=_catalog)

    schema = commands.add_parser("schema", help="print the JSON Schema of a case file")
    schema.set_defaults(handler=_schema)

    assess = commands.add_parser("assess", help="print the assessment of a case file as JSON")
    assess.add_argument("case", type=Path)
    assess.add_argument("--lang", choices=("nl", "en"), default="nl")
    assess.add_argument("--content", type=Path, help="content folder (default: shipped)")
    assess.set_defaults(handler=_assess)

    report = commands.add_parser("report", help="render the referral PDF of a case file")
    report.add_argument("case", type=Path)
    report.add_argument("-o", "--output", type=Path, required=True)
    report.add_argument("--lang", choices=("nl", "en"), default=None)
    report.add_argument("--content", type=Path, help="content folder (default: shipped)")
    report.add_argument(
        "--deterministic", action="store_true", help="byte-identical output for the same input"
    )
    report.add_argument(
        "--no-case",
        action="store_true",
        help="leave the case out of the PDF (by default it is embedded to continue later)",
    )
    report.set_defaults(handler=_report)

    case = commands.add_parser("case", help="print the case embedded in a referral PDF as JSON")
    case.add_argument("referral", type=Path)
    case.add_argument(
        "--document",
        action="store_true",
        help="the whole embedded document: versions, history and signal texts besides the case",
    )
    case.add_argument("--content", type=Path, help="content folder (default: shipped)")
    case.set_defaults(handler=_case)
    return parser


def _fail(message: str, code: int = EXIT_USAGE) -> int:
    from signaal.messages import terminal_safe

    print(f"signaal-cli: {terminal_safe(message)}", file=sys.stderr)
    return code


def _content_failure(error: ContentError) -> int:
    """At most twenty of the content's problems and a count of the rest."""
    from signaal.messages import bounded

    return _fail("\n".join(bounded([str(problem) for problem in error.problems])), EXIT_CONTENT)


def _load(directory: Path | None):  # type: ignore[no-untyped-def]
    from signaal.content import load_catalog

    return load_catalog(directory)


def _check_content(arguments: argparse.Namespace) -> int:
    """Validate a content folder from its TOML (never the compiled copy), for content editors."""
    from signaal.content import ContentError, load_catalog
    from signaal.content.loader import check_compiled
    from signaal.i18n import _
    from signaal.messages import bounded

    try:
        catalog = load_catalog(arguments.directory, use_compiled=False)
        # The app may load the compiled copy instead: it must say the same as the TOML.
        stale = check_compiled(arguments.directory, catalog)
        if stale:
            raise ContentError(stale)
    except ContentError as error:
        more = _("… and {count} more problems").format
        for problem in bounded(
            [str(problem) for problem in error.problems], more=lambda count: more(count=count)
        ):
            print(problem, file=sys.stderr)
        print(
            _("Problems found: {count}. The content cannot be used like this.").format(
                count=len(error.problems)
            ),
            file=sys.stderr,
        )
        return EXIT_CONTENT
    # Checks on what a reader sees and can verify: no editors' notes in shown texts, and
    # sources that name a specific page with its access date.
    from signaal.content.editorial import editorial_problems, source_problems

    found = editorial_problems(catalog) + source_problems(catalog)
    if found:
        for kind, entry_id, field, message in found:
            print(f"{kind}.{entry_id}.{field}: {message}", file=sys.stderr)
        print(
            _("Problems found: {count}. The content cannot be used like this.").format(
                count=len(found)
            ),
            file=sys.stderr,
        )
        return EXIT_CONTENT
    print(
        _(
            "Content OK: version {version} of {date}, {indicators} indicators on "
            "{checklists} checklists, {contacts} contacts, {rules} routing rules."
        ).format(
            version=catalog.info.version,
            date=catalog.info.date.isoformat(),
            indicators=len(catalog.indicators_by_id),
            checklists=len(catalog.checklists),
            contacts=len(catalog.contacts),
            rules=len(catalog.routing_rules),
        )
    )
    return EXIT_OK


def _catalog(arguments: argparse.Namespace) -> int:
    """The whole validated catalog as JSON, plus a flat `indicators` list naming each one's list."""
    from signaal.content import Catalog, ContentError, load_catalog
    from signaal.content.loader import validator

    try:
        catalog = load_catalog(arguments.content)
    except ContentError as error:
        return _content_failure(error)
    data = validator(Catalog).dump_python(catalog, mode="json")
    indicators = []
    for checklist in data["checklists"]:
        for indicator in checklist["indicators"]:
            indicator["list"] = checklist["id"]
            indicators.append(
                {
                    "id": indicator["id"],
                    "list": checklist["id"],
                    "kind": checklist["kind"],
                    **indicator,
                }
            )
    data["indicators"] = indicators
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    """The JSON Schema (draft 2020-12, as pydantic writes it) of what `assess` reads."""
    from signaal.assessment import Case

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Case.model_json_schema(),
        "title": "Signaal case",
    }
    print(json.dumps(schema, indent=2, ensure_ascii=False))
    return EXIT_OK


def _catalog_and_case(arguments: argparse.Namespace) -> tuple[Catalog, Case] | int:
    """The content and the case file the command names, or the exit code after saying why."""
    from signaal.assessment.case_file import CaseFileError, read_case
    from signaal.content import ContentError

    try:
        catalog = _load(arguments.content)
        return catalog, read_case(arguments.case, catalog)
    except ContentError as error:
        return _content_failure(error)
    except CaseFileError as error:
        return _fail(str(error))


def _assess(arguments: argparse.Namespace) -> int:
    from signaal.assessment import assess
    from signaal.assessment.json_output import assessment_json

    inputs = _catalog_and_case(arguments)
    if isinstance(inputs, int):
        return inputs
    catalog, case = inputs
    result = assessment_json(assess(catalog, case), arguments.lang)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return EXIT_OK


def _report(arguments: argparse.Namespace) -> int:
    inputs = _catalog_and_case(arguments)
    if isinstance(inputs, int):
        return inputs
    catalog, case = inputs
    language = arguments.lang or case.language
    try:
        pdf = _render_report(catalog, case, language, arguments)
    except Exception as error:  # never a traceback that quotes the case
        # Only the kind of error: its message may quote case text.
        from signaal.messages import error_kind, excerpt

        # One line: the file's name clipped like in every case-file message, and the kind.
        name = excerpt(str(arguments.case), 200)
        return _fail(f"{name}: the referral could not be made ({error_kind(error)})", EXIT_CONTENT)
    try:
        arguments.output.write_bytes(pdf)
    except OSError as error:
        return _fail(f"{arguments.output}: cannot write the PDF: {error.strerror or error}")
    print(f"{arguments.output}: {len(pdf)} bytes")
    return EXIT_OK


def _case(arguments: argparse.Namespace) -> int:
    """The case a referral carries, as a case file `assess` and `report` read (exit 2 if none)."""
    from signaal.content import ContentError
    from signaal.i18n import _
    from signaal.messages import terminal_safe
    from signaal.report.case_document import (
        CaseDocumentError,
        open_error_message,
        open_referral,
    )
    from signaal.report.embedded_case import EmbeddedCaseError, read_referral_file

    try:
        catalog = _load(arguments.content)
    except ContentError as error:
        return _content_failure(error)
    try:
        opened = open_referral(read_referral_file(arguments.referral), catalog)
    except (EmbeddedCaseError, CaseDocumentError) as error:
        message = f"{arguments.referral}: {open_error_message(error, _)}"
        return _fail(f"{message}\n{error.detail}" if error.detail else message)
    case = opened.case.model_dump(mode="json")
    # A signal the current catalog lacks stays in the case, as it was saved.
    case["observations"] += [r.observation.model_dump(mode="json") for r in opened.carried.retired]
    for retired in opened.carried.retired:
        print(
            terminal_safe(
                _("Signal no longer in the catalog (version {version}): {text}").format(
                    version=retired.catalog_version, text=retired.text
                )
            ),
            file=sys.stderr,
        )
    if arguments.document:
        output: object = {
            "catalog_version": opened.catalog_version,
            "carried": opened.carried.model_dump(mode="json"),
            "case": case,
        }
    else:
        output = case
    print(json.dumps(output, indent=2, ensure_ascii=False))
    return EXIT_OK


def _render_report(
    catalog: Catalog, case: Case, language: str, arguments: argparse.Namespace
) -> bytes:
    """The referral PDF, with the case embedded unless `--no-case` says otherwise."""
    from signaal.assessment import assess
    from signaal.report import render_referral

    if arguments.no_case:
        return render_referral(
            catalog, case, assess(catalog, case), language, deterministic=arguments.deterministic
        )
    import datetime as dt

    from signaal.assessment.carried import Carried
    from signaal.report.case_document import referral_with_case
    from signaal.report.render import document_date

    pdf, _carried = referral_with_case(
        catalog,
        case,
        assess(catalog, case),
        language,
        Carried(),
        today=document_date(catalog, arguments.deterministic)
        if arguments.deterministic
        else dt.date.today(),
        deterministic=arguments.deterministic,
    )
    return pdf


if __name__ == "__main__":
    raise SystemExit(main())
