"""לוח שיחות (desktop/views/calls_board.py, desktop/models/board.py): the per-agent model holds
data only (qtmodeltester), and against a live server the board shows the figures of calls
seeded in the database — today's and a chosen range's — with each agent's presence,
following `presence:changed`."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from PySide6.QtCore import QDate, Qt

from desktop.api import Api
from desktop.models.board import MEDIAN, NAME, PRESENCE, AgentsModel
from desktop.realtime import RealtimeBridge
from desktop.views.calls_board import CallsBoard
from server.auth.models import User
from server.calls.models import Call
from server.calls.recordings import recording_file
from tests.conftest import PASSWORD, ROOT

ADMIN, AGENT = "board@example.com", "board-agent@example.com"
TIMEOUT = 15_000


# -- the model, without a server -----------------------------------------------------------
AGENTS = [{"user_id": 1, "name": "דנה", "answered": 40, "called_back": 12, "median_callback_seconds": 900},
          {"user_id": 2, "name": "יוסי", "answered": 0, "called_back": 0, "median_callback_seconds": None}]


def test_the_agents_model_shows_each_agent_with_presence(qtmodeltester, app):
    model = AgentsModel()
    model.set_agents(AGENTS)
    model.set_presence([{"user_id": 1, "status": "available", "effective": "available", "online": True},
                        {"user_id": 2, "status": "available", "effective": "away", "online": False}])
    qtmodeltester.check(model)
    cell = lambda row, column: model.index(row, column).data()  # noqa: E731
    assert [cell(0, c) for c in range(5)] == ["דנה", "זמין", "40", "12", "15 דקות"]
    assert [cell(1, c) for c in range(5)] == ["יוסי", "לא מחובר", "0", "0", "—"]
    model.update_presence({"user_id": 1, "status": "away", "effective": "away", "online": True})
    assert cell(0, PRESENCE) == "לא זמין" and cell(0, NAME) == "דנה"
    assert model.headerData(MEDIAN, Qt.Orientation.Horizontal) == "זמן חציוני עד חזרה"


# -- against the server --------------------------------------------------------------------
async def seed_board_calls(business_id: int, media_root, *, admin_email: str = ADMIN,
                           agent_email: str = AGENT) -> None:
    """Today: five inbound calls, three answered (two by the admin, one by the agent), two
    missed, one of which left a message and was called back 20 minutes later by the agent;
    three days ago one more, missed. (The screenshot script seeds its board with it too.)"""
    now = datetime.now(UTC).replace(microsecond=0)
    admin, agent = await User.get(email=admin_email), await User.get(email=agent_email)
    welcome = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
    rows = (  # (minutes ago, handling, answered by, called back by, recording)
        (50, "answered", admin, None, False), (45, "answered", admin, None, False),
        (40, "answered", agent, None, False), (35, "missed", None, agent, True), (30, "missed", None, None, False),
        (3 * 24 * 60, "missed", None, None, False))
    for number, (minutes, handling, answered_by, called_back_by, recording) in enumerate(rows):
        started = now - timedelta(minutes=minutes)
        call = Call(business_id=business_id, call_sid=f"CAB0A4D{business_id:09x}{number:016x}",
                    direction="inbound",
                    status="completed", from_number=f"+97254000{number:04d}", to_number="+97235550144",
                    started_at=started, created_at=started, duration=30, handling=handling,
                    answered_by=answered_by, answered_at=started + timedelta(seconds=5) if answered_by else None,
                    called_back_by=called_back_by,
                    called_back_at=started + timedelta(minutes=20) if called_back_by else None)
        if recording:
            call.recording_sid = f"RE{number:032x}"
            call.recording_duration = 12
            relative = recording_file(call)
            (media_root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(welcome, media_root / relative)
            call.recording_path = str(relative)
        await call.save()


@pytest.fixture(scope="module")
def board_shop(live_server):
    (business_id,) = live_server.seed({"name": "משרד הלוח", "phone": "+97235550144", "users": [
        {"email": ADMIN, "password": PASSWORD, "role": "admin", "name": "אורית המנהלת"},
        {"email": AGENT, "password": PASSWORD, "role": "agent", "name": "שי הסוכן"}]})
    live_server.run(lambda: seed_board_calls(business_id, live_server.media_root))
    return live_server


@pytest.fixture
def board(qtbot, board_shop, tasks):
    api = Api(board_shop.base_url)
    api.login(ADMIN, PASSWORD)
    board = CallsBoard(api, tasks)
    qtbot.addWidget(board)
    bridge = RealtimeBridge(api)  # as the main window feeds its board
    bridge.event.connect(board.on_event)
    bridge.start()
    board.show()
    qtbot.waitUntil(lambda: board.today_data is not None and board.range_data is not None
                    and bool(board.model.presence) and bridge.connected, timeout=TIMEOUT)
    yield board
    bridge.stop()


def test_the_board_shows_todays_figures_and_the_ranges(qtbot, board):
    today = board.today
    assert [today.text(k) for k in ("calls", "answered", "missed", "messages_left", "called_back")] == [
        "5", "3", "2", "1", "1"]
    assert today.text("median_callback_seconds") == "20 דקות"
    # The default range is the last seven days: the missed call of three days ago too.
    assert board.chosen_range() == (date.today() - timedelta(days=6), date.today())
    assert board.range_figures.text("calls") == "6" and board.range_figures.text("missed") == "3"
    rows = {board.model.index(r, NAME).data(): [board.model.index(r, c).data() for c in range(5)]
            for r in range(board.model.rowCount())}
    assert rows["אורית המנהלת"][2:4] == ["2", "0"]
    assert rows["שי הסוכן"][2:] == ["1", "1", "20 דקות"]
    assert rows["שי הסוכן"][1] == "לא מחובר"  # available by default, but no live connection

    # Yesterday had no calls; a range whose end is before its start is refused before asking.
    with qtbot.waitSignal(board.loaded, timeout=TIMEOUT):
        board.presets["yesterday"].click()
    assert board.range_figures.text("calls") == "0" and board.range_figures.text("median_callback_seconds") == "—"
    board.date_to.setDate(QDate.currentDate().addDays(-10))
    qtbot.waitUntil(lambda: board.status.isVisible(), timeout=TIMEOUT)
    assert board.status.text().startswith("טווח התאריכים אינו תקין")


def test_an_agents_presence_changes_on_the_board_as_it_happens(qtbot, board, board_shop):
    token = board_shop.login(AGENT, PASSWORD)["access_token"]
    response = httpx.put(f"{board_shop.base_url}/api/crm/me/presence", json={"status": "away"},
                         headers={"Authorization": f"Bearer {token}"}, timeout=10)
    assert response.status_code == 200, response.text
    row = next(r for r in range(board.model.rowCount()) if board.model.index(r, NAME).data() == "שי הסוכן")
    qtbot.waitUntil(lambda: board.model.index(row, PRESENCE).data() == "לא זמין", timeout=TIMEOUT)
