"""A customer typed in from the web (a walk-in, a number given over the phone), in a real browser
against a real server, at 1440×900 and on a phone: "לקוח חדש" opens a dialog, a local phone in
any format is saved and the new card opens; a number that is no phone is refused in Hebrew and
nothing is created. Screenshots: table-new-customer-desktop / -phone (see `shots`)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import log_in, needs_browser
from tests.web.seed import EMAIL

pytestmark = needs_browser
VIEWPORTS = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
LATIN = re.compile(r"[A-Za-z]{3,}")


def count(seeded, name: str) -> int:
    return seeded.api("GET", "/api/crm/customers", params={"q": name})["total"]


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_new_customer_is_saved_and_its_card_opens(seeded, browser, shots, size):
    name = f"לקוחה מהאתר {size}"
    context = browser.new_context(viewport=VIEWPORTS[size], locale="he-IL")
    page = context.new_page()
    try:
        log_in(page, seeded.base_url, EMAIL)
        page.get_by_role("button", name="לקוח חדש").first.click()
        dialog = page.get_by_role("dialog", name="לקוח חדש")
        expect(dialog.get_by_label("שם")).to_be_focused()

        # Not a phone number: refused in Hebrew, the dialog keeps what was typed, nothing made.
        dialog.get_by_label("שם").fill(name)
        dialog.get_by_label("טלפון").fill("12")
        dialog.get_by_role("button", name="יצירת לקוח").click()
        alert = dialog.get_by_role("alert")
        expect(alert).to_contain_text("הלקוח לא נוצר")
        assert not LATIN.search(alert.inner_text()), alert.inner_text()
        expect(dialog.get_by_label("שם")).to_have_value(name)
        assert count(seeded, name) == 0

        dialog.get_by_label("טלפון").fill("052 123 45 99" if size == "desktop" else "0521234598")
        dialog.get_by_label("סטטוס").select_option(label="פעיל")
        shots(page, f"table-new-customer-{size}")
        dialog.get_by_role("button", name="יצירת לקוח").click()
        page.wait_for_url(re.compile(r"/crm/customers/\d+$"))
        expect(page.get_by_role("heading", name=name)).to_be_visible()
        expect(page.locator(".card-head")).to_contain_text("052-123-459")
        expect(dialog).to_have_count(0)
        assert count(seeded, name) == 1

        page.go_back()  # the table lists the new customer
        expect(page.get_by_text(name).first).to_be_visible()
    finally:
        context.close()
