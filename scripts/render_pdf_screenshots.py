"""Render a sample invoice and a signed sample contract, and screenshot their first pages.

    .venv/bin/python scripts/render_pdf_screenshots.py

Writes docs/screenshots/invoice.png (a tax invoice to a company, over the threshold, with the
Tax Authority's allocation number) and docs/screenshots/contract-signed.png with poppler's
`pdftoppm` (Debian: poppler-utils). The PDFs themselves go to a temporary directory.
"""

from __future__ import annotations

import hashlib
import io
import math
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.pdf import render_contract, render_invoice  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"

BUSINESS = {
    "name": "סוכנות הדגמה בע\"מ",
    "tax_id": "514567893",
    "tax_id_kind": "company",
    "address": "רחוב הרצל 12, תל אביב",
    "phone": "+97235550100",
    "email": "office@agentlocator.test",
}
CUSTOMER = {"name": "דנה לוי", "phone": "+972541234567", "email": "dana.levi@example.com"}
# The invoice's buyer: a company with its ח.פ., as the invoice's buyer snapshot has it.
BUYER = {"name": "נכסי השרון בע\"מ", "tax_id": "516203544", "phone": "+97298765432", "email": "office@sharon.example"}


def sample_invoice() -> dict:
    lines = [
        {"description": "ליווי עסקת מכר דירה ברחוב ויצמן 8, כולל בדיקת נסח טאבו", "quantity": 1, "unit_price": "8500"},
        {"description": "שמאות מקרקעין (דוח מלא)", "quantity": 1, "unit_price": "2750"},
        {"description": "שעות ייעוץ משפטי", "quantity": "3.5", "unit_price": "450"},
        {"description": "צילום מקצועי ופרסום במודעות Yad2 ו-Madlan", "quantity": 2, "unit_price": "600"},
        {"description": "הפקת תוכנית קומה (PDF + DWG)", "quantity": 1, "unit_price": "390.50"},
    ]
    subtotal = sum(Decimal(str(line["quantity"])) * Decimal(str(line["unit_price"])) for line in lines)
    vat = (subtotal * Decimal("0.18")).quantize(Decimal("0.01"))
    return {
        "id": 17, "number": 1042, "customer_id": 5, "lines": lines, "subtotal": str(subtotal), "vat_rate": "0.18",
        "vat": str(vat), "total": str(subtotal + vat), "currency": "ILS", "status": "issued",
        "issued_at": "2026-11-24T10:30:00+02:00", "allocation_status": "allocated", "allocation_number": "202611240042",
        "buyer_name": BUYER["name"], "buyer_tax_id": BUYER["tax_id"],
        "notes": "התשלום בהעברה בנקאית לחשבון 12-345-678901 תוך 30 יום.",
    }


CONTRACT_BODY = """\
הסכם זה נחתם בין סוכנות הדגמה בע"מ (להלן: "הסוכנות") לבין הלקוחה (להלן: "הלקוחה") \
לצורך שיווק הנכס ברחוב ויצמן 8, תל אביב.

1. הסוכנות תשווק את הנכס בתקופה של 6 חודשים החל מ-01/12/2026, ותפרסם אותו באתרי Yad2 ו-Madlan \
ובמאגר הלקוחות שלה.

2. דמי התיווך יהיו 2% ממחיר המכירה בתוספת מע"מ, ולא פחות מ-15,000 ₪. התשלום ישולם במועד חתימת \
הסכם המכר.

3. הלקוחה תעדכן את הסוכנות על כל פנייה ישירה של קונה פוטנציאלי. הודעות בכתב יישלחו לכתובת \
office@agentlocator.test או בטלפון 03-555-0100.

4. כל צד רשאי לבטל הסכם זה בהודעה מוקדמת של 14 יום. ביטול לא יפגע בזכות הסוכנות לדמי תיווך \
בגין קונה שהוצג לפני הביטול (Protected Buyer).
"""


def signature_png() -> bytes:
    """A handwritten-looking signature: a tall first letter, cursive loops, an underline flourish."""
    from PIL import Image, ImageDraw

    scale = 3  # draw large, then downsample for smooth strokes
    width, height = 600 * scale, 220 * scale
    image = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    ink = (18, 32, 96, 255)

    def stroke(points: list[tuple[float, float]], thickness: float) -> None:
        scaled = [(x * scale, y * scale) for x, y in points]
        draw.line(scaled, fill=ink, width=round(thickness * scale), joint="curve")

    # A tall opening stroke, like a D with a loop.
    stroke([(70 + 40 * math.sin(t / 60 * math.pi) * (1 - t / 120), 40 + 120 * t / 60) for t in range(61)], 5)
    stroke([(70 + 70 * math.sin(t / 80 * math.pi), 160 - 120 * t / 80 + 25 * math.sin(t / 80 * 2 * math.pi))
            for t in range(81)], 4.5)
    # Cursive loops (a prolate cycloid), fading in height.
    loops = []
    for i in range(700):
        t = i / 699
        phase = 2 * math.pi * 6.5 * t
        amplitude = 42 * (1 - 0.55 * t)
        loops.append((150 + 370 * t - 22 * math.sin(phase), 125 - amplitude * (1 - math.cos(phase)) / 2
                      - 12 * math.sin(math.pi * t)))
    stroke(loops, 4)
    # The underline flourish, swinging back under the name.
    stroke([(530 - 470 * t, 170 + 14 * math.sin(math.pi * t) - 6 * t) for t in (i / 100 for i in range(101))], 3.5)
    image = image.resize((600, 220), Image.LANCZOS)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def sample_signature(unsigned_pdf: bytes) -> dict:
    return {
        "signer_name": "דנה לוי",
        "signed_at": "2026-11-24T14:05:12+02:00",
        "ip": "203.0.113.42",
        "document_sha256": hashlib.sha256(unsigned_pdf).hexdigest(),
        "image_png": signature_png(),
    }


def screenshot(pdf: bytes, workdir: Path, name: str) -> Path:
    source = workdir / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(workdir / name)], check=True)
    target = SCREENSHOTS / f"{name}.png"
    shutil.copyfile(workdir / f"{name}.png", target)
    return target


def main() -> None:
    if shutil.which("pdftoppm") is None:
        sys.exit("pdftoppm not found: install poppler-utils (apt-get install poppler-utils)")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    contract = {"id": 3, "customer_id": 5, "title": "הסכם בלעדיות לשיווק נכס", "body": CONTRACT_BODY,
                "status": "signed", "created_at": "2026-11-20T09:00:00+02:00"}
    unsigned = render_contract(business=BUSINESS, customer=CUSTOMER, contract=contract)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        invoice_pdf = render_invoice(business=BUSINESS, customer=BUYER, invoice=sample_invoice())
        signed_pdf = render_contract(business=BUSINESS, customer=CUSTOMER, contract=contract,
                                     signature=sample_signature(unsigned))
        for pdf, name in ((invoice_pdf, "invoice"), (signed_pdf, "contract-signed")):
            print(screenshot(pdf, workdir, name).relative_to(ROOT))


if __name__ == "__main__":
    main()
