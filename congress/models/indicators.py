"""Indicators: each target or result a report states, with its number and exact quote."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from .articles import Article, PublicationStatus
from .curation import CuratedModel
from .organisations import Term, Unit


class IndicatorKind(models.TextChoices):
    TARGET = "target", "Chỉ tiêu"
    RESULT = "result", "Kết quả"


class Comparator(models.TextChoices):
    EQ = "eq", "="
    GE = "ge", "≥ (trở lên)"
    GT = "gt", "> (trên)"
    LE = "le", "≤ (gần)"
    LT = "lt", "< (dưới)"
    RANGE = "range", "khoảng"


class Category(models.TextChoices):
    ECONOMY = "economy", "Kinh tế"
    CULTURE_SOCIETY = "culture_society", "Văn hóa – xã hội"
    PARTY_BUILDING = "party_building", "Xây dựng Đảng"
    DEFENSE_SECURITY = "defense_security", "Quốc phòng – an ninh"
    OTHER = "other", "Khác"


class IndicatorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(
            status=PublicationStatus.PUBLISHED, article__status=PublicationStatus.PUBLISHED
        )


LOW_ABOVE_HIGH = "Giá trị 'từ' phải nhỏ hơn hoặc bằng 'đến'."
RANGE_WITHOUT_BOUNDS = "Một khoảng cần có cả giá trị 'từ' và 'đến'."
VALUE_MISSING = "Cần nhập 'giá trị' (hoặc chọn so sánh 'khoảng' với 'từ' và 'đến')."
QUOTE_NOT_IN_BODY = "Trích dẫn không có trong nội dung bài viết; hãy chép đúng nguyên văn."

_DECIMAL = {"max_digits": 20, "decimal_places": 4, "null": True, "blank": True}


class Indicator(CuratedModel):
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="indicators", verbose_name="bài viết"
    )
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        db_index=False,  # "indicator_unit_filters" leads with it
        on_delete=models.SET_NULL,
        related_name="indicators",
        verbose_name="đơn vị",
    )
    term = models.ForeignKey(
        Term,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
        verbose_name="nhiệm kỳ",
    )
    year = models.PositiveSmallIntegerField("năm", null=True, blank=True)
    name = models.CharField("chỉ tiêu", max_length=300)
    key = models.CharField("khóa so sánh", max_length=300)
    category = models.CharField(
        "lĩnh vực", max_length=20, choices=Category.choices, default=Category.OTHER
    )
    kind = models.CharField("loại", max_length=8, choices=IndicatorKind.choices)
    comparator = models.CharField(
        "so sánh", max_length=6, choices=Comparator.choices, default=Comparator.EQ
    )
    value = models.DecimalField("giá trị", **_DECIMAL)
    low = models.DecimalField("từ", **_DECIMAL)
    high = models.DecimalField("đến", **_DECIMAL)
    unit_of_measure = models.CharField("đơn vị tính", max_length=60, blank=True)
    quote = models.TextField("trích dẫn")
    quote_start = models.PositiveIntegerField("vị trí trong bài")
    # Identity across re-imports: kind, numbers and quote, not the position, which moves when
    # earlier text changes.
    source_key = models.CharField(max_length=64, editable=False)
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
    )
    verified = models.BooleanField("đã kiểm tra", default=False)
    # Search: accent-folded text (congress.search), and its weighted vector on PostgreSQL.
    search_text = models.TextField(default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_text", "search_vector"])

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = "chỉ tiêu / kết quả"
        verbose_name_plural = "chỉ tiêu / kết quả"
        ordering = ["article", "quote_start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(low__lte=F("high")),
                name="indicator_low_le_high",
            ),
            models.CheckConstraint(
                condition=~Q(comparator="range") | (Q(low__isnull=False) & Q(high__isnull=False)),
                name="indicator_range_has_bounds",
            ),
            models.CheckConstraint(
                condition=Q(comparator="range") | Q(value__isnull=False),
                name="indicator_value_unless_range",
            ),
            models.UniqueConstraint(
                fields=["article", "source_key"], name="indicator_unique_per_article"
            ),
        ]
        # Plain B-trees in Meta rather than db_index=True, which on PostgreSQL adds a second,
        # LIKE-only index to each text column: every index is written by each import.
        indexes = [
            models.Index(fields=["key"], name="indicator_key"),
            models.Index(fields=["category"], name="indicator_category"),
            models.Index(fields=["kind"], name="indicator_kind"),
            # Published rows by term and by unit, counted from the index alone (home page,
            # terms, the unit tree); also the status filter's index.
            models.Index(
                fields=["term"], condition=Q(status="published"), name="indicator_published_term"
            ),
            models.Index(
                fields=["unit"], condition=Q(status="published"), name="indicator_published_unit"
            ),
            models.Index(fields=["term", "kind", "category"]),
            # A unit's (or a province's units') rows with the other filters: one index range
            # per unit instead of intersecting large bitmaps (37 → 10 ms at 100k reports).
            models.Index(
                fields=["unit", "term", "kind", "category"], name="indicator_unit_filters"
            ),
            # The term page's latest indicators: read in index order, never sorted whole.
            models.Index(fields=["term", "-id"], name="indicator_term_latest"),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.display_value}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.low is not None and self.high is not None and self.low > self.high:
            errors["high"] = LOW_ABOVE_HIGH
        if self.comparator == Comparator.RANGE and (self.low is None or self.high is None):
            errors["low" if self.low is None else "high"] = RANGE_WITHOUT_BOUNDS
        if self.comparator != Comparator.RANGE and self.value is None:
            errors["value"] = VALUE_MISSING
        if errors:
            raise ValidationError(errors)
        # Not keyed to "quote": the indicator inline under a report does not show it.
        if self.quote and self.article_id and self.quote not in self.article.body:
            raise ValidationError(QUOTE_NOT_IN_BODY)

    @property
    def display_value(self) -> str:
        def fmt(number) -> str:
            text = f"{number.normalize():f}" if number is not None else "?"
            return text.replace(".", ",")

        prefix = {"ge": "≥ ", "gt": "> ", "le": "≤ ", "lt": "< "}.get(self.comparator, "")
        if self.comparator == Comparator.RANGE:
            number = f"{fmt(self.low)}–{fmt(self.high)}"
        else:
            number = fmt(self.value)
        return f"{prefix}{number} {self.unit_of_measure}".strip()
