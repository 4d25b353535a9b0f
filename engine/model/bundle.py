"""Saved models: one folder per model, written atomically.

A bundle holds ``model.keras`` (the Keras model, for evaluation and retraining),
``weights.npz`` (a numpy snapshot so the :class:`~engine.model.predictor.Predictor` never needs
TensorFlow), ``vocab.txt`` (one word per line, line i = model input i), ``config.json``
(the :class:`~engine.model.config.ModelConfig` plus a format marker) and ``metrics.json``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from engine.data.tokenizer import TOKENIZER_VERSION
from engine.errors import ModelFileError
from engine.files import write_atomic
from engine.jsonable import json_default
from engine.model.config import ModelConfig

FORMAT = "imdb-sentiment-lab-model"
FORMAT_VERSION = 1
FILES = ("model.keras", "vocab.txt", "config.json", "metrics.json", "weights.npz")


@dataclass
class Bundle:
    """A loaded model folder (``model`` is None unless Keras loading was asked for)."""

    path: Path
    config: ModelConfig
    vocab: list[str]
    metrics: dict[str, Any]
    weights: list[np.ndarray]
    model: Any = None
    tokenizer_version: int = TOKENIZER_VERSION


def save_bundle(
    path: str | Path,
    model: Any,
    vocab: list[str],
    config: ModelConfig,
    metrics: dict[str, Any] | None = None,
    *,
    weights: list[np.ndarray] | None = None,
) -> Path:
    """Write the model folder to a temp sibling, then rename it into place.

    Args:
        model: the Keras model; may be None when ``weights`` is given (then no
            ``model.keras`` is written and only the numpy predictor can use the bundle).
        weights: the float32 snapshot; taken from ``model`` when omitted.

    Returns:
        The bundle folder.
    """
    path = Path(path)
    if weights is None:
        if model is None:
            raise ValueError("save_bundle needs a model or weights")
        weights = model.get_weights()
    weights = [np.asarray(w, dtype=np.float32) for w in weights]
    if not all(np.isfinite(w).all() for w in weights):
        raise ModelFileError("The model was not saved because its weights are not finite numbers.")
    if weights[0].shape[0] != len(vocab):
        raise ModelFileError(
            f"The model's input width ({weights[0].shape[0]}) does not match "
            f"its vocabulary ({len(vocab)} words)."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    try:
        if model is not None:
            model.save(tmp / "model.keras")
        arrays: dict[str, Any] = {f"w{i}": w for i, w in enumerate(weights)}
        np.savez(tmp / "weights.npz", **arrays)
        (tmp / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
        (tmp / "config.json").write_text(json.dumps(_header(config), indent=2), encoding="utf-8")
        (tmp / "metrics.json").write_text(
            json.dumps(metrics or {}, indent=2, default=json_default), encoding="utf-8"
        )
        _replace_dir(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return path


def _header(config: ModelConfig) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "tokenizer_version": TOKENIZER_VERSION,
        "config": config.to_dict(),
    }


def save_run_header(run_dir: str | Path, vocab: list[str], config: ModelConfig) -> None:
    """Write ``config.json`` and ``vocab.txt`` into a run folder when its training starts.

    With them, :func:`load_bundle` can open the run folder of an interrupted run (no
    ``model/`` bundle) from the weights of its last complete epoch.
    """
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    vocab_bytes = ("\n".join(vocab) + "\n").encode("utf-8")
    write_atomic(run_dir / "vocab.txt", lambda f: f.write(vocab_bytes))
    header = json.dumps(_header(config), indent=2).encode("utf-8")
    write_atomic(run_dir / "config.json", lambda f: f.write(header))


def _replace_dir(src: Path, dst: Path) -> None:
    """os.replace for folders: a non-empty target is moved aside first, then removed."""
    old = None
    if dst.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{dst.name}.", suffix=".old", dir=dst.parent))
        os.replace(dst, old / dst.name)
    os.replace(src, dst)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _damaged(path: Path, why: str) -> ModelFileError:
    return ModelFileError(f"{path} is damaged or not an IMDB Sentiment Lab model: {why}.")


def load_bundle(path: str | Path, load_keras: bool = False) -> Bundle:
    """Read a model folder; ``load_keras`` also loads ``model.keras`` (safe mode).

    A path to the ``model.keras`` file inside a bundle is accepted too.
    """
    path = Path(path).expanduser()
    if path.is_file() and path.name in FILES:
        path = path.parent
    if not path.exists():
        raise ModelFileError(f"No model found at {path}.")
    if not path.is_dir():
        raise _damaged(path, "it is a file, not a model folder")
    if (path / "model" / "config.json").is_file():
        path = path / "model"  # the run folder of a finished run
    epoch_file = None if (path / "weights.npz").exists() else last_epoch_file(path)
    needed = ("config.json", "vocab.txt") + (() if epoch_file else ("weights.npz",))
    missing = [f for f in needed if not (path / f).is_file()]
    if missing:
        raise _damaged(path, f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    try:
        header = json.loads((path / "config.json").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _damaged(path, f"config.json cannot be read ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _damaged(path, "config.json does not describe an IMDB Sentiment Lab model")
    settings = header.get("config")
    if not isinstance(settings, dict):
        raise _damaged(path, "config.json holds no model settings")
    try:
        # Any training-set size: the bundle may come from a larger folder dataset.
        config = ModelConfig.from_dict(settings).validate(train_size=sys.maxsize)
    except (TypeError, ValueError) as exc:
        reason = " ".join(str(exc).split()).rstrip(".")
        raise _damaged(path, f"the settings in config.json are invalid ({reason})") from None
    try:
        vocab = (path / "vocab.txt").read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise _damaged(path, f"vocab.txt cannot be read ({exc})") from None
    if vocab and vocab[-1] == "":
        vocab.pop()
    weights = _read_weights(path, epoch_file)
    name = epoch_file.relative_to(path).as_posix() if epoch_file else "weights.npz"
    problem = weights_problem(weights, config, len(vocab), name)
    if problem:
        raise _damaged(path, problem)
    metrics: dict[str, Any] = {}
    if (path / "metrics.json").is_file():
        try:
            metrics = json.loads((path / "metrics.json").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise _damaged(path, f"metrics.json cannot be read ({exc})") from None
    if epoch_file is not None:
        # An interrupted run: the weights of its last complete epoch, no Keras model.
        metrics = {"status": "interrupted", "epoch": int(epoch_file.stem.split("_")[-1])}
    model = _load_keras(path) if load_keras else None
    return Bundle(
        path,
        config,
        vocab,
        metrics,
        weights,
        model,
        int(header.get("tokenizer_version", TOKENIZER_VERSION)),
    )


def weights_problem(
    weights: list[np.ndarray], config: ModelConfig, vocab_size: int, name: str = "weights.npz"
) -> str | None:
    """Why ``weights`` cannot be the network ``config`` describes, or None when they can.

    The layers must be kernel/bias pairs whose shapes chain from the vocabulary width
    through ``config.hidden_units`` to one sigmoid output, and every value must be finite.
    """
    layers = len(config.hidden_units) + 1
    if len(weights) != 2 * layers:
        return f"{name} holds {len(weights) // 2} layers but config.json describes {layers}"
    width = vocab_size
    for i, units in enumerate([*config.hidden_units, 1]):
        kernel, bias = weights[2 * i], weights[2 * i + 1]
        if i == 0 and (kernel.ndim != 2 or kernel.shape[0] != width):
            return (
                f"{name} does not match vocab.txt ({width} words): its first layer has "
                f"shape {tuple(kernel.shape)}"
            )
        if kernel.shape != (width, units) or bias.shape != (units,):
            expected = f"({width}, {units}) and ({units},)"
            found = f"{tuple(kernel.shape)} and {tuple(bias.shape)}"
            what = "output layer" if i == layers - 1 else f"layer {i + 1}"
            return (
                f"the {what} in {name} has shapes {found} where vocab.txt and "
                f"config.json need {expected}"
            )
        width = units
    if not all(np.isfinite(w).all() for w in weights):
        return f"{name} holds values that are not finite numbers (NaN or infinity)"
    return None


def last_epoch_file(run_dir: Path) -> Path | None:
    """The newest ``epochs/epoch_NNN.npz`` of a run folder with a saved header, or None."""
    if not (run_dir / "config.json").is_file():
        return None
    files = sorted((run_dir / "epochs").glob("epoch_[0-9][0-9][0-9]*.npz"))
    return files[-1] if files else None


def _read_weights(path: Path, epoch_file: Path | None = None) -> list[np.ndarray]:
    file = epoch_file or path / "weights.npz"
    name = file.relative_to(path).as_posix()
    try:
        with np.load(file, allow_pickle=False) as data:
            # weights.npz names its arrays w0, w1, ...; epoch files arr_0, arr_1, ...
            names = sorted(data.files, key=lambda n: int(n.rsplit("_", 1)[-1].lstrip("w")))
            weights = [np.asarray(data[n], dtype=np.float32) for n in names]
    except Exception as exc:  # zip, header and value errors all mean the same to the user
        raise _damaged(path, f"{name} cannot be read ({type(exc).__name__}: {exc})") from None
    if len(weights) < 4 or len(weights) % 2:
        raise _damaged(path, f"{name} does not hold the layers of a model")
    return weights


def _load_keras(path: Path) -> Any:
    file = path / "model.keras"
    if not file.is_file():
        raise _damaged(path, "model.keras is missing")
    # Keras reports a truncated archive as "File not found"; check the zip ourselves first.
    try:
        with zipfile.ZipFile(file) as archive:
            bad = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise _damaged(path, f"model.keras is truncated or not a Keras file ({exc})") from None
    if bad is not None:
        raise _damaged(path, f"model.keras is corrupt (bad entry {bad})")
    import keras

    try:
        return keras.models.load_model(file, safe_mode=True)
    except Exception as exc:  # Keras raises many types for foreign or broken content
        raise _damaged(
            path, f"Keras cannot load model.keras ({type(exc).__name__}: {exc})"
        ) from None
