"""Debian's nginx in front of test servers, with the deployment's own configuration: the
upstream blocks of deploy/nginx.conf (its ports replaced by the test servers') and every
location of deploy/nginx-locations.conf, behind a plain-http listener on a free port."""

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


def upstream_blocks(ports: list[int]) -> str:
    """deploy/nginx.conf's `map` and `upstream` blocks, pointing at `ports` instead."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()
    blocks = site[:site.index("\nserver {")]
    for deployed, port in zip(DEPLOYED_PORTS, ports, strict=True):
        blocks = re.sub(rf"127\.0\.0\.1:{deployed}\b", f"127.0.0.1:{port}", blocks)
    return blocks


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
{upstream_blocks(self.ports)}
    server {{
        listen 127.0.0.1:{self.port};
        include {ROOT}/deploy/nginx-locations.conf;
    }}
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
