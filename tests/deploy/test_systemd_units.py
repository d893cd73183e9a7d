"""The unit files in deploy/ as systemd reads them: `systemd-analyze verify` (systemd 252 on
Debian 12) and `systemd-analyze security --offline=yes`.

verify checks that every command a unit runs exists and is executable, and that the units it
orders itself after or pulls in exist. So it runs over a throwaway root (`--root`) laid out as
README-DEPLOY.md installs a server: the units in /etc/systemd/system, systemd's own units, and
an executable stub where the deployment has its virtualenv's python. The user `agentlocator`
need not exist: verify does not look users up.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"
# What a server installed by README-DEPLOY.md has that the units run. A unit running anything
# else fails here until it is added on purpose (and to README-DEPLOY.md).
INSTALLED = ("/opt/agentlocator/.venv/bin/python",)
UNIT_FILES = sorted(p.name for p in DEPLOY.iterdir() if p.suffix in (".service", ".timer", ".target"))
# agentlocator@.service is a template: systemd verifies instances of it.
UNITS = [name.replace("@.", "@5001.") for name in UNIT_FILES]
SERVICES = [name for name in UNITS if name.endswith(".service")]
MOST_EXPOSED = 4.0  # systemd-analyze's "OK" band ends at 4.9; the units score 3.2 with their hardening


def systemd_analyze() -> str:
    binary = shutil.which("systemd-analyze")
    assert binary, "systemd-analyze is needed (Debian's package `systemd`)"
    return binary


@pytest.fixture
def root(tmp_path) -> Path:
    """A machine as README-DEPLOY.md sets one up, as far as systemd can tell."""
    units = tmp_path / "etc" / "systemd" / "system"
    units.mkdir(parents=True)
    for name in UNIT_FILES:
        shutil.copy(DEPLOY / name, units / name)
    shutil.copytree("/usr/lib/systemd/system", tmp_path / "usr" / "lib" / "systemd" / "system", symlinks=True)
    for path in INSTALLED:
        stub = tmp_path / path.lstrip("/")
        stub.parent.mkdir(parents=True, exist_ok=True)
        stub.write_text("#!/bin/sh\n")
        stub.chmod(0o755)
    return tmp_path


def analyze(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([systemd_analyze(), *args, f"--root={root}"], cwd=root / "etc" / "systemd" / "system",
                          capture_output=True, text=True, timeout=60)


def test_systemd_analyze_verify_finds_nothing_to_say_about_any_unit(root):
    assert {"agentlocator@.service", "agentlocator-worker.service", "agentlocator-migrate.service",
            "agentlocator-backup.service", "agentlocator-backup.timer", "agentlocator.target"} <= set(UNIT_FILES)
    verified = analyze(root, "verify", *UNITS)
    assert (verified.returncode, verified.stdout + verified.stderr) == (0, "")


@pytest.mark.parametrize(("line", "broken", "fails"), [
    ("NoNewPrivileges=yes", "NoNewPrivilege=yes", "Unknown key 'NoNewPrivilege'"),  # a typo: hardening lost
    ("Restart=always", "Restart=sometimes", "Failed to parse service restart specifier"),
    ("ExecStart=/opt/agentlocator/.venv/bin/python", "ExecStart=/opt/agentlocator/venv/bin/python",
     "is not executable: No such file or directory"),
])
def test_verify_fails_on_a_broken_copy_of_a_unit(root, line, broken, fails):
    unit = root / "etc" / "systemd" / "system" / "agentlocator-worker.service"
    text = unit.read_text()
    assert line in text
    unit.write_text(text.replace(line, broken, 1))
    verified = analyze(root, "verify", *UNITS)
    assert fails in verified.stderr
    assert verified.stdout + verified.stderr != ""


def test_each_timer_starts_a_service_of_deploy():
    # verify says nothing about a timer whose service is missing (tried: it passes).
    for timer in (name for name in UNIT_FILES if name.endswith(".timer")):
        assert "Unit=" not in (DEPLOY / timer).read_text()  # so it starts the service of its own name
        assert timer.removesuffix(".timer") + ".service" in UNIT_FILES


def test_every_service_is_hardened(root):
    for name in (n for n in UNIT_FILES if n.endswith(".service")):
        lines = set((DEPLOY / name).read_text().splitlines())
        assert {"User=agentlocator", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                "PrivateTmp=yes", "CapabilityBoundingSet="} <= lines, name
        writable = next(line for line in lines if line.startswith("ReadWritePaths=")).split("=", 1)[1].split()
        assert "/opt/agentlocator/data" in writable, name  # the SQLite file and MEDIA_ROOT
    scores = {}
    for service in SERVICES:
        report = analyze(root, "security", "--offline=yes", service)
        assert report.returncode == 0, report.stderr
        scores[service] = float(re.search(r"Overall exposure level for \S+: ([0-9.]+)", report.stdout).group(1))
    print("systemd-analyze security --offline=yes:", scores)
    assert scores == {service: score for service, score in scores.items() if score <= MOST_EXPOSED}, scores
