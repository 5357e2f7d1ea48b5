"""Reading and writing the exhibit's own files so that no file can stop it.

Everything the exhibit reads from disk (content, settings, assets, its cache
and state) comes through :func:`read_regular_file`, which never blocks and
never reads more than a stated limit; everything it writes goes through
:func:`write_atomically`, which leaves either the old file or the new one,
never half of one, and no temporary file behind, even on a full disk.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

_KINDS_OF_FILE = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


PRESENT = "present"
"""What a record of the files content rests on holds for a file only its being there
counts for (it is named, not read), in place of the SHA-256 of its bytes."""


class UnreadableFileError(Exception):
    """A file that is not read: missing, not a regular file, too large, unreadable."""


def _kind_of_file(mode: int) -> str:
    return next((name for test, name in _KINDS_OF_FILE if test(mode)), "not a regular file")


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Raises :class:`UnreadableFileError` with the reason otherwise. Nothing here can
    block: the kind of file is checked before it is opened, it is opened
    with ``O_NONBLOCK`` (so a FIFO that appears in between does not wait for
    a writer) and checked again on the open file, and no more than
    ``limit + 1`` bytes are ever read (``/dev/zero`` and a file that grows
    while it is read both stop there).
    """
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFileError(f"is {_kind_of_file(mode)}, not a regular file")
        flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFileError("is missing") from None
    except OSError as error:
        raise UnreadableFileError(f"cannot be read ({error.strerror or error})") from None
    except ValueError:  # a NUL byte in the name
        raise UnreadableFileError("is missing") from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFileError(f"is {_kind_of_file(status.st_mode)}, not a regular file")
        if status.st_size > limit:
            raise UnreadableFileError(f"is {status.st_size} bytes; the limit is {limit}")
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnreadableFileError(f"is more than {limit} bytes; the limit is {limit}")
        return b"".join(chunks)
    except OSError as error:
        raise UnreadableFileError(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


TEMPORARY_SUFFIX = ".tmp"


def write_atomically(path: Path, data: bytes, *, durable: bool = False) -> None:
    """Replace ``path`` with ``data`` in one step; raise OSError if that cannot be done.

    The bytes go to a temporary file beside ``path`` that is renamed over it
    once complete; on any failure (a full disk, a read-only folder) the
    temporary file is removed again. ``durable`` also waits until the bytes
    are on the disk, so they survive a power cut straight after.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def user_folder(variable: str, fallback: str) -> Path:
    """The exhibit's folder in an XDG base directory (``$XDG_CACHE_HOME`` ...)."""
    base = os.environ.get(variable) or str(Path.home() / fallback)
    return Path(base) / "dbp-exhibit"


STALE_AFTER_S = 600.0


def remove_stale_temporaries(folder: Path, now: float | None = None) -> None:
    """Remove what :func:`write_atomically` left in ``folder`` when the power went out.

    Only temporary files older than :data:`STALE_AFTER_S` go, so a write in
    progress in another process is left alone.
    """
    limit = (time.time() if now is None else now) - STALE_AFTER_S
    with contextlib.suppress(OSError):
        for path in folder.glob(f".*{TEMPORARY_SUFFIX}"):
            with contextlib.suppress(OSError):
                if path.lstat().st_mtime < limit:
                    path.unlink()


def resolved(path: Path) -> Path:
    """``path`` made absolute with links followed, or just absolute if the system cannot.

    A name too long, a symlink loop or a NUL byte makes ``resolve`` fail; the
    file is then reported missing where it is read, not here.
    """
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path.absolute()


def output_problem(path: Path) -> str | None:
    """Why a new file cannot be written at ``path``, or None once it surely can.

    Creates the folders on the way, then opens the file for writing without
    blocking (a FIFO with no reader fails at once instead of waiting) and
    checks that it is a regular file; a file this created is removed again.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        return "a part of its folder's path is a file, not a folder"
    except (OSError, ValueError) as error:
        return getattr(error, "strerror", None) or str(error)
    try:
        existed = path.exists()
        if existed and not stat.S_ISREG(mode := os.stat(path).st_mode):
            return f"it is {_kind_of_file(mode)}, not a regular file"
        flags = os.O_WRONLY | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(path, flags, 0o644)
    except (OSError, ValueError) as error:
        return getattr(error, "strerror", None) or str(error)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            return f"it is {_kind_of_file(mode)}, not a regular file"
    finally:
        os.close(descriptor)
        if not existed:
            with contextlib.suppress(OSError):
                path.unlink()
    return None
