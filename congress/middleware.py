"""Site middleware: Vietnamese first, and bad admin query strings answered with a 400."""

import logging

from django.conf import settings
from django.core.exceptions import FieldError, ValidationError
from django.db import DataError
from django.http import HttpResponseBadRequest
from django.middleware.locale import LocaleMiddleware
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Like Django's LocaleMiddleware, but a browser's Accept-Language does not switch the
    archive to English: only the language form (its cookie) does."""

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _ in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class AdminBadRequestMiddleware:
    """Hostile query strings on admin lists (``?o=``, ``?e=``, unknown or malformed filter
    values, huge page numbers) can make Django's admin raise while it builds the list; that
    is the client's mistake, so it becomes a 400, not a 500. Only GET requests under the
    admin with a query string are concerned; anything else still raises."""

    BAD_INPUT = (ValueError, OverflowError, ValidationError, FieldError, DataError)

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if (
            request.method == "GET"
            and request.META.get("QUERY_STRING")
            and request.path.startswith(reverse("admin:index"))
            and isinstance(exception, self.BAD_INPUT)
        ):
            logger.warning("Admin: bad query string %r (%s)", request.GET.urlencode(), exception)
            return HttpResponseBadRequest("Bad query string.")
        return None
