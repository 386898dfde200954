"""Architecture guard: the domain packages never pull in Qt (the window has its own tests)."""

from __future__ import annotations

import subprocess
import sys


def test_domain_imports_without_qt() -> None:
    code = (
        "import sys; sys.modules['PySide6'] = None\n"
        "import signaal.content, signaal.assessment, signaal.report, signaal.cli\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules if sys.modules[m])\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
