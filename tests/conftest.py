"""Test-wide set-up: Qt offscreen, and no user data or settings touched (config and data go to a temp folder)."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
_HOME = tempfile.mkdtemp(prefix="workbench-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")  # QSettings (window state, language, your name)
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")  # platformdirs: default database, log file
os.environ.pop("WORKBENCH_DB", None)
os.environ.pop("WORKBENCH_USER", None)
os.environ.pop("WORKBENCH_LANGUAGE", None)
