"""The customers CSV as the screen shows it: the asked columns in their order under the screen's
Hebrew headers, dates in the business's own zone, Hebrew statuses and sources, a dated file name;
and what it always kept: every matching row in the list's order, streamed, a BOM, no formulas."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest

from server.auth.service import create_user
from server.businesses.models import Business
from server.customers.models import Customer
from server.labels import label
from tests.server.test_customers import PEOPLE, add_people  # the same four people as the list tests

EXPORT = "/api/crm/customers/export.csv"
# One summer instant and one winter instant, shown by hand in each zone (not by the code under test).
SUMMER = datetime(2026, 7, 1, 9, 5, tzinfo=UTC)  # Israel UTC+3, New York UTC-4
WINTER = datetime(2026, 1, 15, 22, 30, tzinfo=UTC)  # Israel UTC+2 (already the 16th), New York UTC-5
SHOWN = {"Asia/Jerusalem": ("01/07/2026 12:05", "16/01/2026 00:30"),
         "America/New_York": ("01/07/2026 05:05", "15/01/2026 17:30")}


async def exported(client, headers, **query) -> tuple[list[str], list[list[str]]]:
    response = await client.get(EXPORT, query_string=query, headers=headers)
    assert response.status_code == 200, await response.get_data(as_text=True)
    header, *rows = list(csv.reader(io.StringIO((await response.get_data()).decode("utf-8-sig"))))
    return header, rows


@pytest.mark.both_databases
async def test_the_default_is_the_screens_columns_with_its_headers(client, auth_headers):
    await add_people(client, auth_headers)
    header, rows = await exported(client, auth_headers, sort="name")
    assert header == ["שם", "טלפון", "אימייל", "סטטוס", "קשר אחרון", "נוצר"]
    assert [row[:4] for row in rows] == [
        ["Dana Smith", "'+1 415-555-0100", "smith@example.com", "ליד"],  # a foreign number, kept as text
        ["דנה כהן", "054-123-4567", "dana@example.com", "ליד"],
        ["יוסי לוי", "052-765-4321", "yossi@example.co.il", "ליד"],
        ["משה דנון", "03-555-0123", "", "ליד"],
    ]
    assert {row[4] for row in rows} == {""}  # no contact yet


@pytest.mark.both_databases
async def test_only_the_asked_columns_in_the_asked_order(client, auth_headers, business, user):
    dana, yossi, *_ = await add_people(client, auth_headers)
    nameless = await create_user(business_id=business.id, email="nameless@example.com", password="x" * 12,
                                 role="agent", name="")
    for customer, owner in ((dana, user.id), (yossi, nameless.id)):
        response = await client.patch(f"/api/crm/customers/{customer['id']}",
                                      json={"owner_id": owner, "status": "active", "address": "הרצל 1, חיפה"},
                                      headers=auth_headers)
        assert response.status_code == 200
    await Customer.filter(id=yossi["id"]).update(source="whatsapp")
    header, rows = await exported(client, auth_headers, sort="name",
                                  columns="owner,status,id,source,address,name")
    assert header == ["אחראי", "סטטוס", "מזהה", "מקור", "כתובת", "שם"]
    by_name = {row[-1]: row for row in rows}
    assert by_name["דנה כהן"] == ["סוכנת", "פעיל", str(dana["id"]), "הזנה ידנית", "הרצל 1, חיפה", "דנה כהן"]
    assert by_name["יוסי לוי"] == [nameless.email, label("customer_status", "active"), str(yossi["id"]),
                                   "וואטסאפ", "הרצל 1, חיפה", "יוסי לוי"]  # no name: the user's e-mail
    assert by_name["משה דנון"][:4] == ["", "ליד", by_name["משה דנון"][2], "הזנה ידנית"]  # nobody owns it
    assert len(rows) == len(PEOPLE) and all(len(row) == 6 for row in rows)

    header, rows = await exported(client, auth_headers, q="דנה כהן", columns="email")
    assert (header, rows) == (["אימייל"], [["dana@example.com"]])


@pytest.mark.both_databases
@pytest.mark.parametrize("zone", ["Asia/Jerusalem", "America/New_York"])
async def test_dates_are_the_business_local_time_as_the_desktop_shows_them(client, auth_headers, business, zone):
    await Business.filter(id=business.id).update(timezone=zone)
    dana, *_ = await add_people(client, auth_headers)
    await Customer.filter(id=dana["id"]).update(last_contact_at=SUMMER, created_at=WINTER)
    header, rows = await exported(client, auth_headers, q="דנה כהן",
                                  columns="last_contact_at,created_at,updated_at")
    assert header == ["קשר אחרון", "נוצר", "עודכן"]
    (row,) = rows
    assert row[:2] == list(SHOWN[zone])
    updated = (await Customer.get(id=dana["id"])).updated_at.astimezone(ZoneInfo(zone))
    assert row[2] == f"{updated:%d/%m/%Y %H:%M}"


async def test_the_file_is_named_by_the_business_local_date(client, auth_headers, business):
    await Business.filter(id=business.id).update(timezone="Pacific/Kiritimati")  # UTC+14: often not UTC's date
    zone = ZoneInfo("Pacific/Kiritimati")
    before = datetime.now(zone).date()
    response = await client.get(EXPORT, headers=auth_headers)
    after = datetime.now(zone).date()
    assert response.status_code == 200
    expected = {f"attachment; filename=\"customers-{day:%Y-%m-%d}.csv\"; "
                f"filename*=UTF-8''%D7%9C%D7%A7%D7%95%D7%97%D7%95%D7%AA-{day:%Y-%m-%d}.csv" for day in (before, after)}
    assert response.headers["Content-Disposition"] in expected
    assert quote("לקוחות") == "%D7%9C%D7%A7%D7%95%D7%97%D7%95%D7%AA"


@pytest.mark.both_databases
@pytest.mark.parametrize("columns, problem", [
    ("name,password", "'password'"), ("name,phone,name", "repeated"), ("", "''"), ("name,", "''"),
    ("Name", "'Name'"),
])
async def test_an_unknown_or_repeated_column_is_refused(client, auth_headers, columns, problem):
    await add_people(client, auth_headers)
    refused = await client.get(EXPORT, query_string={"columns": columns}, headers=auth_headers)
    assert refused.status_code == 422 and refused.content_type == "application/json"
    error = (await refused.get_json())["error"]
    assert error["code"] == "invalid_columns" and problem in error["message"]
    assert "Content-Disposition" not in refused.headers


async def test_the_columns_parameter_is_documented_for_the_export_only(client):
    spec = await (await client.get("/openapi.json")).get_json()

    def parameters(path: str) -> dict:
        return {p["name"]: p for p in spec["paths"][path]["get"]["parameters"]}

    columns = parameters(EXPORT)["columns"]
    assert columns["in"] == "query" and "invalid_columns" in columns["description"]
    for column in ("name", "last_contact_at", "owner", "updated_at"):
        assert column in columns["description"]
    assert "columns" not in parameters("/api/crm/customers")
    assert {"q", "sort", "status", "owner_id", "source"} <= parameters(EXPORT).keys()


async def test_csv_export_has_bom_hebrew_and_neutralised_formulas(client, auth_headers):
    await add_people(client, auth_headers)
    for name in ("=HYPERLINK(\"http://evil\")", "+972 is not a formula", "-2+3", "@SUM(A1)"):
        await client.post("/api/crm/customers", json={"name": name, "address": "=1+1"}, headers=auth_headers)
    response = await client.get(EXPORT, query_string={"q": "", "columns": "name,phone,address"},
                                headers=auth_headers)
    assert response.status_code == 200 and response.content_type == "text/csv; charset=utf-8"
    raw = await response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["שם", "טלפון", "כתובת"]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["דנה כהן"][1] == "054-123-4567"  # as people read it: no formula, nothing to escape
    assert by_name["Dana Smith"][1] == "'+1 415-555-0100"  # a foreign number reads the same, as text
    assert {"'=HYPERLINK(\"http://evil\")", "'+972 is not a formula", "'-2+3", "'@SUM(A1)"} <= by_name.keys()
    assert by_name["'-2+3"][2] == "'=1+1"
    assert len(rows) == 1 + len(PEOPLE) + 4


@pytest.mark.parametrize("cell", [
    "=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", "\tplain", "\rplain", " =1+1", "\t\t@x", "\n=cmd|' /C calc'!A0",
    "\r\n+1", "\u00a0=1", "\u3000=1", "＝1+1", "＋1", "－1", "＠SUM(A1)", " ＝1", "﹦1", "﹢1", "﹫x",
])
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped(cell):
    from server.customers.export import safe_cell

    assert safe_cell(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["054-123-4567", "03-555-0123", "דנה כהן", "a=b", "1+1", "", "  שלום", "lead",
                                  "01/07/2026 12:05"])
def test_csv_cells_that_are_only_text_stay_as_they_are(cell):
    from server.customers.export import safe_cell

    assert safe_cell(cell) == cell


@pytest.mark.both_databases
async def test_csv_export_refuses_before_the_first_byte(client, auth_headers, monkeypatch):
    """A bad filter, and an error reading the first batch, are answered with a status: once the
    200 and the header are out, an error could only cut the file short."""
    from server.customers import export

    await add_people(client, auth_headers)
    for query in ({"status": "gone"}, {"owner_id": "99999999999"}, {"q": "a\x00"}, {"sort": "password"},
                  {"columns": "name,secret"}, {"columns": "x" * 301}):
        refused = await client.get(EXPORT, query_string=query, headers=auth_headers)
        assert refused.status_code == 422, query
        assert refused.content_type == "application/json"

    async def refused_walk(query, field, descending):
        raise RuntimeError("the database went away")
        yield  # an async generator, as the real one

    monkeypatch.setattr(export, "_walk", refused_walk)
    failed = await client.get(EXPORT, headers=auth_headers)
    assert failed.status_code == 500 and failed.content_type == "application/json"
    assert (await failed.get_json())["error"]["code"] == "internal_error"


@pytest.mark.both_databases
@pytest.mark.parametrize("sort", ["name", "-name", "last_contact_at", "-last_contact_at", "-id"])
async def test_csv_export_walks_rows_in_the_lists_order_across_batches(client, auth_headers, monkeypatch, sort):
    from server.customers import export

    monkeypatch.setattr(export, "BATCH", 2)  # every keyset boundary is crossed, ties and empty values too
    await add_people(client, auth_headers)
    for name in ("דנה כהן", "אבי", "אבי"):  # name ties, broken by id
        await client.post("/api/crm/customers", json={"name": name}, headers=auth_headers)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    for offset, customer in enumerate(await Customer.all().order_by("id")):
        if customer.id % 3:  # some have no last contact: they come last
            await Customer.filter(id=customer.id).update(last_contact_at=base + timedelta(days=offset % 2))
    _header, rows = await exported(client, auth_headers, sort=sort, columns="id")
    ids = [int(row[0]) for row in rows]
    field, descending = sort.removeprefix("-"), sort.startswith("-")
    customers = await Customer.filter(business_id=(await Customer.get(id=ids[0])).business_id)
    with_value = sorted((c for c in customers if getattr(c, field) is not None),
                        key=lambda c: (getattr(c, field), c.id), reverse=descending)
    without = sorted((c for c in customers if getattr(c, field) is None), key=lambda c: c.id, reverse=descending)
    assert ids == [c.id for c in with_value + without]


@pytest.mark.both_databases
async def test_csv_export_applies_the_list_filters(client, auth_headers, user):
    dana, *_ = await add_people(client, auth_headers)
    _header, rows = await exported(client, auth_headers, q="דנה")
    assert [row[0] for row in rows] == ["דנה כהן"]
    await client.patch(f"/api/crm/customers/{dana['id']}", json={"owner_id": user.id}, headers=auth_headers)
    _header, rows = await exported(client, auth_headers, owner_id="none", sort="name", columns="name,owner")
    assert rows == [["Dana Smith", ""], ["יוסי לוי", ""], ["משה דנון", ""]]
    _header, rows = await exported(client, auth_headers, owner_id=str(user.id), columns="name,owner")
    assert rows == [["דנה כהן", "סוכנת"]]
