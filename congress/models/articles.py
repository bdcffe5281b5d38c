"""Reports (articles) as imported: clean body, the raw text kept, and their units and terms."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..links import page_url
from .curation import CuratedModel
from .organisations import Term, Unit


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Công khai"
    HIDDEN = "hidden", "Ẩn"


class Genre(models.TextChoices):
    INTERVIEW = "interview", "Phỏng vấn"
    NEWS = "news", "Tin tức"
    CONFERENCE = "conference", "Hội nghị"
    OTHER = "other", "Khác"


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PublicationStatus.PUBLISHED)


class Article(CuratedModel):
    title = models.CharField("tiêu đề", max_length=500)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True)
    published_at = models.DateTimeField("ngày đăng", null=True, blank=True, db_index=True)
    author = models.CharField("tác giả", max_length=200, blank=True)
    source_name = models.CharField("nguồn", max_length=200, blank=True)
    source_url = models.URLField("địa chỉ nguồn", max_length=500, blank=True)
    genre = models.CharField("thể loại", max_length=12, choices=Genre.choices, default=Genre.OTHER)
    body = models.TextField("nội dung đã làm sạch")
    raw_text = models.TextField("văn bản gốc")
    content_hash = models.CharField("mã băm nội dung", max_length=64, unique=True)
    source_file = models.CharField("tệp nguồn", max_length=255, db_index=True)
    source_path = models.CharField("đường dẫn tệp", max_length=1000, db_index=True)
    status = models.CharField(
        "trạng thái",
        max_length=10,
        choices=PublicationStatus.choices,
        default=PublicationStatus.DRAFT,
        db_index=True,
    )
    verified = models.BooleanField("đã kiểm tra", default=False)
    extraction_warnings = models.JSONField("cảnh báo khi nhập", default=list, blank=True)
    imported_at = models.DateTimeField("nhập lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)
    units = models.ManyToManyField(
        Unit, through="ArticleUnit", related_name="articles", verbose_name="đơn vị"
    )
    terms = models.ManyToManyField(
        Term, blank=True, related_name="articles", verbose_name="nhiệm kỳ"
    )
    # Search: accent-folded text (congress.search), and its weighted vector on PostgreSQL.
    search_text = models.TextField(default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["raw_text", "search_text", "search_vector"])

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = "bài viết"
        verbose_name_plural = "bài viết"
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The ids of published reports, read without the wide rows: every public list
            # joins to it (a scan of the table for its status took 100 ms at 100k reports).
            models.Index(fields=["id"], condition=Q(status="published"), name="article_published"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("congress:article-detail", self.slug)

    @property
    def primary_unit(self) -> Unit | None:
        link = next((link for link in self.unit_links.all() if link.is_primary), None)
        return link.unit if link else None


class ArticleUnit(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="unit_links")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="article_links")
    is_primary = models.BooleanField("đơn vị chính", default=False)

    class Meta:
        verbose_name = "đơn vị trong bài"
        verbose_name_plural = "đơn vị trong bài"
        constraints = [
            models.UniqueConstraint(fields=["article", "unit"], name="articleunit_unique"),
            models.UniqueConstraint(
                fields=["article"],
                condition=Q(is_primary=True),
                name="articleunit_one_primary",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.article} – {self.unit}"
