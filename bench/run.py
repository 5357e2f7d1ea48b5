"""Run every benchmark and print their figures as one JSON object.

    python bench/run.py            # full: 7 start-up rounds, 10,000 soak actions
    python bench/run.py --quick    # for CI: fewer rounds, 1,000 soak actions

Each benchmark is a module in bench/ with a ``run(...) -> dict`` function,
loaded by path: startup.py (start-up against a bare Qt Quick window, language
toggle), step.py (tap "next" to the next frame on each chapter, against a bare
window's frame), clock.py (the final-day clock's frame rate with and without
its arrows, and idle CPU), soak.py (random visitor actions: errors,
warnings, memory every 1,000 actions) and preview.py (a curator's live
preview: a saved file to the screen, against new content handed over in
memory; memory over many reloads). A benchmark that is
missing or fails gives nulls for its figures and its error under ``errors``;
the others still run. The figures are printed, never judged: this exits 0.
Progress goes to stderr, the JSON to stdout.
"""

from __future__ import annotations

import argparse
import importlib.util
import inspect
import json
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent

#: The figures every run reports (null when their benchmark could not run),
#: by the benchmark that produces them.
FIGURES: dict[str, tuple[str, ...]] = {
    "startup": ("startup_ratio", "startup_ms", "bare_ms", "toggle_ms", "startup_cpu_ratio"),
    "step": (
        "step_ms",
        "step_p95_ms",
        "step_floor_ms",
        "step_ratio",
        "step_cpu_ms",
        "step_floor_cpu_ms",
    ),
    "clock": (
        "clock_fps",
        "clock_p95_ms",
        "render_p95_ms",
        "paused_cpu_pct",
        "clock_fps_no_arrows",
        "render_p95_ms_no_arrows",
        "render_p95_ratio",
    ),
    "soak": (
        "rss_mb",
        "soak_rss_growth_mb",
        "soak_rss_tail_growth_mb",
        "rss_series",
        "soak_heap_tail_growth_mb",
        "heap_series",
    ),
    "preview": (
        "preview_save_ms",
        "preview_floor_ms",
        "preview_ratio",
        "preview_check_ms",
        "preview_rss_growth_mb",
        "preview_rss_series",
    ),
}
#: Soak figures reported under a ``soak_`` prefix (the rest stay in its own output).
SOAK_EXTRA = ("actions", "exceptions", "warnings", "rss_start_mb", "duration_s")


def load(name: str) -> ModuleType:
    """bench/<name>.py as a module (bench/ is not a package)."""
    path = BENCH_DIR / f"{name}.py"
    if not path.is_file():
        raise FileNotFoundError(f"{path.relative_to(BENCH_DIR.parent)} does not exist")
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def call_run(module: ModuleType, **wanted: Any) -> dict[str, Any]:
    """``module.run(**wanted)``, passing only the arguments its run() accepts."""
    run = module.run
    parameters = inspect.signature(run).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())
    given = {k: v for k, v in wanted.items() if takes_any or k in parameters}
    result = run(**given)
    if not isinstance(result, dict):
        raise TypeError(f"run() returned {type(result).__name__}, not a dict")
    return result


def plan(quick: bool, soak_actions: int | None) -> dict[str, dict[str, Any]]:
    """Each benchmark's arguments, for a full or a quick run."""
    actions = soak_actions if soak_actions is not None else (1_000 if quick else 10_000)
    return {
        "startup": {"rounds": 3 if quick else 7, "cold_rounds": 1 if quick else 3},
        "step": {"passes": 1 if quick else 2},
        "clock": {"paused_seconds": 3.0 if quick else 10.0},
        "soak": {"actions": actions},
        "preview": {"saves": 6 if quick else 12, "reloads": 60 if quick else 200},
    }


def run_all(
    quick: bool = False, only: tuple[str, ...] = (), soak_actions: int | None = None
) -> dict[str, Any]:
    figures: dict[str, Any] = {key: None for keys in FIGURES.values() for key in keys}
    errors: dict[str, str] = {}
    seconds: dict[str, float] = {}
    for name, arguments in plan(quick, soak_actions).items():
        if only and name not in only:
            continue
        print(f"bench: {name} {arguments}", file=sys.stderr, flush=True)
        started = time.perf_counter()
        try:
            result = call_run(load(name), **arguments)
        except Exception as error:  # one broken benchmark must not hide the others
            errors[name] = f"{type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
            continue
        finally:
            seconds[name] = round(time.perf_counter() - started, 1)
        for key in FIGURES[name]:
            figures[key] = result.get(key)
        if name == "soak":
            for key in SOAK_EXTRA:
                figures[f"soak_{key}"] = result.get(key)
        else:
            for key, value in result.items():
                if key not in figures and isinstance(value, int | float | str | bool):
                    figures[f"{name}_{key}" if not key.startswith(name) else key] = value
    return {**figures, "quick": quick, "seconds": seconds, "errors": errors}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run for CI")
    parser.add_argument("--soak-actions", type=int, default=None, help="soak actions")
    parser.add_argument(
        "--only", default="", help=f"comma-separated benchmarks ({', '.join(FIGURES)})"
    )
    options = parser.parse_args(argv)
    only = tuple(name for name in options.only.split(",") if name)
    unknown = sorted(set(only) - set(FIGURES))
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    result = run_all(options.quick, only, options.soak_actions)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
