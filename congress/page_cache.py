"""Whole public pages, cached until the archive's content changes.

A public page is the same for every anonymous visitor who asks for the same address in the
same language, and it changes only when the content does: an import, a restore, an editor's
save. So an anonymous GET of a public page is kept in the cache under (content version,
language, host, address), and every write to the archive bumps the version, a row in the
database that every worker reads: a page cached before a write is never served after it.

Who bumps it:
- the import and the archive restore, inside each transaction that writes (the new version
  becomes visible together with the new content);
- any signed-in user's POST, PUT, PATCH or DELETE (the admin, the API), after it ran;
- ``migrate``.
A write made any other way (a Django shell) shows after ``PAGE_CACHE_SECONDS`` at most, or at
once after ``bump_content_version()``.

Not cached: signed-in visitors (editors see every change at once and nothing personal is
shared), the admin, the API (its throttling counts each request), streamed downloads,
anything but a 200, and responses that set a cookie or say private/no-store.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models import F
from django.utils.cache import has_vary_header

from .models import ContentVersion

SAFE_METHODS = ("GET", "HEAD")
NOT_CACHED_PREFIXES = ("/admin/", "/api/", "/i18n/", "/static/")


def content_version() -> int:
    value = ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    return value or 0


def bump_content_version(using: str = "default") -> None:
    """Move the version on: pages cached so far are not served again."""
    versions = ContentVersion.objects.using(using)
    if not versions.filter(pk=1).update(value=F("value") + 1):
        versions.get_or_create(pk=1, defaults={"value": 1})


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


class PublicPageCacheMiddleware:
    """Serves anonymous GETs of public pages from the cache (see the module's docstring).

    Sits after the locale middleware (the language is part of the key) and before the CSRF
    and authentication middleware, whose work a cached page does not need."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            response = self.get_response(request)
            if request.method not in SAFE_METHODS and _signed_in(request):
                bump_content_version()
            return response
        key = self._key(request)
        cached = _cache().get(key)
        if cached is not None:
            return cached
        response = self.get_response(request)
        if request.method == "GET" and self._storable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.add_post_render_callback(lambda r: self._store(key, r))
            else:
                self._store(key, response)
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in SAFE_METHODS
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "Authorization" not in request.headers
            and not request.path.startswith(NOT_CACHED_PREFIXES)
        )

    @staticmethod
    def _key(request) -> str:
        address = hashlib.sha256(
            f"{request.get_host()}\n{request.get_full_path()}".encode("utf-8", "surrogatepass")
        ).hexdigest()
        language = getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE)
        return f"page:{content_version()}:{language}:{address}"

    @staticmethod
    def _storable(response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in ("private", "no-store", "no-cache")):
            return False
        return not has_vary_header(response, "*")

    @staticmethod
    def _store(key: str, response) -> None:
        _cache().set(key, response, settings.PAGE_CACHE_SECONDS)


def _signed_in(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)
