"""Load the exhibit's bundled font so Vietnamese renders on a machine with no fonts."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

FONT_SUFFIXES = (".ttf", ".otf")


def register_fonts(font_dir: Path) -> str:
    """Add every font file in ``font_dir`` to the application; return the family name.

    Must be called after the QGuiApplication exists. Raises RuntimeError when no file loads,
    because falling back to a system font would silently drop Vietnamese diacritics.
    """
    families: list[str] = []
    for path in sorted(font_dir.iterdir()) if font_dir.is_dir() else []:
        if path.suffix.lower() in FONT_SUFFIXES:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id != -1:
                families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if not families:
        raise RuntimeError(f"no font could be loaded from {font_dir}")
    return families[0]
