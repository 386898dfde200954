"""Benchmark: render the referral PDF, against a plain reportlab document of the same text.

    ./dev uv run --group bench python bench/report.py [--repeats 15] [--case FILE] [--profile]

Two referrals: "typical", a real case file from tests/cases (TYPICAL_CASE, or --case), and
"large", a synthetic stress case (200 observations with long facts). The baseline for each is a
plain reportlab
document (SimpleDocTemplate, one Paragraph per paragraph, the same embedded DejaVu font
registered once) holding exactly the text that extraction (pypdf) finds in Signaal's PDF, wrapped
lines joined again — the same words, without Signaal's layout: no tables, header, footer, chart
or styles.
Every render is timed with the garbage collector on, as in the app. "First render" is what the
first referral costs in a fresh process: importing reportlab, registering the fonts and rendering
the typical case; the warm figures are the renders after it.
Goals: the first typical render under 300 ms, and a warm one at most 1.5× the plain document.
When the shipped catalog has fewer indicators than needed, a catalog with every checklist
copied (bench/content.py's generator) supplies them. `--profile` prints a pyinstrument profile
of the typical render.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import math
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Series, ensure_bytecode_cache, interleaved, print_table, verdict
from content import generate_scaled_content
from signaal.assessment import Case, Observation, assess
from signaal.assessment.case_file import read_case
from signaal.content import Catalog, load_catalog
from signaal.report import render_referral
from signaal.report.fonts import register_fonts
from signaal.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent
TYPICAL_CASE = ROOT / "tests" / "cases" / "gp-adult-seasonal-worker.json"
GOAL_MS = 300.0
GOAL_RATIO = 1.5
ENDINGS = (".", ":", "!", "?", ")", "»", '"')
FACTS = (
    "Op maandag 2 maart om 8:10 uur zag ik bij het hek dat een man in een grijs busje hem "
    "afzette. Hij had dezelfde kleren aan als vrijdag en vertelde dat hij tot 23:00 uur had "
    "gewerkt. Aanwezig: ik en mijn collega J. de Vries."
)
LONG_FACTS = " ".join(
    f"({n}) Op {n % 28 + 1} februari vertelde zij dat ze 'elke dag veertien uur' in de kas "
    f"werkt, dat haar paspoort 'bij de baas in de la' ligt en dat ze € {300 + n} per maand "
    "terugbetaalt voor reis en kamer; ze wilde niet dat ik iemand belde."
    for n in range(12)
)


def catalog_with(indicators: int) -> Catalog:
    catalog = load_catalog()
    if len(catalog.indicators_by_id) >= indicators:
        return catalog
    scale = math.ceil(indicators / max(1, len(catalog.indicators_by_id)))
    scratch = Path(tempfile.mkdtemp(prefix="signaal-bench-"))
    generate_scaled_content(resource_path("content"), scratch / "content", scale)
    return load_catalog(scratch / "content")


def referral_case(catalog: Catalog, count: int, facts: str) -> Case:
    role = next((r.id for r in catalog.roles if r.id == "gp"), catalog.roles[0].id)
    ids = list(catalog.indicators_by_id)[:count]
    observations = [
        Observation(
            indicator=indicator_id,
            status="told" if number % 3 == 1 else "seen",
            told_by="person" if number % 3 == 1 else None,
            facts=f"{facts} [{number}]",
            quote="Ik mag niet weg voordat alles is afbetaald." if number % 5 == 0 else "",
            when=f"{number % 28 + 1} maart 2026",
            observer="ik" if number % 3 != 1 else "",
        )
        for number, indicator_id in enumerate(ids)
    ]
    case = Case(
        role=role,
        age=24,
        concerns=[concern.id for concern in catalog.concerns],
        observations=observations,
    )
    case.person.initials = "Ł.W."
    case.person.name = "Łukasz Wiśniewski"
    case.reporter.name = "Nguyễn Thị Hương"
    case.reporter.organisation = "Huisartsenpraktijk De Linde"
    case.meldcode_steps.consultation.done = True
    case.meldcode_steps.consultation.with_whom = "aandachtsfunctionaris"
    case.meldcode_steps.consultation.on = dt.date(2026, 3, 4)
    case.decision.decision = "Melden bij Veilig Thuis"
    case.decision.reasoning = "Meerdere sterke signalen, gesprek bevestigt de zorgen."
    return case


def pdf_paragraphs(pdf: bytes) -> list[str]:
    """The text of a PDF as paragraphs: extracted lines, with wrapped lines joined again."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    lines = [line.strip() for page in reader.pages for line in page.extract_text().splitlines()]
    paragraphs: list[str] = []
    for line in filter(None, lines):
        continues = paragraphs and (line[0].islower() or not paragraphs[-1].endswith(ENDINGS))
        if continues:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def plain_document(paragraphs: list[str]) -> bytes:
    """The same text as a bare reportlab story: no tables, header, footer, chart or styles."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("plain", fontName=register_fonts(), fontSize=10, leading=13)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, invariant=1)
    document.build([Paragraph(escape(text), style) for text in paragraphs])
    return buffer.getvalue()


def timed_with_gc(action: Callable[[], object]) -> Callable[[], float]:
    """Wall time of one call in ms, the garbage collector running as it would in the app."""

    def run() -> float:
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000

    return run


def first_render_ms(case_file: Path, warmed: bool = False) -> float:
    """The first referral in a fresh interpreter: reportlab's import, fonts and the render.

    `warmed`: as in the running app, which loads the PDF code on a helper thread once the window
    works (`signaal.report.warm`); the render starts after that has finished.
    """
    warm = "from signaal.report.warm import warm_up; warm_up()\n" if warmed else ""
    code = (
        "import sys, time\n"
        f"{warm}"
        "from pathlib import Path\n"
        "from signaal.assessment import assess\n"
        "from signaal.assessment.case_file import read_case\n"
        "from signaal.content import load_catalog\n"
        "catalog = load_catalog()\n"
        f"case = read_case(Path({str(case_file)!r}), catalog)\n"
        "result = assess(catalog, case)\n"
        "t = time.perf_counter()\n"
        "from signaal.report import render_referral\n"
        "render_referral(catalog, case, result, 'nl')\n"
        "print((time.perf_counter() - t) * 1000)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--case", type=Path, default=TYPICAL_CASE, help="the typical case file")
    parser.add_argument("--profile", action="store_true", help="pyinstrument the typical render")
    arguments = parser.parse_args()
    ensure_bytecode_cache()

    first = Series(f"first render, new process ({arguments.case.name})")
    first_in_app = Series("first render in the app (after its warm-up)")
    for _ in range(3):
        first.add(first_render_ms(arguments.case))
        first_in_app.add(first_render_ms(arguments.case, warmed=True))
    catalog = catalog_with(200)
    typical_case = read_case(arguments.case, catalog)
    large_case = referral_case(catalog, 200, LONG_FACTS)
    typical_result = assess(catalog, typical_case)
    large_result = assess(catalog, large_case)

    def typical() -> bytes:
        return render_referral(catalog, typical_case, typical_result, "nl")

    def large() -> bytes:
        return render_referral(catalog, large_case, large_result, "nl")

    typical_pdf, large_pdf = typical(), large()
    typical_lines, large_lines = pdf_paragraphs(typical_pdf), pdf_paragraphs(large_pdf)
    pages = {
        name: len(__import__("pypdf").PdfReader(io.BytesIO(pdf)).pages)
        for name, pdf in (("typical", typical_pdf), ("large", large_pdf))
    }

    timed = timed_with_gc
    observed = len(typical_case.observations)
    signaal_typical = Series(f"Signaal, typical ({observed} obs., {pages['typical']} p.)")
    plain_typical = Series("plain reportlab, same text")
    signaal_large = Series(f"Signaal, large synthetic (200 obs., {pages['large']} p.)")
    plain_large = Series("plain reportlab, same text ")
    assess_typical = Series("assess(), typical case")
    interleaved(
        [
            (signaal_typical, timed(typical)),
            (plain_typical, timed(lambda: plain_document(typical_lines))),
            (signaal_large, timed(large)),
            (plain_large, timed(lambda: plain_document(large_lines))),
            (assess_typical, timed(lambda: assess(catalog, typical_case))),
        ],
        repeats=arguments.repeats,
    )
    print_table("Referral PDF, typical", [signaal_typical, plain_typical], baseline=plain_typical)
    print_table("Referral PDF, large", [signaal_large, plain_large], baseline=plain_large)
    print_table("Other", [assess_typical, first, first_in_app])
    print()
    print(verdict("first typical render in the running app", first_in_app.median, GOAL_MS, " ms"))
    print(f"  first typical render in a new process, nothing warmed: {first.median:.0f} ms")
    print(verdict("warm typical render, median", signaal_typical.median, GOAL_MS, " ms"))
    ratio = signaal_typical.median / plain_typical.median
    print(verdict("typical against plain reportlab", ratio, GOAL_RATIO, "×"))
    print(f"  sizes: typical {len(typical_pdf) // 1024} KB, large {len(large_pdf) // 1024} KB")

    if arguments.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(5):
            typical()
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
