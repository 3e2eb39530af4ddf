"""The PySide6 window. Never sees SQL: every read and write goes through ``workbench.services``."""
