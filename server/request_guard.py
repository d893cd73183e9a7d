"""What no database stores, refused at the door, for every route at once.

PostgreSQL refuses NUL in text (and in jsonb), and neither database driver can encode a lone
surrogate (JSON's `"\\ud800"` parses to one): such a value passed to a query is a 500 after
the route has done half its work, and on PostgreSQL only, where SQLite stored it. Every text
a request carries (its path, its query string, every key and string of a JSON body, whichever
schema reads it, or none) is checked here before any view runs: a 422 in the one error
shape. A JSON body is also bounded in size and depth before anything walks it.

Twilio's form posts are read by server/telephony/form.py, which drops NUL itself; their path
and query pass through here like any other (the webhooks answer the refusal as TwiML).
"""

from __future__ import annotations

import re

from quart import Quart, request
from werkzeug.exceptions import BadRequest

from server.errors import APIError

# NUL, and the surrogate code points, which are UTF-16 halves and never characters.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
MAX_JSON_BYTES = 1024 * 1024  # the largest body we take (a signature's PNG) is 700 kB
MAX_JSON_DEPTH = 32  # an invoice is 3 levels deep, a saved view's filters a few more


def install(app: Quart) -> None:
    app.before_request(refuse_unstorable_input)


async def refuse_unstorable_input() -> None:
    _check_text(request.path, ("path",))
    for name, values in request.args.lists():
        _check_text(name, ("query",))
        for value in values:
            _check_text(value, ("query", name))
    if request.is_json:
        await _check_json_body()


async def _check_json_body() -> None:
    if len(await request.get_data(cache=True)) > MAX_JSON_BYTES:
        raise APIError(413, "request_too_large", f"a JSON body is limited to {MAX_JSON_BYTES // 1024} kB")
    try:
        body = await request.get_json()  # parsed once: the view's schema reads the cached value
    except BadRequest:
        return  # not JSON at all: the view refuses it as it would anyway (a 400)
    except RecursionError:
        # Nesting deeper than the parser's own recursion limit.
        raise _too_deep() from None
    _check_json(body)


def _check_json(body) -> None:
    """Every key and string in `body`, and its depth, walked without recursion."""
    pending = [(body, ("body",))]
    while pending:
        value, loc = pending.pop()
        if isinstance(value, str):
            _check_text(value, loc)
        elif isinstance(value, (dict, list)) and len(loc) > MAX_JSON_DEPTH:  # loc: "body" + a key per level
            raise _too_deep()
        elif isinstance(value, dict):
            for key, item in value.items():
                _check_text(key, loc)
                pending.append((item, (*loc, key)))
        elif isinstance(value, list):
            pending.extend((item, (*loc, index)) for index, item in enumerate(value))


def _check_text(text: str, loc: tuple) -> None:
    if _UNSTORABLE.search(text):
        raise APIError(422, "validation_error", "the request is not valid",
                       fields=[{"loc": [str(part) for part in loc],
                                "msg": "NUL characters and lone surrogates are not allowed"}])


def _too_deep() -> APIError:
    return APIError(400, "too_deeply_nested", f"JSON is limited to {MAX_JSON_DEPTH} levels of nesting")
