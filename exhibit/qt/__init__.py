"""The thin Qt layer: QObject backends over the core, fonts and the window."""

from exhibit.qt.refcounts import protect_singletons

# Before any backend emits a signal: PySide6 6.12 on Python < 3.12 loses a
# reference to True/None on every emit and void call (see refcounts.py).
protect_singletons()
