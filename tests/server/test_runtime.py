"""What an app creates belongs to it: two apps alive at once each use their own database, and
what a runtime keeps ends with it."""

from __future__ import annotations

import pytest

from server import runtime
from server.app import create_app
from server.auth.models import User
from server.businesses.service import business_id_for_number, create_business
from server.config import Settings
from server.runtime import Runtime
from tests.conftest import BUSINESS_PHONE


def other_folder(tmp_path):
    folder = tmp_path / "other"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.both_databases  # the leak it guards against: an asyncpg connection found by a SQLite app
async def test_two_apps_alive_at_once_never_reach_each_others_database(settings, databases, tmp_path, user):
    other = create_app(settings=settings.with_overrides(database_url=databases.fresh("sqlite", other_folder(tmp_path)),
                                                        media_root=tmp_path / "other-media"))
    async with other.test_app():
        with other.extensions["runtime"].activated():
            assert await User.all().count() == 0 and await business_id_for_number(BUSINESS_PHONE) is None
        mine = await User.all().count()  # the test's own app, still current here
        response = await other.test_client().post("/auth/login", json={"email": user.email, "password": "x" * 12})
        assert response.status_code == 401
    assert mine == 1


async def test_a_runtime_keeps_one_of_each_and_closes_them(tmp_path):
    closed = []

    class Kept:
        async def aclose(self):
            closed.append(self)

    async with Runtime.started(Settings(database_url=f"sqlite://{tmp_path}/x.sqlite3"), run_migrations=False) as one:
        first = one.keep("kept", Kept)
        assert one.keep("kept", Kept) is first and runtime.current() is one
        heard = []
        one.subscribe(runtime.JOBS_QUEUED, lambda: heard.append(1))
        one.notify(runtime.JOBS_QUEUED)
        one.notify(runtime.TASKS_CHANGED)
        assert heard == [1]
    assert closed == [first]
    with pytest.raises(RuntimeError, match="no AgentLocator runtime"):
        runtime.current()


async def test_each_app_has_its_own_number_cache(app, settings, databases, tmp_path):
    await create_business(name="ראשון", phone=BUSINESS_PHONE)
    assert await business_id_for_number(BUSINESS_PHONE) is not None
    other = create_app(settings=settings.with_overrides(database_url=databases.fresh("sqlite", other_folder(tmp_path))))
    async with other.test_app():
        with other.extensions["runtime"].activated():
            assert await business_id_for_number(BUSINESS_PHONE) is None  # nothing cached from the first app


async def test_the_worker_and_clock_stop_with_their_app(settings):
    application = create_app(settings=settings.with_overrides(run_worker=True, run_scheduler=True))
    async with application.test_app():
        own = application.extensions["runtime"]
        assert len(own._listeners[runtime.JOBS_QUEUED]) == 1 and len(own._listeners[runtime.TASKS_CHANGED]) == 1
    assert own._listeners == {}
