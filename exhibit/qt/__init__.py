"""The thin Qt layer: QObject backends over the core, fonts, errors and the window.

Importing it changes nothing: the start-up code installs what the process
needs (:func:`exhibit.qt.refcounts.protect_singletons`, the error guard).
"""
