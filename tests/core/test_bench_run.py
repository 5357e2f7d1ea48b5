"""bench/run.py reports every figure, null with the error when a benchmark is missing or fails."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture
def bench_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run_under_test", PROJECT / "bench/run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "BENCH_DIR", tmp_path)
    (tmp_path / "startup.py").write_text(
        "def run(rounds=7):\n"
        "    return {'startup_ratio': 1.5, 'startup_ms': 300.0, 'bare_ms': 200.0,\n"
        "            'toggle_ms': 9.0, 'rounds': rounds}\n"
    )
    (tmp_path / "clock.py").write_text("def run(**kwargs):\n    raise RuntimeError('no clock')\n")
    # soak.py is missing.
    return module


def test_a_failing_or_missing_benchmark_gives_nulls_and_its_error(bench_run, capsys) -> None:
    status = bench_run.main(["--quick"])
    assert status == 0
    result = json.loads(capsys.readouterr().out)
    required = ["startup_ratio", "toggle_ms", "clock_fps", "clock_p95_ms", "paused_cpu_pct"]
    required += ["rss_mb", "soak_rss_growth_mb"]
    assert all(key in result for key in required)
    assert result["startup_ratio"] == 1.5
    assert result["startup_rounds"] == 3  # --quick asked for fewer rounds
    assert result["clock_fps"] is None and "no clock" in result["errors"]["clock"]
    assert result["rss_mb"] is None and "does not exist" in result["errors"]["soak"]


def test_only_runs_the_benchmarks_named(bench_run, capsys) -> None:
    bench_run.main(["--only", "startup"])
    result = json.loads(capsys.readouterr().out)
    assert result["errors"] == {}
    assert result["startup_ms"] == 300.0 and result["startup_rounds"] == 7
    assert result["clock_fps"] is None
