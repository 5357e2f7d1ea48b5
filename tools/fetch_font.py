"""Copy the bundled Be Vietnam Pro font files from the installed PyPI package.

The exhibit must show Vietnamese correctly on a kiosk that has no fonts of its own, so the
font files live in the repository under ``assets/fonts``. This script rebuilds that folder
from the ``fontpkg-be-vietnam-pro`` package (``pip install fontpkg-be-vietnam-pro``), which
redistributes the upstream files unmodified under the SIL Open Font License.

Run: ``python tools/fetch_font.py`` (optionally ``--dest DIR``). If PySide6 is importable
it also checks that every copied file covers the Vietnamese alphabet.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DEST = REPO / "assets" / "fonts"

# Regular and Italic for body text, Medium/SemiBold for emphasis and labels, Bold for titles.
# The other weights would add ~1.7 MB for no use in the exhibit.
WANTED = (
    "BeVietnamPro-Regular.ttf",
    "BeVietnamPro-Italic.ttf",
    "BeVietnamPro-Medium.ttf",
    "BeVietnamPro-SemiBold.ttf",
    "BeVietnamPro-Bold.ttf",
)

_VI_UPPER = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸĐƯƠ"
_VI_BASE = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨ"
# Combining grave, acute, tilde, hook above and dot below: text typed in decomposed form.
_VI_COMBINING = "\u0300\u0301\u0303\u0309\u0323"
VIETNAMESE = _VI_UPPER + _VI_UPPER.lower() + _VI_BASE + _VI_BASE.lower() + _VI_COMBINING


def package_root() -> Path:
    """Return the folder of the installed ``fontpkg_be_vietnam_pro`` package."""
    try:
        import fontpkg_be_vietnam_pro  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("fontpkg-be-vietnam-pro is not installed: pip install fontpkg-be-vietnam-pro")
    return Path(fontpkg_be_vietnam_pro.__file__).resolve().parent


def copy_fonts(dest: Path) -> list[Path]:
    """Copy the wanted weights and the licence into ``dest``; return the font paths."""
    root = package_root()
    meta = json.loads((root / "metadata.json").read_text(encoding="utf-8"))
    dest.mkdir(parents=True, exist_ok=True)
    copied = []
    for name in WANTED:
        src = root / "files" / name
        if not src.is_file():
            sys.exit(f"missing in the package: {src}")
        copied.append(Path(shutil.copy2(src, dest / name)))
    shutil.copy2(root / "LICENSE", dest / "OFL.txt")
    print(f"{meta['family']} {meta['version']}: copied {len(copied)} files to {dest}")
    return copied


def check_coverage(paths: list[Path]) -> bool:
    """Report whether each font has a glyph for every Vietnamese letter (needs PySide6)."""
    try:
        from PySide6.QtGui import QFont, QGuiApplication, QRawFont
    except ImportError:
        print("PySide6 not importable: coverage check skipped")
        return True
    # QRawFont needs a font engine, which only exists once a GUI application does.
    # QT_QPA_PLATFORM=offscreen makes this work without a display.
    app = QGuiApplication.instance() or QGuiApplication(["fetch_font"])
    ok = True
    for path in paths:
        raw = QRawFont(str(path), 16.0, QFont.HintingPreference.PreferNoHinting)
        if not raw.isValid():
            print(f"{path.name}: not a loadable font")
            ok = False
            continue
        missing = [ch for ch in VIETNAMESE if not raw.supportsCharacter(ord(ch))]
        status = "all Vietnamese letters" if not missing else "missing " + "".join(missing)
        print(f"{path.name} ({raw.familyName()} {raw.styleName()}): {status}")
        ok = ok and not missing
    del app
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST)
    args = parser.parse_args(argv)
    paths = copy_fonts(args.dest)
    return 0 if check_coverage(paths) else 1


if __name__ == "__main__":
    raise SystemExit(main())
