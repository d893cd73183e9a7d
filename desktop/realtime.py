"""The Socket.IO bridge: the server's realtime events as Qt signals.

A thread of its own runs python-socketio's threaded client (websocket transport) against
`<server>/ws`, authenticating with `auth={"token": <access JWT>}`. Every (re)connection asks
the API client for a token with time left (`Api.access_token`), so one that expired while the
network was away is refreshed first; the server drops a socket when its token expires, and the
bridge comes straight back with a fresh one. A connection the server refused (its CONNECT_ERROR,
whatever its text: a revoked token, or one signed with a secret the server no longer has, as
after a development server's restart) is retried with a freshly refreshed token; only a network
failure retries with the same one. After a loss it retries with a growing pause (1 s doubling
to 30 s). It says when it is up or down (`connected_changed`; down also when the first attempt
fails) and when it is back after a loss (`reconnected`). On every connection the server
replays the alerts of the agent that fell due and are still open (`replay: true`): alerts are
keyed by task id and `fires_at`, so one is never signalled twice.

The socket thread hands each signal to the UI thread (`_relay`, queued), which emits it there:
every slot runs on the UI thread, lambdas included (PySide runs a lambda connected to a signal
emitted on another thread on that thread), and a test's wait on a signal ends with the emit
itself rather than with a queued call that may outlive it.
"""

from __future__ import annotations

import logging
import threading

import socketio
from PySide6.QtCore import QObject, Signal

from desktop.api import Api, ApiError, SessionExpiredError

log = logging.getLogger("agentlocator.desktop.realtime")

EVENTS = ("task:due", "task:updated", "call:new", "call:updated", "wa:message", "wa:status", "customer:updated",
          # Live calls: the agents' phones ring, one answered, nobody did; an overdue call-back
          # (admins' own room); an agent's presence changed.
          "call:ringing", "call:answered", "call:missed", "callback:overdue", "presence:changed",
          # An invoice issued, given its allocation number (or refused it), paid, cancelled.
          "invoice:updated")
MIN_DELAY, MAX_DELAY = 1.0, 30.0


def alert_key(payload: dict) -> tuple:
    task = payload.get("task") or {}
    return task.get("id"), task.get("fires_at") or task.get("due_at")


class RealtimeBridge(QObject):
    event = Signal(str, object)  # every event: its name and payload
    task_due = Signal(object)  # {task, customer}: once per task and due time
    call_event = Signal(str, object)  # call:new / call:updated / call:ringing / call:answered / call:missed
    connected_changed = Signal(bool)  # up / down; down also when the first attempt fails
    reconnected = Signal()  # the second and later connections: what was shown may be stale
    session_expired = Signal()
    _relay = Signal(str, tuple)  # socket thread → UI thread: which signal, with what

    def __init__(self, api: Api, parent: QObject | None = None, *, min_delay: float = MIN_DELAY,
                 max_delay: float = MAX_DELAY) -> None:
        super().__init__(parent)
        self.api = api
        self.min_delay, self.max_delay = min_delay, max_delay
        self.connected = False
        self._state: bool | None = None  # what connected_changed last said (None: nothing yet)
        self.connections = 0  # successful connections so far (a reconnect makes it 2)
        self._seen: set[tuple] = set()
        self._stop = threading.Event()
        self._client: socketio.Client | None = None
        self._thread: threading.Thread | None = None
        self._relay.connect(self._deliver)  # queued: the bridge lives on the UI thread

    # -- control (UI thread) -------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._state = None  # a start after a stop tells its first news again
        self._thread = threading.Thread(target=self._run, name="realtime", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        client = self._client
        if client is not None:
            try:
                client.disconnect()
            except Exception:  # noqa: BLE001 - closing anyway
                log.debug("disconnect on stop failed", exc_info=True)
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def forget(self) -> None:
        """Forget the alerts already signalled (logging out: the next session starts clean)."""
        self._seen.clear()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    # -- the socket thread ---------------------------------------------------------------
    def _make_client(self) -> socketio.Client:
        # Reconnection is ours (a fresh token each time). No Origin header: the server's origin
        # check is for browsers, and a desktop may reach the server by another address than PUBLIC_HOST.
        client = socketio.Client(reconnection=False, websocket_extra_options={"suppress_origin": True})
        client.on("connect", self._on_connect)
        client.on("disconnect", self._on_disconnect)
        for name in EVENTS:
            client.on(name, lambda data=None, _name=name: self._dispatch(_name, data))
        return client

    def _run(self) -> None:
        delay = self.min_delay
        refused = False
        while not self._stop.is_set():
            try:
                token = self.api.access_token(force=refused)
            except SessionExpiredError:
                self._emit("session_expired")
                return
            except ApiError as error:  # the server is unreachable: try again later
                log.info("realtime: no token yet (%s)", error.message)
                token = None
            if token:
                before, refused_before = self.connections, refused
                refused = self._connect_once(token)
                if self.connections > before:  # it was up: the next loss starts the pauses afresh
                    delay = self.min_delay
                if refused and not refused_before:
                    continue  # at once with a fresh token: the server is there, only the token was stale
            if not self.connected:
                self._set_state(False)
            if self._stop.wait(delay):
                return
            delay = min(delay * 2, self.max_delay)

    def _connect_once(self, token: str) -> bool:
        """One connection, until it ends; True when the server refused it."""
        self._client = client = self._make_client()
        try:
            client.connect(self.api.base_url, socketio_path="ws", transports=["websocket"],
                           auth={"token": token}, wait_timeout=10, retry=False)
            # Until the connection ends. Not `client.wait()`: it sleeps a second after the
            # end for a reconnect task, which this client never has, and logout waits for it.
            client.eio.wait()
            return False
        except socketio.exceptions.ConnectionError as error:
            # The structural signal: python-socketio lists a namespace as failed only when the
            # server answered its CONNECT with a CONNECT_ERROR; a network failure lists none.
            log.info("realtime: connect failed: %s", error)
            return bool(client.failed_namespaces)
        finally:
            try:
                client.disconnect()
            except Exception:  # noqa: BLE001
                pass
            self._client = None

    def _emit(self, signal: str, *args) -> None:
        """From the socket thread: `signal` emitted on the UI thread; nothing once the bridge
        is stopping or gone."""
        if self._stop.is_set():
            return
        try:
            self._relay.emit(signal, args)
        except RuntimeError:  # the bridge's C++ object was deleted (its window closed)
            self._stop.set()

    def _deliver(self, signal: str, args: tuple) -> None:
        if not self._stop.is_set():
            getattr(self, signal).emit(*args)

    def _set_state(self, up: bool) -> None:
        if self._state is not up:
            self._state = up
            self._emit("connected_changed", up)

    def _on_connect(self) -> None:
        self.connected = True
        self.connections += 1
        self._set_state(True)
        if self.connections > 1:
            self._emit("reconnected")

    def _on_disconnect(self, *_reason) -> None:
        if self.connected:
            self.connected = False
            self._set_state(False)

    def _dispatch(self, name: str, data) -> None:
        payload = data if isinstance(data, dict) else {}
        if name == "task:due":
            key = alert_key(payload)
            if key in self._seen:
                return  # a replay of an alert already shown
            self._seen.add(key)
            self._emit("task_due", payload)
        elif name.startswith("call:"):
            self._emit("call_event", name, payload)
        self._emit("event", name, payload)
