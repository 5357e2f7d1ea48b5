"""How one installation of the exhibit runs: mode, timings, screen, staff PIN.

The content says what the exhibit tells; the settings say how this machine
shows it (a touchscreen kiosk in the gallery, a classroom laptop, a projector
in a lecture hall). Staff edit the settings file by hand, often on the kiosk
itself, so it is read with the same located-YAML reader as the content and
every mistake is reported at once as ``file:line: field: message``. A kiosk
that silently ignored a misspelt ``idle_timout_s`` would reset on visitors
mid-sentence with nobody knowing why.

Command-line options override the file (:func:`apply_overrides`) so staff
can try a mode or a screen without editing it.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from exhibit.core.pin import hash_problem
from exhibit.core.yamlsource import (
    Problems,
    YNode,
    check_keys,
    get_bool,
    get_id,
    get_number,
    get_plain_string,
    get_string,
    read_yaml,
)

CLASSROOM: Final = "classroom"
KIOSK: Final = "kiosk"
PRESENTATION: Final = "presentation"
MODES: Final = (CLASSROOM, KIOSK, PRESENTATION)

# When the anonymous visitor figures are kept (see exhibit.core.figures): only
# in kiosk mode (a classroom or a presentation is not a visit), in every mode
# (asked for explicitly), or never.
FIGURES_KIOSK: Final = "kiosk"
FIGURES_ALWAYS: Final = "always"
FIGURES_OFF: Final = "off"
FIGURES_CHOICES: Final = (FIGURES_KIOSK, FIGURES_ALWAYS, FIGURES_OFF)

# Ranges, in seconds. The idle timeout has a floor so a visitor can read a
# step before the notice appears, and a ceiling so a typo in minutes-vs-
# seconds cannot keep an abandoned exhibit from resetting for days.
IDLE_TIMEOUT_RANGE: Final = (20, 3600)
# WCAG 2.2.1 (Timing Adjustable): at least 20 s to respond to the notice.
IDLE_WARNING_RANGE: Final = (20, 600)
ATTRACT_STEP_RANGE: Final = (3, 120)
# Days the visitor figures are kept; a funder's year plus a month by default.
FIGURES_RETENTION_RANGE: Final = (1, 3650)
# The figures database's largest size, in MB; past it the figures stop, the exhibit does not.
FIGURES_MAX_MB_RANGE: Final = (1, 100_000)
# The staff's way out of a kiosk: long enough that no visitor holds the corner
# by chance, short enough that staff do not give up.
ADMIN_HOLD_RANGE: Final = (2, 30)
# The hidden corner's side in pixels at a 1080-pixel short side: big enough
# for a fingertip, small enough to sit under no button.
ADMIN_CORNER_RANGE: Final = (32, 160)
#: The range of each numeric setting (the reader checks them, the command
#: line's help and the settings schema quote them).
RANGES: Final[dict[str, tuple[float, float]]] = {
    "idle_timeout_s": IDLE_TIMEOUT_RANGE,
    "idle_warning_s": IDLE_WARNING_RANGE,
    "attract_step_s": ATTRACT_STEP_RANGE,
    "admin_hold_s": ADMIN_HOLD_RANGE,
    "admin_corner_px": ADMIN_CORNER_RANGE,
    "figures_retention_days": FIGURES_RETENTION_RANGE,
    "figures_max_mb": FIGURES_MAX_MB_RANGE,
}

# The longest text each setting may hold.
SCREEN_NAME_LENGTH: Final = 100  # as the system reports it: "HDMI-1", a monitor's model
PATH_LENGTH: Final = 4096  # a folder's or file's path, as long as Linux allows


@dataclass(frozen=True)
class Settings:
    """Everything an installation can set; the defaults suit a classroom laptop.

    ``idle_timeout_s`` is how long without input before the "are you still
    there?" notice appears in kiosk mode; the notice then counts down
    ``idle_warning_s`` before the exhibit resets, so a reset comes after
    ``idle_timeout_s + idle_warning_s`` of silence. ``language`` None means
    the content's default language. ``screen`` is a screen's index (from 0)
    or its name as the system reports it; None means the primary screen.
    ``admin_pin_hash`` None means the kiosk cannot be left through the UI.
    Staff open the PIN keypad by holding the top-left corner, a square of
    ``admin_corner_px`` (scaled from a 1080-pixel short side), for
    ``admin_hold_s``. ``figures`` says in which modes the anonymous visitor
    figures are kept (``figures_file``, None: the user's state folder), for
    how many days and up to what size. ``metrics_file`` None means no
    Prometheus textfile.
    """

    mode: str = CLASSROOM
    language: str | None = None
    idle_timeout_s: float = 90.0
    idle_warning_s: float = 30.0
    attract_step_s: float = 8.0
    admin_pin_hash: str | None = None
    admin_hold_s: float = 5.0
    admin_corner_px: float = 64.0
    reduced_motion: bool = False
    screen: int | str | None = None
    presenter_view: bool = False
    log_dir: str | None = None
    figures: str = FIGURES_KIOSK
    figures_retention_days: float = 400.0
    figures_max_mb: float = 200.0
    figures_file: str | None = None
    metrics_file: str | None = None

    def __post_init__(self) -> None:
        """Refuse values the file could not contain, so every Settings is a valid one."""
        problems = Problems()
        _read_fields(
            {f: YNode(getattr(self, f), "Settings", 0, f) for f in FIELDS},
            problems,
        )
        if problems:
            raise ValueError("\n".join(f"{p.field}: {p.message}" for p in problems.items))

    @property
    def is_kiosk(self) -> bool:
        return self.mode == KIOSK

    @property
    def is_presentation(self) -> bool:
        return self.mode == PRESENTATION

    @property
    def keeps_figures(self) -> bool:
        """Whether this run records visitor figures: kiosks by default, other modes if asked."""
        if self.figures == FIGURES_OFF:
            return False
        return self.figures == FIGURES_ALWAYS or self.is_kiosk


FIELDS: Final = tuple(f.name for f in dataclasses.fields(Settings))


# ---------------------------------------------------------------------------
# One reader per field. Each records problems against the node and returns
# the checked value, or None when it is missing or wrong. The same readers
# check command-line overrides, so both paths enforce the same rules.


def _mode(node: YNode, problems: Problems) -> str | None:
    value = get_string(node, problems)
    if value is None:
        return None
    if value not in MODES:
        problems.at(node, f"'{value}' is not a mode (choose {', '.join(MODES)})")
        return None
    return value


def _optional(reader: Callable[[YNode, Problems], Any]) -> Callable[[YNode, Problems], Any]:
    """Let an empty value (``key:`` or ``key: null``) mean "not set" for this field."""

    def read(node: YNode, problems: Problems) -> Any:
        return None if node.value is None else reader(node, problems)

    return read


def _number(low_high: tuple[float, float]) -> Callable[[YNode, Problems], float | None]:
    def read(node: YNode, problems: Problems) -> float | None:
        return get_number(node, problems, *low_high)

    return read


def _pin_hash(node: YNode, problems: Problems) -> str | None:
    value = get_string(node, problems)
    if value is None:
        return None
    problem = hash_problem(value)
    if problem is not None:
        problems.at(node, problem)
        return None
    return value


def _screen(node: YNode, problems: Problems) -> int | str | None:
    value = node.value
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            problems.at(node, f"{value} is not a screen index (0 is the first screen)")
            return None
        return value
    if isinstance(value, str):
        return get_plain_string(node, problems, SCREEN_NAME_LENGTH)
    problems.at(node, "should be a screen index (0, 1, ...) or a screen name")
    return None


def _path(node: YNode, problems: Problems) -> str | None:
    return get_plain_string(node, problems, PATH_LENGTH)


def _choice(choices: tuple[str, ...]) -> Callable[[YNode, Problems], str | None]:
    def read(node: YNode, problems: Problems) -> str | None:
        value = get_string(node, problems)
        if value is not None and value not in choices:
            problems.at(node, f"'{value}' is not one of {', '.join(choices)}")
            return None
        return value

    return read


_READERS: Final[dict[str, Callable[[YNode, Problems], Any]]] = {
    "mode": _mode,
    "language": _optional(get_id),
    **{name: _number(limits) for name, limits in RANGES.items()},
    "admin_pin_hash": _optional(_pin_hash),
    "reduced_motion": get_bool,
    "screen": _optional(_screen),
    "presenter_view": get_bool,
    "log_dir": _optional(_path),
    "figures": _choice(FIGURES_CHOICES),
    "figures_file": _optional(_path),
    "metrics_file": _optional(_path),
}
_NULLABLE: Final = frozenset(
    {"language", "admin_pin_hash", "screen", "log_dir", "figures_file", "metrics_file"}
)
# Paths a relative value of is taken relative to the settings file.
_PATHS: Final = ("log_dir", "figures_file", "metrics_file")
assert set(_READERS) == set(FIELDS)


def _read_fields(nodes: dict[str, YNode], problems: Problems) -> dict[str, Any]:
    """The checked values of ``nodes``; fields with problems are left out."""
    values: dict[str, Any] = {}
    for name, node in nodes.items():
        before = len(problems.items)
        value = _READERS[name](node, problems)
        if len(problems.items) == before and (value is not None or name in _NULLABLE):
            values[name] = value
    return values


DEFAULT_SETTINGS: Final = Settings()


def load_settings(path: Path, *, missing_ok: bool = False) -> Settings:
    """Read a settings file; raise ContentError listing every problem in it.

    Keys left out keep their defaults, and a file whose lines are all
    commented out (like a fresh copy of ``settings.example.yaml``) means all
    defaults. A relative ``log_dir``, ``figures_file`` or ``metrics_file`` is
    taken relative to the settings file, because a kiosk started at boot has
    no meaningful working directory.
    With ``missing_ok``, a file that does not exist also means all defaults.
    """
    if missing_ok and not path.exists():
        return DEFAULT_SETTINGS
    name = str(path)
    problems = Problems()
    root = read_yaml(path, name, problems)
    if root is None:
        if [p.message for p in problems.items] == ["is empty"]:
            return DEFAULT_SETTINGS
        problems.raise_if_any()
        return DEFAULT_SETTINGS
    if root.value is None:
        return DEFAULT_SETTINGS
    if not root.is_mapping:
        problems.at(root, "should be a list of settings, one 'key: value' per line")
        problems.raise_if_any()
    check_keys(root, problems, optional=FIELDS)
    known = {key: node for key, node in root.items() if key in _READERS}
    values = _read_fields(known, problems)
    problems.raise_if_any()
    for name in _PATHS:
        value = values.get(name)
        if value is not None:
            location = Path(value).expanduser()
            if not location.is_absolute():
                location = path.parent / location
            values[name] = str(location)
    return dataclasses.replace(DEFAULT_SETTINGS, **values)


def apply_overrides(settings: Settings, **overrides: Any) -> Settings:
    """``settings`` with the command-line options that were given.

    An override of None means the option was not given and changes nothing
    (so an option cannot reset a field to None; edit the file for that).
    Overrides are checked with the same rules as the file and ValueError
    lists every problem. A ``screen`` given as digits is an index, since the
    command line cannot tell ``1`` from ``"1"``.
    """
    unknown = sorted(set(overrides) - set(FIELDS))
    if unknown:
        raise TypeError(f"unknown settings: {', '.join(unknown)}")
    nodes: dict[str, YNode] = {}
    for name, value in overrides.items():
        if value is None:
            continue
        if name == "screen" and isinstance(value, str) and re.fullmatch(r"\s*[0-9]+\s*", value):
            value = int(value)
        nodes[name] = YNode(value, "command line", 0, name)
    problems = Problems()
    values = _read_fields(nodes, problems)
    if problems:
        raise ValueError("\n".join(f"{p.field}: {p.message}" for p in problems.items))
    return dataclasses.replace(settings, **values)


def permission_warnings(path: Path, settings: Settings) -> list[str]:
    """What is unsafe about who may read or change the settings file (empty if nothing).

    The file holds the staff PIN's hash: a short PIN falls to an offline
    search of its hash in seconds, so only the kiosk's own user may read it.
    Anyone who can change it can set their own PIN.
    """
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return []
    warnings: list[str] = []
    if mode & stat.S_IWOTH:
        warnings.append(f"{path}: every user of this machine can change it; run: chmod 600 {path}")
    if mode & stat.S_IROTH and settings.admin_pin_hash is not None:
        warnings.append(
            f"{path}: every user of this machine can read the staff PIN's hash in it; "
            f"run: chmod 600 {path}"
        )
    return warnings
