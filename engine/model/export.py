"""Model files to keep or send: the whole bundle as one archive, or a plain ``.keras`` model.

The archive (``.imdbmodel``, a zip) holds a bundle's files side by side: ``model.keras``,
``weights.npz``, ``vocab.txt``, ``config.json`` and ``metrics.json``. Opening one unpacks
it, member by known member (never a path taken from the archive), into a folder of the
app's data named after the archive's digest, and validates it like any bundle, so the same
archive opened twice is the same model folder.

The ``.keras`` export is what ``keras.models.load_model(path, safe_mode=True)`` opens
anywhere: ``Dense`` layers on a dense multi-hot input of ``num_words`` columns, rebuilt
from the bundle's weights (whatever input the app's training network used), with the
vocabulary left out: word i of ``vocab.txt`` is column i.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from engine import paths
from engine.errors import ModelFileError
from engine.model.bundle import FILES, Bundle, load_bundle
from engine.model.network import make_optimizer

ARCHIVE_SUFFIX = ".imdbmodel"
REQUIRED = ("config.json", "vocab.txt", "weights.npz")
MAX_MEMBER_BYTES = 2 * 1024**3  # a 100,000-word, 4096-unit model stays far below this


def _write_atomically(dest: Path, write: Callable[[Path], object]) -> Path:
    """Call ``write(temp_path)`` on a temp sibling of ``dest``, then rename it into place."""
    dest = Path(dest).expanduser()
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp's 0600 would hide the file from others
        os.replace(temp, dest)
    finally:
        temp.unlink(missing_ok=True)
    return dest


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_text_atomically(dest: Path, text: str) -> Path:
    """Write ``text`` (UTF-8) to ``dest`` through a temp sibling."""
    return _write_atomically(dest, lambda temp: temp.write_text(text, encoding="utf-8"))


def export_archive(bundle_path: str | Path, dest: str | Path) -> Path:
    """Write the bundle at ``bundle_path`` as one archive file ``dest``.

    Raises:
        ModelFileError: the bundle is missing or damaged.
    """
    bundle = load_bundle(bundle_path)  # refuses a damaged bundle before anything is written
    present = [name for name in FILES if (bundle.path / name).is_file()]

    def write(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name in present:
                archive.write(bundle.path / name, arcname=name)

    return _write_atomically(Path(dest), write)


def _digest(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def _foreign(path: Path, why: str) -> ModelFileError:
    return ModelFileError(f"{path} is not an IMDB Sentiment Lab model file: {why}.")


def open_archive(path: str | Path, into: Path | None = None) -> Path:
    """Unpack a model archive into the app's data and return the bundle folder (validated).

    Raises:
        ModelFileError: not a zip, not one of ours, or damaged.
    """
    path = Path(path).expanduser()
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise _foreign(path, f"it is not a model archive ({exc})") from None
    with archive:
        names = set(archive.namelist())
        if "vocab.txt" not in names and "model.weights.h5" in names:
            raise _foreign(
                path,
                "it is a Keras model without the vocabulary and settings the app needs; "
                "open a file made with Export model",
            )
        missing = [name for name in REQUIRED if name not in names]
        if missing:
            raise _foreign(path, f"{', '.join(missing)} missing from the archive")
        infos = {info.filename: info for info in archive.infolist() if info.filename in FILES}
        if any(info.file_size > MAX_MEMBER_BYTES for info in infos.values()):
            raise _foreign(path, "a member is implausibly large")
        target = (into or paths.data_dir() / "imported") / _digest(path)
        if not target.is_dir():
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
            except OSError as exc:  # e.g. a read-only home
                raise ModelFileError(
                    f"Cannot unpack {path} into {target.parent}: {exc.strerror or exc}."
                ) from None
            try:
                for name in infos:  # known names only: nothing can land outside ``temp``
                    with archive.open(name) as src, open(temp / name, "wb") as out:
                        shutil.copyfileobj(src, out)
                os.replace(temp, target)
            except zipfile.BadZipFile as exc:
                raise _foreign(path, f"the archive is damaged ({exc})") from None
            except OSError as exc:
                if not target.is_dir():  # another process may have unpacked it meanwhile
                    raise ModelFileError(f"Cannot unpack {path}: {exc}.") from None
            finally:
                shutil.rmtree(temp, ignore_errors=True)
    try:
        load_bundle(target)
    except ModelFileError as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise _foreign(path, str(exc).rstrip(".")) from None
    return target


def resolve_model(path: str | Path) -> Path:
    """A bundle folder for ``path``: a bundle folder (or a file in one) as is, an archive unpacked.

    Raises:
        ModelFileError: nothing there, or a file that is not one of ours.
    """
    path = Path(path).expanduser()
    if not path.exists():
        raise ModelFileError(f"No model found at {path}.")
    if path.is_dir():
        return path
    if path.name in FILES and (path.parent / "config.json").is_file():
        return path.parent  # a file inside a model folder stands for the folder
    return open_archive(path)


def keras_model_from_bundle(bundle: Bundle) -> Any:
    """A plain Keras model (dense multi-hot input, Dense layers) with the bundle's weights."""
    import keras

    config = bundle.config
    model = keras.Sequential(name="imdb_sentiment")
    model.add(keras.Input(shape=(len(bundle.vocab),), name="multi_hot"))
    for units in config.hidden_units:
        model.add(keras.layers.Dense(units, activation=config.activation))
    model.add(keras.layers.Dense(1, activation="sigmoid"))
    try:
        model.set_weights(bundle.weights)
    except ValueError as exc:
        raise ModelFileError(
            f"The weights in {bundle.path} do not fit its settings ({exc})."
        ) from None
    model.compile(optimizer=make_optimizer(config), loss=config.loss, metrics=["accuracy"])
    # Built now, so the saved file's optimizer matches what loading builds (no warning).
    model.optimizer.build(model.trainable_variables)
    return model


def export_keras_model(bundle_path: str | Path, dest: str | Path) -> Path:
    """Write the bundle's network as a ``.keras`` file that Keras opens in safe mode.

    Imports TensorFlow: the window runs this in a separate process.

    Raises:
        ModelFileError: the bundle is missing or damaged, or ``dest`` does not end in .keras.
    """
    dest = Path(dest).expanduser()
    if dest.suffix != ".keras":
        raise ModelFileError(f"A Keras model file must end in .keras (got {dest.name}).")
    model = keras_model_from_bundle(load_bundle(resolve_model(bundle_path)))
    # Keras insists on the .keras suffix, so the temp name keeps it.
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.stem}.", suffix=".keras", dir=dest.parent)
    os.close(fd)
    temp = Path(name)
    try:
        model.save(temp)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, dest)
    finally:
        temp.unlink(missing_ok=True)
    return dest
