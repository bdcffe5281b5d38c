"""Officials named in reports and the positions they held."""

from django.db import models
from simple_history.models import HistoricalRecords

from ..extraction.text import match_key
from .articles import Article
from .curation import CuratedModel
from .organisations import Unit


class Person(CuratedModel):
    name = models.CharField("họ tên", max_length=120)
    name_key = models.CharField(max_length=120, db_index=True, editable=False)
    slug = models.SlugField("đường dẫn", max_length=120, unique=True)
    search_text = models.TextField(default="", editable=False)  # folded, see congress.search
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = "cán bộ"
        verbose_name_plural = "cán bộ"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The key names are compared by is derived, never typed by an editor.
        self.name_key = match_key(self.name)
        super().save(*args, **kwargs)


class PersonAlias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("tên khác", max_length=120)
    name_key = models.CharField(max_length=120, db_index=True, editable=False)

    class Meta:
        verbose_name = "tên khác của cán bộ"
        verbose_name_plural = "tên khác của cán bộ"
        constraints = [
            models.UniqueConstraint(fields=["person", "name_key"], name="personalias_unique"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The key names are compared by is derived, never typed by an editor.
        self.name_key = match_key(self.name)
        super().save(*args, **kwargs)


class Position(CuratedModel):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name="cán bộ"
    )
    title = models.CharField("chức vụ", max_length=300)
    unit = models.ForeignKey(
        Unit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="positions",
        verbose_name="đơn vị",
    )
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="positions",
        verbose_name="bài viết",
    )
    date = models.DateField("thời điểm", null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chức vụ"
        verbose_name_plural = "chức vụ"
        ordering = ["person__name", "-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "title", "article"], name="position_unique_per_article"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.title}"
