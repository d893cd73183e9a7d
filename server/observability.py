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
        log_request(request.method, request.path, response.status_code, response.content_type, elapsed)
        return response


def log_request(method: str, path: str, status: int, content_type: str | None, ms: float) -> None:
    """The one access line: what every response, the voice fast path's included, writes."""
    if log.isEnabledFor(logging.INFO):
        log.info(json.dumps({"method": method, "path": path, "status": status,
                             "content_type": content_type, "ms": round(ms, 2)}, ensure_ascii=False))


def configure_logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # fpdf2's font subsetting logs every glyph at INFO.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
