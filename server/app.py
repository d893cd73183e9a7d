"""The app factory: configuration → database → extensions → blueprints → errors."""

from __future__ import annotations

import logging
import secrets

from quart import Quart, request
from quart.ctx import RequestContext
from quart.globals import request_ctx
from quart.typing import ResponseReturnValue
from quart_rate_limiter import RateLimiter
from quart_schema import QuartSchema
from werkzeug.routing import IntegerConverter

from server.blueprints import BLUEPRINTS
from server.config import Settings, load_settings
from server.errors import register_error_handlers
from server.http_security import install as install_http_security
from server.job_kinds import HANDLERS
from server.jobs.worker import Worker
from server.observability import install as install_observability
from server.openapi import Provider as OpenAPIProvider
from server.outages import ride_out
from server.presence.service import PresenceKeeper
from server.privacy.retention import ensure_scheduled as schedule_retention
from server.realtime import Realtime
from server.request_guard import install as install_request_guard
from server.runtime import Runtime
from server.secret_box import DEV_KEY_MATERIAL
from server.tasks.scheduler import TaskClock, replay_pending

log = logging.getLogger("agentlocator")


async def _caller_address() -> str:
    """The rate limiter's key. quart-rate-limiter's own (`request.access_route[0]`) is the first
    X-Forwarded-For entry, which the caller writes: one rotating it escaped every limit.
    `remote_addr` is the caller as our proxy saw it (server.asgi trusts only its hop)."""
    return request.remote_addr or ""


class App(Quart):
    """Quart, with reads that wait out a database outage of a few seconds (server/outages.py):
    a GET is safe to run again, so it does, rather than answer the agent 503. Writes answer
    503 with Retry-After (server/errors.py), except Twilio's webhooks, which wait too."""

    async def dispatch_request(self, request_context: RequestContext | None = None) -> ResponseReturnValue:
        dispatch = super().dispatch_request
        if (request_context or request_ctx).request.method in ("GET", "HEAD"):
            return await ride_out(lambda: dispatch(request_context))
        return await dispatch(request_context)


class DatabaseId(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def create_app(overrides: dict | None = None, *, settings: Settings | None = None) -> Quart:
    settings = settings or load_settings()
    if overrides:
        settings = settings.with_overrides(**overrides)
    if not settings.jwt_secret:
        # Development only (production refuses to start without it): tokens die with the process,
        # the secrets stored in the database must not (server/secret_box.py).
        settings = settings.with_overrides(jwt_secret=secrets.token_urlsafe(32),
                                           settings_key=settings.settings_key or DEV_KEY_MATERIAL)
    if not settings.signatures_enforced:
        log.warning("TWILIO_AUTH_TOKEN is not set: webhook signatures are NOT checked (development only)")

    app = App(__name__)
    # Every `<int:...>` in a route is a database id: bounded, so an absurd number is a 404
    # rather than an integer overflow inside the database driver.
    app.url_map.converters["int"] = DatabaseId
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024

    QuartSchema(app, info={"title": "AgentLocator API", "version": settings.app_rev},
                security_schemes={"bearer": {"type": "http", "scheme": "bearer", "bearer_format": "JWT"}},
                openapi_provider_class=OpenAPIProvider)
    # After QuartSchema, which installs its own JSON provider: keep the serialisers' field order.
    app.json.sort_keys = False
    RateLimiter(app, key_function=_caller_address)
    install_observability(app, revision=settings.app_rev)
    install_http_security(app, settings)
    install_request_guard(app)
    register_error_handlers(app)

    # Everything this app creates lives on its runtime, which every request, websocket and the
    # lifespan run under (server/runtime.py); `server.asgi` binds the layers in front of Quart too.
    runtime = Runtime(settings)
    runtime.events = realtime = Realtime.serving(settings)
    realtime.on_connect.append(replay_pending)
    presence = PresenceKeeper()
    realtime.on_join.append(presence.connected)
    realtime.on_disconnect.append(presence.disconnected)
    app.extensions["runtime"] = runtime
    app.asgi_app = runtime.bind(app.asgi_app)

    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)

    running: list = []  # the worker and the clock this app started, stopped in reverse

    @app.before_serving
    async def _open():
        try:
            settings.media_root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            # Start anyway: calls still come in and are filed, and the jobs that write recordings
            # retry until the disk is back. A server that refused to start here would lose them.
            log.error("MEDIA_ROOT %s cannot be created (%s); recordings wait until it can",
                      settings.media_root, error.strerror)
        await runtime.open(run_migrations=settings.auto_migrate)
        running.append(presence)
        if settings.run_worker:
            running.append(Worker(settings, HANDLERS))
            await schedule_retention()  # the daily sweep queues its next run; this starts the chain
        if settings.run_scheduler:
            running.append(TaskClock())
        for part in running:
            part.start()

    @app.after_serving
    async def _close():
        while running:
            await running.pop().stop()
        await runtime.close()

    return app
