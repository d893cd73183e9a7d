"""The server's address: the machine's, given at install time, or the user's own.

The installers write a machine-wide INI file (`machine_config_path()`; the environment
variable AGENTLOCATOR_MACHINE_CONFIG points elsewhere, for tests):

    [server]
    url=https://crm.example.co.il

The address used: `--server` when given; else the one the user typed, when it differs from
the machine's; else the machine's. The user's address is stored only while it differs from
the machine's (`remember()`), so when IT changes the machine's file, everyone who never typed
an address of their own follows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

MACHINE_CONFIG_ENV = "AGENTLOCATOR_MACHINE_CONFIG"
USER_KEY = "server_url"


def machine_config_path() -> Path:
    if os.environ.get(MACHINE_CONFIG_ENV):
        return Path(os.environ[MACHINE_CONFIG_ENV])
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA") or r"C:\ProgramData") / "AgentLocator" / "desktop.conf"
    return Path("/etc/agentlocator/desktop.conf")


def normalize(url: object) -> str:
    """An address as typed or configured, in the one form compared and stored: no spaces, no
    trailing slash, https:// when no scheme was given; "" for none."""
    if isinstance(url, list):  # QSettings reads an unquoted value with a comma as a list
        url = ",".join(url)
    text = str(url or "").strip().rstrip("/")
    if text and "://" not in text:
        text = "https://" + text
    return text


def machine_url() -> str:
    """The machine's address; "" when the file is missing or names none."""
    path = machine_config_path()
    if not path.is_file():
        return ""
    return normalize(QSettings(str(path), QSettings.Format.IniFormat).value("server/url", ""))


def resolve(settings: QSettings, cli: str | None = None) -> str:
    """The address to use: `--server`, else the user's own, else the machine's ("" for none)."""
    return normalize(cli) or normalize(settings.value(USER_KEY, "")) or machine_url()


def remember(settings: QSettings, url: str) -> None:
    """The address a session was opened on: stored as the user's own unless it is the machine's."""
    url = normalize(url)
    if url and url != machine_url():
        settings.setValue(USER_KEY, url)
    else:
        settings.remove(USER_KEY)
