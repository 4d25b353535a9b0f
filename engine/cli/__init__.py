"""The command line: ``train``, ``predict``, ``evaluate`` and ``runs`` on the same engine.

``python main.py`` without arguments (or with a window option such as ``--train``) opens
the window instead; Qt is imported only then. Expected failures print one line on stderr
and exit with status 2; a training run that fails (non-finite loss) exits 1, one stopped
with Ctrl+C exits 130.

This package: :func:`main` dispatches to a command; ``parser.py`` builds the arguments,
``train.py`` and ``commands.py`` carry out the commands, ``inputs.py`` reads what they
need (dataset, saved model, review texts), ``output.py`` holds what they print besides
results and ``exits.py`` the exit statuses with :class:`CliError`.
"""

from __future__ import annotations

import os
import sys

from engine.errors import LabError


def main(argv: list[str] | None = None) -> int:
    """Entry point of the command line (``main.py`` sends window invocations to ``gui``)."""
    # Imported here, not at the top: ``python main.py`` imports this package only for
    # :func:`wants_window`, and the commands' modules (numpy, the data and model layers)
    # would add about 0.3 s before the window's first paint.
    from engine.cli.commands import cmd_evaluate, cmd_export, cmd_predict, cmd_runs, cmd_script
    from engine.cli.exits import EXIT_ERROR, EXIT_INTERRUPTED
    from engine.cli.parser import build_parser
    from engine.cli.train import cmd_train
    from engine.logs import setup_logging

    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser().parse_args(argv)
    setup_logging()
    handler = {
        "train": cmd_train,
        "predict": cmd_predict,
        "evaluate": cmd_evaluate,
        "runs": cmd_runs,
        "script": cmd_script,
        "export": cmd_export,
    }[args.command]
    try:
        return handler(args)
    except LabError as exc:
        print(f"error: {' '.join(str(exc).split())}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("error: interrupted.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): no traceback, and none at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def wants_window(argv: list[str]) -> bool:
    """True when ``python main.py ARGS`` should open the window, not run a command."""
    return not argv or (argv[0].startswith("--") and argv[0] not in ("--help", "-h", "--version"))
