"""Double-click launch on Linux: install or remove the app's ``.desktop`` entry.

The entry runs this environment's Python on this checkout's ``main.py``, so it works from
a virtualenv without activating it. It goes to ``$XDG_DATA_HOME/applications`` (via
platformdirs), where desktop menus look for user applications.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import platformdirs

from engine.errors import LabError
from gui.resources import resource

# The checkout whose main.py the entry runs.
ROOT = Path(__file__).resolve().parents[1]
ENTRY_NAME = "imdb-sentiment-lab.desktop"


def applications_dir() -> Path:
    """The user's applications folder (``$XDG_DATA_HOME/applications``)."""
    return Path(platformdirs.user_data_dir()) / "applications"


def _quote(arg: str) -> str:
    """Quote an Exec argument as the Desktop Entry spec requires."""
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`="):
        return arg
    escaped = arg.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def desktop_entry(python: str | None = None, main_py: Path | None = None) -> str:
    """The entry text for ``python main.py`` of this environment and checkout."""
    python = str(Path(python or sys.executable).absolute())
    main_py = Path(main_py or ROOT / "main.py").resolve()
    icon = resource("icon.png")
    values = {
        "@EXEC@": f"{_quote(python)} {_quote(str(main_py))}".replace("%", "%%"),
        "@TRYEXEC@": python,
        "@WORKDIR@": str(main_py.parent),
        "@ICON@": str(icon.resolve()),
    }
    text = resource("imdb-sentiment-lab.desktop").read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace(key, value)
    return text


def install_launcher(target_dir: Path | None = None) -> Path:
    """Write the desktop entry; returns its path. Raises LabError when it cannot."""
    target_dir = Path(target_dir or applications_dir())
    path = target_dir / ENTRY_NAME
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(desktop_entry(), encoding="utf-8")
        # Some desktops only launch entries marked executable ("trusted").
        tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR)
        os.replace(tmp, path)
    except OSError as exc:
        raise LabError(f"Could not write the launcher {path}: {exc.strerror or exc}.") from exc
    return path


def uninstall_launcher(target_dir: Path | None = None) -> Path | None:
    """Remove the desktop entry; returns its path, or None when none was installed."""
    path = Path(target_dir or applications_dir()) / ENTRY_NAME
    if not path.exists():
        return None
    try:
        path.unlink()
    except OSError as exc:
        raise LabError(f"Could not remove the launcher {path}: {exc.strerror or exc}.") from exc
    return path
