"""What the benchmarks that time frames share: a child process on the software renderer.

Qt chooses its renderer before it starts, so a benchmark that times frames
runs itself again as a fresh process (``--child``), offscreen, on Qt Quick's
software renderer (the slowest the exhibit may meet), and reads the JSON
object the child prints last.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[rank]


def run_child(script: str, *arguments: str) -> dict[str, Any]:
    """Run ``script --child ARGUMENTS`` on the software renderer; its last line, parsed."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QT_QUICK_BACKEND"] = "software"
    env["PYTHONPATH"] = str(PROJECT_DIR) + os.pathsep + env.get("PYTHONPATH", "")
    command = [sys.executable, str(Path(script).resolve()), "--child", *arguments]
    done = subprocess.run(
        command, env=env, cwd=PROJECT_DIR, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{Path(script).name} failed:\n{done.stderr[-2000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures
