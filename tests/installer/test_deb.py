"""The Debian package as an office PC gets it: `dpkg -i` of the `.deb` that `make installer`
built (with the server address preseeded, as an IT admin's silent install does), the installed
launcher's self-test against a live server, every bundled library resolving through the
package's Depends, and `dpkg --purge` leaving nothing behind."""

from __future__ import annotations

import fcntl
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
BUILD = ROOT / "installer" / "build"
INSTALL_DIR = Path("/opt") / PACKAGE
MACHINE_CONFIG = Path("/etc/agentlocator/desktop.conf")
# The libraries the issue found missing on a stock Debian desktop: the xcb platform needs them.
XCB_PACKAGES = {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"}

if os.geteuid() != 0 or not shutil.which("dpkg"):
    if os.environ.get("CI"):
        raise RuntimeError("CI runs the package test: it needs root and dpkg")
    pytest.skip("needs root and dpkg", allow_module_level=True)


def wait_for_the_build() -> None:
    """`make test` builds the installer beside the suite (scripts/run-tests.sh), holding
    installer/build/.building locked until it ends: taking the lock waits for it."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with (BUILD / ".building").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
    status = BUILD / "make.status"
    if status.exists() and status.read_text().strip() != "0":
        log = (BUILD / "make.log").read_text(errors="replace")[-3000:]
        raise AssertionError(f"make installer failed:\n{log}")
    if not DEB.exists():
        reason = f"needs {DEB.relative_to(ROOT)} (make installer)"
        if os.environ.get("CI"):
            raise AssertionError(f"CI runs the package test: {reason}")
        pytest.skip(reason)


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
    """The installed packages `roots` pull in, following Depends and Pre-Depends (and what
    each package provides, so a virtual name counts as covered)."""
    listing = run("dpkg-query", "-W", "-f=${Package}\t${Depends}, ${Pre-Depends}\t${Provides}\n").stdout
    pulls: dict[str, set[str]] = {}
    for line in listing.splitlines():
        package, depends, provides = line.split("\t")
        pulls.setdefault(package, set()).update(names(depends))
        for virtual in names(provides):
            pulls.setdefault(virtual, set()).add(package)
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += sorted(pulls.get(name, set()) - seen)
    return seen


def owners(paths: set[str]) -> dict[str, str]:
    """The Debian package holding each library ldd resolved (by the path ldd printed, its
    real path, or the /lib form of either: Debian 12 merged /lib into /usr/lib)."""
    forms = {path: {path, os.path.realpath(path)} for path in paths}
    for path in paths:
        forms[path] |= {form.replace("/usr/lib/", "/lib/", 1) for form in forms[path]}
    everything = sorted(set().union(*forms.values()))
    found: dict[str, str] = {}
    for line in run("dpkg", "-S", *everything, check=False).stdout.splitlines():
        package, _, file = line.partition(": ")
        found[file.strip()] = package.split(",")[0].split(":")[0].strip()
    result = {}
    for path, candidates in forms.items():
        holders = [found[form] for form in candidates if form in found]
        assert holders, f"no Debian package holds {path}"
        result[path] = holders[0]
    return result


def elf_files(root: Path) -> list[Path]:
    def is_elf(path: Path) -> bool:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"

    return [path for path in root.rglob("*") if path.is_file() and not path.is_symlink() and is_elf(path)]


@pytest.fixture(scope="module")
def package():
    """The package installed with a preseeded server address; purged after the module."""
    wait_for_the_build()
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
    users: dict[str, set[str]] = {}  # a system library -> the bundled files linking to it
    for path in files:
        lines = run("ldd", str(path), check=False).stdout.splitlines()
        missing = [line.strip() for line in lines if "not found" in line]
        assert not missing, f"{path}: {missing}"
        for line in lines:
            match = re.search(r"=> (/\S+)", line)
            if match and not match.group(1).startswith(str(INSTALL_DIR)):
                users.setdefault(match.group(1), set()).add(path.name)
    holders = owners(set(users))
    uncovered = {library: (package, users[library]) for library, package in holders.items() if package not in closure}
    assert not uncovered, f"libraries from packages the .deb does not depend on: {uncovered}"
    xcb_libraries = {holders[library] for library in users if "libqxcb.so" in users[library]}
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb1"} <= xcb_libraries

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
