"""IMDB Sentiment Lab: ``python main.py`` opens the window.

``python main.py train|predict|evaluate|runs`` is the command line.
"""

import sys

from engine.cli import main, wants_window


def run(argv: list[str]) -> int:
    if wants_window(argv):
        from gui.app import run as run_window  # Qt is loaded only for the window

        return run_window(argv)
    return main(argv)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
