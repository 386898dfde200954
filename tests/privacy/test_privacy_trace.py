"""The strace log reader finds every kind of write and network use it is meant to find."""

# ruff: noqa: E501  (real strace lines are long)

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import privacy_trace as trace
import pytest

LOG = r"""
101 openat(AT_FDCWD</home/u>, "/etc/fonts/fonts.conf", O_RDONLY|O_CLOEXEC) = 3</etc/fonts/fonts.conf>
101 openat(AT_FDCWD</home/u>, "notes.txt", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 4</home/u/notes.txt>
101 openat(AT_FDCWD</home/u>, "/dev/null/x/y.conf", O_RDWR|O_CREAT, 0600) = -1 ENOTDIR (Not a directory)
102 openat(5</home/u/.cache>, "fontconfig/x.cache-9", O_RDWR|O_CREAT|O_EXCL, 0666 <unfinished ...>
101 close(3</etc/fonts/fonts.conf>)  = 0
102 <... openat resumed>) = 6</home/u/.cache/fontconfig/x.cache-9>
101 mkdirat(7</tmp>, "qt-run", 0700) = 0
101 mkdir("/dev/null/signaal-no-settings", 0777) = -1 ENOTDIR (Not a directory)
101 renameat2(AT_FDCWD</w>, "a.tmp", AT_FDCWD</w>, "a.json", RENAME_NOREPLACE) = 0
101 unlink("/tmp/gone") = 0
101 creat("/tmp/made", 0644) = 8</tmp/made>
101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 9<socket:[1]>
101 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 10<UDPv6:[2]>
101 socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 11<NETLINK:[3]>
101 connect(9<socket:[1]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("10.0.0.1")}, 16) = -1 ENETUNREACH (Network is unreachable)
101 bind(12<socket:[4]>, {sun_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X0"}, 20) = 0
101 bind(13<socket:[5]>, {sun_family=AF_UNIX, sun_path="/run/user/0/app.sock"}, 23) = 0
101 write(1<pipe:[9]>, "hello, world", 12) = 12
"""


def parsed() -> list[trace.Call]:
    return list(trace.calls(LOG.strip().splitlines()))


def test_joins_unfinished_and_resumed_calls() -> None:
    opened = [c for c in parsed() if c.name == "openat" and c.pid == 102]
    assert len(opened) == 1
    assert opened[0].args[1] == '"fontconfig/x.cache-9"'
    assert opened[0].succeeded


def test_finds_every_successful_change_to_the_file_system() -> None:
    changes = {(w.call, w.path) for w in trace.writes(parsed())}
    assert changes == {
        ("openat", "/home/u/notes.txt"),
        ("openat", "/home/u/.cache/fontconfig/x.cache-9"),
        ("mkdirat", "/tmp/qt-run"),
        ("renameat2", "/w/a.json"),
        ("renameat2", "/w/a.tmp"),
        ("unlink", "/tmp/gone"),
        ("creat", "/tmp/made"),
        ("bind", "/run/user/0/app.sock"),
    }


def test_finds_sockets_that_can_reach_another_machine() -> None:
    found = [
        (c.name, c.args[0] if c.name == "socket" else c.args[1][:20])
        for c in trace.sockets(parsed())
    ]
    assert found == [("socket", "AF_INET6"), ("connect", "{sa_family=AF_INET, ")]


def test_reads_escaped_paths() -> None:
    assert trace.unquote(r'"/tmp/caf\303\251 \"x\""') == '/tmp/café "x"'
    assert trace.split_args(r'AT_FDCWD</a, b>, "c, \"d\"", O_RDONLY') == [
        "AT_FDCWD</a, b>",
        r'"c, \"d\""',
        "O_RDONLY",
    ]


@pytest.mark.slow
def test_a_real_trace_of_a_leaky_program_is_caught(tmp_path: Path) -> None:
    """The same strace call as the session test, on a program that does write."""
    reason = trace.strace_usable()
    if reason:
        pytest.skip(reason)
    log, home = tmp_path / "trace.log", tmp_path / "home"
    home.mkdir()
    program = (
        "import os, pathlib\n"
        "os.makedirs(os.path.join(os.environ['HOME'], '.cache', 'leak'))\n"
        "pathlib.Path(os.environ['HOME'], '.cache', 'leak', 'case.txt').write_text('x')\n"
        "os.rename(os.path.join(os.environ['HOME'], '.cache', 'leak', 'case.txt'), 'moved.txt')\n"
    )
    done = subprocess.run(
        trace.strace_command(log, sys.executable, "-B", "-c", program),
        cwd=home,
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    with log.open() as handle:
        found = {(w.call, w.path) for w in trace.writes(trace.calls(handle), cwd=str(home))}
    leak = home / ".cache" / "leak"
    assert ("mkdir", str(leak)) in found
    assert ("openat", str(leak / "case.txt")) in found
    assert ("rename", str(home / "moved.txt")) in found
    assert ("rename", str(leak / "case.txt")) in found
