"""Where a line of visitor text may break, and where it may not.

A name split over two lines ("Hải / Phòng", "sub- / sector", "Cát- / xtơ-ri")
reads as two words to someone standing two metres away. Qt breaks a line at
any space and after a hyphen, so the exhibit marks the places it must not:
the spaces inside a place's name become no-break spaces, a hyphen or dash
between two letters is followed by a word joiner (an invisible character that
forbids a break), and a spaced dash stays on the line of the word before it.

This is done once, when the content is loaded (:func:`typeset_exhibit`), so
every screen, the map labels and the presenter's notes all follow the rule.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

from exhibit.core.model import Exhibit, Text

NO_BREAK_SPACE: Final = "\u00a0"
WORD_JOINER: Final = "\u2060"
#: A longer name is allowed to break: kept whole, it would overflow a narrow column.
MAX_UNBROKEN_NAME: Final = 28

_JOINED_DASH = re.compile(r"(?<=\w)([-‐–])(?=\w)")
_SPACED_DASH = re.compile(r" ([–—]) ")


def keep_together(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with no line break allowed inside ``names`` or hyphenated words."""
    for name in sorted({n for n in names if " " in n}, key=len, reverse=True):
        if len(name) > MAX_UNBROKEN_NAME:
            continue
        pattern = r"(?<!\w)" + r"[ \u00a0]".join(map(re.escape, name.split(" "))) + r"(?!\w)"
        text = re.sub(
            pattern,
            lambda match: match.group(0).replace(" ", NO_BREAK_SPACE),
            text,
            flags=re.IGNORECASE,
        )
    text = _JOINED_DASH.sub(lambda match: match.group(1) + WORD_JOINER, text)
    return _SPACED_DASH.sub(NO_BREAK_SPACE + r"\1 ", text)


def typeset_exhibit(exhibit: Exhibit) -> Exhibit:
    """The exhibit with every visitor text marked by :func:`keep_together`.

    The names kept together are those of every place, in every language.
    """
    names = {name for place in exhibit.places.values() for name in place.name.values.values()}
    return _typeset(exhibit, frozenset(names))


def _typeset(value: Any, names: frozenset[str]) -> Any:
    if isinstance(value, Text):
        return Text({code: keep_together(text, names) for code, text in value.values.items()})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _typeset(getattr(value, field.name), names)
            for field in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_typeset(item, names) for item in value)
    if isinstance(value, Mapping):
        return {key: _typeset(item, names) for key, item in value.items()}
    return value
