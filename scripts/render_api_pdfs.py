"""Screenshot the invoice and the signed contract PDFs exactly as the API serves them.

    .venv/bin/python scripts/render_api_pdfs.py

Builds the app on a temporary SQLite database, creates a business, a user and a customer,
then goes through the real API with the app's test client: creates and issues an invoice,
creates, sends and signs a contract (with a drawn signature), fetches both PDFs and turns
their first pages into docs/screenshots/invoice.png and docs/screenshots/contract-signed.png
with poppler's `pdftoppm -png -r 80 -singlefile` (Debian: poppler-utils).
"""

from __future__ import annotations

import asyncio
import base64
import io
import math
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.app import create_app  # noqa: E402
from server.config import Settings  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"
PASSWORD = "screenshot-password"

LINES = [
    {"description": "ליווי עסקת מכר דירה ברחוב ויצמן 8, כולל בדיקת נסח טאבו", "quantity": 1, "unit_price": "8500"},
    {"description": "שמאות מקרקעין (דוח מלא)", "quantity": 1, "unit_price": "2750"},
    {"description": "שעות ייעוץ משפטי", "quantity": "3.5", "unit_price": "450"},
    {"description": "צילום מקצועי ופרסום במודעות Yad2 ו-Madlan", "quantity": 2, "unit_price": "600"},
    {"description": "הפקת תוכנית קומה (PDF + DWG)", "quantity": 1, "unit_price": "390.50"},
]
CONTRACT_TITLE = "הסכם בלעדיות לשיווק נכס"
CONTRACT_BODY = """\
הסכם זה נחתם בין סוכנות הדגמה בע"מ (להלן: "הסוכנות") לבין הלקוחה (להלן: "הלקוחה") \
לצורך שיווק הנכס ברחוב ויצמן 8, תל אביב.

1. הסוכנות תשווק את הנכס בתקופה של 6 חודשים, ותפרסם אותו באתרי Yad2 ו-Madlan.

2. דמי התיווך יעמדו על 2% ממחיר המכירה בתוספת מע"מ, וישולמו במעמד חתימת חוזה המכר.

3. הלקוחה תודיע לסוכנות על כל פנייה ישירה של קונה פוטנציאלי בתקופת ההסכם."""


def drawn_signature() -> str:
    """A handwriting-like stroke, as the signing page's canvas would send it."""
    image = Image.new("RGBA", (600, 200), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(40 + t * 5.2, 110 + 45 * math.sin(t / 9) * math.cos(t / 23) - t * 0.25) for t in range(100)]
    draw.line(points, fill="#0b1f44", width=5, joint="curve")
    draw.line([(120, 150), (470, 140)], fill="#0b1f44", width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


async def fetch_pdfs(workdir: Path) -> dict[str, bytes]:
    settings = Settings(public_host="https://crm.agentlocator.test", database_url=f"sqlite://{workdir}/db.sqlite3",
                        jwt_secret="screenshots-only-secret-0123456789", media_root=workdir / "media",
                        run_worker=False, auto_migrate=True)
    app = create_app(settings=settings)
    async with app.test_app():
        from server.auth.service import create_user
        from server.businesses.models import Business
        from server.businesses.service import create_business
        from server.customers.models import Customer

        business = await create_business(name="סוכנות הדגמה בע\"מ", phone="+97235550100")
        await Business.filter(id=business.id).update(
            tax_id="514567893", address="רחוב הרצל 12, תל אביב", phone="+97235550100",
            email="office@agentlocator.test", invoice_seq=1041)
        await create_user(business_id=business.id, email="demo@agentlocator.test", password=PASSWORD, role="admin",
                          name="דמו")
        customer = await Customer.create(business_id=business.id, name="דנה לוי", phone="+972541234567",
                                         email="dana.levi@example.com")
        client = app.test_client()

        async def call(method: str, path: str, expect: int = 200, **kwargs):
            response = await getattr(client, method)(path, **kwargs)
            if response.status_code != expect:
                raise SystemExit(f"{method.upper()} {path}: {response.status_code} {await response.get_data()}")
            return response

        login = await call("post", "/auth/login", json={"email": "demo@agentlocator.test", "password": PASSWORD})
        headers = {"Authorization": f"Bearer {(await login.get_json())['access_token']}"}

        invoice = await (await call("post", "/api/crm/invoices", 201, headers=headers, json={
            "customer_id": customer.id, "lines": LINES, "status": "issued",
            "notes": "התשלום בהעברה בנקאית לחשבון 12-345-678901 תוך 30 יום."})).get_json()
        contract = await (await call("post", "/api/crm/contracts", 201, headers=headers, json={
            "customer_id": customer.id, "title": CONTRACT_TITLE, "body": CONTRACT_BODY})).get_json()
        sent = await (await call("post", f"/api/crm/contracts/{contract['id']}/send", headers=headers)).get_json()
        sign_path = sent["sign_url"].removeprefix(settings.public_base_url)
        await call("post", sign_path, json={"name": "דנה לוי", "signature_png": drawn_signature()},
                   headers={"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)"},
                   scope_base={"client": ("84.229.10.20", 50000)})
        invoice_pdf = await call("get", f"/api/crm/invoices/{invoice['id']}/pdf", headers=headers)
        contract_pdf = await call("get", f"/api/crm/contracts/{contract['id']}/pdf", headers=headers)
        return {"invoice": await invoice_pdf.get_data(), "contract-signed": await contract_pdf.get_data()}


def main() -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name, pdf in asyncio.run(fetch_pdfs(workdir)).items():
            source = workdir / f"{name}.pdf"
            source.write_bytes(pdf)
            subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(source), str(SCREENSHOTS / name)],
                           check=True)
            print(SCREENSHOTS / f"{name}.png")


if __name__ == "__main__":
    main()
