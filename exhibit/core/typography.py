"""Where a line of visitor text may break, and where it may not.

A name split over two lines ("Hải / Phòng", "sub- / sector", "Cát- / xtơ-ri")
reads as two words to someone standing two metres away. Qt breaks a line at
any space and after a hyphen, so the exhibit marks the places it must not:
the spaces inside a place's name become no-break spaces, a hyphen or dash
between two letters is followed by a word joiner (an invisible character that
forbids a break), and a spaced dash stays on the line of the word before it.

It is a rule of the screen, not of the content: the session sets each text
as it hands it to the screens (:meth:`~exhibit.core.session.Session.local`),
so the map labels, the chapters and the presenter's notes all follow it,
while the files, exports and printed handouts keep the words as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from exhibit.core.model import Exhibit

NO_BREAK_SPACE: Final = "\u00a0"
WORD_JOINER: Final = "\u2060"
#: A longer name is allowed to break: kept whole, it would overflow a narrow column.
MAX_UNBROKEN_NAME: Final = 28

_JOINED_DASH = re.compile(r"(?<=\w)([-‐–])(?=\w)")
_DASH = re.compile(r"[-‐–—](?!\u2060)")
_SPACED_DASH = re.compile(r" ([–—]) ")


class Typesetter:
    """Sets the texts of one exhibit for the screen: its place names never break.

    The names kept together are those of every place, in every language
    (those short enough to fit a narrow column whole).
    """

    def __init__(self, exhibit: Exhibit) -> None:
        names = {
            name
            for place in exhibit.places.values()
            for name in place.name.values.values()
            if " " in name and len(name) <= MAX_UNBROKEN_NAME
        }
        self._names = _names_pattern(names)

    def set(self, text: str) -> str:
        return _set(text, self._names)


def keep_together(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with no line break allowed inside ``names`` or hyphenated words."""
    return _set(
        text, _names_pattern({n for n in names if " " in n and len(n) <= MAX_UNBROKEN_NAME})
    )


def _names_pattern(names: Iterable[str]) -> re.Pattern[str] | None:
    """One pattern for all the names, longest first, each as a whole word, any case."""
    ordered = sorted(set(names), key=len, reverse=True)
    if not ordered:
        return None
    alternatives = (r"[ \u00a0]".join(map(re.escape, name.split(" "))) for name in ordered)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _whole(name: str) -> str:
    """A name with no break inside: no-break spaces, and a joiner after a dash
    (a line may otherwise break after a dash even before a no-break space)."""
    return _DASH.sub(lambda match: match.group(0) + WORD_JOINER, name.replace(" ", NO_BREAK_SPACE))


def _set(text: str, names: re.Pattern[str] | None) -> str:
    if names is not None:
        text = names.sub(lambda match: _whole(match.group(0)), text)
    text = _JOINED_DASH.sub(lambda match: match.group(1) + WORD_JOINER, text)
    return _SPACED_DASH.sub(NO_BREAK_SPACE + r"\1 ", text)
