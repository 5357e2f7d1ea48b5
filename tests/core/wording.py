"""How the wording checks read a text: its words, its quotations and its numbers.

Two rules from the sources' README (content/sources/README.md) are checked on
every visitor-facing text: the exhibit speaks in its own words (no run of
``COPY_RUN`` consecutive words of a source outside quotation marks), and both
languages carry the same numbers. The readers here are plain functions, so
tests/core/test_wording.py can show each of them catching a mistake.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from exhibit.core.model import Text

#: A run of this many consecutive words of a source, outside quotation marks,
#: is a copied sentence.
COPY_RUN = 10

# ---------------------------------------------------------------------------
# Every visitor-facing text of the content.


def texts_of(value: object, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every :class:`Text` inside ``value`` (the Exhibit), with where it sits.

    The walk follows every dataclass field, mapping and tuple, so a field added
    to the model later is checked without being listed here.
    """
    if isinstance(value, Text):
        yield where, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        name = getattr(value, "id", None)
        here = f"{where}[{name}]" if isinstance(name, str) and where else where
        for item in dataclasses.fields(value):
            yield from texts_of(getattr(value, item.name), f"{here}.{item.name}".lstrip("."))
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(item, Text):
                yield from texts_of(item, f"{where}.{key}")
            else:
                yield from texts_of(item, where)
    elif isinstance(value, tuple):
        for item in value:
            yield from texts_of(item, where)


# ---------------------------------------------------------------------------
# Quotations.

#: Opening mark -> closing mark. Straight quotes open and close alike.
QUOTES = {"“": "”", "«": "»", '"': '"'}
_QUOTED = re.compile(
    "|".join(f"{re.escape(a)}[^{re.escape(b)}]*{re.escape(b)}" for a, b in QUOTES.items())
)


def outside_quotes(text: str) -> list[str]:
    """The pieces of ``text`` outside quotation marks (a quotation splits it)."""
    return _QUOTED.split(text)


def quotations(text: str) -> list[str]:
    return [match.group(0)[1:-1] for match in _QUOTED.finditer(text)]


def quotes_balanced(text: str) -> bool:
    rest = "".join(outside_quotes(text))
    return not any(mark in rest for pair in QUOTES.items() for mark in pair)


# ---------------------------------------------------------------------------
# Words, for comparing with a source.

# A word or a number; hyphenated parts stay together ("Cát-xtơ-ri", "north-western").
_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
# What may stand between two capitalised words of one name: a space, a
# no-break space, a dash ("Hoang Dang Vinh", "Bình – Trị – Thiên", "Binh–Tri–Thien").
_NAME_GAP = re.compile(r"\s+|\s*[–—]\s*")
_DIGIT_GROUP = re.compile(r"(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))")


def fold(text: str) -> str:
    """Lower case without marks: "Hoà", "Hòa" and "hoa" read alike, as do "Mĩ" and "Mỹ"."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return bare.replace("y", "i")


def _capitalised(word: str) -> bool:
    """A name's word: "Hong", "Cát-xtơ-ri"; not "A1" or a word in capitals."""
    return word[0].isupper() and not word.isupper()


def _segments(text: str) -> list[str]:
    """The words of ``text`` as written, a name of several capitalised words as one."""
    text = _DIGIT_GROUP.sub("", unicodedata.normalize("NFC", text))
    found: list[str] = []
    previous: re.Match[str] | None = None
    for match in _TOKEN.finditer(text):
        gap = text[previous.end() : match.start()] if previous is not None else ""
        if previous is not None and _capitalised(previous[0]) and _capitalised(match[0]):
            joined = _NAME_GAP.fullmatch(gap) is not None
        else:
            joined = False
        if joined:
            found[-1] += gap + match.group(0)
        else:
            found.append(match.group(0))
        previous = match
    return found


def words(text: str) -> list[str]:
    """The words of a text, folded, as the copy check compares them.

    Punctuation and case do not count, thousands separators are dropped
    ("16 200", "16,200": one word), and a name of several capitalised words
    counts as one word ("hoang_dang_vinh"): a list of the soldiers' names is a
    fact to give exactly, not a sentence to reword.
    """
    return ["_".join(re.findall(r"[^\W_]+", fold(segment))) for segment in _segments(text)]


def names_in(text: str) -> list[str]:
    """The names of two or more capitalised words in ``text``, as written."""
    return [
        segment
        for segment in _segments(text)
        if _capitalised(segment) and len(re.findall(r"[^\W_]+", segment)) > 1
    ]


def copied_runs(text: str, source_words: list[str], run: int = COPY_RUN) -> list[str]:
    """Every run of ``run`` consecutive words of the source that ``text`` repeats
    outside quotation marks, longest first (each run once)."""
    grams = {tuple(source_words[i : i + run]) for i in range(len(source_words) - run + 1)}
    found: list[str] = []
    for piece in outside_quotes(text):
        piece_words = words(piece)
        i = 0
        while i + run <= len(piece_words):
            if tuple(piece_words[i : i + run]) not in grams:
                i += 1
                continue
            end = i + run
            while end < len(piece_words) and _occurs(piece_words[i : end + 1], source_words):
                end += 1
            found.append(" ".join(piece_words[i:end]))
            i = end
    return sorted(found, key=len, reverse=True)


def longest_shared_run(text: str, source_words: list[str]) -> int:
    """How many consecutive words, at most, ``text`` shares with the source."""
    best = 0
    for piece in outside_quotes(text):
        piece_words = words(piece)
        for i in range(len(piece_words)):
            length = best + 1
            while i + length <= len(piece_words) and _occurs(
                piece_words[i : i + length], source_words
            ):
                best = length
                length += 1
    return best


def _occurs(needle: list[str], haystack: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


# ---------------------------------------------------------------------------
# Numbers, read the same way in both languages.

Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], list[str]]]

_MONTHS_EN = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
_WORDS_EN = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ORDINALS_EN = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_FRACTIONS_EN = {"half": "1/2", "a third": "1/3", "two-thirds": "2/3", "a quarter": "1/4"}
_WORDS_VI = ["hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
_SCALES_VI = {"nghìn": 1_000, "ngàn": 1_000, "vạn": 10_000, "triệu": 1_000_000}
_SCALES_EN = {"thousand": 1_000, "million": 1_000_000}
# Vietnamese groups thousands with a no-break space ("16 200"), English with a comma.
_GROUPED = {"vi": r"\d{1,3}(?:[\u00a0\u202f]\d{3})+|\d+", "en": r"\d{1,3}(?:,\d{3})+|\d+"}


def _either(words: list[str] | dict[str, object]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _n(digits: str) -> str:
    return "n" + str(int(re.sub(r"\D", "", digits)))


def _clock(hour: int, minute: int) -> list[str]:
    return [f"t{hour:02d}:{minute:02d}"]


def _date(day: str, month: int, year: str | None) -> list[str]:
    return [f"d{int(day)}/{month}"] + ([_n(year)] if year else [])


def _scaled(digits: str, scale: int) -> list[str]:
    return ["n" + str(int(re.sub(r"\D", "", digits)) * scale)]


def _vi_time(match: re.Match[str]) -> list[str]:
    hour, minute, part = int(match[1]), int(match[2] or 0), match[3]
    if (part in {"chiều", "tối"} and hour < 12) or (part == "đêm" and 6 <= hour < 12):
        hour += 12
    return _clock(hour, minute)


def _en_time(match: re.Match[str]) -> list[str]:
    afternoon = match[3].lower().startswith("p")
    return _clock(int(match[1]) % 12 + (12 if afternoon else 0), int(match[2] or 0))


def _rules_vi() -> list[Rule]:
    word = _either(_WORDS_VI)
    return [
        (re.compile(r"(\d{1,2}):(\d{2})"), lambda m: _clock(int(m[1]), int(m[2]))),
        (
            re.compile(
                r"(\d{1,2})\s*giờ(?:\s+(\d{1,2})(?:\s+phút)?)?(?:\s+(sáng|trưa|chiều|tối|đêm))?"
            ),
            _vi_time,
        ),
        (
            re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?"),
            lambda m: _date(m[1], int(m[2]), m[3]),
        ),
        (
            re.compile(r"tháng\s+(\d{1,2})(?:(?:/|\s+năm\s+)(\d{4}))?"),
            lambda m: [f"m{int(m[1])}"] + ([_n(m[2])] if m[2] else []),
        ),
        (
            re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])"),
            lambda m: _date(m[1], int(m[2]), m[3]),
        ),
        (
            re.compile(rf"({_GROUPED['vi']})\s*({_either(_SCALES_VI)})(?!\w)"),
            lambda m: _scaled(m[1], _SCALES_VI[m[2]]),
        ),
        (
            re.compile(rf"(?<!\w)thứ\s+({word})(?!\w)", re.IGNORECASE),
            lambda m: [f"o{_WORDS_VI.index(m[1].lower()) + 2}"],
        ),
        # "năm 1954" is "the year 1954", not "five".
        (re.compile(r"(?<!\w)năm(?=\s+\d)", re.IGNORECASE), lambda m: []),
        (
            re.compile(rf"(?<!\w)({word})(?!\w)", re.IGNORECASE),
            lambda m: [f"n{_WORDS_VI.index(m[1].lower()) + 2}"],
        ),
        (re.compile(r"(?<!\w)[^\W\d_]+\d+(?!\w)"), lambda m: [m[0]]),  # A1, C2
        (re.compile(_GROUPED["vi"]), lambda m: [_n(m[0])]),
    ]


def _rules_en() -> list[Rule]:
    month = _either(_MONTHS_EN)

    def month_number(name: str) -> int:
        return _MONTHS_EN.index(name.lower()) + 1

    return [
        (re.compile(r"(\d{1,2})(?::(\d{2}))?\s*([ap]\.?m\.?)(?!\w)", re.IGNORECASE), _en_time),
        (re.compile(r"(\d{1,2}):(\d{2})"), lambda m: _clock(int(m[1]), int(m[2]))),
        (
            re.compile(rf"(\d{{1,2}})\s+({month})(?:,?\s+(\d{{4}}))?", re.IGNORECASE),
            lambda m: _date(m[1], month_number(m[2]), m[3]),
        ),
        (
            re.compile(rf"({month})\s+(\d{{1,2}})(?!\d)(?:,\s+(\d{{4}}))?", re.IGNORECASE),
            lambda m: _date(m[2], month_number(m[1]), m[3]),
        ),
        # A month alone only with its year: "march" and "may" are also verbs.
        (
            re.compile(rf"(?<!\w)({month})\s+(\d{{4}})(?!\d)", re.IGNORECASE),
            lambda m: [f"m{month_number(m[1])}", _n(m[2])],
        ),
        (
            re.compile(rf"(?<!\w)({_either(_FRACTIONS_EN)})(?!\w)", re.IGNORECASE),
            lambda m: [f"d{_FRACTIONS_EN[m[1].lower()]}"],
        ),
        (
            re.compile(rf"({_GROUPED['en']})\s+({_either(_SCALES_EN)})(?!\w)", re.IGNORECASE),
            lambda m: _scaled(m[1], _SCALES_EN[m[2].lower()]),
        ),
        (
            re.compile(rf"(?<!\w)({_either(_ORDINALS_EN)})(?!\w)", re.IGNORECASE),
            lambda m: [f"o{_ORDINALS_EN.index(m[1].lower()) + 2}"],
        ),
        (
            re.compile(rf"(?<!\w)({_either(_WORDS_EN)})(?!\w)", re.IGNORECASE),
            lambda m: [f"n{_WORDS_EN.index(m[1].lower()) + 2}"],
        ),
        (re.compile(r"(?<!\w)[^\W\d_]+\d+(?!\w)"), lambda m: [m[0]]),  # A1, C2
        (re.compile(rf"({_GROUPED['en']})(?:st|nd|rd|th)?(?!\w)"), lambda m: [_n(m[1])]),
    ]


_RULES = {"vi": _rules_vi(), "en": _rules_en()}


def numbers(text: str, language: str) -> Counter[str]:
    """The numbers a text gives, as tokens that do not depend on the language.

    "20 vạn" and "200,000" both read ``n200000``; "16 200" and "16,200"
    ``n16200``; "17 giờ 15" and "5:15 pm" ``t17:15``; "7/5/1954" and
    "7 May 1954" ``d7/5 n1954``; "2/3" and "two-thirds" ``d2/3`` (a fraction
    is written like a date); "ba" and "three" ``n3``; "thứ năm" and "fifth"
    ``o5``; "Regiment 174" and "Trung đoàn 174" ``n174``. "one"/"một" are
    not counted: they are as often "a". ``{field}`` placeholders are ignored,
    with the minutes of a whole hour a field gives ("{hour}:00" as "{hour} giờ").
    """
    found: Counter[str] = Counter()
    rest = re.sub(r"\{[a-z_]+\}(?::00(?!\d))?", " ", unicodedata.normalize("NFC", text))
    for pattern, read in _RULES[language]:

        def take(match: re.Match[str], read: Callable[[re.Match[str]], list[str]] = read) -> str:
            found.update(read(match))
            return " "

        rest = pattern.sub(take, rest)
    return found


# ---------------------------------------------------------------------------
# Names a line must not split.

#: The names in the content that are written with no-break spaces, so that a
#: line never ends inside one ("Hải / Phòng"). A name added to the content
#: goes here too; the check then finds every place it is typed with a space.
NAMES = (
    # Vietnamese
    "Điện Biên Phủ", "Bắc Tây Nguyên", "Kon Tum", "Tuy Hoà", "Phú Yên", "Nam Trung Bộ",
    "Nam Bộ", "Điện Bàn", "Quảng Nam", "Bắc Bộ", "Hà Nội", "Hải Phòng", "Cát Bi",
    "Gia Lâm", "Đông Dương", "Đông Nam Á", "Tây Bắc", "Mường Thanh", "Độc Lập", "Bản Kéo",
    "Hồng Cúm", "Nậm Rốm", "Nà Noọng", "Tây Trang", "Thượng Lào", "Đờ Cát-xtơ-ri",
    "Tạ Quốc Luật", "Đường số 1", "Bộ Chỉ huy",
    # English
    "Dien Bien Phu", "Tuy Hoa", "Phu Yen", "Dien Ban",
    "Quang Nam", "Cat Bi", "Gia Lam", "Southeast Asia", "Muong Thanh", "Doc Lap", "Ban Keo",
    "Hong Cum", "Nam Rom", "Na Noong", "Tay Trang", "Upper Laos", "de Castries",
    "Campaign Command", "Route 1", "Hill A1", "North Central", "South Central", "Nam Trung Bo",
    "Nam Bo", "Bac Bo",
    # The soldiers, as the source writes them
    "Hoang Dang Vinh", "Bui Van Nho", "Nguyen Van Lam", "Dao Van Hieu",
)  # fmt: skip

#: A unit or a stronghold and its number ("Trung đoàn 174", "Base 506", "Eliane 2"),
#: a sub-sector's name ("phân khu Bắc"), and a number and its unit ("20 vạn",
#: "5:15 pm", "17 giờ 15", "7 May 1954").
_NUMBERED = (
    r"(?:Trung\s+đoàn|Đại\s+đoàn|Regiment|Division|Bases?|Eliane|Claudine|[Cc]ứ\s+điểm)"
    r"\s+(?:\d+|[A-Z]\d)"
    r"|[Pp]hân\s+khu\s+(?:Bắc|Nam|Trung\s+tâm)"
    r"|\d+\s+(?:vạn|nghìn|ngàn|triệu)"
    r"|\d+(?::\d\d)?\s+[ap]m|\d+\s+giờ(?:\s+\d+(?!\d*\s*/))?"
    r"|\d{1,2}\s+(?:" + "|".join(m.capitalize() for m in _MONTHS_EN) + r")(?:\s+\d{4})?"
)
_UNBREAKABLE = re.compile(
    r"(?<!\w)(?:"
    + _NUMBERED
    + "|"
    + "|".join(
        r"\s+".join(map(re.escape, name.split(" ")))
        for name in sorted(NAMES, key=len, reverse=True)
    )
    + r")(?!\w)"
)
_BREAKABLE_SPACE = re.compile(r"[^\S\u00a0\u202f]")


def split_names(text: str) -> list[str]:
    """The names (and numbered units) ``text`` writes with a space a line may break at."""
    return [
        match.group(0)
        for match in _UNBREAKABLE.finditer(text)
        if _BREAKABLE_SPACE.search(match.group(0))
    ]


def join_names(text: str) -> str:
    """``text`` with every name of :data:`NAMES` and numbered unit joined by no-break
    spaces, and every Vietnamese thousands group too ("16 200")."""
    text = re.sub(r"(?<=\d) (?=\d{3}(?!\d))", "\u00a0", text)
    return _UNBREAKABLE.sub(lambda match: _BREAKABLE_SPACE.sub("\u00a0", match.group(0)), text)
