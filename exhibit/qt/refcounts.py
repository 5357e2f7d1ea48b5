"""Keep PySide6 from freeing None, True and False on Python 3.10 and 3.11.

PySide6 6.12.0 gives back references it does not own on some very common
paths: every ``Signal.emit()`` returns ``True`` without counting it, every
call of a C++ function that returns nothing takes a reference from ``None``,
and so does every call QML makes to a Python ``@Slot`` that returns nothing.
On Python 3.12 and later these objects are immortal and nothing happens. On
3.10 and 3.11 their reference counts fall by one per call, and after a few
thousand visitor taps the count reaches zero and the interpreter aborts with
``Fatal Python error: bool_dealloc`` (or ``none_dealloc``): the exhibit
vanishes from the screen. bench/soak.py shows it in under 2,000 actions.

:func:`protect_singletons` gives these objects the same protection 3.12
gives them, a reference count so large that no run can exhaust it (2**40: a
thousand lost references a second for 34 years). It changes nothing on
Python 3.12+, or on another interpreter. pyproject.toml also keeps 6.12.0
out; this keeps a later build with the same fault from taking a kiosk down
(tests/ui/test_refcounts.py and test_pyside_runtime.py watch for it).
"""

from __future__ import annotations

import ctypes
import sys

HEADROOM = 1 << 40
_SINGLETONS = (None, True, False, Ellipsis, NotImplemented)


def needs_protection() -> bool:
    return sys.implementation.name == "cpython" and sys.version_info < (3, 12)


def protect_singletons() -> bool:
    """Raise the reference counts of None, True, False ... out of reach; True if done."""
    if not needs_protection():
        return False
    for singleton in _SINGLETONS:
        # CPython: id() is the object's address and ob_refcnt its first field.
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < HEADROOM:
            count.value += HEADROOM
    return True
