"""`python -m desktop --selftest` and `--reset`, run as an installer or a support person runs
them: a process of their own, no display, against a real server or a small local one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import paths, reset
from desktop.api import TokenStore
from desktop.version import VERSION
from tests.conftest import ROOT
from tests.desktop.conftest import user_env
from tests.desktop.version_server import VersionServer
from tests.e2e.live import free_port

LOCAL_CHECKS = ["multimedia", "qt-hebrew", "resources", "font", "login-window"]
SERVER_CHECKS = ["server", "server-version"]


def run_desktop(home: Path, *args: str, startup: str = "") -> subprocess.CompletedProcess:
    """`python -m desktop ARGS` with `home`'s user folders, no display and Qt told to use X11
    (the self-test must choose offscreen itself); `startup` runs first (a sitecustomize)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(user_env(home), QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    if startup:
        (home / "startup").mkdir(parents=True, exist_ok=True)
        (home / "startup" / "sitecustomize.py").write_text(startup)
        env["PYTHONPATH"] = os.pathsep.join([str(home / "startup"), str(ROOT)])
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=90)


def checks(result: subprocess.CompletedProcess) -> dict[str, tuple[str, str]]:
    """{check: (status, detail)} from the output's check lines, in order."""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"AgentLocator desktop {VERSION} self-test"), result.stdout + result.stderr
    parsed = {}
    for line in lines[1:-1]:
        status, name, detail = line.split(None, 2)
        parsed[name] = (status, detail)
    return parsed


def test_a_sound_install_passes_every_check_and_exits_0(tmp_path):
    with VersionServer(VERSION) as server:
        result = run_desktop(tmp_path, "--selftest", "--server", server.base_url)
    found = checks(result)
    assert list(found) == LOCAL_CHECKS + SERVER_CHECKS, result.stdout + result.stderr
    assert {status for status, _detail in found.values()} == {"ok"}, result.stdout
    assert result.stdout.splitlines()[-1] == "selftest: all 7 checks passed" and result.returncode == 0
    assert "MP3 decoded" in found["multimedia"][1]
    assert found["qt-hebrew"][1].startswith("qtbase_he.qm") and "אישור" in found["qt-hebrew"][1]
    assert found["font"][1].startswith("Assistant (Assistant-Bold.ttf, Assistant-Regular.ttf)")
    assert found["login-window"][1].startswith("rendered on offscreen") and "right to left" in found["login-window"][1]
    assert found["server-version"][1] == f"GET {server.base_url}/api/desktop/version: {VERSION} (this client {VERSION})"
    assert not (tmp_path / "config").exists() and not (tmp_path / "cache").exists()  # it writes nothing


def test_without_a_server_only_the_install_is_checked(tmp_path):
    result = run_desktop(tmp_path, "--selftest")
    assert list(checks(result)) == LOCAL_CHECKS and result.returncode == 0


def test_against_the_real_server(tmp_path, live_server):
    result = run_desktop(tmp_path, "--selftest", "--server", live_server.base_url)
    found = checks(result)
    assert found["server"][0] == "ok", result.stdout
    assert found["server"][1].startswith(f"GET {live_server.base_url}/api/health: ok (db ok, worker ")
    assert found["server-version"][0] == "ok" and result.returncode == 0, result.stdout


def test_a_server_that_refuses_fails_with_a_line_each_and_exits_1(tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    result = run_desktop(tmp_path, "--selftest", "--server", url)
    found = checks(result)
    assert result.returncode == 1 and result.stdout.splitlines()[-1] == "selftest: 2 of 7 checks FAILED"
    assert found["server"] == ("FAIL", f"GET {url}/api/health: unreachable: ConnectError: [Errno 111] "
                                       "Connection refused")
    assert found["server-version"][0] == "FAIL" and "Connection refused" in found["server-version"][1]
    assert all(found[name][0] == "ok" for name in LOCAL_CHECKS)


def test_a_server_without_the_version_endpoint_fails_that_check(tmp_path):
    with VersionServer(None) as server:  # /api/health answers, /api/desktop/version is a 404
        result = run_desktop(tmp_path, "--selftest", "--server", server.base_url)
    found = checks(result)
    assert found["server"][0] == "ok" and found["server-version"][0] == "FAIL"
    assert "answered 404" in found["server-version"][1] and result.returncode == 1


BLOCK_MULTIMEDIA = '''
import sys
class Missing:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
sys.meta_path.insert(0, Missing())
'''


def test_multimedia_that_does_not_load_is_one_failed_line(tmp_path):
    """As on a Debian PC without libpulse0: the other checks still run."""
    result = run_desktop(tmp_path, "--selftest", startup=BLOCK_MULTIMEDIA)
    found = checks(result)
    assert found["multimedia"] == ("FAIL", "QtMultimedia does not load: libpulse.so.0: cannot open shared object "
                                           "file: No such file or directory")
    assert all(found[name][0] == "ok" for name in LOCAL_CHECKS[1:]) and result.returncode == 1


def frozen(bundle: Path) -> str:
    """A sitecustomize that makes the process look like PyInstaller's frozen build of `bundle`."""
    return f"import sys\nsys.frozen = True\nsys._MEIPASS = {str(bundle)!r}\n"


def test_a_frozen_build_finds_its_resources_in_its_bundle(tmp_path):
    bundle = tmp_path / "bundle"
    shutil.copytree(paths.RESOURCES, bundle / "desktop" / "resources")
    found = checks(run_desktop(tmp_path, "--selftest", startup=frozen(bundle)))
    assert found["resources"] == ("ok", f"{bundle / 'desktop' / 'resources'}: 2 fonts, translations")
    assert found["font"][0] == "ok" and found["qt-hebrew"][0] == "ok"


def test_a_frozen_build_missing_its_resources_says_so(tmp_path):
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    result = run_desktop(tmp_path, "--selftest", startup=frozen(bundle))
    found = checks(result)
    assert f"frozen build in {bundle}" in result.stdout.splitlines()[0]
    assert found["resources"] == ("FAIL", f"no fonts in {bundle / 'desktop' / 'resources' / 'fonts'} "
                                          "(resources not bundled?)")
    assert found["font"][0] == "FAIL" and result.returncode == 1


# -- --reset ------------------------------------------------------------------------------

@pytest.fixture
def used(home):
    """A user who has logged in: settings with an address of their own, cached downloads."""
    machine = home / "machine" / "desktop.conf"
    machine.parent.mkdir(parents=True)
    machine.write_text("[server]\nurl=https://crm.example.co.il\n")
    settings = paths.settings()
    settings.setValue("server_url", "https://branch.example.co.il")
    settings.setValue("email", "agent@example.com")
    settings.sync()
    paths.write_private(paths.cache_dir() / "files" / "invoice-1.pdf", b"%PDF-" + b"x" * 2048)
    return home


def test_reset_forgets_the_users_settings_cache_and_sessions(used, memory_keyring):
    for address in ("https://crm.example.co.il", "https://branch.example.co.il", "http://127.0.0.1:5000"):
        TokenStore(address).set(f"refresh-for-{address}")
    TokenStore("https://elsewhere.example.com").set("not this user's business here")
    lines = reset.reset(server="http://127.0.0.1:5000/")
    assert lines == [
        "removed saved session for http://127.0.0.1:5000",
        "removed saved session for https://branch.example.co.il",
        "removed saved session for https://crm.example.co.il",
        f"removed settings {paths.settings_path()}",
        f"removed cache {paths.cache_dir()} (1 files, 0.0 MB)",
    ]
    assert list(memory_keyring.passwords) == [("AgentLocator", "https://elsewhere.example.com")]
    assert not paths.settings_path().exists() and not paths.cache_dir().exists()
    assert (used / "machine" / "desktop.conf").exists()  # the installer's, not the user's
    assert reset.reset() == ["nothing to remove: no settings, cache or saved session for this user"]


def test_python_m_desktop_reset_prints_what_it_removed_and_exits_0(used):
    result = run_desktop(used, "--reset")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"removed settings {paths.settings_path()}",
                                          f"removed cache {paths.cache_dir()} (1 files, 0.0 MB)"]
    assert run_desktop(used, "--reset").stdout.startswith("nothing to remove")


def test_selftest_and_reset_are_documented_and_exclusive(tmp_path):
    assert all(option in run_desktop(tmp_path, "--help").stdout for option in ("--selftest", "--reset", "--server"))
    assert run_desktop(tmp_path, "--selftest", "--reset").returncode == 2
