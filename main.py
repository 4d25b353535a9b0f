"""IMDB Sentiment Lab: ``python main.py`` opens the window.

``python main.py train|predict|evaluate|runs`` is the command line.
"""

import sys


def run(argv: list[str]) -> int:
    # Imported here, not at the top: a process started with "spawn" (the dataset's
    # tokenizing worker, the window's training process) imports this file again as
    # __mp_main__, and the command line's modules would cost it about 0.3 s for nothing.
    from engine.cli import main, wants_window

    if wants_window(argv):
        from gui.app import run as run_window  # Qt is loaded only for the window

        return run_window(argv)
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
