"""Files changed on disk under a running exhibit change nothing a visitor sees.

The map data and the fonts are read into memory at start: deleting or
damaging the files afterwards (an update half done, a full disk, a careless
operator) can neither empty a map nor kill the program.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from exhibit.core.content import load_content
from exhibit.paths import ASSETS_DIR, CONTENT_DIR, FONTS_DIR

PROJECT = Path(__file__).resolve().parents[2]


def test_maps_are_drawn_after_their_files_are_deleted_or_garbled(open_exhibit, tmp_path):
    content, assets = tmp_path / "content", tmp_path / "assets"
    shutil.copytree(CONTENT_DIR, content)
    shutil.copytree(ASSETS_DIR / "maps", assets / "maps")
    visitor = open_exhibit(exhibit=load_content(content, assets), language="en")

    (assets / "maps" / "indochina.json").write_bytes(b"\x00garbage")
    (assets / "maps" / "valley.json").unlink()
    visitor.tap("chapterCard-offensive")

    vietnam = visitor.find("country-704")
    assert visitor.is_shown(vietnam)
    assert vietnam.height() > 0 and vietnam.width() > 0
    assert visitor.is_shown(visitor.find("place-dien-bien-phu"))


# Drawing needs glyphs not drawn before once the files are cut short: a font
# the engine had mapped from its file would then be read past its end.
FONT_SCRIPT = textwrap.dedent(
    """
    import shutil, sys
    from pathlib import Path
    from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter
    from exhibit.qt.fonts import register_fonts

    app = QGuiApplication([])
    source, folder = Path(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir()
    for font in source.glob("*.ttf"):
        shutil.copy(font, folder / font.name)
    family = register_fonts(folder)
    image = QImage(1400, 200, QImage.Format.Format_ARGB32)

    def draw(text, size):
        painter = QPainter(image)
        font = QFont(family)
        font.setPixelSize(size)
        painter.setFont(font)
        painter.drawText(10, 150, text)
        painter.end()

    draw("Điện Biên Phủ", 40)
    for font in folder.glob("*.ttf"):
        with font.open("r+b") as handle:
            handle.truncate(2000)
    draw("ẮẰẲẴẶắằẳẵặẤẦẨẪẬấầẩẫậ 0123456789 Trường Sa Hoàng Sa", 97)
    draw("ỲỴỶỸỳỵỷỹ ƠỚỜỞỠỢ ƯỨỪỬỮỰ", 131)
    print("drawn")
    """
)


def test_fonts_cut_short_under_a_running_exhibit_do_not_kill_it(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", FONT_SCRIPT, str(FONTS_DIR), str(tmp_path / "fonts")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=PROJECT,
        check=False,
    )
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])  # -7 is SIGBUS
    assert result.stdout.strip() == "drawn"
