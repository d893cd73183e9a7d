"""Every error code the server can send has a Hebrew sentence in the web app's one table
(web/src/lib/error-messages.json), so the client never shows a raw code or English.

The codes are read from the server's source with `ast`: `APIError(<status>, "<code>")` calls
(subclasses' `super().__init__(...)` included), `error_response(<status>, "<code>")` calls, and
the `code = "..."` of every DomainError class; plus the codes werkzeug's own HTTP errors get
from server/errors.py (`not_found`, `method_not_allowed`, ...).
"""

from __future__ import annotations

import ast
import json
import re

from werkzeug import exceptions

from tests.conftest import ROOT

TABLE = ROOT / "web" / "src" / "lib" / "error-messages.json"
SERVER = ROOT / "server"
# Latin words a Hebrew sentence may hold: product and format names.
ALLOWED_LATIN = {"Twilio", "WhatsApp", "PDF", "CSV", "MP3"}
# HTTP errors Quart or werkzeug raise themselves (routing, body size, bad requests), answered by
# server/errors.py with the error's name as the code.
HTTP_ERRORS = (exceptions.BadRequest, exceptions.Unauthorized, exceptions.Forbidden, exceptions.NotFound,
               exceptions.MethodNotAllowed, exceptions.RequestTimeout, exceptions.RequestEntityTooLarge,
               exceptions.UnsupportedMediaType, exceptions.TooManyRequests, exceptions.InternalServerError,
               exceptions.ServiceUnavailable)


def _literal_code(call: ast.Call) -> str | None:
    args = call.args
    if len(args) >= 2 and isinstance(args[0], ast.Constant) and isinstance(args[0].value, int) \
            and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str):
        return args[1].value
    return None


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def server_codes() -> dict[str, str]:
    """code → where it is first raised (file:line)."""
    codes: dict[str, str] = {}
    for path in sorted(SERVER.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        name = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in ("APIError", "error_response", "__init__"):
                code = _literal_code(node)
                if code:
                    codes.setdefault(code, f"{name}:{node.lineno}")
            elif isinstance(node, ast.ClassDef) and any(
                    isinstance(base, ast.Name) and base.id.endswith("Error") for base in node.bases):
                for statement in node.body:
                    if isinstance(statement, ast.Assign) and any(
                            isinstance(target, ast.Name) and target.id == "code" for target in statement.targets) \
                            and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
                        codes.setdefault(statement.value.value, f"{name}:{statement.lineno}")
    for error in HTTP_ERRORS:
        codes.setdefault(error().name.lower().replace(" ", "_"), f"werkzeug {error.__name__}")
    return codes


def table() -> dict[str, str]:
    return json.loads(TABLE.read_text())


def test_the_walk_finds_the_codes_it_should():
    codes = server_codes()
    # One of each kind: an APIError call, a subclass's super().__init__, error_response, a
    # DomainError class, a werkzeug error.
    for code in ("invalid_phone", "too_many_attempts", "internal_error", "outside_window", "method_not_allowed"):
        assert code in codes, code


def test_every_server_code_has_a_hebrew_message():
    messages = table()
    missing = sorted(f"{code} ({where})" for code, where in server_codes().items() if code not in messages)
    assert not missing, "codes without a Hebrew message in web/src/lib/error-messages.json:\n" + "\n".join(missing)


def test_every_message_is_hebrew_without_english_words():
    for code, message in table().items():
        assert re.search(r"[\u0590-\u05FF]", message), f"{code}: {message!r} is not Hebrew"
        latin = set(re.findall(r"[A-Za-z][A-Za-z0-9]*", message)) - ALLOWED_LATIN
        assert not latin, f"{code}: {message!r} holds Latin words {sorted(latin)}"
        assert code not in message, f"{code}: the message shows its own code"
