"""The Debian package as an office PC gets it: `dpkg -i` of the `.deb` that `make installer`
built (with the server address preseeded, as an IT admin's silent install does), the installed
launcher's self-test against a live server, every bundled library resolving through the
package's Depends, and `dpkg --purge` leaving nothing behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.live import Live

PACKAGE = "agentlocator-desktop"
VERSION = (ROOT / "desktop" / "VERSION").read_text().strip()
DEB = ROOT / "installer" / "dist" / f"{PACKAGE}_{VERSION}_amd64.deb"
INSTALL_DIR = Path("/opt") / PACKAGE
MACHINE_CONFIG = Path("/etc/agentlocator/desktop.conf")
# The libraries the issue found missing on a stock Debian desktop: the xcb platform needs them.
XCB_PACKAGES = {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"}

if not DEB.exists() or os.geteuid() != 0 or not shutil.which("dpkg"):
    reason = f"needs root, dpkg and {DEB.relative_to(ROOT)} (make installer)"
    if os.environ.get("CI"):
        raise RuntimeError(f"CI runs the package test: {reason}")
    pytest.skip(reason, allow_module_level=True)


def run(*argv: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def installed() -> bool:
    status = run("dpkg-query", "-W", "-f=${db:Status-Status}", PACKAGE, check=False)
    return status.returncode == 0 and status.stdout == "installed"


def purge() -> None:
    run("dpkg", "--purge", PACKAGE, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def preseed(server: str) -> None:
    run("debconf-set-selections", input=f"{PACKAGE} {PACKAGE}/server string {server}\n")


def install() -> None:
    run("dpkg", "-i", str(DEB), env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def names(relation: str) -> set[str]:
    """Package names in a Depends-style field (alternatives and versions dropped)."""
    return {re.split(r"[\s(:]", part.strip())[0] for part in re.split(r"[,|]", relation) if part.strip()}


def dependency_closure(roots: set[str]) -> set[str]:
    """The installed packages `roots` pull in, following Depends and Pre-Depends."""
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        fields = run("dpkg-query", "-W", "-f=${Depends}, ${Pre-Depends}, ${Provides}", name, check=False)
        if fields.returncode == 0:
            todo += sorted(names(fields.stdout) - seen)
    return seen


def owner(path: str) -> str:
    """The Debian package holding a library ldd resolved (by its real path, then its link)."""
    for candidate in (path, os.path.realpath(path)):
        for form in (candidate, candidate.replace("/usr/lib/", "/lib/", 1)):
            found = run("dpkg", "-S", form, check=False)
            if found.returncode == 0:
                return found.stdout.split(":", 1)[0].split(",")[0].strip()
    raise AssertionError(f"no Debian package holds {path}")


def elf_files(root: Path) -> list[Path]:
    def is_elf(path: Path) -> bool:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"

    return [path for path in root.rglob("*") if path.is_file() and not path.is_symlink() and is_elf(path)]


@pytest.fixture(scope="module")
def package():
    """The package installed with a preseeded server address; purged after the module."""
    if installed():
        purge()
    preseed("https://crm.example.test/")
    install()
    try:
        yield
    finally:
        if installed():
            purge()


@pytest.fixture(scope="module")
def server(databases, tmp_path_factory):
    live = Live.on(databases, tmp_path_factory.mktemp("deb-live"))
    try:
        live.start_server()
        yield live
    finally:
        live.stop()


def test_the_installed_launcher_passes_its_self_test_against_a_live_server(package, server, tmp_path):
    launcher = shutil.which(PACKAGE)
    assert launcher == f"/usr/bin/{PACKAGE}"
    assert os.path.realpath(launcher) == str(INSTALL_DIR / PACKAGE)
    # A user of the office PC: their own home, no display (the self-test renders offscreen).
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    result = run(launcher, "--selftest", "--server", server.base_url, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert VERSION in result.stdout
    assert "FAIL" not in result.stdout and "✗" not in result.stdout
    for checked in ("multimedia", "qtbase_he", "Assistant", "login", server.base_url):
        assert checked in result.stdout, f"the self-test does not say it checked {checked}:\n{result.stdout}"


def test_a_server_that_does_not_answer_fails_the_self_test(package, tmp_path):
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    result = run(PACKAGE, "--selftest", "--server", "http://127.0.0.1:9", env=env, timeout=120, check=False)
    assert result.returncode == 1, result.stdout + result.stderr


def test_the_server_address_given_at_install_time_is_the_machine_config(package):
    assert MACHINE_CONFIG.read_text() == "[server]\nurl=https://crm.example.test\n"
    assert MACHINE_CONFIG.stat().st_mode & 0o777 == 0o644


def test_the_menu_entry_has_a_hebrew_name_and_an_icon(package):
    entry = Path(f"/usr/share/applications/{PACKAGE}.desktop").read_text()
    assert re.search(r"^Name\[he\]=[\u0590-\u05ff]", entry, re.M)
    assert f"Exec={PACKAGE}" in entry and f"Icon={PACKAGE}" in entry
    assert Path(f"/usr/share/icons/hicolor/256x256/apps/{PACKAGE}.png").stat().st_size > 0
    if shutil.which("desktop-file-validate"):
        run("desktop-file-validate", f"/usr/share/applications/{PACKAGE}.desktop")


def test_every_bundled_library_resolves_through_the_package_dependencies(package):
    depends = run("dpkg-query", "-W", "-f=${Depends}", PACKAGE).stdout
    direct = names(depends)
    assert XCB_PACKAGES <= direct, f"missing from Depends: {XCB_PACKAGES - direct}"
    closure = dependency_closure(direct)
    files = elf_files(INSTALL_DIR)
    xcb_plugin = INSTALL_DIR / "_internal/PySide6/Qt/plugins/platforms/libqxcb.so"
    assert xcb_plugin in files
    owners: dict[str, str] = {}
    uncovered: dict[str, set[str]] = {}
    for path in files:
        lines = run("ldd", str(path), check=False).stdout.splitlines()
        missing = [line.strip() for line in lines if "not found" in line]
        assert not missing, f"{path}: {missing}"
        for line in lines:
            match = re.search(r"=> (/\S+)", line)
            if not match or match.group(1).startswith(str(INSTALL_DIR)):
                continue
            library = match.group(1)
            owners.setdefault(library, owner(library))
            if owners[library] not in closure:
                uncovered.setdefault(owners[library], set()).add(path.name)
    assert not uncovered, f"libraries from packages the .deb does not depend on: {uncovered}"
    assert {"libxcb-icccm4", "libxcb-keysyms1"} <= set(owners.values())


def test_remove_keeps_the_machine_config_and_purge_leaves_nothing_behind(package):
    files = [Path(line) for line in run("dpkg-query", "-L", PACKAGE).stdout.splitlines() if line.strip()]
    ours = [path for path in files if PACKAGE in str(path) or "agentlocator" in str(path)]
    assert ours and all(path.exists() or path.is_symlink() for path in ours)

    run("dpkg", "--remove", PACKAGE, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    assert MACHINE_CONFIG.exists(), "remove keeps configuration, as Debian does"
    assert not INSTALL_DIR.exists()

    # An upgrade or reinstall without a new answer keeps the address an admin gave.
    install()
    assert "url=https://crm.example.test" in MACHINE_CONFIG.read_text()

    purge()
    left = [path for path in ours if path.exists() or path.is_symlink()]
    assert not left, f"left behind: {left}"
    assert not INSTALL_DIR.exists() and not MACHINE_CONFIG.parent.exists()
    assert not run("debconf-show", PACKAGE, check=False).stdout.strip()
