"""Alerts in a real browser against a real server with its scheduler: the task-due modal on
real `task:due` events (queued, keyboard-driven, Done and Snooze acting on the server), the
push-only service worker registered, the push switch handing the server a subscription that
the server then pushes to, and a push delivered to the worker (DevTools protocol) showing a
notification that names the customer; the alert covering the whole viewport at desktop and phone
sizes, and an alert put away (Esc) staying away after a reload and after logging in again.
Screenshots: web-task-due, alert-full-desktop, alert-full-phone (see `shots`)."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from tests.e2e.live import wait_until
from tests.fakes import FakePushService
from tests.web.conftest import VAPID_PUBLIC, log_in, needs_browser, sign_in
from tests.web.seed import EMAIL

pytestmark = needs_browser


DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}


def due_task(seeded, title: str, seconds: float = 0.0) -> dict:
    due = datetime.now(UTC) + timedelta(seconds=seconds)
    return seeded.api("POST", "/api/crm/tasks", 201, json={"title": title, "due_at": due.isoformat(),
                                                           "customer_id": seeded.ids["customer_id"]})


def settle_alerts(seeded) -> None:
    """Close the tasks that already fell due: a new socket would replay their alerts."""
    now = datetime.now(UTC)
    for task in seeded.api("GET", "/api/crm/tasks", params={"status": "open", "limit": 200})["results"]:
        if datetime.fromisoformat(task["fires_at"]) <= now:
            seeded.api("POST", f"/api/crm/tasks/{task['id']}/done")


def test_task_due_modal_queues_real_alerts_and_acts_on_the_server(seeded, browser, shots):
    page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers")
    page.locator("tbody tr td:first-child a").first.wait_for()
    page.wait_for_function("document.readyState === 'complete'")
    expect(page.get_by_role("alertdialog")).to_have_count(0)
    first = due_task(seeded, "להתקשר לדנה לגבי הדירה", 1.0)
    second = due_task(seeded, "לשלוח לדנה חוזה", 1.2)
    third = due_task(seeded, "לבדוק תשלום של דנה", 1.4)

    dialog = page.get_by_role("alertdialog")
    expect(dialog).to_be_visible(timeout=10_000)
    expect(dialog.get_by_test_id("due-count")).to_contain_text("1 מתוך 3", timeout=10_000)
    expect(dialog.get_by_role("heading")).to_have_text(first["title"])
    expect(dialog).to_contain_text("דנה כהן")
    expect(dialog).to_contain_text("054-123-4567")
    shots(page, "web-task-due")

    # Keyboard: focus starts on Done and Tab never leaves the dialog.
    expect(dialog.get_by_role("button", name="בוצע")).to_be_focused()
    for _ in range(12):
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('[role=alertdialog]').contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.querySelector('[role=alertdialog]').contains(document.activeElement)")

    # Done: the server closes the task and the next alert shows.
    dialog.get_by_role("button", name="בוצע").click()
    expect(dialog.get_by_role("heading")).to_have_text(second["title"])
    expect(dialog.get_by_test_id("due-count")).to_contain_text("1 מתוך 2")
    assert seeded.api("GET", f"/api/crm/tasks/{first['id']}")["status"] == "done"

    # Snooze 15 minutes: the server moves its due time.
    dialog.get_by_role("group", name="נודניק").get_by_role("button", name="15 דק׳").click()
    expect(dialog.get_by_role("heading")).to_have_text(third["title"])
    expect(dialog.get_by_test_id("due-count")).to_have_count(0)
    snoozed = seeded.api("GET", f"/api/crm/tasks/{second['id']}")
    until = datetime.fromisoformat(snoozed["snoozed_until"]) - datetime.now(UTC)
    assert timedelta(minutes=14) < until <= timedelta(minutes=15) and snoozed["status"] == "open"

    # Esc puts the last alert away and leaves the task as it was.
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert seeded.api("GET", f"/api/crm/tasks/{third['id']}")["status"] == "open"

    # WhatsApp on an alert opens the customer's chat.
    due_task(seeded, "לענות לדנה בוואטסאפ", 0.5)
    expect(dialog).to_be_visible(timeout=10_000)
    dialog.get_by_role("button", name="וואטסאפ").click()
    page.wait_for_url(f"**/crm/customers/{seeded.ids['customer_id']}?tab=whatsapp")
    expect(page.get_by_role("tab", name="וואטסאפ")).to_have_attribute("aria-selected", "true")
    page.context.close()


def dismissed(page, dialog, key: str = "Escape") -> None:
    """Put the shown alert away and wait for the server to have heard it."""
    with page.expect_response(lambda r: r.url.endswith("/dismiss") and r.request.method == "POST") as answer:
        page.keyboard.press(key)
    assert answer.value.status == 200
    expect(dialog).to_have_count(0)


def shown_alone(dialog, title: str) -> None:
    """The alert on screen is `title`, and it is the only one queued."""
    expect(dialog.get_by_role("heading")).to_have_text(title, timeout=10_000)
    expect(dialog.get_by_test_id("due-count")).to_have_count(0)


def test_a_dismissed_alert_stays_away_after_a_reload_and_a_new_login(seeded, browser):
    settle_alerts(seeded)
    page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers")
    page.locator("tbody tr td:first-child a").first.wait_for()
    dialog = page.get_by_role("alertdialog")
    put_away = due_task(seeded, "להתקשר לדנה בעניין המשכנתא", 0.5)
    shown_alone(dialog, put_away["title"])
    dismissed(page, dialog)
    assert seeded.api("GET", f"/api/crm/tasks/{put_away['id']}")["alert_dismissed_at"] is not None

    # A marker: an alert that fired and was NOT put away is replayed by the same query on the
    # next connect, so when it is back, the dismissed one would have been back with it.
    marker = due_task(seeded, "סימן: לשלוח לדנה הצעה", 0.5)
    shown_alone(dialog, marker["title"])
    page.reload()
    page.locator(".topbar").wait_for()
    shown_alone(dialog, marker["title"])
    dialog.get_by_role("button", name="בוצע").click()
    expect(dialog).to_have_count(0)

    second = due_task(seeded, "סימן שני: לתאם עם דנה פגישה", 0.5)
    shown_alone(dialog, second["title"])
    # Logging out with the marker still up (the user menu is under the alert, so clicked directly).
    page.locator(".user-button").dispatch_event("click")
    page.get_by_role("button", name="התנתקות").dispatch_event("click")
    page.wait_for_url("**/login")
    log_in(page, seeded.base_url, EMAIL)
    shown_alone(dialog, second["title"])
    dialog.get_by_role("button", name="בוצע").click()
    expect(dialog).to_have_count(0)
    assert seeded.api("GET", f"/api/crm/tasks/{put_away['id']}")["status"] == "open"  # put away, not done
    page.context.close()


def test_a_task_three_days_overdue_alerts_once_over_the_whole_screen(seeded, browser, shots):
    settle_alerts(seeded)
    page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers")
    page.set_viewport_size(DESKTOP)
    page.locator("tbody tr td:first-child a").first.wait_for()
    dialog = page.get_by_role("alertdialog")
    late = due_task(seeded, "לחזור לדנה לגבי החוזה", -3 * 24 * 3600 - 120)
    shown_alone(dialog, late["title"])
    expect(dialog.get_by_test_id("due-late")).to_have_text("באיחור של 3 ימים")
    expect(dialog).to_contain_text("דנה כהן")
    expect(dialog.locator("[dir=ltr]")).to_have_text("054-123-4567")
    assert dialog.bounding_box() == {"x": 0, "y": 0, **DESKTOP}
    buttons = [dialog.get_by_role("button", name=name) for name in ("בוצע", "התקשרות", "וואטסאפ")]
    assert all(button.bounding_box()["height"] >= 56 for button in buttons)
    shots(page, "alert-full-desktop")

    page.set_viewport_size(PHONE)
    expect(dialog).to_have_js_property("offsetWidth", PHONE["width"])
    assert dialog.bounding_box() == {"x": 0, "y": 0, **PHONE}
    assert all(button.bounding_box()["height"] >= 56 for button in buttons)
    assert all(button.bounding_box()["width"] >= PHONE["width"] * 0.8 for button in buttons)  # full width
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    shots(page, "alert-full-phone")

    # Once: put away, it does not come back with the next alert (nor fire again).
    dialog.get_by_role("button", name="סגירה").click()
    expect(dialog).to_have_count(0)
    marker = due_task(seeded, "סימן: לשלוח לדנה מסמכים", 0.5)
    shown_alone(dialog, marker["title"])
    page.reload()
    page.locator(".topbar").wait_for()
    shown_alone(dialog, marker["title"])
    assert seeded.api("GET", f"/api/crm/tasks/{late['id']}")["overdue"] is True
    page.context.close()


FAKE_PUSH_MANAGER = """
(() => {
  // Headless Chromium has no push service to subscribe with; this stands in for the browser's
  // half only: what the app sends the server is the real code path.
  const subscription = %s;
  let current = null;
  PushManager.prototype.subscribe = async function (options) {
    window.__subscribeOptions = { userVisibleOnly: options.userVisibleOnly,
      key: Array.from(new Uint8Array(options.applicationServerKey)) };
    current = { endpoint: subscription.endpoint, toJSON: () => subscription,
                unsubscribe: async () => { current = null; return true; } };
    return current;
  };
  PushManager.prototype.getSubscription = async function () { return current; };
})();
"""


def test_push_switch_subscribes_and_the_server_pushes_to_it(seeded, browser):
    with FakePushService() as push:
        settle_alerts(seeded)
        page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers", permissions=["notifications"],
                       init_script=FAKE_PUSH_MANAGER % json.dumps(push.subscription()))
        page.locator("tbody tr td:first-child a").first.wait_for()
        page.get_by_role("link", name="הגדרות").click()  # the switch lives on the settings page
        page.wait_for_url("**/settings")
        switch = page.get_by_role("switch", name="התראות דחיפה כשהלשונית סגורה")
        expect(switch).to_be_enabled()
        expect(switch).not_to_be_checked()
        switch.click()
        expect(switch).to_be_checked()
        options = page.evaluate("window.__subscribeOptions")
        padded = VAPID_PUBLIC + "=" * (-len(VAPID_PUBLIC) % 4)
        assert options == {"userVisibleOnly": True, "key": list(base64.urlsafe_b64decode(padded))}
        stored = seeded.api("GET", "/api/push/subscriptions")["results"]
        assert [s["endpoint"] for s in stored] == [push.subscription()["endpoint"]]

        task = due_task(seeded, "להחזיר לדנה שיחה", 0.3)
        assert push.message_seen.wait(15), seeded.live.log("server")
        message = next(m for m in push.messages if m.get("task_id") == task["id"])
        assert message["url"] == f"/crm/customers/{seeded.ids['customer_id']}"
        assert message["body"] == "להחזיר לדנה שיחה"
        page.get_by_role("alertdialog").get_by_role("button", name="בוצע").click()  # the same task, on the socket
        expect(page.get_by_role("alertdialog")).to_have_count(0)

        switch.click()
        expect(switch).not_to_be_checked()
        wait_until(lambda: seeded.api("GET", "/api/push/subscriptions")["total"] == 0, what="the DELETE")
        page.context.close()


def test_service_worker_shows_a_pushed_notification(seeded, browser):
    settle_alerts(seeded)
    page = sign_in(browser, seeded, f"{seeded.base_url}/crm/customers", permissions=["notifications"])
    script = page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)")
    assert script.startswith(f"{seeded.base_url}/sw.js?v=")
    worker_source = page.evaluate("fetch('/sw.js').then(r => r.text())")
    assert "addEventListener(\"fetch\"" not in worker_source and "onfetch" not in worker_source

    cdp = page.context.new_cdp_session(page)
    registrations: list[dict] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    wait_until(lambda: page.evaluate("1") == 1 and registrations, what="the worker's registration over CDP")
    registration = next(r for r in registrations if not r["isDeleted"])
    url = f"/crm/customers/{seeded.ids['customer_id']}"
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": seeded.base_url, "registrationId": registration["registrationId"],
        "data": json.dumps({"title": "משימה לביצוע", "body": "להתקשר לדנה", "tag": "task-1", "url": url})})
    page.wait_for_function("navigator.serviceWorker.ready.then(r => r.getNotifications())"
                           ".then(n => n.length === 1)")
    shown = page.evaluate("navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.map(x => "
                          "({title: x.title, body: x.body, dir: x.dir, data: x.data})))")
    assert shown == [{"title": "משימה לביצוע", "body": "להתקשר לדנה", "dir": "rtl", "data": {"url": url}}]
    page.context.close()
