"""The command line for reviewing every screen offscreen, and for languages.

Run as a user would, in a real process: ``--kiosk --screenshot`` keeps the
asked size and place, ``--screenshot-presenter`` saves the presenter view,
and a language the content does not declare is refused with exit status 2.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtGui import QImage

from tests.test_screenshot_cli import _run as run_main


def _run(*args: str, tmp: Path) -> subprocess.CompletedProcess[str]:
    return run_main(*args, cache=str(tmp / "cache"))


def test_kiosk_screenshot_keeps_the_size_and_shows_the_attract_screen(tmp_path: Path) -> None:
    attract, opened, classroom = (tmp_path / n for n in ("attract.png", "open.png", "room.png"))
    assert (
        _run("--kiosk", "--size", "1366x768", "--screenshot", str(attract), tmp=tmp_path).returncode
        == 0
    )
    image = QImage(str(attract))
    assert (image.width(), image.height()) == (1366, 768)

    # Opened on a step, a kiosk shows that step, as a classroom window does.
    step = ("--open", "fortress/7", "--size", "1080x1920")
    assert _run("--kiosk", *step, "--screenshot", str(opened), tmp=tmp_path).returncode == 0
    assert _run(*step, "--screenshot", str(classroom), tmp=tmp_path).returncode == 0
    kiosk_image, room_image = QImage(str(opened)), QImage(str(classroom))
    assert (kiosk_image.width(), kiosk_image.height()) == (1080, 1920)
    assert kiosk_image == room_image
    assert kiosk_image != image.scaled(1080, 1920)


def test_the_presenter_view_can_be_saved(tmp_path: Path) -> None:
    audience, presenter = tmp_path / "audience.png", tmp_path / "presenter.png"
    result = _run(
        "--open", "offensive/2", "--size", "1280x720",
        "--screenshot", str(audience), "--screenshot-presenter", str(presenter), tmp=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    shots = QImage(str(audience)), QImage(str(presenter))
    assert all((s.width(), s.height()) == (1280, 720) for s in shots)
    assert shots[0] != shots[1]
    refused = _run("--kiosk", "--screenshot-presenter", str(presenter), tmp=tmp_path)
    assert refused.returncode == 2 and "--screenshot-presenter" in refused.stderr


def test_a_language_the_content_does_not_declare_is_refused(tmp_path: Path) -> None:
    result = _run("--lang", "fr", "--screenshot", str(tmp_path / "x.png"), tmp=tmp_path)
    assert result.returncode == 2
    assert "--lang: 'fr'" in result.stderr and "languages: vi, en" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()

    settings = tmp_path / "settings.yaml"
    settings.write_text("mode: kiosk\nlanguage: de\n", encoding="utf-8")
    result = _run(
        "--settings", str(settings), "--screenshot", str(tmp_path / "y.png"), tmp=tmp_path
    )
    assert result.returncode == 2
    assert f"{settings}: language: 'de'" in result.stderr and "vi, en" in result.stderr

    # A locale of a declared language still picks it.
    assert _run("--lang", "en_GB", "--size", "640x480", "--screenshot", str(tmp_path / "z.png"),
                tmp=tmp_path).returncode == 0  # fmt: skip


def test_check_answers_for_the_language_and_the_place_asked_for(tmp_path: Path) -> None:
    settings = tmp_path / "settings.yaml"
    settings.write_text("language: de\n", encoding="utf-8")
    for args, said in [
        (("--lang", "fr"), "--lang: 'fr'"),
        (("--settings", str(settings)), f"{settings}: language: 'de'"),
        (("--open", "nowhere"), "--open: unknown chapter 'nowhere'"),
    ]:
        result = _run("--check", *args, tmp=tmp_path)
        assert result.returncode == 2, args
        assert said in result.stderr and "is valid" not in result.stdout
    assert _run("--check", "--lang", "en", "--open", "final-day/3", tmp=tmp_path).returncode == 0
