"""The official administrative units of Vietnam, pre-2025 and 2025 maps.

Loaded from vietnamadminunits by a data migration, so that resolving a place is an
ordinary query. A pre-2025 unit points at its 2025 successor.
"""

from django.db import models


class AdminMap(models.TextChoices):
    LEGACY = "legacy", "Trước 2025 (63 tỉnh)"
    MAP_2025 = "2025", "Từ 2025 (34 tỉnh)"


class AdminLevel(models.TextChoices):
    PROVINCE = "province", "Tỉnh"
    DISTRICT = "district", "Huyện"
    WARD = "ward", "Xã"


class AdminAreaManager(models.Manager):
    def get_by_natural_key(self, map_name: str, code: str) -> "AdminArea":
        return self.get(map=map_name, code=code)


class AdminArea(models.Model):
    map = models.CharField("bản đồ", max_length=8, choices=AdminMap.choices)
    code = models.CharField("mã", max_length=10)
    level = models.CharField("cấp", max_length=10, choices=AdminLevel.choices)
    admin_type = models.CharField("loại", max_length=20)  # tỉnh, thành phố, quận, phường…
    name = models.CharField("tên chính thức", max_length=120)  # "Phường 1", "Thị xã Quảng Trị"
    short_name = models.CharField("tên ngắn", max_length=100)  # "Phường 1", "Quảng Trị"
    name_key = models.CharField(max_length=100, db_index=True)  # text.match_key(short_name)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        verbose_name="đơn vị kế thừa (2025)",
    )

    objects = AdminAreaManager()

    class Meta:
        verbose_name = "đơn vị hành chính"
        verbose_name_plural = "danh mục đơn vị hành chính"
        constraints = [
            models.UniqueConstraint(fields=["map", "code"], name="adminarea_unique_code"),
        ]
        indexes = [models.Index(fields=["map", "level", "name_key"])]
        ordering = ["map", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def natural_key(self) -> tuple[str, str]:
        """(map, official code): the same in every database, unlike the id (archive packages
        refer to areas by it)."""
        return (self.map, self.code)
