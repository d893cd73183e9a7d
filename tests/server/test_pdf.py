"""The Hebrew PDF renderer: plain functions, no database."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from pypdf import PdfReader

from server.labels import label
from server.pdf import format_money, render_contract, render_invoice

BUSINESS = {"name": "סוכנות הדגמה בע\"מ", "tax_id": "514567893", "phone": "+97235550100"}
CUSTOMER = {"name": "דנה לוי", "phone": "+972541234567", "email": "dana.levi@example.com"}


def invoice(**overrides) -> dict:
    data = {
        "number": 1042,
        "lines": [
            {"description": "שמאות מקרקעין", "quantity": 1, "unit_price": "2750"},
            {"description": "שעות ייעוץ", "quantity": "3.5", "unit_price": "450"},
        ],
        "subtotal": "4325.00",
        "vat_rate": "0.18",
        "vat": "778.50",
        "total": "5103.50",
        "currency": "ILS",
        "status": "issued",
        "issued_at": "2026-11-24T10:30:00+02:00",
    }
    return data | overrides


def tiny_png() -> bytes:
    """A 4x2 PNG with one dark stroke, built by hand."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes([255, 0, 0, 255]) for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 2, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def drawn_lines(pdf: bytes, page: int = 0) -> list[list[str]]:
    """Each text line of a page as its pieces in drawing order, left to right on the page."""
    lines: dict[float, list[str]] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.setdefault(round(tm[5] * cm[3] + cm[5], 1), []).append(text.strip())

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return list(lines.values())


def drawn_right_to_left(pdf: bytes, *pieces: str) -> bool:
    """True when one line shows `pieces` (in reading order) from right to left."""
    for line in drawn_lines(pdf):
        position = len(line)
        for piece in pieces:
            found = [i for i in range(position) if piece in line[i]]
            if not found:
                break
            position = found[-1]
        else:
            return True
    return False


CONTRACT = {
    "title": "הסכם בלעדיות לשיווק נכס",
    "body": "הסוכנות תשווק את הנכס באתר Yad2 במשך 6 חודשים.\n\nדמי התיווך יהיו 15,000 ₪ בתוספת מע\"מ.",
}


def signature(**overrides) -> dict:
    return {
        "signer_name": "דנה לוי",
        "signed_at": "2026-11-24T14:05:12+02:00",
        "ip": "203.0.113.42",
        "document_sha256": hashlib.sha256(b"the unsigned contract").hexdigest(),
        "image_png": tiny_png(),
    } | overrides


def test_invoice_is_a_pdf_with_hebrew_in_logical_order():
    pdf = render_invoice(business=BUSINESS, customer=CUSTOMER, invoice=invoice())
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "חשבונית מס מספר" in text  # Hebrew letters in logical order, not reversed
    assert drawn_right_to_left(pdf, "חשבונית מס מספר", "1042")  # the number is read last: at the left
    assert "סוכנות הדגמה" in text
    assert "שמאות מקרקעין" in text
    assert "דנה לוי" in text
    assert "dana.levi@example.com" in text
    assert "054-123-4567" in text and "03-555-0100" in text  # the customer's mobile, the business's landline
    assert "24/11/2026" in text
    assert label("invoice_status", "issued") in text  # the one table's word, not a copy of it
    assert "מבוטלת" not in text


def test_invoice_prints_line_totals_vat_and_total():
    pdf = render_invoice(business=BUSINESS, customer=CUSTOMER, invoice=invoice())
    text = text_of(pdf)
    assert "1,575.00" in text  # 3.5 × 450
    assert "4,325.00" in text
    assert drawn_right_to_left(pdf, "מע", "18%", "778.50")
    assert drawn_right_to_left(pdf, "תיאור", "כמות", "מחיר ליחידה", "סה")  # columns from the right
    assert drawn_right_to_left(pdf, "שעות ייעוץ", "3.5", "450.00", "1,575.00")
    assert "5,103.50" in text
    assert "₪" in text


def test_cancelled_invoice_is_marked():
    pdf = render_invoice(business=BUSINESS, customer=CUSTOMER, invoice=invoice(status="cancelled"))
    text = text_of(pdf)
    assert ["מבוטלת"] in drawn_lines(pdf)  # the diagonal mark, shaped right to left
    assert label("invoice_status", "cancelled") in text


def test_many_lines_run_over_several_pages_with_the_header_repeated():
    lines = [{"description": f"שירות מספר {n}", "quantity": 1, "unit_price": "10"} for n in range(60)]
    pdf = render_invoice(business=BUSINESS, customer=CUSTOMER,
                         invoice=invoice(lines=lines, subtotal="600", vat="108", total="708"))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) > 1
    last = reader.pages[-1].extract_text()
    assert "מחיר ליחידה" in last  # table heading repeated
    assert drawn_right_to_left(pdf, "עמוד", "1", "מתוך", str(len(reader.pages)))


def test_money_is_formatted_like_babel_he_il():
    from decimal import Decimal

    assert format_money(Decimal("1234.5")) == "1,234.50\u00a0₪"
    assert format_money(Decimal("0.005")) == "0.01\u00a0₪"


def test_unsigned_contract_has_mixed_text_and_an_empty_signature_line():
    pdf = render_contract(business=BUSINESS, customer=CUSTOMER, contract=CONTRACT)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert "הסכם בלעדיות לשיווק נכס" in text
    assert "חודשים" in text and "Yad2" in text
    assert drawn_right_to_left(pdf, "באתר", "Yad2", "במשך", "6", "חודשים")
    assert "15,000" in text
    assert "חתימת הלקוח" in text
    assert all(not page.images for page in PdfReader(io.BytesIO(pdf)).pages)


def test_signed_contract_embeds_the_image_and_the_hash():
    sig = signature()
    pdf = render_contract(business=BUSINESS, customer=CUSTOMER, contract=CONTRACT, signature=sig)
    reader = PdfReader(io.BytesIO(pdf))
    assert sum(len(page.images) for page in reader.pages) == 1
    text = text_of(pdf)
    assert sig["document_sha256"] in text
    assert "203.0.113.42" in text
    assert "24/11/2026" in text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"business": {}, "customer": CUSTOMER, "invoice": invoice()}, "business is missing required key(s): name"),
        ({"business": BUSINESS, "customer": {"phone": "1"}, "invoice": invoice()}, "customer is missing"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": {"number": 1}}, "lines, subtotal"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": invoice(lines=[])}, "non-empty"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": invoice(lines=[{"description": "x"}])},
         "quantity, unit_price"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": invoice(status="sent")}, "invoice.status"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": invoice(total="abc")}, "invoice.total"),
        ({"business": BUSINESS, "customer": CUSTOMER, "invoice": "not a dict"}, "invoice must be a dict"),
    ],
)
def test_bad_invoice_input_raises_value_error(kwargs, message):
    with pytest.raises(ValueError) as excinfo:
        render_invoice(**kwargs)
    assert message in str(excinfo.value)


@pytest.mark.parametrize(
    ("contract", "sig", "message"),
    [
        ({"title": "הסכם"}, None, "contract is missing required key(s): body"),
        (CONTRACT, signature(document_sha256="abc"), "64 hexadecimal"),
        (CONTRACT, signature(image_png=b"GIF89a"), "PNG"),
        (CONTRACT, {"signer_name": "דנה"}, "signed_at, ip, document_sha256, image_png"),
        (CONTRACT, signature(signed_at="yesterday"), "ISO-8601"),
    ],
)
def test_bad_contract_input_raises_value_error(contract, sig, message):
    with pytest.raises(ValueError) as excinfo:
        render_contract(business=BUSINESS, customer=CUSTOMER, contract=contract, signature=sig)
    assert message in str(excinfo.value)
