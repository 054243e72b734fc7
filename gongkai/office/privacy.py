"""What the office tells browsers and proxies about the people using it.

- Every page for a signed-in person may show applicants' personal data (a case, the case
  list, a form with a name in it): `Cache-Control: no-store`, so neither a shared proxy nor the
  browser's disk keeps a copy. Public portal pages stay cacheable.
- The client's address: behind the reverse proxy of GONGKAI_HTTPS mode, the address nginx saw
  (the last entry it appended to X-Forwarded-For); else the connection's own. Login throttling
  counts failures per address with it.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control


class NoStoreForSignedIn:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response


def client_ip(request) -> str:
    if settings.HTTPS:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        hops = [h.strip() for h in forwarded.split(",") if h.strip()]
        if hops:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")
