"""`python -m desktop --selftest [--server URL]` (`agentlocator-desktop --selftest`): does this
install work? For an installer's last step, a support call, CI, over ssh: it needs no
display (the self-test always runs on Qt's offscreen platform) and writes nothing.

One line per check, then a summary; exit status 0 when every check passed, else 1:

    AgentLocator desktop 0.2.0 self-test (linux, Python 3.12.1, Qt 6.12.0, frozen build in /opt/agentlocator/_internal)
    ok    multimedia      QtMultimedia backend loaded; MP3 decoded: 9216 samples at 44100 Hz
    ok    qt-hebrew       qtbase_he.qm, qtbase_gaps_he.qm: OK = אישור
    ok    resources       /opt/agentlocator/_internal/desktop/resources: 2 fonts, translations
    ok    font            Assistant (Assistant-Bold.ttf, Assistant-Regular.ttf), writes Hebrew
    ok    login-window    rendered on offscreen: 420x301, right to left
    ok    server          GET https://crm.example.co.il/api/health: ok (db ok, worker alive, queue ok)
    FAIL  server-version  GET https://crm.example.co.il/api/desktop/version answered 404: ...
    selftest: 1 of 7 checks FAILED

The server's two checks run only with --server. Each detail is English (for whoever reads
a terminal or a log); a check that raises fails with what it raised, never a traceback.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEventLoop, QIODevice, Qt, QTimer, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop import updates
from desktop.api import Api, ApiError, ServerUnreachableError
from desktop.app import FONT_FAMILY, RESOURCES, SOURCE_LANGUAGE, create_app, qt_translations_dirs, register_fonts
from desktop.server_address import normalize
from desktop.tasks import TaskManager
from desktop.version import VERSION
from desktop.views.login import LoginDialog

DECODE_DEADLINE_MS = 10_000


class CheckFailedError(Exception):
    """A check's failure, its message the line's detail."""


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok' if self.ok else 'FAIL':<5} {self.name:<15} {self.detail}"


def describe(error: BaseException) -> str:
    if isinstance(error, CheckFailedError):
        return str(error)
    if isinstance(error, ServerUnreachableError) and error.__cause__ is not None:
        return f"unreachable: {type(error.__cause__).__name__}: {error.__cause__}"
    return f"{type(error).__name__}: {error}"


def silent_mp3(frames: int = 8) -> bytes:
    """MPEG-1 Layer III frames of silence (128 kbit/s, 44.1 kHz, mono; side info all zero):
    a valid MP3 of a fifth of a second, made here rather than shipped."""
    header = bytes([0xFF, 0xFB, 0x90, 0xC4])
    return (header + bytes(144 * 128_000 // 44_100 - len(header))) * frames


# -- checks (each returns its detail or raises) ------------------------------------------

def check_multimedia() -> str:
    try:  # here, not at the top: a missing system library (libpulse0) fails this check alone
        from PySide6.QtMultimedia import QAudioDecoder
    except ImportError as error:
        raise CheckFailedError(f"QtMultimedia does not load: {error}") from error
    decoder = QAudioDecoder()
    if not decoder.isSupported():
        raise CheckFailedError("no QtMultimedia backend found (Qt's FFmpeg plugin missing?)")
    source = QBuffer()
    source.setData(QByteArray(silent_mp3()))
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    state = {"samples": 0, "rate": 0, "error": "", "done": False}
    loop = QEventLoop()

    def buffer_ready() -> None:
        buffer = decoder.read()
        state["samples"] += buffer.frameCount()
        state["rate"] = buffer.format().sampleRate() or state["rate"]

    def finish(error: str = "") -> None:
        state["error"] = state["error"] or error
        state["done"] = True
        loop.quit()

    decoder.bufferReady.connect(buffer_ready)
    decoder.finished.connect(finish)
    decoder.error.connect(lambda _error: finish(decoder.errorString() or "decoding failed"))
    deadline = QTimer(singleShot=True, interval=DECODE_DEADLINE_MS)
    deadline.timeout.connect(lambda: finish(f"no answer from the decoder in {DECODE_DEADLINE_MS // 1000} s"))
    decoder.setSourceDevice(source)
    decoder.start()
    deadline.start()
    if not state["done"]:
        loop.exec()
    deadline.stop()
    decoder.stop()
    if state["error"] or not state["samples"]:
        raise CheckFailedError(f"MP3 not decoded: {state['error'] or 'no audio came out'}")
    return f"QtMultimedia backend loaded; MP3 decoded: {state['samples']} samples at {state['rate']} Hz"


def check_qt_translations(app: QApplication) -> str:
    translator = getattr(app, "translator", None)
    wanted = translator.language().split("_")[0] if translator else SOURCE_LANGUAGE
    names = [Path(t.filePath()).name for t in getattr(app, "qt_translators", [])]
    if not any(name.startswith(f"qtbase_{wanted}") for name in names):
        folders = ", ".join(str(folder) for folder in qt_translations_dirs())
        raise CheckFailedError(f"qtbase_{wanted}.qm not found in {folders}")
    ok = QCoreApplication.translate("QPlatformTheme", "OK")
    if wanted != "en" and ok == "OK":
        raise CheckFailedError(f"{', '.join(names)} loaded, but Qt's OK button is not translated")
    return f"{', '.join(names)}: OK = {ok}"


def check_resources() -> str:
    fonts = sorted((RESOURCES / "fonts").glob("*.ttf"))
    if not fonts:
        raise CheckFailedError(f"no fonts in {RESOURCES / 'fonts'} (resources not bundled?)")
    if not (RESOURCES / "translations").is_dir():
        raise CheckFailedError(f"no {RESOURCES / 'translations'} folder (resources not bundled?)")
    return f"{RESOURCES}: {len(fonts)} fonts, translations"


def check_font(app: QApplication) -> str:
    registered = register_fonts()
    for path, families in registered.items():
        if FONT_FAMILY not in families:
            raise CheckFailedError(f"{path.name} does not register as {FONT_FAMILY!r} (got {families})")
    if app.font().family() != FONT_FAMILY:
        raise CheckFailedError(f"the application font is {app.font().family()!r}, not {FONT_FAMILY!r}")
    if QFontDatabase.WritingSystem.Hebrew not in QFontDatabase.writingSystems(FONT_FAMILY):
        raise CheckFailedError(f"{FONT_FAMILY} has no Hebrew")
    return f"{FONT_FAMILY} ({', '.join(path.name for path in registered)}), writes Hebrew"


def check_login_window(app: QApplication, tasks: TaskManager) -> str:
    dialog = LoginDialog(tasks, check_updates=False)
    try:
        dialog.show()
        app.processEvents()
        image = dialog.grab().toImage()
        width, height = image.width(), image.height()
        if image.isNull() or not width or not height:
            raise CheckFailedError("the login window rendered nothing")
        colours = {image.pixel(x, y) for x in range(0, width, max(1, width // 24))
                   for y in range(0, height, max(1, height // 24))}
        if len(colours) < 3:
            raise CheckFailedError(f"the login window rendered blank ({len(colours)} colours)")
        label = dialog.form.labelForField(dialog.email)
        right_to_left = (dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
                         and label.geometry().center().x() > dialog.email.geometry().center().x())
        if not right_to_left:
            raise CheckFailedError("the login window is laid out left to right")
        return f"rendered on {QGuiApplication.platformName()}: {width}x{height}, right to left"
    finally:
        dialog.close()
        dialog.deleteLater()


def fetch(api: Api, path: str) -> object:
    """A public GET's answer; an error answer or none at all is the check's failure."""
    try:
        return api.get_public(path)
    except ApiError as error:
        raise CheckFailedError(f"GET {api.base_url}{path}: {describe_api_error(error)}") from error


def describe_api_error(error: ApiError) -> str:
    if error.status is not None:
        return f"answered {error.status} {error.code or ''}".rstrip()
    return describe(error)


def check_health(api: Api) -> str:
    url = api.base_url + "/api/health"
    body = fetch(api, "/api/health")
    if not isinstance(body, dict) or body.get("ok") is not True:
        raise CheckFailedError(f"GET {url} answered {str(body)[:200]}")
    states = ", ".join(f"{key} {body[key]}" for key in ("db", "worker", "queue") if isinstance(body.get(key), str))
    return f"GET {url}: ok" + (f" ({states})" if states else "")


def check_server_version(api: Api) -> str:
    url = api.base_url + updates.VERSION_PATH
    try:
        body = updates.fetch(api)
    except ApiError as error:
        if error.status == 404:
            raise CheckFailedError(f"GET {url} answered 404: this server offers no desktop version "
                                   "(a server older than this client?)") from error
        raise CheckFailedError(f"GET {url}: {describe_api_error(error)}") from error
    offer = updates.update_from(body, base_url=api.base_url)
    news = (f"; newer than this client, {updates.platform_key()} installer: {offer.url or 'none offered'}"
            if offer else "")
    return f"GET {url}: {body['version']} (this client {VERSION}){news}"


# -- running ------------------------------------------------------------------------------

def run_checks(checks: list[tuple[str, Callable[[], str]]], out: Callable[[str], None]) -> list[Result]:
    results = []
    for name, check in checks:
        try:
            result = Result(name, True, check())
        except Exception as error:  # noqa: BLE001 - every failure is a line, never a traceback
            result = Result(name, False, describe(error))
        out(result.line())
        results.append(result)
    return results


def header() -> str:
    where = f"frozen build in {sys._MEIPASS}" if getattr(sys, "frozen", False) else f"from {RESOURCES.parent}"
    return (f"AgentLocator desktop {VERSION} self-test ({sys.platform}, Python {platform.python_version()}, "
            f"Qt {qVersion()}, {where})")


def main(*, server: str | None = None, qt_args: list[str] | None = None) -> int:
    """The self-test; its exit status."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="replace")  # a console that cannot show Hebrew still gets every line
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before the application: no display needed
    app = create_app([sys.argv[0], *(qt_args or [])])
    tasks = TaskManager(app)

    def out(text: str) -> None:
        print(text, flush=True)

    out(header())
    checks: list[tuple[str, Callable[[], str]]] = [
        ("multimedia", check_multimedia),
        ("qt-hebrew", lambda: check_qt_translations(app)),
        ("resources", check_resources),
        ("font", lambda: check_font(app)),
        ("login-window", lambda: check_login_window(app, tasks)),
    ]
    api = Api(normalize(server)) if server else None
    if api is not None:
        checks += [("server", lambda: check_health(api)), ("server-version", lambda: check_server_version(api))]
    try:
        results = run_checks(checks, out)
    finally:
        if api is not None:
            api.close()
        tasks.wait_for_done(3000)
    failed = sum(not result.ok for result in results)
    out(f"selftest: all {len(results)} checks passed" if not failed
        else f"selftest: {failed} of {len(results)} checks FAILED")
    return 1 if failed else 0
