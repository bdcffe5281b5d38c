"""The Editors group: curate the archive, read the gazetteer and history, manage no users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
# Models editors curate: view, add, change and delete.
CURATED = (
    "unit", "unitalias", "term", "congress", "article", "articleunit",
    "indicator", "person", "personalias", "position",
)  # fmt: skip
# Models editors only read: the official gazetteer and every object's history.
READ_ONLY = (
    "adminarea", "historicalunit", "historicalterm", "historicalcongress",
    "historicalarticle", "historicalindicator", "historicalperson", "historicalposition",
)  # fmt: skip


def codenames() -> list[str]:
    names = [f"{action}_{model}" for model in CURATED for action in ("view", "add", "change", "delete")]
    return names + [f"view_{model}" for model in READ_ONLY]


def create_editors_group(apps, schema_editor):
    # Permissions are normally created after every migration has run; create them now.
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = codenames()
    permissions = Permission.objects.filter(content_type__app_label="congress", codename__in=wanted)
    found = {p.codename for p in permissions}
    missing = sorted(set(wanted) - found)
    if missing:
        raise RuntimeError(f"permissions missing for the Editors group: {missing}")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.set(permissions)


def delete_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("congress", "0003_search_fields"),
    ]

    operations = [migrations.RunPython(create_editors_group, delete_editors_group)]
