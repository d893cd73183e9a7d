"""הגדרות שיחות (desktop/views/call_settings.py) and its week grid (desktop/widgets/hours_grid.py):
the grid round-trips the server's `hours`, adds and removes ranges, closes a day with its
last range; against a live server the dialog shows the business's settings and upcoming
holidays, saves every field with one PATCH, and shows the server's refusals in Hebrew."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt, QTime

from desktop.api import Api
from desktop.display import when
from desktop.live_errors import MESSAGES
from desktop.views.call_settings import CallSettingsDialog, business_time
from desktop.widgets.hours_grid import HoursGrid
from tests.conftest import PASSWORD

ADMIN = "hours@example.com"
TIMEOUT = 15_000
WEEK = {"sun": [["08:00", "13:00"], ["14:00", "18:00"]], "mon": [["08:00", "17:00"]], "tue": [["08:00", "17:00"]],
        "wed": [["08:00", "17:00"]], "thu": [["08:00", "24:00"]], "fri": [["08:00", "13:00"]], "sat": []}


# -- the grid, without a server ------------------------------------------------------------
def test_the_grid_shows_and_returns_the_servers_hours(qtbot, app):
    grid = HoursGrid()
    qtbot.addWidget(grid)
    grid.set_value(WEEK)
    assert grid.value() == WEEK  # 24:00 survives as an end of 00:00 in Qt's time edit
    assert grid.days["thu"].ranges[0].end.time() == QTime(0, 0)
    saturday = grid.days["sat"]
    assert not saturday.open_box.isChecked() and not saturday.closed_label.isHidden()
    assert [day.name.text() for day in grid.days.values()] == ["ראשון", "שני", "שלישי", "רביעי", "חמישי", "שישי",
                                                               "שבת"]


def test_ranges_are_added_and_removed_and_the_last_removed_closes_the_day(qtbot, app):
    grid = HoursGrid()
    qtbot.addWidget(grid)
    grid.set_value(WEEK)
    monday = grid.days["mon"]
    with qtbot.waitSignal(grid.changed):
        qtbot.mouseClick(monday.add_button, Qt.MouseButton.LeftButton)
    assert grid.value()["mon"] == [["08:00", "17:00"], ["18:00", "21:00"]]  # the evening after the day
    monday.ranges[1].end.setTime(QTime(22, 30))
    assert grid.value()["mon"][1] == ["18:00", "22:30"]
    for edit in list(monday.ranges):
        qtbot.mouseClick(edit.remove_button, Qt.MouseButton.LeftButton)
    assert grid.value()["mon"] == [] and not monday.open_box.isChecked()
    # Opening Saturday gives it the usual day, to edit.
    grid.days["sat"].open_box.setChecked(True)
    assert grid.value()["sat"] == [["08:00", "17:00"]]
    grid.days["sat"].open_box.setChecked(False)
    assert grid.value()["sat"] == []


def test_every_refusal_code_has_hebrew():
    for code in ("invalid_hours", "hours_overlap", "hours_unknown_day", "invalid_call_mode", "invalid_ring_seconds",
                 "invalid_callback_minutes", "invalid_presence", "invalid_range"):
        text = MESSAGES[code]
        assert text and not any("a" <= c.lower() <= "z" for c in text), code


# -- against the server --------------------------------------------------------------------
@pytest.fixture(scope="module")
def hours_shop(live_server):
    live_server.seed({"name": "משרד השעות", "phone": "+97235550177",
                      "users": [{"email": ADMIN, "password": PASSWORD, "role": "admin"}]})
    return live_server


@pytest.fixture
def dialog(qtbot, hours_shop, tasks):
    api = Api(hours_shop.base_url)
    api.login(ADMIN, PASSWORD)
    dialog = CallSettingsDialog(api, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.business is not None, timeout=TIMEOUT)
    return dialog


def business(live, dialog) -> dict:
    response = httpx.get(f"{live.base_url}/api/business", timeout=10,
                         headers={"Authorization": f"Bearer {dialog.api._access_token}"})
    assert response.status_code == 200, response.text
    return response.json()


def test_the_dialog_saves_mode_seconds_minutes_holidays_and_the_week(qtbot, dialog, hours_shop):
    assert dialog.save_button.isEnabled()
    upcoming = business(hours_shop, dialog)["upcoming_holidays"]
    if upcoming:  # in December none of Israel's official holidays falls within 90 days
        assert all(holiday["name"] in dialog.upcoming.text() for holiday in upcoming)
    else:
        assert dialog.upcoming.text() == "אין חגים רשמיים בשלושת החודשים הקרובים."
    dialog.ring_agents.setChecked(True)
    dialog.ring_seconds.setValue(25)
    dialog.callback_minutes.setValue(45)
    dialog.holidays.setChecked(False)
    dialog.hours.set_value(WEEK)
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "ההגדרות נשמרו."
    saved = business(hours_shop, dialog)
    assert (saved["call_mode"], saved["ring_seconds"], saved["callback_minutes"], saved["closed_on_holidays"]) == (
        "ring_agents", 25, 45, False)
    assert saved["hours"] == WEEK


def test_overlapping_ranges_are_refused_in_hebrew_and_nothing_is_saved(qtbot, dialog, hours_shop):
    before = business(hours_shop, dialog)["hours"]
    tuesday = dialog.hours.days["tue"]
    tuesday.set_ranges([["08:00", "12:00"]])
    second = tuesday.add_range("11:00", "15:00")  # overlaps the morning
    assert dialog.hours.value()["tue"] == [["08:00", "12:00"], ["11:00", "15:00"]]
    with qtbot.waitSignal(dialog.save_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == MESSAGES["hours_overlap"]
    assert dialog.status.text().startswith("יש ביום אחד שני טווחי שעות שחופפים") and dialog.status.isVisible()
    assert "hours_overlap" not in dialog.status.text()
    assert "#c62828" in dialog.hours.styleSheet()  # the grid framed red
    assert business(hours_shop, dialog)["hours"] == before
    # Fixed, it saves, and the red frame goes with the first change.
    second.start.setTime(QTime(13, 0))
    assert dialog.hours.styleSheet() == ""
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert business(hours_shop, dialog)["hours"]["tue"] == [["08:00", "12:00"], ["13:00", "15:00"]]


def test_the_coming_holidays_are_listed_by_name_and_date(qtbot, dialog):
    """In December none of Israel's official holidays is within 90 days: Passover's answer, as
    the server gives it in February."""
    dialog.show_business({**dialog.business, "open_now": True, "upcoming_holidays": [
        {"date": "2027-04-22", "name": "פסח"}, {"date": "2027-04-28", "name": "שביעי של פסח"}]})
    assert dialog.upcoming.text() == ("החגים הקרובים: פסח · \u206622/04/2027\u2069; "
                                      "שביעי של פסח · \u206628/04/2027\u2069")
    assert dialog.open_now.text() == "עכשיו: פתוח"


def test_an_end_before_the_start_is_refused_in_hebrew(qtbot, dialog):
    dialog.hours.days["wed"].set_ranges([["17:00", "09:00"]])
    with qtbot.waitSignal(dialog.save_failed, timeout=TIMEOUT) as failed:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert failed.args[0] == MESSAGES["invalid_hours"]


def test_the_next_opening_is_told_by_the_businesss_clock():
    # 06:00 UTC is 08:00 in Israel in December, whatever this computer's zone.
    assert business_time("2026-12-02T06:00:00+00:00", "Asia/Jerusalem") == "02/12/2026 08:00"
    assert business_time("2026-12-02T06:00:00+00:00", "Nowhere/Else") == when("2026-12-02T06:00:00+00:00")
