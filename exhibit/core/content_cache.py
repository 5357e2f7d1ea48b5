"""Reuse the last validated content while every file it came from is unchanged.

Reading and validating the content (YAML, map assets) is a large share of
start-up (see ``bench/startup.py``), and a kiosk starts with the same content
every morning. So the validated :class:`~exhibit.core.model.Exhibit` is kept
in the user's cache folder, and reused only when it cannot differ from what
the files say:

- it is plain JSON, decoded field by field against the model's types, so a
  cache file can hold data but never run code;
- it records every file the content was read from (the YAML files, the map
  assets, and the places an asset was looked for and not found) with the
  SHA-256 of its bytes; each is hashed again before the cache is used;
- the whole entry carries the SHA-256 of its own bytes, so a changed byte
  anywhere (a "16,200" turned "96,200") is a miss, not a wrong fact;
- it is tied to the loader's own source, so a program update re-validates.

Any mismatch or read error is a miss: the content is validated from the
files again and the entry rewritten. Nothing here raises. The cache is as
trustworthy as the user's own files: whoever can write the cache folder can
write the settings and the program's folder too. ``--check`` never uses it.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import stat
import types
import typing
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from exhibit.core import model
from exhibit.core.files import (
    PRESENT,
    UnreadableFileError,
    read_regular_file,
    remove_stale_temporaries,
    resolved,
    user_folder,
    write_atomically,
)
from exhibit.core.model import Exhibit

if TYPE_CHECKING:  # the loader is imported only when the cache cannot be used
    from exhibit.core.content import LoadedContent

FORMAT = "exhibit-content-cache 2"
MAX_CACHE_BYTES = 8_000_000
MAX_SOURCE_BYTES = 4_000_000
"""The largest file the cache re-hashes (the loader refuses larger ones anyway)."""

# The code whose output is cached: a change to any of it re-validates.
_LOADER_MODULES = (
    "assets.py",
    "content.py",
    "content_cache.py",
    "files.py",
    "images.py",
    "model.py",
    "projection.py",
    "yamlsource.py",
)


def default_cache_dir() -> Path:
    return user_folder("XDG_CACHE_HOME", ".cache")


def _entry_path(cache_dir: Path, content_dir: Path, assets_dir: Path | None) -> Path:
    where = f"{resolved(content_dir)}\0{resolved(assets_dir) if assets_dir else ''}"
    return cache_dir / f"content-{hashlib.sha256(where.encode()).hexdigest()[:32]}.json"


def _loader_digest() -> str:
    digest = hashlib.sha256(FORMAT.encode())
    core_dir = Path(__file__).resolve().parent
    for name in _LOADER_MODULES:
        digest.update(read_regular_file(core_dir / name, MAX_SOURCE_BYTES))
    return digest.hexdigest()


def load_cached(content_dir: Path, assets_dir: Path | None, cache_dir: Path) -> Exhibit | None:
    """The cached content of ``content_dir``, or None if there is none that is still true."""
    try:
        entry = _load(content_dir, assets_dir, cache_dir)
    except Exception:  # any failure at all is a miss: the files are read instead
        return None
    return None if entry is None else entry[0]


def content_version(content_dir: Path, assets_dir: Path | None, cache_dir: Path) -> str:
    """A short name for the exact files the content is read from (for health reports).

    The same files give the same version on every kiosk, wherever they are
    installed. Taken from the cache entry when it is true, else from reading
    the content; "" if the content cannot be read.
    """
    try:
        entry = _load(content_dir, assets_dir, cache_dir)
    except Exception:  # a miss, as for load_cached
        entry = None
    if entry is not None:
        files = [(str(path), digest) for path, digest in entry[1]]
    else:
        from exhibit.core.content import read_content
        from exhibit.core.yamlsource import ContentError

        try:
            files = list(read_content(content_dir, assets_dir).files)
        except ContentError:
            return ""
    digest = hashlib.sha256(FORMAT.encode())
    for _path, file_digest in files:
        digest.update(f"{file_digest}\n".encode())
    return digest.hexdigest()[:12]


def _load(
    content_dir: Path, assets_dir: Path | None, cache_dir: Path
) -> tuple[Exhibit, list[list[Any]]] | None:
    try:
        raw = read_regular_file(_entry_path(cache_dir, content_dir, assets_dir), MAX_CACHE_BYTES)
    except UnreadableFileError:
        return None
    header, _, body = raw.partition(b"\n")
    if header != f"{FORMAT} {hashlib.sha256(body).hexdigest()}".encode():
        return None
    entry = json.loads(body)
    if not isinstance(entry, dict) or entry.get("loader") != _loader_digest():
        return None
    files = entry.get("files")
    if not isinstance(files, list) or not all(_unchanged(record) for record in files):
        return None
    exhibit = _decode(entry.get("exhibit"), Exhibit)
    return (exhibit, files) if isinstance(exhibit, Exhibit) else None


def _unchanged(record: Any) -> bool:
    """Whether a recorded file still has the recorded bytes (or is still absent)."""
    if not (isinstance(record, list) and len(record) == 2 and isinstance(record[0], str)):
        return False
    path, digest = Path(record[0]), record[1]
    if digest == PRESENT:  # a file the content only names (a source text): still there
        return _is_regular_file(path)
    try:
        data = read_regular_file(path, MAX_SOURCE_BYTES)
    except UnreadableFileError:
        return digest is None and not _present(path)
    return isinstance(digest, str) and hashlib.sha256(data).hexdigest() == digest


def _is_regular_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _present(path: Path) -> bool:
    try:
        path.lstat()
    except FileNotFoundError:
        return False
    except (OSError, ValueError):
        return True  # something is there, or may be: not the absence the cache recorded
    return True


def store(
    loaded: LoadedContent, content_dir: Path, assets_dir: Path | None, cache_dir: Path
) -> None:
    """Keep ``loaded`` for the next start; the only entry in the folder. Never raises.

    The entry is written to a temporary file and renamed into place, so a
    reader sees the old entry or the new one; a failed write (a full disk)
    leaves neither a partial entry nor the temporary file.
    """
    try:
        body = json.dumps(
            {
                "loader": _loader_digest(),
                "files": [list(record) for record in loaded.files],
                "exhibit": _encode(loaded.exhibit),
            },
            ensure_ascii=False,
            allow_nan=False,
            separators=(",", ":"),
        ).encode("utf-8")
        data = f"{FORMAT} {hashlib.sha256(body).hexdigest()}\n".encode() + body
        path = _entry_path(cache_dir, content_dir, assets_dir)
        remove_stale_temporaries(cache_dir)
        write_atomically(path, data)
        for old in cache_dir.glob("content-*"):
            if old != path:
                old.unlink(missing_ok=True)
    except (OSError, TypeError, ValueError, UnreadableFileError):
        return


# -- the model as JSON ------------------------------------------------------------


def _encode(value: Any) -> Any:
    """Plain JSON for a model object (dataclasses, mappings, tuples, enums, paths)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, Mapping):
        if not all(isinstance(key, str) for key in value):
            raise TypeError("only text keys can be cached")
        return {key: _encode(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


Decoder = Callable[[Any], Any]
"""Turns JSON data into one type of the model's values, or raises TypeError/ValueError."""

_DECODERS: dict[Any, Decoder] = {}


def _decode(data: Any, hint: Any) -> Any:
    """``data`` as the type ``hint`` says, checked all the way down; TypeError if it is not."""
    return _decoder(hint)(data)


def _decoder(hint: Any) -> Decoder:
    """The decoder of one type, built once from the model's type hints."""
    decoder = _DECODERS.get(hint)
    if decoder is None:
        decoder = _DECODERS[hint] = _build_decoder(hint)
    return decoder


def _build_decoder(hint: Any) -> Decoder:
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:  # JSON data as json.loads made it (a map asset)
        return lambda data: data
    if origin in (typing.Union, types.UnionType):
        (other,) = [argument for argument in arguments if argument is not type(None)]
        inner = _decoder(other)
        return lambda data: None if data is None else inner(data)
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        item = _decoder(arguments[0])
        return lambda data: tuple(item(value) for value in _list(data))
    if origin is tuple:
        items = [_decoder(argument) for argument in arguments]

        def fixed(data: Any) -> tuple[Any, ...]:
            values = _list(data)
            if len(values) != len(items):
                raise TypeError("a tuple of the wrong length")
            return tuple(item(value) for item, value in zip(items, values, strict=True))

        return fixed
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        value_of = _decoder(arguments[1] if arguments else Any)
        return lambda data: {_text(key): value_of(value) for key, value in _dict(data).items()}
    if dataclasses.is_dataclass(hint):
        return _dataclass_decoder(hint)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if hint is Path:
        return lambda data: Path(_text(data))
    if hint is float:
        return _float
    if hint in (str, int, bool):
        return lambda data: data if type(data) is hint else _wrong(data, hint)
    raise TypeError(f"the cache cannot hold a {hint}")


def _dataclass_decoder(cls: Any) -> Decoder:
    hints = typing.get_type_hints(cls, vars(model))
    fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(cls) if f.init}

    def decode(data: Any) -> Any:
        values = _dict(data)
        if values.keys() != fields.keys():
            raise TypeError(f"the fields of a {cls.__name__} differ")
        return cls(**{name: fields[name](value) for name, value in values.items()})

    return decode


def _list(data: Any) -> list[Any]:
    return data if isinstance(data, list) else _wrong(data, list)


def _dict(data: Any) -> dict[str, Any]:
    return data if isinstance(data, dict) else _wrong(data, dict)


def _text(data: Any) -> str:
    return data if isinstance(data, str) else _wrong(data, str)


def _float(data: Any) -> float:
    if isinstance(data, int | float) and not isinstance(data, bool):
        return float(data)
    return _wrong(data, float)


def _wrong(data: Any, hint: Any) -> NoReturn:
    raise TypeError(f"cannot read {type(data).__name__} as {hint}")
