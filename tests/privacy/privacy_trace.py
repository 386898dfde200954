"""Run a program under `strace -f -qq -yy`, read the log and pick out what matters for privacy.

What counts as *writing to the disk*: a successful open/openat/openat2/creat with a write flag
(O_WRONLY, O_RDWR, O_CREAT, O_TRUNC), and every successful mkdir, rename, unlink, rmdir, link,
symlink, truncate, mknod or bind of a named (non-abstract) Unix socket. What counts as *the
network*: any socket that is not AF_UNIX (AF_INET, AF_INET6, AF_PACKET, AF_NETLINK is allowed: it
only talks to the local kernel, see `NETWORK_FAMILIES_ALLOWED`), and any connect/sendto to an
internet address.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

_LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<rest>.*)$")
_CALL = re.compile(r"^(?P<name>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+|\?)(?P<tail>.*)$")
_RESUMED = re.compile(r"^<\.\.\. (?P<name>\w+) resumed>(?P<rest>.*)$")

WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC")
OPEN_CALLS = {"open", "openat", "openat2", "creat"}
# name → index of the argument holding the path that changes (for the *at calls: the dirfd
# is the argument before it).
CHANGE_CALLS = {
    "mkdir": 0,
    "mkdirat": 1,
    "rmdir": 0,
    "unlink": 0,
    "unlinkat": 1,
    "rename": 1,
    "renameat": 3,
    "renameat2": 3,
    "link": 1,
    "linkat": 3,
    "symlink": 1,
    "symlinkat": 2,
    "truncate": 0,
    "mknod": 0,
    "mknodat": 1,
}
# The source of a rename also changes: a file disappears from there.
RENAME_SOURCES = {"rename": 0, "renameat": 1, "renameat2": 1}
# Netlink sockets talk to the local kernel only (e.g. glib asking for network interfaces);
# they cannot reach another machine.
NETWORK_FAMILIES_ALLOWED = {"AF_UNIX", "AF_LOCAL", "AF_NETLINK"}


def strace_usable() -> str | None:
    """Why strace cannot trace here, or None when it can."""
    if shutil.which("strace") is None:
        return "strace is not installed (CI installs it: .ci/run)"
    probe = subprocess.run(
        ["strace", "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        return f"ptrace is not permitted here: {probe.stderr.decode(errors='replace').strip()}"
    return None


def strace_command(log: Path, *program: str) -> list[str]:
    """`program` under strace as every trace here runs it: threads and children too, each
    descriptor with its path, every file, network and descriptor call, written to `log`."""
    options = ["-f", "-qq", "-yy", "-e", "trace=%file,%network,%desc", "-o", str(log)]
    return ["strace", *options, *program]


@dataclass(frozen=True)
class Call:
    pid: int
    name: str
    args: list[str]
    result: str
    tail: str

    @property
    def succeeded(self) -> bool:
        return self.result not in {"?"} and not self.result.startswith("-")


@dataclass(frozen=True)
class Write:
    """One change to the file system that the traced process made."""

    call: str
    path: str
    detail: str


def calls(lines: Iterable[str]) -> Iterator[Call]:
    """Every completed system call, with `<unfinished ...>`/`<... resumed>` pairs joined."""
    pending: dict[int, str] = {}
    for raw in lines:
        line = _LINE.match(raw.rstrip("\n"))
        if line is None:
            continue
        pid, rest = int(line["pid"]), line["rest"]
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest[: -len("<unfinished ...>")].rstrip()
            continue
        resumed = _RESUMED.match(rest)
        if resumed is not None:
            start = pending.pop(pid, f"{resumed['name']}(")
            rest = start + resumed["rest"]
        call = _CALL.match(rest)
        if call is None:
            continue
        yield Call(pid, call["name"], split_args(call["args"]), call["result"], call["tail"])


def split_args(text: str) -> list[str]:
    """Split strace's argument list at top-level commas (quotes, brackets, <fd paths> kept)."""
    args: list[str] = []
    depth = 0
    current: list[str] = []
    quoted = False
    index = 0
    while index < len(text):
        char = text[index]
        if quoted:
            current.append(char)
            if char == "\\" and index + 1 < len(text):
                current.append(text[index + 1])
                index += 1
            elif char == '"':
                quoted = False
        elif char == '"':
            quoted = True
            current.append(char)
        elif char in "([{<":
            depth += 1
            current.append(char)
        elif char in ")]}>":
            depth -= 1
            current.append(char)
        elif char == "," and depth == 0:
            args.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    if current or args:
        args.append("".join(current).strip())
    return args


def unquote(text: str) -> str:
    """An strace C-string literal (`"a\\nb"`, maybe followed by `...`) as text."""
    text = text.strip()
    if text.endswith("..."):
        text = text[:-3]
    if not (text.startswith('"') and text.endswith('"')):
        return text
    body = text[1:-1]
    raw = re.sub(
        r"\\(x[0-9a-fA-F]{2}|[0-7]{1,3}|.)",
        lambda m: _unescape(m.group(1)),
        body,
    )
    return raw.encode("latin-1", "backslashreplace").decode("utf-8", "replace")


def _unescape(code: str) -> str:
    if code.startswith("x"):
        return chr(int(code[1:], 16))
    if code.isdigit():
        return chr(int(code, 8))
    return {"n": "\n", "t": "\t", "r": "\r", "v": "\v", "f": "\f", "\\": "\\", '"': '"'}.get(
        code, code
    )


def fd_path(arg: str) -> str | None:
    """The path strace `-yy` prints after a file descriptor or AT_FDCWD: `3</tmp/x>`."""
    found = re.search(r"<(.*)>$", arg.strip())
    return found.group(1) if found else None


def resolve(dirfd_arg: str | None, path_arg: str, cwd: str | None = None) -> str:
    """An absolute path where one can be known; a relative one stays relative (and so never
    matches an allow-list entry: unknown places fail the test rather than pass it)."""
    path = unquote(path_arg)
    if posixpath.isabs(path):
        return posixpath.normpath(path)
    base = fd_path(dirfd_arg) if dirfd_arg is not None else cwd
    return posixpath.normpath(posixpath.join(base, path)) if base else posixpath.normpath(path)


def writes(trace: Iterable[Call], cwd: str | None = None) -> list[Write]:
    """Every successful change to the file system, with the absolute path it touched.

    `cwd` is where the traced program started; `chdir` calls move it (per process).
    """
    found: list[Write] = []
    cwds: dict[int, str | None] = {}
    for call in trace:
        if not call.succeeded:
            continue
        here = cwds.get(call.pid, cwd)
        if call.name == "chdir" and call.args:
            cwds[call.pid] = resolve(None, call.args[0], here)
        elif call.name == "fchdir" and call.args:
            cwds[call.pid] = fd_path(call.args[0]) or here
        elif call.name in OPEN_CALLS:
            found.extend(_open_write(call, here))
        elif call.name in CHANGE_CALLS:
            index = CHANGE_CALLS[call.name]
            found.append(Write(call.name, _path_at(call, index, here), ", ".join(call.args)))
            if call.name in RENAME_SOURCES:
                source = _path_at(call, RENAME_SOURCES[call.name], here)
                found.append(Write(call.name, source, ", ".join(call.args)))
        elif call.name == "bind":
            named = re.search(r'sun_path="([^"]*)"', ", ".join(call.args))
            if named and named.group(1):
                found.append(
                    Write("bind", resolve(None, f'"{named.group(1)}"', here), call.args[1])
                )
    return found


def _open_write(call: Call, cwd: str | None) -> list[Write]:
    if call.name == "creat":
        return [Write("creat", resolve(None, call.args[0], cwd), ", ".join(call.args))]
    if call.name == "open":
        dirfd, path, flags = None, call.args[0], call.args[1] if len(call.args) > 1 else ""
    else:
        dirfd, path, flags = call.args[0], call.args[1], call.args[2] if len(call.args) > 2 else ""
    if not any(flag in flags for flag in WRITE_FLAGS):
        return []
    # Prefer the path the kernel reports for the new descriptor (`= 3</real/path>`).
    opened = fd_path(call.result + call.tail) or resolve(dirfd, path, cwd)
    return [Write(call.name, posixpath.normpath(opened), flags)]


def _path_at(call: Call, index: int, cwd: str | None) -> str:
    if index >= len(call.args):
        return "?"
    dirfd = call.args[index - 1] if call.name.endswith(("at", "at2")) else None
    return resolve(dirfd, call.args[index], cwd)


def sockets(trace: Iterable[Call]) -> list[Call]:
    """Sockets that could reach another machine, and connections or sends to an address."""
    found: list[Call] = []
    for call in trace:
        if call.name in {"socket", "socketpair"} and call.args:
            if call.args[0] not in NETWORK_FAMILIES_ALLOWED:
                found.append(call)
        elif call.name in {"connect", "sendto", "sendmsg", "bind"} and len(call.args) > 1:
            family = re.search(r"sa_family=(AF_\w+)", ", ".join(call.args[1:]))
            if family and family.group(1) not in NETWORK_FAMILIES_ALLOWED:
                found.append(call)
    return found


def opened_paths(trace: Iterable[Call]) -> set[str]:
    """Every path successfully opened in any mode (to prove e.g. QtNetwork was never loaded)."""
    paths: set[str] = set()
    for call in trace:
        if call.name in OPEN_CALLS and call.succeeded:
            opened = fd_path(call.result + call.tail)
            if opened:
                paths.add(opened)
    return paths
