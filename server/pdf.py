"""The one Hebrew right-to-left PDF renderer: invoices and contracts.

Plain functions over the JSON shapes of DESIGN.md (no database): the invoices and contracts
domains load their rows, turn them into dicts and call `render_invoice` / `render_contract`.

Text goes through HarfBuzz with the Unicode bidi algorithm (fpdf2's text shaping), so Hebrew
reads right to left while numbers, e-mail addresses and Latin words inside it stay left to
right. Noto Sans Hebrew has no Latin letters, digits or punctuation: those fall back to a
Latin subset of Noto Sans (see static/fonts/OFL.txt). fpdf2 tables are not mirrored, so
columns are given from left to right, which is the reverse of their reading order.

Amounts are formatted by hand the way babel formats `he_IL` currency ("1,234.50 ₪", shown
right to left as ₪ 1,234.50), to keep babel out of the server's dependencies. Phone numbers
and statuses read as everywhere else: `phones.national` and `labels.label`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fpdf import FPDF, FontFace
from fpdf.enums import Align, TableBordersLayout, XPos, YPos

from server import labels
from server.phones import national

FONTS_DIR = Path(__file__).resolve().parent / "static" / "fonts"
ISRAEL = ZoneInfo("Asia/Jerusalem")

HEBREW = "NotoSansHebrew"
LATIN = "NotoSans"
MARGIN = 18  # mm
INK = (33, 37, 41)
MUTED = (108, 117, 125)
ACCENT = (22, 78, 140)
RULE = (206, 212, 218)
HEADING_FILL = (232, 239, 247)
ZEBRA_FILL = (248, 249, 250)
CANCELLED_RED = (200, 30, 45)
AWAITING_AMBER = (176, 96, 0)

TAX_ID_LABELS = {"company": "ח.פ.", "licensed_dealer": "עוסק מורשה", "exempt_dealer": "עוסק פטור"}
CURRENCY_SIGNS = {"ILS": "₪", "USD": "$", "EUR": "€"}
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CENT = Decimal("0.01")


# ---------------------------------------------------------------- validation and formatting


def _require(value: Any, name: str, keys: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{name} must be a dict, got {type(value).__name__}")
    missing = [key for key in keys if value.get(key) is None or value.get(key) == ""]
    if missing:
        raise ValueError(f"{name} is missing required key(s): {', '.join(missing)}")
    return value


def _decimal(value: Any, what: str) -> Decimal:
    if isinstance(value, bool):
        raise ValueError(f"{what} must be a number, got {value!r}")
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(f"{what} must be a number, got {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"{what} must be a finite number, got {value!r}")
    return number


def format_money(amount: Decimal, currency: str = "ILS") -> str:
    """`1234.5` → "1,234.50 ₪" (logical order, as babel's he_IL pattern; displayed ₪ 1,234.50)."""
    amount = amount.quantize(CENT, rounding=ROUND_HALF_UP)
    sign = CURRENCY_SIGNS.get(currency, currency)
    text = f"{abs(amount):,.2f}\u00a0{sign}"
    # A minus sign is weak in bidi and would drift to the far side of the number in a right to
    # left line; a left-to-right mark in front of it keeps "-1,234.50" together.
    return f"\u200e-{text}" if amount < 0 else text


def format_quantity(quantity: Decimal) -> str:
    text = f"{quantity.normalize():f}"
    return f"{Decimal(text):,}" if "." not in text else text


def format_rate(rate: Decimal) -> str:
    """VAT rate as a percentage: 0.18 and 18 both mean 18%."""
    percent = rate * 100 if rate < 1 else rate
    return f"{percent.normalize():f}%"


def _parse_time(value: Any, what: str) -> datetime:
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            raise ValueError(f"{what} must be an ISO-8601 time, got {value!r}") from None
    return moment.replace(tzinfo=ISRAEL) if moment.tzinfo is None else moment.astimezone(ISRAEL)


def format_date(value: Any, what: str = "date") -> str:
    return _parse_time(value, what).strftime("%d/%m/%Y")


def _tax_id_line(business: dict) -> str | None:
    if not business.get("tax_id"):
        return None
    label = TAX_ID_LABELS.get(business.get("tax_id_kind") or "company", "ח.פ.")
    return f"{label} {business['tax_id']}"


# ---------------------------------------------------------------- the document


class _Document(FPDF):
    """A4, right to left, the business in the header and page numbers in the footer."""

    def __init__(self, *, business: dict, title: str, watermark: str | None = None,
                 total_pages: int | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.business = business
        self.total_pages = total_pages
        self.doc_title = title
        self.watermark = watermark
        for style, weight in (("", "Regular"), ("B", "Bold")):
            self.add_font(HEBREW, style, FONTS_DIR / f"NotoSansHebrew-{weight}.ttf")
            self.add_font(LATIN, style, FONTS_DIR / f"NotoSans-{weight}.ttf")
        self.set_fallback_fonts([LATIN])
        self.set_text_shaping(use_shaping_engine=True, direction="rtl", script="hebr", language="heb")
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 6)
        self.set_title(title)
        self.set_author(business["name"])
        self.set_creator("AgentLocator")
        self.set_lang("he")
        self.add_page()

    def header(self) -> None:
        self.set_text_color(*ACCENT)
        self.set_font(HEBREW, "B", 16)
        self.cell(0, 8, self.business["name"], align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        details = [_tax_id_line(self.business), self.business.get("address")]
        contact = [self.business.get("phone") and national(self.business["phone"]), self.business.get("email")]
        self.set_text_color(*MUTED)
        self.set_font(HEBREW, "", 9)
        for line in (" · ".join(p for p in details if p), " · ".join(p for p in contact if p)):
            if line:
                self.cell(0, 5, line, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y() + 2, self.w - self.r_margin, self.get_y() + 2)
        self.set_y(self.get_y() + 6)
        self.set_text_color(*INK)

    def footer(self) -> None:
        if self.watermark:  # drawn last, so the table's shading can't hide it
            self._draw_watermark()
        self.set_y(-MARGIN)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.set_text_color(*MUTED)
        self.set_font(HEBREW, "", 8)
        # fpdf2's {nb} alias does not survive text shaping: the second pass knows the total.
        page = f"עמוד {self.page_no()}" + (f" מתוך {self.total_pages}" if self.total_pages else "")
        self.cell(0, 6, page, align=Align.L)
        self.set_x(self.l_margin)
        # The page number ends in a digit, drawn in the fallback font; fpdf2 2.8.9 still takes the
        # Hebrew font as set on the page, so a title ending in Hebrew came out in the wrong glyphs.
        self.current_font_is_set_on_page = False
        self.cell(0, 6, f"{self.business['name']} · {self.doc_title}", align=Align.R)

    def _draw_watermark(self) -> None:
        x, y = self.w / 2, self.h / 2
        with self.local_context(fill_opacity=0.18, text_color=CANCELLED_RED), self.rotation(35, x=x, y=y):
            self.set_font(HEBREW, "B", 110)
            width = self.get_string_width(self.watermark) + 4
            self.set_xy(x - width / 2, y - 20)
            self.cell(width, 40, self.watermark, align=Align.C)  # cell(), unlike text(), runs the shaping

    def heading(self, text: str, size: float = 13) -> None:
        self.set_font(HEBREW, "B", size)
        self.set_text_color(*ACCENT)
        self.cell(0, size * 0.6, text, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)

    def labelled(self, pairs: list[tuple[str, str]], size: float = 10) -> None:
        """Lines of "label: value", the label bold at the right, the value to its left.

        Label and value are separate cells, each its own bidi paragraph, so a Latin label
        ("כתובת IP") or value (an e-mail address) can't reorder the other.
        """
        height = size * 0.55
        for label, value in pairs:
            self.set_font(HEBREW, "B", size)
            label_w = self.get_string_width(f"{label}:") + 1.5
            right = self.w - self.r_margin
            top = self.get_y()
            self.set_xy(right - label_w, top)
            self.cell(label_w, height, f"{label}:", align=Align.R)
            self.set_font(HEBREW, "", size)
            self.set_xy(self.l_margin, top)
            self.multi_cell(right - label_w - self.l_margin, height, value, align=Align.R,
                            new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str, size: float = 11, gap: float = 2.5) -> None:
        self.set_font(HEBREW, "", size)
        self.multi_cell(0, size * 0.6, text, align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def output_bytes(self) -> bytes:
        return bytes(self.output())


# ---------------------------------------------------------------- invoices


def _invoice_lines(invoice: dict) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    lines = invoice["lines"]
    if not isinstance(lines, list) or not lines:
        raise ValueError("invoice.lines must be a non-empty list")
    rows = []
    for index, line in enumerate(lines, start=1):
        _require(line, f"invoice.lines[{index - 1}]", ("description", "quantity", "unit_price"))
        quantity = _decimal(line["quantity"], f"invoice.lines[{index - 1}].quantity")
        unit_price = _decimal(line["unit_price"], f"invoice.lines[{index - 1}].unit_price")
        total = (quantity * unit_price).quantize(CENT, rounding=ROUND_HALF_UP)
        rows.append((str(line["description"]), quantity, unit_price, total))
    return rows


def _two_pass(build: Callable[[int | None], _Document]) -> bytes:
    """Lay the document out once to count its pages, then again with "page N of M" footers."""
    pages = build(None).pages_count
    return build(pages).output_bytes()


def render_invoice(*, business: dict, customer: dict, invoice: dict) -> bytes:
    """A tax invoice (חשבונית מס) as PDF bytes.

    `invoice` is the DESIGN.md invoice (`number, lines, subtotal, vat_rate, vat, total, status`,
    optional `issued_at`, `currency` default ILS, `allocation_number`). The stored subtotal, VAT
    and total are what is printed: the service computes them once; the lines' own totals are
    quantity × unit price. An allocated invoice prints its allocation number (מספר הקצאה); one
    still waiting for it says so under its title. `customer` may carry the buyer's `tax_id`.
    """
    _require(business, "business", ("name",))
    _require(customer, "customer", ("name",))
    _require(invoice, "invoice", ("number", "lines", "subtotal", "vat_rate", "vat", "total", "status"))
    status = str(invoice["status"]).lower()
    if status not in labels.LABELS["invoice_status"]:
        raise ValueError(f"invoice.status must be one of {', '.join(labels.LABELS['invoice_status'])}, "
                         f"got {invoice['status']!r}")
    rows = _invoice_lines(invoice)
    currency = invoice.get("currency") or "ILS"
    subtotal = _decimal(invoice["subtotal"], "invoice.subtotal")
    vat_rate = _decimal(invoice["vat_rate"], "invoice.vat_rate")
    vat = _decimal(invoice["vat"], "invoice.vat")
    total = _decimal(invoice["total"], "invoice.total")
    issued = format_date(invoice["issued_at"], "invoice.issued_at") if invoice.get("issued_at") else "טרם הופקה"
    cancelled = status == "cancelled"

    title = f"חשבונית מס מספר {invoice['number']}"

    def build(total_pages: int | None) -> _Document:
        pdf = _Document(business=business, title=title, watermark="מבוטלת" if cancelled else None,
                        total_pages=total_pages)
        _invoice_body(pdf, title=title, customer=customer, invoice=invoice, status=status, issued=issued)
        _lines_table(pdf, rows, currency)
        _totals(pdf, subtotal=subtotal, vat_rate=vat_rate, vat=vat, total=total, currency=currency)
        if invoice.get("notes"):
            pdf.ln(4)
            pdf.heading("הערות", size=11)
            pdf.paragraph(str(invoice["notes"]), size=10)
        return pdf

    return _two_pass(build)


def _invoice_body(pdf: _Document, *, title: str, customer: dict, invoice: dict, status: str, issued: str) -> None:
    cancelled = status == "cancelled"
    currency = invoice.get("currency") or "ILS"
    pdf.heading(title, size=18)
    if cancelled:
        pdf.set_font(HEBREW, "B", 12)
        pdf.set_text_color(*CANCELLED_RED)
        pdf.cell(0, 7, "מבוטלת: חשבונית זו בוטלה ואינה בתוקף", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
    elif status == "awaiting_allocation":
        pdf.set_font(HEBREW, "B", 12)
        pdf.set_text_color(*AWAITING_AMBER)
        pdf.cell(0, 7, "ממתינה למספר הקצאה מרשות המסים",
                 align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
    pdf.ln(2)

    top = pdf.get_y()
    half = (pdf.epw - 10) / 2
    # Right half: the customer. Left half: the invoice's own details.
    pdf.set_left_margin(pdf.w - MARGIN - half)
    pdf.set_xy(pdf.l_margin, top)
    pdf.heading("לכבוד", size=11)
    pdf.set_font(HEBREW, "B", 11)
    pdf.cell(0, 6, str(customer["name"]), align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    contact = []
    if customer.get("tax_id"):
        contact.append(("ח.פ. / ע.מ.", str(customer["tax_id"])))
    if customer.get("phone"):
        contact.append(("טלפון", national(str(customer["phone"]))))
    if customer.get("email"):
        contact.append(("דוא\"ל", str(customer["email"])))
    pdf.labelled(contact)
    right_bottom = pdf.get_y()

    pdf.set_left_margin(MARGIN)
    pdf.set_right_margin(pdf.w - MARGIN - half)
    pdf.set_xy(MARGIN, top)
    pdf.heading("פרטי החשבונית", size=11)
    details = [("מספר", str(invoice["number"])), ("תאריך הפקה", issued),
               ("סטטוס", labels.label("invoice_status", status)), ("מטבע", currency)]
    if invoice.get("allocation_number"):
        details.insert(1, ("מספר הקצאה", str(invoice["allocation_number"])))
    pdf.labelled(details)
    pdf.set_right_margin(MARGIN)
    pdf.set_xy(MARGIN, max(right_bottom, pdf.get_y()) + 6)


def _lines_table(pdf: _Document, rows: list[tuple[str, Decimal, Decimal, Decimal]], currency: str) -> None:
    # Left to right on the page: total, unit price, quantity, description (read from the right).
    pdf.set_font(HEBREW, "", 10)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    headings = FontFace(family=HEBREW, emphasis="BOLD", color=ACCENT, fill_color=HEADING_FILL)
    with pdf.table(
        col_widths=(30, 30, 18, 96),
        text_align=(Align.R, Align.R, Align.C, Align.R),
        headings_style=headings,
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        cell_fill_color=ZEBRA_FILL,
        cell_fill_mode="ROWS",
        line_height=6.5,
        padding=(1.5, 2),
        repeat_headings=1,
    ) as table:
        table.row(("סה\"כ", "מחיר ליחידה", "כמות", "תיאור"))
        for description, quantity, unit_price, line_total in rows:
            table.row((format_money(line_total, currency), format_money(unit_price, currency),
                       format_quantity(quantity), description))


def _totals(pdf: _Document, *, subtotal: Decimal, vat_rate: Decimal, vat: Decimal, total: Decimal,
            currency: str) -> None:
    rows = [
        ("סה\"כ לפני מע\"מ", format_money(subtotal, currency), False),
        (f"מע\"מ {format_rate(vat_rate)}", format_money(vat, currency), False),
        ("סה\"כ לתשלום", format_money(total, currency), True),
    ]
    if pdf.will_page_break(4 + 8 * len(rows)):
        pdf.add_page()
    pdf.ln(4)
    label_w, amount_w = 45, 35
    for label, amount, grand in rows:
        pdf.set_x(MARGIN)
        size = 12 if grand else 10
        if grand:
            pdf.set_fill_color(*HEADING_FILL)
        pdf.set_font(HEBREW, "B" if grand else "", size)
        pdf.set_text_color(*(ACCENT if grand else INK))
        pdf.cell(amount_w, 8, amount, align=Align.R, fill=grand)
        pdf.cell(label_w, 8, label, align=Align.R, fill=grand, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


# ---------------------------------------------------------------- contracts


def _paragraphs(body: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip())
    return [" ".join(line.strip() for line in block.splitlines() if line.strip()) for block in blocks if block.strip()]


def _check_signature(signature: dict) -> dict:
    _require(signature, "signature", ("signer_name", "signed_at", "ip", "document_sha256", "image_png"))
    if not re.fullmatch(r"[0-9a-fA-F]{64}", str(signature["document_sha256"])):
        raise ValueError("signature.document_sha256 must be 64 hexadecimal characters")
    image = signature["image_png"]
    if not isinstance(image, bytes | bytearray) or not bytes(image).startswith(PNG_MAGIC):
        raise ValueError("signature.image_png must be the bytes of a PNG image")
    _parse_time(signature["signed_at"], "signature.signed_at")
    return signature


def render_contract(*, business: dict, customer: dict, contract: dict, signature: dict | None = None) -> bytes:
    """A contract as PDF bytes; signed when `signature` is given, else with empty signature lines."""
    _require(business, "business", ("name",))
    _require(customer, "customer", ("name",))
    _require(contract, "contract", ("title", "body"))
    if signature is not None:
        _check_signature(signature)
    paragraphs = _paragraphs(str(contract["body"]))
    if not paragraphs:
        raise ValueError("contract.body has no text")

    title = str(contract["title"])

    def build(total_pages: int | None) -> _Document:
        pdf = _Document(business=business, title=title, total_pages=total_pages)
        _contract_body(pdf, title=title, business=business, customer=customer, contract=contract,
                       paragraphs=paragraphs)
        pdf.ln(6)
        if signature is None:
            _empty_signature(pdf, customer)
        else:
            _signature_block(pdf, signature)
        return pdf

    return _two_pass(build)


def _contract_body(pdf: _Document, *, title: str, business: dict, customer: dict, contract: dict,
                   paragraphs: list[str]) -> None:
    pdf.set_font(HEBREW, "B", 18)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(0, 10, title, align=Align.C, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)
    pdf.ln(2)

    parties = [("בין", " · ".join(p for p in (business["name"], _tax_id_line(business)) if p))]
    customer_details = [str(customer["name"])]
    if customer.get("phone"):
        customer_details.append(national(str(customer["phone"])))
    if customer.get("email"):
        customer_details.append(str(customer["email"]))
    parties.append(("לבין", " · ".join(customer_details)))
    if contract.get("created_at"):
        parties.append(("תאריך", format_date(contract["created_at"], "contract.created_at")))
    pdf.labelled(parties, size=10.5)
    pdf.ln(4)

    for text in paragraphs:
        pdf.paragraph(text)


def _empty_signature(pdf: _Document, customer: dict) -> None:
    if pdf.will_page_break(40):
        pdf.add_page()
    pdf.heading("חתימת הלקוח", size=12)
    pdf.ln(14)
    width = 60
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    y = pdf.get_y()
    right = pdf.w - MARGIN
    for x0, label in ((right - width, "חתימה"), (right - 2 * width - 15, "תאריך")):
        pdf.line(x0, y, x0 + width, y)
        pdf.set_xy(x0, y + 1)
        pdf.set_font(HEBREW, "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(width, 5, label, align=Align.C)
    pdf.set_xy(MARGIN, y + 7)
    pdf.cell(0, 5, f"שם החותם: {customer['name']}", align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*INK)


def _signature_block(pdf: _Document, signature: dict) -> None:
    if pdf.will_page_break(75):
        pdf.add_page()
    signed_at = _parse_time(signature["signed_at"], "signature.signed_at")
    pdf.heading("חתימת הלקוח", size=12)
    pdf.ln(1)
    width, height = 60, 24
    x0 = pdf.w - MARGIN - width
    top = pdf.get_y()
    pdf.image(bytes(signature["image_png"]), x=x0, y=top, w=width, h=height, keep_aspect_ratio=True)
    pdf.set_draw_color(*INK)
    pdf.set_line_width(0.3)
    pdf.line(x0, top + height + 1, x0 + width, top + height + 1)
    pdf.set_xy(MARGIN, top + height + 3)
    pdf.labelled([
        ("שם החותם", str(signature["signer_name"])),
        ("מועד החתימה", f"{signed_at:%d/%m/%Y} בשעה {signed_at:%H:%M} (שעון ישראל)"),
        ("כתובת IP", str(signature["ip"])),
    ], size=10)
    pdf.ln(3)
    pdf.set_fill_color(*ZEBRA_FILL)
    pdf.set_draw_color(*RULE)
    pdf.set_font(HEBREW, "", 8)
    pdf.set_text_color(*MUTED)
    digest = str(signature["document_sha256"]).lower()
    pdf.multi_cell(
        0, 4.5,
        f"אימות: טביעת SHA-256 של המסמך שנחתם היא {digest}. "
        f"נחתם אלקטרונית ב-{signed_at.isoformat()}.",
        align=Align.R, border=1, fill=True, padding=2, new_x=XPos.LMARGIN, new_y=YPos.NEXT,
    )
    pdf.set_text_color(*INK)
