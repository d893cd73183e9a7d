"""Benchmark: the installed desktop app's start to its login window, and its memory.

    python -m bench.desktop_start [--runs 5] [--binary /usr/bin/agentlocator-desktop] [--markdown]

Needs the Debian package installed (`make installer`, then `dpkg -i installer/dist/*.deb`),
Xvfb and openbox (Debian packages). Starts its own X display with a window manager, as an
office desktop has, and for each run starts the app with a fresh home folder (no saved
session: the login window is what comes up) and times from the exec until the window
manager manages the app's window: `xprop -spy` on the root window's _NET_CLIENT_LIST prints
each change as it happens, so nothing is polled. Then the app is left two seconds to settle
and its resident memory (VmRSS) and proportional set (Pss, from smaps_rollup) are read.

- cold: the kernel's page cache dropped before the run (`echo 3 > /proc/sys/vm/drop_caches`,
  needs root): the first start after a reboot, every library read from disk;
- warm: the same binary again, its files in the page cache: every later start.
`--binary` also accepts `python -m desktop`'s interpreter start (`--checkout`) for comparison.
Progress goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.xdisplay import Display

SETTLE_SECONDS = 2.0
ROOT = Path(__file__).resolve().parent.parent


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def memory_mb(pid: int) -> tuple[float, float]:
    rss = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("VmRSS:"))
    pss = next(line for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines() if line.startswith("Pss:"))
    return int(rss.split()[1]) / 1024, int(pss.split()[1]) / 1024


def one_start(display: Display, argv: list[str], *, cold: bool) -> dict:
    if cold:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
    home = Path(tempfile.mkdtemp(prefix="desktop-start-"))
    spy = subprocess.Popen(["xprop", "-root", "-spy", "_NET_CLIENT_LIST"], env=display.env(),
                           stdout=subprocess.PIPE, text=True)
    before = spy.stdout.readline()  # the list as it is now: the first line
    started = time.perf_counter()
    app = subprocess.Popen(argv, env=display.env(HOME=str(home), LANG="he_IL.UTF-8"),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for line in spy.stdout:
            if line != before and line.strip().endswith(tuple("0123456789abcdef")):
                break
        shown = time.perf_counter() - started
        time.sleep(SETTLE_SECONDS)  # a benchmark's settling time, not synchronisation
        rss, pss = memory_mb(app.pid)
    finally:
        spy.terminate()
        app.terminate()
        app.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)
    return {"seconds": shown, "rss_mb": rss, "pss_mb": pss}


def summary(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in ("seconds", "rss_mb", "pss_mb")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default="/usr/bin/agentlocator-desktop")
    parser.add_argument("--checkout", action="store_true", help="also time `python -m desktop` from this checkout")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    subjects = {"installed": [args.binary]}
    if args.checkout:
        subjects["checkout (python -m desktop)"] = [str(ROOT / ".venv/bin/python"), "-m", "desktop"]
    display = Display()
    results: dict[tuple[str, str], dict] = {}
    try:
        for name, argv in subjects.items():
            for kind, cold in (("cold", True), ("warm", False)):
                runs = [one_start(display, argv, cold=cold) for _ in range(args.runs)]
                results[(name, kind)] = summary(runs)
                log(f"{name} {kind}: {[round(run['seconds'], 3) for run in runs]}")
    finally:
        display.close()
    if args.markdown:
        print("| app | start | to login window (median) | VmRSS | Pss |")
        print("| --- | --- | --- | --- | --- |")
        for (name, kind), figures in results.items():
            print(f"| {name} | {kind} | {figures['seconds']:.2f} s | {figures['rss_mb']:.0f} MB | "
                  f"{figures['pss_mb']:.0f} MB |")
    else:
        for (name, kind), figures in results.items():
            print(f"{name} {kind}: {figures['seconds']:.3f} s, VmRSS {figures['rss_mb']:.0f} MB, "
                  f"Pss {figures['pss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
