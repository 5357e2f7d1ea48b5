"""Live preview for curators: reload the content when a file is saved, keep the last good one.

This module decides; the Qt layer (:mod:`exhibit.qt.preview_backend`) only
watches the file system, keeps a timer and shows the outcome.

- **What to watch** (:meth:`LivePreview.watched`): every file the content
  was read from that exists, and every folder those files are in (plus the
  content folder and its ``chapters/``). Editors often save by writing a
  temporary file and renaming it over the old one; a watcher that followed
  the old file loses it then, so the folders are watched too and the list
  is asked for again after each check.
- **When to look** (:class:`Debounce`): one save is a burst of events
  (temporary file written, renamed, attributes set). The content is read
  once the events have been quiet for :data:`QUIET_S`, and at the latest
  :data:`LONGEST_S` after the first, so a curator who saves over and over
  still sees each state within a second.
- **What changed** (:meth:`LivePreview.check`): the bytes of every file the
  content may come from are hashed; if none differs from the last check,
  nothing is read again (an editor touching a file, a swap file, a backup).
- **Keep the last good**: valid content replaces what is shown; invalid
  content leaves the last valid version on screen and hands over every
  problem, as ``--check`` prints them (``file:line: field: what``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exhibit.core.files import UnreadableFileError, read_regular_file
from exhibit.core.model import Exhibit

#: Seconds without a new event before the content is read again.
QUIET_S = 0.08
#: Seconds from the first event of a burst to the read, however long the burst goes on.
LONGEST_S = 0.3

#: The kinds of file content is read from (texts, map data, images); others in
#: the watched folders (editor swap files, backups, notes) never trigger a reload.
CONTENT_SUFFIXES = frozenset({".yaml", ".yml", ".json", ".txt", ".svg", ".png", ".jpg", ".jpeg"})
#: The largest file hashed; the loader refuses larger ones itself.
MAX_HASHED_BYTES = 16_000_000
#: Folders below the content folder that are watched even before a file in them is read.
CONTENT_FOLDERS = ("chapters", "sources", "maps", "images")

ABSENT = "absent"
UNREADABLE = "unreadable"


class Debounce:
    """When a burst of file events has ended: ``poke(now)`` per event, ``due_at()`` for the read."""

    def __init__(self, quiet_s: float = QUIET_S, longest_s: float = LONGEST_S) -> None:
        if not 0 < quiet_s <= longest_s:
            raise ValueError("want 0 < quiet_s <= longest_s")
        self.quiet_s = quiet_s
        self.longest_s = longest_s
        self._first: float | None = None
        self._last: float | None = None

    def poke(self, now: float) -> None:
        """An event at ``now``."""
        if self._first is None:
            self._first = now
        self._last = now

    @property
    def pending(self) -> bool:
        return self._first is not None

    def due_at(self) -> float | None:
        """When to read: quiet for ``quiet_s``, or ``longest_s`` after the first event."""
        if self._first is None or self._last is None:
            return None
        return min(self._last + self.quiet_s, self._first + self.longest_s)

    def take(self, now: float) -> bool:
        """True (and the burst is over) if it is time to read at ``now``."""
        due = self.due_at()
        if due is None or now < due:
            return False
        self._first = self._last = None
        return True


@dataclass(frozen=True)
class Outcome:
    """What one check found.

    ``changed``: the files whose bytes differ from the last check (absolute
    paths, sorted); ``exhibit``: the new content when it is valid, None when
    what is shown stays; ``problems``: every problem of invalid content, as
    ``--check`` prints them, () when it is valid.
    """

    changed: tuple[str, ...]
    exhibit: Exhibit | None
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Watched:
    """The files and the folders a watcher should follow."""

    files: tuple[str, ...]
    folders: tuple[str, ...]


Loader = Callable[[Path, Path | None], tuple[Exhibit, tuple[str, ...]]]
"""Read a content folder: (the exhibit, the files it was read from), or raise ContentError."""


def read_with_files(content_dir: Path, assets_dir: Path | None) -> tuple[Exhibit, tuple[str, ...]]:
    """The content loader the preview uses by default (imports the YAML reader on first use)."""
    from exhibit.core.content import read_content

    loaded = read_content(content_dir, assets_dir)
    return loaded.exhibit, tuple(path for path, _digest in loaded.files)


class LivePreview:
    """The last good content of a folder, and whether the files now say something else."""

    def __init__(
        self,
        content_dir: Path,
        assets_dir: Path | None,
        exhibit: Exhibit,
        files: tuple[str, ...],
        *,
        load: Loader = read_with_files,
    ) -> None:
        """``exhibit`` is the valid content read from ``files`` (see :func:`read_with_files`)."""
        self.content_dir = content_dir.resolve()
        self.assets_dir = assets_dir
        self.exhibit = exhibit
        self.problems: tuple[str, ...] = ()
        self._load = load
        self._files = tuple(files)
        self._fingerprint = self._take_fingerprint()

    def watched(self) -> Watched:
        """What to follow now: the content's files that exist, and their folders."""
        files = [path for path in self._files if Path(path).is_file()]
        folders = {str(self.content_dir)}
        folders.update(str(Path(path).parent) for path in self._files)
        folders.update(str(self.content_dir / name) for name in CONTENT_FOLDERS)
        return Watched(tuple(sorted(files)), tuple(sorted(f for f in folders if Path(f).is_dir())))

    def _candidates(self) -> set[str]:
        """Every file the content may be read from: the last read's, and any new one beside them."""
        paths = set(self._files)
        for folder in self.watched().folders:
            try:
                entries = list(Path(folder).iterdir())
            except OSError:
                continue
            for entry in entries:
                if entry.suffix.lower() in CONTENT_SUFFIXES and not entry.name.startswith("."):
                    paths.add(str(entry))
        return paths

    def _take_fingerprint(self) -> dict[str, str]:
        return {path: _digest(Path(path)) for path in sorted(self._candidates())}

    def check(self) -> Outcome | None:
        """Read the content again if a file's bytes changed; None if nothing did."""
        fingerprint = self._take_fingerprint()
        before = self._fingerprint
        changed = tuple(
            sorted(
                p for p in fingerprint.keys() | before.keys() if fingerprint.get(p) != before.get(p)
            )
        )
        if not changed:
            return None
        self._fingerprint = fingerprint
        from exhibit.core.yamlsource import ContentError

        try:
            exhibit, files = self._load(self.content_dir, self.assets_dir)
        except ContentError as error:
            self.problems = tuple(str(problem) for problem in error.problems)
            return Outcome(changed, None, self.problems)
        self.exhibit, self._files, self.problems = exhibit, tuple(files), ()
        self._fingerprint = self._take_fingerprint()  # the new content may read other files
        return Outcome(changed, exhibit, ())


def _digest(path: Path) -> str:
    try:
        if not os.path.lexists(path):
            return ABSENT
        data = read_regular_file(path, MAX_HASHED_BYTES)
    except (UnreadableFileError, OSError, ValueError):
        return UNREADABLE
    return hashlib.sha256(data).hexdigest()
