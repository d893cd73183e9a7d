"""Screenshots of the installed desktop app (the Debian package from `make installer`) in a
real window: Xvfb with openbox, the launcher on PATH, signed in to a freshly seeded server by
typing as an agent does (xdotool), then Qt's own save dialog in Hebrew. Writes
docs/screenshots/desktop-installed-login.png and desktop-installed-filedialog.png.

    dpkg -i installer/dist/agentlocator-desktop_<version>_amd64.deb
    .venv/bin/python scripts/render_installed_screenshots.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import PASSWORD  # noqa: E402
from tests.databases import Databases  # noqa: E402
from tests.desktop.conftest import EMAIL, seed  # noqa: E402
from tests.e2e.live import Live  # noqa: E402
from tests.xdisplay import Display  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
LAUNCHER = "/usr/bin/agentlocator-desktop"


def xdotool(display: Display, *args: str) -> str:
    return subprocess.run(["xdotool", *args], env=display.env(), capture_output=True, text=True,
                          check=True, timeout=30).stdout.strip()


def window(display: Display, title: str) -> str:
    """The id of the visible window whose title contains `title`, once it is mapped."""
    return xdotool(display, "search", "--sync", "--onlyvisible", "--name", title).splitlines()[0]


def shoot(display: Display, window_id: str, name: str) -> None:
    """The window with its window-manager frame (_NET_FRAME_EXTENTS), as the agent sees it."""
    info = subprocess.run(["xwininfo", "-id", window_id], env=display.env(), capture_output=True, text=True,
                          check=True).stdout
    values = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
    x, y = int(values["Absolute upper-left X"]), int(values["Absolute upper-left Y"])
    width, height = int(values["Width"]), int(values["Height"])
    extents = subprocess.run(["xprop", "-id", window_id, "_NET_FRAME_EXTENTS"], env=display.env(),
                             capture_output=True, text=True, check=True).stdout
    left, right, top, bottom = (int(v) for v in extents.split("=", 1)[1].split(","))
    crop = f"{width + left + right}x{height + top + bottom}+{x - left}+{y - top}"
    subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", str(OUT / name)], env=display.env(),
                   check=True)
    print(f"wrote {OUT / name}")


def main() -> None:
    if not Path(LAUNCHER).exists():
        raise SystemExit(f"{LAUNCHER} is not installed: make installer && dpkg -i installer/dist/*.deb")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir, Databases(Path(workdir), None) as databases, Display() as display:
        live = Live.on(databases, Path(workdir))
        home = Path(workdir) / "home"
        home.mkdir()
        app = None
        try:
            seed(live)
            live.start_server()
            app = subprocess.Popen([LAUNCHER, "--server", live.base_url],
                                   env=display.env(HOME=str(home), LANG="he_IL.UTF-8"),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            login = window(display, "התחברות")
            xdotool(display, "type", "--delay", "20", EMAIL)
            shoot(display, login, "desktop-installed-login.png")
            xdotool(display, "key", "Tab")
            xdotool(display, "type", "--delay", "20", PASSWORD)
            xdotool(display, "key", "Return")
            main_window = window(display, "לקוחות")
            xdotool(display, "windowactivate", "--sync", main_window)
            xdotool(display, "key", "ctrl+shift+e")  # the table's export: Qt's save dialog
            dialog = window(display, "ייצוא")
            shoot(display, dialog, "desktop-installed-filedialog.png")
            xdotool(display, "key", "Escape")
        finally:
            if app is not None:
                app.terminate()
                app.wait(timeout=10)
            live.stop()
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    os.environ.pop("QT_QPA_PLATFORM", None)
    main()
