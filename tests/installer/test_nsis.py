"""The Windows installer (installer/windows/agentlocator.nsi), checked here with Debian's
makensis against stand-in payloads made in tmp_path: it compiles with every warning an error,
with and without an icon, refuses a bad build, and holds the payload. The real payload is
frozen, and the real installer run, on a Windows runner (.github/workflows/desktop-windows.yml).

Where Wine can run 32-bit programs (Debian: wine wine32, with the i386 architecture) the
installers are also run: silent install, update, uninstall with and without /PURGE, when
WINE_TESTS=1 asks for them (`WINE_TESTS=1 make test`). They take over a minute (booting a
Wine prefix) and need a large optional install, so a plain `make test` compiles the script and
leaves running it to a run that asks."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.e2e.live import wait_until

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "windows" / "agentlocator.nsi"
BUILD_SH = ROOT / "installer" / "windows" / "build.sh"
VERSION = (ROOT / "desktop" / "VERSION").read_text().strip()
PROGRAM = "agentlocator-desktop"
KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\AgentLocator"
SHORTCUT = "AgentLocator – לקוחות.lnk"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing on CI, where the installer must be checked: apt-get install {package}")
    pytest.skip(f"{name} is not installed (apt-get install {package})")


@pytest.fixture(scope="session")
def makensis() -> str:
    return _tool("makensis", "nsis")


@pytest.fixture(scope="session")
def sevenzip() -> str:
    return _tool("7z", "p7zip-full")


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    """A one-folder build's shape: the program and its _internal/ folder."""
    root = tmp_path / "payload" / PROGRAM
    (root / "_internal" / "PySide6" / "plugins").mkdir(parents=True)
    (root / PROGRAM).write_bytes(b"\x7fELF stand-in for the frozen program")
    (root / "_internal" / "base_library.zip").write_bytes(os.urandom(64 * 1024))
    (root / "_internal" / "PySide6" / "plugins" / "a plugin.dll").write_bytes(os.urandom(4096))
    return root


def compile_installer(makensis: str, out: Path, **defines: str | None) -> subprocess.CompletedProcess:
    """makensis -WX with the build's defines; a define given as None is left out."""
    values = {"VERSION": VERSION, "EXE": PROGRAM, "OUTFILE": str(out)} | defines
    args = [makensis, "-WX", "-V2"]
    args += [f"-D{name}" if value == "" else f"-D{name}={value}" for name, value in values.items() if value is not None]
    return subprocess.run([*args, str(SCRIPT)], capture_output=True, text=True, timeout=300)


def write_icon(path: Path) -> list[bytes]:
    """A valid .ico; returns its images as stored, to find them in the installer."""
    Image.new("RGBA", (256, 256), (13, 71, 161, 255)).save(path, sizes=[(16, 16), (32, 32), (48, 48), (256, 256)])
    data = path.read_bytes()
    count = struct.unpack_from("<HHH", data)[2]
    images = []
    for i in range(count):
        size, offset = struct.unpack_from("<II", data, 6 + 16 * i + 8)
        images.append(data[offset : offset + size])
    return images


@pytest.mark.parametrize("with_icon", [False, True], ids=["default-icon", "icon"])
def test_compiles_warning_free(makensis, payload, tmp_path, with_icon):
    icon = tmp_path / "agentlocator.ico"
    images = write_icon(icon)
    out = tmp_path / f"AgentLocator-Setup-{VERSION}.exe"
    result = compile_installer(makensis, out, PAYLOAD=str(payload), FAST="", ICON=str(icon) if with_icon else None)
    assert result.returncode == 0, result.stdout + result.stderr
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    # The installer's own icon sits uncompressed in its resources.
    assert all(image in data for image in images) is with_icon


@pytest.mark.parametrize(
    ("defines", "message"),
    [
        ({"PAYLOAD": None}, "PAYLOAD is not defined"),
        ({"EXE": "agentlocator-desktop.exe"}, "does not exist"),
    ],
    ids=["no-payload", "program-not-in-payload"],
)
def test_refuses_a_bad_build(makensis, payload, tmp_path, defines, message):
    out = tmp_path / "setup-never-written.exe"
    result = compile_installer(makensis, out, **({"PAYLOAD": str(payload), "FAST": ""} | defines))
    assert result.returncode != 0
    assert message in result.stdout + result.stderr
    assert not out.exists()


@pytest.mark.parametrize(("fast", "method", "solid"), [(False, "LZMA", "+"), (True, "Copy", "-")], ids=["lzma", "fast"])
def test_installer_holds_the_payload(makensis, sevenzip, payload, tmp_path, fast, method, solid):
    out = tmp_path / f"AgentLocator-Setup-{VERSION}.exe"
    result = compile_installer(makensis, out, PAYLOAD=str(payload), FAST="" if fast else None)
    assert result.returncode == 0, result.stdout + result.stderr

    listing = subprocess.run([sevenzip, "l", "-slt", str(out)], capture_output=True, text=True, check=True).stdout
    archive = dict(line.split(" = ", 1) for line in listing.split("\n----------\n")[0].splitlines() if " = " in line)
    assert archive["Type"] == "Nsis"
    assert archive["Method"].startswith(method)
    assert archive["Solid"] == solid

    extracted = tmp_path / "extracted"
    subprocess.run([sevenzip, "x", f"-o{extracted}", str(out)], capture_output=True, check=True)
    files = sorted(p.relative_to(payload) for p in payload.rglob("*") if p.is_file())
    assert len(files) == 3
    for name in files:
        assert (extracted / name).read_bytes() == (payload / name).read_bytes(), name


def test_build_script(makensis, payload, tmp_path):
    out_dir = tmp_path / "out"
    result = subprocess.run([BUILD_SH, payload, out_dir, "--fast"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    setup = out_dir / f"AgentLocator-Setup-{VERSION}.exe"
    assert setup.read_bytes()[:2] == b"MZ"
    assert str(setup) in result.stdout


def test_build_script_needs_the_program(makensis, tmp_path):
    (tmp_path / "empty").mkdir()
    result = subprocess.run([BUILD_SH, tmp_path / "empty", tmp_path / "out"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "neither agentlocator-desktop.exe nor agentlocator-desktop" in result.stderr


# --- Running the installers under Wine ------------------------------------------------------

# A stand-in for the frozen program, itself compiled by makensis: it logs how it was started
# and, with --hold, stays running.
FAKE_PROGRAM = r"""
Unicode true
!include FileFunc.nsh
!include LogicLib.nsh
OutFile "${OUT}"
RequestExecutionLevel user
SilentInstall silent
Section
  ${GetParameters} $0
  FileOpen $1 "C:\agentlocator-fake.log" a
  FileSeek $1 0 END
  FileWrite $1 "$0$\r$\n"
  FileClose $1
  ${If} $0 == "--hold"
    Sleep 60000
  ${EndIf}
SectionEnd
"""


class Wine:
    def __init__(self, prefix: Path):
        self.prefix = prefix
        self.c = prefix / "drive_c"
        self.env = os.environ | {"WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}
        self.env.pop("DISPLAY", None)

    def run(self, *args: str, wait: bool = True) -> int:
        """Runs a Windows program; with `wait`, also until every process it started is done
        (the uninstaller hands over to a copy of itself and returns at once)."""
        code = subprocess.run(["wine", *args], env=self.env, capture_output=True, timeout=120).returncode
        if wait:
            self.wait()
        return code

    def uninstall_in_place(self, *args: str) -> int:
        """The uninstaller run as itself (_?=), so its exit code is its own: a copy outside
        the folder, as the uninstaller's hand-over does, through cmd so that the path after
        _?= reaches it unquoted."""
        shutil.copy(self.install_dir / "uninstall.exe", self.c / "uninstall-copy.exe")
        line = " ".join([r"C:\uninstall-copy.exe", *args, r"_?=C:\Program Files\AgentLocator"])
        return self.run("cmd", "/c", line, wait=False)

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen(["wine", *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def wait(self) -> None:
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=120, check=True)

    def stop(self) -> None:
        subprocess.run(["wineserver", "-k"], env=self.env, timeout=60)
        self.wait()

    def registry(self, view: int) -> dict[str, str] | None:
        query = ["wine", "reg", "query", KEY, f"/reg:{view}"]
        result = subprocess.run(query, env=self.env, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            return None
        rows = (line.split(None, 2) for line in result.stdout.splitlines() if line.startswith("    "))
        return {row[0]: row[2] if len(row) == 3 else "" for row in rows}

    @property
    def install_dir(self) -> Path:
        return self.c / "Program Files" / "AgentLocator"

    @property
    def config(self) -> Path:
        return self.c / "ProgramData" / "AgentLocator" / "desktop.conf"

    @property
    def shortcuts(self) -> list[Path]:
        start_menu = self.c / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
        return [start_menu / SHORTCUT, self.c / "users" / "Public" / "Desktop" / SHORTCUT]

    @property
    def user_data(self) -> list[Path]:
        home = next(p for p in (self.c / "users").iterdir() if p.name != "Public" and (p / "AppData").is_dir())
        return [home / "AppData" / "Roaming" / "AgentLocator", home / "AppData" / "Local" / "AgentLocator"]

    @property
    def program_log(self) -> list[str]:
        log = self.c / "agentlocator-fake.log"
        return log.read_text(encoding="utf-8", errors="replace").split() if log.exists() else []


@pytest.fixture(scope="session")
def wine_template(tmp_path_factory, makensis):
    """A booted Wine prefix to copy for each test, and the installer around the stand-in
    program."""
    if os.environ.get("WINE_TESTS") != "1":
        pytest.skip("running the installers under Wine is asked for with WINE_TESTS=1")
    if not shutil.which("wine") or not shutil.which("wineserver"):
        pytest.skip("Wine is not installed (Debian: dpkg --add-architecture i386; apt-get install wine wine32)")
    work = tmp_path_factory.mktemp("wine")
    wine = Wine(work / "prefix")
    subprocess.run(["wineboot", "--init"], env=wine.env, capture_output=True, timeout=300, check=True)
    wine.wait()

    payload = work / "payload"
    (payload / "_internal").mkdir(parents=True)
    (work / "fake.nsi").write_text(FAKE_PROGRAM)
    program = [makensis, "-WX", "-V2", f"-DOUT={payload / f'{PROGRAM}.exe'}", work / "fake.nsi"]
    built = subprocess.run(program, capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    (payload / "_internal" / "library.dat").write_bytes(os.urandom(1024))
    if wine.run(str(payload / f"{PROGRAM}.exe"), "--probe") != 0 or wine.program_log != ["--probe"]:
        pytest.skip("this Wine cannot run 32-bit programs (Debian: apt-get install wine32)")
    (wine.c / "agentlocator-fake.log").unlink()

    setup = work / f"AgentLocator-Setup-{VERSION}.exe"
    result = compile_installer(makensis, setup, PAYLOAD=str(payload), EXE=f"{PROGRAM}.exe", FAST="")
    assert result.returncode == 0, result.stdout + result.stderr
    yield wine.prefix, setup
    shutil.rmtree(work, ignore_errors=True)  # over a gigabyte: not kept with pytest's last runs


@pytest.fixture
def wine(wine_template, tmp_path) -> Wine:
    """A Windows machine of the test's own, with nothing installed."""
    prefix, _setup = wine_template
    # A prefix is over a gigabyte of Windows DLLs that nothing writes to: link them, and copy
    # only the registry files wineserver rewrites.
    def link_or_copy(source: str, target: str) -> None:
        (shutil.copy2 if source.endswith(".reg") else os.link)(source, target)

    shutil.copytree(prefix, tmp_path / "prefix", symlinks=True, copy_function=link_or_copy)
    machine = Wine(tmp_path / "prefix")
    yield machine
    machine.stop()


@pytest.fixture
def setup_exe(wine_template) -> str:
    return str(wine_template[1])


def test_silent_install_update_and_uninstall(wine, setup_exe):
    assert wine.run(setup_exe, "/S", "/SERVER=https://crm.example.test") == 0
    assert (wine.install_dir / f"{PROGRAM}.exe").is_file()
    assert (wine.install_dir / "_internal" / "library.dat").is_file()
    assert wine.config.read_text().split() == ["[server]", "url=https://crm.example.test"]
    assert all(shortcut.is_file() for shortcut in wine.shortcuts)
    entry = wine.registry(64)
    assert entry["DisplayName"] == "AgentLocator"
    assert entry["DisplayVersion"] == VERSION
    assert entry["QuietUninstallString"] == r'"C:\Program Files\AgentLocator\uninstall.exe" /S'
    assert int(entry["EstimatedSize"], 16) > 0
    assert wine.registry(32) is None  # not under WOW6432Node

    # An update without /SERVER= keeps the address; a bad one fails and changes nothing.
    assert wine.run(setup_exe, "/S") == 0
    assert "url=https://crm.example.test" in wine.config.read_text()
    assert wine.run(setup_exe, "/S", "/SERVER=crm.example.test") == 2
    assert "url=https://crm.example.test" in wine.config.read_text()
    assert wine.run(setup_exe, "/S", "/SERVER=http://10.0.0.5:5000/crm") == 0
    assert "url=http://10.0.0.5:5000/crm" in wine.config.read_text()

    # Uninstalling keeps the agent's own settings and cache unless asked.
    for folder in wine.user_data:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "AgentLocator.ini").write_text("[General]\n")
    assert wine.run(str(wine.install_dir / "uninstall.exe"), "/S") == 0
    assert not wine.install_dir.exists()
    assert not wine.config.exists()
    assert not any(shortcut.exists() for shortcut in wine.shortcuts)
    assert wine.registry(64) is None
    assert all((folder / "AgentLocator.ini").is_file() for folder in wine.user_data)
    assert wine.program_log == []

    assert wine.run(setup_exe, "/S") == 0
    assert not wine.config.exists()  # silent, no /SERVER=, no earlier config: none written
    assert wine.run(str(wine.install_dir / "uninstall.exe"), "/S", "/PURGE") == 0
    assert not wine.install_dir.exists()
    assert not any(folder.exists() for folder in wine.user_data)
    assert wine.program_log == ["--reset"]


def test_update_waits_for_the_program_to_close(wine, setup_exe):
    assert wine.run(setup_exe, "/S", "/SERVER=https://crm.example.test") == 0
    program = wine.install_dir / f"{PROGRAM}.exe"
    before = program.stat().st_mtime_ns
    running = wine.start(str(program), "--hold")
    try:
        wait_until(lambda: wine.program_log == ["--hold"], what="the program to start")
        assert wine.run(setup_exe, "/S", wait=False) == 2
        assert wine.uninstall_in_place("/S") == 2
        assert program.stat().st_mtime_ns == before
        assert wine.registry(64) is not None
    finally:
        running.kill()
        wine.stop()
    assert wine.uninstall_in_place("/S") == 0
    assert not wine.install_dir.exists()
