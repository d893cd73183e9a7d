"""tests/tcp_proxy.py itself, against a local echo server: forwards, cuts (open connections
reset, new ones refused), holds, restores; the threaded twin from plain code."""

from __future__ import annotations

import asyncio
import socket
import socketserver
import threading

import pytest

from tests.tcp_proxy import TcpProxy, ThreadedTcpProxy
from tests.waiting import eventually


@pytest.fixture
async def echo():
    async def serve(reader, writer):
        while data := await reader.read(1024):
            writer.write(data)
            await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    yield server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()


async def ask(reader, writer, data: bytes) -> bytes:
    writer.write(data)
    await writer.drain()
    return await asyncio.wait_for(reader.readexactly(len(data)), 5)


async def test_cut_resets_open_and_new_connections_until_restored(echo):
    async with TcpProxy("127.0.0.1", echo) as proxy:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        assert await ask(reader, writer, b"ping") == b"ping"
        proxy.cut()
        with pytest.raises((ConnectionError, asyncio.IncompleteReadError)):
            await ask(reader, writer, b"lost")
        late_reader, late_writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        with pytest.raises((ConnectionError, asyncio.IncompleteReadError)):
            await ask(late_reader, late_writer, b"refused")
        assert proxy.refused == 1
        proxy.restore()
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        assert await ask(reader, writer, b"back") == b"back"
        writer.close()


async def test_hold_keeps_what_is_sent_until_restore(echo):
    async with TcpProxy("127.0.0.1", echo) as proxy:
        reader, writer = await asyncio.open_connection("127.0.0.1", proxy.port)
        proxy.hold()
        writer.write(b"wait")
        await writer.drain()
        await eventually(lambda: proxy.held_data == b"wait", what="the bytes held")
        with pytest.raises(TimeoutError):
            await asyncio.wait_for(reader.read(4), 0.2)
        proxy.restore()
        assert await asyncio.wait_for(reader.readexactly(4), 5) == b"wait"
        writer.close()


def test_the_threaded_proxy_from_plain_code():
    class Echo(socketserver.BaseRequestHandler):
        def handle(self):
            while data := self.request.recv(1024):
                self.request.sendall(data)

    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo) as server:
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with ThreadedTcpProxy("127.0.0.1", server.server_address[1]) as proxy:
            with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as client:
                client.sendall(b"hi")
                assert client.recv(2) == b"hi"
                proxy.cut()
                with pytest.raises(ConnectionResetError):
                    client.recv(2)
            proxy.restore()
            with socket.create_connection(("127.0.0.1", proxy.port), timeout=5) as client:
                client.sendall(b"again")
                assert client.recv(5) == b"again"
        server.shutdown()
