from django.apps import AppConfig


class CongressConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "congress"
    verbose_name = "Lưu trữ Đại hội"

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(_new_content_version, sender=self)


def _new_content_version(sender, using, **kwargs):
    """A migration may change what pages show (the gazetteer is loaded by one)."""
    from django.db import connections

    from .models import ContentVersion
    from .page_cache import bump_content_version

    if ContentVersion._meta.db_table in connections[using].introspection.table_names():
        bump_content_version(using)
