"""Benchmark: the customers list and the customer timeline over 1,000,000 customers.

    python -m bench.crm [--db postgres|sqlite|both] [--reuse] [--requests 200]
                        [--customers 1000000] [--events 10000] [--markdown]

For each backend: builds a database (PostgreSQL `agentlocator_bench_crm`, SQLite
/tmp/agentlocator_bench_crm.sqlite3) with `python -m server.cli migrate` and `seed-bulk`
(--customers customers in a business of their own, --events timeline events for one of them),
or reuses the one a previous run built (`--reuse`); starts the real server (Hypercorn, one
worker, APP_ENV=production, RUN_WORKER=0), logs in, and times each case with one httpx
client, sequentially (keep-alive), after a warm-up: latency as the client sees it, JSON
decoding excluded. Every answer is checked (status 200, the list shape, an exact total).
Before each case it waits (up to --quiet-wait, 10 minutes) for the rest of the machine to be nearly idle and
for no webhook load run (wrk, bench/webhooks.py's hypercorn) to be going on; "other CPU" is
what the rest of the machine used during the case (% of one core), beside this client, the
server and PostgreSQL. Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/test"
PG_DB = "agentlocator_bench_crm"
SQLITE_PATH = Path("/tmp/agentlocator_bench_crm.sqlite3")
STATE = Path("/tmp/agentlocator_bench_crm.json")
EMAIL = "bench-crm@agentlocator.test"
PASSWORD = "bench-crm-password"
WARMUP = 20
TARGETS = {"list": (30.0, 100.0), "timeline": (20.0, None), "timeline-back": (None, None)}  # p50, p99 in ms
CLK_TCK = os.sysconf("SC_CLK_TCK")


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def url_for(db: str) -> str:
    return f"postgres://postgres@127.0.0.1:5432/{PG_DB}" if db == "postgres" else f"sqlite://{SQLITE_PATH}"


def cli(db: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": url_for(db), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "server.cli", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=False)
    if done.returncode:
        raise RuntimeError(f"server.cli {args[0]} failed: {done.stderr.strip()[-2000:]}")
    return done.stdout.strip()


def build(db: str, customers: int, events: int) -> dict:
    log(f"{db}: building {customers:,} customers + {events:,} timeline events")
    if db == "postgres":
        for sql in (f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)", f"CREATE DATABASE {PG_DB}"):
            subprocess.run(["psql", PG_ADMIN_URL, "-qc", sql], check=True, capture_output=True)
    else:
        for path in SQLITE_PATH.parent.glob(SQLITE_PATH.name + "*"):
            path.unlink()
    cli(db, "migrate")
    started = time.perf_counter()
    out = cli(db, "seed-bulk", "--customers", str(customers), "--timeline-events", str(events))
    log(f"{db}: seed-bulk took {time.perf_counter() - started:.0f} s:\n{out}")
    business_id = int(out.split("business: ", 1)[1].split()[0])
    customer_id = int(out.split("timeline: customer ", 1)[1].split(",")[0])
    cli(db, "create-user", "--business-id", str(business_id), "--email", EMAIL, "--password", PASSWORD,
        "--role", "admin")
    return {"business_id": business_id, "customer_id": customer_id, "customers": customers, "events": events,
            "seed": out}


def prepared(db: str, args) -> dict:
    state = json.loads(STATE.read_text()) if STATE.exists() else {}
    entry = state.get(db)
    if args.reuse and entry and entry["customers"] == args.customers and entry["events"] == args.events:
        log(f"{db}: reusing the database built before")
        cli(db, "migrate")  # a schema change since then, and the search indexes and counts
        return entry
    entry = build(db, args.customers, args.events)
    state[db] = entry
    STATE.write_text(json.dumps(state, ensure_ascii=False, indent=1))
    return entry


# ---------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "APP_ENV": "production", "PUBLIC_HOST": f"http://127.0.0.1:{port}",
           "JWT_SECRET": secrets.token_urlsafe(32), "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
           "DATABASE_URL": url_for(db), "RUN_WORKER": "0", "MEDIA_ROOT": str(workdir / "media"),
           "PYTHONPATH": str(ROOT)}
    log_file = open(workdir / f"server-{db}.log", "w")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([sys.executable, "-m", "hypercorn", "--workers", "1", "--bind", f"127.0.0.1:{port}",
                             "server.main:app"], cwd=ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {(workdir / f'server-{db}.log').read_text()[-2000:]}")
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    stop(proc)
    raise RuntimeError("the server did not answer within 60 s")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


# ---------------------------------------------------------------------------- timing


def other_load_running() -> str:
    """A webhook load run (wrk, or hypercorn started by bench/webhooks.py) shares the cores."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmd = Path(f"/proc/{entry.name}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if cmd.startswith("wrk ") or "/wrk " in cmd or ("hypercorn" in cmd and "bench" in cmd):
            found.append(cmd[:120])
    return "; ".join(found)


def wait_for_quiet(limit: float = 900) -> None:
    deadline = time.monotonic() + limit
    while (busy := other_load_running()) and time.monotonic() < deadline:
        log(f"another load run is going on ({busy}): waiting")
        time.sleep(15)


def machine_busy_seconds() -> float:
    fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / CLK_TCK


def our_cpu_seconds(server_pgid: int) -> float:
    """CPU used by this client, the server's process group and PostgreSQL."""
    total = 0.0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        rest = stat[stat.rindex(")") + 2 :].split()
        if int(entry.name) == os.getpid() or int(rest[2]) == server_pgid or comm == "postgres":
            total += (int(rest[11]) + int(rest[12])) / CLK_TCK
    return total


def others_busy_pct(limit: float = 600, below: float = 25) -> float:
    """Wait (bounded) until the rest of the machine is nearly idle; returns its last % of a core."""
    deadline = time.monotonic() + limit
    while True:
        before = machine_busy_seconds()
        time.sleep(2)
        pct = 50 * (machine_busy_seconds() - before)
        if pct < below or time.monotonic() > deadline:
            return pct
        log(f"the machine is {pct:.0f}% busy with other work: waiting (up to {limit:.0f} s)")
        time.sleep(10)


def cases(entry: dict, before: str) -> list[tuple[str, str, str]]:
    """(kind, name, path)."""
    timeline = f"/api/customers/{entry['customer_id']}/timeline"
    return [
        ("list", "page 1, sort=name", "/api/crm/customers?limit=25&sort=name"),
        ("list", "page 1, sort=-created_at", "/api/crm/customers?limit=25&sort=-created_at"),
        ("list", "q=דנה כה (name fragment), sort=name", "/api/crm/customers?limit=25&sort=name&q=דנה כה"),
        ("list", "q=כהן (common last name), sort=name", "/api/crm/customers?limit=25&sort=name&q=כהן"),
        ("list", "q=054-123 (phone fragment), sort=name", "/api/crm/customers?limit=25&sort=name&q=054-123"),
        ("list", "status=active, sort=-created_at", "/api/crm/customers?limit=25&status=active&sort=-created_at"),
        ("list", "page 2000, sort=name", "/api/crm/customers?limit=25&sort=name&page=2000"),
        ("timeline", "timeline, first page (50)", timeline),
        ("timeline-back", "timeline, a page back", f"{timeline}?before={httpx.QueryParams({'b': before})['b']}"),
    ]


def check(kind: str, body: dict) -> str:
    if kind.startswith("timeline"):
        assert len(body["items"]) == 50, body
        return f"{len(body['items'])} items"
    assert set(body) >= {"results", "page", "pages", "total"} and not body.get("total_estimated"), body
    assert body["results"], body
    return f"total {body['total']:,}"


def time_backend(db: str, entry: dict, requests: int, workdir: Path, quiet_wait: float) -> list[dict]:
    wait_for_quiet()
    proc, base = start_server(db, workdir)
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            login = client.post("/auth/login", json={"email": EMAIL, "password": PASSWORD, "client": "desktop"})
            login.raise_for_status()
            client.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
            first = client.get(f"/api/customers/{entry['customer_id']}/timeline").json()
            rows = []
            for kind, name, path in cases(entry, first["next_before"]):
                for _ in range(WARMUP):
                    response = client.get(path)
                    assert response.status_code == 200, (path, response.status_code, response.text[:500])
                note = check(kind, response.json())
                others_busy_pct(limit=quiet_wait)
                times = []
                busy, ours = machine_busy_seconds(), our_cpu_seconds(proc.pid)
                started = time.perf_counter()
                for _ in range(requests):
                    t0 = time.perf_counter()
                    response = client.get(path)
                    response.read()
                    times.append((time.perf_counter() - t0) * 1000)
                    assert response.status_code == 200
                wall = time.perf_counter() - started
                others = 100 * (machine_busy_seconds() - busy - (our_cpu_seconds(proc.pid) - ours)) / wall
                times.sort()
                row = {"db": db, "kind": kind, "case": name, "note": note, "n": requests,
                       "p50": statistics.median(times), "p95": times[int(0.95 * len(times)) - 1],
                       "p99": times[int(0.99 * len(times)) - 1], "max": times[-1], "busy": others}
                log(f"{db:8} {name:42} p50 {row['p50']:6.1f}  p99 {row['p99']:6.1f}  max {row['max']:6.1f} ms"
                    f"  ({note}; other work {others:.0f}% of a core)")
                rows.append(row)
            return rows
    finally:
        stop(proc)


def verdict(row: dict) -> str:
    p50, p99 = TARGETS[row["kind"]]
    if p50 is None:
        return "no target"
    ok = row["p50"] < p50 and (p99 is None or row["p99"] < p99)
    return "met" if ok else "**missed**"


def print_table(rows: list[dict], markdown: bool) -> None:
    if markdown:
        print("| backend | case | answer | p50 ms | p95 ms | p99 ms | max ms | target | other CPU |")
        print("| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: |")
        for r in rows:
            print(f"| {r['db']} | {r['case']} | {r['note']} | {r['p50']:.1f} | {r['p95']:.1f} | {r['p99']:.1f} | "
                  f"{r['max']:.1f} | {verdict(r)} | {r['busy']:.0f}% |")
        return
    print(f"{'backend':9} {'case':44} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}  target")
    for r in rows:
        print(f"{r['db']:9} {r['case']:44} {r['p50']:7.1f} {r['p95']:7.1f} {r['p99']:7.1f} {r['max']:7.1f}  "
              f"{verdict(r).strip('*')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["postgres", "sqlite", "both"], default="both")
    parser.add_argument("--reuse", action="store_true", help="reuse the databases a previous run built")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--quiet-wait", type=float, default=600,
                        help="longest wait (s) for the machine to be idle before each case")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the server is stopped too
    dbs = ["postgres", "sqlite"] if args.db == "both" else [args.db]
    workdir = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-crm-{os.getpid()}"
    workdir.mkdir(parents=True)
    rows = []
    for db in dbs:
        entry = prepared(db, args)
        rows += time_backend(db, entry, args.requests, workdir, args.quiet_wait)
    print_table(rows, args.markdown)


if __name__ == "__main__":
    main()
