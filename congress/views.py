"""Public pages: thin views over congress.selectors, congress.filters and congress.search."""

from __future__ import annotations

from django import forms
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from . import exports, search, selectors
from .filters import PAGE_SIZES, IndicatorFilter, facets
from .models import Article, Person, Term, Unit
from .paging import CappedPaginator

SEARCH_SECTION_SIZE = 10
# The site search shows ten rows a section and links to the full searches: it ranks the first
# 100 matches of each (report vectors are large; ranking thousands of them is slow).
SEARCH_SECTION_WINDOW = 100


class SafePaginationMixin:
    """``?page=x`` is page 1 and ``?page=999999`` the last page, never an error."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=True)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


class HomeView(TemplateView):
    template_name = "congress/home.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.home_context())


class UnitListView(TemplateView):
    template_name = "congress/unit_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, roots=selectors.unit_tree())


class UnitDetailView(DetailView):
    model = Unit
    template_name = "congress/unit_detail.html"
    context_object_name = "unit"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.unit_page(self.object))


class TermListView(ListView):
    template_name = "congress/term_list.html"
    context_object_name = "terms"

    def get_queryset(self):
        return selectors.terms_with_counts().order_by("-start_year")


class TermDetailView(DetailView):
    template_name = "congress/term_detail.html"
    context_object_name = "term"

    def get_object(self, queryset=None):
        start, sep, end = self.kwargs["label"].partition("-")
        # isascii: str.isdigit() is also true of "²²²²", which int() refuses.
        digits = start + end
        if not (sep and digits.isascii() and digits.isdigit() and len(start) == len(end) == 4):
            raise Http404("no such term")
        return get_object_or_404(Term, start_year=int(start), end_year=int(end))

    def get_context_data(self, **kwargs):
        page = self.request.GET.get("page")
        return super().get_context_data(**kwargs, **selectors.term_page(self.object, page))


class ArticleSearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False)


class ArticleListView(SafePaginationMixin, ListView):
    template_name = "congress/article_list.html"
    context_object_name = "articles"
    paginate_by = 20
    paginator_class = CappedPaginator

    def get_queryset(self):
        self.form = ArticleSearchForm(self.request.GET)
        self.query = search.parse_query(self.form.is_valid() and self.form.cleaned_data["q"])
        queryset = selectors.article_list()
        if self.query:
            matched = search.search(queryset, self.query, head_field="title")
            return search.order_by_rank(search.rank_window(matched), "-published_at")
        return queryset

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, form=self.form, query=self.query)


class ArticleDetailView(DetailView):
    template_name = "congress/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.article_page(self.object))


class PersonDetailView(DetailView):
    model = Person
    template_name = "congress/person_detail.html"
    context_object_name = "person"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, **selectors.person_page(self.object))


# ---------------------------------------------------------------- indicator search


def indicator_filterset(request) -> IndicatorFilter:
    queryset = selectors.published_indicators().select_related("unit", "term", "article")
    return IndicatorFilter(request.GET, queryset=queryset)


class PageSizeForm(forms.Form):
    per_page = forms.TypedChoiceField(
        choices=[(n, n) for n in PAGE_SIZES], coerce=int, required=False
    )


class IndicatorSearchView(SafePaginationMixin, ListView):
    template_name = "congress/indicator_search.html"
    context_object_name = "indicators"
    paginator_class = CappedPaginator

    def get_queryset(self):
        self.filterset = indicator_filterset(self.request)
        return self.filterset.ordered(windowed=True)

    def get_paginate_by(self, queryset):
        form = PageSizeForm(self.request.GET)
        return (form.is_valid() and form.cleaned_data["per_page"]) or PAGE_SIZES[0]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filterset = self.filterset
        context.update(
            filter=filterset,
            query=filterset.query,
            # A keyword search's rows are its rank window (ids read once): its facets are
            # counted over those rows rather than by matching the full text again.
            facets=facets(
                self.object_list if filterset.query else filterset.qs,
                filterset.family,
                filterset.term_choices,
            ),
            total=context["paginator"].count,
            total_capped=context["paginator"].capped,
            page_sizes=PAGE_SIZES,
        )
        if filterset.query and not context["total"]:
            context["suggestion"] = search.suggest(filterset.query)
        return context


def export_csv(request):
    return exports.csv_response(indicator_filterset(request).ordered(), _base_url(request))


def export_json(request):
    return exports.json_response(indicator_filterset(request).ordered(), _base_url(request))


def _base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


# ---------------------------------------------------------------- site search


class SiteSearchView(TemplateView):
    template_name = "congress/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ArticleSearchForm(self.request.GET)
        query = search.parse_query(form.is_valid() and form.cleaned_data["q"])
        context.update(form=form, query=query, sections=[])
        if not query:
            return context
        size = SEARCH_SECTION_SIZE
        sections = [
            (
                "articles",
                _("Bài viết"),
                search.search(selectors.article_list(), query, head_field="title"),
                "-published_at",
            ),
            (
                "indicators",
                _("Chỉ tiêu và kết quả"),
                search.search(
                    selectors.published_indicators().select_related("unit", "term", "article"),
                    query,
                    head_field="name",
                ),
                "-term__start_year",
            ),
            (
                "units",
                _("Đơn vị"),
                search.search(Unit.objects.all(), query, head_field="name"),
                "name",
            ),
            (
                "people",
                _("Cán bộ"),
                search.search(Person.objects.all(), query, head_field="name"),
                "name",
            ),
        ]
        total = 0
        for key, title, rows, fallback in sections:
            rows = search.rank_window(rows, SEARCH_SECTION_WINDOW)
            rows = search.order_by_rank(rows, fallback, "pk")
            items = list(rows[: size + 1])
            total += len(items)
            context["sections"].append(
                {"key": key, "title": title, "items": items[:size], "more": len(items) > size}
            )
        context["total"] = total
        if not total:
            context["suggestion"] = search.suggest(query)
        return context
