"""Debian's nginx in front of test servers, with the deployment's own configuration.

- `Nginx`: the upstream blocks of deploy/nginx.conf (its ports replaced by the test servers')
  and every location of deploy/nginx-locations.conf, behind a plain-http listener on a free
  port.
- `NginxSite`: the whole of deploy/nginx.conf, its HTTP and HTTPS servers included, changed
  only where a test must: free ports on 127.0.0.1, a throwaway certificate, this checkout's
  locations file, the test servers' ports.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
from pathlib import Path

from tests.e2e.live import free_port

ROOT = Path(__file__).resolve().parent.parent
DEPLOYED_PORTS = ("5001", "5002")  # the upstream servers deploy/nginx.conf lists


PUBLIC_NAME = "agentlocator.example.com"  # the placeholder host deploy/nginx.conf is written for


def _upstreams_at(text: str, ports: list[int]) -> str:
    for deployed, port in zip(DEPLOYED_PORTS, ports, strict=True):
        text = re.sub(rf"127\.0\.0\.1:{deployed}\b", f"127.0.0.1:{port}", text)
    return text


def upstream_blocks(ports: list[int]) -> str:
    """deploy/nginx.conf's `map` and `upstream` blocks, pointing at `ports` instead."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    return _upstreams_at(site[:site.index("\nserver {")], ports)


def throwaway_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for PUBLIC_NAME (and 127.0.0.1), and its key: (cert, key)."""
    folder.mkdir(parents=True, exist_ok=True)
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "2", "-subj", f"/CN={PUBLIC_NAME}",
                    "-addext", f"subjectAltName=DNS:{PUBLIC_NAME},IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


def site_config(ports: list[int], *, http_port: int, https_port: int, cert: Path, key: Path, acme_root: Path) -> str:
    """deploy/nginx.conf as it is, but for these listeners, certificate, ACME root and upstreams.
    Each place it changes must still be there: a test must not quietly run another site."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    changes = [
        ("    listen [::]:80;\n", ""),  # loopback only
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        (f"/etc/letsencrypt/live/{PUBLIC_NAME}/fullchain.pem", str(cert)),
        (f"/etc/letsencrypt/live/{PUBLIC_NAME}/privkey.pem", str(key)),
        ("root /var/www/letsencrypt;", f"root {acme_root};"),
        ("include /opt/agentlocator/deploy/nginx-locations.conf;", f"include {ROOT}/deploy/nginx-locations.conf;"),
    ]
    for old, new in changes:
        assert old in site, f"deploy/nginx.conf no longer has {old!r}: update tests/nginx.py"
        site = site.replace(old, new)
    return _upstreams_at(site, ports)


class Nginx:
    """`with Nginx(workdir, [port_a, port_b]) as proxy:` ... `proxy.base_url`."""

    def __init__(self, workdir: Path, ports: list[int]) -> None:
        self.workdir = workdir / "nginx"
        self.ports = ports
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def http_block(self) -> str:
        """What goes inside `http { }`."""
        return f"""{upstream_blocks(self.ports)}
    server {{
        listen 127.0.0.1:{self.port};
        include {ROOT}/deploy/nginx-locations.conf;
    }}"""

    def config(self) -> str:
        work = self.workdir
        temp = "\n".join(f"    {kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi",
                                                                              "uwsgi", "scgi"))
        user = "user root;\n" if os.geteuid() == 0 else ""  # its workers read our temp folders
        return f"""{user}daemon off;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
{temp}
{self.http_block()}
}}
"""

    def __enter__(self) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        assert os.path.exists(binary), "nginx is needed (Debian's package `nginx`; `make test` installs it)"
        self.workdir.mkdir(parents=True, exist_ok=True)
        conf = self.workdir / "nginx.conf"
        conf.write_text(self.config())
        check = subprocess.run([binary, "-t", "-c", str(conf), "-p", str(self.workdir)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.process = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.workdir)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        return self

    def listening(self) -> bool:
        try:
            socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
        except OSError:
            return False
        return True

    def __exit__(self, *exc) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGQUIT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class NginxSite(Nginx):
    """`with NginxSite(workdir, [port_a, port_b]) as site:` deploy/nginx.conf whole: `site.port`
    is its HTTPS listener (`base_url`), `site.http_port` its plain-HTTP one, `site.cert` the
    certificate to trust, `site.acme_root` where certbot's challenge files would be."""

    def __init__(self, workdir: Path, ports: list[int]) -> None:
        super().__init__(workdir, ports)
        self.http_port = free_port()
        self.cert, self.key = throwaway_certificate(self.workdir / "tls")
        self.acme_root = self.workdir / "letsencrypt"

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def http_block(self) -> str:
        return site_config(self.ports, http_port=self.http_port, https_port=self.port, cert=self.cert, key=self.key,
                           acme_root=self.acme_root)
