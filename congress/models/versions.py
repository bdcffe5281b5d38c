"""The archive's content version: one counter every write to the public record moves on."""

from django.db import models


class ContentVersion(models.Model):
    """A single row (pk 1). Cached public pages are keyed by its value, so a write that
    bumps it makes every page cached before it unreachable at once, in every worker."""

    value = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = "phiên bản nội dung"
        verbose_name_plural = "phiên bản nội dung"

    def __str__(self) -> str:
        return str(self.value)
