"""What each API object looks like. Every object has its stable ``id``, its ``url`` in the API
and, where the public site has a page for it, ``web_url``; links between objects are nested
``{id, slug, name, url}`` references. Numbers are decimal strings ("1.5"), never floats.
"""

from __future__ import annotations

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Article, Congress, Indicator, Person, Position, Term, Unit
from ..models.articles import PublicationStatus


def _absolute(context, path: str) -> str:
    request = context.get("request")
    return request.build_absolute_uri(path) if request else path


class WebUrlField(serializers.Field):
    """The absolute address of the object's public page."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return _absolute(self.context, web_path(obj))


extend_schema_field(OpenApiTypes.URI)(WebUrlField)


def web_path(obj) -> str:
    if isinstance(obj, Person):
        return reverse("congress:person-detail", args=[obj.slug])
    return obj.get_absolute_url()


class NumberField(serializers.DecimalField):
    """A decimal as a string without trailing zeros: "1.5", "32" (not "32.0000")."""

    def __init__(self, **kwargs):
        super().__init__(max_digits=20, decimal_places=4, read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return None if value is None else f"{value.normalize():f}"


class UnitRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:unit-detail", lookup_field="slug")

    class Meta:
        model = Unit
        fields = ["id", "slug", "name", "kind", "url"]


class TermRefSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:term-detail", lookup_field="label")

    class Meta:
        model = Term
        fields = ["id", "label", "url"]


class ReportRefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail", lookup_field="slug")
    web_url = WebUrlField()

    class Meta:
        model = Article
        fields = ["id", "slug", "title", "url", "web_url"]


class PublishedReportField(ReportRefSerializer):
    """A report reference, or null when the report is not published."""

    def to_representation(self, instance):
        if instance is None or instance.status != PublicationStatus.PUBLISHED:
            return None
        return super().to_representation(instance)


class AdminAreaSerializer(serializers.Serializer):
    map = serializers.CharField()
    code = serializers.CharField()
    name = serializers.CharField()


class UnitSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:unit-detail", lookup_field="slug")
    web_url = WebUrlField()
    parent = UnitRefSerializer(read_only=True, allow_null=True)
    area = AdminAreaSerializer(
        read_only=True, allow_null=True, help_text="Official unit (gazetteer)."
    )
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    report_count = serializers.IntegerField(read_only=True, help_text="Published reports.")
    indicator_count = serializers.IntegerField(read_only=True, help_text="Published indicators.")

    class Meta:
        model = Unit
        fields = [
            "id", "slug", "name", "kind", "admin_type", "locality", "parent", "area", "aliases",
            "report_count", "indicator_count", "url", "web_url",
        ]  # fmt: skip


class TermSerializer(serializers.ModelSerializer):
    label = serializers.CharField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:term-detail", lookup_field="label")
    web_url = WebUrlField()
    report_count = serializers.IntegerField(read_only=True, help_text="Published reports.")
    indicator_count = serializers.IntegerField(read_only=True, help_text="Published indicators.")

    class Meta:
        model = Term
        fields = [
            "id", "label", "start_year", "end_year", "report_count", "indicator_count", "url",
            "web_url",
        ]  # fmt: skip


class CongressSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:congress-detail")
    unit = UnitRefSerializer(read_only=True)
    term = TermRefSerializer(read_only=True, allow_null=True)
    source_report = PublishedReportField(source="source_article", read_only=True, allow_null=True)

    class Meta:
        model = Congress
        fields = [
            "id", "unit", "term", "ordinal", "date", "delegates", "members_represented",
            "source_report", "url",
        ]  # fmt: skip


class ReportUnitSerializer(serializers.Serializer):
    unit = UnitRefSerializer(read_only=True)
    is_primary = serializers.BooleanField(read_only=True)


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail", lookup_field="slug")
    web_url = WebUrlField()
    units = ReportUnitSerializer(source="unit_links", many=True, read_only=True)
    terms = TermRefSerializer(many=True, read_only=True)
    indicator_count = serializers.IntegerField(read_only=True, help_text="Published indicators.")

    class Meta:
        model = Article
        fields = [
            "id", "slug", "title", "published_at", "author", "source_name", "source_url",
            "genre", "verified", "units", "terms", "indicator_count", "url", "web_url",
        ]  # fmt: skip


class ReportDetailSerializer(ReportSerializer):
    body = serializers.CharField(read_only=True, help_text="The cleaned text of the report.")

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "body"]


class IndicatorSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:indicator-detail")
    value = NumberField()
    low = NumberField(help_text="Lower bound of a range.")
    high = NumberField(help_text="Upper bound of a range.")
    display_value = serializers.CharField(read_only=True, help_text='As written: "≤ 2 %".')
    unit = UnitRefSerializer(read_only=True, allow_null=True)
    term = TermRefSerializer(read_only=True, allow_null=True)
    report = ReportRefSerializer(source="article", read_only=True)
    quote = serializers.CharField(read_only=True, help_text="The exact sentence in the report.")

    class Meta:
        model = Indicator
        fields = [
            "id", "kind", "category", "name", "key", "comparator", "value", "low", "high",
            "unit_of_measure", "display_value", "year", "unit", "term", "verified", "quote",
            "quote_start", "report", "url",
        ]  # fmt: skip


class PositionSerializer(serializers.ModelSerializer):
    unit = UnitRefSerializer(read_only=True, allow_null=True)
    report = PublishedReportField(source="article", read_only=True, allow_null=True)

    class Meta:
        model = Position
        fields = ["title", "unit", "date", "report"]


class PersonSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:person-detail", lookup_field="slug")
    web_url = WebUrlField()
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    positions = PositionSerializer(source="public_positions", many=True, read_only=True)

    class Meta:
        model = Person
        fields = ["id", "slug", "name", "aliases", "positions", "url", "web_url"]
