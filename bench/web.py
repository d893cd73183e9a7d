"""Benchmark: the web app's first-load JS and how soon the customers page is usable.

    python -m bench.web [--runs 7] [--customers 200]

1. Bundle: every JS file web/dist/index.html loads at start (its module script and its
   modulepreloads) gzipped at level 9, as a proxy or CDN would send them, against the
   200 KB budget; the lazily loaded chunks (the customer card) listed apart.
2. "Customers page usable" on localhost: a real Hypercorn server (APP_ENV=production, SQLite,
   one business with `--customers` customers) and Debian's Chromium through Playwright. Each
   run is a fresh browser context, signed in through the login form (the session then lives
   in the refresh cookie, as on a return visit), that opens /crm/customers; an init script
   marks `performance.mark("first-row")` when the first table row with a customer link
   appears. usable = that mark's time from navigation start (performance.timeOrigin).
   Cold: the HTTP cache emptied (DevTools protocol) before the load; warm: a second load in
   the same context (hashed assets cached for a year). One warm-up run is dropped; median,
   min and max of the rest.

Needs `make web` (web/dist) and Debian's chromium. Progress goes to stderr, figures to stdout.
"""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
from pathlib import Path

import httpx

from tests.conftest import BUSINESS_PHONE, PASSWORD, ROOT
from tests.databases import Databases
from tests.e2e.live import Live

DIST = ROOT / "web" / "dist"
CHROMIUM = "/usr/bin/chromium"
BUDGET_KB = 200
EMAIL = "bench-web@example.com"
MARK_FIRST_ROW = """
new MutationObserver((_, observer) => {
  if (document.querySelector("tbody tr td a")) {
    performance.mark("first-row");
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });
"""


def gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), compresslevel=9)) / 1000


def bundle() -> dict:
    index = (DIST / "index.html").read_text()
    initial = sorted(set(re.findall(r'(?:src|href)="/(assets/[^"]+\.js)"', index)))
    lazy = sorted(p.relative_to(DIST).as_posix() for p in (DIST / "assets").glob("*.js")
                  if p.relative_to(DIST).as_posix() not in initial)
    css = sorted(set(re.findall(r'href="/(assets/[^"]+\.css)"', index)))
    return {
        "initial": {name: (round((DIST / name).stat().st_size / 1000, 1), round(gz_kb(DIST / name), 1))
                    for name in initial},
        "lazy": {name: (round((DIST / name).stat().st_size / 1000, 1), round(gz_kb(DIST / name), 1))
                 for name in lazy},
        "css": {name: round(gz_kb(DIST / name), 1) for name in css},
    }


def serve(databases: Databases, workdir: Path, customers: int) -> Live:
    live = Live.on(databases, workdir)
    live.seed({"name": "משרד", "phone": BUSINESS_PHONE, "users": [{"email": EMAIL, "password": PASSWORD,
                                                                      "role": "admin"}]})
    live.start_server()
    with httpx.Client(base_url=live.base_url, timeout=30) as http:
        token = http.post("/auth/login", json={"email": EMAIL, "password": PASSWORD}).json()["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        for i in range(customers):
            response = http.post("/api/crm/customers", headers=headers,
                                 json={"name": f"לקוח מספר {i}", "phone": f"+9725{i:08d}"})
            response.raise_for_status()
    return live


def sign_in(page, base_url: str) -> None:
    """Through the login form: the session then lives in the refresh cookie, as after a visit."""
    page.goto(f"{base_url}/login")
    page.fill("input[type=email]", EMAIL)
    page.fill("input[type=password]", PASSWORD)
    page.click("button[type=submit]")
    page.locator("tbody tr td a").first.wait_for()


def usable_ms(page, url: str) -> float:
    page.goto(url)
    page.wait_for_function("performance.getEntriesByName('first-row').length > 0", timeout=30_000)
    return page.evaluate("performance.getEntriesByName('first-row')[0].startTime")


def measure(live: Live, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    url = f"{live.base_url}/crm/customers"
    cold: list[float] = []
    warm: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"])
        for run in range(runs + 1):
            context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="he-IL")
            context.add_init_script(MARK_FIRST_ROW)
            page = context.new_page()
            sign_in(page, live.base_url)
            context.new_cdp_session(page).send("Network.clearBrowserCache")
            first = usable_ms(page, url)
            second = usable_ms(page, url)
            context.close()
            if run == 0:
                continue  # warm-up: the server's and Chromium's first time
            cold.append(first)
            warm.append(second)
            print(f"run {run}: cold {first:.0f} ms, warm {second:.0f} ms", file=sys.stderr)
        browser.close()
    return {"cold": cold, "warm": warm}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--customers", type=int, default=200)
    args = parser.parse_args()
    if not (DIST / "index.html").is_file():
        sys.exit("web/dist is not built: make web")

    sizes = bundle()
    initial_gz = sum(gz for _raw, gz in sizes["initial"].values())
    print("## first-load JS (gzip -9)")
    for name, (raw, gz) in sizes["initial"].items():
        print(f"  {name}: {raw} kB raw, {gz} kB gzipped")
    print(f"  total: {initial_gz:.1f} kB gzipped (budget {BUDGET_KB} kB): {'OK' if initial_gz < BUDGET_KB else 'OVER'}")
    for name, (raw, gz) in sizes["lazy"].items():
        print(f"  lazy {name}: {raw} kB raw, {gz} kB gzipped")
    for name, gz in sizes["css"].items():
        print(f"  css {name}: {gz} kB gzipped")

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp, Databases(Path(tmp), None) as databases:
        live = serve(databases, Path(tmp), args.customers)
        try:
            times = measure(live, args.runs)
        finally:
            live.stop()
    print(f"## customers page usable (navigation start → first row), {args.runs} runs")
    for kind, values in times.items():
        print(f"  {kind}: median {statistics.median(values):.0f} ms, min {min(values):.0f} ms, "
              f"max {max(values):.0f} ms  ({', '.join(f'{v:.0f}' for v in values)})")


if __name__ == "__main__":
    main()
