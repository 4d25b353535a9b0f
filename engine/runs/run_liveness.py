"""Whether the process training a run still lives, and recording the runs whose did not.

A run is "running" while its process lives; one whose process died (killed, power cut)
is "interrupted". The process is told apart from a later one with the same id by its
start time (Linux), and a zombie counts as dead.
"""

from __future__ import annotations

import ctypes
import os
import sqlite3
import sys
from datetime import datetime

INTERRUPTED_REASON = "The program training this run stopped before it finished."


def now() -> str:
    """The local time with its offset, to the second, as stored in the history."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def process_start(pid: int) -> str:
    """A token that changes when ``pid`` is reused (Linux: start time in /proc), else ""."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        return stat.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _is_zombie(pid: int) -> bool:
    """True when ``pid`` has exited but was not reaped yet (state Z in /proc, Linux only)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read().decode("ascii", "replace")
        return stat.rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return False


def pid_alive(pid: int | None, start: str) -> bool:
    """Whether process ``pid`` (started at ``start``, see :func:`process_start`) still runs."""
    if not pid:
        return False
    if sys.platform == "win32":
        return _pid_alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    if _is_zombie(pid):
        return False
    return not start or process_start(pid) in ("", start)


def _pid_alive_windows(pid: int) -> bool:
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows.
    if sys.platform != "win32":  # ctypes.windll exists only there
        return False

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    code = ctypes.c_ulong()
    ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    kernel32.CloseHandle(handle)
    return bool(ok) and code.value == 259  # STILL_ACTIVE


def mark_interrupted(conn: sqlite3.Connection) -> None:
    """Record as "interrupted" every "running" run whose process is gone (a writing moment)."""
    rows = conn.execute("SELECT id, pid, pid_start FROM runs WHERE status = 'running'").fetchall()
    dead = [r["id"] for r in rows if not pid_alive(r["pid"], r["pid_start"])]
    for run_id in dead:
        query = conn.execute("SELECT MAX(epoch) FROM epochs WHERE run_id = ?", (run_id,))
        last = query.fetchone()[0]
        conn.execute(
            "UPDATE runs SET status = 'interrupted', reason = ?, "
            "ended = COALESCE(ended, ?) WHERE id = ? AND status = 'running'",
            (
                INTERRUPTED_REASON + (f" {last} epochs were saved." if last else ""),
                now(),
                run_id,
            ),
        )
