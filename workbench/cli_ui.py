"""``workbench setting language|theme``: the person's interface settings, kept where the window keeps them.

They live in the user's Qt settings (``~/.config/Workbench/Workbench.conf`` on Linux), not in the database, which a
team may share: one person's French interface is not everyone's.
"""

from __future__ import annotations

from workbench.core.errors import ValidationError

THEMES = ("light", "dark")


def user_setting(key: str, value: str | None) -> int:
    """Print (``value`` None) or set the ``language`` or ``theme`` setting; returns the exit code."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from workbench.core.i18n import available_languages

    QCoreApplication.setOrganizationName("Workbench")
    QCoreApplication.setApplicationName("Workbench")
    settings = QSettings()
    name = {"language": "ui/language", "theme": "ui/theme"}[key]
    if value is None:
        print(settings.value(name, "en" if key == "language" else "light"))
        return 0
    value = value.strip().lower()
    allowed = available_languages() if key == "language" else list(THEMES)
    if value not in allowed:
        raise ValidationError(f"{key} must be one of {', '.join(allowed)}, not {value!r}")
    settings.setValue(name, value)
    settings.sync()
    print(value)
    return 0
