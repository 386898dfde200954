"""The smoke test's own process handling: Xvfb's display number and stopping a process group."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from smoke_test import read_display_number, stop


def test_reads_the_whole_display_number_even_when_written_in_pieces() -> None:
    read_end, write_end = os.pipe()

    def write() -> None:
        os.write(write_end, b"1")
        os.write(write_end, b"23\n")
        os.close(write_end)

    writer = threading.Thread(target=write)
    writer.start()
    assert read_display_number(read_end) == "123"
    writer.join()


def test_stop_ends_the_whole_session_and_returns_output() -> None:
    # A parent that ignores SIGTERM's default only through its child: both must end.
    code = (
        "import subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print('started', flush=True)\n"
        "time.sleep(60)\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "started\n"
    stdout, _stderr = stop(process)
    assert process.returncode is not None
    assert stdout == ""
    # No member of the session is left running (a killed orphan may linger as a zombie until
    # the container's init reaps it; that is not running).
    deadline = time.monotonic() + 5
    while running_in_session(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)  # a signalled process needs a moment to finish dying
    assert running_in_session(process.pid) == []


def running_in_session(session: int) -> list[int]:
    running = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        state, session_id = fields[0], int(fields[4])
        if session_id == session and state != "Z":
            running.append(int(stat.parent.name))
    return running
