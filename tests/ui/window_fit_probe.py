"""Open a classroom window on whatever screen Qt offers and print where it went (JSON).

Run by tests/ui/test_window_fit.py in a process of its own, with the
offscreen platform given a 1366x768 laptop screen (a screen's size cannot
change inside one process). ``--remember WxH`` stores a remembered window of
that size first, as a previous run on a bigger screen would have.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem

from exhibit.app import open_window, prepare_qt_environment
from exhibit.core.content import load_content
from exhibit.core.settings import Settings
from exhibit.paths import ASSETS_DIR, CONTENT_DIR
from exhibit.qt.window_memory import WindowMemory

#: What a visitor must be able to reach on a chapter's screen.
CONTROLS = ("homeButton", "languageToggle", "previousButton", "nextButton", "stage", "stepTitle")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--remember", default="")
    args = parser.parse_args()
    prepare_qt_environment(offscreen=True)
    app = QGuiApplication(sys.argv[:1])
    store = QSettings(str(args.store), QSettings.Format.IniFormat)
    if args.remember:
        width, height = (int(n) for n in args.remember.split("x"))
        store.setValue("window/geometry", QRect(200, 120, width, height))
        store.sync()
    running = open_window(
        load_content(CONTENT_DIR, ASSETS_DIR),
        open_spec="fortress/2",
        memory=WindowMemory(store),
        settings=Settings(reduced_motion=True),  # the label at rest, not sliding in
    )
    running.show()
    for _ in range(20):
        app.processEvents()
    window = running.window
    screen = window.screen().availableGeometry()
    items: dict[str, QQuickItem] = {}
    stack = [window.contentItem()]
    while stack:
        item = stack.pop()
        if item.objectName() in CONTROLS and item.isVisible():
            items.setdefault(item.objectName(), item)
        stack.extend(item.childItems())
    controls = {}
    for name in CONTROLS:
        item = items[name]
        box = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
        controls[name] = [box.x(), box.y(), box.width(), box.height()]
    print(
        json.dumps(
            {
                "screen": [screen.x(), screen.y(), screen.width(), screen.height()],
                "window": [window.x(), window.y(), window.width(), window.height()],
                "frame": [
                    window.frameGeometry().x(),
                    window.frameGeometry().y(),
                    window.frameGeometry().width(),
                    window.frameGeometry().height(),
                ],
                "controls": controls,
            }
        )
    )
    running.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
