"""What an editor changed, so that a re-import never overwrites it."""

from django.db import models


class CuratedModel(models.Model):
    """A row the import writes and editors may correct.

    ``edited_fields`` names every field an editor changed (the admin records it); the import
    leaves those fields, and rows an editor created, as they are.
    """

    edited_fields = models.JSONField("trường do biên tập viên sửa", default=list, blank=True)
    created_by_editor = models.BooleanField("do biên tập viên tạo", default=False)

    class Meta:
        abstract = True

    @property
    def is_curated(self) -> bool:
        return bool(self.edited_fields) or self.created_by_editor

    def mark_edited(self, field_names) -> None:
        self.edited_fields = sorted(set(self.edited_fields) | set(field_names))
