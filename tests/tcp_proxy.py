"""A TCP forwarder for fault tests: put it between a client and a server (PostgreSQL, Redis,
a fake Twilio), then `cut()` the line and `restore()` it, as a database restart or a network
failure would.

`cut()` drops every open connection at once (each side sees a reset) and, until `restore()`,
resets every new one as soon as it is accepted: the client learns at once that the server is
gone, as when a database restarts. `hold()` is the silent kind of failure: connections stay
open but nothing passes (what is sent waits in the proxy, counted in `held_bytes`) until
`restore()` delivers it or `cut()` drops it, so a test can cut the line while a request is
in flight. The listening port stays the same throughout, so the client's URL never changes.

`TcpProxy` runs on the caller's event loop; `ThreadedTcpProxy` is the same proxy on a loop of
its own thread, for synchronous code (a benchmark, a test that drives processes).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import struct
import threading


def _reset(writer: asyncio.StreamWriter) -> None:
    """Close with a TCP reset (SO_LINGER 0), not a polite FIN: the peer's next read fails."""
    sock = writer.get_extra_info("socket")
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    writer.transport.abort()


class TcpProxy:
    def __init__(self, target_host: str, target_port: int, *, listen_host: str = "127.0.0.1") -> None:
        self.target_host, self.target_port = target_host, target_port
        self.listen_host = listen_host
        self.port: int | None = None
        self.is_cut = False
        self.is_held = False
        self.held_bytes = 0  # sent while held, not yet delivered
        self.accepted = 0  # connections forwarded
        self.refused = 0  # connections reset on arrival while cut
        self._server: asyncio.Server | None = None
        self._open: set[asyncio.StreamWriter] = set()
        self._held: list[tuple[asyncio.StreamWriter, bytes]] = []
        self._pumps: set[asyncio.Task] = set()

    async def start(self) -> int:
        """Listen on a free port of `listen_host`; returns it."""
        self._server = await asyncio.start_server(self._serve, self.listen_host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    def cut(self) -> None:
        """Every open connection reset now; new ones reset on arrival until `restore()`."""
        self.is_cut = True
        self.is_held = False
        self._held.clear()
        self.held_bytes = 0
        for writer in list(self._open):
            _reset(writer)
        self._open.clear()

    def hold(self) -> None:
        """Nothing passes either way (connections stay open) until `restore()` or `cut()`."""
        self.is_held = True

    @property
    def held_data(self) -> bytes:
        """What was sent (either way) while held, in order."""
        return b"".join(data for _, data in self._held)

    def restore(self) -> None:
        """Connections accepted and forwarded again; what was held is delivered now."""
        self.is_cut = self.is_held = False
        held, self._held, self.held_bytes = self._held, [], 0
        for sink, data in held:
            if not sink.is_closing():
                sink.write(data)

    async def __aenter__(self) -> TcpProxy:
        await self.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.close()

    async def close(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
        for task in list(self._pumps):
            task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)

    async def _serve(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        if self.is_cut:
            self.refused += 1
            _reset(client_writer)
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(self.target_host, self.target_port)
        except OSError:
            _reset(client_writer)
            return
        if self.is_cut:  # cut while connecting upstream
            self.refused += 1
            _reset(client_writer)
            _reset(upstream_writer)
            return
        self.accepted += 1
        self._open.update((client_writer, upstream_writer))
        for source, sink in ((client_reader, upstream_writer), (upstream_reader, client_writer)):
            task = asyncio.create_task(self._pump(source, sink))
            self._pumps.add(task)
            task.add_done_callback(self._pumps.discard)

    async def _pump(self, source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
        try:
            while data := await source.read(64 * 1024):
                if self.is_held:
                    self._held.append((sink, data))
                    self.held_bytes += len(data)
                    continue
                sink.write(data)
                await sink.drain()
        except (OSError, asyncio.IncompleteReadError):
            pass
        finally:
            # One side ended (or was cut): end the other too, so neither hangs half open.
            self._open.discard(sink)
            if not sink.is_closing():
                sink.close()


class ThreadedTcpProxy:
    """`TcpProxy` on an event loop of its own thread; every method waits until it is done."""

    def __init__(self, target_host: str, target_port: int, *, listen_host: str = "127.0.0.1") -> None:
        self.proxy = TcpProxy(target_host, target_port, listen_host=listen_host)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="tcp-proxy", daemon=True)

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(30)

    def start(self) -> int:
        self._thread.start()
        return self._call(self.proxy.start())

    def cut(self) -> None:
        async def cut() -> None:
            self.proxy.cut()
        self._call(cut())

    def hold(self) -> None:
        async def hold() -> None:
            self.proxy.hold()
        self._call(hold())

    def restore(self) -> None:
        async def restore() -> None:
            self.proxy.restore()
        self._call(restore())

    def close(self) -> None:
        if self._thread.is_alive():
            self._call(self.proxy.close())
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
        self._loop.close()

    @property
    def port(self) -> int | None:
        return self.proxy.port

    def __enter__(self) -> ThreadedTcpProxy:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()
