"""What the privacy tests store: a customer's calls with recordings on disk, WhatsApp messages
with media on disk, tasks, invoices and contracts, each at a chosen time."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from server.calls.models import Call
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from server.invoices.models import Invoice
from server.messages.models import Message
from server.tasks.models import Task
from tests.conftest import ROOT

AUDIO = (ROOT / "server/static/voice_responses/welcome.mp3").read_bytes()
IMAGE = b"\xff\xd8\xff\xe0 a JPEG, as far as these tests care"
PDF_DOC = b"%PDF-1.4 a document"
_serial = itertools.count(1)


def _sid(prefix: str) -> str:
    return f"{prefix}{next(_serial):032x}"


def _write(media_root: Path, relative: str, data: bytes) -> None:
    path = media_root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


async def recorded_call(business, media_root: Path, *, started_at: datetime, customer: Customer | None = None,
                        transcript: str = "שלום, רציתי לשאול על הדירה ברחוב הרצל", direction: str = "inbound",
                        audio: bytes = AUDIO) -> Call:
    """A finished call whose recording is stored and transcribed."""
    recording_sid = _sid("RE")
    relative = f"recordings/{business.id}/{recording_sid}.mp3"
    _write(media_root, relative, audio)
    return await Call.create(business=business, customer=customer, call_sid=_sid("CA"), direction=direction,
                             status="completed", from_number="+972541234567", to_number="+97235550100",
                             started_at=started_at, duration=42, recording_sid=recording_sid,
                             recording_remote_url="https://api.twilio.com/x", recording_duration=40,
                             recording_path=relative, transcript=transcript, transcript_status="done",
                             notes="ביקשה שנחזור אליה אחרי 17:00")


async def message_with_media(business, media_root: Path, *, created_at: datetime, customer: Customer | None = None,
                             body: str = "הנה התמונות של הדירה") -> Message:
    """An inbound WhatsApp message with two stored attachments (an image and a PDF) and one refused."""
    sid = _sid("MM")
    media = []
    for number, (kind, extension, data) in enumerate((("image/jpeg", ".jpg", IMAGE),
                                                      ("application/pdf", ".pdf", PDF_DOC)), start=1):
        relative = f"whatsapp/{business.id}/{sid}-{number}{extension}"
        _write(media_root, relative, data)
        media.append({"content_type": kind, "remote_url": "https://api.twilio.com/m", "path": relative,
                      "size": len(data), "status": "stored"})
    media.append({"content_type": "application/zip", "remote_url": "https://api.twilio.com/z", "path": None,
                  "size": None, "status": "refused"})
    message = await Message.create(business=business, customer=customer, message_sid=sid, direction="inbound",
                                   body=body, media=media, sender_id="+972541234567", profile_name="דנה")
    await Message.filter(id=message.id).update(created_at=created_at)  # auto_now_add set it to now
    return await Message.get(id=message.id)


async def text_message(business, *, created_at: datetime, customer: Customer | None = None,
                       direction: str = "outbound", body: str = "נשמח לעזור, דנה") -> Message:
    message = await Message.create(business=business, customer=customer, message_sid=_sid("SM"), direction=direction,
                                   body=body, status="delivered", content_sid="HX" + "1" * 32,
                                   content_variables={"1": "דנה"})
    await Message.filter(id=message.id).update(created_at=created_at)
    return await Message.get(id=message.id)


async def invoice_for(business, customer: Customer, *, created_at: datetime, number: int = 1) -> Invoice:
    invoice = await Invoice.create(business=business, customer=customer, number=number,
                                   lines=[{"description": "תיווך", "quantity": "1", "unit_price": "1000"}],
                                   subtotal=Decimal(1000), vat_rate=Decimal(18), vat=Decimal(180),
                                   total=Decimal(1180), status="issued", issued_at=created_at,
                                   buyer_name=customer.name, notes="תשלום בהעברה")
    await Invoice.filter(id=invoice.id).update(created_at=created_at)
    return await Invoice.get(id=invoice.id)


async def contract_for(business, customer: Customer, *, created_at: datetime, signed: bool) -> Contract:
    contract = await Contract.create(business=business, customer=customer, title="הסכם תיווך",
                                     body="הלקוחה דנה מתחייבת לשלם דמי תיווך", sign_token=_sid("t"),
                                     status="signed" if signed else "sent", sent_at=created_at,
                                     signed_at=created_at + timedelta(hours=1) if signed else None)
    await Contract.filter(id=contract.id).update(created_at=created_at)
    if signed:
        await Signature.create(business=business, contract=contract, signer_name="דנה לוי",
                               signed_at=created_at + timedelta(hours=1), ip="10.0.0.7",
                               document_sha256="a" * 64, image_path=f"signatures/{contract.id}.png")
    return await Contract.get(id=contract.id)


async def task_for(business, customer: Customer, assignee, *, due_at: datetime) -> Task:
    return await Task.create(business=business, customer=customer, assignee=assignee, title="להתקשר לדנה לוי",
                             notes="היא מעדיפה וואטסאפ", due_at=due_at)


def now() -> datetime:
    return datetime.now(UTC)


async def customer_dana(business) -> Customer:
    return await Customer.create(business=business, name="דנה לוי", phone="+972541234567", email="dana@example.com",
                                 address="ויצמן 8, תל אביב", tax_id="039337423", notes="מעדיפה שיחות בערב")


async def history(business, media_root: Path, dana: Customer, user) -> dict:
    """Dana's history: a recorded call, a message with media and a text, a task, an invoice, a
    signed and an unsigned contract; and another customer's call, which is not hers."""
    made = {
        "call": await recorded_call(business, media_root, customer=dana, started_at=now() - timedelta(days=3)),
        "message": await message_with_media(business, media_root, customer=dana, created_at=now() - timedelta(days=2)),
        "text": await text_message(business, customer=dana, created_at=now() - timedelta(days=1)),
        "task": await task_for(business, dana, user, due_at=now() + timedelta(days=1)),
        "invoice": await invoice_for(business, dana, created_at=now() - timedelta(days=5)),
        "signed": await contract_for(business, dana, created_at=now() - timedelta(days=10), signed=True),
        "unsigned": await contract_for(business, dana, created_at=now() - timedelta(days=4), signed=False),
    }
    other = await Customer.create(business=business, name="יוסי כהן", phone="+972527654321")
    made["not_hers"] = await recorded_call(business, media_root, customer=other, started_at=now(), audio=b"ID3 other")
    return made
