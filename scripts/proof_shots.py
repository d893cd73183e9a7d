"""The screenshots `make proof` puts in docs/PROOF.md, taken from a running deployment: the
customers table and one customer's card, in Debian's Chromium and in the desktop app.

    python scripts/proof_shots.py web|desktop --url URL --out DIR [--customer ID]

The login comes from PROOF_EMAIL and PROOF_PASSWORD (never the command line, which other users
of the machine can read). Each kind runs in a process of its own, so Playwright's event loop and
Qt's never share one. Prints the paths written, one per line.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
DESK = {"width": 1280, "height": 800}


def web(url: str, out: Path, email: str, password: str, customer_id: int) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        # PROOF_INSECURE: a staging deployment's own certificate, which this Chromium does not trust.
        page = browser.new_page(viewport=DESK, locale="he-IL",
                                ignore_https_errors=bool(os.environ.get("PROOF_INSECURE")))
        # The demo business has tasks falling due: their full-screen alert, which comes over the
        # socket at any moment, would cover the table. Playwright closes it before each action (its
        # close button: Escape reaches it only once it holds the focus), and again while another queued alert follows.
        alert = page.locator(".due-dialog")
        page.add_locator_handler(alert, lambda: alert.get_by_role("button", name="סגירה").click(), no_wait_after=True)
        page.goto(f"{url}/login")
        page.fill("input[type=email]", email)
        page.fill("input[type=password]", password)
        page.keyboard.press("Enter")
        page.wait_for_url("**/crm/customers")
        page.wait_for_function("document.querySelectorAll('tbody tr td:first-child a').length > 0")
        # Sorted by name, as the brief's G2 asks to show: a click cycles the column's order.
        for _ in range(3):
            if page.locator("th[aria-sort=ascending]").count():
                break
            page.get_by_role("button", name="שם").click()
            page.wait_for_load_state("networkidle")
        page.locator("h1").first.hover()  # an action, so an alert that came meanwhile is closed first
        written.append(out / "proof-web-customers.png")
        page.screenshot(path=str(written[-1]))
        page.goto(f"{url}/crm/customers/{customer_id}")
        page.wait_for_selector("h1, h2")
        page.get_by_role("tab", name="ציר זמן").click()
        page.wait_for_load_state("networkidle")
        page.locator("h1, h2").first.hover()
        written.append(out / "proof-web-card.png")
        page.screenshot(path=str(written[-1]))
        page.get_by_role("tab", name="שיחות").click()  # G2: the Calls tab, its players and transcripts
        page.wait_for_load_state("networkidle")
        page.locator("h1, h2").first.hover()
        written.append(out / "proof-web-card-calls.png")
        page.screenshot(path=str(written[-1]))
        browser.close()
    return written


def desktop(url: str, out: Path, email: str, password: str, customer_id: int) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import keyring
    from PySide6.QtCore import QEventLoop

    from desktop import theme
    from desktop.api import Api, Session
    from desktop.app import create_app
    from desktop.tasks import TaskManager
    from desktop.views.card import CustomerCard
    from desktop.views.main_window import MainWindow
    from scripts import render_desktop_screenshots  # its wait_until: events processed, not slept
    from tests.desktop.conftest import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # the proof must not leave a session in this user's keyring
    app = create_app(sys.argv[:1])
    theme.apply(app, dark=False)

    def wait_until(predicate) -> None:
        render_desktop_screenshots.wait_until(app, predicate, timeout_ms=20_000)

    tasks = TaskManager(app)
    api = Api(url)
    user = api.login(email, password)
    window = MainWindow(Session(api=api, user=user), tasks)
    window.resize(DESK["width"], DESK["height"])
    window.show()
    model = window.model
    wait_until(lambda: model.loaded_once and all(model.is_loaded(r) for r in range(min(15, model.rowCount()))))
    written = [out / "proof-desktop-customers.png"]
    window.grab().save(str(written[-1]))
    window.alerts.stop()
    card = CustomerCard(api, tasks, customer_id, customer=api.get(f"/api/crm/customers/{customer_id}"))
    card.resize(1100, 720)
    card.show()
    wait_until(lambda: all(tab.loaded_once for tab in card.all_tabs))
    card.show_tab(card.all_tabs[1])  # the timeline
    for _ in range(5):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    written.append(out / "proof-desktop-card.png")
    card.grab().save(str(written[-1]))
    card.close()
    window.close()
    tasks.wait_for_done(5000)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=("web", "desktop"))
    parser.add_argument("--url", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--customer", type=int, required=True, help="the customer whose card is shown")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    take = web if args.kind == "web" else desktop
    for path in take(args.url.rstrip("/"), args.out, os.environ["PROOF_EMAIL"], os.environ["PROOF_PASSWORD"],
                     args.customer):
        print(path)


if __name__ == "__main__":
    main()
