"""Where a line of visitor text may not break: inside a hyphenated name.

A name split over two lines ("Cát- / xtơ-ri", "sub- / sector") reads as two
words to someone standing two metres away. The content joins the words of a
name with no-break spaces ("Hải Phòng", "16 200"), but Qt also breaks a line
after a hyphen; a word joiner (U+2060, an invisible character that forbids a
break) after each hyphen between two letters keeps such a word whole.

It is a rule of the screen, not of the content: the session sets each text
as it hands it to the screens (:meth:`~exhibit.core.session.Session.local`,
:meth:`~exhibit.core.session.Session.text`), so the chapters, the map labels
and the presenter's notes all follow it, while the files, the exports and the
printed handout keep the words as written.
"""

from __future__ import annotations

import re
from typing import Final

WORD_JOINER: Final = "\u2060"

_HYPHEN_IN_WORD = re.compile(r"(?<=[^\W\d_])([-\u2010])(?=[^\W\d_])")


def keep_words_whole(text: str) -> str:
    """``text`` with no line break allowed after a hyphen between two letters."""
    return _HYPHEN_IN_WORD.sub(lambda match: match.group(1) + WORD_JOINER, text)
