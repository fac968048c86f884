"""The Publication model moved to the portal app (docs/decisions/0008-portal-app.md): it
leaves this app's state only; its table stays and portal.0001 takes it over."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0006_publication"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Publication")],
            database_operations=[],
        ),
    ]
