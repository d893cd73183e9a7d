"""The customers table in a real browser against a real server, at 1440×900 and on a phone
(390×844): its state (search, filter, sort, page, columns, density) lives in the URL and comes
back after a card and Back and after a reload; sorting toggles between two directions with the
never-contacted last; menus close on an outside click and Esc; saved views (the desktop's too);
the CSV is what the screen shows; on a phone a list of cards without sideways scrolling.
Screenshots: table-desktop, table-phone, table-views-menu, table-columns-menu (see `shots`)."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import expect

from tests.web.conftest import log_in, needs_browser
from tests.web.seed import EMAIL

pytestmark = needs_browser
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
PEOPLE = 54  # "טבלה 00" .. "טבלה 53": every third a lead, the rest active (36: two pages of 25)


def person(k: int) -> str:
    return f"טבלה {k:02d}"


ACTIVE = sorted((person(k) for k in range(PEOPLE) if k % 3), reverse=True)


@pytest.fixture(scope="module")
def people(seeded):
    me = seeded.ids["user_id"]
    for k in range(PEOPLE):
        seeded.api("POST", "/api/crm/customers", 201, json={
            "name": person(k), "phone": f"+97250{3000000 + k:07d}", "email": f"t{k}@example.com",
            "status": "lead" if k % 3 == 0 else "active", "owner_id": me if k % 2 else None})
    return seeded


@pytest.fixture
def table(people, browser):
    """`open(viewport)`: a page logged in through the form, on the customers table; every
    saved view is gone afterwards (a default one would change the next test's first page)."""
    contexts = []

    def open_page(viewport=DESKTOP):
        context = browser.new_context(viewport=viewport, locale="he-IL", accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        log_in(page, people.base_url, EMAIL)
        expect(page.get_by_test_id("total")).not_to_be_empty()
        return page

    yield open_page
    for context in contexts:
        context.close()
    for view in people.api("GET", "/api/crm/views", params={"resource": "customers", "limit": 200})["results"]:
        people.api("DELETE", f"/api/crm/views/{view['id']}", 204)


def query_of(page) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlparse(page.url).query).items()}


def names(page) -> list[str]:
    return page.locator("tbody tr td[data-column=name] a").all_inner_texts()


def header(page, column: str):
    return page.locator(f"thead th[data-column={column}]")


def choose(page, menu: str, item: str) -> None:
    # "סינון" says how many filters are on: "סינון (1)"
    page.get_by_role("button", name=re.compile(rf"^{menu}( \(\d+\))?$")).click()
    page.get_by_role("menuitemradio", name=item, exact=True).click()


def search(page, text: str) -> None:
    box = page.get_by_role("searchbox")
    box.fill(text)
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("q") == [text] if text else "q=" not in url)


def expect_state_restored(page, page_two: list[str]) -> None:
    expect(page.get_by_role("searchbox")).to_have_value("טבלה")
    expect(page.locator(".filter-chip")).to_have_text("סטטוס: פעיל")
    expect(header(page, "name")).to_have_attribute("aria-sort", "descending")
    expect(page.get_by_test_id("page")).to_have_text("עמוד 2 מתוך 2")
    expect(header(page, "email")).to_have_count(0)
    expect(page.locator(".data-table")).to_have_class(re.compile(r"\bdensity-compact\b"))
    expect(page.locator("tbody tr td[data-column=name] a")).to_have_text(page_two)
    expect(page.get_by_test_id("total")).to_have_text("36 לקוחות")


def test_the_state_lives_in_the_url_and_comes_back_after_the_card_and_a_reload(table, shots):
    page = table()
    shots(page, "table-desktop")
    assert query_of(page) == {}  # the defaults write nothing

    # Typing replaces the history entry: no entry per keystroke (each pause writes the URL).
    length = page.evaluate("history.length")
    box = page.get_by_role("searchbox")
    box.press_sequentially("טבלה", delay=450)
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("q") == ["טבלה"])
    assert page.evaluate("history.length") == length

    choose(page, "סינון", "פעיל")
    expect(page.get_by_test_id("total")).to_have_text("36 לקוחות")
    page.get_by_role("button", name="שם", exact=True).click()
    expect(header(page, "name")).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("button", name="שם", exact=True).click()
    expect(header(page, "name")).to_have_attribute("aria-sort", "descending")
    expect(page.locator("tbody tr td[data-column=name] a").first).to_have_text(ACTIVE[0])
    page.get_by_role("button", name="העמוד הבא").click()
    expect(page.get_by_test_id("page")).to_have_text("עמוד 2 מתוך 2")
    expect(page.locator("tbody tr td[data-column=name] a")).to_have_text(ACTIVE[25:])

    columns = page.get_by_role("button", name="עמודות", exact=True)
    columns.click()
    page.get_by_role("group", name="עמודות").get_by_label("אימייל").uncheck()
    expect(header(page, "email")).to_have_count(0)
    page.keyboard.press("Escape")
    choose(page, "צפיפות", "צפופה")
    expect(page.locator(".data-table")).to_have_class(re.compile(r"\bdensity-compact\b"))
    assert page.get_by_test_id("page").inner_text() == "עמוד 2 מתוך 2"  # the look keeps the page
    assert query_of(page) == {"q": "טבלה", "status": "active", "sort": "-name", "page": "2",
                              "cols": "name,phone,status,last_contact_at,created_at", "density": "compact"}

    # A new order goes back to page 1; Back (a pushed entry) returns to page 2.
    page.get_by_role("button", name="שם", exact=True).click()
    expect(page.get_by_test_id("page")).to_have_text("עמוד 1 מתוך 2")
    page.go_back()
    expect_state_restored(page, ACTIVE[25:])

    first = ACTIVE[25]
    page.get_by_role("link", name=first, exact=True).click()
    page.wait_for_url(re.compile(r"/crm/customers/\d+$"))
    expect(page.get_by_role("heading", name=first)).to_be_visible()
    page.go_back()
    expect_state_restored(page, ACTIVE[25:])
    page.reload()
    expect_state_restored(page, ACTIVE[25:])


SORTABLE = {"name": False, "status": False, "last_contact_at": True, "created_at": True}  # column: dates first desc


def test_sort_toggles_between_two_directions_and_newest_contact_comes_first(table, people):
    page = table()
    # The seed's Dana was contacted; every customer made through the API never was.
    contacted = people.api("GET", f"/api/crm/customers/{people.ids['customer_id']}")["name"]
    for column, descending_first in SORTABLE.items():
        button = header(page, column).get_by_role("button")
        current = header(page, column).get_attribute("aria-sort")
        seen = []
        for _ in range(3):
            button.click()
            expected = ("ascending" if current == "descending" else "descending") if current != "none" \
                else ("descending" if descending_first else "ascending")
            expect(header(page, column)).to_have_attribute("aria-sort", expected)
            seen.append(expected)
            current = expected
        assert seen[0] != seen[1] and seen[2] == seen[0] and "none" not in seen, (column, seen)
        assert query_of(page).get("sort", "-created_at").removeprefix("-") == column

    # Last contact: the first click is newest first, and the contacted come before the rest.
    page.goto(f"{people.base_url}/crm/customers")
    header(page, "last_contact_at").get_by_role("button").click()
    expect(header(page, "last_contact_at")).to_have_attribute("aria-sort", "descending")
    expect(page.locator("tbody tr").first.locator("td[data-column=name]")).to_have_text(contacted)
    expect(page.locator("tbody tr").nth(1).locator("td[data-column=last_contact_at]")).to_have_text("אין עדיין")
    header(page, "last_contact_at").get_by_role("button").click()  # oldest first: still contacted first
    expect(header(page, "last_contact_at")).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("tbody tr").first.locator("td[data-column=name]")).to_have_text(contacted)


def test_menus_close_on_an_outside_click_and_on_escape_one_at_a_time(table, shots):
    page = table()
    columns = page.get_by_role("button", name="עמודות", exact=True)
    views = page.get_by_role("button", name="תצוגות", exact=True)
    panels = page.locator(".menu-panel")

    columns.click()
    expect(panels).to_have_count(1)
    expect(columns).to_have_attribute("aria-expanded", "true")
    shots(page, "table-columns-menu")
    page.get_by_role("heading", name="לקוחות").click()  # outside
    expect(panels).to_have_count(0)

    columns.click()
    expect(panels).to_have_count(1)
    page.keyboard.press("Escape")
    expect(panels).to_have_count(0)
    expect(columns).to_be_focused()

    columns.click()
    views.click()
    expect(panels).to_have_count(1)
    expect(columns).to_have_attribute("aria-expanded", "false")
    expect(views).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(views).to_be_focused()

    # "Show all" brings back every column, the reset the default ones.
    columns.click()
    page.get_by_role("button", name="הצגת כל העמודות").click()
    expect(header(page, "address")).to_have_count(1)
    page.get_by_role("button", name="איפוס לעמודות ברירת המחדל").click()
    expect(header(page, "address")).to_have_count(0)
    expect(header(page, "email")).to_have_count(1)


def open_views(page):
    page.get_by_role("button", name="תצוגות", exact=True).click()
    return page.get_by_role("group", name="תצוגות")


def test_saved_views_save_rename_apply_default_and_delete(table, people, shots):
    page = table()
    search(page, "טבלה")
    choose(page, "סינון", "ליד")
    page.get_by_role("button", name="שם", exact=True).click()
    expect(header(page, "name")).to_have_attribute("aria-sort", "ascending")

    open_views(page).get_by_role("button", name="שמירת התצוגה הנוכחית").click()
    dialog = page.get_by_role("dialog", name="שמירת התצוגה הנוכחית")
    dialog.get_by_label("שם התצוגה").fill("הלידים")
    dialog.get_by_role("button", name="שמירה").click()
    expect(dialog).to_have_count(0)
    saved = people.api("GET", "/api/crm/views", params={"resource": "customers"})["results"]
    assert [(v["name"], v["sort"], v["filters"], v["density"]) for v in saved] == [
        ("הלידים", "name", {"q": "טבלה", "status": "lead"}, "normal")]
    assert saved[0]["columns"] == ["name", "phone", "email", "status", "last_contact_at", "created_at"]

    menu = open_views(page)
    expect(menu.get_by_role("menuitemradio", name="הלידים")).to_have_attribute("aria-checked", "true")
    menu.get_by_role("button", name="שינוי שם: הלידים").click()
    dialog = page.get_by_role("dialog", name="שינוי שם התצוגה")
    dialog.get_by_label("שם התצוגה").fill("לידים לטיפול")
    dialog.get_by_role("button", name="שמירה").click()
    expect(dialog).to_have_count(0)

    # Another layout, then the saved one applies again (its state into the URL).
    page.goto(f"{people.base_url}/crm/customers")
    expect(page.get_by_role("searchbox")).to_have_value("")
    open_views(page).get_by_role("menuitemradio", name="לידים לטיפול").click()
    expect(page.get_by_role("searchbox")).to_have_value("טבלה")
    expect(header(page, "name")).to_have_attribute("aria-sort", "ascending")
    expect(page.get_by_test_id("total")).to_have_text("18 לקוחות")
    assert query_of(page) == {"q": "טבלה", "status": "lead", "sort": "name"}

    # The default view opens with a clean URL.
    menu = open_views(page)
    menu.get_by_role("button", name="ברירת מחדל: לידים לטיפול", exact=True).click()
    expect(menu.get_by_role("button", name="ביטול ברירת המחדל: לידים לטיפול", exact=True)).to_be_visible()
    expect(menu.get_by_role("menuitemradio", name="לידים לטיפול")).to_contain_text("ברירת מחדל")
    page.keyboard.press("Escape")
    assert people.api("GET", "/api/crm/views", params={"resource": "customers"})["results"][0]["is_default"]
    page.goto(f"{people.base_url}/crm/customers")
    page.wait_for_url(lambda url: "status=lead" in url)
    expect(page.get_by_test_id("total")).to_have_text("18 לקוחות")

    menu = open_views(page)
    shots(page, "table-views-menu")
    menu.get_by_role("button", name="מחיקה: לידים לטיפול").click()
    dialog = page.get_by_role("dialog", name="מחיקת תצוגה")
    expect(dialog).to_contain_text("לידים לטיפול")
    dialog.get_by_role("button", name="מחיקה").click()
    expect(dialog).to_have_count(0)
    expect(open_views(page).get_by_test_id("view-row")).to_have_count(0)
    assert people.api("GET", "/api/crm/views", params={"resource": "customers"})["results"] == []


def test_a_view_saved_by_the_desktop_is_listed_and_applies(table, people):
    # As desktop/layouts.py `capture` sends it: unset filters as null, its column widths beside.
    people.api("POST", "/api/crm/views", 201, json={
        "resource": "customers", "name": "מהמחשב", "columns": ["status", "name", "phone", "last_contact_at"],
        "sort": "-name", "density": "comfortable", "is_default": False,
        "filters": {"q": "", "status": "active", "owner_id": None, "widths": {"name": 180, "phone": 120}}})
    page = table()
    open_views(page).get_by_role("menuitemradio", name="מהמחשב").click()
    expect(page.locator("thead th")).to_have_count(4)
    assert page.locator("thead th").evaluate_all("ths => ths.map(th => th.dataset.column)") == [
        "status", "name", "phone", "last_contact_at"]
    expect(header(page, "name")).to_have_attribute("aria-sort", "descending")
    expect(page.locator(".data-table")).to_have_class(re.compile(r"\bdensity-comfortable\b"))
    expect(page.get_by_test_id("total")).to_have_text("36 לקוחות")
    expect(page.locator("tbody tr td[data-column=name] a").first).to_have_text(ACTIVE[0])


def test_the_csv_is_what_the_screen_shows(table, people):
    page = table()
    search(page, "טבלה")
    choose(page, "סינון", "פעיל")
    page.get_by_role("button", name="עמודות", exact=True).click()
    page.get_by_role("group", name="עמודות").get_by_label("אימייל").uncheck()
    page.keyboard.press("Escape")
    header(page, "last_contact_at").get_by_role("button").click()
    expect(header(page, "last_contact_at")).to_have_attribute("aria-sort", "descending")

    with page.expect_request(re.compile(r"/api/crm/customers/export\.csv\?")) as request, \
            page.expect_download() as download:
        page.get_by_role("button", name="ייצוא CSV").click()
    sent = {key: values[0] for key, values in parse_qs(urlparse(request.value.url).query).items()}
    assert sent == {"columns": "name,phone,status,last_contact_at,created_at", "status": "active", "q": "טבלה",
                    "sort": "-last_contact_at"}

    # The server's name for the file (its contract: customers-YYYY-MM-DD.csv, the Hebrew
    # לקוחות-YYYY-MM-DD.csv as filename*), the day in the business's time zone.
    disposition = people.http.get("/api/crm/customers/export.csv", params={"columns": "name"}).headers[
        "content-disposition"]
    extended = re.search(r"filename\*=UTF-8''([^;]+)", disposition)
    served = unquote(extended.group(1)) if extended else re.search(r'filename="([^"]+)"', disposition).group(1)
    assert re.fullmatch(r"(customers|לקוחות)-\d{4}-\d{2}-\d{2}\.csv", served), disposition
    assert download.value.suggested_filename == served
    text = open(download.value.path(), encoding="utf-8-sig").read()
    head, *rows = text.strip().splitlines()
    assert len(rows) == 36 and "אימייל" not in head and "@example.com" not in text


def test_a_phone_shows_cards_without_sideways_scrolling(table, shots):
    page = table(PHONE)
    cards = page.get_by_test_id("customer-card")
    expect(cards.first).to_be_visible()
    expect(page.locator("table")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    shots(page, "table-phone")

    search(page, "טבלה")
    choose(page, "סינון", "ליד")
    expect(page.get_by_test_id("total")).to_have_text("18 לקוחות")
    expect(cards).to_have_count(18)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    first = cards.first.locator(".row-card-title").inner_text()

    # A card is a real link: reached by keyboard, opened with Enter.
    cards.first.focus()
    expect(cards.first).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/crm/customers/\d+$"))
    expect(page.get_by_role("heading", name=first)).to_be_visible()
    page.go_back()
    expect(page.get_by_role("searchbox")).to_have_value("טבלה")
    expect(page.get_by_test_id("total")).to_have_text("18 לקוחות")
    expect(cards.first.locator(".row-card-title")).to_have_text(first)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    # The menus open inside the screen.
    page.get_by_role("button", name="תצוגות", exact=True).click()
    box = page.locator(".menu-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_the_owner_filter_mine_nobody_and_everyone(table, people):
    page = table()
    search(page, "טבלה")
    expect(page.get_by_test_id("total")).to_have_text(f"{PEOPLE} לקוחות")
    choose(page, "סינון", "שלי")
    expect(page.get_by_test_id("total")).to_have_text("27 לקוחות")  # the odd ones are the admin's
    assert query_of(page)["owner"] == str(people.ids["user_id"])
    expect(page.locator(".filter-chip")).to_have_text("אחראי: שלי")
    choose(page, "סינון", "ללא אחראי")
    expect(page.get_by_test_id("total")).to_have_text("27 לקוחות")
    assert query_of(page)["owner"] == "none"
    page.get_by_role("button", name="הסרת הסינון אחראי: ללא אחראי").click()
    expect(page.get_by_test_id("total")).to_have_text(f"{PEOPLE} לקוחות")
    assert "owner" not in query_of(page)
