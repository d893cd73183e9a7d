"""The phone greeting dialog (admins only), its real widgets against a real server (Hypercorn in
a subprocess) that renders Hebrew text with espeak-ng, since it has no Google credentials:
preview, publish, upload, errors in Hebrew; an agent's window has no such action."""

from __future__ import annotations

import io
import socket
import stat
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from mutagen.mp3 import MP3
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest

from desktop import cache, greeting
from desktop.api import Api, ApiError, Session
from desktop.views.greeting import GreetingDialog
from desktop.views.main_window import MainWindow
from tests.conftest import BUSINESS_PHONE, PASSWORD, ROOT
from tests.e2e.live import Live
from tests.fakes import FakeGoogle

WELCOME = ROOT / "server" / "static" / "voice_responses" / "welcome.mp3"
ADMIN, AGENT = "manager@example.com", "agent@example.com"
TEXT = "שלום, הגעתם למשרד הדגמה. השאירו הודעה אחרי הצליל ונחזור אליכם בהקדם."
TIMEOUT = 30_000  # a rendering by espeak-ng + an MP3 encoder on a busy 2-core machine


@pytest.fixture(scope="module")
def greeting_server(databases, tmp_path_factory):
    # No Google credentials, whatever this machine's environment holds: espeak-ng renders.
    live = Live.on(databases, tmp_path_factory.mktemp("greeting-live"), GOOGLE_APPLICATION_CREDENTIALS="")
    try:
        [business_id] = live.seed({"name": "משרד הדגמה", "phone": BUSINESS_PHONE, "users": [
            {"email": ADMIN, "password": PASSWORD, "role": "admin", "name": "רונית המנהלת"},
            {"email": AGENT, "password": PASSWORD, "role": "agent", "name": "יוסי הסוכן"}]})
        live.start_server()
        yield SimpleNamespace(live=live, business_id=business_id)
    finally:
        live.stop()


def login(server, email: str) -> Session:
    api = Api(server.live.base_url)
    return Session(api=api, user=api.login(email, PASSWORD))


@pytest.fixture
def admin_session(greeting_server):
    session = login(greeting_server, ADMIN)
    yield session
    session.api.close()


@pytest.fixture
def admin(admin_session) -> Api:
    return admin_session.api


@pytest.fixture
def agent_session(greeting_server):
    session = login(greeting_server, AGENT)
    yield session
    session.api.close()


@pytest.fixture
def agent(agent_session) -> Api:
    return agent_session.api


@pytest.fixture
def open_dialog(qtbot, tasks):
    def opener(api: Api) -> GreetingDialog:
        dialog = GreetingDialog(api, tasks)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
            dialog.show()
        return dialog
    return opener


def business(server, api: Api) -> dict:
    return api.get("/api/business")


def served(server, path: str) -> httpx.Response:
    """What a caller's phone (Twilio) gets for the greeting URL: a plain GET, no session."""
    return httpx.get(server.live.base_url + path, timeout=10)


def duration(data: bytes) -> float:
    return MP3(io.BytesIO(data)).info.length


def in_the_private_cache(path: Path) -> bool:
    return path.parent == cache.folder() and stat.S_IMODE(path.stat().st_mode) == 0o600


def act(qtbot, dialog: GreetingDialog, button, action: str, ok: bool = True) -> None:
    """Click `button`: every action button is disabled at once, until the server answered."""
    with qtbot.waitSignal(dialog.finished_action, timeout=TIMEOUT) as finished:
        button.click()
        assert dialog.busy and not any(b.isEnabled() for b in (
            dialog.preview_button, dialog.publish_button, dialog.upload_button))
    assert finished.args == [action, ok], dialog.status.text()
    assert not dialog.busy and dialog.upload_button.isEnabled()


def set_greeting_file(server, api: Api, data: bytes) -> None:
    """Back to a known state: an uploaded file as the greeting, no text."""
    api.upload("PUT", "/api/business/greeting", data, "audio/mpeg")


# -- who sees it ---------------------------------------------------------------------------

def window_for(qtbot, tasks, session: Session) -> MainWindow:
    window = MainWindow(session, tasks, tray_available=False, realtime=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.loaded_once, timeout=TIMEOUT)
    return window


def toolbar_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.findChildren(type(window.logout_action))]


def test_an_agents_window_has_no_greeting_action(qtbot, tasks, agent_session):
    assert agent_session.user["role"] == "agent"
    window = window_for(qtbot, tasks, agent_session)
    assert window.greeting_action is None
    assert "ברכה טלפונית" not in toolbar_texts(window) and "התנתקות" in toolbar_texts(window)


def test_an_admins_window_opens_the_dialog_and_escape_closes_it(qtbot, tasks, admin_session, app):
    assert admin_session.user["role"] == "admin"
    window = window_for(qtbot, tasks, admin_session)
    assert window.greeting_action is not None and "ברכה טלפונית" in toolbar_texts(window)
    seen = []

    def drive():
        dialog = app.activeModalWidget()
        seen.append(dialog)
        if isinstance(dialog, GreetingDialog):
            qtbot.waitUntil(lambda: dialog.greeting is not None, timeout=TIMEOUT)
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        elif dialog is not None:
            dialog.reject()

    QTimer.singleShot(0, drive)
    window.greeting_action.trigger()  # returns when the dialog closed
    assert len(seen) == 1 and isinstance(seen[0], GreetingDialog)
    assert seen[0].windowTitle().endswith("ברכה טלפונית") and seen[0].installed is None


# -- the dialog ------------------------------------------------------------------------------

def test_it_shows_the_current_greeting_the_basic_voice_notice_and_plays_it(qtbot, open_dialog, admin,
                                                                           greeting_server, shared_tmp):
    set_greeting_file(greeting_server, admin, WELCOME.read_bytes())
    dialog = open_dialog(admin)
    assert dialog.focusWidget() is dialog.text  # ready to type
    current = business(greeting_server, admin)
    assert current["tts_engine"] == "espeak-ng"
    assert dialog.engine_notice.isVisibleTo(dialog) and "Google" in dialog.engine_text.text()
    assert dialog.text.toPlainText() == (current["greeting_text"] or "")
    assert dialog.counter.text() == f"{len(dialog.text.toPlainText())} מתוך 600 תווים"
    assert dialog.current_kind.text() == "ברכה מקובץ שהועלה."

    player = dialog.current_player
    player.button.click()
    qtbot.waitUntil(lambda: player.player is not None
                    and player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=TIMEOUT)
    assert player.source.read_bytes() == served(greeting_server, current["greeting_url"]).content
    assert in_the_private_cache(player.source)
    player.stop()


def test_the_text_box_holds_at_most_600_characters(qtbot, open_dialog, admin):
    dialog = open_dialog(admin)
    dialog.text.setPlainText("   \n ")
    assert not dialog.preview_button.isEnabled() and not dialog.publish_button.isEnabled()
    colors = dialog.preview_button.palette()  # and a disabled button looks disabled (muted words)
    assert colors.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText) != \
        colors.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    dialog.text.setPlainText("")
    dialog.text.insertPlainText("א" * 590)
    dialog.text.insertPlainText("ב" * 25)  # pasted past the limit: what fits is kept
    assert dialog.text.toPlainText() == "א" * 590 + "ב" * 10
    assert dialog.counter.text() == "600 מתוך 600 תווים"
    assert dialog.preview_button.isEnabled() and dialog.publish_button.isEnabled()


def test_preview_renders_the_text_into_a_private_mp3_plays_it_and_stores_nothing(
        qtbot, open_dialog, admin, greeting_server, shared_tmp):
    before = business(greeting_server, admin)
    dialog = open_dialog(admin)
    dialog.text.setPlainText(TEXT)
    act(qtbot, dialog, dialog.preview_button, "preview")

    preview = dialog.preview
    assert preview.text == TEXT and preview.engine == "espeak-ng"
    assert in_the_private_cache(preview.path) and duration(preview.path.read_bytes()) > 1.0
    assert dialog.preview_player.isVisibleTo(dialog) and dialog.preview_player.source == preview.path
    media = dialog.preview_player.player
    qtbot.waitUntil(lambda: media.playbackState() == QMediaPlayer.PlaybackState.PlayingState
                    and media.duration() > 1000, timeout=TIMEOUT)
    assert dialog.engine_notice.isVisibleTo(dialog)
    assert "השמעה בלבד" in dialog.status.text()
    assert business(greeting_server, admin)["greeting_url"] == before["greeting_url"]
    assert served(greeting_server, before["greeting_url"]).content == \
        served(greeting_server, business(greeting_server, admin)["greeting_url"]).content
    dialog.preview_player.stop()

    # The same text again replays the file it already has: no new rendering, no busy state.
    dialog.preview_button.click()
    assert not dialog.busy and dialog.preview_player.source == preview.path


def test_publish_installs_the_text_and_callers_get_the_new_mp3(qtbot, open_dialog, admin, greeting_server,
                                                              shared_tmp):
    set_greeting_file(greeting_server, admin, WELCOME.read_bytes())
    dialog = open_dialog(admin)
    text = "שלום וברוכים הבאים לסוכנות. כל הנציגים עסוקים כרגע, השאירו הודעה."
    dialog.text.setPlainText(text)
    act(qtbot, dialog, dialog.publish_button, "publish")
    assert dialog.status.text().startswith("הברכה הופעלה: מתקשרים ישמעו אותה מעכשיו")
    assert dialog.status.property("role") != "error"

    now = business(greeting_server, admin)
    assert now["greeting_text"] == text
    assert now["greeting_url"].endswith(f"/{greeting_server.business_id}/greeting.mp3")
    answer = served(greeting_server, now["greeting_url"])
    assert answer.status_code == 200 and answer.headers["content-type"] == "audio/mpeg"
    assert answer.content != WELCOME.read_bytes() and duration(answer.content) > 1.0
    assert dialog.installed.text == text and dialog.current_kind.text() == "ברכה שהוקראה מטקסט."

    player = dialog.current_player  # reloaded: its next Play fetches the new greeting
    assert player.source is None
    player.button.click()
    qtbot.waitUntil(lambda: player.source is not None, timeout=TIMEOUT)
    assert player.source.read_bytes() == answer.content
    player.stop()

    again = open_dialog(admin)  # a later visit starts from the text callers hear
    assert again.text.toPlainText() == text


def test_an_uploaded_mp3_becomes_the_greeting(qtbot, open_dialog, admin, greeting_server, tmp_path):
    upload = tmp_path / "ברכה חדשה.mp3"
    upload.write_bytes(WELCOME.read_bytes())
    dialog = open_dialog(admin)
    chosen = []
    dialog.choose_file = lambda parent: chosen.append(parent) or upload
    act(qtbot, dialog, dialog.upload_button, "upload")
    assert chosen == [dialog]
    assert dialog.status.text().startswith("הברכה הופעלה")
    now = business(greeting_server, admin)
    assert served(greeting_server, now["greeting_url"]).content == upload.read_bytes()
    assert dialog.installed.url == now["greeting_url"] and dialog.installed.duration > 1.0


def test_cancelling_the_file_choice_sends_nothing(qtbot, open_dialog, admin):
    dialog = open_dialog(admin)
    dialog.choose_file = lambda parent: None
    dialog.upload_button.click()
    assert not dialog.busy and dialog.status.text() == "" and dialog.installed is None


def test_a_file_that_is_not_an_mp3_is_refused_in_hebrew(qtbot, open_dialog, admin, greeting_server, tmp_path):
    before = business(greeting_server, admin)
    before_audio = served(greeting_server, before["greeting_url"]).content
    fake = tmp_path / "greeting.mp3"
    fake.write_text("זה לא קובץ שמע\n" * 50)
    dialog = open_dialog(admin)
    dialog.choose_file = lambda parent: fake
    act(qtbot, dialog, dialog.upload_button, "upload", ok=False)
    assert dialog.status.text() == "הקובץ שנבחר אינו קובץ MP3 תקין."
    assert dialog.status.property("role") == "error"
    assert served(greeting_server, business(greeting_server, admin)["greeting_url"]).content == before_audio


def test_a_file_over_the_limit_is_refused_before_it_is_sent(qtbot, open_dialog, admin, tmp_path):
    big = tmp_path / "big.mp3"
    with big.open("wb") as file:
        file.truncate(greeting.MAX_UPLOAD_BYTES + 1)
    dialog = open_dialog(admin)
    dialog.choose_file = lambda parent: big
    act(qtbot, dialog, dialog.upload_button, "upload", ok=False)
    assert dialog.status.text() == "הקובץ גדול מדי: אפשר להעלות קובץ MP3 של עד 5 MB."


def test_an_agent_who_reaches_the_dialog_is_refused_in_hebrew(qtbot, open_dialog, agent):
    dialog = open_dialog(agent)  # the window hides it from agents; the server refuses them anyway
    dialog.text.setPlainText(TEXT)
    act(qtbot, dialog, dialog.preview_button, "preview", ok=False)
    assert dialog.status.text() == "רק מנהל/ת העסק יכולים לשנות את הברכה הטלפונית."
    act(qtbot, dialog, dialog.publish_button, "publish", ok=False)
    assert dialog.status.text() == "רק מנהל/ת העסק יכולים לשנות את הברכה הטלפונית."
    assert dialog.preview is None and dialog.installed is None


def test_an_unreachable_server_is_said_in_hebrew_with_a_retry(qtbot, tasks, greeting_server):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    api = Api(f"http://127.0.0.1:{port}")
    api._access_token = "any"
    dialog = GreetingDialog(api, tasks)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=TIMEOUT):
        dialog.show()
    assert dialog.status.text().startswith("הברכה לא נטענה: לא ניתן להתחבר לשרת")
    assert dialog.retry_button.isVisibleTo(dialog) and not dialog.upload_button.isEnabled()
    api.close()


@pytest.fixture(scope="module")
def voiceless_server(greeting_server):
    """Another server on the same database whose PATH has neither espeak-ng nor lame: 503."""
    live = greeting_server.live.sharing(PATH="/nonexistent")
    live.start_server()
    return SimpleNamespace(live=live, business_id=greeting_server.business_id)


@pytest.fixture(scope="module")
def google_server(greeting_server, tmp_path_factory):
    """Another server on the same database with Google credentials, its token endpoint and
    Text-to-Speech a local fake (tests/fakes.py) that answers with a real MP3."""
    with FakeGoogle(speech=WELCOME.read_bytes()) as google:
        live = greeting_server.live.sharing(
            GOOGLE_APPLICATION_CREDENTIALS=str(google.credentials_file(tmp_path_factory.mktemp("google"))),
            GOOGLE_TTS_API_BASE=google.base_url)
        live.start_server()
        yield SimpleNamespace(live=live, business_id=greeting_server.business_id, google=google)


def test_a_server_without_a_voice_is_said_in_hebrew(qtbot, open_dialog, voiceless_server):
    session = login(voiceless_server, ADMIN)
    dialog = open_dialog(session.api)
    dialog.text.setPlainText(TEXT)
    act(qtbot, dialog, dialog.preview_button, "preview", ok=False)
    assert dialog.status.text() == ("שירות ההקראה אינו זמין כרגע בשרת. אפשר לנסות שוב מאוחר יותר, "
                                    "או להעלות קובץ MP3 מוכן.")
    assert dialog.status.property("role") == "error" and dialog.preview is None
    session.api.close()


def test_with_googles_voice_the_preview_is_googles_and_no_basic_voice_notice_shows(qtbot, open_dialog,
                                                                                   google_server):
    session = login(google_server, ADMIN)
    dialog = open_dialog(session.api)
    assert dialog.greeting.engine == "google" and not dialog.engine_notice.isVisibleTo(dialog)
    dialog.text.setPlainText(TEXT)
    act(qtbot, dialog, dialog.preview_button, "preview")
    assert dialog.preview.engine == "google" and not dialog.engine_notice.isVisibleTo(dialog)
    assert dialog.preview.path.read_bytes() == WELCOME.read_bytes()
    assert google_server.google.synthesize_bodies[-1]["input"]["text"] == TEXT
    dialog.preview_player.stop()
    session.api.close()


def test_a_failing_google_voice_is_said_in_hebrew_and_nothing_is_installed(qtbot, open_dialog, google_server):
    session = login(google_server, ADMIN)
    before = session.api.get("/api/business")
    dialog = open_dialog(session.api)
    dialog.text.setPlainText("ברכה שלא תותקן")
    google_server.google.synthesize_status = 500
    try:
        act(qtbot, dialog, dialog.publish_button, "publish", ok=False)
    finally:
        google_server.google.synthesize_status = None
    assert dialog.status.text() == "שירות ההקראה לא הצליח להפיק את הברכה. נסו שוב בעוד רגע."
    assert dialog.installed is None
    assert session.api.get("/api/business")["greeting_text"] == before["greeting_text"]
    session.api.close()


@pytest.mark.parametrize(("status", "code", "expected"), [
    (502, "tts_failed", "שירות ההקראה לא הצליח להפיק את הברכה. נסו שוב בעוד רגע."),
    (503, "tts_unavailable", "שירות ההקראה אינו זמין כרגע בשרת. אפשר לנסות שוב מאוחר יותר, או להעלות קובץ MP3 מוכן."),
    (422, "validation_error", "טקסט הברכה חייב להכיל בין 1 ל-600 תווים."),
    (415, "unsupported_media_type", "השרת מקבל רק קובצי MP3."),
    (413, "", "הקובץ גדול מדי: אפשר להעלות קובץ MP3 של עד 5 MB."),
    (429, "rate_limited", "יותר מדי הקראות בדקה האחרונה. המתינו רגע ונסו שוב."),
])
def test_each_error_code_has_its_own_hebrew_sentence(status, code, expected):
    assert greeting.error_message(ApiError("generic", status=status, code=code)) == expected


# -- the client's binary calls ---------------------------------------------------------------

def test_an_upload_after_the_access_token_expired_is_sent_whole_again(admin, greeting_server):
    admin._access_token = "expired-or-garbage"  # the first PUT gets a 401, the retry must resend the body
    answer = admin.upload("PUT", "/api/business/greeting", WELCOME.read_bytes(), "audio/mpeg")
    assert admin.refresh_count == 1 and answer["greeting_duration"] > 1.0
    assert served(greeting_server, answer["greeting_url"]).content == WELCOME.read_bytes()


def test_fetch_answers_bytes_and_headers(admin):
    answer = admin.fetch("GET", "/server/static/voice_responses/welcome.mp3")
    assert answer.content == WELCOME.read_bytes() and answer.content_type == "audio/mpeg"
    with pytest.raises(ApiError) as caught:
        admin.fetch("GET", "/server/static/voice_responses/9999/greeting.mp3")
    assert caught.value.status == 404 and caught.value.message == "הפריט לא נמצא."
