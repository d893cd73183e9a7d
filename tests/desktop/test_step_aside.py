"""The task-due alert's WhatsApp action under a real window manager (Xvfb + openbox, as on an
office desktop): the alert, on top in full screen, steps aside below the customer card it
opened, and the card is the active window, so the agent can write in the chat. The scenario
runs in a process of its own on the X display (tests/desktop/step_aside_scenario.py); the
stacking order is the window manager's, read from the root window's
_NET_CLIENT_LIST_STACKING (bottom first)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading

import pytest

from tests.conftest import PASSWORD, ROOT
from tests.desktop.conftest import EMAIL
from tests.e2e.live import wait_until
from tests.xdisplay import Display

pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("Xvfb", "openbox", "xprop", "xdpyinfo", "xdotool")),
    reason="needs Xvfb, openbox, xdotool and x11-utils")


def root_property(display, name: str) -> list[int]:
    out = subprocess.run(["xprop", "-root", name], env=display.env(), capture_output=True, text=True,
                         timeout=10).stdout
    return [int(window, 16) for window in re.findall(r"0x[0-9a-f]+", out)]


def window_named(display, title: str, stacking: list[int]) -> int | None:
    """The managed window with this exact title (an unmanaged one is no client of the WM)."""
    out = subprocess.run(["xdotool", "search", "--name", f"^{re.escape(title)}$"], env=display.env(),
                         capture_output=True, text=True, timeout=10).stdout
    found = [int(window) for window in out.split() if int(window) in stacking]
    return found[0] if len(found) == 1 else None


class PatientDisplay(Display):
    """Xvfb + openbox given a minute to come up: on a loaded 2-core machine Xvfb took more than
    Display's 10 s; and nothing left running when it never does."""

    def __init__(self) -> None:
        try:
            super().__init__()
        except BaseException:
            self.kill()
            raise

    def wait_for(self, ready, timeout: float = 60.0) -> None:
        super().wait_for(ready, timeout)

    def kill(self) -> None:
        for process in (getattr(self, "wm", None), getattr(self, "xvfb", None)):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def display():
    screen = PatientDisplay()
    try:
        yield screen
    finally:
        try:
            screen.close()
        finally:
            screen.kill()


@pytest.mark.parametrize("card_state", ["closed", "open"])
def test_whatsapp_puts_the_alert_below_the_card_it_opened(live_server, display, card_state):
    scenario = subprocess.Popen(
        [sys.executable, "-m", "tests.desktop.step_aside_scenario", live_server.base_url, EMAIL, PASSWORD,
         card_state],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
        # The session's own folders (inherited), and never the machine's real keyring.
        env=display.env(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
                        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring"))
    watchdog = threading.Timer(90, scenario.kill)  # a scenario stuck on the display fails, never hangs
    watchdog.start()
    try:
        titles = {}
        for line in scenario.stdout:
            name, _, title = line.rstrip("\n").partition(" ")
            titles[name] = title
            if name == "card":
                break
        assert set(titles) == {"alert", "card"}, f"the scenario stopped early: {titles}"
        state = {}

        def settled() -> bool:
            stacking = root_property(display, "_NET_CLIENT_LIST_STACKING")
            alert, card = (window_named(display, titles[n], stacking) for n in ("alert", "card"))
            state.update(stacking=stacking, alert=alert, card=card)
            return (alert is not None and card is not None and stacking.index(card) > stacking.index(alert)
                    and root_property(display, "_NET_ACTIVE_WINDOW") == [card])

        try:
            wait_until(settled, timeout=20, what="the card above the alert, and active")
        except AssertionError as error:
            raise AssertionError(f"{error}: {state}, active {root_property(display, '_NET_ACTIVE_WINDOW')}") from None
        above = subprocess.run(["xprop", "-id", str(state["alert"]), "_NET_WM_STATE"], env=display.env(),
                               capture_output=True, text=True, timeout=10).stdout
        assert "_NET_WM_STATE_ABOVE" not in above and "_NET_WM_STATE_FULLSCREEN" not in above
    finally:
        watchdog.cancel()
        scenario.terminate()
        scenario.wait(timeout=20)
