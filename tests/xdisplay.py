"""A real X display for what must run in a window, as on an office desktop: Xvfb with the
openbox window manager (Debian packages), on a free display number. Used by the start-up
benchmark and the installed app's screenshot script."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


class Display:
    """Xvfb with openbox on a free display number."""

    def __init__(self) -> None:
        self.number = next(n for n in range(90, 200)
                           if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists())
        self.name = f":{self.number}"
        self.xvfb = subprocess.Popen(["Xvfb", self.name, "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_for(lambda: subprocess.run(["xdpyinfo", "-display", self.name], capture_output=True).returncode == 0)
        self.wm = subprocess.Popen(["openbox"], env=self.env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.wait_for(lambda: b"_NET_SUPPORTING_WM_CHECK(WINDOW)" in subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=self.env(), capture_output=True).stdout)

    def env(self, **extra: str) -> dict:
        return {**os.environ, "DISPLAY": self.name, **extra}

    def wait_for(self, ready, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if self.xvfb.poll() is not None:
                raise RuntimeError(f"Xvfb {self.name} exited with {self.xvfb.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError("the X display did not come up")
            time.sleep(0.05)

    def close(self) -> None:
        for process in (self.wm, self.xvfb):
            process.terminate()
            process.wait(timeout=10)

    def __enter__(self) -> Display:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
