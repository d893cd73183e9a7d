"""The one pagination helper (server/pagination.py): pages in a stable order, and rows without
a value in a nullable sort field last in both directions, on both databases, on shallow pages
and on deep ones (read by id first)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from server import pagination
from server.customers.models import Customer


async def _customers(client, headers, n: int) -> list[Customer]:
    for k in range(n):
        response = await client.post("/api/crm/customers", json={"name": f"לקוח {k % 4}"}, headers=headers)
        assert response.status_code == 201
    base = datetime(2026, 1, 1, tzinfo=UTC)
    customers = await Customer.all().order_by("id")
    for k, customer in enumerate(customers):
        if k % 3:  # a third were never contacted; the rest share a few dates (ties broken by id)
            customer.last_contact_at = base + timedelta(days=k % 4)
            await Customer.filter(id=customer.id).update(last_contact_at=customer.last_contact_at)
        else:
            customer.last_contact_at = None
    return customers


def _expected(customers: list[Customer], sort: str) -> list[int]:
    field, descending = sort.removeprefix("-"), sort.startswith("-")
    valued = sorted((c for c in customers if getattr(c, field) is not None),
                    key=lambda c: (getattr(c, field), c.id), reverse=descending)
    empty = sorted((c for c in customers if getattr(c, field) is None), key=lambda c: c.id, reverse=descending)
    return [c.id for c in valued + empty]


async def _walk(client, headers, sort: str, limit: int) -> tuple[list[int], int]:
    ids, page, pages = [], 1, 1
    while page <= pages:
        response = await client.get("/api/crm/customers", query_string={"sort": sort, "limit": limit, "page": page},
                                    headers=headers)
        assert response.status_code == 200, await response.get_data(as_text=True)
        body = await response.get_json()
        ids += [c["id"] for c in body["results"]]
        pages, total = body["pages"], body["total"]
        page += 1
    # one page past the end is empty, not the start again
    after = await client.get("/api/crm/customers", query_string={"sort": sort, "limit": limit, "page": page},
                             headers=headers)
    assert (await after.get_json())["results"] == []
    return ids, total


@pytest.mark.both_databases
@pytest.mark.parametrize("deep", [False, True], ids=["shallow", "deep"])
@pytest.mark.parametrize("sort", ["last_contact_at", "-last_contact_at", "name", "-name", "-id"])
async def test_every_page_in_order_with_the_empty_values_last(client, auth_headers, monkeypatch, sort, deep):
    if deep:
        monkeypatch.setattr(pagination, "DEFERRED_FROM", 0)  # every page is read by its ids first
    customers = await _customers(client, auth_headers, 11)
    for limit in (2, 3, 4, 25):  # pages that end on, cross and start past the last contacted row
        ids, total = await _walk(client, auth_headers, sort, limit)
        assert ids == _expected(customers, sort), limit
        assert total == len(customers)


@pytest.mark.both_databases
async def test_newest_contact_first_puts_the_contacted_before_the_never_contacted(client, auth_headers):
    await _customers(client, auth_headers, 4)
    for sort in ("-last_contact_at", "last_contact_at"):
        body = await (await client.get("/api/crm/customers", query_string={"sort": sort, "limit": 2},
                                       headers=auth_headers)).get_json()
        assert all(c["last_contact_at"] is not None for c in body["results"]), sort
