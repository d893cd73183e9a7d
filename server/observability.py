"""Per-request plumbing: `X-Revision` on every response and one structured log line.

The line holds method, path, status, content type and milliseconds: never the query string,
headers or body, which may carry tokens, passwords or callers' data.
"""

from __future__ import annotations

import json
import logging
import time

from quart import Quart, g, request

log = logging.getLogger("agentlocator.access")


def install(app: Quart, *, revision: str) -> None:
    @app.before_request
    async def _start_clock():
        g.started = time.perf_counter()

    @app.after_request
    async def _finish(response):
        response.headers["X-Revision"] = revision
        started = g.get("started")
        elapsed = (time.perf_counter() - started) * 1000 if started else 0.0
        if log.isEnabledFor(logging.INFO):
            log.info(json.dumps({
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "content_type": response.content_type,
                "ms": round(elapsed, 2),
            }, ensure_ascii=False))
        return response


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # fpdf2's font subsetting logs every glyph at INFO.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
