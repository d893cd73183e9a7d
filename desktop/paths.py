"""Where the desktop client keeps its files.

The package's own files (fonts, translations) are found beside this module: in a checkout,
an installed wheel and the frozen PyInstaller build alike (there under `sys._MEIPASS`).

The user's own files live under the folders Qt's QStandardPaths gives this user, never in a
shared folder such as /tmp, and are private to them: folders 0700, files 0600.

    settings   AppConfigLocation/settings.ini
               Linux    ~/.config/AgentLocator/AgentLocator/settings.ini ($XDG_CONFIG_HOME)
               Windows  %LOCALAPPDATA%\\AgentLocator\\AgentLocator\\settings.ini
    cache      CacheLocation (recordings, PDFs: desktop/cache.py)
               Linux    ~/.cache/AgentLocator/AgentLocator/ ($XDG_CACHE_HOME)
               Windows  %LOCALAPPDATA%\\AgentLocator\\AgentLocator\\cache\\

The settings are an INI file on every platform (not Qt's default, the registry on Windows),
so it can be kept private, shown by --selftest and removed by --reset.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

ORGANIZATION = APPLICATION = "AgentLocator"
SETTINGS_FILE = "settings.ini"
PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600


def package_dir() -> Path:
    """The `desktop` package's folder; in a frozen build, its copy under sys._MEIPASS."""
    bundle = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
    return Path(bundle) / "desktop" if bundle else Path(__file__).resolve().parent


RESOURCES = package_dir() / "resources"


def name_application() -> None:
    """The names QStandardPaths builds the user's folders from (static: no QApplication needed)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)


def _location(kind: QStandardPaths.StandardLocation) -> Path:
    name_application()  # without the names Qt answers the bare ~/.cache, which --reset must never remove
    location = QStandardPaths.writableLocation(kind)
    if not location or APPLICATION not in (Path(location).name, Path(location).parent.name):
        raise OSError(f"no folder of this user's for {kind.name} (got {location!r})")
    return Path(location)


def config_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.AppConfigLocation)


def cache_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.CacheLocation)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def private_dir(path: Path) -> Path:
    """`path` as a folder only this user can enter: created 0700 (and each missing parent,
    as the XDG spec asks), an existing one tightened to 0700."""
    missing = [folder for folder in (path, *path.parents) if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_DIR, exist_ok=True)
        os.chmod(folder, PRIVATE_DIR)
    os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """`path` as a file only this user can read, created empty when missing; its folder private."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    os.chmod(path, PRIVATE_FILE)
    return path


def write_private(path: Path, data: bytes) -> Path:
    """Write `data` to `path` (mode 0600) whole or not at all: a reader never sees half a file.
    When `path` cannot be replaced (Windows: a PDF viewer still holds the old copy open), the
    data goes to a sibling with a unique name instead. The path written."""
    private_dir(path.parent)
    partial = path.with_name(f".{path.name}.{os.getpid()}-{threading.get_ident()}.part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        try:
            os.replace(partial, path)
        except PermissionError:
            path = path.with_stem(f"{path.stem}-{time.time_ns()}")
            os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def settings() -> QSettings:
    """The user's settings (the INI file above), created 0600 before Qt first writes it: Qt
    keeps an existing file's mode when it saves, and would make a new one 0644."""
    return QSettings(str(private_file(settings_path())), QSettings.Format.IniFormat)
