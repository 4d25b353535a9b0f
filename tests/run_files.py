"""Run each test file in its own pytest process and sum up (what ``./lab.sh test`` runs).

Why: in one process with every test, PySide6 crashed (SIGSEGV in
QCoreApplication::notifyInternal2, a timer of a deleted object firing) in about one
full-suite run in four, always in a later, unrelated test. Two causes were found and fixed
(a QTimer.singleShot on a bound method outliving its window, and debouncers created
without a parent); one process per file is kept so that GUI leftovers can never reach
another file's tests, and a crash, should one happen, is reported against its file
instead of ending the whole run.

Usage: python tests/run_files.py [PYTEST ARGS...]; prints pytest's output per file and a
closing ``N passed, N failed, N skipped`` line; exits non-zero if any file failed.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COUNTS = re.compile(r"(\d+) (passed|failed|skipped|error|errors|deselected|xfailed|xpassed)")


def main(argv: list[str]) -> int:
    files = sorted((ROOT / "tests").glob("test_*.py"))
    totals = {"passed": 0, "failed": 0, "skipped": 0, "errors": 0, "crashed": 0}
    broken: list[str] = []
    start = time.monotonic()
    for path in files:
        name = path.relative_to(ROOT).as_posix()
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", name, *argv],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        output = proc.stdout + proc.stderr
        last = next((line for line in reversed(output.splitlines()) if COUNTS.search(line)), "")
        found = {kind: int(n) for n, kind in COUNTS.findall(last)}
        for kind in ("passed", "failed", "skipped"):
            totals[kind] += found.get(kind, 0)
        totals["errors"] += found.get("error", 0) + found.get("errors", 0)
        ok = proc.returncode in (0, 5)  # 5: every test of the file deselected
        print(
            f"{name}: {last.strip('= ') or 'no summary'}"
            + ("" if ok else f"  [exit {proc.returncode}]"),
            flush=True,
        )
        if not ok:
            broken.append(name)
            if not (found.get("failed") or found.get("error") or found.get("errors")):
                totals["crashed"] += 1  # no summary line: the process died
            print(output[-6000:], flush=True)
    failed = totals["failed"] + totals["errors"] + totals["crashed"]
    print(
        f"\n{len(files)} files in {time.monotonic() - start:.0f} s"
        + (f"; failing: {', '.join(broken)}" if broken else "")
    )
    print(f"{totals['passed']} passed, {failed} failed, {totals['skipped']} skipped")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
