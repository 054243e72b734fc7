"""The portal's larger-type mode (条例第四十三条; 适老化): a cookie the pages read, set by a
plain link, so it works without script and stays until the visitor switches back."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

COOKIE = "gk_text"
LARGE = "large"
ONE_YEAR = 365 * 24 * 3600


def text_size(request):
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
        target = "/"
    response = redirect(target)
    if request.GET.get("size") == LARGE:
        response.set_cookie(COOKIE, LARGE, max_age=ONE_YEAR, samesite="Lax", httponly=True)
    else:
        response.delete_cookie(COOKIE, samesite="Lax")
    return response


def large_text(request) -> dict:
    """Context processor: `large_text` for the portal's pages."""
    return {"large_text": request.COOKIES.get(COOKIE) == LARGE}
