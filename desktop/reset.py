"""`python -m desktop --reset [--server URL]`: forget this user's AgentLocator data on this
PC: the settings file, the download cache and the saved session (the refresh token in the
keyring, for the address given, the user's own and the machine's). Prints one line per
thing removed (or that there was nothing), exit status 0. The machine's config stays:
it belongs to the installer.

    removed saved session for https://crm.example.co.il
    removed settings /home/dana/.config/AgentLocator/AgentLocator/settings.ini
    removed cache /home/dana/.cache/AgentLocator/AgentLocator (12 files, 3.4 MB)
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

from PySide6.QtCore import QSettings

from desktop import paths, server_address
from desktop.api import TokenStore


def _addresses(server: str | None) -> list[str]:
    saved = ""
    if paths.settings_path().is_file():  # read, never create, the file about to go
        settings = QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)
        saved = server_address.normalize(settings.value(server_address.USER_KEY, ""))
    found = [server_address.normalize(server), saved, server_address.machine_url()]
    return [address for address in dict.fromkeys(found) if address]


def reset(*, server: str | None = None) -> list[str]:
    """Remove this user's settings, cache and saved sessions; what was removed, one line each."""
    removed = []
    for address in _addresses(server):
        store = TokenStore(address)
        if store.get():
            store.delete()
            removed.append(f"removed saved session for {address}")
    settings = paths.settings_path()
    for path in (settings, settings.with_name(settings.name + ".lock")):
        if path.is_file():
            path.unlink()
            removed.append(f"removed settings {path}")
    cache = paths.cache_dir()
    if cache.is_dir():
        files = [path for path in cache.rglob("*") if path.is_file()]
        size = sum(path.stat().st_size for path in files)
        shutil.rmtree(cache)
        removed.append(f"removed cache {cache} ({len(files)} files, {size / 2**20:.1f} MB)")
    return removed or ["nothing to remove: no settings, cache or saved session for this user"]


def main(*, server: str | None = None, out: Callable[[str], None] = print) -> int:
    for line in reset(server=server):
        out(line)
    return 0
