"""Pages of at most MAX_PAGE_SIZE rows. A malformed ``page`` or ``page_size`` is a 400 saying
why; a page past the last one is a 404 saying how many pages there are."""

from django.core.paginator import InvalidPage
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

MAX_PAGE_SIZE = 100


def _positive_int(name: str, raw: str, *, maximum: int | None = None) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ValidationError({name: [f"Must be a whole number, not {raw[:40]!r}."]}) from None
    if value < 1:
        raise ValidationError({name: ["Must be 1 or more."]})
    if maximum is not None and value > maximum:
        raise ValidationError({name: [f"Must be at most {maximum}."]})
    return value


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return _positive_int(self.page_size_query_param, raw, maximum=self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        page_size = self.get_page_size(request)
        paginator = self.django_paginator_class(queryset, page_size)
        raw = request.query_params.get(self.page_query_param)
        number = 1 if raw is None else _positive_int(self.page_query_param, raw)
        try:
            self.page = paginator.page(number)
        except InvalidPage:
            # The number is well formed but past the end: the page is not found, like DRF.
            pages = paginator.num_pages
            rows = "row" if page_size == 1 else "rows"
            raise NotFound(
                f"Page {number} does not exist: there {'is' if pages == 1 else 'are'} {pages} "
                f"page{'' if pages == 1 else 's'} of {page_size} {rows}."
            ) from None
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
                parameter["description"] = f"Rows per page (1–{self.max_page_size}, default 25)."
        return parameters
