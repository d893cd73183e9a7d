"""The profile dialog (the agent's own name, click-to-call phone and password), its admin tab
(users and the business's numbers), the main window's "הפרופיל שלי" action, and the card's
offer of the profile when a call fails for want of the agent's phone: real widgets against
the live server."""

from __future__ import annotations

import itertools

import httpx
import pytest

from desktop.api import Api, Session
from desktop.display import ltr
from desktop.views import main_window as main_window_module
from desktop.views.main_window import MainWindow
from desktop.views.profile import ProfileDialog
from server.auth.service import create_user
from server.businesses.service import create_business
from tests.conftest import BUSINESS_PHONE, PASSWORD

TIMEOUT = 15_000
SERIAL = itertools.count()
NEW_PASSWORD = "a-brand-new-passphrase"


ADMIN = "profile-admin@example.com"


@pytest.fixture(scope="module")
def admin_http(live_server):
    """The admin of a business of its own: the seeded business keeps its users and customers as
    other test files count them."""
    async def make() -> None:
        business = await create_business(name="משרד פרופילים", phone="+97235562000")
        await create_user(business_id=business.id, email=ADMIN, password=PASSWORD, role="admin")

    live_server.run(make)
    token = live_server.login(ADMIN, PASSWORD)["access_token"]
    with httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"},
                      timeout=10) as client:
        yield client


@pytest.fixture
def agent(admin_http) -> dict:
    """An agent of `admin_http`'s business, with no phone yet."""
    number = next(SERIAL)
    response = admin_http.post("/api/crm/users", json={"email": f"profile-agent{number}@example.com",
                                                       "password": PASSWORD, "name": "רון הסוכן", "role": "agent"})
    assert response.status_code == 201, response.text
    return response.json()


def client_of(live_server, email: str, password: str = PASSWORD) -> Api:
    client = Api(live_server.base_url)
    client.login(email, password)
    return client


@pytest.fixture
def agent_api(live_server, agent):
    client = client_of(live_server, agent["email"])
    yield client
    client.close()


def me(live_server, email: str, password: str = PASSWORD) -> dict:
    token = live_server.login(email, password)["access_token"]
    return httpx.get(f"{live_server.base_url}/auth/me", headers={"Authorization": f"Bearer {token}"}).json()["user"]


@pytest.fixture
def open_dialog(qtbot, tasks):
    def opener(api: Api, user: dict | None = None) -> ProfileDialog:
        dialog = ProfileDialog(api, tasks, user=user)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
            dialog.show()
        return dialog
    return opener


def save(qtbot, dialog: ProfileDialog, *, ok: bool = True):
    with qtbot.waitSignal(dialog.saved if ok else dialog.save_failed, timeout=TIMEOUT) as blocker:
        dialog.save_button.click()
    return blocker.args[0]


# -- the agent's own profile -------------------------------------------------------------

def test_an_agent_sets_their_phone_and_sees_it_in_national_form(qtbot, live_server, agent, agent_api, open_dialog):
    dialog = open_dialog(agent_api, {"id": agent["id"], "role": "agent"})
    assert dialog.tabs.count() == 1  # no users and numbers for an agent
    assert dialog.name.text() == "רון הסוכן" and dialog.phone.text() == ""
    assert agent["email"] in dialog.email.text()
    dialog.phone.setText("+972 54 123 4567")
    dialog.name.setText("רון לוי")
    user = save(qtbot, dialog)
    assert user["phone"] == "+972541234567" and dialog.phone.text() == "054-123-4567"
    assert "הפרטים נשמרו" in dialog.status.text() and "054-123-4567" in dialog.status.text()
    stored = me(live_server, agent["email"])
    assert (stored["phone"], stored["name"]) == ("+972541234567", "רון לוי")
    assert dialog.result_user["phone_display"] == "054-123-4567"


def test_a_bad_phone_is_said_in_hebrew_and_nothing_is_saved(qtbot, live_server, agent, agent_api, open_dialog):
    dialog = open_dialog(agent_api)
    dialog.phone.setText("12")
    dialog.name.setText("שם אחר")
    message = save(qtbot, dialog, ok=False)
    assert message == "מספר הטלפון אינו תקין. לדוגמה: 054-1234567."
    assert "דבר לא נשמר" in dialog.status.text() and "c62828" in dialog.phone.styleSheet()
    stored = me(live_server, agent["email"])
    assert (stored["phone"], stored["name"]) == ("", "רון הסוכן")


def test_a_password_change_needs_the_current_one_and_ends_other_sessions(qtbot, live_server, agent, agent_api,
                                                                        open_dialog):
    other = client_of(live_server, agent["email"])  # the agent's other computer
    dialog = open_dialog(agent_api)
    dialog.current_password.setText(PASSWORD)
    dialog.new_password.setText(NEW_PASSWORD)
    dialog.repeat_password.setText(NEW_PASSWORD + "x")
    assert save(qtbot, dialog, ok=False) == "הסיסמה החדשה והאימות שלה אינם זהים."  # refused before any request
    dialog.new_password.setText("short")
    dialog.repeat_password.setText("short")
    assert save(qtbot, dialog, ok=False) == "הסיסמה החדשה קצרה מדי: לפחות 10 תווים."

    dialog.current_password.setText("not-my-password")
    dialog.new_password.setText(NEW_PASSWORD)
    dialog.repeat_password.setText(NEW_PASSWORD)
    assert save(qtbot, dialog, ok=False) == "הסיסמה הנוכחית שגויה."
    assert other.get("/auth/me")["user"]["id"] == agent["id"]  # nothing ended

    dialog.current_password.setText(PASSWORD)
    save(qtbot, dialog)
    assert "הסיסמה הוחלפה" in dialog.status.text() and dialog.new_password.text() == ""
    assert agent_api.get("/auth/me")["user"]["id"] == agent["id"]  # this session goes on
    with pytest.raises(Exception) as ended:
        other.get("/auth/me")
    assert getattr(ended.value, "status", None) in (401, 403)
    other.close()
    assert me(live_server, agent["email"], NEW_PASSWORD)["id"] == agent["id"]


def test_the_toolbar_opens_the_profile_and_shows_the_new_name(qtbot, tasks, live_server, agent, agent_api,
                                                             monkeypatch):
    asked = []

    def ask(api, tasks, *, user=None, parent=None):
        asked.append(user)
        return {**user, "name": "רון המעודכן"}

    monkeypatch.setattr(main_window_module.ProfileDialog, "ask", ask)
    window = MainWindow(Session(api=agent_api, user=dict(agent)), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    action = window.profile_action
    assert action.text() == "הפרופיל שלי" and action in window.findChild(main_window_module.QToolBar).actions()
    action.trigger()
    assert asked[0]["id"] == agent["id"]
    assert window.user_label.text() == "רון המעודכן" and window.session.user["name"] == "רון המעודכן"


# -- Call without a phone -----------------------------------------------------------------

def test_a_call_without_the_agents_phone_offers_the_profile(qtbot, tasks, live_server, agent, agent_api, admin_http):
    customer = admin_http.post("/api/crm/customers", json={"name": "לקוח לשיחה", "status": "active",
                                                           "phone": f"058-73{next(SERIAL):05d}"}).json()
    window = MainWindow(Session(api=agent_api, user=dict(agent)), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    card = window.open_card(customer["id"])
    qtbot.waitUntil(lambda: card.overview.loaded_once, timeout=TIMEOUT)
    assert card.overview.profile_button.isHidden()
    with qtbot.waitSignal(card.own_phone_missing, timeout=TIMEOUT):
        card.call_action.trigger()
    assert "לא הוגדר מספר טלפון" in card.overview.notice.text() and "הפרופיל שלי" in card.overview.notice.text()
    assert card.overview.notice.property("role") == "error"
    assert card.overview.profile_button.isVisible()

    opened = []

    def ask(api, tasks, *, user=None, parent=None):
        opened.append(api)
        return {"phone": "+972541234567", "phone_display": "054-123-4567"}

    card.ask_profile = ask
    card.overview.profile_button.click()
    assert opened == [agent_api]
    assert card.overview.profile_button.isHidden() and "הטלפון שלך נשמר" in card.overview.notice.text()
    card.close()


# -- admins: users and numbers ------------------------------------------------------------

@pytest.fixture
def office(live_server):
    """A business of its own (its admin the only one), so the last-admin and last-number rules
    are this test's alone."""
    number = next(SERIAL)
    email = f"office-admin{number}@example.com"

    async def make() -> int:
        business = await create_business(name=f"משרד {number}", phone=f"+9723556{number + 3000:04d}")
        await create_user(business_id=business.id, email=email, password=PASSWORD, role="admin", name="מנהלת")
        return business.id

    live_server.run(make)
    client = client_of(live_server, email)
    yield client, email
    client.close()


class Answers:
    def __init__(self, answer: bool = True) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def __call__(self, parent, title, text, *, yes, no=None, danger=False) -> bool:
        self.asked.append(text)
        return self.answer


def wait_loaded(qtbot, panel, action):
    with qtbot.waitSignal(panel.loaded, timeout=TIMEOUT):
        action()


def test_an_admin_manages_users(qtbot, live_server, office, open_dialog):
    api, admin_email = office
    dialog = open_dialog(api)  # opened without the user: the admin tab comes with the profile
    panel = dialog.users
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "הפרופיל שלי", "משתמשים ומספרים", "פרטיות ושמירת מידע"]
    qtbot.waitUntil(lambda: panel.users.rowCount() == 1, timeout=TIMEOUT)
    panel.confirm = answers = Answers()

    panel.add_user_button.click()
    panel.new_name.setText("שירה החדשה")
    panel.new_email.setText("shira-new@example.com")
    panel.new_password.setText("short")
    panel.create_user_button.click()
    assert "קצרה מדי" in panel.status.text()
    panel.new_password.setText(PASSWORD)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.create_user_button.click()
    qtbot.waitUntil(lambda: panel.users.rowCount() == 2, timeout=TIMEOUT)
    shira = me(live_server, "shira-new@example.com")
    assert shira["role"] == "agent" and shira["name"] == "שירה החדשה"

    qtbot.waitUntil(lambda: panel.select_user(shira["id"]), timeout=TIMEOUT)
    assert panel.role_button.text() == "הפיכה למנהל/ת"
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.role_button.click()
    assert me(live_server, "shira-new@example.com")["role"] == "admin"

    qtbot.waitUntil(lambda: panel.select_user(shira["id"]) and panel.active_button.text() == "השבתה", timeout=TIMEOUT)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.active_button.click()
    assert "יתנתק" in answers.asked[-1]
    refused = httpx.post(f"{live_server.base_url}/auth/login",
                         json={"email": "shira-new@example.com", "password": PASSWORD})
    assert refused.status_code == 401
    qtbot.waitUntil(lambda: panel.select_user(shira["id"]) and panel.active_button.text() == "הפעלה מחדש",
                    timeout=TIMEOUT)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.active_button.click()

    panel.ask_password = lambda parent, title, text: NEW_PASSWORD
    qtbot.waitUntil(lambda: panel.select_user(shira["id"]), timeout=TIMEOUT)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.password_button.click()
    assert "אופסה" in panel.status.text()
    assert me(live_server, "shira-new@example.com", NEW_PASSWORD)["id"] == shira["id"]  # the new password works


def test_the_last_admin_is_kept_and_said_in_hebrew(qtbot, live_server, office, open_dialog):
    api, admin_email = office
    dialog = open_dialog(api)
    panel = dialog.users
    qtbot.waitUntil(lambda: panel.users.rowCount() == 1, timeout=TIMEOUT)
    panel.confirm = Answers()
    panel.users.setCurrentCell(0, 0)
    panel.role_button.click()
    qtbot.waitUntil(lambda: "לפחות מנהל/ת פעיל/ה" in panel.status.text(), timeout=TIMEOUT)
    assert panel.status.property("role") == "error"
    assert me(live_server, admin_email)["role"] == "admin"
    panel.active_button.click()  # disabling oneself is refused here, before any request
    assert panel.status.text().startswith("אי אפשר להשבית את המשתמש שלך")
    assert [u["is_active"] for u in api.get("/api/crm/users")["results"]] == [True]


def test_an_admin_manages_the_business_numbers(qtbot, live_server, office, open_dialog):
    api, _ = office
    dialog = open_dialog(api)
    panel = dialog.users
    qtbot.waitUntil(lambda: panel.numbers.rowCount() == 1, timeout=TIMEOUT)
    panel.confirm = answers = Answers()

    panel.number_input.setText(BUSINESS_PHONE)  # the seeded business's number, another business's here
    panel.add_number_button.click()
    qtbot.waitUntil(lambda: panel.status.text() == "המספר הזה כבר שייך לעסק אחר במערכת.", timeout=TIMEOUT)
    panel.number_input.setText("not a number")
    panel.add_number_button.click()
    qtbot.waitUntil(lambda: panel.status.text().startswith("זה אינו מספר טלפון"), timeout=TIMEOUT)

    panel.number_input.setText("03-5559876")
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.add_number_button.click()
    qtbot.waitUntil(lambda: panel.numbers.rowCount() == 2, timeout=TIMEOUT)
    listed = api.get("/api/business/numbers")["results"]
    assert [n["number"] for n in listed][-1] == "+97235559876"
    assert ltr("03-555-9876") in [panel.numbers.item(r, 0).text() for r in range(2)]

    panel.numbers.setCurrentCell(0, 0)
    with qtbot.waitSignal(panel.changed, timeout=TIMEOUT):
        panel.remove_number_button.click()
    assert "לא יגיעו עוד" in answers.asked[-1]
    qtbot.waitUntil(lambda: panel.numbers.rowCount() == 1, timeout=TIMEOUT)
    panel.numbers.setCurrentCell(0, 0)
    panel.remove_number_button.click()
    qtbot.waitUntil(lambda: "המספר האחרון של העסק" in panel.status.text(), timeout=TIMEOUT)
    assert [n["number"] for n in api.get("/api/business/numbers")["results"]] == ["+97235559876"]
