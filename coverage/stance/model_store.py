"""Cache a trained model on disk, and refuse to load a copy the kit cannot vouch for.

The kit commits no pickle: a model is trained on first use and cached under
``data/processed/``. Two files are written: the pickle, and beside it a small
JSON record (``<name>.meta.json``) holding the *key* the model was trained
under (a hash of the training data, the code version and the options) and
the SHA-256 digest of the pickle bytes. :func:`load_model` reads both, checks
the key and then the digest of the very bytes it is about to unpickle, and
only then unpickles. Anything that does not match - a stale model, a changed
training file, a truncated or edited pickle, a missing record - is refused
(returns ``None`` with a warning) and the caller retrains.

What this protects against, exactly: stale and corrupted caches, and a
pickle dropped into the folder by anything other than the kit. It is not a
signature: someone who can write both files can forge the record. Never
point the kit at model files from an untrusted source.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import warnings
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from coverage.io.write import atomic_write
from coverage.errors import CorpusWarning

__all__ = ["training_key", "meta_path", "save_model", "load_model", "cached_model"]

_FORMAT = 1


def training_key(files: Iterable[str | Path], *, code_version: str, options: Mapping | None = None) -> str:
    """Return a hex key naming the training data, the code version and the options.

    The key hashes the *bytes* of each file (not its name or date), so
    copying the data elsewhere keeps the key and editing one line changes it.

    Examples
    --------
    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = Path(d, "train.jsonl"); _ = p.write_text("{}")
    >>> training_key([p], code_version="1") == training_key([p], code_version="1")
    True
    >>> training_key([p], code_version="1") == training_key([p], code_version="2")
    False
    """
    h = hashlib.sha256()
    h.update(f"format={_FORMAT}\0code={code_version}\0".encode())
    h.update(json.dumps(dict(options or {}), sort_keys=True, default=str).encode())
    for f in files:
        h.update(b"\0file\0")
        h.update(_sha256_file(Path(f)).encode())
    return h.hexdigest()


def meta_path(path: str | Path) -> Path:
    """Return the path of the record written beside the model ``path``."""
    path = Path(path)
    return path.with_name(path.name + ".meta.json")


def save_model(model, path: str | Path, *, key: str) -> Path:
    """Pickle ``model`` to ``path`` and write its record (key and digest) beside it.

    The pickle is written first and the record last, each atomically, so a
    record never vouches for a half-written pickle.

    Returns
    -------
    Path
        ``path``.
    """
    path = Path(path)
    payload = pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL)
    atomic_write(path, lambda tmp: tmp.write_bytes(payload))
    record = {"format": _FORMAT, "key": key, "sha256": hashlib.sha256(payload).hexdigest(),
              "bytes": len(payload), "written_by": "media-coverage"}
    atomic_write(meta_path(path), lambda tmp: tmp.write_text(json.dumps(record, indent=2) + "\n",
                                                             encoding="utf-8"))
    return path


def load_model(path: str | Path, *, key: str, expected_type: type | tuple[type, ...] = object):
    """Return the cached model at ``path`` if it was written under ``key``, else None.

    The record is read first; the key must match and the SHA-256 of the
    pickle bytes must equal the recorded digest before those bytes are
    unpickled. A missing model returns None silently; any mismatch returns
    None with a :class:`~coverage.errors.CorpusWarning` saying why.

    Parameters
    ----------
    path : str or Path
        The pickle written by :func:`save_model`.
    key : str
        The key the caller would train under now (:func:`training_key`).
    expected_type : type or tuple of types, optional
        The unpickled object must be an instance of it.
    """
    path = Path(path)
    if not path.exists() and not meta_path(path).exists():
        return None
    reason = _refusal(path, key)
    if reason is None:
        payload = path.read_bytes()
        # Hash the very bytes that will be unpickled: no gap between check and use.
        if hashlib.sha256(payload).hexdigest() != _read_record(path)["sha256"]:
            reason = "its SHA-256 digest does not match the record (file changed or damaged)"
        else:
            model = pickle.loads(payload)  # noqa: S301 - verified against the kit's own record
            if isinstance(model, expected_type):
                return model
            reason = f"it holds a {type(model).__name__}, not the expected model"
    warnings.warn(f"{path}: cached model refused: {reason}; retraining", CorpusWarning, stacklevel=2)
    return None


def cached_model(path: str | Path, *, key: str, train: Callable[[], object],
                 expected_type: type | tuple[type, ...] = object, retrain: bool = False):
    """Load the model cached at ``path`` under ``key``, or train, save and return a new one.

    Parameters
    ----------
    path : str or Path
        Where the model is cached.
    key : str
        From :func:`training_key`.
    train : callable
        Takes no arguments and returns a fitted model.
    expected_type : type, optional
        Passed to :func:`load_model`.
    retrain : bool, default False
        Ignore any cache and train anew.
    """
    model = None if retrain else load_model(path, key=key, expected_type=expected_type)
    if model is None:
        model = train()
        save_model(model, path, key=key)
    return model


def _refusal(path: Path, key: str) -> str | None:
    if not path.exists():
        return "the pickle is missing but its record is there"
    try:
        record = _read_record(path)
    except (OSError, ValueError, KeyError, TypeError):
        return f"its record {meta_path(path).name} is missing or unreadable"
    if record.get("format") != _FORMAT:
        return "its record was written by another version of the cache"
    if record["key"] != key:
        return "it was trained on other data, code or options (key differs)"
    return None


def _read_record(path: Path) -> dict:
    record = json.loads(meta_path(path).read_text(encoding="utf-8"))
    if not isinstance(record, dict) or not isinstance(record["key"], str) or not isinstance(record["sha256"], str):
        raise ValueError("malformed record")
    return record


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
