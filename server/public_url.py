"""The base URL of links that leave the server (greetings in TwiML, signing links, download
links): PUBLIC_HOST, or this request's own host in development, without a trailing slash."""

from quart import current_app, request


def request_base_url() -> str:
    return current_app.config["SETTINGS"].public_base_url or request.host_url.rstrip("/")
