"""An uploaded file held between its preview and the clerk's confirmation.

The file waits in MEDIA_ROOT/imports/<random token>/<its own name> (the name the errors cite),
the token kept in the session under `key`: confirming needs the token of the preview shown, so
a stale or forged confirmation finds nothing. Uploading another file, or confirming, discards it.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings


def _folder() -> Path:
    folder = Path(settings.MEDIA_ROOT) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def keep(request, key: str, upload) -> tuple[str, Path]:
    """Store `upload`, replacing what `key` held; return its token and path."""
    discard(request, key)
    token = secrets.token_hex(16)
    path = _folder() / token / Path(upload.name).name
    path.parent.mkdir()
    with path.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    request.session[key] = {"token": token, "path": f"{token}/{path.name}", "name": upload.name}
    return token, path


def kept(request, key: str, token: str) -> tuple[Path, str] | None:
    """(path, uploaded name) of the file held under `key` with this token, else None."""
    held = request.session.get(key)
    if not held or held["token"] != token:
        return None
    path = _folder() / held["path"]
    return (path, held["name"]) if path.exists() else None


def discard(request, key: str) -> None:
    held = request.session.pop(key, None)
    if held:
        path = _folder() / held["path"]
        path.unlink(missing_ok=True)
        if path.parent != _folder() and path.parent.exists():
            path.parent.rmdir()
