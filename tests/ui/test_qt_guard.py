"""Guard against the PySide6 6.12.0 / CPython 3.11 trap: every void Qt call decremented None's refcount.

On 3.11 the count eventually reaches zero and the interpreter aborts; on 3.12+ None is immortal and its count stays
constant. Either way a correct binding leaves it where it was.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject

CALLS = 20_000


def test_void_qt_calls_do_not_leak_none_refcount() -> None:
    obj = QObject()
    before = sys.getrefcount(None)
    for i in range(CALLS // 2):
        obj.setObjectName("n")  # returns None (void)
        obj.blockSignals(bool(i & 1))
    obj.setProperty("x", None)
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references over {CALLS} void Qt calls"
    assert obj.objectName() == "n"
