"""Everything the business holds about one customer, as one zip (the right of access).

- `customer.json`: the business, the customer and each of its records in the API's own JSON
  shapes (the serializers of each domain), so what the person receives reads as the API does;
- `summary.pdf`: the same, for people: the details and a dated list per kind
  (server/privacy/summary_pdf.py);
- `recordings/call-<id>.mp3` and `media/message-<id>-<n>.<ext>`: the stored files, as stored.

The zip is written in a worker thread into a temporary file (recordings make it large, and
zipping must not hold up the event loop); the route streams that file and it is gone after.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from server.businesses.models import Business
from server.calls.models import Call
from server.calls.service import call_json
from server.contracts.models import Contract, Signature
from server.contracts.service import contract_json, signature_json
from server.customers.models import Customer
from server.customers.service import customer_json
from server.invoices.models import Invoice
from server.invoices.service import business_dict, invoice_json
from server.messages.models import Message
from server.messages.service import message_json
from server.privacy.summary_pdf import render_summary
from server.storage import stored_file
from server.tasks.models import Task
from server.tasks.service import task_json
from server.tenancy import owned, scoped


@dataclass
class Export:
    """What goes into the zip: the JSON document and the stored files (absolute path, name in the zip)."""

    document: dict
    files: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        """For the audit log: how many of each, never what."""
        counts = {kind: len(self.document[kind])
                  for kind in ("calls", "messages", "tasks", "invoices", "contracts", "signatures")}
        counts["recordings"] = sum(name.startswith("recordings/") for _, name in self.files)
        counts["media"] = sum(name.startswith("media/") for _, name in self.files)
        return counts


def _media_name(message: Message, number: int, item: dict) -> str:
    extension = Path(item.get("path") or "").suffix or mimetypes.guess_extension(item.get("content_type") or "") or ""
    return f"media/message-{message.id}-{number}{extension}"


async def collect(*, business_id: int, customer_id: int, media_root: Path, base_url: str,
                  now: datetime | None = None) -> Export:
    """The customer's records (a 404 for another business's customer), read oldest first."""
    customer = await owned(Customer, customer_id, business_id=business_id, what="customer")
    business = await Business.get(id=business_id)
    calls = await scoped(Call, business_id, customer_id=customer.id).order_by("started_at", "id")
    messages = await scoped(Message, business_id, customer_id=customer.id).order_by("created_at", "id")
    tasks = await (scoped(Task, business_id, customer_id=customer.id).order_by("created_at", "id")
                   .prefetch_related("call"))
    invoices = await scoped(Invoice, business_id, customer_id=customer.id).order_by("created_at", "id")
    contracts = await scoped(Contract, business_id, customer_id=customer.id).order_by("created_at", "id")
    signatures = await (scoped(Signature, business_id, contract__customer_id=customer.id)
                        .order_by("signed_at", "id"))
    export = Export(document={
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "business": business_dict(business),
        "customer": customer_json(customer),
        "calls": [call_json(call) for call in calls],
        "messages": [message_json(message) for message in messages],
        "tasks": [task_json(task) for task in tasks],
        "invoices": [invoice_json(invoice) for invoice in invoices],
        "contracts": [contract_json(contract, base_url=base_url) for contract in contracts],
        "signatures": [signature_json(signature) for signature in signatures],
    })
    for call in calls:
        path = stored_file(media_root, call.recording_path)
        if path is not None:
            export.files.append((path, f"recordings/call-{call.id}.mp3"))
    for message in messages:
        for number, item in enumerate(message.media or [], start=1):
            path = stored_file(media_root, item.get("path"))
            if path is not None:
                export.files.append((path, _media_name(message, number, item)))
    return export


def write_zip(export: Export) -> Path:
    """The zip, in a new temporary file (the caller deletes it). Audio and images are stored
    as they are: deflating them again gains nothing."""
    document = export.document
    summary = render_summary(business=document["business"], customer=document["customer"],
                             exported_at=document["exported_at"], calls=document["calls"],
                             messages=document["messages"], tasks=document["tasks"],
                             invoices=document["invoices"], contracts=document["contracts"])
    handle, name = tempfile.mkstemp(prefix="customer-export-", suffix=".zip")
    os.close(handle)
    path = Path(name)
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("summary.pdf", summary)
            archive.writestr("customer.json", json.dumps(document, ensure_ascii=False, indent=2))
            for source, arcname in list(export.files):
                try:
                    archive.write(source, arcname, compress_type=zipfile.ZIP_STORED)
                except FileNotFoundError:  # deleted since it was listed (a retention sweep just then)
                    export.files.remove((source, arcname))
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


async def export_zip(*, business_id: int, customer_id: int, media_root: Path, base_url: str) -> tuple[Path, Export]:
    export = await collect(business_id=business_id, customer_id=customer_id, media_root=media_root,
                           base_url=base_url)
    return await asyncio.to_thread(write_zip, export), export
