"""The generic paged model: Qt's model contract (qtmodeltester), sparse pages, the LRU bound,
server-side sort, search and filters, stale answers dropped, a failed first page."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from desktop.api import Api
from desktop.models.paged import PLACEHOLDER, ROW_ROLE, SKELETON_ROLE, Column, PagedTableModel, PageQuery
from desktop.views.customers import customers_model
from tests.conftest import PASSWORD
from tests.desktop.conftest import CUSTOMERS, EMAIL

COLUMNS = [Column("id", "מזהה", sortable=True), Column("name", "שם", sortable=True)]


class FakeServer:
    """`total` rows answered page by page; records the queries; can hold answers back."""

    def __init__(self, total: int) -> None:
        self.total, self.queries = total, []
        self.gate = threading.Event()
        self.gate.set()
        self.down = False  # every request fails, as with no network

    def __call__(self, query: PageQuery) -> dict:
        self.gate.wait(10)
        self.queries.append(query)
        if self.down:
            raise ConnectionError("השרת לא זמין")
        rows = [{"id": i, "name": f"{query.q}{i}"}
                for i in range((query.page - 1) * query.limit, min(self.total, query.page * query.limit))]
        return {"results": rows, "page": query.page, "pages": -(-self.total // query.limit), "total": self.total}


def loaded(model: PagedTableModel):
    return lambda: model.loaded_once and model.total > 0


def test_the_model_passes_qtmodeltester_against_the_real_server(qtbot, qtmodeltester, tasks, live_server):
    api = Api(live_server.base_url)
    api.login(EMAIL, PASSWORD)
    model = customers_model(api, tasks, page_size=50)
    model.reload()
    qtbot.waitUntil(loaded(model))
    assert model.rowCount() == CUSTOMERS
    model.ensure_rows(0, CUSTOMERS - 1)
    qtbot.waitUntil(lambda: all(model.is_loaded(r) for r in range(CUSTOMERS)))
    qtmodeltester.check(model, force_py=True)


def test_rows_not_loaded_are_placeholders_until_their_page_arrives(qtbot, tasks):
    server = FakeServer(1000)
    model = PagedTableModel(COLUMNS, server, tasks, page_size=100)
    model.reload()
    qtbot.waitUntil(loaded(model))
    assert model.rowCount() == 1000 and model.columnCount() == 2
    assert model.index(5, 1).data() == "5" and model.index(5, 0).data(ROW_ROLE) == {"id": 5, "name": "5"}
    assert model.index(950, 1).data() == PLACEHOLDER and model.index(950, 1).data(SKELETON_ROLE) is True
    with qtbot.waitSignal(model.page_loaded) as signal:
        model.ensure_rows(940, 960)
    assert signal.args == [10]
    assert model.index(950, 1).data() == "950" and model.index(950, 1).data(SKELETON_ROLE) is False
    assert [q.page for q in server.queries] == [1, 10]


def test_the_page_cache_is_bounded_least_recently_used_first(qtbot, tasks):
    model = PagedTableModel(COLUMNS, FakeServer(1000), tasks, page_size=10, max_pages=3)
    model.reload()
    qtbot.waitUntil(loaded(model))
    for page in (1, 2, 3):
        with qtbot.waitSignal(model.page_loaded):
            model.ensure_rows(page * 10, page * 10)
    assert model.cached_pages == [1, 2, 3]
    assert not model.is_loaded(0)


def test_sort_and_search_go_to_the_server_and_stale_answers_are_dropped(qtbot, tasks):
    server = FakeServer(30)
    model = PagedTableModel(COLUMNS, server, tasks, page_size=10, default_sort="-id")
    model.reload()
    qtbot.waitUntil(loaded(model))
    server.gate.clear()
    model.sort(1, Qt.SortOrder.DescendingOrder)  # held back by the gate...
    model.set_query("דנה")  # ...and overtaken by a search
    server.gate.set()
    qtbot.waitUntil(lambda: model.loaded_once and model.is_loaded(0))
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert model.index(0, 1).data() == "דנה0"
    assert ("-name", "דנה") in [(q.sort, q.q) for q in server.queries]  # both asked; the newer one shown
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: model.loaded_once)
    assert server.queries[-1].sort == "id"


def test_a_failed_first_page_leaves_no_rows_and_asking_the_same_again_loads(qtbot, tasks):
    server = FakeServer(300)
    model = PagedTableModel(COLUMNS, server, tasks, page_size=100)
    model.reload()
    qtbot.waitUntil(loaded(model))
    server.down = True
    with qtbot.waitSignal(model.failed) as failed:
        model.set_query("דנה")
    assert failed.args == ["השרת לא זמין"] and model.error == "השרת לא זמין"
    assert model.rowCount() == 0 and model.total == 0  # not 300 skeleton rows of the last query
    assert model.loaded_once  # it answered: with a failure
    server.down = False
    asked = len(server.queries)
    model.set_query("דנה")  # the same text again
    qtbot.waitUntil(loaded(model))
    assert len(server.queries) == asked + 1 and model.error is None and model.rowCount() == 300
    model.set_query("דנה")  # and once it loaded, the same text again is nothing new
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert len(server.queries) == asked + 1


def test_filters_go_to_the_server_and_only_a_new_query_says_it_changed(qtbot, tasks):
    server = FakeServer(50)
    model = PagedTableModel(COLUMNS, server, tasks, page_size=10, default_sort="-id")
    changes = []
    model.query_changed.connect(lambda: changes.append(model.filters))
    model.reload()
    qtbot.waitUntil(loaded(model))
    model.set_filters({"status": "active", "owner_id": None})  # None: that filter is off
    qtbot.waitUntil(loaded(model))
    assert server.queries[-1].filters == {"status": "active"} and model.filters == {"status": "active"}
    model.set_filters({"status": "active"})  # the same: no request
    model.reload()  # a refresh: asks again, but the same list
    qtbot.waitUntil(loaded(model))
    model.ensure_rows(40, 49)
    qtbot.waitUntil(lambda: model.is_loaded(49))
    assert [q.filters for q in server.queries[-2:]] == [{"status": "active"}] * 2  # every page carries them
    model.change(q="כהן", sort="id", filters={"owner_id": "none"})
    qtbot.waitUntil(loaded(model))
    last = server.queries[-1]
    assert (last.q, last.sort, last.filters) == ("כהן", "id", {"owner_id": "none"})
    assert changes == [{"status": "active"}, {"owner_id": "none"}]  # reload() is not a new query
