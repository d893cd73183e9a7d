"""`python -m desktop [--server URL]`: log in (the saved session when there is one), then the
main window; logging out returns to the login dialog (desktop/launcher.py).

`--selftest [--server URL]` checks the install (desktop/selftest.py: one line per check,
exit 0 when all pass, else 1); `--reset` forgets this user's settings, cache and saved
session (desktop/reset.py, exit 0)."""

from __future__ import annotations

import argparse
import ctypes
import logging
import sys

from desktop import cache, paths, reset, selftest, server_address
from desktop.api import Api, ApiError, Session
from desktop.app import create_app
from desktop.launcher import Launcher
from desktop.tasks import TaskManager

log = logging.getLogger("agentlocator.desktop")


def resume(api: Api) -> Session | None:
    """A previous run's session from the keyring; None when there is none or it ended.
    Called on the task pool."""
    if not api.store.get():
        return None
    try:
        return Session(api=api, user=api.resume())
    except ApiError:
        return None


def clean_cache(tasks: TaskManager) -> None:
    """The download cache's start-up clean (desktop/cache.py), on the task pool."""
    tasks.run(cache.clean, on_error=lambda error: log.warning("cache not cleaned: %s", error))


def attach_console() -> None:
    """The Windows build is a windowed program with no stdout: --selftest and --reset write to
    the console they were started from (`start /wait agentlocator-desktop.exe --selftest`)."""
    if sys.platform != "win32" or sys.stdout is not None:
        return
    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = sys.stderr = open("CONOUT$", "w", encoding="utf-8", buffering=1)  # noqa: SIM115


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="AgentLocator desktop client")
    parser.add_argument("--server", help="the server's address (overrides the saved one and the machine's)")
    once = parser.add_mutually_exclusive_group()
    once.add_argument("--selftest", action="store_true",
                      help="check this install (multimedia, translations, font, rendering; the server with "
                           "--server), one line per check; exit 0 when all pass, else 1")
    once.add_argument("--reset", action="store_true",
                      help="remove this user's settings, cache and saved session, then exit")
    args, qt_args = parser.parse_known_args(argv)
    if args.selftest or args.reset:
        attach_console()
    logging.basicConfig(level=logging.INFO)
    if args.reset:
        return reset.main(server=args.server)
    if args.selftest:
        return selftest.main(server=args.server, qt_args=qt_args)
    return run_app(args.server, qt_args)


def run_app(server_option: str | None, qt_args: list[str]) -> int:
    # Imported here, not above: the main window brings in QtMultimedia (the card's player),
    # which --selftest checks itself (a missing system library is one failed line) and
    # --reset does not need.
    from desktop.views.main_window import MainWindow

    app = create_app([sys.argv[0], *qt_args])
    settings = paths.settings()
    server = server_address.resolve(settings, cli=server_option)
    tasks = TaskManager(app)
    clean_cache(tasks)
    app.setQuitOnLastWindowClosed(False)
    launcher = Launcher(tasks, settings, server, window_factory=MainWindow)
    launcher.finished.connect(app.quit)

    if server:
        api = Api(server)
        tasks.run(lambda: resume(api), launcher.start, lambda _error: launcher.start(None))
    else:
        launcher.start(None)
    code = app.exec()
    tasks.wait_for_done(3000)
    return code


def run() -> None:
    """The `agentlocator-desktop` command (desktop/pyproject.toml)."""
    sys.exit(main())


if __name__ == "__main__":
    run()
