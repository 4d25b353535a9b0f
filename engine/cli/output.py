"""What the command line prints besides results: dataset notes, epoch lines, run cells,
and TensorFlow's start-up chatter kept off stderr so that errors stay one line."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Mapping
from typing import Any

from engine.data.dataset import Dataset
from engine.data.dataset_record import skipped_text

# What TensorFlow's C++ side prints while it loads and looks for a GPU: information, not
# errors (glog "I"/"W" lines, absl's start-up notice, the CUDA probe on a machine without one).
_TF_NOISE = re.compile(
    r"^(WARNING: All log messages before absl::InitializeLog\(\)|[IW]\d{4} |"
    r"E\d{4} .*(cuInit|cuda|CUDA|cuDNN|cuFFT|cuBLAS)|To enable the following instructions|"
    r"WARNING:tensorflow:)"
)


def quiet_tensorflow() -> None:
    """Load TensorFlow with its start-up chatter kept off stderr, so errors stay one line.

    The C++ runtime writes to file descriptor 2 directly, so Python's ``sys.stderr`` cannot
    catch it: fd 2 points at a temp file while TensorFlow and Keras load and probe their
    devices. Whatever was written is then replayed except the known start-up lines, and
    all of it is replayed when the import fails, so real errors are never hidden.
    """
    if "tensorflow" in sys.modules:
        return
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as captured:
        os.dup2(captured.fileno(), 2)
        failed = True
        try:
            import tensorflow as tf

            tf.config.list_physical_devices()  # the CUDA probe prints here
            import keras  # noqa: F401
            from absl import logging as absl_logging

            absl_logging.set_verbosity(absl_logging.ERROR)
            failed = False
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            captured.seek(0)
            lines = captured.read().decode("utf-8", "replace").splitlines()
            kept = lines if failed else [line for line in lines if not _TF_NOISE.match(line)]
            if kept:
                print("\n".join(kept), file=sys.stderr, flush=True)


def dataset_lines(dataset: Dataset) -> list[str]:
    """What the CLI says about your own data: counts, how it was split, skipped rows."""
    info = dataset.extra.get("dataset")
    if not isinstance(info, dict) or info.get("kind") == "imdb":
        return []
    counts = info["counts"]
    lines = [
        f"dataset {info['name']}: {counts['train']:,} training and {counts['test']:,} test "
        f"reviews ({info['split']}; {info['labels']})"
    ]
    skipped = skipped_text(info.get("skipped") or {})
    if skipped:
        lines.append(skipped)
    return lines


def epoch_line(metrics: Mapping[str, Any], epochs: int | None) -> str:
    """One epoch of ``main.py train``: its number (of ``epochs``), metrics and seconds."""
    parts = [f"epoch {metrics['epoch']}" + (f"/{epochs}" if epochs else "")]
    for key in ("loss", "accuracy", "val_loss", "val_accuracy"):
        if metrics.get(key) is not None:
            parts.append(f"{key} {metrics[key]:.4f}")
    parts.append(f"{metrics.get('seconds', 0.0):.1f} s")
    return "  ".join(parts)


def dataset_cell(info: Any) -> str:
    """The dataset column of ``main.py runs``: its name with train/test counts, or "-"."""
    if not isinstance(info, dict) or not info.get("name"):
        return "-"
    counts = info.get("counts") or {}
    return f"{info['name']} ({counts.get('train', 0):,}/{counts.get('test', 0):,})"
