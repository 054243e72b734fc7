"""The API at /api/v1/: public open data and the staff's cases, its OpenAPI schema at
/api/v1/schema/. Errors answer in Chinese like the pages ({"detail": "…"})."""

from __future__ import annotations

from typing import ClassVar

from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.renderers import JSONRenderer

from . import catalogue, public, staff


class ChineseJSON(JSONRenderer):
    """Chinese text as itself, not as \\u escapes, so a person can read the data."""

    json_dumps_params: ClassVar[dict] = {"ensure_ascii": False}


api = NinjaAPI(
    title="政府信息公开数据接口",
    version="1",
    description="公开数据：机关、已发布的政府信息公开工作年度报告、政府信息公开目录；"
    "办理台账：凭接口令牌访问本机关的申请。",
    openapi_url="/schema/",
    docs_url=None,  # the Swagger page loads its scripts from a CDN: nothing may download
    urls_namespace="api",
    renderer=ChineseJSON(),
)
api.add_router("", public.router)
api.add_router("", catalogue.router)
api.add_router("", staff.router)


def _detail(request, message: str, status: int):
    return api.create_response(request, {"detail": message}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    message = str(exc) if exc.args and not str(exc).isascii() else "没有找到。"
    return _detail(request, message, 404)


@api.exception_handler(AuthenticationError)
def unauthorized(request, exc):
    return _detail(request, "需要有效的接口令牌（请求头 Authorization: Bearer 令牌）。", 401)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    where = "、".join(
        sorted({str(e.get("loc", ["?"])[-1]) for e in exc.errors if isinstance(e, dict)})
    )
    return _detail(request, f"参数不正确：{where}。", 422)
