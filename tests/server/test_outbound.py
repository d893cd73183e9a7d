"""Outbound connections (server/outbound.py): only to public addresses, decided on the address
resolved and connected to, never on how the URL spells its host. A local server stands in
for the far end; it must hear nothing when the connection is refused."""

from __future__ import annotations

from ipaddress import ip_address

import httpx
import pytest

from server import outbound
from server.outbound import BlockedAddressError, allowed_address, public_address
from tests.fakes import FakeServer

NOT_PUBLIC = ["127.0.0.1", "127.8.9.10", "10.0.0.5", "172.16.3.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
              "0.0.0.0", "224.0.0.1", "239.255.255.250", "255.255.255.255", "192.0.2.1", "198.18.0.1", "240.0.0.1",
              "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1", "ff0e::1",
              "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:7f00:1::1", "2002:a00:1::1",
              "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:db8::1"]
PUBLIC = ["8.8.8.8", "1.1.1.1", "142.250.74.78", "2001:4860:4860::8888", "2606:4700:4700::1111",
          "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", NOT_PUBLIC)
def test_addresses_that_are_not_public_are_refused(address):
    assert not public_address(ip_address(address))
    assert not allowed_address(ip_address(address), host="push.example.com", trusted_hosts=())


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_are_allowed(address):
    assert public_address(ip_address(address))


def test_a_trusted_host_is_allowed_whatever_it_resolves_to():
    loopback = ip_address("127.0.0.1")
    assert allowed_address(loopback, host="127.0.0.1", trusted_hosts=["127.0.0.1"])
    assert allowed_address(loopback, host="LocalHost.", trusted_hosts=["localhost"])
    # Trust is by the name as configured: another spelling of the same address is not it.
    assert not allowed_address(loopback, host="127.1", trusted_hosts=["127.0.0.1"])
    assert not allowed_address(loopback, host="2130706433", trusted_hosts=["127.0.0.1"])


class Far(FakeServer):
    def handle_get(self, handler) -> None:
        self.reply(handler, 200, b'{"ok": true}')


@pytest.fixture
def far():
    with Far() as server:
        yield server


def spellings(port: int) -> list[str]:
    """This machine's loopback, as URLs spell it (each one the system resolver reads)."""
    return [f"http://127.0.0.1:{port}/", f"http://2130706433:{port}/", f"http://0x7f.1:{port}/",
            f"http://127.1:{port}/", f"http://0x7f000001:{port}/", f"http://017700000001:{port}/",
            f"http://localhost:{port}/", f"http://[::ffff:127.0.0.1]:{port}/", f"http://[::1]:{port}/"]


@pytest.mark.parametrize("index", range(9))
async def test_every_spelling_of_loopback_is_refused_before_connecting(far, index):
    url = spellings(far.httpd.server_address[1])[index]
    async with outbound.client() as http:
        with pytest.raises(BlockedAddressError):
            await http.get(url)
    assert far.requests == []


@pytest.mark.parametrize("host", ["0177.0.0.1", "127.0.0.1."])
async def test_spellings_nobody_resolves_go_nowhere(far, host):
    """httpx refuses the first as a URL, the resolver knows no second: no connection either way."""
    async with outbound.client() as http:
        with pytest.raises((httpx.InvalidURL, httpx.ConnectError)):
            await http.get(f"http://{host}:{far.httpd.server_address[1]}/")
    assert far.requests == []


async def test_a_trusted_host_is_reached(far):
    async with outbound.client(trusted_hosts=["127.0.0.1"]) as http:
        assert (await http.get(f"{far.base_url}/x")).json() == {"ok": True}
    assert [path for _, path, _ in far.requests] == ["/x"]


class Resolver:
    """A stand-in for DNS (the outside service): the names a test needs, nothing else."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    async def __call__(self, host: str, port: int):
        self.asked.append(host)
        return [ip_address(a) for a in self.table[host]]


@pytest.mark.parametrize("addresses", [["10.0.0.5"], ["169.254.169.254"], ["::1"], ["127.0.0.1"],
                                       ["8.8.8.8", "127.0.0.1"]])
async def test_a_name_resolving_to_a_private_address_is_refused(far, addresses):
    """Also when one public address comes with it: the connection might pick either."""
    resolver = Resolver({"push.example.com": addresses})
    async with outbound.client(resolver=resolver) as http:
        with pytest.raises(BlockedAddressError, match="push.example.com"):
            await http.get(f"http://push.example.com:{far.httpd.server_address[1]}/x")
    assert resolver.asked == ["push.example.com"] and far.requests == []


async def test_the_connection_goes_to_the_address_that_was_checked(far):
    """The name is resolved once, by the check, and that address is the one connected to
    (nothing else could resolve this name); the request still names its host."""
    resolver = Resolver({"push.internal.test": ["127.0.0.1"]})
    port = far.httpd.server_address[1]
    async with outbound.client(trusted_hosts=["push.internal.test"], resolver=resolver) as http:
        assert (await http.get(f"http://push.internal.test:{port}/x")).status_code == 200
    ((_, _, headers),) = far.requests
    assert headers["Host"] == f"push.internal.test:{port}"


async def test_an_unknown_name_is_a_connection_error_not_a_refusal():
    """No such name is an outage (worth a retry later), not a forbidden address."""
    async with outbound.client() as http:
        with pytest.raises(httpx.ConnectError):
            await http.get("http://no-such-host.invalid/")
