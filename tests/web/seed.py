"""What the web card tests need that no API creates, written before the server starts
(`Live.run`): the business (its Twilio number is the WhatsApp sender), an admin, two
customers, a call with a stored recording and a Hebrew transcript, and a WhatsApp
conversation (inbound inside the 24-hour window, one with a photo; outbound read). Invoices,
contracts and tasks go through the API in the tests."""

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PIL import Image

from server.auth.service import create_user
from server.businesses.service import create_business
from server.calls.models import Call
from server.calls.recordings import recording_file
from server.customers.models import Customer
from server.messages.models import Message
from tests.conftest import BUSINESS_PHONE, PASSWORD, ROOT

EMAIL = "card@example.com"
TRANSCRIPT = "שלום, מדברת דנה. אני מחפשת דירת שלושה חדרים בתל אביב, תחזרו אליי בבקשה."
INBOUND = 22  # more than a timeline page (20), so "load more" has something to load


async def seed(media_root: Path) -> dict:
    """The ids of what it made."""
    business = await create_business(name="משרד הדגמה", phone=BUSINESS_PHONE)
    user = await create_user(business_id=business.id, email=EMAIL, password=PASSWORD, role="admin")
    now = datetime.now(UTC).replace(microsecond=0)
    dana = await Customer.create(business_id=business.id, name="דנה כהן", phone="+972541234567",
                                 email="dana@example.com", status="lead", address="הרצל 12, תל אביב",
                                 last_contact_at=now)
    quiet = await Customer.create(business_id=business.id, name="יוסי שקט", phone="+972529876543", status="lead")
    call = Call(business_id=business.id, customer_id=dana.id, call_sid="CA" + "ab" * 16, direction="inbound",
                status="completed", from_number=dana.phone, to_number=BUSINESS_PHONE,
                started_at=now - timedelta(hours=3), duration=42, recording_sid="RE" + "ab" * 16,
                recording_duration=4, transcript=TRANSCRIPT, transcript_status="done")
    call.business_id = business.id
    target = media_root / recording_file(call)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "server/static/voice_responses/welcome.mp3", target)
    call.recording_path = str(recording_file(call))
    await call.save()
    photo = Path("whatsapp") / str(business.id) / "dira.png"
    (media_root / photo).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (120, 80), (40, 120, 200)).save(media_root / photo)
    for k in range(INBOUND):
        last = k == INBOUND - 1  # the newest inbound message carries a photo
        media = [{"content_type": "image/png", "path": str(photo), "size": 1, "status": "stored"}] if last else []
        await Message.create(business_id=business.id, customer_id=dana.id, direction="inbound",
                             body=f"הודעה מספר {k + 1} מדנה", status="received", sender_id=dana.phone,
                             message_sid=f"SMaa{k:030d}", media=media, created_at=now - timedelta(minutes=90 - k))
    await Message.create(business_id=business.id, customer_id=dana.id, direction="outbound",
                         body="שלום דנה, נחזור אלייך היום", status="read", sender_id=dana.phone,
                         message_sid="SM" + "f" * 32, sent_by_id=user.id, created_at=now - timedelta(minutes=30))
    return {"business_id": business.id, "user_id": user.id, "customer_id": dana.id, "quiet_id": quiet.id,
            "call_id": call.id}
