"""The staff PIN: how it is stored, checked, and protected against guessing.

In kiosk mode the exhibit is locked down; the only way out through the UI is
a staff PIN. The settings file holds a salted PBKDF2 hash rather than the PIN
itself, because settings files get copied between machines, attached to
support tickets and left on USB sticks. The stored form is one line::

    pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX

A short numeric PIN cannot survive an offline attack on its hash however many
iterations are used; what protects the kiosk is that guessing at the screen
is slow. :class:`PinGate` makes it slow by refusing attempts for a growing
delay after each wrong PIN, and :class:`BackoffFile` keeps the count of wrong
PINs on disk, so switching the kiosk off and on does not start it over.

If no hash is configured the kiosk cannot be left through the UI at all:
:class:`PinGate` then rejects every PIN. That is deliberate. A kiosk with no
PIN must not fall back to an easy exit; staff leave it from the operating
system (or by stopping the service) instead.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import itertools
import json
import math
import re
import secrets
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TextIO

from exhibit.core.files import UnreadableFileError, read_regular_file, user_folder, write_atomically

ALGORITHM = "pbkdf2-sha256"
DEFAULT_ITERATIONS = 200_000
# Bounds for hashes read from a settings file: the lower one keeps a pasted
# test hash from weakening a real kiosk too far; the upper one is OWASP's
# recommendation for PBKDF2-HMAC-SHA256 (2023), about 0.2 s on a desktop
# CPU: the check runs while the screen waits, and 5,000,000 froze it 1.6 s
# on every PIN entry.
MIN_ITERATIONS = 1_000
MAX_ITERATIONS = 600_000
SALT_BYTES = 16
MIN_SALT_BYTES = 8
HASH_BYTES = 32  # sha256 output
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 12

_PIN = re.compile(r"[0-9]+")
STORED_HASH_PATTERN = (
    rf"pbkdf2-sha256\$([0-9]{{1,8}})\$((?:[0-9a-fA-F]{{2}})+)\$([0-9a-fA-F]{{{HASH_BYTES * 2}}})"
)
_STORED = re.compile(STORED_HASH_PATTERN)


def validate_pin(pin: str) -> str | None:
    """Why ``pin`` cannot be used as a staff PIN, or None if it can.

    Only ASCII digits are allowed because the kiosk's PIN pad has nothing
    else, and ``str.isdigit`` would also accept digits from other scripts
    that no keypad can type.
    """
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        return "a PIN may contain only the digits 0 to 9"
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        return f"a PIN must have {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits"
    return None


def _derive(pin: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", pin.encode("ascii"), salt, iterations)


def hash_pin(pin: str, salt: bytes | None = None, iterations: int = DEFAULT_ITERATIONS) -> str:
    """The line to store in the settings for ``pin``; a fresh random salt unless given.

    Raises ValueError for a PIN that :func:`validate_pin` refuses, so that an
    unusable PIN can never end up in a settings file.
    """
    error = validate_pin(pin)
    if error is not None:
        raise ValueError(error)
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS:
        raise ValueError(f"iterations must be {MIN_ITERATIONS} to {MAX_ITERATIONS}")
    if salt is None:
        salt = secrets.token_bytes(SALT_BYTES)
    if len(salt) < MIN_SALT_BYTES:
        raise ValueError(f"the salt must have at least {MIN_SALT_BYTES} bytes")
    digest = _derive(pin, salt, iterations)
    return f"{ALGORITHM}${iterations}${salt.hex()}${digest.hex()}"


def _parse(stored: object) -> tuple[int, bytes, bytes] | None:
    if not isinstance(stored, str):
        return None
    match = _STORED.fullmatch(stored.strip())
    if match is None:
        return None
    iterations = int(match.group(1))
    salt = bytes.fromhex(match.group(2))
    if not MIN_ITERATIONS <= iterations <= MAX_ITERATIONS or len(salt) < MIN_SALT_BYTES:
        return None
    return iterations, salt, bytes.fromhex(match.group(3))


def is_valid_hash(stored: object) -> bool:
    """Whether ``stored`` is a hash line :func:`verify_pin` can check against."""
    return _parse(stored) is not None


def hash_problem(stored: str) -> str | None:
    """Why ``stored`` cannot be used as the staff PIN's hash, or None if it can."""
    if is_valid_hash(stored):
        return None
    match = _STORED.fullmatch(stored.strip())
    if match is not None and not MIN_ITERATIONS <= int(match.group(1)) <= MAX_ITERATIONS:
        return (
            f"has {int(match.group(1))} iterations; use {MIN_ITERATIONS} to {MAX_ITERATIONS} "
            "(more freeze the screen on every PIN entry); make one with: exhibit --hash-pin"
        )
    return (
        "is not a PIN hash (expected pbkdf2-sha256$ITERATIONS$SALT$HASH; "
        "make one with: exhibit --hash-pin)"
    )


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches ``stored``; False for a malformed PIN or hash.

    The digests are compared with :func:`hmac.compare_digest` so the time
    taken does not reveal how much of the hash matched.
    """
    parsed = _parse(stored)
    if parsed is None or validate_pin(pin) is not None:
        return False
    iterations, salt, expected = parsed
    return hmac.compare_digest(_derive(pin, salt, iterations), expected)


# ---------------------------------------------------------------------------
# Slowing down guessing at the screen.


class Outcome(Enum):
    """What happened to one PIN attempt."""

    ACCEPTED = "accepted"
    REJECTED = "rejected"  # wrong PIN, or no PIN configured
    LOCKED = "locked"  # not checked: too soon after a wrong PIN


@dataclass(frozen=True)
class Result:
    """The outcome of :meth:`PinGate.attempt`.

    ``retry_in_s`` is how long until the next attempt will be checked, so the
    PIN pad can say "try again in 30 s": after REJECTED it is the delay that
    wrong PIN earned (possibly 0), for LOCKED the time still remaining.
    """

    outcome: Outcome
    retry_in_s: float = 0.0

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.ACCEPTED


class BackoffFile:
    """The number of wrong PINs in a row and when the last was typed, kept on disk.

    Written (and flushed to the disk) after every wrong PIN and after the
    right one, read when the kiosk starts. A file that cannot be read or
    written changes nothing else: the wait still holds until the program ends.
    """

    MAX_BYTES = 4096

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> tuple[int, float]:
        """``(wrong PINs in a row, wall-clock time of the last)``; ``(0, 0.0)`` if unknown."""
        try:
            data = json.loads(read_regular_file(self.path, self.MAX_BYTES))
        except (UnreadableFileError, ValueError, RecursionError):
            return 0, 0.0
        if not isinstance(data, dict):
            return 0, 0.0
        failures, last = data.get("failures"), data.get("last_failure")
        if not isinstance(failures, int) or isinstance(failures, bool) or failures < 0:
            return 0, 0.0
        if not isinstance(last, int | float) or not math.isfinite(last):
            return 0, 0.0
        return min(failures, 1_000_000), float(last)

    def write(self, failures: int, last_failure: float) -> None:
        data = json.dumps({"failures": failures, "last_failure": last_failure}).encode()
        try:
            write_atomically(self.path, data, durable=True)
        except OSError:
            return


def default_backoff_file() -> BackoffFile:
    """The kiosk user's own: ``$XDG_STATE_HOME/dbp-exhibit/pin-backoff.json``."""
    return BackoffFile(user_folder("XDG_STATE_HOME", ".local/state") / "pin-backoff.json")


# Delay after the 1st, 2nd, 3rd ... consecutive wrong PIN; the last repeats.
# Two free retries forgive a slip of the finger; after that, trying all
# 10 000 four-digit PINs would take over a month.
DEFAULT_DELAYS: tuple[float, ...] = (0.0, 0.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class PinGate:
    """Checks staff PINs, refusing attempts for a while after wrong ones.

    ``now`` returns monotonic seconds (``time.monotonic`` by default); tests
    pass a fake clock. Attempts made while locked are not checked at all and
    do not count as failures: checking them would let a guesser go faster,
    and counting them would punish staff for pressing OK twice.

    Without a (valid) ``stored_hash`` every attempt is REJECTED, with the same
    delays as a wrong PIN, so the kiosk cannot be left through the UI and a
    visitor cannot tell whether a PIN is configured. The settings loader
    rejects malformed hashes before they get here.

    Checking a PIN takes a noticeable fraction of a second by design (that is
    the point of PBKDF2); the delay is paid once per attempt that is checked.

    With a ``backoff`` file the count of wrong PINs outlives the program: a
    gate made after a restart waits out what is left of the last delay
    (measured on the ``wall`` clock; if that clock went back, the whole delay)
    and the next wrong PIN earns the next delay, not the first.
    """

    def __init__(
        self,
        stored_hash: str | None,
        now: Callable[[], float] = time.monotonic,
        delays: Sequence[float] = DEFAULT_DELAYS,
        *,
        backoff: BackoffFile | None = None,
        wall: Callable[[], float] = time.time,
    ) -> None:
        if not delays or any(not math.isfinite(d) or d < 0 for d in delays):
            raise ValueError("delays must be a non-empty list of non-negative seconds")
        if any(later < earlier for earlier, later in itertools.pairwise(delays)):
            raise ValueError("delays must not decrease")
        self._stored = stored_hash if is_valid_hash(stored_hash) else None
        self._now = now
        self._wall = wall
        self._delays = tuple(float(d) for d in delays)
        self._backoff = backoff
        self._failures = 0
        self._locked_until = -math.inf
        if backoff is not None:
            self._restore(*backoff.read())

    def _restore(self, failures: int, last_failure: float) -> None:
        self._failures = failures
        delay = self.delay_after(failures)
        since = self._wall() - last_failure
        remaining = delay if since < 0 else min(delay, max(0.0, delay - since))
        if remaining > 0:
            self._locked_until = self._now() + remaining

    @property
    def enabled(self) -> bool:
        """Whether any PIN can be accepted at all (a valid hash is configured)."""
        return self._stored is not None

    @property
    def failures(self) -> int:
        """Wrong PINs since the last accepted one."""
        return self._failures

    def locked_for(self) -> float:
        """Seconds until the next attempt will be checked; 0 if it would be now."""
        return max(0.0, self._locked_until - self._now())

    def delay_after(self, failures: int) -> float:
        """The wait imposed after ``failures`` consecutive wrong PINs."""
        if failures <= 0:
            return 0.0
        return self._delays[min(failures, len(self._delays)) - 1]

    def attempt(self, pin: str) -> Result:
        """Check ``pin`` unless still locked; see :class:`Outcome`."""
        remaining = self.locked_for()
        if remaining > 0:
            return Result(Outcome.LOCKED, remaining)
        if self._stored is not None and verify_pin(pin, self._stored):
            self._failures = 0
            self._locked_until = -math.inf
            self._remember()
            return Result(Outcome.ACCEPTED)
        self._failures += 1
        delay = self.delay_after(self._failures)
        self._locked_until = self._now() + delay
        self._remember()
        return Result(Outcome.REJECTED, delay)

    def _remember(self) -> None:
        if self._backoff is not None:
            self._backoff.write(self._failures, self._wall())


# ---------------------------------------------------------------------------
# ``exhibit --hash-pin``


def main_hash_pin(
    argv: Sequence[str],
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    ask: Callable[[str], str] = getpass.getpass,
) -> int:
    """Ask for a new staff PIN twice and print the settings line to paste.

    On a terminal the PIN is read without echo; otherwise two lines are read
    from standard input, so installers can script it. The PIN itself is
    never printed. Returns the process exit status: 0 on success, 1 if the
    PINs differ or are unusable, 2 for bad arguments.
    """
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    parser = argparse.ArgumentParser(
        prog="exhibit --hash-pin",
        description="Print the admin_pin_hash line for a new staff PIN "
        f"({MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits).",
    )
    try:
        parser.parse_args(list(argv))
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2

    interactive = stdin.isatty()
    try:
        if interactive:
            first = ask("New staff PIN: ")
            second = ask("Same PIN again: ")
        else:
            first = stdin.readline().rstrip("\r\n")
            second = stdin.readline().rstrip("\r\n")
    except (EOFError, KeyboardInterrupt):
        print("No PIN given; nothing changed.", file=stderr)
        return 1
    if first != second:
        print("The two PINs differ; nothing changed.", file=stderr)
        return 1
    error = validate_pin(first)
    if error is not None:
        print(f"Unusable PIN: {error}.", file=stderr)
        return 1
    print(f'admin_pin_hash: "{hash_pin(first)}"', file=stdout)
    if interactive:
        print("Paste this line into the settings file.", file=stderr)
    return 0
