"""Images, quotes and converging arrows in the content, and how text is set.

A step may carry images (a file in the content folder, a caption and alt text
in every language, a credit and a licence), a quotation set large, and
arrows converging on one place; a chapter may carry an emblem. Each is
checked the way every other field is: a mistake is reported with its file,
line and field, together with every other mistake.
"""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from exhibit.core.images import (
    MAX_IMAGE_BYTES,
    MAX_IMAGE_SIDE,
    ImageError,
    read_image_info,
)
from exhibit.core.kicker import MAX_KICKER_NAMES, kicker_places, named_in
from exhibit.core.model import Exhibit
from exhibit.core.session import Session
from exhibit.core.typography import WORD_JOINER, keep_words_whole
from tests.core.test_content import (
    PROJECT,
    find_line,
    insert_after,
    matching,
    only_problem,
    problems_of,
)

SHIPPED = PROJECT / "content"
NO_BREAK_SPACE = "\u00a0"


def png_bytes(width: int, height: int) -> bytes:
    """A real PNG (one grey row repeated), small enough to write in a test."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 4)))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def jpeg_header(width: int, height: int) -> bytes:
    """The markers a JPEG starts with: SOI, an APP0 segment, then a baseline frame header."""
    app0 = b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    frame = struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00"
    return (
        b"\xff\xd8"
        + b"\xff\xe0"
        + struct.pack(">H", len(app0) + 2)
        + app0
        + b"\xff\xc0"
        + struct.pack(">H", len(frame) + 2)
        + frame
        + b"\xff\xd9"
    )


# ---------------------------------------------------------------------------
# Reading an image's kind and size.


def test_png_jpeg_and_svg_sizes_are_read(tmp_path: Path) -> None:
    png = tmp_path / "a.png"
    png.write_bytes(png_bytes(640, 480))
    jpeg = tmp_path / "b.jpg"
    jpeg.write_bytes(jpeg_header(1200, 800))
    svg = tmp_path / "c.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"/>')
    sized = tmp_path / "d.svg"
    sized.write_text(
        '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="64px" height="48"/>'
    )
    assert (read_image_info(png).kind, read_image_info(png).width) == ("png", 640)
    assert (read_image_info(jpeg).width, read_image_info(jpeg).height) == (1200, 800)
    assert (read_image_info(svg).width, read_image_info(svg).height) == (160, 90)
    assert (read_image_info(sized).width, read_image_info(sized).height) == (64, 48)


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"GIF89a\x01\x00\x01\x00", ["not a PNG, JPEG or SVG"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ["damaged PNG"]),
        (b"\xff\xd8\xff\xda\x00\x02", ["damaged JPEG"]),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><g></svg>", ["not a readable SVG"]),
        (b"<?xml version='1.0'?><html/>", ["not an SVG drawing"]),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg' width='100%'/>",
            ["no width, height or viewBox"],
        ),
    ],
    ids=["gif", "short-png", "jpeg-no-frame", "broken-svg", "xml-not-svg", "svg-no-size"],
)
def test_a_file_that_is_not_an_image_the_exhibit_shows(
    tmp_path: Path, data: bytes, words: list[str]
) -> None:
    path = tmp_path / "image"
    path.write_bytes(data)
    with pytest.raises(ImageError) as caught:
        read_image_info(path)
    assert all(word in str(caught.value) for word in words), str(caught.value)


def test_an_image_too_large_to_decode_on_a_kiosk(tmp_path: Path) -> None:
    wide = tmp_path / "wide.png"
    wide.write_bytes(png_bytes(MAX_IMAGE_SIDE + 1, 10))
    with pytest.raises(ImageError, match=f"at most {MAX_IMAGE_SIDE}"):
        read_image_info(wide)
    heavy = tmp_path / "heavy.png"
    heavy.write_bytes(png_bytes(10, 10) + b"\0" * MAX_IMAGE_BYTES)
    with pytest.raises(ImageError, match="bytes"):
        read_image_info(heavy)


# ---------------------------------------------------------------------------
# The shipped content's images, emblems, quote and arrows.


def test_the_shipped_drawings_are_the_exhibits_own(exhibit: Exhibit) -> None:
    pictures = [p for c in exhibit.chapters for s in c.steps for p in s.images]
    assert {p.file.relative_to(SHIPPED.resolve()).as_posix() for p in pictures} >= {
        "images/fortress-profile.svg",
    }
    for picture in pictures:
        assert picture.file.is_file() and picture.file.suffix == ".svg", picture.file
        assert read_image_info(picture.file).width > 0
        for text in (picture.caption, picture.alt, picture.credit):
            assert set(text.values) == {"vi", "en"}
    assert all(c.emblem is not None and c.emblem.is_file() for c in exhibit.chapters)


def test_the_endings_of_chapters_one_and_two(exhibit: Exhibit) -> None:
    offensive, fortress = exhibit.chapter("offensive"), exhibit.chapter("fortress")
    assert offensive is not None and fortress is not None
    last = offensive.steps[-1]
    assert last.converge is not None and last.converge.target == "dien-bien-phu"
    assert len(last.converge.origins) >= 5
    fronts = {
        p
        for s in offensive.steps[:-1]
        for p in s.places
        if exhibit.places[p].kind in ("front", "region")
    }
    assert set(last.converge.origins) <= fronts
    quote = fortress.steps[-1].quote
    assert quote is not None
    assert quote.text.get("vi") == "“một pháo đài bất khả xâm phạm”"
    assert quote.text.get("en") == "“an impregnable fortress”"
    lit = set(fortress.steps[-1].places)
    sectors = {p.id for p in exhibit.places.values() if p.kind == "sector"}
    assert sectors <= lit, "the whole fortress (its three sub-sectors) is lit"


@pytest.mark.parametrize(
    ("chapter", "step", "values"),
    [
        (
            "offensive",
            "bac-tay-nguyen",
            {"en": ["2,000", "200,000"], "vi": ["2\u00a0000", "20\u00a0vạn"]},
        ),
        ("offensive", "nam-trung-bo", {"en": ["40,000"]}),
        ("fortress", "navarre", {"en": ["16,200"], "vi": ["16\u00a0200"]}),
        ("fortress", "forty-nine", {"en": ["3", "49"]}),
        ("fortress", "sector-centre", {"vi": ["2/3"], "en": ["two-thirds"]}),
    ],
)
def test_key_figures_are_data_in_both_languages(
    exhibit: Exhibit, chapter: str, step: str, values: dict[str, list[str]]
) -> None:
    found = exhibit.chapter(chapter)
    assert found is not None
    index = found.step_index(step)
    assert index is not None
    figures = found.steps[index].figures
    for language, expected in values.items():
        assert [f.value.get(language) for f in figures] == expected
    assert all(f.label.get("vi") and f.label.get("en") for f in figures)


# ---------------------------------------------------------------------------
# Mistakes in images, with file and line.

_GOOD_IMAGE = """\
    images:
      - file: images/fortress-profile.svg
        caption: {vi: Chú thích, en: Caption}
        alt: {vi: Mô tả, en: Description}
        credit: {vi: Tác giả, en: Author}
        licence: CC0
"""


def test_a_missing_image_a_missing_credit_and_a_missing_alt_are_three_errors(
    content: Path,
) -> None:
    """The fixture the curators' guide describes: three mistakes, three lines, at once."""
    chapter = content / "chapters" / "fortress.yaml"
    first = insert_after(
        chapter,
        "- id: navarre",
        "    images:\n"
        "      - file: images/archive/missing-photo.jpg\n"
        "        caption: {vi: Ảnh, en: Photo}\n"
        "        alt: {vi: Mô tả, en: Description}\n"
        "        credit: {vi: Lưu trữ, en: Archive}\n"
        "        licence: CC BY 4.0\n"
        "      - file: images/fortress-profile.svg\n"
        "        caption: {vi: Hình vẽ, en: Drawing}\n"
        "        alt: {vi: Mô tả, en: Description}\n"
        "        licence: MIT\n"
        "      - file: images/fortress-profile.svg\n"
        "        caption: {vi: Hình vẽ, en: Drawing}\n"
        "        credit: {vi: Triển lãm, en: The exhibit}\n"
        "        licence: MIT\n",
    )
    missing_file = first + 1
    no_credit = first + 6
    no_alt = first + 10
    result = subprocess.run(
        [sys.executable, "main.py", "--content", str(content), "--check"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    lines = [line.strip() for line in result.stderr.splitlines()[1:]]
    assert len(lines) == 3, result.stderr
    step = "steps[1].images"
    assert lines[0].startswith(f"content/chapters/fortress.yaml:{missing_file}: {step}[0].file: ")
    assert "'images/archive/missing-photo.jpg' does not exist" in lines[0]
    assert lines[1] == f"content/chapters/fortress.yaml:{no_credit}: {step}[1]: is missing 'credit'"
    assert lines[2] == f"content/chapters/fortress.yaml:{no_alt}: {step}[2]: is missing 'alt'"


def test_an_unreadable_image_and_an_oversized_one(content: Path) -> None:
    (content / "images" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    (content / "images" / "huge.png").write_bytes(png_bytes(9000, 9000))
    chapter = content / "chapters" / "fortress.yaml"
    first = insert_after(
        chapter,
        "- id: navarre",
        _GOOD_IMAGE.replace("fortress-profile.svg", "broken.png")
        + _GOOD_IMAGE.replace("    images:\n", "").replace("fortress-profile.svg", "huge.png"),
    )
    found = problems_of(content)
    matching(found, "chapters/fortress.yaml", first + 1, "steps[1].images[0].file", "damaged PNG")
    matching(found, "chapters/fortress.yaml", first + 6, "steps[1].images[1].file", "9000x9000")
    assert len(found) == 2, found


@pytest.mark.parametrize("path", ["../exhibit.yaml", "/etc/hostname", "images/../../outside.svg"])
def test_an_image_outside_the_content_folder(content: Path, path: str) -> None:
    chapter = content / "chapters" / "fortress.yaml"
    first = insert_after(
        chapter, "- id: navarre", _GOOD_IMAGE.replace("images/fortress-profile.svg", path)
    )
    only_problem(
        content,
        "chapters/fortress.yaml",
        first + 1,
        "steps[1].images[0].file",
        "inside the content folder",
    )


def test_an_image_without_a_caption_translation(content: Path) -> None:
    chapter = content / "chapters" / "fortress.yaml"
    first = insert_after(
        chapter,
        "- id: navarre",
        _GOOD_IMAGE.replace("{vi: Chú thích, en: Caption}", "{vi: Chú thích}"),
    )
    only_problem(content, "chapters/fortress.yaml", first + 2, "steps[1].images[0].caption", "'en'")


def test_a_missing_emblem(content: Path) -> None:
    chapter = content / "chapters" / "offensive.yaml"
    line = find_line(chapter, "emblem:")
    text = chapter.read_text(encoding="utf-8").replace("emblem-offensive.svg", "emblem-gone.svg")
    chapter.write_text(text, encoding="utf-8")
    only_problem(content, "chapters/offensive.yaml", line, "emblem", "does not exist")


def test_a_quote_without_its_speaker(content: Path) -> None:
    chapter = content / "chapters" / "fortress.yaml"
    line = find_line(chapter, "quote:")
    lines = chapter.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[line + 1].strip().startswith("by:")
    del lines[line + 1]
    chapter.write_text("".join(lines), encoding="utf-8")
    only_problem(content, "chapters/fortress.yaml", line + 1, "steps[6].quote", "is missing 'by'")


def test_arrows_from_a_place_on_another_map_or_without_a_position(content: Path) -> None:
    chapter = content / "chapters" / "offensive.yaml"
    line = find_line(chapter, "origins: [bac-tay-nguyen")
    text = chapter.read_text(encoding="utf-8").replace(
        "origins: [bac-tay-nguyen,", "origins: [a1, railway, bac-tay-nguyen,"
    )
    chapter.write_text(text, encoding="utf-8")
    found = problems_of(content)
    matching(
        found, "chapters/offensive.yaml", line, "steps[8].converge.origins[0]", "'a1'", "valley"
    )
    matching(
        found, "chapters/offensive.yaml", line, "steps[8].converge.origins[1]", "without a position"
    )
    assert len(found) == 2, found


# ---------------------------------------------------------------------------
# Names that never break, and the line of names above a title.


def test_hyphenated_words_never_break() -> None:
    text = keep_words_whole("bắt tướng Đờ Cát-xtơ-ri; the northern sub-sector; 1953-1954; -5")
    assert f"Cát-{WORD_JOINER}xtơ-{WORD_JOINER}ri" in text
    assert f"sub-{WORD_JOINER}sector" in text
    assert "1953-1954" in text and "; -5" in text, "only a hyphen between two letters"
    assert keep_words_whole(text) == text, "setting twice changes nothing"


def test_the_screen_keeps_names_whole_and_the_content_keeps_its_words(exhibit: Exhibit) -> None:
    session = Session(exhibit, "vi")
    raw = exhibit.places["command-post"].name.get("vi")
    assert WORD_JOINER not in raw, "the content (exports, the handout) is as written"
    shown = session.local(exhibit.places["command-post"].name)
    assert f"Cát-{WORD_JOINER}xtơ-{WORD_JOINER}ri" in shown
    assert shown.replace(WORD_JOINER, "") == raw
    session.set_language("en")
    assert re.search("sub-\u2060sector", session.local(exhibit.places["sector-north"].name))
    assert f"Sub-{WORD_JOINER}sector" in session.text("sector_label")


def test_the_kicker_never_repeats_the_body_and_names_at_most_two(exhibit: Exhibit) -> None:
    assert named_in("Pleiku (Plâyku)", "Pleiku was encircled")
    assert named_in(f"Hải{NO_BREAK_SPACE}Phòng", "trên đường Hà Nội – Hải Phòng")
    assert not named_in("Kon Tum", "Kon Tumbler")
    for chapter in exhibit.chapters:
        for step in chapter.steps:
            kicker = kicker_places(step, exhibit.places)
            assert len(kicker) <= MAX_KICKER_NAMES, (chapter.id, step.id)
            for place_id in kicker:
                for language, body in step.body.values.items():
                    name = exhibit.places[place_id].name.get(language)
                    assert not named_in(name, body), (step.id, name)
    intro = exhibit.chapter("offensive").steps[0]  # type: ignore[union-attr]
    assert kicker_places(intro, exhibit.places) == [], "five fronts, all named in the body"
