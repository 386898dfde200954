"""Smoke-test a frozen Linux bundle: missing data files only show up in the frozen app.

    python3 packaging/smoke_test.py [dist/signaal] [--source-cli "uv run signaal-cli"]
    python3 packaging/smoke_test.py BUNDLE_DIR --cli-only     (Windows, macOS: checks 2 and 3)

Checks, in order (stdlib only; poppler's pdftotext is required, strace, Xvfb and ImageMagick
are used when installed):
1. the bundle holds Signaal's content, fonts, icons, compiled catalogs and qtbase_nl.qm, and
   none of the plugins that must stay out (VNC server, TLS, GTK theme);
2. the frozen `signaal-cli check-content` accepts the shipped catalog;
3. the frozen `signaal-cli report` renders a referral built from the shipped catalog in Dutch
   and English, and pdftotext finds the facts, the names with diacritics and the indicator
   texts; with --source-cli the text must equal the one rendered from source;
4. the frozen GUI starts offscreen, stays up, prints nothing but Qt's known offscreen notice,
   and (under strace) loads the Dutch catalogs and Qt translation and opens no network socket;
5. under Xvfb, the window is really painted (a screenshot that is not one flat colour).
Exit status 0 when every check passed; each failure is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

KNOWN_QT_NOTICES = ("This plugin does not support propagateSizeHints()",)
REQUIRED_FILES = (
    "_internal/signaal/resources/content/catalog.toml",
    "_internal/signaal/resources/content/.compiled/catalog.json",
    "_internal/signaal/resources/fonts/DejaVuSans.ttf",
    "_internal/signaal/resources/fonts/DejaVu-LICENSE.txt",
    "_internal/signaal/resources/icons/signaal.svg",
    "_internal/signaal/resources/icons/png/signaal-64.png",
    "_internal/PySide6/Qt/translations/qtbase_nl.qm",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
)
FORBIDDEN_FILES = (
    "_internal/PySide6/Qt/plugins/platforms/libqvnc.so",
    "_internal/PySide6/Qt/plugins/tls",
    "_internal/PySide6/Qt/plugins/networkinformation",
    "_internal/PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "_internal/PySide6/QtNetwork.abi3.so",
    "_internal/PySide6/QtQml.abi3.so",
    "_internal/libcups.so.2",
)
PERSON_NAME = "Łukasz Wiśniewski-Şükrü"
FACTS_MARKER = "Zag op dinsdag 3 maart om 7:40 uur een busje"
GUI_SECONDS = 5.0
CLI_NAME = "signaal-cli.exe" if sys.platform == "win32" else "signaal-cli"


class SmokeTest:
    def __init__(self, bundle: Path, source_cli: Sequence[str] | None, cli_only: bool) -> None:
        self.bundle = bundle
        self.source_cli = source_cli
        self.cli_only = cli_only
        self.failures: list[str] = []
        self.work = Path(tempfile.mkdtemp(prefix="signaal-smoke-"))

    # helpers ------------------------------------------------------------------------------
    def check(self, condition: bool, message: str) -> bool:
        print(("  ok    " if condition else "  FAIL  ") + message)
        if not condition:
            self.failures.append(message)
        return condition

    def environment(self) -> dict[str, str]:
        """A fresh, empty home: the frozen app must not depend on (or write to) the user's."""
        home = self.work / "home"
        home.mkdir(exist_ok=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "QT_", "XDG_")) and key not in ("VIRTUAL_ENV",)
        }
        env.update(HOME=str(home), TMPDIR=str(self.work), LANG="C.UTF-8")
        return env

    def cli(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.bundle / CLI_NAME), *arguments],
            capture_output=True,
            text=True,
            env=self.environment(),
            timeout=120,
            check=False,
        )

    # checks -------------------------------------------------------------------------------
    def layout(self) -> None:
        print("bundle layout")
        for relative in REQUIRED_FILES:
            self.check((self.bundle / relative).exists(), f"present: {relative}")
        catalogs = sorted((self.bundle / "_internal/signaal/translations/nl/LC_MESSAGES").glob("*"))
        self.check(
            bool(catalogs) and all(path.suffix == ".mo" for path in catalogs),
            f"compiled Dutch catalogs only: {[path.name for path in catalogs]}",
        )
        for relative in FORBIDDEN_FILES:
            self.check(not (self.bundle / relative).exists(), f"left out: {relative}")

    def check_content(self) -> None:
        print("signaal-cli check-content")
        result = self.cli("check-content")
        version = json.loads(self.cli("catalog", "--json").stdout)["info"]["version"]
        self.check(
            result.returncode == 0 and version in result.stdout and not result.stderr.strip(),
            f"exit {result.returncode}: {result.stdout.strip()} {result.stderr.strip()}",
        )

    def sample_case(self) -> tuple[dict[str, object], list[dict[str, str]]]:
        """A referral for the first role, with up to 12 indicators from the shipped catalog."""
        result = self.cli("catalog", "--json")
        catalog = json.loads(result.stdout)
        role = catalog["roles"][0]["id"]
        indicators = [
            indicator
            for checklist in catalog["checklists"]
            for indicator in checklist["indicators"]
        ][:12]
        observations = [
            {
                "indicator": indicator["id"],
                "status": "seen" if number % 2 == 0 else "told",
                "facts": f"{FACTS_MARKER} ({number}).",
                "when": "2026-03-03",
                **({"told_by": "person"} if number % 2 else {}),
            }
            for number, indicator in enumerate(indicators)
        ]
        case = {
            "role": role,
            "age": 19,
            "age_band": "18+",
            "concerns": [concern["id"] for concern in catalog["concerns"]],
            "observations": observations,
            "person": {"initials": "Ł.W.", "name": PERSON_NAME},
            "reporter": {"name": "Nguyễn Thị Hương", "organisation": "Huisartsenpraktijk Ωmega"},
        }
        return case, [indicator["text"] for indicator in indicators]

    def report(self) -> None:
        print("signaal-cli report")
        case, texts = self.sample_case()
        case_file = self.work / "case.json"
        case_file.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
        for language in ("nl", "en"):
            pdf = self.work / f"referral-{language}.pdf"
            result = self.cli(
                "report", str(case_file), "-o", str(pdf), "--lang", language, "--deterministic"
            )
            if not self.check(
                result.returncode == 0 and pdf.is_file(),
                f"{language}: exit {result.returncode} {result.stderr.strip()[-400:]}",
            ):
                continue
            self.check(pdf.read_bytes().startswith(b"%PDF-"), f"{language}: a PDF file")
            if shutil.which("pdftotext") is None:
                print("  skip  text checks: pdftotext (poppler) is not installed")
                continue
            text = pdf_text(pdf)
            flat = " ".join(text.split())
            self.check(FACTS_MARKER in flat, f"{language}: the facts are in the PDF")
            source_text = self.source_report(case_file, language)
            if PERSON_NAME in flat or source_text is None or PERSON_NAME in source_text:
                self.check(PERSON_NAME in flat, f"{language}: the name keeps its diacritics")
            else:
                print(f"  skip  {language}: this version of the report does not print the name")
            missing = [t[language] for t in texts if " ".join(t[language].split()) not in flat]
            self.check(not missing, f"{language}: every indicator text is in the PDF {missing}")
            if source_text is not None:
                self.check(source_text == text, f"{language}: same text as rendered from source")

    def source_report(self, case_file: Path, language: str) -> str | None:
        """The text of the same referral rendered by Signaal run from source, if asked for."""
        if not self.source_cli:
            return None
        source_pdf = self.work / f"source-{language}.pdf"
        arguments = ["report", str(case_file), "-o", str(source_pdf), "--lang", language]
        subprocess.run(
            [*self.source_cli, *arguments, "--deterministic"],
            check=True,
            capture_output=True,
        )
        return pdf_text(source_pdf)

    def gui_offscreen(self) -> None:
        print("signaal (GUI) offscreen")
        env = self.environment() | {"QT_QPA_PLATFORM": "offscreen"}
        trace = self.work / "strace.log"
        command = [str(self.bundle / "signaal")]
        traced = shutil.which("strace") is not None
        if traced:
            command = [
                "strace",
                "-f",
                "-qq",
                "-e",
                "trace=openat,socket",
                "-o",
                str(trace),
                *command,
            ]
        stderr = self.run_for(command, env, GUI_SECONDS)
        if stderr is None:
            return
        if traced:
            log = trace.read_text(errors="replace")
            opened = [line for line in log.splitlines() if "openat(" in line and "= -1" not in line]
            self.check(
                any("qtbase_nl.qm" in line for line in opened), "loads Qt's Dutch translation"
            )
            self.check(
                any("/translations/nl/LC_MESSAGES/" in line and ".mo" in line for line in opened),
                "loads Signaal's Dutch catalogs",
            )
            self.check(
                any("/resources/content/" in line for line in opened), "reads the shipped content"
            )
            inet = [line for line in log.splitlines() if "AF_INET" in line]
            self.check(not inet, f"opens no network socket {inet[:3]}")

    def run_for(self, command: list[str], env: dict[str, str], seconds: float) -> str | None:
        """Run the GUI for `seconds`; it must stay up and print nothing but known notices."""
        # A session of its own, so that the app and a tracer around it are stopped together.
        process = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=seconds)
        alive = process.poll() is None
        stdout, stderr = stop(process)
        if not self.check(alive, f"stays up {seconds:.0f} s (exit {process.returncode})"):
            print(stderr[-2000:])
            return None
        unexpected = [
            line
            for line in (stdout + stderr).splitlines()
            if line.strip() and not any(notice in line for notice in KNOWN_QT_NOTICES)
        ]
        self.check(not unexpected, f"no error output {unexpected[:5]}")
        return stderr

    def gui_painted(self) -> None:
        if not (shutil.which("Xvfb") and shutil.which("import")):
            print("signaal (GUI) under Xvfb: skipped (Xvfb or ImageMagick missing)")
            return
        print("signaal (GUI) under Xvfb")
        read_end, write_end = os.pipe()
        server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_end,),
            stderr=subprocess.DEVNULL,
        )
        os.close(write_end)
        try:
            display = ":" + read_display_number(read_end)
            env = self.environment() | {"DISPLAY": display}
            app = subprocess.Popen(
                [str(self.bundle / "signaal")],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            time.sleep(GUI_SECONDS)
            shot = self.work / "screen.png"
            subprocess.run(["import", "-window", "root", str(shot)], env=env, check=False)
            colours = subprocess.run(
                ["identify", "-format", "%k", str(shot)], capture_output=True, text=True
            ).stdout.strip()
            alive = app.poll() is None
            _out, errors = stop(app)
            self.check(alive, "stays up on a real X server")
            self.check(
                colours.isdigit() and int(colours) > 16,
                f"the window is painted ({colours} colours)",
            )
            unexpected = [line for line in errors.splitlines() if line.strip()]
            self.check(not unexpected, f"no error output on X {unexpected[:5]}")
        finally:
            server.terminate()
            server.wait(timeout=30)

    def run(self) -> int:
        try:
            if not self.cli_only:
                self.layout()
            self.check_content()
            self.report()
            if not self.cli_only:
                self.gui_offscreen()
                self.gui_painted()
        finally:
            shutil.rmtree(self.work, ignore_errors=True)
        if self.failures:
            print(f"smoke test FAILED: {len(self.failures)} problem(s)")
            return 1
        print("smoke test passed")
        return 0


def read_display_number(descriptor: int) -> str:
    """Xvfb writes "N\\n" when ready; reading less and closing would make it exit (EPIPE)."""
    data = b""
    while not data.endswith(b"\n"):
        chunk = os.read(descriptor, 16)
        if not chunk:
            break
        data += chunk
    os.close(descriptor)
    return data.decode().strip()


def stop(process: subprocess.Popen[str]) -> tuple[str, str]:
    """End a process started in its own session (SIGTERM, then SIGKILL); return its output."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, sig)
        try:
            return process.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            continue
    return process.communicate()


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=Path("dist/signaal"))
    parser.add_argument(
        "--source-cli", help='command running signaal-cli from source, e.g. "uv run signaal-cli"'
    )
    parser.add_argument(
        "--cli-only",
        action="store_true",
        help="only the command-line checks (Windows and macOS runners, no display tools)",
    )
    arguments = parser.parse_args(argv)
    if not (arguments.bundle / CLI_NAME).is_file():
        print(f"no bundle at {arguments.bundle}; build it with packaging/build_linux.sh")
        return 2
    source_cli = shlex.split(arguments.source_cli) if arguments.source_cli else None
    return SmokeTest(arguments.bundle.resolve(), source_cli, arguments.cli_only).run()


if __name__ == "__main__":
    raise SystemExit(main())
