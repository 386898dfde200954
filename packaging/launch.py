"""Entry point of the frozen bundle: `signaal` starts the desktop app, `signaal-cli` the CLI.

One script and one analysis serve both executables, so the bundle carries the Python code once.
On Linux `signaal-cli` is a symbolic link to `signaal`; on Windows and macOS it is a second
executable (a console program on Windows). The name the program was started by decides.
"""

import sys
from pathlib import PurePath


def started_as_cli(argv0: str) -> bool:
    name = PurePath(argv0.replace("\\", "/")).name.lower()
    return name.removesuffix(".exe") == "signaal-cli"


def run() -> int:
    if started_as_cli(sys.argv[0]):
        from signaal.cli import main
    else:
        from signaal.app import main
    return main()


if __name__ == "__main__":
    raise SystemExit(run())
