"""Load the exhibit's bundled font so Vietnamese renders on a machine with no fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QFontDatabase

from exhibit.core.assets import read_fonts
from exhibit.core.yamlsource import Problems


def register_fonts(font_dir: Path) -> str:
    """Add every font file in ``font_dir`` to the application; return the family name.

    Each font is checked (:func:`exhibit.core.assets.font_problem`) and handed
    to Qt as bytes in memory, never as a path: a font file that is deleted or
    cut short under a running kiosk cannot take it down (a file the font
    engine maps into memory kills the program with SIGBUS when truncated).

    Must be called after the QGuiApplication exists. Raises RuntimeError when no file loads,
    because falling back to a system font would silently drop Vietnamese diacritics.
    """
    families: list[str] = []
    for _path, data in read_fonts(font_dir, str(font_dir), Problems()):
        font_id = QFontDatabase.addApplicationFontFromData(QByteArray(data))
        if font_id != -1:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        raise RuntimeError(f"no font could be loaded from {font_dir}")
    return families[0]
