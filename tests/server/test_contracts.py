"""Contracts: send, the public signing page, signing once, the signed PDF, signatures."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io

import pytest
from PIL import Image, ImageDraw
from pypdf import PdfReader

from server.businesses.service import create_business
from server.contracts.models import Contract, Signature
from server.customers.models import Customer
from tests.conftest import PUBLIC_HOST

TITLE = "הסכם שירות"
BODY = "הלקוח מתחייב לשלם 1,000 ₪ בחודש.\n\nהחוזה בתוקף לשנה."


def png_url(draw: bool = True, size=(300, 120), mode="RGBA") -> str:
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else "white")
    if draw:
        ImageDraw.Draw(image).line([(20, 90), (80, 20), (140, 100), (200, 30), (280, 80)], fill="#0b1f44", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
async def customer(business):
    return await Customer.create(business=business, name="דנה כהן", phone="+972541234567")


async def new_contract(client, headers, customer_id, **fields):
    response = await client.post("/api/crm/contracts", headers=headers,
                                 json={"customer_id": customer_id, "title": TITLE, "body": BODY, **fields})
    assert response.status_code == 201, await response.get_data(as_text=True)
    return await response.get_json()


async def sent_contract(client, headers, customer_id) -> dict:
    contract = await new_contract(client, headers, customer_id)
    response = await client.post(f"/api/crm/contracts/{contract['id']}/send", headers=headers)
    assert response.status_code == 200
    return await response.get_json()


def path_of(sign_url: str) -> str:
    assert sign_url.startswith(PUBLIC_HOST + "/sign/")
    return sign_url.removeprefix(PUBLIC_HOST)


async def test_signing_flow_end_to_end(client, auth_headers, customer, settings):
    contract = await new_contract(client, auth_headers, customer.id)
    assert contract["status"] == "draft" and contract["sign_url"] is None and contract["signed_at"] is None
    sent = await client.post(f"/api/crm/contracts/{contract['id']}/send", headers=auth_headers)
    sent = await sent.get_json()
    assert sent["status"] == "sent"
    page_path = path_of(sent["sign_url"])

    page = await client.get(page_path)
    html = await page.get_data(as_text=True)
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert 'dir="rtl"' in html and 'lang="he"' in html and "viewport" in html
    assert TITLE in html and "1,000 ₪" in html and 'id="pad"' in html
    assert "<script>" not in html and "script-src 'self'" in page.headers["Content-Security-Policy"]
    script = await client.get("/sign/assets/sign.js")
    assert script.status_code == 200 and "pointerdown" in await script.get_data(as_text=True)

    signed = await client.post(page_path, json={"name": "דנה כהן", "signature_png": png_url()},
                               headers={"User-Agent": "Mozilla/5.0 (iPhone) test"},
                               scope_base={"client": ("203.0.113.7", 51000)})
    assert signed.status_code == 200, await signed.get_data(as_text=True)
    expected_hash = hashlib.sha256(f"{TITLE}\n\n{BODY}".encode()).hexdigest()
    assert (await signed.get_json())["document_sha256"] == expected_hash

    row = await Signature.get(contract_id=contract["id"])
    assert (row.signer_name, row.ip, row.user_agent) == ("דנה כהן", "203.0.113.7", "Mozilla/5.0 (iPhone) test")
    assert row.document_sha256 == expected_hash and row.business_id == customer.business_id
    image = settings.media_root / row.image_path
    assert row.image_path == f"signatures/{customer.business_id}/{contract['id']}.png"
    assert image.read_bytes().startswith(b"\x89PNG")
    assert row.pdf_path and (settings.media_root / row.pdf_path).is_file()

    read = await (await client.get(f"/api/crm/contracts/{contract['id']}", headers=auth_headers)).get_json()
    assert read["status"] == "signed" and read["signed_at"]

    pdf = await client.get(f"/api/crm/contracts/{contract['id']}/pdf", headers=auth_headers)
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(await pdf.get_data()))
    assert sum(len(p.images) for p in reader.pages) >= 1
    assert expected_hash in "".join(p.extract_text() for p in reader.pages)

    again = await client.post(page_path, json={"name": "מישהו אחר", "signature_png": png_url()})
    assert again.status_code == 409
    assert await Signature.filter(contract_id=contract["id"]).count() == 1
    state = await (await client.get(page_path)).get_data(as_text=True)
    assert "החוזה נחתם" in state and 'id="sign-form"' not in state

    listed = await (await client.get("/api/crm/signatures", headers=auth_headers)).get_json()
    assert listed["total"] == 1
    assert listed["results"][0]["contract_id"] == contract["id"]
    assert set(listed["results"][0]) >= {"id", "contract_id", "signer_name", "signed_at", "ip", "document_sha256"}


async def test_unsigned_pdf_has_no_image(client, auth_headers, customer):
    contract = await new_contract(client, auth_headers, customer.id)
    pdf = await client.get(f"/api/crm/contracts/{contract['id']}/pdf", headers=auth_headers)
    data = await pdf.get_data()
    assert data.startswith(b"%PDF")
    assert pdf.headers["Content-Disposition"] == f'inline; filename="contract-{contract["id"]}.pdf"'
    assert sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages) == 0


@pytest.mark.both_databases
async def test_concurrent_signings_one_wins(client, auth_headers, customer):
    contract = await sent_contract(client, auth_headers, customer.id)
    url = path_of(contract["sign_url"])
    answers = await asyncio.gather(*(client.post(url, json={"name": f"חותם {i}", "signature_png": png_url()})
                                     for i in range(2)))
    assert sorted(a.status_code for a in answers) == [200, 409]
    assert await Signature.filter(contract_id=contract["id"]).count() == 1


@pytest.mark.parametrize("signature", [
    png_url(draw=False),
    png_url(draw=False, mode="RGB"),
    "data:image/png;base64,aGVsbG8gd29ybGQgdGhpcyBpcyBub3QgYSBwbmc=",
    "data:image/jpeg;base64," + base64.b64encode(b"\xff\xd8\xff" + b"0" * 40).decode(),
    "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"0" * 40).decode(),
    "data:image/png;base64,@@@@ not base64 @@@@@@@@@@@@@@@@@@@@",
    "https://example.com/signature.png",
])
async def test_blank_or_non_png_signature_is_422(client, auth_headers, customer, signature):
    contract = await sent_contract(client, auth_headers, customer.id)
    response = await client.post(path_of(contract["sign_url"]), json={"name": "דנה כהן", "signature_png": signature})
    assert response.status_code == 422
    assert (await Contract.get(id=contract["id"])).status == "sent"


@pytest.mark.parametrize("body", [{"name": "ד", "signature_png": png_url()}, {"signature_png": png_url()},
                                  {"name": "x" * 201, "signature_png": png_url()}, {"name": "דנה כהן"}])
async def test_bad_name_is_422(client, auth_headers, customer, body):
    contract = await sent_contract(client, auth_headers, customer.id)
    assert (await client.post(path_of(contract["sign_url"]), json=body)).status_code == 422


async def test_unknown_draft_and_declined_tokens(client, auth_headers, customer):
    missing = await client.get("/sign/no-such-token")
    assert missing.status_code == 404 and 'dir="rtl"' in await missing.get_data(as_text=True)
    assert (await client.post("/sign/no-such-token", json={"name": "דנה", "signature_png": png_url()})).status_code \
        == 404

    draft = await new_contract(client, auth_headers, customer.id)
    token = (await Contract.get(id=draft["id"])).sign_token
    assert (await client.get(f"/sign/{token}")).status_code == 404
    assert (await client.post(f"/sign/{token}", json={"name": "דנה", "signature_png": png_url()})).status_code \
        == 404

    sent = await sent_contract(client, auth_headers, customer.id)
    declined = await client.patch(f"/api/crm/contracts/{sent['id']}", headers=auth_headers,
                                  json={"status": "declined"})
    assert (await declined.get_json())["status"] == "declined"
    page = await client.get(path_of(sent["sign_url"]))
    html = await page.get_data(as_text=True)
    assert page.status_code == 200 and "נדחה" in html and 'id="sign-form"' not in html
    refused = await client.post(path_of(sent["sign_url"]), json={"name": "דנה", "signature_png": png_url()})
    assert refused.status_code == 409


async def test_signing_is_rate_limited_per_ip(client, auth_headers, customer):
    contract = await sent_contract(client, auth_headers, customer.id)
    url = path_of(contract["sign_url"])
    codes = [(await client.post(url, json={"name": "דנה", "signature_png": png_url(draw=False)})).status_code
             for _ in range(11)]
    assert codes == [422] * 10 + [429]


async def test_only_drafts_are_edited_or_deleted(client, auth_headers, customer):
    draft = await new_contract(client, auth_headers, customer.id)
    edited = await client.patch(f"/api/crm/contracts/{draft['id']}", headers=auth_headers,
                                json={"title": "הסכם מעודכן", "status": "sent", "sign_token": "mine"})
    body = await edited.get_json()
    assert (body["title"], body["status"]) == ("הסכם מעודכן", "sent")
    assert (await Contract.get(id=draft["id"])).sign_token != "mine"
    locked = await client.patch(f"/api/crm/contracts/{draft['id']}", headers=auth_headers, json={"body": "אחר"})
    assert locked.status_code == 409
    assert (await client.delete(f"/api/crm/contracts/{draft['id']}", headers=auth_headers)).status_code == 409

    other = await new_contract(client, auth_headers, customer.id)
    assert (await client.delete(f"/api/crm/contracts/{other['id']}", headers=auth_headers)).status_code == 204
    assert (await client.get(f"/api/crm/contracts/{other['id']}", headers=auth_headers)).status_code == 404


async def test_sign_url_uses_the_request_host_without_public_host(app, client, auth_headers, customer, settings):
    app.config["SETTINGS"] = settings.with_overrides(public_host="")
    contract = await sent_contract(client, auth_headers, customer.id)
    assert contract["sign_url"].startswith("http://localhost/sign/")


async def test_tenancy(client, auth_headers, customer):
    mine = await sent_contract(client, auth_headers, customer.id)
    await client.post(path_of(mine["sign_url"]), json={"name": "דנה כהן", "signature_png": png_url()})

    other = await create_business(name="עסק אחר", phone="+97235550199")
    theirs = await Customer.create(business=other, name="לקוח זר")
    response = await client.post("/api/crm/contracts", headers=auth_headers,
                                 json={"customer_id": theirs.id, "title": "x", "body": "y"})
    assert response.status_code == 404
    foreign = await Contract.create(business=other, customer=theirs, title="זר", body="גוף", status="sent",
                                    sign_token="foreign-token")
    await Signature.create(business=other, contract=foreign, signer_name="זר", signed_at=foreign.created_at,
                           ip="10.0.0.1", document_sha256="0" * 64, image_path="x.png")
    for method, suffix in (("get", ""), ("patch", ""), ("delete", ""), ("get", "/pdf"), ("post", "/send")):
        kwargs = {"json": {"title": "x"}} if method == "patch" else {}
        answer = await getattr(client, method)(f"/api/crm/contracts/{foreign.id}{suffix}", headers=auth_headers,
                                                **kwargs)
        assert answer.status_code == 404, (method, suffix)
    signatures = await (await client.get("/api/crm/signatures", headers=auth_headers)).get_json()
    assert [s["contract_id"] for s in signatures["results"]] == [mine["id"]]
    contracts = await (await client.get("/api/crm/contracts", headers=auth_headers)).get_json()
    assert [c["id"] for c in contracts["results"]] == [mine["id"]]


@pytest.mark.both_databases
async def test_lists_filter_and_sort(client, auth_headers, business, customer):
    second = await Customer.create(business=business, name="יוסי לוי")
    first = await new_contract(client, auth_headers, customer.id)
    await sent_contract(client, auth_headers, second.id)
    get = client.get
    sent = await (await get("/api/crm/contracts?status=sent", headers=auth_headers)).get_json()
    assert [c["customer_id"] for c in sent["results"]] == [second.id]
    by_customer = await (await get(f"/api/crm/contracts?customer_id={customer.id}", headers=auth_headers)).get_json()
    assert [c["id"] for c in by_customer["results"]] == [first["id"]]
    by_name = await (await get("/api/crm/contracts", query_string={"q": "יוסי"}, headers=auth_headers)).get_json()
    assert [c["customer_id"] for c in by_name["results"]] == [second.id]
    ascending = await (await get("/api/crm/contracts?sort=id", headers=auth_headers)).get_json()
    assert ascending["results"][0]["id"] == first["id"]
    for query in ("page=0", "limit=500", "sort=sign_token", "status=lost"):
        assert (await get(f"/api/crm/contracts?{query}", headers=auth_headers)).status_code == 422
    for query in ("page=0", "sort=ip", "contract_id=0"):
        assert (await get(f"/api/crm/signatures?{query}", headers=auth_headers)).status_code == 422
