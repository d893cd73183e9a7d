"""One customer's card filled with everything it shows, against a live server (tests/e2e/live.py).

Invoices, contracts (one signed on the public signing page) and tasks go through the real
API. Calls with stored recordings and WhatsApp messages arrive in production through Twilio
webhooks and jobs; here they are written straight to the server's database (`Live.run`), the
recording being the server's own welcome.mp3, as server/demo.py does.
"""

from __future__ import annotations

import base64
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from server.calls.models import Call
from server.calls.recordings import recording_file
from server.customers.models import Customer
from server.demo import _signature_png
from server.messages.models import Message
from tests.conftest import ROOT
from tests.e2e.live import Live

TRANSCRIPT = "שלום, מדברת דנה. רציתי לשאול אם הדירה ברחוב הרצל עדיין פנויה. תחזרו אליי בבקשה."
CONTRACT = "1. הסוכנות תספק ללקוח את השירותים.\n2. התמורה תשולם תוך 30 יום."
CHAT = (  # (minutes ago, direction, body, status)
    (180, "inbound", "שלום, ראיתי את המודעה. אפשר פרטים?", "received"),
    (170, "outbound", "בשמחה! הדירה פנויה מהחודש הבא.", "read"),
    (160, "inbound", "מעולה, מתי אפשר לראות אותה?", "received"),
    (150, "outbound", "מחר בעשר מתאים?", "delivered"),
    (60, "outbound", "שלחתי את החוזה לחתימה.", "failed"),
)


async def _rows(spec: dict, media_root: Path) -> None:
    """Calls with recordings and WhatsApp messages, in the server's database."""
    now = datetime.now(UTC).replace(microsecond=0)
    customer = await Customer.get(id=spec["customer_id"])
    welcome = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
    calls = ((2, "completed", 34, "done"), (26, "completed", 71, "pending"), (50, "no-answer", None, "none"))
    for number, (hours, status, duration, transcript) in enumerate(calls):
        started = now - timedelta(hours=hours)
        call = Call(business_id=customer.business_id, customer_id=customer.id, call_sid=f"CA{number:032x}",
                    direction="inbound", status=status, from_number=customer.phone, to_number="+97235550100",
                    started_at=started, duration=duration, created_at=started, transcript_status=transcript)
        if duration:
            call.recording_sid = f"RE{customer.id:016x}{number:016x}"
            call.recording_duration = duration
            relative = recording_file(call)
            (media_root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(welcome, media_root / relative)
            call.recording_path = str(relative)
            call.transcript = TRANSCRIPT if transcript == "done" else None
        await call.save()
    for number, (minutes, direction, body, status) in enumerate(CHAT):
        at = now - timedelta(minutes=minutes)
        await Message.create(
            business_id=customer.business_id, customer_id=customer.id, direction=direction, body=body,
            status=status, message_sid=f"SM{customer.id:016x}{number:016x}", sender_id=customer.phone,
            error_code=63016 if status == "failed" else None, created_at=at, status_at=at,
            error_message="עברו יותר מ-24 שעות: אפשר לשלוח רק תבנית" if status == "failed" else None)
    if spec.get("stale_customer_id"):  # a customer who last wrote three days ago
        stale = await Customer.get(id=spec["stale_customer_id"])
        await Message.create(business_id=stale.business_id, customer_id=stale.id, direction="inbound",
                             body="תודה, אחזור אליכם", status="received", sender_id=stale.phone,
                             message_sid=f"SM{stale.id:032x}", created_at=now - timedelta(days=3))


def seed_card(live: Live, token: str, customer_id: int, *, stale_customer_id: int | None = None) -> dict:
    """Fill `customer_id`'s card; what was made (ids) for the tests to check against."""
    made: dict = {}
    with httpx.Client(base_url=live.base_url, headers={"Authorization": f"Bearer {token}"}, timeout=10) as api:
        def post(path: str, body: dict) -> dict:
            response = api.post(path, json=body)
            assert response.status_code in (200, 201), response.text
            return response.json()

        made["invoices"] = [
            post("/api/crm/invoices", {"customer_id": customer_id, "status": "issued", "lines": [
                {"description": "דמי תיווך", "quantity": "1", "unit_price": "6500"},
                {"description": "צילום נכס", "quantity": "2", "unit_price": "375.50"}]})["id"],
            post("/api/crm/invoices", {"customer_id": customer_id, "lines": [
                {"description": "ייעוץ ראשוני", "quantity": "1", "unit_price": "450"}]})["id"],
        ]
        contracts = [post("/api/crm/contracts", {"customer_id": customer_id, "title": title, "body": CONTRACT})
                     for title in ("הסכם תיווך לדירה", "הסכם בלעדיות", "הסכם שירות שנתי")]
        sent = [post(f"/api/crm/contracts/{c['id']}/send", {}) for c in contracts[1:]]
        signing = httpx.post(sent[1]["sign_url"], json={
            "name": "דנה כהן", "signature_png": "data:image/png;base64," + base64.b64encode(_signature_png()).decode()})
        assert signing.status_code in (200, 201), signing.text
        made["contracts"] = [c["id"] for c in contracts]
        made["sign_url"] = sent[0]["sign_url"]
        now = datetime.now(UTC)
        made["tasks"] = [post("/api/crm/tasks", {"title": title, "customer_id": customer_id,
                                                 "due_at": (now + timedelta(hours=hours)).isoformat()})["id"]
                         for title, hours in (("לחזור לדנה לגבי ההצעה", 3), ("לשלוח הצעת מחיר מעודכנת", 48),
                                              ("לבדוק תשלום", -5))]
        post(f"/api/crm/tasks/{made['tasks'][2]}/done", {})
    spec = {"customer_id": customer_id, "stale_customer_id": stale_customer_id}
    live.run(lambda: _rows(spec, live.media_root))
    return made
