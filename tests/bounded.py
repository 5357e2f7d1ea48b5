"""Run a function in a child process that cannot use more than a little CPU and memory.

The hostile-file tests must show that no input makes the exhibit hang, spin
or fill memory. Timing a call would measure this shared machine's load, so
instead each call runs in a child with resource limits (``RLIMIT_CPU``,
``RLIMIT_AS``): a call that needs more than :data:`CPU_SECONDS` of CPU or
:data:`MEMORY_MB` of new address space is killed by the kernel, and the test
fails saying which limit it hit. The children are forked from a clean
``forkserver`` process (no Qt in it) that has the loader imported already,
so a call costs a fork, not a Python start.

A child blocked without using CPU (reading a FIFO) would not trip either
limit; :data:`STUCK_AFTER_S` of wall-clock time ends it and fails the test.
That is a guard against a hanging test run, not a measurement.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

CPU_SECONDS = 2
MEMORY_MB = 64
STUCK_AFTER_S = 60

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(
    [
        "yaml",
        "exhibit.core.content",
        "exhibit.core.content_cache",
        "exhibit.core.settings",
        "exhibit.core.assets",
        "tests.bounded",
    ]
)


@dataclass(frozen=True)
class Outcome:
    """What the call returned (or raised), and what it cost."""

    value: Any
    error: str | None
    cpu_s: float
    memory_mb: float


def _address_space() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[0]) * resource.getpagesize()


def _child(connection: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    start = _address_space()
    limit = start + MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    before = resource.getrusage(resource.RUSAGE_SELF)
    value, error = None, None
    try:
        value = function(*args)
    except BaseException:  # reported to the test, which decides
        error = traceback.format_exc()
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    with open("/proc/self/status", encoding="ascii") as status:
        peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmPeak:"))
    grown = max(0.0, peak_kb * 1024 - start) / (1024 * 1024)
    connection.send(Outcome(value, error, cpu, grown))
    connection.close()


def run_bounded(function: Callable[..., Any], *args: Any) -> Outcome:
    """``function(*args)`` in a limited child; fails the test if a limit was hit."""
    receive, send = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(target=_child, args=(send, function, args))
    process.start()
    send.close()
    if not receive.poll(STUCK_AFTER_S):
        process.kill()
        process.join()
        raise AssertionError(f"stuck: no answer after {STUCK_AFTER_S} s without using its CPU")
    try:
        outcome: Outcome = receive.recv()
    except EOFError:
        outcome = None  # type: ignore[assignment]
    process.join(STUCK_AFTER_S)
    if outcome is None:
        code = process.exitcode
        reason = {
            -signal.SIGXCPU: f"over the CPU limit of {CPU_SECONDS} s",
            -signal.SIGKILL: "killed (over a limit)",
            -signal.SIGSEGV: "crashed (SIGSEGV)",
            -signal.SIGBUS: "crashed (SIGBUS)",
        }.get(code or 0, f"exit status {code}")
        raise AssertionError(f"the call ended without an answer: {reason}")
    if outcome.error is not None and "MemoryError" in outcome.error:
        raise AssertionError(f"over the memory limit of {MEMORY_MB} MB:\n{outcome.error}")
    return outcome


# -- what the children run (here, so the fork server has them imported) ---------


def load_content_problems(content_dir: str, assets_dir: str) -> list[str] | None:
    """The content's problems as printed, or None if it is valid (and every map draws)."""
    from pathlib import Path

    from exhibit.core.content import load_content
    from exhibit.core.maps import build_exhibit_map
    from exhibit.core.yamlsource import ContentError

    try:
        exhibit = load_content(Path(content_dir), Path(assets_dir))
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    for map_id in exhibit.maps:
        data = build_exhibit_map(exhibit, map_id)
        assert data.view_width > 0 and data.view_height > 0
    return None


def load_settings_problems(path: str) -> list[str] | None:
    """The settings file's problems as printed, or None if it is valid."""
    from pathlib import Path

    from exhibit.core.settings import load_settings
    from exhibit.core.yamlsource import ContentError

    try:
        load_settings(Path(path))
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return None


def load_from_cache(content_dir: str, assets_dir: str, cache_dir: str) -> Any:
    """What the cache gives for the content: an Exhibit, or None."""
    from pathlib import Path

    from exhibit.core.content_cache import load_cached

    return load_cached(Path(content_dir), Path(assets_dir), Path(cache_dir))
