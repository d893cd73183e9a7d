"""Privacy on the desktop (contract 19), the real widgets against the session's live server: the
customer's tax id, an erased customer's card, the admins' export-all and erasure, the privacy
settings tab, and what an agent's role lets them do (the CSV button, the recording player),
purged recordings and media."""

from __future__ import annotations

import itertools
import shutil
import zipfile
from datetime import UTC, datetime
from types import SimpleNamespace

import httpx
import pytest
from PySide6.QtWidgets import QFormLayout

from desktop.api import Api, Session
from desktop.views.card import CustomerCard
from desktop.views.main_window import MainWindow
from desktop.views.privacy_settings import PrivacyPanel
from desktop.widgets.bubble import ChatBubble
from desktop.widgets.player import AudioPlayer
from server.calls.models import Call
from server.calls.recordings import recording_file
from server.customers.models import Customer
from tests.conftest import PASSWORD, ROOT
from tests.desktop.confirmations import Answers

ADMIN, AGENT = "privacy-admin@example.com", "privacy-agent@example.com"
TIMEOUT = 15_000
PHONES = itertools.count()
VALID_TAX_ID = "516179157"
PURGED = "ההקלטה והתמלול נמחקו לפי מדיניות שמירת המידע"


@pytest.fixture(scope="module")
def shop(live_server):
    """A business of its own (the seeded one keeps its customers for the other files' counts)."""
    [business_id] = live_server.seed({"name": "משרד הפרטיות", "phone": "+97235550201", "users": [
        {"email": ADMIN, "password": PASSWORD, "role": "admin", "name": "מנהלת הפרטיות"},
        {"email": AGENT, "password": PASSWORD, "role": "agent", "name": "סוכן הפרטיות"}]})
    token = live_server.login(ADMIN, PASSWORD)["access_token"]
    client = httpx.Client(base_url=live_server.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10)
    yield SimpleNamespace(live=live_server, client=client, business_id=business_id)
    client.close()


def session_of(shop, email: str) -> tuple[Api, dict]:
    api = Api(shop.live.base_url)
    return api, api.login(email, PASSWORD)


@pytest.fixture
def admin(shop):
    api, user = session_of(shop, ADMIN)
    yield SimpleNamespace(api=api, user=user)
    api.close()


@pytest.fixture
def agent(shop):
    api, user = session_of(shop, AGENT)
    yield SimpleNamespace(api=api, user=user)
    api.close()


@pytest.fixture
def customer(shop) -> dict:
    response = shop.client.post("/api/crm/customers", json={
        "name": "רחל פרטי", "phone": f"058-72{next(PHONES):05d}", "email": "rachel@example.co.il"})
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def open_card(qtbot, tasks):
    def opener(who, customer_id: int) -> CustomerCard:
        card = CustomerCard(who.api, tasks, customer_id, user=who.user)
        qtbot.addWidget(card)
        card.show()
        qtbot.waitUntil(lambda: all(tab.loaded_once for tab in card.all_tabs), timeout=TIMEOUT)
        return card
    return opener


def stored(shop, customer: dict) -> dict:
    return shop.client.get(f"/api/crm/customers/{customer['id']}").json()


# -- the tax id --------------------------------------------------------------------------
def test_the_tax_id_is_saved_and_a_wrong_one_is_refused_in_hebrew(qtbot, shop, admin, customer, open_card):
    card = open_card(admin, customer["id"])
    overview = card.overview
    form = overview.body.findChild(QFormLayout)
    assert form.labelForField(overview.tax_id).text() == "ח.פ. / ע.מ."

    overview.set_editing(True)
    overview.tax_id.setText("123456789")  # nine digits, a wrong check digit
    overview.save_button.click()
    qtbot.waitUntil(lambda: "ח.פ. / ע.מ." in overview.notice.text(), timeout=TIMEOUT)
    assert overview.notice.text() == "מספר ח.פ. / ע.מ. אינו תקין: 9 ספרות, האחרונה ספרת ביקורת. דבר לא נשמר."
    assert "c62828" in overview.tax_id.styleSheet() and overview.editing
    assert stored(shop, customer)["tax_id"] == ""

    overview.tax_id.setText("51-617915-7")  # as people type it
    overview.save_button.click()
    qtbot.waitUntil(lambda: not overview.editing, timeout=TIMEOUT)
    assert stored(shop, customer)["tax_id"] == VALID_TAX_ID
    assert overview.tax_id.text() == VALID_TAX_ID and overview.tax_id.isReadOnly()


# -- erased ------------------------------------------------------------------------------
def erase_in_database(shop, customer_id: int) -> None:
    async def erase() -> None:
        await Customer.filter(id=customer_id).update(name="לקוח שנמחק", phone=None, email=None,
                                                     erased_at=datetime.now(UTC))
    shop.live.run(erase)


def test_an_erased_customers_card_says_so_and_offers_no_editing(shop, admin, customer, open_card):
    erase_in_database(shop, customer["id"])
    card = open_card(admin, customer["id"])
    notice = card.overview.erased_notice
    assert notice.isVisibleTo(card) and notice.text().startswith("המידע האישי של הלקוח נמחק")
    assert not card.overview.edit_button.isEnabled()
    assert card.privacy is not None and not card.privacy.erase_button.isEnabled()


def test_a_customer_not_erased_shows_no_notice(shop, admin, customer, open_card):
    card = open_card(admin, customer["id"])
    assert not card.overview.erased_notice.isVisibleTo(card)
    assert card.overview.edit_button.isEnabled()


# -- the admins' actions -------------------------------------------------------------------
def test_only_admins_see_the_privacy_actions(shop, admin, agent, customer, open_card):
    admins = open_card(admin, customer["id"])
    assert admins.privacy.export_button.text() == "ייצוא כל המידע"
    assert admins.privacy.erase_button.text() == "מחיקת מידע אישי"
    assert admins.privacy.export_button.isVisibleTo(admins)
    agents = open_card(agent, customer["id"])
    assert agents.privacy is None
    assert not [b for b in agents.overview.findChildren(type(admins.privacy.erase_button))
                if b.text() in ("ייצוא כל המידע", "מחיקת מידע אישי")]


def test_erasing_asks_what_goes_and_what_the_law_keeps_and_a_no_changes_nothing(qtbot, shop, admin, customer,
                                                                                open_card):
    card = open_card(admin, customer["id"])
    card.privacy.confirm = answers = Answers(answer=False)
    card.privacy.erase_button.click()
    [question] = answers.asked
    assert question["danger"] and question["yes"] == "מחיקת המידע האישי"
    assert "רחל פרטי" in question["text"] and "יימחקו:" in question["text"]
    assert "יישמרו, כפי שמחייב החוק: החשבוניות" in question["text"]
    assert stored(shop, customer)["erased_at"] is None


def test_erasing_on_the_server_shows_the_erased_card(qtbot, shop, admin, customer, open_card):
    card = open_card(admin, customer["id"])
    card.privacy.confirm = Answers()
    with qtbot.waitSignal(card.privacy.erased, timeout=TIMEOUT):
        card.privacy.erase_button.click()
    after = stored(shop, customer)
    assert after["erased_at"] and after["name"] == "לקוח שנמחק" and after["phone"] is None
    assert card.overview.erased_notice.isVisibleTo(card)
    assert card.overview.notice.text() == "המידע האישי של הלקוח נמחק. החשבוניות והחוזים החתומים נשמרו."
    assert not card.privacy.erase_button.isEnabled()


def test_export_all_writes_the_zip_off_the_ui_thread(qtbot, shop, admin, customer, open_card, tmp_path):
    card = open_card(admin, customer["id"])
    target = tmp_path / "לקוח.zip"
    card.privacy.ask_path = lambda _parent, _id: target
    with qtbot.waitSignal(card.privacy.exported, timeout=30_000) as written:
        card.privacy.export_button.click()
        assert not card.privacy.export_button.isEnabled()  # the download runs on the pool
    assert written.args == [str(target)]
    with zipfile.ZipFile(target) as archive:
        assert {"summary.pdf", "customer.json"} <= set(archive.namelist())
    assert not (tmp_path / "לקוח.zip.part").exists()
    assert str(target) in card.overview.notice.text() and card.privacy.export_button.isEnabled()


def test_a_refused_export_says_why_and_leaves_no_file(qtbot, shop, agent, customer, tasks, tmp_path):
    """An agent's card has no export button; driven anyway, the server's 403 is told in Hebrew."""
    from desktop.views.card.privacy import PrivacyActions

    card = CustomerCard(agent.api, tasks, customer["id"], user=agent.user)
    qtbot.addWidget(card)
    actions = PrivacyActions(card.overview)
    target = tmp_path / "x.zip"
    actions.start_export(path=target)
    qtbot.waitUntil(lambda: actions.export is None, timeout=TIMEOUT)
    assert card.overview.notice.text().startswith("הייצוא נכשל: ")
    assert not any(ch.isascii() and ch.isalpha() for ch in card.overview.notice.text())
    assert not target.exists() and not (tmp_path / "x.zip.part").exists()


# -- the privacy settings ------------------------------------------------------------------
@pytest.fixture
def panel(qtbot, shop, admin, tasks):
    panel = PrivacyPanel(admin.api, tasks)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.business is not None, timeout=TIMEOUT)
    return panel


def business(shop) -> dict:
    return shop.client.get("/api/business").json()


def test_the_privacy_settings_show_and_save_with_one_patch(qtbot, shop, panel):
    now = business(shop)
    assert panel.retention.value() == now["retention_months"]
    assert panel.notice.isChecked() == now["recording_notice"]
    assert panel.notice_text.toPlainText() == now["recording_notice_text"]
    assert now["tax_authority"] == {"configured": False, "source": None}  # none on the test server
    assert panel.tax_authority.text().startswith("לא הוגדרו פרטי התחברות לרשות המסים")
    panel.retention.setValue(36)
    panel.can_export.setChecked(not now["agents_can_export"])
    assert panel.changes() == {"retention_months": 36, "agents_can_export": not now["agents_can_export"]}
    with qtbot.waitSignal(panel.saved, timeout=TIMEOUT):
        panel.save_button.click()
    after = business(shop)
    assert after["retention_months"] == 36 and after["agents_can_export"] is (not now["agents_can_export"])
    assert panel.status.text() == "ההגדרות נשמרו." and panel.changes() == {}
    shop.client.patch("/api/business", json={"agents_can_export": now["agents_can_export"],
                                              "retention_months": now["retention_months"]})


def test_turning_the_notice_off_is_asked_first(qtbot, shop, panel):
    assert panel.notice.isChecked()
    panel.confirm = answers = Answers(answer=False)
    panel.notice.click()
    assert panel.notice.isChecked() and answers.asked[0]["danger"]
    assert "חוק הגנת הפרטיות" in answers.asked[0]["text"]
    panel.confirm = Answers(answer=True)
    panel.notice.click()
    assert not panel.notice.isChecked() and panel.changes() == {"recording_notice": False}
    with qtbot.waitSignal(panel.saved, timeout=TIMEOUT):
        panel.save_button.click()
    assert business(shop)["recording_notice"] is False
    assert shop.client.patch("/api/business", json={"recording_notice": True}).status_code == 200


def test_a_retention_out_of_range_is_refused_in_hebrew(qtbot, shop, panel, monkeypatch):
    monkeypatch.setattr(panel, "changes", lambda: {"retention_months": 500})  # past the spin box's range
    panel.save_button.click()
    qtbot.waitUntil(lambda: panel.status.text().endswith("דבר לא נשמר."), timeout=TIMEOUT)
    assert panel.status.text().startswith("תקופת השמירה חייבת להיות בין חודש אחד ל-120 חודשים.")


def test_the_notices_own_wording_is_saved_and_put_back_to_the_default(qtbot, shop, panel):
    wording = "שימו לב: ההודעה מוקלטת ונשמרת כדי שנחזור אליכם."
    panel.notice_text.setPlainText(wording)
    with qtbot.waitSignal(panel.saved, timeout=60_000):
        panel.text_button.click()
    assert business(shop)["recording_notice_text"] == wording and not business(shop)["recording_notice_default"]
    assert panel.notice_kind.text() == "נוסח של העסק" and panel.default_button.isEnabled()
    panel.default_button.click()
    qtbot.waitUntil(lambda: panel.notice_kind.text() == "הנוסח הרגיל", timeout=TIMEOUT)
    assert business(shop)["recording_notice_default"] is True


# -- what an agent may do ------------------------------------------------------------------
def test_the_csv_button_follows_can_export(qtbot, shop, agent, tasks):
    assert shop.client.patch("/api/business", json={"agents_can_export": False}).status_code == 200
    window = MainWindow(Session(api=agent.api, user=dict(agent.user)), tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "can_export" in window.session.user, timeout=TIMEOUT)
    assert not window.exporter.button.isVisibleTo(window)
    assert window.audit_action is None  # the audit log is the admins'

    assert shop.client.patch("/api/business", json={"agents_can_export": True}).status_code == 200
    window.session.user.pop("can_export")
    window.load_permissions()
    qtbot.waitUntil(lambda: "can_export" in window.session.user, timeout=TIMEOUT)
    assert window.exporter.button.isVisibleTo(window)
    assert shop.client.patch("/api/business", json={"agents_can_export": False}).status_code == 200
    window.alerts.stop()
    window.presence.stop()


def test_an_export_the_role_may_not_do_is_refused_in_hebrew(qtbot, shop, agent, tasks, tmp_path):
    from desktop.export import CsvExport

    assert shop.client.patch("/api/business", json={"agents_can_export": False}).status_code == 200
    export = CsvExport(agent.api, tasks, tmp_path / "c.csv", {})
    with qtbot.waitSignal(export.failed, timeout=TIMEOUT) as failed:
        export.start()
    assert failed.args == ["אין לך הרשאה לייצא נתונים. מנהל/ת המשרד יכולים לאפשר זאת בהגדרות הפרטיות."]


def make_call(shop, customer_id: int, *, purged: bool) -> int:
    """A call of the customer's, in the server's database: purged, or with its recording (the
    server's own welcome.mp3, as tests/desktop/card_seed.py does)."""
    async def make() -> int:
        customer = await Customer.get(id=customer_id)
        now = datetime.now(UTC)
        call = Call(business_id=customer.business_id, customer_id=customer.id, direction="inbound",
                    call_sid=f"CA{customer.id:016x}{int(purged):016x}", status="completed",
                    from_number=customer.phone or "", to_number="+97235550201", started_at=now, created_at=now,
                    duration=30, transcript_status="purged" if purged else "none", purged_at=now if purged else None)
        if not purged:
            call.recording_sid = f"RE{customer.id:032x}"
            relative = recording_file(call)
            (shop.live.media_root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / "server" / "static" / "voice_responses" / "welcome.mp3",
                            shop.live.media_root / relative)
            call.recording_path = str(relative)
        await call.save()
        return call.id

    return shop.live.run(make)


def test_a_purged_call_shows_why_instead_of_a_player(shop, admin, customer, open_card):
    make_call(shop, customer["id"], purged=True)
    card = open_card(admin, customer["id"])
    [row] = card.calls.rows.values()
    assert row.player is None
    assert not row.purged.isHidden() and row.purged.text() == PURGED  # (on a tab not shown)
    assert row.transcript_label.isHidden()


def test_an_agent_who_may_not_listen_gets_no_player(shop, agent, customer, open_card):
    make_call(shop, customer["id"], purged=False)
    agent.user["can_listen"] = False  # as /auth/me says once the admins turned listening off
    card = open_card(agent, customer["id"])
    [row] = card.calls.rows.values()
    assert row.player is None and not row.not_allowed.isHidden()
    assert row.not_allowed.text() == "אין לך הרשאה להאזין להקלטות"


def test_a_player_refused_by_the_role_says_so(qtbot, tasks):
    """The player's side of 403 forbidden_listen (the route's side: the next test)."""
    from desktop.api import ApiError

    def refused():
        raise ApiError("אין לך הרשאה להאזין להקלטות", status=403, code="forbidden_listen")

    player = AudioPlayer(tasks, refused)
    qtbot.addWidget(player)
    with qtbot.waitSignal(player.failed, timeout=TIMEOUT):
        player.button.click()
    assert player.status.text() == "אין לך הרשאה להאזין להקלטות" and not player.button.isEnabled()


def test_an_agent_who_may_not_listen_is_told_so_by_the_server(qtbot, shop, agent, customer, tasks):
    from desktop.views.card.base import download

    call_id = make_call(shop, customer["id"], purged=False)
    assert shop.client.patch("/api/business", json={"agents_can_listen": False}).status_code == 200
    try:
        player = AudioPlayer(tasks, lambda: download(agent.api, f"/api/crm/calls/{call_id}/recording", "r.mp3"))
        qtbot.addWidget(player)
        with qtbot.waitSignal(player.failed, timeout=TIMEOUT):
            player.button.click()
        assert player.status.text() == "אין לך הרשאה להאזין להקלטות"
    finally:
        shop.client.patch("/api/business", json={"agents_can_listen": True})


def test_purged_media_are_shown_as_deleted(qtbot, app):
    message = {"id": 1, "direction": "inbound", "body": "", "status": "received",
               "purged_at": "2026-12-01T10:00:00+00:00",
               "media": [{"content_type": "image/jpeg", "size": None, "status": "purged", "url": None}]}
    bubble = ChatBubble(message, when="01/12/2026 12:00")
    qtbot.addWidget(bubble)
    assert bubble.purged is not None and bubble.purged.text() == "הקבצים המצורפים נמחקו לפי מדיניות שמירת המידע"
    assert bubble.body.isHidden()
    kept = ChatBubble(dict(message, body="שלום", media=[], purged_at=None), when="")
    qtbot.addWidget(kept)
    assert kept.purged is None and not kept.body.isHidden()
