"""The printed handout as a teacher gets it: a real PDF, read back with a real PDF
reader (pypdf), rendered to images with poppler's pdftoppm."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from exhibit.app import main
from exhibit.core.content import load_content
from exhibit.core.model import Exhibit
from exhibit.core.timeline import format_clock
from exhibit.curator import handout_plan as plan
from exhibit.curator.handout import write_handout

PROJECT = Path(__file__).resolve().parents[2]
A4_POINTS = (595.0, 842.0)


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def exhibit() -> Exhibit:
    return load_content(PROJECT / "content", PROJECT / "assets")


@pytest.fixture(scope="module")
def handout(qapp, exhibit: Exhibit, tmp_path_factory) -> tuple[Path, list[plan.Page]]:
    path = tmp_path_factory.mktemp("handout") / "handout.pdf"
    pages = write_handout(exhibit, path, ["vi", "en"])
    return path, pages


@pytest.fixture(scope="module")
def texts(handout) -> list[str]:
    return [normal(page.extract_text()) for page in PdfReader(handout[0]).pages]


def test_the_pages_are_a4_and_as_planned(handout, texts, exhibit: Exhibit) -> None:
    path, pages = handout
    reader = PdfReader(path)
    assert len(reader.pages) == len(pages) == len(texts)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
            A4_POINTS, abs=1
        )
    kinds = [(p.language, p.kind) for p in pages]
    assert kinds[0] == ("vi", "cover")
    assert kinds.index(("en", "cover")) == sum(1 for p in pages if p.language == "vi")
    for language in ("vi", "en"):
        part = [i for i, p in enumerate(pages) if p.language == language]
        assert texts[part[0]].startswith(normal(exhibit.title.get(language)))
        starts = [i for i in part if pages[i].kind == "chapter"]
        assert len(starts) == len(exhibit.chapters)
        for index, chapter in zip(starts, exhibit.chapters, strict=True):
            assert normal(chapter.title.get(language)) in texts[index]
        numbers = [
            f"{n}/{len(part)}" if language == "vi" else f"{n} of {len(part)}"
            for n in range(2, len(part) + 1)
        ]
        for index, number in zip(part[1:], numbers, strict=True):
            assert number in texts[index]
        assert normal(exhibit.string("handout_sources", language)) in texts[part[-1]]


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_step_title_is_printed_in_each_language(
    handout, texts, exhibit: Exhibit, language: str
) -> None:
    _, pages = handout
    part = " ".join(t for t, p in zip(texts, pages, strict=True) if p.language == language)
    for chapter in exhibit.chapters:
        for step in chapter.steps:
            assert normal(step.title.get(language)) in part, step.id
            assert normal(step.body.get(language))[:40] in part, step.id
    for source in exhibit.sources.values():
        assert normal(source.title.get(language)) in part


def test_the_final_day_prints_its_times_and_windows_and_no_invented_minute(
    handout, texts, exhibit: Exhibit
) -> None:
    _, pages = handout
    chapter = next(c for c in exhibit.chapters if c.told_on_clock)
    for language in ("vi", "en"):
        day = " ".join(
            t
            for t, p in zip(texts, pages, strict=True)
            if p.language == language and p.chapter == chapter.title.get(language)
        )
        allowed = {format_clock(m) for m in range(0, 24 * 60 + 1, 60)}  # the axis's hours
        for step in chapter.steps:
            if step.time is None:
                continue
            if step.time.exact:
                assert format_clock(step.time.earliest) in day
                allowed.add(format_clock(step.time.earliest))
            else:
                assert normal(step.time.label.get(language)) in day
        words = " ".join(normal(s.body.get(language)) for s in chapter.steps)
        for time in set(re.findall(r"\b\d\d:\d\d\b", day)):
            assert time in allowed or time in words, time
        for figure in next(s for s in chapter.steps if s.figures).figures:
            assert normal(figure.value.get(language)) in day


def test_the_typeface_is_embedded(handout) -> None:
    reader = PdfReader(handout[0])
    fonts = {}
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            fonts[str(font["/BaseFont"])] = target["/FontDescriptor"].get_object()
    assert fonts
    for name, descriptor in fonts.items():
        assert "BeVietnamPro" in name, name
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), name


def test_the_pages_render_and_are_not_blank(handout, tmp_path: Path, qapp) -> None:
    from PySide6.QtGui import QImage

    if shutil.which("pdftoppm") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftoppm (poppler-utils) is missing: .ci/run installs it")
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    path, pages = handout
    subprocess.run(
        ["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True, timeout=120
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == len(pages)
    for image_path, page in zip(images, pages, strict=True):
        image = QImage(str(image_path))
        assert not image.isNull()
        marked = sum(
            1
            for y in range(0, image.height(), 3)
            for x in range(0, image.width(), 3)
            if image.pixelColor(x, y).lightness() < 200
        )
        assert marked > 50, (image_path.name, page.kind)
        if page.kind == "chapter":  # the map: coloured, not just black on white
            colours = {
                image.pixelColor(x, y).name()
                for y in range(int(image.height() * 0.2), int(image.height() * 0.5), 4)
                for x in range(0, image.width(), 4)
            }
            assert len(colours) > 20, image_path.name


def test_the_command_writes_one_language_or_refuses(tmp_path: Path, capsys) -> None:
    target = tmp_path / "en.pdf"
    assert main(["handout", str(target), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "(en)" in out
    reader = PdfReader(target)
    assert "Dien Bien Phu 1954" in normal(reader.pages[0].extract_text())
    assert "Điện" not in normal(" ".join(p.extract_text() for p in reader.pages[1:3]))
    assert main(["handout", str(tmp_path / "x.pdf"), "--lang", "fr"]) == 2
    assert "--lang" in capsys.readouterr().err
    assert main(["handout", str(tmp_path / "x.txt")]) == 2
    assert not (tmp_path / "x.pdf").exists()
