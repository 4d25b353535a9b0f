"""IMDB Sentiment Lab: ``python main.py`` opens the window; ``python main.py train|predict|evaluate|runs`` is the command line."""

import sys

from engine.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
