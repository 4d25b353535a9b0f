"""The command line's exit statuses and its own expected failure, :class:`CliError`."""

from __future__ import annotations

from engine.errors import LabError

EXIT_ERROR = 2  # an expected failure, said in one line on stderr
EXIT_FAILED = 1  # a training run that failed (non-finite loss)
EXIT_INTERRUPTED = 130  # stopped with Ctrl+C


class CliError(LabError):
    """A command-line request that cannot be carried out (bad file, nothing to do)."""
