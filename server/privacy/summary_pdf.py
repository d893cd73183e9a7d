"""The export's summary.pdf: what the business holds about one customer, for the person to read.

Plain data in (the API's JSON shapes, as customer.json holds them), PDF bytes out, so a script
can render it from sample data. It is drawn with server/pdf.py's document (fonts, Hebrew
shaping, right to left, the business's header, "page N of M"), and, as there, tables are given
their columns from left to right: the reverse of their reading order.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from fpdf import FontFace
from fpdf.enums import Align, TableBordersLayout, XPos, YPos

from server.pdf import (
    ACCENT,
    HEADING_FILL,
    HEBREW,
    INK,
    MUTED,
    RULE,
    ZEBRA_FILL,
    _Document,
    _parse_time,
    _two_pass,
    format_money,
)
from server.phones import national

TITLE = "ייצוא המידע השמור על הלקוח"
NONE = "אין"
EXCERPT_WORDS = 12
EXCERPT_CHARS = 90
MESSAGE_DIRECTIONS = {"inbound": "נכנסת", "outbound": "יוצאת"}
KINDS = (("calls", "שיחות"), ("messages", "הודעות וואטסאפ"), ("tasks", "משימות"), ("invoices", "חשבוניות"),
         ("contracts", "חוזים"))


def _when(value: Any, *, time_too: bool = True) -> str:
    if not value:
        return ""
    moment = _parse_time(value, "date")
    return moment.strftime("%d/%m/%Y %H:%M" if time_too else "%d/%m/%Y")


def excerpt(text: str | None) -> str:
    """The first words of a transcript or a message."""
    words = " ".join((text or "").split()).split(" ")
    short = " ".join(words[:EXCERPT_WORDS])
    if len(short) > EXCERPT_CHARS:
        short = short[:EXCERPT_CHARS].rsplit(" ", 1)[0]
    return short + ("…" if short != " ".join(words) else "")


def _duration(seconds: int | None) -> str:
    if seconds is None:
        return ""
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _customer_details(customer: dict) -> list[tuple[str, str]]:
    pairs = [("שם", str(customer["name"]))]
    if customer.get("phone"):
        pairs.append(("טלפון", customer.get("phone_display") or national(customer["phone"])))
    if customer.get("email"):
        pairs.append(("דוא\"ל", str(customer["email"])))
    if customer.get("address"):
        pairs.append(("כתובת", str(customer["address"])))
    if customer.get("tax_id"):
        pairs.append(("ח.פ. / ע.מ. / ת.ז.", str(customer["tax_id"])))
    if customer.get("status_label"):
        pairs.append(("סטטוס", str(customer["status_label"])))
    if customer.get("created_at"):
        pairs.append(("לקוח מאז", _when(customer["created_at"], time_too=False)))
    if customer.get("last_contact_at"):
        pairs.append(("קשר אחרון", _when(customer["last_contact_at"])))
    if customer.get("erased_at"):
        pairs.append(("המידע האישי נמחק", _when(customer["erased_at"])))
    if customer.get("notes"):
        pairs.append(("הערות", str(customer["notes"])))
    return pairs


def _call_row(call: dict) -> tuple[str, ...]:
    transcript = excerpt(call.get("transcript")) if call.get("transcript") else (
        call.get("transcript_status_label") or "" if call.get("transcript_status") == "purged" else "")
    recording = "יש" if call.get("recording_url") else ""
    return (transcript, recording, _duration(call.get("duration")), call.get("direction_label") or "",
            _when(call.get("started_at")))


def _message_row(message: dict) -> tuple[str, ...]:
    media = message.get("media") or []
    files = f"{len(media)} קבצים" if len(media) > 1 else ("קובץ" if media else "")
    if media and all(item.get("status") == "purged" for item in media):
        files += " (נמחקו)"
    return (files, excerpt(message.get("body")), MESSAGE_DIRECTIONS.get(message.get("direction"), ""),
            _when(message.get("created_at")))


def _task_row(task: dict) -> tuple[str, ...]:
    return (task.get("status_label") or "", str(task.get("title") or ""), _when(task.get("due_at")),
            _when(task.get("created_at"), time_too=False))


def _invoice_row(invoice: dict) -> tuple[str, ...]:
    currency = invoice.get("currency") or "ILS"
    total = format_money(Decimal(str(invoice["total"])), currency) if invoice.get("total") else ""
    return (invoice.get("status_label") or "", total, str(invoice.get("number") or ""),
            _when(invoice.get("issued_at") or invoice.get("created_at"), time_too=False))


def _contract_row(contract: dict) -> tuple[str, ...]:
    return (_when(contract.get("signed_at"), time_too=False), contract.get("status_label") or "",
            str(contract.get("title") or ""), _when(contract.get("created_at"), time_too=False))


# Per kind: the columns, left to right (headings, widths in mm, alignment), and a row's cells.
TABLES = {
    "calls": (("תחילת התמלול", "הקלטה", "משך", "כיוון", "מועד"), (78, 16, 14, 26, 30), _call_row),
    "messages": (("קבצים", "תחילת ההודעה", "כיוון", "מועד"), (26, 96, 18, 30), _message_row),
    "tasks": (("סטטוס", "כותרת", "מועד לביצוע", "נוצרה"), (20, 96, 30, 24), _task_row),
    "invoices": (("סטטוס", "סכום", "מספר", "תאריך"), (60, 40, 30, 40), _invoice_row),
    "contracts": (("נחתם", "סטטוס", "כותרת", "נוצר"), (24, 30, 92, 24), _contract_row),
}


def _table(pdf: _Document, kind: str, records: list[dict]) -> None:
    headings, widths, row_of = TABLES[kind]
    pdf.set_font(HEBREW, "", 9)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    with pdf.table(
        col_widths=widths,
        text_align=Align.R,
        headings_style=FontFace(family=HEBREW, emphasis="BOLD", color=ACCENT, fill_color=HEADING_FILL),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        cell_fill_color=ZEBRA_FILL,
        cell_fill_mode="ROWS",
        line_height=5.5,
        padding=(1.2, 1.5),
        repeat_headings=1,
    ) as table:
        table.row(headings)
        for record in records:
            table.row(row_of(record))


def _counts_table(pdf: _Document, records: dict[str, list[dict]]) -> None:
    pdf.set_font(HEBREW, "", 10)
    pdf.set_draw_color(*RULE)
    with pdf.table(
        col_widths=(30, 60),
        width=90,
        align=Align.R,
        text_align=(Align.C, Align.R),
        headings_style=FontFace(family=HEBREW, emphasis="BOLD", color=ACCENT, fill_color=HEADING_FILL),
        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
        line_height=6,
        padding=(1, 2),
    ) as table:
        table.row(("כמה", "סוג המידע"))
        for kind, title in KINDS:
            table.row((str(len(records[kind])), title))


def render_summary(*, business: dict, customer: dict, exported_at: Any, calls: list[dict], messages: list[dict],
                   tasks: list[dict], invoices: list[dict], contracts: list[dict]) -> bytes:
    """summary.pdf: the business, the customer's details, the date of the export, and per kind
    how many records there are and a dated list of them."""
    records = {"calls": calls, "messages": messages, "tasks": tasks, "invoices": invoices, "contracts": contracts}
    exported = _parse_time(exported_at, "exported_at")

    def build(total_pages: int | None) -> _Document:
        pdf = _Document(business=business, title=TITLE, total_pages=total_pages)
        pdf.heading(TITLE, size=18)
        pdf.set_font(HEBREW, "", 9)
        pdf.set_text_color(*MUTED)
        pdf.cell(0, 6, f"הופק ב-{exported:%d/%m/%Y} בשעה {exported:%H:%M} (שעון ישראל), לבקשת הלקוח או לפי דין",
                 align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
        pdf.ln(3)
        pdf.heading("פרטי הלקוח", size=12)
        pdf.labelled(_customer_details(customer))
        pdf.ln(4)
        pdf.heading("המידע השמור", size=12)
        _counts_table(pdf, records)
        for kind, title in KINDS:
            pdf.ln(5)
            if pdf.will_page_break(24):
                pdf.add_page()
            pdf.heading(f"{title} ({len(records[kind])})", size=12)
            if records[kind]:
                _table(pdf, kind, records[kind])
            else:
                pdf.paragraph(NONE, size=10, gap=0)
        pdf.ln(5)
        pdf.set_font(HEBREW, "", 8)
        pdf.set_text_color(*MUTED)
        pdf.multi_cell(0, 4.5, "הקלטות השיחות וקבצי ההודעות השמורים מצורפים לקובץ זה (recordings, media); "
                               "כל הרשומות במלואן נמצאות בקובץ customer.json.",
                       align=Align.R, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.set_text_color(*INK)
        return pdf

    return _two_pass(build)
