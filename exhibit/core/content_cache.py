"""Reuse the last validated content when nothing in it has changed.

Reading and validating every YAML file costs more than a tenth of a bare Qt
Quick window's start-up. A kiosk restarts with the same content every morning,
so the validated :class:`~exhibit.core.model.Exhibit` is kept in the user's
cache folder, keyed by a hash of every content file, of the loader's own
source, and of the assets it refers to. Any edit changes the key and the
content is validated again from the YAML; ``--check`` never uses the cache.

The cache is written and read only by this program, in the user's own cache
folder (anyone who can write there can already change the program itself).
A cache that cannot be read or written is ignored: the YAML is the truth.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from exhibit.core.model import Exhibit

_LOADER_MODULES = ("content.py", "model.py", "yamlsource.py", "content_cache.py")
_FORMAT = b"exhibit-content-cache-1"


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "dbp-exhibit"


def content_key(content_dir: Path, assets_dir: Path | None) -> str:
    """A hash that changes whenever anything the loaded content depends on changes."""
    digest = hashlib.sha256(_FORMAT)
    core_dir = Path(__file__).resolve().parent
    for name in _LOADER_MODULES:
        digest.update((core_dir / name).read_bytes())
    # A folder the system cannot walk (a name too long, a symlink loop, an
    # unreadable file) still gets a key: the loader then reports what is wrong.
    try:
        root = content_dir.resolve()
    except (OSError, RuntimeError, ValueError):
        root = content_dir.absolute()
    digest.update(str(root).encode())
    digest.update(str(assets_dir.resolve() if assets_dir else "").encode())
    try:
        paths = sorted(root.rglob("*"))
    except (OSError, RuntimeError, ValueError):
        paths = []
    for path in paths:
        try:
            if not path.is_file():
                continue
            data = path.read_bytes()
        except OSError:
            data = b"\0unreadable"
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def _assets_unchanged(exhibit: Exhibit) -> bool:
    return all(map_def.asset.is_file() for map_def in exhibit.maps.values())


def load_cached(key: str, cache_dir: Path) -> Exhibit | None:
    path = cache_dir / f"content-{key}.pickle"
    try:
        with path.open("rb") as handle:
            exhibit = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    if not isinstance(exhibit, Exhibit) or not _assets_unchanged(exhibit):
        return None
    return exhibit


def store(key: str, cache_dir: Path, exhibit: Exhibit) -> None:
    """Write atomically, and drop older entries so the folder stays small."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".tmp") as handle:
            pickle.dump(exhibit, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, cache_dir / f"content-{key}.pickle")
    except OSError:
        return
