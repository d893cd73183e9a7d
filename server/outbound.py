"""Outbound HTTP to places other people name (push endpoints, Twilio media URLs): only to
public addresses, decided on the address we actually connect to.

A URL's spelling proves nothing: `https://2130706433/`, `https://0x7f.1/`, `https://127.1/`
and `https://[::ffff:127.0.0.1]/` are all this machine, and a DNS name may resolve to
127.0.0.1, 10.x or 169.254.169.254 (the cloud's metadata service) today and to a public
address tomorrow. So `transport()` gives httpx a network backend that resolves the host
itself, refuses the connection unless every address it resolved to is allowed, and then
connects to one of those checked addresses (TLS still verifies the certificate against the
host name). Nothing is sent to a refused address: the refusal comes before the TCP connect.

The rule (`allowed_address`) is free of settings: an address is allowed when it is public, or
when its host is one the operator configured (`trusted_hosts`: the TWILIO_API_BASE host,
which tests point at a local fake; in development, the local push services on 127.0.0.1).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable, Iterable
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address

import httpcore
import httpx

IPAddress = IPv4Address | IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]

_NAT64 = IPv6Network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits


class BlockedAddressError(Exception):
    """The host resolved to an address we do not connect to (loopback, private, link-local,
    ...). Not an httpx error, so that no caller mistakes it for an outage worth retrying."""

    def __init__(self, host: str) -> None:
        super().__init__(f"refused to connect to {host[:100]!r}: it is not a public address")
        self.host = host


def public_address(ip: IPAddress) -> bool:
    """A globally routable unicast address. IPv6 forms that carry an IPv4 address
    (IPv4-mapped, 6to4, NAT64) are judged by that address; Teredo is refused outright."""
    if isinstance(ip, IPv6Address):
        if ip.teredo:
            return False
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            return public_address(embedded)
        if ip.is_site_local:
            return False
    # `is_global` alone lets multicast through (224.0.0.0/4 and ff00::/8 are not "private").
    return ip.is_global and not (ip.is_multicast or ip.is_loopback or ip.is_link_local or ip.is_private
                                 or ip.is_reserved or ip.is_unspecified)


def normalise_host(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def allowed_address(ip: IPAddress, *, host: str, trusted_hosts: Iterable[str] = ()) -> bool:
    """May we connect to `ip`, which `host` resolved to? Public addresses always; any address
    of a host the operator configured (`trusted_hosts`, compared by name as written there)."""
    return normalise_host(host) in {normalise_host(h) for h in trusted_hosts} or public_address(ip)


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the system resolver gives for `host` (it also reads numeric spellings
    such as `127.1` or `2130706433`, which is how they reach an address)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [ip_address(info[4][0]) for info in infos]


class _CheckedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's own backend, connecting only to addresses `allowed_address` accepts."""

    def __init__(self, *, trusted_hosts: frozenset[str], resolver: Resolver) -> None:
        self._inner = httpcore.AnyIOBackend()
        self._trusted = trusted_hosts
        self._resolve = resolver

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                          socket_options=None) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                addresses = await self._resolve(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"resolving {host!r} timed out") from None
        except (OSError, ValueError) as error:  # socket.gaierror: no such name (worth a retry later)
            raise httpcore.ConnectError(f"cannot resolve {host!r}: {error}") from None
        # Every address must pass: a name that also resolves to a private address is refused,
        # whichever one the connection would have picked.
        if not addresses or not all(allowed_address(ip, host=host, trusted_hosts=self._trusted) for ip in addresses):
            raise BlockedAddressError(host)
        failure: Exception | None = None
        for ip in dict.fromkeys(addresses):  # in the resolver's order, each address once
            try:
                return await self._inner.connect_tcp(str(ip), port, timeout=timeout, local_address=local_address,
                                                      socket_options=socket_options)
            except httpcore.ConnectError as error:
                failure = error
        raise failure

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise BlockedAddressError(path)

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class CheckedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over `_CheckedBackend`. httpx takes no network backend of its own, so
    the connection pool it built is replaced by the same pool over ours (httpx's documented
    defaults otherwise; `tests/server/test_outbound.py` fails if the swap stops taking effect)."""

    def __init__(self, *, trusted_hosts: Iterable[str] = (), resolver: Resolver = resolve) -> None:
        super().__init__()
        limits = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=self._pool._ssl_context,  # the one httpx just built: loading the CAs costs
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_CheckedBackend(trusted_hosts=frozenset(normalise_host(h) for h in trusted_hosts),
                                            resolver=resolver),
        )


def client(*, trusted_hosts: Iterable[str] = (), resolver: Resolver = resolve, **options) -> httpx.AsyncClient:
    """An httpx client whose every connection goes through the check. Given a transport of
    its own, httpx also ignores HTTP(S)_PROXY from the environment: a proxy would resolve, and
    reach, any name for us."""
    return httpx.AsyncClient(transport=CheckedTransport(trusted_hosts=trusted_hosts, resolver=resolver), **options)


def host_of(url: str) -> str:
    return normalise_host(httpx.URL(url).host)
