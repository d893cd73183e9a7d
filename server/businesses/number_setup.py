"""`twilio-configure`: point a business's Twilio number at this server and link it to the
business, or (`check`) only report what drifted. Refuses, before anything changes, a
configuration that cannot work, a number that is not one, a number no business here owns
(unless a business is named) and a number owned by another business than the one named."""

from __future__ import annotations

from dataclasses import dataclass

from server.businesses.models import Business, PhoneNumber
from server.businesses.service import checked_e164, link_number
from server.config import Settings
from server.errors import APIError
from server.telephony import numbers

LINK = "business"


@dataclass(frozen=True)
class Outcome:
    text: str
    drifted: tuple[str, ...] = ()  # with `check`: what is not as it should be


def _show(value: str) -> str:
    return value or "(empty)"


def _lines(rows: list[tuple[str, str, str]], *, same: str) -> list[str]:
    """One line per field: `before → after`, or the value and `same`."""
    width = max(len(name) for name, _, _ in rows)
    return [f"  {name:<{width}}  {_show(before)} {same}" if before == after
            else f"  {name:<{width}}  {_show(before)} → {_show(after)}" for name, before, after in rows]


def _notes(number: dict, base: str) -> list[str]:
    """What the number's own configuration cannot set, said plainly."""
    notes = []
    service = numbers.messaging_service(number)
    if service:
        notes.append(f"note: the number belongs to Messaging Service {service}, whose inbound request URL receives "
                     f"its messages instead of SmsUrl unless the service defers to the sender's webhook: set one "
                     f"of them to {base}/webhook/whatsapp (Console: Messaging → Services → Integration); "
                     "not changed here")
    notes.append(f"note: if the number is a WhatsApp sender, the sender's own webhook (Console: Messaging → Senders "
                 f"→ WhatsApp senders) must be {base}/webhook/whatsapp; not read or changed here")
    return notes


def _refuse_unconfigured(settings: Settings) -> None:
    given = {"PUBLIC_HOST": settings.public_host, "TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
             "TWILIO_AUTH_TOKEN": settings.twilio_auth_token}
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise APIError(400, "not_configured", "twilio-configure needs " + ", ".join(missing) + " in the environment")


async def _owner(e164: str, business_id: int | None) -> tuple[int | None, int]:
    """(the business the number is linked to now or None, the business it must be linked to)."""
    linked = await PhoneNumber.get_or_none(e164=e164)
    if linked is None and business_id is None:
        raise APIError(404, "unknown_number", f"{e164} is not linked to any business here: name its business "
                                              "with --business-id")
    if linked is not None and business_id is not None and linked.business_id != business_id:
        raise APIError(409, "phone_taken", f"{e164} belongs to business {linked.business_id}, not {business_id}: "
                                           "refusing to move it")
    if linked is not None:
        return linked.business_id, linked.business_id
    if not await Business.exists(id=business_id):
        raise APIError(404, "not_found", f"no business {business_id}")
    return None, business_id


async def configure_number(*, settings: Settings, number: str, business_id: int | None = None,
                           check: bool = False) -> Outcome:
    _refuse_unconfigured(settings)
    e164 = checked_e164(number)
    linked_to, owner = await _owner(e164, business_id)
    found = await numbers.find(settings=settings, e164=e164)
    if found is None:
        raise APIError(404, "not_on_account", f"{e164} is not a number of this Twilio account (TWILIO_ACCOUNT_SID)")
    base = settings.public_base_url
    fields = numbers.plan(number=found, public_base_url=base)
    link = (LINK, str(linked_to) if linked_to else "(not linked)", str(owner))
    header = f"Twilio number {e164} ({found['sid']}), business {owner}"
    if check:
        drifted = tuple(f.name for f in fields if f.drifts) + ((LINK,) if linked_to is None else ())
        rows = [(f.name, f.now, f.wanted) for f in fields] + [link]
        verdict = (f"drift: {', '.join(drifted)} (run without --check to mend it)" if drifted else "no drift")
        return Outcome("\n".join([header + " (--check: now → should be)", *_lines(rows, same="(ok)"), verdict,
                                  *_notes(found, base)]), drifted)
    form = {f.name: f.wanted for f in fields if f.drifts}
    after = await numbers.update(settings=settings, sid=found["sid"], form=form) if form else found
    left = [f.name for f in numbers.plan(number=after, public_base_url=base) if f.drifts]
    if left:
        raise APIError(502, "not_applied", f"Twilio did not apply {', '.join(left)}: see the number in the console")
    if linked_to is None:
        await link_number(e164=e164, business_id=owner)
    now = numbers.current(after)
    rows = [(f.name, f.now, now[f.name]) for f in fields] + [link]
    changed = [*form, *((LINK,) if linked_to is None else ())]
    verdict = f"updated: {', '.join(changed)}" if changed else "nothing to change"
    return Outcome("\n".join([header + " (before → after)", *_lines(rows, same="(unchanged)"), verdict,
                                 *_notes(after, base)]))
