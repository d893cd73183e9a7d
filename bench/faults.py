"""Soak and fault benchmark: the production-mode deployment under load while its parts fail.

    python -m bench.faults [--duration 60] [--callers 100] [--readers 20] [--sockets 200]

What runs, each in its own process group, all on loopback:
  nginx      Debian's nginx with the deployment's own upstreams and locations (tests/nginx.py)
  web x2     `python -m server.main --config deploy/hypercorn.toml --port P`, APP_ENV=production,
             RUN_WORKER=0, restarted 1 s after it dies (as systemd's Restart=always, RestartSec=1)
  worker     `python -m server.worker`, restarted the same way
  PostgreSQL a fresh database, reached by every process through a local TCP proxy
             (tests/tcp_proxy.py) that can cut the line; Redis for Socket.IO across processes
  Twilio     a local media server that serves recordings with basic auth (tests/fakes.py)

The load, for `--duration` seconds, through nginx:
  callers    each places calls one after another: signed incoming_call, handle_recording
             (with a RecordingUrl on the fake media host) and call_status; a webhook that
             fails is sent again after a second, up to 3 times, as Twilio's retries and
             Fallback URL would
  readers    GET /api/crm/calls and /api/crm/customers, logged in as the business's admin
  sockets    Socket.IO clients over websocket, reconnecting by themselves

The faults, at fixed moments of the run (seconds from its start):
  5 - 65     MEDIA_ROOT unwritable (a regular file where the folder was: ENOTDIR)
  15         kill -9 of one web process
  25         kill -9 of the worker
  35 - 40    the database connection cut (every connection reset, new ones refused)

Then it waits for every recording to be stored and prints: webhooks sent and answered,
errors, p50/p99, 5xx outside the moments a process was killed, calls and recordings stored
against those sent, duplicates, sockets connected at the end, and how long each part took
to recover. Progress goes to stderr, the figures to stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import aiohttp
import asyncpg
import httpx
import socketio
from twilio.request_validator import RequestValidator

from tests.e2e.live import free_port
from tests.fakes import FakeTwilioMedia
from tests.nginx import Nginx
from tests.tcp_proxy import ThreadedTcpProxy

ROOT = Path(__file__).resolve().parent.parent
PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/test")
REDIS = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
ACCOUNT_SID = "AC" + "b" * 32
AUTH_TOKEN = "faults-auth-token-0123456789abcdef"
BUSINESS_PHONE = "+97235550177"
EMAIL, PASSWORD = "faults@agentlocator.test", "faults-password-123"
KILL_WINDOW = 2.0  # seconds after a kill in which a failed request is the kill's
AUDIO = b"ID3\x03\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 64


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Supervised:
    """A process restarted one second after it dies, until `stop()`: systemd's Restart=always."""

    def __init__(self, name: str, argv: list[str], env: dict, workdir: Path) -> None:
        self.name, self.argv, self.env = name, argv, env
        self.log_path = workdir / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.starts: list[float] = []
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._keep_running, name=f"supervise-{name}", daemon=True)

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _spawn(self) -> None:
        with self.log_path.open("ab") as out:
            self.process = subprocess.Popen(self.argv, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                            start_new_session=True)
        self.starts.append(time.monotonic())

    def _keep_running(self) -> None:
        while not self._stopping.is_set():
            self.process.wait()
            if self._stopping.wait(1.0):
                return
            log(f"{self.name} exited ({self.process.returncode}); restarting it")
            self._spawn()

    def kill(self) -> float:
        os.killpg(self.process.pid, signal.SIGKILL)
        return time.monotonic()

    def stop(self) -> None:
        self._stopping.set()
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self._thread.join(5)


@dataclass
class Figures:
    webhooks: list[tuple[float, float, int]] = field(default_factory=list)  # (at, seconds, status; 0 = no answer)
    reads: list[tuple[float, float, int]] = field(default_factory=list)
    calls_sent: set[str] = field(default_factory=set)  # CallSids whose incoming_call was answered 200
    calls_unanswered: set[str] = field(default_factory=set)
    recordings_sent: set[str] = field(default_factory=set)  # RecordingSids answered 200
    recordings_unanswered: set[str] = field(default_factory=set)
    kills: list[tuple[str, float]] = field(default_factory=list)
    marks: dict[str, float] = field(default_factory=dict)
    socket_connects: int = 0
    socket_drops: int = 0


class Run:
    def __init__(self, args) -> None:
        self.args = args
        self.work = Path(tempfile.mkdtemp(prefix="agentlocator-faults-"))
        # MEDIA_ROOT lies under a symlink (`disk`) that the fault turns, atomically, to a regular
        # file and back: every process then gets ENOTDIR, and none can make the folder again.
        self.disk = self.work / "disk"
        self.media_root = self.disk / "media"
        self.database = f"faults_{secrets.token_hex(4)}"
        self.figures = Figures()
        self.processes: list[Supervised] = []

    # -- set-up ---------------------------------------------------------------------------
    def direct_url(self) -> str:
        return PG.rsplit("/", 1)[0] + f"/{self.database}"

    def set_up(self) -> None:
        asyncio.run(on_server(f'CREATE DATABASE "{self.database}"'))
        host, port = PG.split("@", 1)[1].split("/", 1)[0].split(":")
        self.db_proxy = ThreadedTcpProxy(host, int(port))
        self.db_proxy.start()
        proxied = PG.split("@", 1)[0] + f"@127.0.0.1:{self.db_proxy.port}/{self.database}"
        self.media = FakeTwilioMedia(account_sid=ACCOUNT_SID, auth_token=AUTH_TOKEN, audio=AUDIO)
        self.media.__enter__()
        self.web_ports = [free_port(), free_port()]
        self.nginx = Nginx(self.work, self.web_ports)
        self.base_url = self.nginx.base_url
        self.env = {**{k: v for k, v in os.environ.items() if not k.startswith(("TWILIO_", "DATABASE_"))},
                    "APP_ENV": "production", "PUBLIC_HOST": self.base_url, "DATABASE_URL": proxied,
                    "REDIS_URL": REDIS, "JWT_SECRET": secrets.token_hex(32), "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
                    "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_API_BASE": self.media.base_url,
                    "MEDIA_ROOT": str(self.media_root), "TRANSCRIBER": "none", "RUN_WORKER": "0",
                    "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
        direct = {**self.env, "DATABASE_URL": self.direct_url()}
        py = sys.executable
        subprocess.run([py, "-m", "server.cli", "migrate"], cwd=ROOT, env=direct, check=True, capture_output=True)
        made = subprocess.run([py, "-m", "server.cli", "create-business", "--name", "עומס ותקלות", "--phone",
                               BUSINESS_PHONE], cwd=ROOT, env=direct, check=True, capture_output=True, text=True)
        business_id = made.stdout.strip().splitlines()[-1]
        subprocess.run([py, "-m", "server.cli", "create-user", "--business-id", business_id, "--email", EMAIL,
                        "--password", PASSWORD, "--role", "admin"], cwd=ROOT, env=direct, check=True,
                       capture_output=True)
        (self.work / "healthy-disk" / "media").mkdir(parents=True)
        (self.work / "failing-disk").write_text("not a folder: the disk under MEDIA_ROOT is failing\n")
        self.disk.symlink_to(self.work / "healthy-disk")
        for index, port in enumerate(self.web_ports):
            self.processes.append(Supervised(f"web-{index + 1}", [py, "-m", "server.main", "--config",
                                             str(ROOT / "deploy" / "hypercorn.toml"), "--port", str(port)],
                                             self.env, self.work))
        self.processes.append(Supervised("worker", [py, "-m", "server.worker"], self.env, self.work))
        for process in self.processes:
            process.start()
        self.nginx.__enter__()
        for port in self.web_ports:
            wait_for(lambda port=port: healthy(f"http://127.0.0.1:{port}"), 60, f"web process on {port}")
        wait_for(lambda: healthy(self.base_url), 30, "nginx")

    def tear_down(self) -> None:
        for process in self.processes:
            process.stop()
        self.nginx.__exit__(None, None, None)
        self.db_proxy.close()
        self.media.__exit__(None, None, None)
        asyncio.run(on_server(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'))
        if self.args.keep:
            log(f"logs kept in {self.work}")
        else:
            shutil.rmtree(self.work, ignore_errors=True)

    # -- the load -------------------------------------------------------------------------
    def signed(self, path: str, params: dict) -> tuple[bytes, dict]:
        signature = RequestValidator(AUTH_TOKEN).compute_signature(self.base_url + path, params)
        return urlencode(params).encode(), {"Content-Type": "application/x-www-form-urlencoded",
                                            "X-Twilio-Signature": signature}

    async def webhook(self, http: aiohttp.ClientSession, path: str, params: dict) -> bool:
        """Sent as Twilio would, again after a second on failure (3 tries); True once answered 200."""
        body, headers = self.signed(path, params)
        for _ in range(3):
            started = time.monotonic()
            try:
                async with http.post(path, data=body, headers=headers) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError):
                status = 0
            self.figures.webhooks.append((started, time.monotonic() - started, status))
            if status == 200:
                return True
            await asyncio.sleep(1.0)
        return False

    async def caller(self, http: aiohttp.ClientSession, until: float) -> None:
        while time.monotonic() < until:
            call_sid, recording_sid = f"CA{uuid.uuid4().hex}", f"RE{uuid.uuid4().hex}"
            caller = f"+97250{secrets.randbelow(10**7):07d}"
            common = {"AccountSid": ACCOUNT_SID, "CallSid": call_sid, "From": caller, "To": BUSINESS_PHONE,
                      "Direction": "inbound", "ApiVersion": "2010-04-01"}
            answered = await self.webhook(http, "/webhook/incoming_call", {**common, "CallStatus": "ringing"})
            (self.figures.calls_sent if answered else self.figures.calls_unanswered).add(call_sid)
            recording = {**common, "CallStatus": "in-progress", "RecordingSid": recording_sid,
                         "RecordingUrl": f"{self.media.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Recordings/"
                                         f"{recording_sid}", "RecordingDuration": "7"}
            answered = await self.webhook(http, "/webhook/handle_recording", recording)
            (self.figures.recordings_sent if answered else self.figures.recordings_unanswered).add(recording_sid)
            await self.webhook(http, "/webhook/call_status", {**common, "CallStatus": "completed",
                                                              "CallDuration": "12"})
            await asyncio.sleep(self.args.pace)

    async def reader(self, http: aiohttp.ClientSession, headers: dict, until: float) -> None:
        paths = ["/api/crm/calls?limit=25&sort=-started_at", "/api/crm/customers?limit=25&sort=-created_at"]
        turn = 0
        while time.monotonic() < until:
            started = time.monotonic()
            try:
                async with http.get(paths[turn % 2], headers=headers) as response:
                    await response.read()
                    status = response.status
            except (aiohttp.ClientError, TimeoutError):
                status = 0
            self.figures.reads.append((started, time.monotonic() - started, status))
            turn += 1
            await asyncio.sleep(0.2)

    async def faults(self, started: float) -> None:
        web, worker = self.processes[0], self.processes[2]
        def point_disk_at(target: str) -> None:
            turning = self.work / "disk.turning"
            turning.symlink_to(self.work / target)
            os.replace(turning, self.disk)

        async def at(second: float) -> None:
            await asyncio.sleep(max(0.0, started + second - time.monotonic()))

        await at(5)
        point_disk_at("failing-disk")
        self.figures.marks["media unwritable"] = time.monotonic()
        log("MEDIA_ROOT unwritable")
        await at(15)
        self.figures.kills.append((web.name, web.kill()))
        log(f"kill -9 {web.name}")
        await at(25)
        self.figures.kills.append((worker.name, worker.kill()))
        log("kill -9 worker")
        await at(35)
        self.db_proxy.cut()
        self.figures.marks["database cut"] = time.monotonic()
        log("database connection cut")
        await at(40)
        self.db_proxy.restore()
        self.figures.marks["database back"] = time.monotonic()
        log("database connection back")
        await at(65)
        point_disk_at("healthy-disk")
        self.figures.marks["media writable"] = time.monotonic()
        log("MEDIA_ROOT writable again")

    async def load(self) -> None:
        # aiohttp rather than httpx for the load: at this concurrency httpx's pool cost the
        # generator more CPU than the requests cost the server, and its wait showed as latency.
        connector = aiohttp.TCPConnector(limit=self.args.callers + self.args.readers + 10)
        async with aiohttp.ClientSession(base_url=self.base_url, connector=connector,
                                         timeout=aiohttp.ClientTimeout(total=20)) as http:
            async with http.post("/auth/login", json={"email": EMAIL, "password": PASSWORD,
                                                      "client": "desktop"}) as login:
                login.raise_for_status()
                token = (await login.json())["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            # The sockets live in a process of their own: in this one, their pings and reconnects
            # would share one core's event loop with the callers and inflate their latencies.
            context = multiprocessing.get_context("spawn")
            stop, results = context.Event(), context.Queue()
            holder = context.Process(target=hold_sockets, args=(self.base_url, token, self.args.sockets, stop, results))
            holder.start()
            ready = await asyncio.to_thread(results.get, True, 120)
            log(f"{ready} sockets connected; load for {self.args.duration} s")
            started = time.monotonic()
            self.figures.marks["start"] = started
            until = started + self.args.duration
            faults = asyncio.create_task(self.faults(started))
            await asyncio.gather(*(self.caller(http, until) for _ in range(self.args.callers)),
                                 *(self.reader(http, headers, until) for _ in range(self.args.readers)))
            self.figures.marks["load end"] = time.monotonic()
            log("load over; waiting for the faults to end")
            await faults
            await self.recovered()
            stop.set()
            self.connected_at_end, self.figures.socket_connects, self.figures.socket_drops = \
                await asyncio.to_thread(results.get, True, 120)
            holder.join(60)

    async def recovered(self) -> None:
        """Wait (up to --recover-within) until every recording answered 200 is stored."""
        deadline = time.monotonic() + self.args.recover_within
        connection = await asyncpg.connect(self.direct_url())
        try:
            while True:
                stored = await connection.fetchval(
                    "SELECT count(*) FROM call WHERE recording_sid = ANY($1::text[]) AND recording_path IS NOT NULL",
                    list(self.figures.recordings_sent))
                if stored >= len(self.figures.recordings_sent) or time.monotonic() > deadline:
                    break
                await asyncio.sleep(1.0)
        finally:
            await connection.close()
        self.figures.marks["recordings stored"] = time.monotonic()

    # -- the figures ----------------------------------------------------------------------
    def served_times(self) -> dict[str, list[float]]:
        """Each request's time inside the web processes (ms), from their access log lines."""
        times: dict[str, list[float]] = {"webhooks": [], "API reads": []}
        for log_file in self.work.glob("web-*.log"):
            for line in log_file.read_text(errors="replace").splitlines():
                entry = _access_line(line)
                if entry and entry.get("path", "").startswith("/webhook/"):
                    times["webhooks"].append(entry["ms"])
                elif entry and entry.get("path", "").startswith("/api/crm/") and entry.get("method") == "GET":
                    times["API reads"].append(entry["ms"])
        return {name: found for name, found in times.items() if found}

    async def stored(self) -> dict:
        connection = await asyncpg.connect(self.direct_url())
        try:
            sent = list(self.figures.calls_sent)
            recordings = list(self.figures.recordings_sent)
            return {
                "calls": await connection.fetchval("SELECT count(*) FROM call WHERE call_sid = ANY($1::text[])", sent),
                "calls_total": await connection.fetchval("SELECT count(*) FROM call"),
                "duplicate_calls": await connection.fetchval(
                    "SELECT count(*) FROM (SELECT call_sid FROM call GROUP BY call_sid HAVING count(*) > 1) d"),
                "duplicate_customers": await connection.fetchval(
                    "SELECT count(*) FROM (SELECT business_id, phone FROM customer GROUP BY 1, 2 "
                    "HAVING count(*) > 1) d"),
                "recordings": await connection.fetchval(
                    "SELECT count(*) FROM call WHERE recording_sid = ANY($1::text[]) AND recording_path IS NOT NULL",
                    recordings),
                "recording_jobs": await connection.fetchval(
                    "SELECT count(*) FROM job WHERE kind = 'recording.fetch'"),
                "duplicate_jobs": await connection.fetchval(
                    "SELECT count(*) FROM (SELECT payload->>'call_id' FROM job WHERE kind = 'recording.fetch' "
                    "GROUP BY 1 HAVING count(*) > 1) d"),
                "jobs": dict(await connection.fetch("SELECT status, count(*) FROM job GROUP BY status")),
                "files": sum(1 for _ in (self.media_root / "recordings").rglob("*.mp3"))
                if (self.media_root / "recordings").exists() else 0,
            }
        finally:
            await connection.close()

    def report(self, stored: dict) -> None:
        f = self.figures
        start = f.marks["start"]
        kills = [at for _, at in f.kills]
        cut, back = f.marks["database cut"], f.marks["database back"]

        def in_kill_window(at: float, seconds: float) -> bool:
            return any(k - seconds <= at <= k + KILL_WINDOW for k in kills)

        def describe(samples, name):
            statuses: dict[int, int] = {}
            for _, _, status in samples:
                statuses[status] = statuses.get(status, 0) + 1
            times = sorted(seconds for _, seconds, status in samples if status == 200)
            p50 = statistics.median(times) * 1000 if times else float("nan")
            p99 = times[int(len(times) * 0.99) - 1] * 1000 if times else float("nan")
            calm = sorted(seconds for at, seconds, status in samples
                          if status == 200 and not in_kill_window(at, seconds) and not cut - seconds <= at <= back + 1)
            p99_calm = calm[int(len(calm) * 0.99) - 1] * 1000 if calm else float("nan")
            errors = [(at, s, st) for at, s, st in samples if st != 200]
            outside = [e for e in errors if not in_kill_window(e[0], e[1])]
            in_cut = [e for e in outside if cut - e[1] <= e[0] <= back]
            print(f"| {name} | {len(samples)} | {statuses.get(200, 0)} | {len(errors)} | {len(outside)} "
                  f"({len(in_cut)} in the database cut) | "
                  f"{p50:.1f} | {p99:.1f} | {p99_calm:.1f} | "
                  f"{', '.join(f'{k}: {v}' for k, v in sorted(statuses.items()))} |")
            return outside

        print(f"\n## bench/faults.py: {self.args.duration} s, {self.args.callers} callers, {self.args.readers} "
              f"readers, {self.args.sockets} sockets ({time.strftime('%Y-%m-%d %H:%M')})\n")
        print("| requests | sent | 200 | not 200 | not 200 outside a kill | p50 ms | p99 ms "
              "| p99 ms away from the kills and the cut | by status (0: no answer) |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        outside = describe(f.webhooks, "webhooks") + describe(f.reads, "API reads")
        served = self.served_times()
        for name, times in served.items():
            times.sort()
            print(f"  as the web processes timed them (their access log): {name}: {len(times)}, "
                  f"p50 {statistics.median(times):.1f} ms, p99 {times[int(len(times) * 0.99) - 1]:.1f} ms")
        for at, seconds, status in outside[:10]:
            print(f"  outside a kill: status {status} at {at - start:.1f} s ({seconds * 1000:.0f} ms)")
        print()
        print("| stored | sent (answered 200) | in the database | lost | duplicates |")
        print("| --- | --- | --- | --- | --- |")
        print(f"| calls | {len(f.calls_sent)} | {stored['calls']} | {len(f.calls_sent) - stored['calls']} | "
              f"{stored['duplicate_calls']} calls, {stored['duplicate_customers']} callers |")
        print(f"| recordings | {len(f.recordings_sent)} | {stored['recordings']} (files: {stored['files']}) | "
              f"{len(f.recordings_sent) - stored['recordings']} | {stored['duplicate_jobs']} download jobs |")
        print(f"\nNever answered after 3 tries: {len(f.calls_unanswered)} incoming_call, "
              f"{len(f.recordings_unanswered)} handle_recording. Jobs at the end: {stored['jobs']}.")
        print(f"Sockets: {self.connected_at_end}/{self.args.sockets} connected at the end; "
              f"{f.socket_drops} drops, {f.socket_connects - self.args.sockets} reconnects.\n")
        print("| recovery | seconds |")
        print("| --- | --- |")
        for name, at in f.kills:
            answered = [a + s for a, s, st in f.webhooks + f.reads if st == 200 and a + s > at]
            failed = [a + s for a, s, st in f.webhooks + f.reads if st != 200 and at - s <= a <= at + KILL_WINDOW]
            first_ok = min(answered, default=float("nan")) - at
            print(f"| kill -9 {name}: first request answered after | {first_ok:.2f} |")
            print(f"| kill -9 {name}: requests that failed in its window | {len(failed)} |")
            process = next(p for p in self.processes if p.name == name)
            restarts = [s for s in process.starts if s > at]
            if restarts:
                print(f"| kill -9 {name}: restarted by the supervisor after | {restarts[0] - at:.2f} |")
        back = f.marks["database back"]
        after = [a + s for a, s, st in f.webhooks if st == 200 and a >= back]
        print(f"| database back: first webhook answered after | {min(after, default=float('nan')) - back:.2f} |")
        media = f.marks["media writable"]
        print(f"| media writable again: every recording stored after | {f.marks['recordings stored'] - media:.2f} |")
        usage = resource.getrusage(resource.RUSAGE_SELF)
        wall = f.marks["load end"] - start
        print(f"\nThe load generator itself (one Python process: callers and readers) used "
              f"{usage.ru_utime + usage.ru_stime:.0f} s of CPU over a {wall:.0f} s load (from set-up to the end); "
              f"machine: {os.cpu_count()} cores, shared by every process above.")


def _access_line(line: str) -> dict | None:
    _, marker, entry = line.partition("agentlocator.access ")
    try:
        return json.loads(entry) if marker else None
    except ValueError:
        return None


def hold_sockets(base_url: str, token: str, count: int, stop, results) -> None:
    """A process of its own: `count` Socket.IO clients over websocket, reconnecting by
    themselves, until `stop`; puts how many connected, then (connected, connects, drops)."""
    async def hold() -> None:
        counts = {"connects": 0, "drops": 0}
        clients = []
        for _ in range(count):
            client = socketio.AsyncClient(reconnection=True, reconnection_delay=0.5, reconnection_delay_max=3)
            client.on("connect", lambda: counts.__setitem__("connects", counts["connects"] + 1))
            client.on("disconnect", lambda *_: counts.__setitem__("drops", counts["drops"] + 1))
            await client.connect(base_url, socketio_path="ws", auth={"token": token}, transports=["websocket"],
                                 wait_timeout=20)
            clients.append(client)
        results.put(len(clients))
        await asyncio.to_thread(stop.wait)
        results.put((sum(1 for c in clients if c.connected), counts["connects"], counts["drops"]))
        await asyncio.gather(*(c.disconnect() for c in clients), return_exceptions=True)

    asyncio.run(hold())


async def on_server(statement: str) -> None:
    """One statement on the PostgreSQL server (CREATE/DROP DATABASE: outside any database's own)."""
    connection = await asyncpg.connect(PG)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def healthy(base_url: str) -> bool:
    try:
        return httpx.get(f"{base_url}/api/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.faults", description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--callers", type=int, default=100)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--sockets", type=int, default=200)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds each caller waits between calls")
    parser.add_argument("--recover-within", type=float, default=900.0,
                        help="how long to wait after the faults for every recording to be stored")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (the processes' logs)")
    args = parser.parse_args(argv)
    run = Run(args)
    try:
        run.set_up()
        asyncio.run(run.load())
        run.report(asyncio.run(run.stored()))
    finally:
        run.tear_down()
    return 0


if __name__ == "__main__":
    sys.exit(main())
