"""Where the bundled content, assets and QML live, relative to this package."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
CONTENT_DIR = PROJECT_DIR / "content"
ASSETS_DIR = PROJECT_DIR / "assets"
FONTS_DIR = ASSETS_DIR / "fonts"
QML_IMPORT_DIR = PACKAGE_DIR / "qml"
