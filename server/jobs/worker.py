"""The worker loop: claim a job, run its handler under a renewed lease, record the outcome.

It runs inside the server process by default and as `python -m server.worker` on its own;
both are this class, given the table of job kinds by the code that builds it
(server/job_kinds.py).

Nothing that fails ends a slot. A database that does not answer (claiming, renewing a lease,
recording an outcome) is tried again with backoff until it does; a job whose outcome could not
be recorded before the worker stops keeps its lease running out, and is claimed again. A slot
task that ends all the same is logged and replaced. The heartbeat that /api/health reads is
written only while the slots make progress (a claim, a renewal or an outcome within
PROGRESS_WINDOW seconds), not merely while the worker's tasks exist.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import timedelta
from functools import partial

from server import runtime
from server.background import wind_down
from server.config import Settings
from server.jobs import queue, retry
from server.jobs.models import Job, WorkerHeartbeat

log = logging.getLogger("agentlocator.worker")

HEARTBEAT_SECONDS = 5.0
# A heartbeat says "a slot talked to the database this recently": idle slots claim every
# `poll_seconds`, busy ones renew their lease at least every HEARTBEAT_SECONDS.
PROGRESS_WINDOW = 15.0
# Waiting for the database to answer again: 0.5 s, 1 s, 2 s ... at most 10 s between tries.
RECONNECT_SECONDS = (0.5, 10.0)
Handler = Callable[..., Awaitable[None]]  # (job, *, settings)


class Worker:
    def __init__(self, settings: Settings, handlers: Mapping[str, Handler], *, name: str | None = None,
                 slots: int = 2, poll_seconds: float = 0.5, lease_seconds: float | None = None,
                 backoff: Callable[[int], timedelta] = queue.backoff,
                 reconnect_seconds: tuple[float, float] = RECONNECT_SECONDS) -> None:
        """`backoff(attempts)` is how long a failed job waits before its next attempt (tests
        shorten it); `reconnect_seconds` the first and the longest wait for the database."""
        self.settings = settings
        self.handlers = handlers
        self.name = name or f"{socket.gethostname()}:{os.getpid()}:{id(self):x}"
        self.slots = slots
        self.poll_seconds = poll_seconds
        self.lease = timedelta(seconds=lease_seconds or settings.job_lease_seconds)
        self.backoff = backoff
        self.reconnect_seconds = reconnect_seconds
        self.slots_replaced = 0
        self._wakeup = asyncio.Event()
        self._stopping = asyncio.Event()
        self._slot_tasks: dict[int, asyncio.Task] = {}
        self._heartbeat_task: asyncio.Task | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._progress_at = time.monotonic()

    def wake(self) -> None:
        self._wakeup.set()

    @property
    def slot_tasks(self) -> list[asyncio.Task]:
        return list(self._slot_tasks.values())

    def start(self) -> None:
        """Runs under the current runtime, woken by the jobs queued in it."""
        self._unsubscribe = runtime.current().subscribe(runtime.JOBS_QUEUED, self.wake)
        for index in range(self.slots):
            self._start_slot(index)
        self._heartbeat_task = asyncio.create_task(self._heartbeat(), name="job-heartbeat")

    async def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
        self._stopping.set()
        self._wakeup.set()
        await wind_down([*self._slot_tasks.values(), *filter(None, [self._heartbeat_task])])
        self._slot_tasks.clear()

    def _start_slot(self, index: int, *, delay: float = 0.0) -> None:
        task = asyncio.create_task(self._slot(index, delay), name=f"job-slot-{index}")
        self._slot_tasks[index] = task
        task.add_done_callback(partial(self._slot_ended, index))

    def _slot_ended(self, index: int, task: asyncio.Task) -> None:
        if self._stopping.is_set():
            return
        error = None if task.cancelled() else task.exception()
        log.error("job slot %d ended unexpectedly (%s); starting a new one", index,
                  "cancelled" if task.cancelled() else retry.describe(error) if error else "returned",
                  exc_info=error)
        self.slots_replaced += 1
        self._start_slot(index, delay=self.reconnect_seconds[0])  # not in a tight loop, should it end again

    def _progressed(self) -> None:
        self._progress_at = time.monotonic()

    async def _pause(self, seconds: float) -> None:
        """Sleep, unless told to stop."""
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    def _reconnect_delay(self, failures: int) -> float:
        first, longest = self.reconnect_seconds
        return min(first * 2 ** (failures - 1), longest)

    async def _heartbeat(self) -> None:
        withheld = False
        while not self._stopping.is_set():
            idle = time.monotonic() - self._progress_at
            if idle <= PROGRESS_WINDOW:
                withheld = False
                try:
                    await self._beat()
                except Exception as error:  # noqa: BLE001 - a missed beat only makes /api/health cautious
                    log.warning("worker heartbeat failed: %s", retry.describe(error))
            elif not withheld:
                withheld = True
                log.warning("no job slot has made progress for %.0f s: heartbeat withheld", idle)
            await self._pause(HEARTBEAT_SECONDS)

    async def _beat(self) -> None:
        # Not update_or_create: its transaction could leave this task's context on a dead
        # connection (see execute). One worker writes its own row, so nothing races the insert.
        at = queue.now()
        if not await WorkerHeartbeat.filter(name=self.name).update(seen_at=at):
            await WorkerHeartbeat.create(name=self.name, seen_at=at)

    async def _slot(self, index: int, delay: float = 0.0) -> None:
        if delay:
            await self._pause(delay)
        failures = 0
        while not self._stopping.is_set():
            try:
                job = await queue.claim(worker=self.name, lease=self.lease)
            except Exception as error:  # noqa: BLE001 - the database may be restarting: try again
                failures += 1
                if failures == 1:
                    log.warning("job slot %d: claiming a job failed, retrying until the database answers: %s",
                                index, retry.describe(error))
                await self._pause(self._reconnect_delay(failures))
                continue
            if failures:
                log.info("job slot %d: claiming works again after %d failed tries", index, failures)
                failures = 0
            self._progressed()
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
        """Run a claimed job and record its outcome: "done", "queued" (to be retried), "dead",
        or "lost" (the claim passed to another, or the worker stopped before the database
        answered; the job runs again)."""
        handler = self.handlers.get(job.kind)
        if handler is None:
            return await self._record(job, error=f"no handler for {job.kind!r}", permanent=True)
        if job.attempts > job.max_attempts:
            # Its worker died mid-job every time: stop handing it out.
            return await self._record(job, error=job.last_error or "lease lost too often", permanent=True)
        renewer = asyncio.create_task(self._renew(job))
        try:
            # A task of its own, so a copy of the slot's context: tortoise makes a transaction
            # the task's connection before sending BEGIN and leaves it there if BEGIN fails (the
            # database gone mid-way), which would send the slot's every later query to a dead
            # connection.
            await asyncio.create_task(handler(job, settings=self.settings), name=f"job-{job.id}")
        except asyncio.CancelledError:
            raise
        except Exception as error:  # noqa: BLE001 - classified, then retried or dead
            failure = error
        else:
            failure = None
        finally:
            renewer.cancel()
        if failure is None:
            status = await self._record(job)
            if status == "done":
                log.info("job %s %s done", job.id, job.kind)
            return status
        permanent = retry.is_permanent(failure, attempts=job.attempts)
        detail = retry.describe(failure)
        if permanent:
            log.warning("job %s %s failed for good: %s", job.id, job.kind, detail)
        elif retry.is_transient(failure):
            log.warning("job %s %s attempt %s failed: %s", job.id, job.kind, job.attempts, detail)
        else:
            log.warning("job %s %s attempt %s failed: %s", job.id, job.kind, job.attempts, detail, exc_info=failure)
        return await self._record(job, error=detail, permanent=permanent)

    async def _record(self, job: Job, *, error: str | None = None, permanent: bool = False) -> str:
        """The outcome, written once the database answers (or "lost" if the worker stops first)."""
        retry_in = self.backoff(job.attempts)
        failures = 0
        while True:
            try:
                if error is None:
                    status = await queue.complete(job=job, worker=self.name)
                else:
                    status = await queue.fail(job=job, worker=self.name, error=error, permanent=permanent,
                                              retry_in=retry_in)
            except Exception as failure:  # noqa: BLE001 - the database is away: keep the outcome and try again
                failures += 1
                if self._stopping.is_set():
                    log.warning("job %s %s: outcome not recorded before stopping; it runs again once its lease "
                                "runs out", job.id, job.kind)
                    return "lost"
                if failures == 1:
                    log.warning("job %s %s: recording its outcome failed, retrying until the database answers: %s",
                                job.id, job.kind, retry.describe(failure))
                await self._pause(self._reconnect_delay(failures))
                continue
            self._progressed()
            if status == "lost":
                log.warning("job %s %s: its lease ran out and it was claimed again; this outcome is dropped",
                            job.id, job.kind)
            return status

    async def _renew(self, job: Job) -> None:
        interval = min(self.lease.total_seconds() / 3, HEARTBEAT_SECONDS)
        while True:
            await asyncio.sleep(interval)
            try:
                held = await queue.renew(job=job, worker=self.name, lease=self.lease)
            except Exception as error:  # noqa: BLE001 - the lease may run out; the job is then claimed again
                log.warning("job %s: renewing its lease failed: %s", job.id, retry.describe(error))
                continue
            if not held:
                log.warning("job %s %s: its lease passed to another claim", job.id, job.kind)
                return
            self._progressed()
