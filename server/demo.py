"""The demo business's content: what `python -m server.cli seed-demo` fills in once.

Deterministic (one seeded random), times relative to now so the demo always looks current:
two users, customers with Israeli names, numbers and addresses, calls of the last weeks (some
with a recording and a Hebrew transcript), tasks overdue, due soon and done, invoices numbered
through the invoices service and contracts through the contracts service (one signed).
"""

from __future__ import annotations

import io
import random
import shutil
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from PIL import Image, ImageDraw

from server.auth.service import create_user
from server.calls.models import Call
from server.calls.recordings import recording_file
from server.contracts import service as contracts
from server.customers.models import Customer
from server.invoices.schemas import InvoiceLine
from server.invoices.service import create_invoice, update_invoice
from server.names import CITIES, FIRST_NAMES, LAST_NAMES, STREETS
from server.tasks.models import Task

WELCOME = Path(__file__).parent / "static" / "voice_responses" / "welcome.mp3"
AGENT_EMAIL = "agent@agentlocator.test"
CUSTOMERS = 40
CALLS = 60
TASKS = 25
MAIL_DOMAINS = ("gmail.com", "walla.co.il", "yahoo.com", "outlook.co.il")
TRANSCRIPTS = (
    "שלום, מדבר {name}. ראיתי את המודעה על הדירה ברחוב {street} ורציתי לשאול אם היא עדיין פנויה. תחזרו אליי בבקשה.",
    "היי, זו {name}. רציתי לקבוע פגישה לשבוע הבא, עדיף בבוקר. תודה רבה.",
    "שלום, אני מתקשר לגבי החשבונית האחרונה. נראה לי שיש בה טעות בסכום. אשמח שמישהו יחזור אליי.",
    "ערב טוב, {name} מדבר. קיבלתי את החוזה, יש לי כמה שאלות לפני שאני חותם.",
    "שלום, רציתי לעדכן שהעברתי את התשלום היום בבוקר. תודה ויום טוב.",
    "היי, מתקשרת לברר מה קורה עם ההצעה ששלחתם. אני זמינה אחרי ארבע.",
)
TASK_TITLES = (
    "לחזור ל{name} לגבי ההצעה", "לשלוח ל{name} הצעת מחיר מעודכנת", "לתאם פגישה עם {name}",
    "לבדוק תשלום של {name}", "להכין חוזה ל{name}", "לשלוח ל{name} תזכורת על מסמכים",
)
SERVICES = (("ייעוץ ראשוני", 450), ("שעת עבודה", 320), ("דמי תיווך", 6500), ("ליווי משפטי", 2800),
            ("צילום נכס", 750), ("פרסום מודעה", 390))
CONTRACT_BODY = (
    "1. הסוכנות תספק ללקוח את השירותים המפורטים בהצעה.\n"
    "2. התמורה תשולם תוך 30 יום ממועד הוצאת החשבונית.\n"
    "3. כל צד רשאי לסיים את ההסכם בהודעה מראש של 30 יום.\n"
    "4. על הסכם זה יחולו דיני מדינת ישראל."
)


def _signature_png() -> bytes:
    image = Image.new("RGBA", (300, 100), (255, 255, 255, 0))
    ImageDraw.Draw(image).line([(20, 70), (60, 25), (95, 75), (140, 30), (185, 70), (230, 35), (280, 60)],
                               fill=(20, 20, 90, 255), width=4)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


async def fill(*, business_id: int, admin_id: int, password: str, media_root: Path, seed: int = 2026) -> dict:
    """Everything but the business and its admin; returns how many of each it made."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    agent = await create_user(business_id=business_id, email=AGENT_EMAIL, password=password, role="agent",
                              name="יוסי הסוכן")
    owners = [admin_id, agent.id]

    customers = []
    people = rng.sample([(f, last) for f in FIRST_NAMES for last in LAST_NAMES], CUSTOMERS)
    numbers = rng.sample(range(10**7), CUSTOMERS)
    for k, ((first, first_latin), (last, last_latin)) in enumerate(people):
        created = now - timedelta(days=rng.randrange(20, 400), minutes=rng.randrange(1440))
        customers.append(await Customer.create(
            business_id=business_id, name=f"{first} {last}",
            phone=f"+9725{rng.choice('023458')}{numbers[k]:07d}",
            email=f"{first_latin}.{last_latin}@{rng.choice(MAIL_DOMAINS)}" if rng.random() < 0.6 else None,
            status=rng.choice(("lead", "lead", "active", "active", "active", "inactive")),
            owner_id=rng.choice(owners), address=f"{rng.choice(STREETS)} {rng.randrange(1, 90)}, {rng.choice(CITIES)}",
            source=rng.choice(("call", "manual", "import")), created_at=created))

    recordings = 0
    for _ in range(CALLS):
        customer = rng.choice(customers)
        started = now - timedelta(days=rng.randrange(0, 28), hours=rng.randrange(8, 19), minutes=rng.randrange(60))
        answered = rng.random() < 0.75
        call = Call(business_id=business_id, customer_id=customer.id, call_sid=f"CA{rng.getrandbits(128):032x}",
                    direction="inbound", status="completed" if answered else "no-answer",
                    from_number=customer.phone, to_number="+97235550100", started_at=started,
                    duration=rng.randrange(15, 240) if answered else None, created_at=started)
        if answered and rng.random() < 0.6:
            call.recording_sid = f"RE{rng.getrandbits(128):032x}"
            call.recording_duration = call.duration
            relative = recording_file(call)
            (media_root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(WELCOME, media_root / relative)
            call.recording_path = str(relative)
            call.transcript = rng.choice(TRANSCRIPTS).format(name=customer.name, street=rng.choice(STREETS))
            call.transcript_status = "done"
            recordings += 1
        elif answered:
            call.transcript_status = "unavailable"
        await call.save()
        if customer.last_contact_at is None or started > customer.last_contact_at:
            customer.last_contact_at = started
    for customer in customers:
        if customer.last_contact_at:
            await Customer.filter(id=customer.id).update(last_contact_at=customer.last_contact_at)

    for k in range(TASKS):
        customer = rng.choice(customers)
        kind = ("overdue", "soon", "later", "done")[k % 4]
        due = {"overdue": now - timedelta(hours=rng.randrange(2, 96)),
               "soon": now + timedelta(minutes=rng.randrange(10, 240)),
               "later": now + timedelta(days=rng.randrange(1, 14)),
               "done": now - timedelta(days=rng.randrange(1, 20))}[kind]
        assignee = rng.choice(owners)
        await Task.create(business_id=business_id, customer_id=customer.id,
                          title=rng.choice(TASK_TITLES).format(name=customer.name), assignee_id=assignee,
                          created_by_id=admin_id, due_at=due, status="done" if kind == "done" else "open",
                          done_at=due + timedelta(hours=1) if kind == "done" else None,
                          notified_at=due if kind in ("overdue", "done") else None,
                          created_at=min(now, due) - timedelta(days=rng.randrange(1, 5)))

    invoice_statuses = ("paid", "paid", "issued", "issued", "draft", "draft", "cancelled", "paid")
    for status in invoice_statuses:
        customer = rng.choice([c for c in customers if c.status == "active"] or customers)
        lines = [InvoiceLine(description=name, quantity=Decimal(rng.randrange(1, 4)), unit_price=Decimal(price))
                 for name, price in rng.sample(SERVICES, rng.randrange(1, 4))]
        invoice = await create_invoice(business_id=business_id, customer_id=customer.id, lines=lines,
                                       notes="תודה שבחרתם בנו")
        steps = {"draft": [], "issued": ["issued"], "paid": ["issued", "paid"], "cancelled": ["issued", "cancelled"]}
        for step in steps[status]:
            await update_invoice(business_id=business_id, invoice_id=invoice.id, changes={"status": step})

    signed = contracts_made = 0
    for k, title in enumerate(("הסכם תיווך לדירה", "הסכם שירות שנתי", "הסכם ליווי משפטי", "הסכם בלעדיות")):
        customer = customers[k * 7]
        contract = await contracts.create_contract(business_id=business_id, customer_id=customer.id, title=title,
                                                   body=CONTRACT_BODY)
        contracts_made += 1
        if k == 0:
            continue  # stays a draft
        contract = await contracts.send_contract(business_id=business_id, contract_id=contract.id)
        if k == 3:
            await contracts.sign(contract=contract, name=customer.name, png=_signature_png(), ip="127.0.0.1",
                                 user_agent="seed-demo", media_root=media_root)
            signed += 1
    return {"users": 2, "customers": len(customers), "calls": CALLS, "recordings": recordings, "tasks": TASKS,
            "invoices": len(invoice_statuses), "contracts": contracts_made, "signed": signed}
