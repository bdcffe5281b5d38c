"""Party organisations (units), terms of office and the congresses that open them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from ..extraction.text import match_key
from ..links import page_url
from .curation import CuratedModel
from .gazetteer import AdminArea


class UnitKind(models.TextChoices):
    WARD = "ward", "Cấp xã (phường, xã, thị trấn)"
    DISTRICT = "district", "Cấp huyện (quận, huyện, thị xã, thành phố thuộc tỉnh)"
    PROVINCE = "province", "Cấp tỉnh"
    BLOC = "bloc", "Đảng bộ Khối"


OWN_ANCESTOR = "Một đơn vị không thể là cấp trên (trực tiếp hay gián tiếp) của chính nó."


class UnitQuerySet(models.QuerySet):
    def roots(self):
        return self.filter(parent__isnull=True)

    def of_kind(self, kind: str):
        return self.filter(kind=kind)


class Unit(CuratedModel):
    """A Party organisation that reports: "Đảng bộ phường I", "Đảng bộ Khối …"."""

    kind = models.CharField("cấp", max_length=10, choices=UnitKind.choices, db_index=True)
    admin_type = models.CharField("loại đơn vị hành chính", max_length=20, blank=True)
    name = models.CharField("tên tổ chức", max_length=200)  # "Đảng bộ phường I"
    locality = models.CharField("địa bàn", max_length=200, blank=True)  # "phường I"
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True)
    area = models.ForeignKey(
        AdminArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
        verbose_name="đơn vị hành chính",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name="đơn vị cấp trên",
    )
    search_text = models.TextField(default="", editable=False)  # folded, see congress.search
    history = HistoricalRecords(excluded_fields=["search_text"])

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="unit_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The key names are compared by is derived, never typed by an editor.
        self.name_key = match_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return page_url("congress:unit-detail", self.slug)

    def clean(self) -> None:
        if self.parent_id is None or self.pk is None:
            return
        node, seen = self.parent, set()
        while node is not None and node.pk not in seen:
            if node.pk == self.pk:
                raise ValidationError({"parent": OWN_ANCESTOR})
            seen.add(node.pk)
            node = node.parent

    def ancestors(self) -> list["Unit"]:
        """Parents up to the province, nearest first (guards against a cycle)."""
        chain, seen, node = [], {self.pk}, self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    @property
    def province(self) -> "Unit | None":
        chain = [self, *self.ancestors()]
        return next((u for u in reversed(chain) if u.kind == UnitKind.PROVINCE), None)


class UnitAlias(models.Model):
    """Another name the texts use for a unit ("Đảng bộ Phường 1", "Đảng ủy phường I")."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("tên khác", max_length=200)
    name_key = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name = "tên khác của đơn vị"
        verbose_name_plural = "tên khác của đơn vị"
        constraints = [
            models.UniqueConstraint(fields=["unit", "name_key"], name="unitalias_unique_per_unit"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The key names are compared by is derived, never typed by an editor.
        self.name_key = match_key(self.name)
        super().save(*args, **kwargs)


class Term(models.Model):
    """A nhiệm kỳ, e.g. 2015–2020."""

    start_year = models.PositiveSmallIntegerField("năm bắt đầu")
    end_year = models.PositiveSmallIntegerField("năm kết thúc")
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nhiệm kỳ"
        verbose_name_plural = "nhiệm kỳ"
        ordering = ["start_year", "end_year"]
        constraints = [
            models.UniqueConstraint(fields=["start_year", "end_year"], name="term_unique_years"),
            models.CheckConstraint(
                condition=Q(end_year__gt=F("start_year")), name="term_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return page_url("congress:term-detail", self.label)

    @property
    def label(self) -> str:
        return f"{self.start_year}-{self.end_year}"

    @property
    def slug(self) -> str:
        return self.label


class Congress(CuratedModel):
    """Đại hội: the congress of a unit that opens a term."""

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="congresses", verbose_name="đơn vị"
    )
    term = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="congresses",
        verbose_name="nhiệm kỳ",
    )
    ordinal = models.PositiveSmallIntegerField("lần thứ")
    date = models.DateField("ngày họp", null=True, blank=True)
    delegates = models.PositiveIntegerField("số đại biểu", null=True, blank=True)
    members_represented = models.PositiveIntegerField(
        "số đảng viên đại diện", null=True, blank=True
    )
    source_article = models.ForeignKey(
        "congress.Article",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="congresses",
        verbose_name="bài nguồn",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "đại hội"
        verbose_name_plural = "đại hội"
        ordering = ["unit__name", "ordinal"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "ordinal"], name="congress_unique_ordinal"),
            models.CheckConstraint(condition=Q(ordinal__gte=1), name="congress_ordinal_positive"),
        ]

    def __str__(self) -> str:
        from ..extraction.roman import to_roman

        return f"Đại hội {self.unit} lần thứ {to_roman(self.ordinal)}"
