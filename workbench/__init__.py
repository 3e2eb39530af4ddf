"""Workbench: a desktop fact-checking workbench.

Read sources side by side, turn checkable statements into claims, cite evidence, compare sources and export
verification reports. See ``docs/ARCHITECTURE.md`` for the layers.
"""

__version__ = "0.1.0"
