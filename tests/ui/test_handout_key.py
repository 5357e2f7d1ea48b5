"""Ctrl+P in the classroom window saves the printed handout, through a save dialog.

The dialog is not driven by clicks (a platform's own dialog may stand in for
Qt's): the test checks that it opened on a sensible file, chooses a file as
a teacher would, accepts, and reads the PDF and the confirmation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMetaObject, QObject, Qt, QUrl

from exhibit.core.settings import Settings
from exhibit.core.typography import WORD_JOINER
from exhibit.qt import handout_backend


@pytest.fixture(autouse=True)
def _documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The teacher's Documents folder: a folder of the test's, never the user's own."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    monkeypatch.setattr(handout_backend, "handout_folder", lambda: folder)
    return folder


def handout_dialog(visitor) -> QObject | None:
    found = [o for o in visitor.window.findChildren(QObject) if o.objectName() == "handoutDialog"]
    return found[0] if found else None


def test_ctrl_p_saves_the_handout_in_the_current_language(open_exhibit, _documents) -> None:
    visitor = open_exhibit(language="en", open_spec="offensive/2")
    assert handout_dialog(visitor) is None  # nothing of it is built before it is asked for

    visitor.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)

    dialog = handout_dialog(visitor)
    assert dialog is not None
    visitor.qtbot.waitUntil(lambda: bool(dialog.property("visible")), timeout=3000)
    proposed = Path(QUrl(dialog.property("selectedFile")).toLocalFile())
    assert proposed == _documents / "dien-bien-phu-1954-handout.pdf"  # named in English
    assert dialog.property("title") == "Save the printed handout"

    # The teacher takes the proposed file.
    with visitor.qtbot.waitSignal(visitor.backends.handout.saved, timeout=60000) as saved:
        QMetaObject.invokeMethod(dialog, "accept")
    visitor.settle(50)

    written = Path(saved.args[0])
    assert written == proposed
    assert written.read_bytes().startswith(b"%PDF")
    notice = visitor.find("handoutNoticeText")
    assert visitor.is_shown(notice)
    # The path as the screen sets it: no line break after its hyphens.
    shown = str(notice.property("text")).replace(WORD_JOINER, "")
    assert shown == f"Handout saved: {written}"


def test_the_handout_is_named_in_vietnamese_too(open_exhibit) -> None:
    visitor = open_exhibit(language="vi")
    visitor.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = handout_dialog(visitor)
    assert dialog is not None
    visitor.qtbot.waitUntil(lambda: bool(dialog.property("visible")), timeout=3000)
    assert QUrl(dialog.property("selectedFile")).fileName() == "dien-bien-phu-1954-tai-lieu.pdf"
    assert dialog.property("title") == "Lưu tài liệu in"
    QMetaObject.invokeMethod(dialog, "reject")
    visitor.settle(50)
    assert visitor.backends.handout.notice == ""  # nothing saved, nothing said


def test_a_name_typed_without_pdf_gets_it(open_exhibit, tmp_path: Path) -> None:
    visitor = open_exhibit(language="en")
    target = tmp_path / "class 9B" / "handout"
    with visitor.qtbot.waitSignal(visitor.backends.handout.saved, timeout=60000) as saved:
        visitor.backends.handout.save(QUrl.fromLocalFile(str(target)).toString())
    assert saved.args[0] == f"{target}.pdf"
    assert Path(saved.args[0]).read_bytes().startswith(b"%PDF")


def test_a_kiosk_offers_no_handout(open_exhibit) -> None:
    visitor = open_exhibit(language="en", settings=Settings(mode="kiosk"))
    visitor.key(Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    visitor.backends.handout.request()  # even asked directly
    visitor.settle(50)
    assert handout_dialog(visitor) is None
    assert visitor.backends.handout.requests == 0


def test_a_file_that_cannot_be_written_is_said_so(open_exhibit, tmp_path: Path) -> None:
    visitor = open_exhibit(language="en")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    target = blocker / "handout.pdf"
    with visitor.qtbot.waitSignal(visitor.backends.handout.saved, timeout=60000) as saved:
        visitor.backends.handout.save(str(target))
    visitor.settle(50)
    assert saved.args[0] == ""
    shown = visitor.text("handoutNoticeText").replace(WORD_JOINER, "")
    assert shown == f"Could not save the handout to {target}"
