"""The exhibit's content as plain, immutable Python objects.

Everything here has already been validated by :mod:`exhibit.core.content`:
code that uses these objects can rely on every text having every language,
every reference pointing at something that exists, and every event being in
time order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Text:
    """A visitor-facing text in every declared language."""

    values: Mapping[str, str]

    def get(self, language: str, fallback: str | None = None) -> str:
        """The text in ``language``, else in ``fallback``, else in any language.

        Validated content always has every language; the fallbacks keep a
        visitor from ever seeing an empty label if a caller asks for a
        language the content does not declare.
        """
        if language in self.values:
            return self.values[language]
        if fallback is not None and fallback in self.values:
            return self.values[fallback]
        return next(iter(self.values.values()), "")


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class Source:
    """A source text the content rests on; ``file`` is its copy in content/sources/."""

    id: str
    title: Text
    file: Path


class MapKind(StrEnum):
    GEO = "geo"
    PLAN = "plan"


AREA_LABEL_KINDS = ("sea", "gulf", "country", "archipelago")
"""What a map's area label names: written across the area, not beside a marker."""


@dataclass(frozen=True)
class AreaLabel:
    """The name of an area of a map (a sea, a country, an archipelago), not a place.

    ``at`` are the spots where it may be written, best first, as ``(lat, lon)``
    on a geo map or ``(x, y)`` from 0 to 1 on a plan; the map writes it at the
    first that is free.
    """

    id: str
    kind: str
    name: Text
    at: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapDef:
    """A map the chapters are told on; ``asset`` is its drawing, a JSON file under assets/."""

    id: str
    kind: MapKind
    asset: Path
    title: Text
    # The asset's JSON, read and checked once with the content (exhibit.core.assets):
    # the running exhibit draws from it, never from the file. Treat it as read-only.
    data: Mapping[str, Any] = field(default_factory=dict, hash=False, repr=False)
    labels: tuple[AreaLabel, ...] = ()
    always_labelled: tuple[str, ...] = ()
    """Places whose label the map shows wherever they are on screen (short if need be)."""


PLACE_KINDS = (
    "town",
    "region",
    "front",
    "airfield",
    "road",
    "railway",
    "stronghold",
    "sector",
    "command-post",
    "bridge",
    "river",
    "border",
    "path",
)


@dataclass(frozen=True)
class Place:
    """A place on one map: a point (lat/lon or plan x/y), a line, or both.

    ``point`` is ``(lat, lon)`` on a geo map and ``(x, y)`` from 0 to 1 on a
    plan; ``line`` is a list of such pairs. ``extra_source`` and ``to_confirm``
    are the curator's record (see :class:`Step`), never shown to visitors.
    """

    id: str
    map: str
    kind: str
    name: Text
    info: Text
    source: str
    point: tuple[float, float] | None
    line: tuple[tuple[float, float], ...] = ()
    sector: str | None = None
    extra_source: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()
    short_name: Text | None = None
    """A shorter label for the map, used where the full name finds no room."""
    bearing: float | None = None
    """For a direction (kind ``border``): which way it points, degrees clockwise from north."""


class StrongholdState(StrEnum):
    HOLDING = "holding"
    ATTACKED = "attacked"
    TAKEN = "taken"


@dataclass(frozen=True)
class EventTime:
    """When an event happened on 7 May 1954, in minutes after midnight.

    An exact time has ``label is None`` and ``earliest == latest``. An event
    the source gives no hour for carries a window and the label the content
    gives it ("that night"); the exhibit never shows an invented time for it.
    """

    earliest: int
    latest: int
    label: Text | None = None

    @property
    def exact(self) -> bool:
        return self.label is None


@dataclass(frozen=True)
class Figure:
    value: Text
    label: Text


#: How an arrow on the plan moves: an advance on a place, a retreat along a
#: route, or a ring closing round a place (a unit surrounding it).
ARROW_KINDS = ("advance", "retreat", "encircle")


@dataclass(frozen=True)
class Arrow:
    """A movement the plan draws at one step: who moved, and where.

    Either ``target`` (with an optional ``origin`` and ``via`` places) or
    ``along`` (a place that is a line, followed from its first point to its
    last). Without ``origin`` the arrow shows a direction, not a route: see
    :mod:`exhibit.core.dayplan`.
    """

    unit: Text
    kind: str = "advance"
    target: str | None = None
    origin: str | None = None
    via: tuple[str, ...] = ()
    along: str | None = None


#: The flags a step may raise: the attackers' flag of victory, with words on
#: it, or a defender's white flag of surrender.
FLAG_KINDS = ("victory", "white")


@dataclass(frozen=True)
class Flag:
    """A flag raised over a place at one step (``words``: what a victory flag says)."""

    at: str
    kind: str = "victory"
    words: Text | None = None


@dataclass(frozen=True)
class Picture:
    """An image a step shows beside its text: a drawing or an archive photograph.

    ``file`` is a PNG, JPEG or SVG file inside the content folder (the
    loader checks it can be shown and keeps its absolute path); the caption,
    alt text and credit are in every language, the licence as written.
    """

    file: Path
    caption: Text
    alt: Text
    credit: Text
    licence: str


@dataclass(frozen=True)
class Quote:
    """Words the step quotes, set large: the quoted words and who said them."""

    text: Text
    by: Text


@dataclass(frozen=True)
class Convergence:
    """Arrows drawn on the map from each of the origins towards the target (place ids)."""

    target: str
    origins: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One step of a chapter; on the clock, one event of 7 May 1954.

    ``extra_source`` lists each fact the text takes from outside the source
    texts, with what it rests on; ``to_confirm`` lists what a curator must
    still confirm (a spelling, a reading of the source). Neither is shown to
    visitors: they make the review sheet (content/REVIEW.md).
    """

    id: str
    title: Text
    body: Text
    source: str
    places: tuple[str, ...] = ()
    notes: Text | None = None
    extra_source: tuple[str, ...] = ()
    to_confirm: tuple[str, ...] = ()
    time: EventTime | None = None
    who: Text | None = None
    states: Mapping[str, StrongholdState] = field(default_factory=dict)
    paths: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    arrows: tuple[Arrow, ...] = ()
    flag: Flag | None = None
    images: tuple[Picture, ...] = ()
    quote: Quote | None = None
    converge: Convergence | None = None

    @property
    def is_climax(self) -> bool:
        """A chapter's high point: a quotation set large, or arrows converging on one place."""
        return self.quote is not None or self.converge is not None


@dataclass(frozen=True)
class Chapter:
    id: str
    title: Text
    intro: Text
    map: str
    steps: tuple[Step, ...]
    play_seconds: float | None = None
    #: A small drawing of the chapter for its card on the title screen (decoration).
    emblem: Path | None = None

    @property
    def told_on_clock(self) -> bool:
        """A chapter whose steps carry times is told on the clock of 7 May."""
        return any(step.time is not None for step in self.steps)

    def step_index(self, step_id: str) -> int | None:
        for index, step in enumerate(self.steps):
            if step.id == step_id:
                return index
        return None


@dataclass(frozen=True)
class Exhibit:
    """The whole validated content of the exhibit."""

    languages: tuple[Language, ...]
    default_language: str
    title: Text
    subtitle: Text
    sources: Mapping[str, Source]
    chapters: tuple[Chapter, ...]
    strings: Mapping[str, Text]
    maps: Mapping[str, MapDef]
    places: Mapping[str, Place]
    content_dir: Path

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def chapter(self, chapter_id: str) -> Chapter | None:
        return next((c for c in self.chapters if c.id == chapter_id), None)

    def string(self, key: str, language: str, **fields: object) -> str:
        """A UI string in ``language`` with its ``{name}`` fields filled in."""
        text = self.strings[key].get(language, self.default_language)
        for name, value in fields.items():
            text = text.replace("{" + name + "}", str(value))
        return text
