"""The worker loop: claim a job, run its handler under a renewed lease, record the outcome.

It runs inside the server process by default and as `python -m server.worker` on its own;
both are this class, given the table of job kinds by the code that builds it
(server/job_kinds.py).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import traceback
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta

from server import runtime
from server.background import wind_down
from server.config import Settings
from server.jobs import queue
from server.jobs.errors import PermanentJobError
from server.jobs.models import Job, WorkerHeartbeat

log = logging.getLogger("agentlocator.worker")

HEARTBEAT_SECONDS = 5.0
Handler = Callable[..., Awaitable[None]]  # (job, *, settings)


class Worker:
    def __init__(self, settings: Settings, handlers: Mapping[str, Handler], *, name: str | None = None,
                 slots: int = 2, poll_seconds: float = 0.5, lease_seconds: float | None = None) -> None:
        self.settings = settings
        self.handlers = handlers
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.slots = slots
        self.poll_seconds = poll_seconds
        self.lease = timedelta(seconds=lease_seconds or settings.job_lease_seconds)
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task] = []
        self._unsubscribe: Callable[[], None] | None = None

    def wake(self) -> None:
        self._wakeup.set()

    def start(self) -> None:
        """Runs under the current runtime, woken by the jobs queued in it."""
        self._unsubscribe = runtime.current().subscribe(runtime.JOBS_QUEUED, self.wake)
        self._tasks = [asyncio.create_task(self._slot(i), name=f"job-slot-{i}") for i in range(self.slots)]
        self._tasks.append(asyncio.create_task(self._heartbeat(), name="job-heartbeat"))

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._stopping.set()
        self._wakeup.set()
        await wind_down(self._tasks)
        self._tasks = []

    async def _heartbeat(self) -> None:
        while not self._stopping.is_set():
            try:
                await WorkerHeartbeat.update_or_create(defaults={"seen_at": queue.now()}, name=self.name)
            except Exception:  # noqa: BLE001 - a missed beat only makes /api/health cautious
                log.exception("worker heartbeat failed")
            try:
                await asyncio.wait_for(self._stopping.wait(), HEARTBEAT_SECONDS)
            except TimeoutError:
                pass

    async def _slot(self, index: int) -> None:
        while not self._stopping.is_set():
            try:
                job = await queue.claim(worker=self.name, lease=self.lease)
            except Exception:  # noqa: BLE001 - the database may be restarting: try again shortly
                log.exception("claiming a job failed")
                job = None
            if job is None:
                self._wakeup.clear()
                if self._stopping.is_set():  # told to stop before the clear: the wake-up is gone
                    return
                try:
                    await asyncio.wait_for(self._wakeup.wait(), self.poll_seconds)
                except TimeoutError:
                    pass
                continue
            await self.execute(job)

    async def execute(self, job: Job) -> str:
        handler = self.handlers.get(job.kind)
        if handler is None:
            return await queue.fail(job=job, worker=self.name, error=f"no handler for {job.kind!r}", permanent=True)
        if job.attempts > job.max_attempts:
            # Its worker died mid-job every time: stop handing it out.
            error = job.last_error or "lease lost too often"
            return await queue.fail(job=job, worker=self.name, error=error, permanent=True)
        renewer = asyncio.create_task(self._renew(job.id))
        try:
            await handler(job, settings=self.settings)
        except asyncio.CancelledError:
            raise
        except PermanentJobError as error:
            log.warning("job %s %s failed for good: %s", job.id, job.kind, error)
            return await queue.fail(job=job, worker=self.name, error=str(error), permanent=True)
        except Exception as error:  # noqa: BLE001 - any failure is retried with backoff
            log.warning("job %s %s attempt %s failed: %s", job.id, job.kind, job.attempts, error)
            detail = "".join(traceback.format_exception_only(error)).strip()
            return await queue.fail(job=job, worker=self.name, error=detail)
        finally:
            renewer.cancel()
        await queue.complete(job_id=job.id, worker=self.name)
        log.info("job %s %s done", job.id, job.kind)
        return "done"

    async def _renew(self, job_id: int) -> None:
        interval = self.lease.total_seconds() / 3
        while True:
            await asyncio.sleep(interval)
            await queue.renew(job_id=job_id, worker=self.name, lease=self.lease)
