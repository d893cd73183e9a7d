from quart import Blueprint, current_app, g
from quart_schema import validate_request

from server.auth.current import login_required
from server.auth.schemas import LoginRequest
from server.auth.service import authenticate, user_json
from server.auth.tokens import issue_access_token

bp = Blueprint("auth", __name__, url_prefix="/auth")


@bp.post("/login")
@validate_request(LoginRequest)
async def login(data: LoginRequest):
    user = await authenticate(email=data.email, password=data.password)
    token = issue_access_token(user_id=user.id, business_id=user.business_id, role=user.role,
                               settings=current_app.config["SETTINGS"])
    return {"access_token": token, "token_type": "bearer", "user": user_json(user)}


@bp.get("/me")
@login_required
async def me():
    return {"user": user_json(g.user)}
