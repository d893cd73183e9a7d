"""`python -m desktop [--server URL]`: log in (the saved session when there is one), then the
main window; logging out returns to the login dialog."""

from __future__ import annotations

import argparse
import logging
import sys

from desktop import cache, paths, server_address
from desktop.api import Api, ApiError, Session
from desktop.app import create_app
from desktop.tasks import TaskManager
from desktop.views.login import LoginDialog
from desktop.views.main_window import MainWindow

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="AgentLocator desktop client")
    parser.add_argument("--server", help="the server's address (overrides the saved one and the machine's)")
    args, qt_args = parser.parse_known_args(argv)
    logging.basicConfig(level=logging.INFO)
    app = create_app([sys.argv[0], *qt_args])
    settings = paths.settings()
    server = server_address.resolve(settings, cli=args.server)
    tasks = TaskManager(app)
    clean_cache(tasks)
    app.setQuitOnLastWindowClosed(False)
    window: MainWindow | None = None

    def start(session: Session | None) -> None:
        nonlocal window, server
        if session is None:
            session = LoginDialog.ask(tasks, server_url=server, email=str(settings.value("email", "") or ""))
        if session is None:
            app.quit()
            return
        server = session.api.base_url
        server_address.remember(settings, server)
        settings.setValue("email", session.user.get("email", ""))
        settings.sync()
        window = MainWindow(session, tasks)
        window.logged_out.connect(lambda: start(None))
        window.show()

    if server:
        api = Api(server)
        tasks.run(lambda: resume(api), start, lambda _error: start(None))
    else:
        tasks.run(lambda: None, start)
    code = app.exec()
    tasks.wait_for_done(3000)
    return code


def run() -> None:
    """The `agentlocator-desktop` command (desktop/pyproject.toml)."""
    sys.exit(main())


if __name__ == "__main__":
    run()
