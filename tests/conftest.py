"""Test set-up: Qt runs offscreen with the Basic style, before Qt is imported."""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")

PROJECT_DIR = Path(__file__).resolve().parent.parent
