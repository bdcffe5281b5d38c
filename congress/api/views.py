"""Read-only viewsets over the published archive; querysets come from congress.selectors."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response

from .. import exports, selectors
from ..models import ArticleUnit, Congress, Person
from . import filters, serializers

FORMAT = "format"


class OrderedFilterBackend(DjangoFilterBackend):
    """django-filter, then the filter set's own stable order (relevance, sort, default)."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise ValidationError(filterset.errors)
        return filterset.ordered()


class CSVRenderer(BaseRenderer):
    """Declares ``?format=csv``; the rows are streamed by congress.exports, not rendered."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):  # pragma: no cover
        raise NotImplementedError("CSV responses are streamed by the view")


class ArchiveViewSet(viewsets.ReadOnlyModelViewSet):
    """English messages; unknown, empty or repeated query parameters and unknown formats are
    400s, never silently ignored."""

    filter_backends = [OrderedFilterBackend]

    def dispatch(self, request, *args, **kwargs):
        with translation.override("en"):
            return super().dispatch(request, *args, **kwargs)

    def allowed_parameters(self) -> set[str]:
        allowed = {FORMAT}
        if self.action == "list":
            allowed |= set(self.filterset_class.base_filters)
            allowed |= {self.paginator.page_query_param, self.paginator.page_size_query_param}
        return allowed

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404:
            formats = ", ".join(r.format for r in self.get_renderers())
            raise ValidationError(
                {FORMAT: [f'Unknown format "{request.query_params.get(FORMAT)}"; use {formats}.']}
            ) from None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if self.action is None:
            return  # a method this endpoint does not take: 405, whatever the parameters
        allowed = self.allowed_parameters()
        errors = {}
        for name, values in request.query_params.lists():
            if name not in allowed:
                errors[name] = [
                    f"Unknown parameter; this endpoint takes: {', '.join(sorted(allowed))}."
                ]
            elif "" in values:
                errors[name] = ["Empty value; leave the parameter out not to filter by it."]
            elif len(values) > 1:
                errors[name] = ["Given more than once; give it once."]
        if errors:
            raise ValidationError(errors)

    def finalize_response(self, request, response, *args, **kwargs):
        # An error asked for as CSV is still explained in JSON.
        renderer = getattr(request, "accepted_renderer", None)
        if isinstance(renderer, CSVRenderer) and isinstance(response, Response):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="Units (Party organisations), province › district › ward, blocs"),
    retrieve=extend_schema(summary="One unit, by slug"),
)
class UnitViewSet(ArchiveViewSet):
    serializer_class = serializers.UnitSerializer
    filterset_class = filters.UnitApiFilter
    lookup_field = "slug"

    def get_queryset(self):
        return (
            selectors.units_with_counts()
            .select_related("parent", "area")
            .prefetch_related("aliases")
        )


@extend_schema_view(
    list=extend_schema(summary="Terms (nhiệm kỳ)"),
    retrieve=extend_schema(summary="One term, by label (2020-2025)"),
)
class TermViewSet(ArchiveViewSet):
    serializer_class = serializers.TermSerializer
    filterset_class = filters.TermApiFilter
    lookup_field = "label"
    lookup_value_regex = r"[0-9]{4}-[0-9]{4}"

    def get_queryset(self):
        return selectors.terms_with_counts()

    def get_object(self):
        start, _sep, end = self.kwargs["label"].partition("-")
        return get_object_or_404(self.get_queryset(), start_year=int(start), end_year=int(end))


@extend_schema_view(
    list=extend_schema(summary="Congresses (đại hội), with the report that tells of each"),
    retrieve=extend_schema(summary="One congress, by id"),
)
class CongressViewSet(ArchiveViewSet):
    serializer_class = serializers.CongressSerializer
    filterset_class = filters.CongressApiFilter

    def get_queryset(self):
        return Congress.objects.select_related("unit", "term", "source_article")


@extend_schema_view(
    list=extend_schema(summary="Published reports (articles)"),
    retrieve=extend_schema(summary="One published report, by slug, with its text"),
)
class ReportViewSet(ArchiveViewSet):
    filterset_class = filters.ArticleApiFilter
    lookup_field = "slug"

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.ReportDetailSerializer
        return serializers.ReportSerializer

    def get_queryset(self):
        rows = selectors.published_articles().annotate(
            indicator_count=selectors.published_indicator_count("article")
        )
        links = ArticleUnit.objects.select_related("unit").order_by("-is_primary", "unit__name")
        rows = rows.prefetch_related(Prefetch("unit_links", queryset=links), "terms")
        if self.action == "list":
            rows = rows.defer("body", "raw_text", "search_text", "search_vector")
        return rows


@extend_schema_view(
    list=extend_schema(
        summary="Indicators (targets and results): the public indicator search",
        description=(
            "The same filters as the public search at /chi-tieu/. With `format=csv` the whole "
            "search (not one page) is streamed as CSV, in the columns of the public CSV "
            "download: " + ", ".join(exports.EXPORT_FIELDS) + "."
        ),
        responses={(200, "application/json"): serializers.IndicatorSerializer(many=True),
                   (200, "text/csv"): OpenApiTypes.STR},
    ),
    retrieve=extend_schema(summary="One published indicator, by id"),
)  # fmt: skip
class IndicatorViewSet(ArchiveViewSet):
    serializer_class = serializers.IndicatorSerializer
    filterset_class = filters.IndicatorApiFilter
    renderer_classes = [JSONRenderer, CSVRenderer]

    def get_queryset(self):
        return (
            selectors.published_indicators()
            .select_related("unit", "term", "article")
            .defer(*exports.UNUSED_COLUMNS)
        )

    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format == "csv":
            rows = self.filter_queryset(self.get_queryset())
            base_url = request.build_absolute_uri("/").rstrip("/")
            return exports.csv_response(rows, base_url)
        return super().list(request, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(summary="People (officials) named in published reports"),
    retrieve=extend_schema(summary="One person, by slug, with the positions held"),
)
class PersonViewSet(ArchiveViewSet):
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonApiFilter
    lookup_field = "slug"

    def get_queryset(self):
        positions = selectors.public_positions().select_related("unit", "article")
        return Person.objects.prefetch_related(
            "aliases",
            Prefetch(
                "positions", queryset=positions.order_by("-date", "pk"), to_attr="public_positions"
            ),
        )


API_VIEWSETS = [
    ("units", UnitViewSet, "unit"),
    ("terms", TermViewSet, "term"),
    ("congresses", CongressViewSet, "congress"),
    ("reports", ReportViewSet, "report"),
    ("indicators", IndicatorViewSet, "indicator"),
    ("people", PersonViewSet, "person"),
]
