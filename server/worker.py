"""`python -m server.worker`: a job worker process of its own (run the server with RUN_WORKER=0)."""

from __future__ import annotations

import asyncio
import logging
import signal

from server.config import ConfigError, load_settings
from server.job_kinds import HANDLERS
from server.jobs.worker import Worker
from server.observability import configure_logging
from server.privacy.retention import ensure_scheduled as schedule_retention
from server.realtime import Realtime
from server.runtime import Runtime

log = logging.getLogger("agentlocator.worker")


async def main() -> None:
    settings = load_settings()
    events = Realtime.emitting(settings)
    async with Runtime.started(settings, run_migrations=settings.auto_migrate, events=events):
        worker = Worker(settings, HANDLERS)
        await schedule_retention()  # the daily sweep queues its next run; this starts the chain
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        worker.start()
        log.info("worker %s started", worker.name)
        await stop.wait()
        await worker.stop()


if __name__ == "__main__":
    configure_logging()
    try:
        asyncio.run(main())
    except ConfigError as error:
        raise SystemExit(f"agentlocator: configuration error: {error}") from None
