"""Start the window: ``python main.py`` (no arguments), ``--train ...``, or the launcher options.

Only Qt, numpy and the light engine modules are imported before the first paint; the
plots (pyqtgraph) and the other tabs are built right after it (:mod:`gui.window.lazy_tabs`),
and TensorFlow and the dataset load in the background. ``IMDB_LAB_MEASURE_STARTUP=1``
prints the time from process start to first paint and which of :data:`HEAVY_MODULES`
were loaded by then (``=exit`` also quits right after painting, for scripted
measurements; ``=ready`` prints one JSON line of first paint, dataset ready and training
ready once Train is enabled, and quits, see :mod:`gui.startup_measure`).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from engine.errors import LabError
from engine.model.config import ModelConfig
from engine.training_options import add_training_options, training_overrides

_IMPORTED_AT = time.monotonic()
# TensorFlow's C++ start-up chatter (oneDNN, CUDA probing) is noise in a desktop app.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


# Named in the ``IMDB_LAB_MEASURE_STARTUP`` line: loaded before the first paint or not.
HEAVY_MODULES = ("numpy", "pyqtgraph", "superqt", "tensorflow")


def _since_process_start_ms() -> float | None:
    """Milliseconds since this process was created (Linux /proc), None elsewhere."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 (starttime), counted after "pid (comm)"
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError):
        return None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="Open the IMDB Sentiment Lab window."
    )
    parser.add_argument(
        "--install-launcher",
        action="store_true",
        help="add IMDB Sentiment Lab to the desktop's applications menu and exit",
    )
    parser.add_argument(
        "--uninstall-launcher",
        action="store_true",
        help="remove the applications-menu entry and exit",
    )
    parser.add_argument("--data", help="dataset archive (.tar.gz) or aclImdb folder")
    parser.add_argument(
        "--train",
        action="store_true",
        help="start training as soon as the data and TensorFlow are ready",
    )
    group = parser.add_argument_group("training options (with --train)")
    add_training_options(group)
    return parser


def _launcher_command(args) -> int:
    from gui.launcher import install_launcher, uninstall_launcher

    try:
        if args.install_launcher:
            print(f"Installed the launcher: {install_launcher()}")
        else:
            path = uninstall_launcher()
            print(f"Removed the launcher: {path}" if path else "No launcher was installed.")
    except LabError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def run(argv: list[str] | None = None) -> int:
    """Open the window (or handle the launcher options); returns the exit status."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.install_launcher or args.uninstall_launcher:
        return _launcher_command(args)

    overrides = None
    try:
        if args.train:
            overrides = training_overrides(args)
            ModelConfig().replace(**overrides).validate()
    except LabError as exc:
        print(exc, file=sys.stderr)
        return 2

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from engine.logs import setup_logging
    from gui import i18n
    from gui.main_window import MainWindow, app_icon
    from gui.settings import APPLICATION, ORGANIZATION

    setup_logging()

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("imdb-sentiment-lab")
    app.setWindowIcon(app_icon())
    # Before the window is built, so it is built in the chosen language (View > Language).
    i18n.install()
    measure = os.environ.get("IMDB_LAB_MEASURE_STARTUP", "").strip().lower()
    window = MainWindow(
        data_source=args.data,
        train_overrides=overrides,
        warm_up=measure != "exit",
        load_data=measure != "exit",
    )
    if measure == "ready":
        from gui.startup_measure import ReadyProbe

        def seconds() -> float:
            since_start = _since_process_start_ms()
            return (
                since_start / 1000 if since_start is not None else time.monotonic() - _IMPORTED_AT
            )

        window.ready_probe = ReadyProbe(window, seconds)
    elif measure:

        def report() -> None:
            since_start = _since_process_start_ms()
            since_import = (time.monotonic() - _IMPORTED_AT) * 1000
            start = f"{since_start:.0f} ms after process start, " if since_start is not None else ""
            # Which heavy modules the first paint paid for (tests check pyqtgraph is not).
            loaded = [name for name in HEAVY_MODULES if name in sys.modules]
            waiting = [name for name in HEAVY_MODULES if name not in sys.modules]
            print(
                f"startup: first paint {start}{since_import:.0f} ms after gui.app import"
                f" (loaded: {', '.join(loaded) or 'none'}; not yet: {', '.join(waiting) or 'none'})",
                flush=True,
            )
            if measure == "exit":
                QTimer.singleShot(0, window.close)

        window.first_painted.connect(report)
    # Let Ctrl+C in the terminal close the window cleanly: Python only sees the signal
    # when the interpreter runs, so a timer wakes it up now and then.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    # SIGTERM (logout, kill, a service manager) closes the window the same way: settings
    # are written and the run in progress is stopped and recorded.
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer()
    wake.start(250)
    wake.timeout.connect(lambda: None)
    window.show()
    if i18n.current_language() != "en":
        QTimer.singleShot(0, lambda: i18n.show_font_note(window))
    try:
        return app.exec()
    finally:
        # Only when the window used the training process: importing it just to close
        # nothing would cost start-up time it does not need (see gui.main_window).
        process = sys.modules.get("engine.service.process")
        if process is not None:
            process.close_shared_service()


def main() -> None:
    """Entry point of the ``imdb-sentiment-lab`` GUI script."""
    sys.exit(run(sys.argv[1:]))


if __name__ == "__main__":
    main()
