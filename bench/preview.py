"""A curator's live preview (--watch): from a saved file to the screen, and memory over reloads.

A fresh process (offscreen, Qt Quick's software renderer) copies the content
to a temporary folder and opens it with the live preview at 1920x1080 on
``fortress/1`` (a step with a drawing beside its text). Then:

- **Latency** (``saves`` times): the step's title is edited and saved as
  editors do (a temporary file renamed over the old one); each save is timed
  from just before the rename to the first frame that shows the new title.
  That includes the watcher, the debounce's quiet time
  (``exhibit.core.livepreview.QUIET_S``), hashing and reading the content,
  and redrawing. ``preview_check_ms`` is the part spent checking and
  reading (hash, YAML, maps) and handing the content over.
- **Floor**, in the same process: the same change made without a file, by
  handing already-read content to the session, timed the same way (what
  showing new content costs on this renderer and machine, with nothing
  watched or read).
- **Memory** (``reloads`` times): the chapter file, the places file and the
  step's drawing alternate between two versions (a step title, a place's
  name on the plan, so the map's labels are rebuilt, and a colour of the
  drawing, so it is decoded again), each save read at once (no debounce
  wait) and drawn; RSS is read on the same screen after 20 reloads
  (the floor) and every 50, after a garbage collection.

    python bench/preview.py [--saves 12] [--reloads 200]

Prints a JSON object; ``run()`` returns the same figures for bench/run.py:
``preview_save_ms`` (median, p95), ``preview_floor_ms``, ``preview_ratio``
(median over floor), ``preview_check_ms``, ``preview_rss_growth_mb`` (last
sample minus the one after 20 reloads) and ``preview_rss_series``.
Target: every save on screen within 1,000 ms; no growth past noise (a few MB).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR / "bench"))
from software import percentile, run_child  # noqa: E402  (bench/ is not a package)

TITLE = "A key valley"
PLACE = "Northern sub-sector"
DRAWING = "images/fortress-profile.svg"
COLOUR = 'fill="#4f8fbf"'  # the river, in the drawing
SETTLE_MS = 400
WARMUP_RELOADS = 20
SAMPLE_EVERY = 50


def _save(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _child(saves: int, reloads: int) -> dict[str, Any]:
    if str(PROJECT_DIR) not in sys.path:
        sys.path.insert(0, str(PROJECT_DIR))
    from exhibit.app import open_window, prepare_qt_environment
    from exhibit.core.content import load_content
    from exhibit.core.livepreview import QUIET_S, LivePreview, read_with_files
    from exhibit.paths import ASSETS_DIR, CONTENT_DIR

    prepare_qt_environment(offscreen=True)
    import soak  # bench/soak.py: memory readings and an event loop that deletes
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])
    folder = Path(tempfile.mkdtemp(prefix="exhibit-preview-bench-"))
    try:
        content = folder / "content"
        shutil.copytree(CONTENT_DIR, content)
        chapter, places = content / "chapters" / "fortress.yaml", content / "places.yaml"
        chapter_text = chapter.read_text(encoding="utf-8")
        places_text = places.read_text(encoding="utf-8")
        drawing = content / DRAWING
        drawing_text = drawing.read_text(encoding="utf-8")
        if TITLE not in chapter_text or PLACE not in places_text or COLOUR not in drawing_text:
            raise RuntimeError("the content no longer has the texts this benchmark edits")

        exhibit, files = read_with_files(content, ASSETS_DIR)
        preview = LivePreview(content, ASSETS_DIR, exhibit, files)
        running = open_window(exhibit, language="en", open_spec="fortress/1", preview=preview)
        window = running.window
        backend = running.backends.preview
        window.show()
        soak.wait_ms(1000)

        def title_item() -> Any:
            stack = [window.contentItem()]
            while stack:
                item = stack.pop()
                if item.objectName() == "stepTitle" and item.isVisible():
                    return item
                stack.extend(item.childItems())
            raise LookupError("stepTitle")

        def shown_ms(act: Any, wanted: str) -> float:
            """Milliseconds from ``act()`` to the first frame drawn with ``wanted`` as the title."""
            seen: list[float] = []
            loop = QEventLoop()

            def on_swap() -> None:
                if not seen and title_item().property("text") == wanted:
                    seen.append(time.perf_counter())
                    loop.quit()

            window.frameSwapped.connect(on_swap)
            started = time.perf_counter()
            act()
            QTimer.singleShot(5000, loop.quit)
            loop.exec()
            window.frameSwapped.disconnect(on_swap)
            if not seen:
                raise RuntimeError(f"{wanted!r} not on screen within 5 s")
            return (seen[0] - started) * 1000.0

        checks: list[float] = []
        check_now = backend.check_now

        def timed_check() -> None:
            started = time.perf_counter()
            check_now()
            checks.append((time.perf_counter() - started) * 1000.0)

        backend.check_now = timed_check  # type: ignore[method-assign]
        latencies = []
        for n in range(saves):
            wanted = f"{TITLE} ({n + 1})"
            edited = chapter_text.replace(TITLE, wanted)
            latencies.append(shown_ms(lambda edited=edited: _save(chapter, edited), wanted))
            soak.wait_ms(SETTLE_MS)
        backend.check_now = check_now  # type: ignore[method-assign]

        # The floor: the same change, handed over already read.
        session = running.backends.session
        floor = []
        versions = []
        for n in range(2):
            _save(chapter, chapter_text.replace(TITLE, f"{TITLE} [{n}]"))
            versions.append(load_content(content, ASSETS_DIR))
        soak.wait_ms(SETTLE_MS)  # the watcher reads these saves too; let it finish
        for n in range(saves):
            version = versions[n % 2]
            wanted = f"{TITLE} [{n % 2}]"
            floor.append(shown_ms(lambda v=version: session.replace_exhibit(v), wanted))
            soak.wait_ms(SETTLE_MS)

        # Memory over many reloads, each read at once.
        series: list[tuple[int, float]] = []
        for n in range(1, reloads + 1):
            odd = n % 2 == 1
            _save(chapter, chapter_text.replace(TITLE, f"{TITLE} (odd)") if odd else chapter_text)
            _save(places, places_text.replace(PLACE, f"{PLACE} (odd)", 1) if odd else places_text)
            _save(drawing, drawing_text.replace(COLOUR, 'fill="#bf4f8f"') if odd else drawing_text)
            backend.check_now()
            soak.wait_ms(30)
            if n in (WARMUP_RELOADS, reloads) or n % SAMPLE_EVERY == 0:
                soak.wait_ms(200)
                soak._collect(running)
                series.append((n, round(soak.rss_mb(), 2)))
        running.close()
        soak.wait_ms(100)
        del app
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    floor_median = statistics.median(floor)
    save_median = statistics.median(latencies)
    start = next((mb for n, mb in series if n >= WARMUP_RELOADS), series[0][1] if series else 0.0)
    return {
        "preview_save_ms": {
            "median": round(save_median, 1),
            "p95": round(percentile(latencies, 0.95), 1),
            "max": round(max(latencies), 1),
            "n": len(latencies),
        },
        "preview_quiet_ms": round(QUIET_S * 1000),
        "preview_check_ms": round(statistics.median(checks), 1) if checks else None,
        "preview_floor_ms": round(floor_median, 1),
        "preview_ratio": round(save_median / floor_median, 2) if floor_median > 0 else None,
        "preview_reloads": reloads,
        "preview_rss_growth_mb": round(series[-1][1] - start, 2) if series else None,
        "preview_rss_series": series,
        "load_average": round(os.getloadavg()[0], 2),
    }


def run(saves: int = 12, reloads: int = 200) -> dict[str, Any]:
    """Measure in a fresh process (the renderer is chosen before Qt starts)."""
    return run_child(__file__, f"--saves={saves}", f"--reloads={reloads}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=12)
    parser.add_argument("--reloads", type=int, default=200)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        print(json.dumps(_child(options.saves, options.reloads)), flush=True)
        return
    print(json.dumps(run(options.saves, options.reloads), indent=2))


if __name__ == "__main__":
    main()
