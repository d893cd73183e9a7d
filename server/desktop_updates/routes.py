"""The desktop client's update check and its installers. Public: a client asks before anyone
signs in, and installers are no secret."""

from quart import Blueprint, current_app, send_file
from quart_schema import document_response, tag_blueprint, validate_response

from server.desktop_updates import service
from server.desktop_updates.schemas import DesktopVersionOut
from server.errors import APIError, ErrorResponse
from server.openapi import INSTALLER
from server.public_url import request_base_url
from server.version import VERSION

bp = Blueprint("desktop_updates", __name__)
tag_blueprint(bp, ["desktop"])


@bp.get("/api/desktop/version")
@validate_response(DesktopVersionOut)
async def desktop_version():
    """The desktop version clients should run, and where to download it for each platform."""
    settings = current_app.config["SETTINGS"]
    return await service.desktop_release(version=VERSION, folder=settings.desktop_downloads_dir,
                                         base_url=request_base_url())


@bp.route(f"{service.DOWNLOADS_PATH}/<name>", methods=["GET", "HEAD"])
@document_response(INSTALLER)
@document_response(ErrorResponse, 404)
async def download(name: str):
    """A published installer, as an attachment; Range requests and conditional GETs answered."""
    path = service.published_file(folder=current_app.config["SETTINGS"].desktop_downloads_dir, name=name)
    if path is None:
        raise APIError(404, "not_found", "no such download")
    response = await send_file(path, mimetype=service.media_type(name), as_attachment=True,
                               attachment_filename=name, conditional=True)
    response.headers["Accept-Ranges"] = "bytes"  # an interrupted download can resume (Quart says so on a 206 only)
    response.headers["Cache-Control"] = "public, no-cache"  # may be kept, but revalidated (ETag) each time
    return response
