"""Print the referral through Qt to a real CUPS queue with a PDF printer, and read what came out.

The test starts its own cupsd (listening only on a private local socket, so the machine's CUPS,
if any, is untouched), adds a cups-pdf queue whose output goes to a temporary folder, prints
through `QPrinter.setPrinterName` in a child process, waits for the job to complete and checks
the text of the PDF the queue produced.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_cases import case_for

from signaal.assessment import assess
from signaal.content import Catalog
from signaal.report import render_referral

pytestmark = pytest.mark.slow

BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPD_FOLDER = Path("/usr/share/ppd/cups-pdf")
TOOLS = ("cupsd", "lpadmin", "lpstat", "cupsenable", "cupsaccept", "pdftotext")
JOB_TIMEOUT = 90.0


@dataclass(frozen=True)
class Queue:
    name: str
    env: dict[str, str]
    output: Path
    log: Path


def _wait(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not happen within {timeout:.0f} s")


def _run(env: dict[str, str], *command: str) -> str:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=30)
    if done.returncode:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return done.stdout


def _write_config(root: Path) -> dict[str, Path]:
    paths = {name: root / name for name in ("conf", "spool", "cache", "state", "tmp", "out", "log")}
    for path in paths.values():
        path.mkdir(mode=0o755)
    # cupsd runs filters as user lp: it must reach the spool and write the temporary files.
    paths["spool"].chmod(0o710)
    shutil.chown(paths["spool"], group="lp")
    for shared in ("tmp", "out"):
        paths[shared].chmod(0o1777)
    socket = root / "cups.sock"
    (paths["conf"] / "cups-files.conf").write_text(
        f"ServerRoot {paths['conf']}\nRequestRoot {paths['spool']}\nCacheDir {paths['cache']}\n"
        f"StateDir {paths['state']}\nTempDir {paths['tmp']}\n"
        f"ErrorLog {paths['log']}/error_log\nAccessLog {paths['log']}/access_log\n"
        f"PageLog {paths['log']}/page_log\nServerBin /usr/lib/cups\nDataDir /usr/share/cups\n"
        f"Printcap {root}/printcap\nUser lp\nGroup lp\nSystemGroup root\n"
    )
    # Only a local socket: the scheduler opens no network port.
    (paths["conf"] / "cupsd.conf").write_text(
        f"Listen {socket}\nBrowsing No\nLogLevel warn\nDefaultAuthType None\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n"
    )
    paths["socket"] = socket
    return paths


@pytest.fixture(scope="module")
def cups_queue() -> Iterator[Queue]:
    if os.geteuid() != 0:
        pytest.skip("cupsd with the cups-pdf backend needs root (CI runs as root)")
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    ppds = sorted(PPD_FOLDER.glob("CUPS-PDF*.ppd"))
    if missing or not BACKEND.exists() or not ppds:
        pytest.skip(
            f"cups or printer-driver-cups-pdf not installed (missing: {missing or BACKEND})"
        )
    # Not under pytest's private tmp folder: the filters run as user lp and must reach it.
    root = Path(tempfile.mkdtemp(prefix="signaal-cups-"))
    root.chmod(0o755)
    paths = _write_config(root)
    log = paths["log"] / "error_log"
    cupsd = subprocess.Popen(
        [
            shutil.which("cupsd") or "cupsd",
            "-f",
            "-c",
            str(paths["conf"] / "cupsd.conf"),
            "-s",
            str(paths["conf"] / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    env = {**os.environ, "CUPS_SERVER": str(paths["socket"])}
    name = f"SignaalPDF{os.getpid()}"
    # cups-pdf reads the settings of instance NAME from this fixed place.
    instance = Path(f"/etc/cups/cups-pdf-{name}.conf")
    try:
        try:
            _wait(paths["socket"].exists, 15, "cupsd start")
            _wait(lambda: "is running" in _run(env, "lpstat", "-r"), 15, "cupsd ready")
        except (TimeoutError, RuntimeError) as error:
            details = log.read_text()[-2000:] if log.exists() else ""
            pytest.skip(f"cupsd could not start: {error}\n{details}")
        instance.write_text(
            f"Out {paths['out']}\nAnonDirName {paths['out']}\nSpool {paths['tmp']}\n"
            f"Log {paths['log']}\nLabel 0\n"
        )
        # pdftocairo keeps the text searchable on its way through PostScript to cups-pdf.
        _run(
            env,
            "lpadmin",
            "-p",
            name,
            "-v",
            f"cups-pdf:/{name}",
            "-P",
            str(ppds[0]),
            "-o",
            "pdftops-renderer-default=pdftocairo",
            "-E",
        )
        _run(env, "cupsenable", name)
        _run(env, "cupsaccept", name)
        yield Queue(name=name, env=env, output=paths["out"], log=log)
    finally:
        subprocess.run(["lpadmin", "-x", name], env=env, capture_output=True, timeout=30)
        instance.unlink(missing_ok=True)
        cupsd.terminate()
        try:
            cupsd.wait(timeout=15)
        except subprocess.TimeoutExpired:
            cupsd.kill()
            cupsd.wait(timeout=15)
        shutil.rmtree(root, ignore_errors=True)


def test_referral_comes_out_of_a_real_print_queue(
    cups_queue: Queue, catalog: Catalog, tmp_path: Path
) -> None:
    case = case_for(catalog, "teacher", 14, count=8)
    pdf = render_referral(catalog, case, assess(catalog, case), "nl")
    source = tmp_path / "referral.pdf"  # the test's input; the app prints from memory
    source.write_bytes(pdf)
    helper = Path(__file__).with_name("print_job.py")
    env = {
        **cups_queue.env,
        "QT_QPA_PLATFORM": "offscreen",
        "DBUS_SESSION_BUS_ADDRESS": "disabled:",
    }
    job = subprocess.run(
        [sys.executable, str(helper), cups_queue.name, str(source)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert job.returncode == 0, job.stderr

    def completed() -> bool:
        listing = _run(cups_queue.env, "lpstat", "-W", "completed", "-o", cups_queue.name)
        return cups_queue.name in listing and any(cups_queue.output.glob("*.pdf"))

    try:
        _wait(completed, JOB_TIMEOUT, "the print job")
    except TimeoutError:
        pending = _run(cups_queue.env, "lpstat", "-W", "not-completed", "-o", cups_queue.name)
        log = cups_queue.log.read_text()[-3000:] if cups_queue.log.exists() else ""
        pytest.fail(f"job did not complete; pending: {pending!r}\n{log}")
    [printed] = cups_queue.output.glob("*.pdf")
    _wait(lambda: printed.stat().st_size > 0, 10, "the output file")
    text = subprocess.run(
        ["pdftotext", "-layout", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = subprocess.run(
        ["pdfinfo", str(printed)], capture_output=True, text=True, check=True
    ).stdout
    assert "VERTROUWELIJK" in text
    assert "Melding vanuit school" in text
    assert "Eigen waarnemingen" in text
    # The queue turns the job into PostScript and back: the text layer keeps Latin-1 only
    # (every character is in the printed image); the names are checked in test_app_pdf.
    for number in range(len(case.observations)):
        assert f"Feit nummer {number}:" in text
    expected_pages = len(PdfReader(source).pages)
    assert re.search(rf"^Pages:\s+{expected_pages}$", pages, re.MULTILINE), pages
    assert "A4" in pages
