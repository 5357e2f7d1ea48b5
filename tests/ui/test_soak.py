"""A short soak in CI: a few hundred random visitor actions, no error, no warning.

bench/soak.py runs the long version (10,000 actions, with the memory figures);
this one catches a handler that raises or a binding that warns on some
combination of taps, swipes, keys, toggles and resets the step-by-step tests
never try. The figures it fails with name the action counts and the first
exceptions and warnings.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from tests.conftest import PROJECT_DIR


def _load_soak() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_soak", PROJECT_DIR / "bench" / "soak.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_random_visitors_cause_no_error_and_no_warning(qapp) -> None:
    soak = _load_soak()
    # A kiosk, as on the gallery floor, its idle clock sped up so visitors walk away
    # (notice, reset, attract loop); the window is resized now and then as it goes.
    result = soak.run(actions=300, seed=1954, warmup=20, mean_wait_ms=8, mode="kiosk")
    assert result["actions"] == 300
    assert result["exceptions"] == 0, result["exception_samples"]
    assert result["warnings"] == 0, result["warning_samples"]
    # Loose: a few hundred actions are too few to measure growth, not to see a flood.
    assert result["soak_rss_growth_mb"] < 60, result
    # The C heap's figure (glibc) is read at the same moments as RSS, and is
    # part of it: it is what tells a leak from memory the allocator keeps.
    if soak.heap_mb() is not None:
        assert [entry["actions"] for entry in result["heap_series"]] == [300]
        assert 0 < result["heap_series"][0]["heap_mb"] < result["rss_mb"], result["heap_series"]
