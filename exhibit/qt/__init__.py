"""The thin Qt layer: QObject backends over the core, fonts and the window."""
