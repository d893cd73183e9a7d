from pydantic import Field

from server.schemas import ResponseModel


class DesktopDownload(ResponseModel):
    file: str
    url: str  # absolute: PUBLIC_HOST's base URL + /downloads/desktop/<file>
    size: int = Field(ge=0)  # bytes
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class DesktopDownloads(ResponseModel):
    """Each platform's installer for the current version, or null when none is published
    (the client then tells the user to ask their administrator)."""

    linux: DesktopDownload | None
    windows: DesktopDownload | None


class DesktopVersionOut(ResponseModel):
    version: str  # the server's version: the desktop version clients should run
    downloads: DesktopDownloads
