"""Login, refresh, logout, me.

Web clients keep the refresh token in an HttpOnly cookie scoped to /auth; the desktop client
(`"client": "desktop"`) also gets it in the body and sends it back in the body.
"""

from pydantic import ValidationError
from quart import Blueprint, current_app, g, request
from quart_schema import document_request, document_response, tag_blueprint, validate_request, validate_response

from server.auth import refresh
from server.auth.current import login_required
from server.auth.permissions import user_permissions
from server.auth.schemas import LoginRequest, MeOut, MePatch, RefreshRequest, SessionOut
from server.auth.service import TooManyAttemptsError, me_json, user_json
from server.auth.service import login as login_user
from server.auth.tokens import issue_access_token
from server.auth.users import update_me
from server.config import Settings
from server.errors import APIError, ErrorResponse, error_response
from server.openapi import NO_CONTENT

bp = Blueprint("auth", __name__, url_prefix="/auth")
tag_blueprint(bp, ["auth"])


def _settings() -> Settings:
    return current_app.config["SETTINGS"]


def _secure_cookie(settings: Settings) -> bool:
    """Secure everywhere except plain-http development (a browser drops Secure cookies on http)."""
    base = settings.public_base_url
    return settings.production or not (base == "" or base.startswith("http://"))


def _allowed_origin(origin: str) -> bool:
    """May a browser on `origin` use the session cookie: our PUBLIC_HOST and CORS_ORIGINS,
    exactly. Development with neither (`make run`) has only the Host header to say what our
    own origin is, so there the browser's own origin is `http://<Host>` (python-engineio's
    rule for the socket too). Another site's page cannot forge its Origin; it may point its
    own name at us, but the cookie belongs to our host name, not to its."""
    settings = _settings()
    allowed = {settings.public_base_url.lower(), *(o.rstrip("/").lower() for o in settings.cors_origins)} - {""}
    if not allowed and not settings.production:
        allowed = {f"{request.scheme}://{request.host}".lower()}
    return origin.rstrip("/").lower() in allowed


def _session_answer(issued: refresh.Issued, *, token_in_body: bool):
    user = issued.user
    body = {
        "access_token": issue_access_token(user_id=user.id, business_id=user.business_id, role=user.role,
                                           session_id=issued.family_id, settings=_settings()),
        "token_type": "bearer",
        "expires_in": _settings().access_token_minutes * 60,
        "user": user_json(user),
    }
    if token_in_body:
        body["refresh_token"] = issued.token
    response = current_app.response_class(current_app.json.dumps(body), mimetype="application/json")
    response.headers["Cache-Control"] = "no-store"
    response.set_cookie(refresh.COOKIE_NAME, issued.token, max_age=issued.seconds_left(), path=refresh.COOKIE_PATH,
                        secure=_secure_cookie(_settings()), httponly=True, samesite="Lax")
    return response


async def _presented_token() -> tuple[str, bool]:
    """The refresh token and whether it came in the body; a cookie needs a same-site Origin."""
    body = await request.get_json(silent=True)
    if isinstance(body, dict) and body.get("refresh_token") is not None:
        try:
            return RefreshRequest.model_validate(body).refresh_token, True
        except ValidationError as error:
            raise APIError(422, "validation_error", "refresh_token must be a string") from error
    origin = request.headers.get("Origin")
    if origin is not None and not _allowed_origin(origin):
        raise APIError(403, "bad_origin", "this origin may not use the session cookie")
    return request.cookies.get(refresh.COOKIE_NAME, ""), False


@bp.post("/login")
@validate_request(LoginRequest)
@document_response(SessionOut)  # a Response (it sets the cookie), so documented rather than validated
@document_response(ErrorResponse, 401)
@document_response(ErrorResponse, 429)
async def login(data: LoginRequest):
    try:
        user = await login_user(email=data.email, password=data.password, ip=request.remote_addr or "")
    except TooManyAttemptsError as error:
        return error_response(429, error.code, error.message, headers={"Retry-After": str(error.retry_after)})
    issued = await refresh.start_family(user=user, client=data.client,
                                        user_agent=request.headers.get("User-Agent", ""))
    return _session_answer(issued, token_in_body=data.client == "desktop")


@bp.post("/refresh")
@document_request(RefreshRequest)  # or the cookie
@document_response(SessionOut)
@document_response(ErrorResponse, 401)
@document_response(ErrorResponse, 403)
async def refresh_session():
    token, in_body = await _presented_token()
    issued = await refresh.rotate(token=token, user_agent=request.headers.get("User-Agent", ""))
    return _session_answer(issued, token_in_body=in_body)


@bp.post("/logout")
@document_request(RefreshRequest)  # or the cookie
@document_response(NO_CONTENT, 204)
@document_response(ErrorResponse, 403)
async def logout():
    token, _ = await _presented_token()
    await refresh.revoke_token_family(token)
    response = current_app.response_class(status=204)
    response.delete_cookie(refresh.COOKIE_NAME, path=refresh.COOKIE_PATH, secure=_secure_cookie(_settings()),
                           httponly=True, samesite="Lax")
    return response


@bp.get("/me")
@login_required
@validate_response(MeOut)
async def me():
    return {"user": me_json(g.user, can=await user_permissions(g.user))}


@bp.patch("/me")
@login_required
@validate_request(MePatch)
@validate_response(MeOut)
@document_response(ErrorResponse, 403)  # wrong_password
@document_response(ErrorResponse, 422)
@document_response(ErrorResponse, 429)  # too many wrong passwords
async def change_me(data: MePatch):
    """Change your own name, phone (click-to-call rings it) or password (with the current one;
    your other sessions end, this one stays)."""
    try:
        user = await update_me(user=g.user, changes=data.changes(), session_id=g.session_id,
                               ip=request.remote_addr or "")
    except TooManyAttemptsError as error:
        return error_response(429, error.code, error.message, headers={"Retry-After": str(error.retry_after)})
    return {"user": me_json(user, can=await user_permissions(user))}
