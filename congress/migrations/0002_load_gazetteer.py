from django.db import migrations


def load(apps, schema_editor):
    from congress.importer.gazetteer_loader import load_gazetteer

    load_gazetteer(apps.get_model("congress", "AdminArea"))


def unload(apps, schema_editor):
    apps.get_model("congress", "AdminArea").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("congress", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
