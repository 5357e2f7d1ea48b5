"""The short line of place names set above a step's title (the kicker).

It tells a visitor where the step happens when the text does not: a line
that repeats the names the title or the body is about to give, or lists
five of them, is noise the eye has to cross before the title. So the kicker
keeps only the places neither names, and shows them only if there are one
or two. A place named in any language is left out in every language, so
the kicker does not come and go when a visitor switches language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from exhibit.core.model import Place, Step

#: More names than this read as a list, not as "where": the kicker is left out.
MAX_KICKER_NAMES: Final = 2

_SPACES = re.compile(r"[\s\u00a0\u2060]+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\u2060", "")).strip().casefold()


def named_in(name: str, body: str) -> bool:
    """Whether ``body`` names the place: its whole name, or the name before a bracket.

    "Pleiku (Plâyku)" is named by a body that says "Pleiku".
    """
    text = _plain(body)
    wanted = _plain(name)
    candidates = {wanted, wanted.split(" (", 1)[0].strip()}
    return any(
        re.search(r"(?<!\w)" + re.escape(candidate) + r"(?!\w)", text)
        for candidate in candidates
        if candidate
    )


def kicker_places(step: Step, places: Mapping[str, Place]) -> list[str]:
    """The ids of the places to name above the step's title (at most two, maybe none)."""
    unnamed = [
        place_id
        for place_id in step.places
        if not any(
            named_in(places[place_id].name.get(code), step.title.get(code) + "\n" + body)
            for code, body in step.body.values.items()
        )
    ]
    return unnamed if len(unnamed) <= MAX_KICKER_NAMES else []
