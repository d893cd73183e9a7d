"""Settings → פרטיות ושמירת מידע and רשות המסים (issue 19, admins), in a real browser against a
real server: retention months (a bad number refused in Hebrew), what agents may do, the
recording notice switched off only after a dialog that says callers will no longer hear it, its
wording (the business's own, rendered to MP3, and back to the default) with a player, and the Tax
Authority's credentials: write-only, saved, shown as configured with their source, removed.
Screenshots: web-privacy-settings-desktop.png / -phone.png, web-tax-authority-desktop.png / -phone.png.

`test_the_notice_takes_the_business_own_wording` needs the lead's PUT/DELETE
/api/business/recording_notice/text and `test_tax_authority_credentials_are_write_only` the
`alloc` branch's PUT/DELETE /api/business/tax_authority; the rest runs on main's PATCH."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.web.conftest import needs_browser, sign_in

pytestmark = needs_browser
SIZES = {"desktop": {"width": 1440, "height": 900}, "phone": {"width": 390, "height": 844}}
NOTICE = "שלום, שימו לב: השיחה מוקלטת ונשמרת כדי שנוכל לחזור אליכם."


def settings(browser, seeded, size: str = "desktop"):
    page = sign_in(browser, seeded, f"{seeded.base_url}/settings")
    page.set_viewport_size(SIZES[size])
    page.get_by_role("heading", name="פרטיות ושמירת מידע").wait_for()
    return page


def section_shot(page, shots, name: str, section) -> None:
    """The section alone, whole: a crop of the full page scrolled to the top (the sticky top
    bar stays where it belongs)."""
    page.evaluate("window.scrollTo(0, 0)")
    box = section.bounding_box()
    shots(page, name, full_page=True, clip={"x": 0, "y": max(box["y"] - 16, 0), "width": page.viewport_size["width"],
                                            "height": box["height"] + 32})


def test_retention_and_agents_permissions_are_saved(seeded, browser):
    page = settings(browser, seeded)
    section = page.get_by_test_id("privacy-settings")
    months = section.get_by_label("לשמור הקלטות, תמלולים וקבצים (חודשים)")
    expect(months).to_have_value(str(seeded.api("GET", "/api/business")["retention_months"]))

    months.fill("0")
    section.get_by_role("button", name="שמירת הגדרות הפרטיות").click()
    expect(section.get_by_test_id("privacy-error")).to_contain_text(
        "תקופת שמירת המידע צריכה להיות בין חודש אחד ל-120 חודשים")
    assert seeded.api("GET", "/api/business")["retention_months"] == 24

    months.fill("36")
    section.get_by_label("נציגים רשאים לייצא נתונים ל-CSV").check()
    section.get_by_label("נציגים רשאים להאזין להקלטות שיחה").uncheck()
    section.get_by_role("button", name="שמירת הגדרות הפרטיות").click()
    expect(section.get_by_role("status").filter(has_text="ההגדרות נשמרו.")).to_be_visible()
    business = seeded.api("GET", "/api/business")
    assert (business["retention_months"], business["agents_can_export"], business["agents_can_listen"]) == (
        36, True, False)
    seeded.api("PATCH", "/api/business", json={"retention_months": 24, "agents_can_export": False,
                                                "agents_can_listen": True})
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_notice_goes_off_only_after_the_dialog(seeded, browser, shots, size):
    page = settings(browser, seeded, size)
    block = page.get_by_test_id("recording-notice")
    switch = block.get_by_role("switch", name="להשמיע למתקשרים הודעה שהשיחה מוקלטת")
    expect(switch).to_be_checked()
    wording = seeded.api("GET", "/api/business")["recording_notice_text"]
    expect(block.get_by_test_id("notice-text")).to_have_text(wording)
    expect(block.get_by_test_id("current-notice")).to_have_attribute("src", re.compile(r"(recording_)?notice\.mp3\?v="))
    section_shot(page, shots, f"web-privacy-settings-{size}", page.get_by_test_id("privacy-settings"))

    switch.click()  # asks first: the switch stays on until the dialog says so
    dialog = page.get_by_role("dialog", name="לכבות את הודעת ההקלטה?")
    expect(dialog).to_contain_text("מתקשרים לא ישמעו שהשיחה מוקלטת")
    dialog.get_by_role("button", name="ביטול").click()
    expect(switch).to_be_checked()
    assert seeded.api("GET", "/api/business")["recording_notice"] is True

    switch.click()
    page.get_by_role("dialog").get_by_role("button", name="כיבוי ההודעה").click()
    expect(switch).not_to_be_checked()
    expect(block.get_by_role("status")).to_contain_text("ההודעה כבויה")
    assert seeded.api("GET", "/api/business")["recording_notice"] is False

    switch.click()  # on again needs no dialog
    expect(switch).to_be_checked()
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert seeded.api("GET", "/api/business")["recording_notice"] is True
    page.context.close()


def test_the_notice_takes_the_business_own_wording(seeded, browser):
    page = settings(browser, seeded)
    block = page.get_by_test_id("recording-notice")
    player = block.get_by_test_id("current-notice")
    before = player.get_attribute("src")
    block.get_by_label("נוסח משלכם").fill(NOTICE)
    block.get_by_role("button", name="הפעלת הנוסח").click()
    expect(block.get_by_test_id("notice-text")).to_have_text(NOTICE, timeout=30_000)
    business = seeded.api("GET", "/api/business")
    assert business["recording_notice_text"] == NOTICE and business["recording_notice_default"] is False
    expect(player).not_to_have_attribute("src", before)
    served = seeded.http.get(business["recording_notice_url"])
    assert served.status_code == 200 and (served.content[:3] == b"ID3" or served.content[0] == 0xFF)  # an MP3

    block.get_by_role("button", name="חזרה לנוסח ברירת המחדל").click()
    expect(block.get_by_role("button", name="חזרה לנוסח ברירת המחדל")).to_have_count(0)
    business = seeded.api("GET", "/api/business")
    assert business["recording_notice_default"] is True
    expect(block.get_by_test_id("notice-text")).to_have_text(business["recording_notice_text"])
    expect(block.get_by_label("נוסח משלכם")).to_have_value(business["recording_notice_text"])
    page.context.close()


@pytest.mark.parametrize("size", SIZES)
def test_tax_authority_credentials_are_write_only(seeded, browser, shots, size):
    page = settings(browser, seeded, size)
    section = page.get_by_test_id("tax-authority-settings")
    state = section.get_by_test_id("tax-authority-state")
    expect(state).to_contain_text("לא הוגדרו פרטי התחברות")
    save = section.get_by_role("button", name="שמירת פרטי ההתחברות")
    section.get_by_label("מזהה לקוח (Client ID)").fill("client-123")
    section.get_by_label("סוד לקוח (Client Secret)").fill("s3cret")
    expect(save).to_be_disabled()  # all three, or nothing
    section.get_by_label("אסימון רענון (Refresh Token)").fill("refresh-xyz")
    save.click()
    expect(state).to_contain_text("מוגדר")
    expect(state).to_contain_text("נשמר בהגדרות")
    for field in ("מזהה לקוח (Client ID)", "סוד לקוח (Client Secret)", "אסימון רענון (Refresh Token)"):
        expect(section.get_by_label(field)).to_have_value("")  # never kept, never shown back
    business = seeded.api("GET", "/api/business")
    assert business["tax_authority"] == {"configured": True, "source": "settings"}
    assert "s3cret" not in str(business) and "s3cret" not in page.content()
    section_shot(page, shots, f"web-tax-authority-{size}", section)

    section.get_by_role("button", name="הסרת הפרטים").click()
    page.get_by_role("dialog").get_by_role("button", name="הסרה").click()
    expect(state).to_contain_text("לא הוגדרו פרטי התחברות")
    assert seeded.api("GET", "/api/business")["tax_authority"] == {"configured": False, "source": None}
    page.context.close()


def test_the_business_own_tax_id_is_set_where_a_waiting_invoice_points(seeded, browser):
    before = seeded.api("GET", "/api/business")["tax_id"]
    page = settings(browser, seeded)
    section = page.get_by_test_id("tax-authority-settings")
    field = section.get_by_label("ח.פ. / ע.מ.")
    expect(field).to_have_value(before)
    field.fill("514567893")
    section.get_by_role("button", name="שמירת מספר העוסק").click()
    expect(section.get_by_role("status").filter(has_text="מספר העוסק נשמר.")).to_be_visible()
    assert seeded.api("GET", "/api/business")["tax_id"] == "514567893"
    seeded.api("PATCH", "/api/business", json={"tax_id": before})
    page.context.close()
