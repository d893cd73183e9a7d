"""Render a sample customer export's summary.pdf and screenshot its first page.

    .venv/bin/python scripts/render_privacy_screenshots.py

Writes docs/screenshots/export-summary.png with poppler's `pdftoppm` (Debian: poppler-utils).
The sample is in the API's JSON shapes, as customer.json holds them; the PDF itself goes to a
temporary directory.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.privacy.summary_pdf import render_summary  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"

BUSINESS = {"name": "סוכנות הדגמה בע\"מ", "tax_id": "514567893", "tax_id_kind": "company",
            "address": "רחוב הרצל 12, תל אביב", "phone": "+97235550100", "email": "office@agentlocator.test"}
CUSTOMER = {"id": 5, "name": "דנה לוי", "phone": "+972541234567", "phone_display": "054-123-4567",
            "email": "dana.levi@example.com", "address": "ויצמן 8, תל אביב", "tax_id": "039337423",
            "status": "active", "status_label": "פעיל", "created_at": "2025-03-02T09:12:00+00:00",
            "last_contact_at": "2026-11-28T14:05:00+00:00", "erased_at": None, "notes": ""}


def _call(i: int, started: str, direction: str, duration: int, transcript: str | None, status: str) -> dict:
    labels = {"inbound": "שיחה נכנסת", "outbound-api": "שיחה יוצאת"}
    return {"id": i, "direction": direction, "direction_label": labels[direction], "started_at": started,
            "duration": duration, "recording_url": f"/api/crm/calls/{i}/recording" if transcript else None,
            "transcript": transcript, "transcript_status": status,
            "transcript_status_label": "נמחק לפי מדיניות שמירת המידע" if status == "purged" else ""}


CALLS = [
    _call(11, "2024-06-03T07:40:00+00:00", "inbound", 95, None, "purged"),
    _call(48, "2026-10-14T11:02:00+00:00", "inbound", 62,
          "שלום, אני מתקשרת בקשר לדירה ברחוב ויצמן, רציתי לדעת אם היא עדיין פנויה ומתי אפשר לבוא לראות", "done"),
    _call(57, "2026-11-28T14:05:00+00:00", "outbound-api", 184,
          "היי דנה, חוזרת אלייך לגבי ההצעה של הקונים מ-Madlan", "done"),
]
MESSAGES = [
    {"id": 201, "direction": "inbound", "body": "בוקר טוב, אפשר לקבל את תוכנית הדירה?", "media": [],
     "created_at": "2026-10-15T06:30:00+00:00"},
    {"id": 204, "direction": "outbound", "body": "בטח, מצרפת את התוכנית ואת נסח הטאבו",
     "media": [{"status": "stored"}, {"status": "stored"}], "created_at": "2026-10-15T07:02:00+00:00"},
    {"id": 230, "direction": "inbound", "body": "תודה רבה! נדבר מחר", "media": [{"status": "stored"}],
     "created_at": "2026-10-15T07:10:00+00:00"},
]
TASKS = [
    {"title": "לחזור לדנה לגבי מועד הביקור בנכס", "status_label": "בוצעה", "due_at": "2026-10-16T07:00:00+00:00",
     "created_at": "2026-10-15T07:12:00+00:00"},
    {"title": "לשלוח הסכם בלעדיות לחתימה", "status_label": "פתוחה", "due_at": "2026-12-03T08:00:00+00:00",
     "created_at": "2026-11-28T14:10:00+00:00"},
]
INVOICES = [{"number": 1042, "status_label": "הופקה", "total": "17210.59", "currency": "ILS",
             "issued_at": "2026-11-24T08:30:00+00:00", "created_at": "2026-11-24T08:00:00+00:00"}]
CONTRACTS = [{"title": "הסכם בלעדיות לשיווק נכס", "status_label": "נחתם", "created_at": "2026-11-20T07:00:00+00:00",
              "signed_at": "2026-11-21T16:45:00+00:00"}]


def main() -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found: install poppler-utils (apt-get install poppler-utils)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pdf = render_summary(business=BUSINESS, customer=CUSTOMER, exported_at="2026-12-02T08:15:00+00:00",
                         calls=CALLS, messages=MESSAGES, tasks=TASKS, invoices=INVOICES, contracts=CONTRACTS)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "export-summary.pdf"
        source.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(Path(tmp) / "export-summary")],
                       check=True)
        target = SCREENSHOTS / "export-summary.png"
        shutil.copyfile(Path(tmp) / "export-summary.png", target)
    print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
