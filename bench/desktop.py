"""Benchmark: the desktop client's customer table over 1,000,000 customers.

    python -m bench.desktop [--small N] [--jumps 20] [--markdown]

Uses the SQLite database bench/crm.py builds and caches (`python -m bench.crm --reuse`: the
same database, built here when it is missing), starts the real server (Hypercorn, one worker,
APP_ENV=production) and runs the desktop client in a process of its own (Qt offscreen, the
real MainWindow with its realtime bridge, 1100×700), which measures:
- login → first rows visible: from asking to log in (on the task pool, as the login dialog
  does) until every row the table shows is loaded;
- jump to the middle, to the end, and to --jumps random places: from the scroll until every
  visible row is loaded;
- a filter chosen while at the end of the whole table (status "active", then owner "nobody"):
  from the choice until the table is back at its top and every visible row is loaded; then a
  jump to the end of the matches (or the page's failure, as the client reports it);
- memory: the client process's peak resident set (VmHWM), target < 300 MB.
`--small N` runs against a throwaway database of N customers instead (a check of the script;
the cached database is not touched). Progress goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from argparse import Namespace
from pathlib import Path

from bench import crm

WINDOW = (1100, 700)
TARGETS = {"first_rows_ms": 1000.0, "peak_rss_mb": 300.0}


# ------------------------------------------------------------------------- the client process

def client(base_url: str, email: str, password: str, jumps: int) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring
    from PySide6.QtCore import QElapsedTimer, QEventLoop

    from desktop.api import Api, Session
    from desktop.app import create_app
    from desktop.tasks import TaskManager
    from desktop.views.main_window import MainWindow
    from tests.desktop.conftest import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    app = create_app(sys.argv[:1])
    tasks = TaskManager(app)
    clock = QElapsedTimer()

    def wait(predicate, timeout_ms: int = 60_000) -> float:
        while not predicate():
            if clock.elapsed() > timeout_ms:
                raise TimeoutError("the table did not load in time")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        return clock.nsecsElapsed() / 1e6

    api = Api(base_url)
    holder: dict = {}
    clock.start()
    tasks.run(lambda: api.login(email, password), lambda user: holder.update(user=user),
              lambda error: holder.update(error=error))
    wait(lambda: holder)
    if "error" in holder:
        raise holder["error"]
    window = MainWindow(Session(api=api, user=holder["user"]), tasks, tray_available=False)
    window.resize(*WINDOW)
    window.show()
    view, model = window.customers, window.model

    def visible_loaded() -> bool:
        if not model.loaded_once or model.total == 0:
            return False
        first, last = view.visible_rows()
        return all(model.is_loaded(row) for row in range(first, last + 1))

    first_rows = wait(visible_loaded)
    figures = {"customers": model.total, "first_rows_ms": round(first_rows, 1)}

    def jump(row: int) -> float:
        clock.restart()
        view.table.scrollTo(model.index(row, 0))
        return wait(visible_loaded)

    figures["middle_ms"] = round(jump(model.total // 2), 1)
    clock.restart()
    view.table.scrollToBottom()
    figures["end_ms"] = round(wait(visible_loaded), 1)
    figures["top_again_ms"] = round(jump(0), 1)  # page 1 was dropped from the cache or not
    rng = random.Random(7)
    times = [jump(rng.randrange(model.total)) for _ in range(jumps)]
    if times:
        figures["jumps"] = len(times)
        figures["jump_p50_ms"] = round(statistics.median(times), 1)
        figures["jump_max_ms"] = round(max(times), 1)
    figures["cached_pages"] = len(model.cached_pages)

    def at_top_loaded() -> bool:
        return model.error is None and view.table.verticalScrollBar().value() == 0 and visible_loaded()

    failures: list[str] = []
    model.failed.connect(failures.append)
    for name, filters in (("status_filter", {"status": "active"}), ("owner_filter", {"owner_id": "none"})):
        model.set_filters({})
        wait(lambda: model.loaded_once and model.total == figures["customers"])
        view.table.scrollToBottom()
        wait(visible_loaded)
        clock.restart()
        model.set_filters(filters)  # chosen at the end of the whole table
        figures[f"{name}_ms"] = round(wait(at_top_loaded), 1)
        figures[f"{name}_total"] = model.total
        failures.clear()
        clock.restart()
        view.table.scrollToBottom()  # then the last of the matches
        elapsed = wait(lambda: visible_loaded() or bool(failures))
        figures[f"{name}_end_ms"] = None if failures else round(elapsed, 1)
        figures[f"{name}_end_error"] = failures[0] if failures else None
    status = Path("/proc/self/status").read_text()
    for key, name in (("VmHWM", "peak_rss_mb"), ("VmRSS", "rss_mb")):
        kb = int(next(line for line in status.splitlines() if line.startswith(key)).split()[1])
        figures[name] = round(kb / 1024, 1)
    window.alerts.stop()
    tasks.wait_for_done(5000)
    return figures


# ------------------------------------------------------------------------- the driver

def small_database(customers: int, workdir: Path) -> dict:
    """A throwaway database (never the cached one): bench.crm's helpers pointed at it."""
    url = f"sqlite://{workdir}/small.sqlite3"
    crm.url_for = lambda _db: url
    crm.cli("sqlite", "migrate")
    out = crm.cli("sqlite", "seed-bulk", "--customers", str(customers), "--timeline-events", "10")
    business_id = int(out.split("business: ", 1)[1].split()[0])
    crm.cli("sqlite", "create-user", "--business-id", str(business_id), "--email", crm.EMAIL,
            "--password", crm.PASSWORD, "--role", "admin")
    return {"customers": customers}


def run_client(base: str, jumps: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(crm.ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "bench.desktop", "--client", base, "--jumps", str(jumps)],
                          cwd=crm.ROOT, env=env, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode:
        raise RuntimeError(f"the desktop client failed: {done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_figures(figures: dict, markdown: bool) -> None:
    rows = [
        ("customers in the table", f"{figures['customers']:,}", ""),
        ("login → first rows visible", f"{figures['first_rows_ms']:.0f} ms", "< 1 s"),
        ("jump to the middle → rows loaded", f"{figures['middle_ms']:.0f} ms", ""),
        ("jump to the end → rows loaded", f"{figures['end_ms']:.0f} ms", ""),
        ("back to the top → rows loaded", f"{figures['top_again_ms']:.0f} ms", ""),
    ]
    if "jumps" in figures:
        rows.append((f"{figures['jumps']} random jumps → rows loaded, p50 / max",
                     f"{figures['jump_p50_ms']:.0f} / {figures['jump_max_ms']:.0f} ms", ""))
    for key, what in (("status_filter", "status filter (active)"), ("owner_filter", "owner filter (nobody)")):
        if f"{key}_ms" in figures:
            rows.append((f"{what}, chosen at the end → top rows loaded ({figures[f'{key}_total']:,} rows)",
                         f"{figures[f'{key}_ms']:.0f} ms", ""))
            end = figures[f"{key}_end_ms"]
            rows.append((f"{what}: jump to its end → rows loaded",
                         f"{end:.0f} ms" if end is not None else f"failed: {figures[f'{key}_end_error']}", ""))
    rows += [("client peak RSS (VmHWM)", f"{figures['peak_rss_mb']:.0f} MB", "< 300 MB"),
             ("client RSS at the end", f"{figures['rss_mb']:.0f} MB", "")]
    if markdown:
        print("| what | measured | target |\n| --- | --- | --- |")
        for row in rows:
            print(f"| {' | '.join(row)} |")
    else:
        for what, value, target in rows:
            print(f"{what:<45} {value:>14}  {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, help="a throwaway database of this many customers")
    parser.add_argument("--jumps", type=int, default=20)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--client", help=argparse.SUPPRESS)  # the client process: the server's URL
    args = parser.parse_args()
    if args.client:
        print(json.dumps(client(args.client, crm.EMAIL, crm.PASSWORD, args.jumps)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-desktop-") as tmp:
        workdir = Path(tmp)
        if args.small:
            small_database(args.small, workdir)
        else:
            crm.prepared("sqlite", Namespace(reuse=True, customers=1_000_000, events=10_000))
        crm.wait_for_quiet()
        proc, base = crm.start_server("sqlite", workdir)
        try:
            crm.log(f"desktop client against {base}")
            started = time.perf_counter()
            figures = run_client(base, args.jumps)
            crm.log(f"client done in {time.perf_counter() - started:.1f} s")
        finally:
            crm.stop(proc)
    print_figures(figures, args.markdown)


if __name__ == "__main__":
    main()
