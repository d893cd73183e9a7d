"""Is the agent at the computer? How long since the last keystroke or mouse move, and whether
the screen is locked, behind one small interface with a source per platform:

- Windows: `GetLastInputInfo` (the whole session's input) and the input desktop: a locked
  workstation's input desktop is Winlogon's, which `OpenInputDesktop`/`SwitchDesktop` refuse.
- Linux/X11: the MIT-SCREEN-SAVER extension (`XScreenSaverQueryInfo`, libXss through ctypes)
  for idle time, its state for a blanked screen; the lock through QtDBus where there is a bus:
  `org.freedesktop.ScreenSaver`'s `ActiveChanged` (session bus: GNOME, KDE, Cinnamon, ...) and
  logind's `Lock`/`Unlock` of this session (system bus). Signals, so nothing waits on a bus.
- Anywhere else (Wayland without those, offscreen): the app's own input events, which only
  see input to this app: an agent busy in another program looks idle. Better than nothing.

`default_source()` picks what the machine offers; the presence logic (desktop/presence.py)
takes any object with `idle_seconds()` and `locked()`, so tests inject their own.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import sys
import time
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QGuiApplication

log = logging.getLogger("agentlocator.desktop.idle")


class IdleSource(Protocol):
    def idle_seconds(self) -> float | None:
        """Seconds since the last input; None when this source cannot tell."""

    def locked(self) -> bool | None:
        """Whether the screen is locked (or blanked); None when this source cannot tell."""


class AppInputSource(QObject):
    """The fallback: the last key, click, wheel or mouse move this app received."""

    INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                       QEvent.Type.Wheel, QEvent.Type.TouchBegin})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_input = time.monotonic()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.INPUT:
            self.last_input = time.monotonic()
        return False

    def idle_seconds(self) -> float | None:
        return time.monotonic() - self.last_input

    def locked(self) -> bool | None:
        return None


class WindowsSource:
    """GetLastInputInfo and the input-desktop check (user32 through ctypes)."""

    DESKTOP_SWITCHDESKTOP = 0x0100

    class _LastInputInfo(ctypes.Structure):
        _fields_ = [("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint)]

    def __init__(self) -> None:
        self.user32 = ctypes.windll.user32  # type: ignore[attr-defined]
        self.kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        self.kernel32.GetTickCount.restype = ctypes.c_uint
        self.user32.OpenInputDesktop.restype = ctypes.c_void_p

    def idle_seconds(self) -> float | None:
        info = self._LastInputInfo()
        info.cbSize = ctypes.sizeof(info)
        if not self.user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        # Both are 32-bit millisecond ticks: the difference wraps every 49.7 days.
        return ((self.kernel32.GetTickCount() - info.dwTime) & 0xFFFFFFFF) / 1000.0

    def locked(self) -> bool | None:
        desktop = self.user32.OpenInputDesktop(0, False, self.DESKTOP_SWITCHDESKTOP)
        if not desktop:
            return True  # the input desktop is Winlogon's (locked, or the secure desktop)
        try:
            return not self.user32.SwitchDesktop(ctypes.c_void_p(desktop))
        finally:
            self.user32.CloseDesktop(ctypes.c_void_p(desktop))


class XScreenSaverSource:
    """The X server's idle time (MIT-SCREEN-SAVER) through libXss; its screen saver being on
    counts as locked. Raises OSError when there is no X display or no extension."""

    class _Info(ctypes.Structure):
        _fields_ = [("window", ctypes.c_ulong), ("state", ctypes.c_int), ("kind", ctypes.c_int),
                    ("til_or_since", ctypes.c_ulong), ("idle", ctypes.c_ulong), ("eventMask", ctypes.c_ulong)]

    SCREEN_SAVER_ON = 1

    def __init__(self, display_name: str | None = None) -> None:
        x11_name, xss_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
        if not x11_name or not xss_name:
            raise OSError("libX11 or libXss is not installed")
        self.x11, self.xss = ctypes.CDLL(x11_name), ctypes.CDLL(xss_name)
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.xss.XScreenSaverQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                                        ctypes.POINTER(ctypes.c_int)]
        self.xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(self._Info)
        self.xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(self._Info)]
        self.display = self.x11.XOpenDisplay(display_name.encode() if display_name else None)
        if not self.display:
            raise OSError("no X display")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self.xss.XScreenSaverQueryExtension(self.display, ctypes.byref(event_base), ctypes.byref(error_base)):
            raise OSError("the X server has no MIT-SCREEN-SAVER extension")
        self.root = self.x11.XDefaultRootWindow(self.display)
        self.info = self.xss.XScreenSaverAllocInfo()

    def _query(self):
        if not self.xss.XScreenSaverQueryInfo(self.display, self.root, self.info):
            return None
        return self.info.contents

    def idle_seconds(self) -> float | None:
        info = self._query()
        return info.idle / 1000.0 if info is not None else None

    def locked(self) -> bool | None:
        info = self._query()
        return info.state == self.SCREEN_SAVER_ON if info is not None else None


def _logind_path(session_id: str) -> str:
    """logind's object path of a session: its id with every byte that is not a letter or a
    digit escaped as _xx (sd_bus_path_encode)."""
    escaped = "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):02x}" for c in session_id)
    return f"/org/freedesktop/login1/session/{escaped}"


class DBusLockSource(QObject):
    """The screen lock as the desktop announces it over D-Bus: the ScreenSaver service's
    ActiveChanged (session bus) and logind's Lock/Unlock of this session (system bus)."""

    def __init__(self, parent: QObject | None = None, *, session=None, system=None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import SLOT
        from PySide6.QtDBus import QDBusConnection

        self.active: bool | None = None
        self.hint: bool | None = None
        self.listening: list[tuple[str, str]] = []
        session = session if session is not None else QDBusConnection.sessionBus()
        if session.isConnected():
            for path in ("/org/freedesktop/ScreenSaver", "/ScreenSaver"):
                if session.connect("", path, "org.freedesktop.ScreenSaver", "ActiveChanged", self,
                                   SLOT("on_active_changed(bool)")):
                    self.listening.append(("session", path))
        session_id = os.environ.get("XDG_SESSION_ID")
        system = system if system is not None else QDBusConnection.systemBus()
        if session_id and system.isConnected():
            # logind's Lock/Unlock of this session (what `loginctl lock-session` and the lid send
            # to the screen locker). Not its LockedHint: PySide cannot unpack the a{sv} of
            # PropertiesChanged (QDBusArgument has no extraction operators in Python).
            path = _logind_path(session_id)
            for name, slot in (("Lock", "on_lock()"), ("Unlock", "on_unlock()")):
                if system.connect("org.freedesktop.login1", path, "org.freedesktop.login1.Session", name, self,
                                  SLOT(slot)):
                    self.listening.append(("system", f"{path}:{name}"))

    @Slot(bool)
    def on_active_changed(self, active: bool) -> None:
        self.active = bool(active)

    @Slot()
    def on_lock(self) -> None:
        self.hint = True

    @Slot()
    def on_unlock(self) -> None:
        self.hint = False

    def idle_seconds(self) -> float | None:
        return None

    def locked(self) -> bool | None:
        known = [value for value in (self.active, self.hint) if value is not None]
        return any(known) if known else None


class CombinedSource:
    """Several sources as one: the first that knows the idle time; locked when any says so."""

    def __init__(self, sources: list) -> None:
        self.sources = sources

    def idle_seconds(self) -> float | None:
        for source in self.sources:
            value = source.idle_seconds()
            if value is not None:
                return value
        return None

    def locked(self) -> bool | None:
        answers = [source.locked() for source in self.sources]
        known = [answer for answer in answers if answer is not None]
        return any(known) if known else None


def default_source(parent: QObject | None = None) -> CombinedSource:
    """What this machine offers, the app's own input last."""
    sources: list = []
    if sys.platform == "win32":
        try:
            sources.append(WindowsSource())
        except (AttributeError, OSError) as error:
            log.info("no Windows idle source: %s", error)
    elif QGuiApplication.platformName() == "xcb":
        try:
            sources.append(XScreenSaverSource())
        except OSError as error:
            log.info("no X screen saver idle source: %s", error)
    if sys.platform.startswith("linux"):
        try:
            dbus = DBusLockSource(parent)
            if dbus.listening:
                sources.append(dbus)
        except ImportError as error:
            log.info("no D-Bus lock source: %s", error)
    sources.append(AppInputSource(parent))
    return CombinedSource(sources)
