"""The content speaks in its own words and gives the same facts in both languages.

Every visitor-facing text (step labels, presenter notes, place cards, figures,
UI strings, titles) is read from the loaded content, so a text added later is
checked too. The rules come from content/sources/README.md:

- no text repeats ``COPY_RUN`` consecutive words of a source outside
  quotation marks; quotations that are quotations in history stay quoted;
- the numbers of every text agree between Vietnamese and English, with the
  sources' conversions ("20 vạn" is 200,000, "16 200" is 16,200, "17 giờ 15"
  is 5:15 pm);
- a mark added to a name the sources write without it is declared in
  ``extra_source``; the review sheet lists every declaration and open question.

Each reader is also shown catching the mistake it exists for.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from exhibit.core.content import load_content
from exhibit.core.model import Exhibit, Text
from exhibit.core.review import SHEET_FILE, review_items, review_sheet
from tests.core import wording
from tests.core.wording import copied_runs, numbers, split_names, texts_of, words

PROJECT = Path(__file__).resolve().parents[2]
CONTENT = PROJECT / "content"
VI_SOURCE = "winter-spring-1953-1954.vi.txt"
EN_SOURCE = "may-7-1954.en.txt"
NBSP = "\u00a0"

#: Words that are quotations in history: wherever a text uses them, they are
#: inside quotation marks.
HISTORICAL_QUOTATIONS = (
    "một pháo đài bất khả xâm phạm",
    "an impregnable fortress",
    "Determined to fight, determined to win",
    "Quyết chiến Quyết thắng",
)


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(CONTENT, PROJECT / "assets")


@pytest.fixture(scope="module")
def source_words(exhibit: Exhibit) -> dict[str, list[str]]:
    return {
        sid: words(source.file.read_text(encoding="utf-8"))
        for sid, source in exhibit.sources.items()
    }


def all_texts(exhibit: Exhibit) -> list[tuple[str, str, str]]:
    """(where, language, text) for every visitor-facing text."""
    return [
        (where, language, value)
        for where, text in texts_of(exhibit)
        for language, value in text.values.items()
    ]


# ---------------------------------------------------------------------------
# The sources are the project's own.


def test_the_sources_travel_with_the_content(exhibit: Exhibit) -> None:
    assert set(exhibit.sources) == {VI_SOURCE, EN_SOURCE}
    for source in exhibit.sources.values():
        assert source.file == CONTENT / "sources" / source.id
        assert len(words(source.file.read_text(encoding="utf-8"))) > 300, source.id
    assert (CONTENT / "sources" / "README.md").is_file()


def test_every_kind_of_text_is_checked(exhibit: Exhibit) -> None:
    where = " ".join(place for place, _, _ in all_texts(exhibit))
    for field in (
        ".body",
        ".notes",
        ".who",
        ".time.label",
        ".figures.label",
        ".info",
        "strings.home",
    ):
        assert field in where, field
    assert len(all_texts(exhibit)) > 300


# ---------------------------------------------------------------------------
# Our own words.


def test_no_text_repeats_a_run_of_a_source(
    exhibit: Exhibit, source_words: dict[str, list[str]]
) -> None:
    copied = [
        f"{where} [{language}] repeats {run!r} from {source_id}"
        for where, language, value in all_texts(exhibit)
        for source_id, source in source_words.items()
        for run in copied_runs(value, source)
    ]
    assert not copied, "\n".join(copied)


def test_the_copy_check_finds_a_pasted_sentence(source_words: dict[str, list[str]]) -> None:
    vi, en = source_words[VI_SOURCE], source_words[EN_SOURCE]
    pasted = "Ở Bình – Trị – Thiên, quân ta hoạt động mạnh trên tuyến đường sắt và Đường số 1."
    assert copied_runs(pasted, vi)
    # Case, punctuation, a thousands separator and the old ("hoà") or new
    # ("hòa") placement of a tone mark do not hide a copy.
    assert copied_runs("Pháp buộc phải bỏ dở cuộc tiến công Tuy Hòa, Phú Yên, để tăng cường", vi)
    assert copied_runs(
        "during the entire campaign, Vietnamese soldiers destroyed and captured 16 200 enemies", en
    )
    # Nine words are not a copy; a quotation is not a copy.
    assert not copied_runs("At 4 am on May 7, 1954, Regiment 174 took", en)
    assert copied_runs("At 4 am on May 7, 1954, Regiment 174 completely", en)
    quoted = "It says: “the entire group of enemy strongholds at Dien Bien Phu were destroyed”."
    assert not copied_runs(quoted, en)
    assert copied_runs(quoted.replace("“", "").replace("”", ""), en)


def test_a_list_of_names_counts_a_name_as_one_word(source_words: dict[str, list[str]]) -> None:
    names = "Hoang Dang Vinh, Bui Van Nho, Nguyen Van Lam and Dao Van Hieu"
    assert len(words(names)) == 5  # four names and "and"
    assert not copied_runs(names, source_words[EN_SOURCE])


def test_historical_quotations_stay_quoted(exhibit: Exhibit) -> None:
    unquoted = []
    for where, language, value in all_texts(exhibit):
        assert wording.quotes_balanced(value), f"{where} [{language}]: unbalanced quotation marks"
        outside = fold_spaces(" ".join(wording.outside_quotes(value)))
        unquoted += [
            f"{where} [{language}]: {phrase!r}"
            for phrase in HISTORICAL_QUOTATIONS
            if phrase.casefold() in outside.casefold()
        ]
    assert not unquoted, "\n".join(unquoted)
    bodies = {step.id: step.body for chapter in exhibit.chapters for step in chapter.steps}
    assert "một pháo đài bất khả xâm phạm" in quoted_in(bodies["impregnable"], "vi")
    assert "an impregnable fortress" in quoted_in(bodies["impregnable"], "en")
    assert "Determined to fight, determined to win" in quoted_in(bodies["totals"], "en")


def fold_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def quoted_in(text: Text, language: str) -> list[str]:
    return [fold_spaces(quote) for quote in wording.quotations(text.values[language])]


# ---------------------------------------------------------------------------
# The same numbers in both languages.


def test_numbers_agree_between_the_languages(exhibit: Exhibit) -> None:
    differ = []
    for where, text in texts_of(exhibit):
        found = {language: numbers(value, language) for language, value in text.values.items()}
        if found["vi"] != found["en"]:
            only_vi = sorted((found["vi"] - found["en"]).elements())
            only_en = sorted((found["en"] - found["vi"]).elements())
            differ.append(f"{where}: only in vi {only_vi}, only in en {only_en}")
    assert not differ, "\n".join(differ)


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("20 vạn dân", "200,000 people"),
        ("4 vạn dân", "40,000 people"),
        (f"16{NBSP}200 quân", "16,200 troops"),
        (f"2{NBSP}000 địch", "2,000 enemy troops"),
        ("4 giờ sáng", "4 am"),
        ("14 giờ", "2 pm"),
        (f"17{NBSP}giờ{NBSP}15", "5:15 pm"),
        ("22 giờ", "10 pm"),
        ("5 giờ chiều", "5 pm"),
        ("7/5/1954", "7 May 1954"),
        ("7 tháng 5 năm 1954", "May 7, 1954"),
        ("(13/3 – 7/5/1954)", "(13 March – 7 May 1954)"),
        ("đầu tháng 2/1954", "early February 1954"),
        ("2/3 lực lượng", "two-thirds of the force"),
        ("ba phân khu, bốn chiến sĩ", "three sub-sectors, four soldiers"),
        ("nơi thứ năm", "the fifth place"),
        ("Trung đoàn 174, đồi A1 (Eliane 2)", "Regiment 174, Hill A1 (Eliane 2)"),
        ("Đại đoàn 308", "the 308th Division"),
        ("một thung lũng", "a valley"),
        ("Bước {n}/{total}", "Step {n} of {total}"),
        ("{hour} giờ", "{hour}:00"),
    ],
)
def test_numbers_read_alike_in_both_languages(vi: str, en: str) -> None:
    assert numbers(vi, "vi") == numbers(en, "en")
    assert numbers(vi, "vi") or vi.startswith(("một", "Bước", "{"))


@pytest.mark.parametrize(
    ("vi", "en"),
    [
        ("20 vạn dân", "20,000 people"),  # a vạn is ten thousand
        ("16 200 quân", "16,200 troops"),  # an ordinary space splits the number
        ("14 giờ", "4 pm"),
        ("17 giờ 15", "5:50 pm"),
        ("7/5/1954", "5 July 1954"),
        ("Ba con số: 2 000 địch, 20 vạn dân", "Two figures: 2,000 troops, 200,000 people"),
        ("hai cứ điểm 508 và 509", "bases 508 and 509"),
        ("{hour} giờ", "{hour}:30"),  # only a whole hour's minutes go with the field
    ],
)
def test_numbers_that_differ_are_caught(vi: str, en: str) -> None:
    assert numbers(vi, "vi") != numbers(en, "en")


# ---------------------------------------------------------------------------
# Layout: numbers and names a line must not split.


def test_vietnamese_thousands_take_a_no_break_space(exhibit: Exhibit) -> None:
    loose = [
        f"{where}: {match.group(0)!r}"
        for where, language, value in all_texts(exhibit)
        if language == "vi"
        for match in re.finditer(r"\d{1,3}(?:[^\S\u00a0]\d{3})+(?!\d)", value)
    ]
    assert not loose, "\n".join(loose)


def test_names_never_split_across_lines(exhibit: Exhibit) -> None:
    breakable = [
        f"{where} [{language}]: {name!r}"
        for where, language, value in all_texts(exhibit)
        for name in split_names(value)
    ]
    assert not breakable, "join these with no-break spaces:\n" + "\n".join(breakable)
    assert split_names("tới Hải Phòng lúc 5:15 pm") == ["Hải Phòng", "5:15 pm"]
    assert not split_names(f"tới Hải{NBSP}Phòng lúc 5:15{NBSP}pm")


# ---------------------------------------------------------------------------
# Outside facts and open questions.


def test_marks_added_to_a_name_are_declared(exhibit: Exhibit) -> None:
    """A name the English source writes bare ("Tay Trang") and a text writes with
    marks ("Tây Trang") that neither Vietnamese text gives is an outside fact."""
    sources = CONTENT / "sources"
    vietnamese = fold_spaces(
        unicodedata.normalize(
            "NFC",
            (sources / VI_SOURCE).read_text(encoding="utf-8")
            + (sources / "README.md").read_text(encoding="utf-8"),
        )
    )
    english = (sources / EN_SOURCE).read_text(encoding="utf-8")
    english_names = {word for word in words(english) if "_" in word}
    owners = [
        (f"{chapter.id}/{step.id}", step, step.extra_source)
        for chapter in exhibit.chapters
        for step in chapter.steps
    ] + [(f"places/{place.id}", place, place.extra_source) for place in exhibit.places.values()]
    undeclared = []
    for where, owner, declared in owners:
        record = fold_spaces(" ".join(declared))
        for _, text in texts_of(owner):
            for value in text.values.values():
                for name in map(fold_spaces, wording.names_in(value)):
                    marked = name not in english and name not in vietnamese
                    if marked and words(name)[0] in english_names and name not in record:
                        undeclared.append(f"{where}: {name!r}")
    assert not undeclared, "declare these marks in extra_source:\n" + "\n".join(undeclared)


def test_the_review_sheet_is_current(exhibit: Exhibit) -> None:
    written = (CONTENT / SHEET_FILE).read_text(encoding="utf-8")
    assert written == review_sheet(exhibit, written), (
        f"content/{SHEET_FILE} is out of date: run python tools/review_sheet.py --write"
    )


def test_the_review_sheet_lists_every_question_and_outside_fact(exhibit: Exhibit) -> None:
    sheet = review_sheet(exhibit)
    recorded = [
        entry
        for owner in [step for chapter in exhibit.chapters for step in chapter.steps]
        + list(exhibit.places.values())
        for entry in (*owner.extra_source, *owner.to_confirm)
    ]
    assert recorded and all(f"- [ ] {entry}\n" in sheet for entry in recorded)
    to_confirm, outside = review_items(exhibit)
    assert f"## To confirm ({len(to_confirm)})" in sheet
    assert f"## Outside facts ({len(outside)})" in sheet
    questions = " ".join(item.text for item in to_confirm)
    for subject in ("Bui Van Nho", "Nguyen Van Lam", "Hồng Cúm at 22:00"):
        assert subject in questions, subject
    facts = " ".join(item.text for item in outside)
    for subject in ("Navarre", "Đông Nam Á", "Tây Trang", "Quyết chiến Quyết thắng"):
        assert subject in facts, subject


def test_a_ticked_box_survives_a_rebuild(exhibit: Exhibit) -> None:
    sheet = review_sheet(exhibit)
    first = review_items(exhibit)[0][0].text
    ticked = sheet.replace(f"- [ ] {first}\n", f"- [x] {first}\n")
    assert ticked != sheet
    assert review_sheet(exhibit, ticked) == ticked
    changed = ticked.replace(f"- [x] {first}\n", f"- [x] {first} (reworded)\n")
    assert review_sheet(exhibit, changed) == sheet, "a reworded item is asked again"
