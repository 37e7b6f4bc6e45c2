"""Roster imports: deactivating the people missing from a file becomes an explicit, confirmed choice."""

from django.db import migrations, models


def whole_roster_from_partial(apps, schema_editor):
    """Earlier imports that were not partial deactivated the missing people: they were whole rosters."""
    RosterImport = apps.get_model("people", "RosterImport")
    RosterImport.objects.filter(partial=False).update(deactivate_missing=True)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_workload_classification_roster_imports")]

    operations = [
        migrations.AddField(
            model_name="rosterimport",
            name="deactivate_missing",
            field=models.BooleanField(
                default=False, verbose_name="whole roster (people missing from it are deactivated)"
            ),
        ),
        migrations.RunPython(whole_roster_from_partial, migrations.RunPython.noop),
        migrations.RemoveField(model_name="rosterimport", name="partial"),
        migrations.AddField(
            model_name="rosterimport",
            name="deactivation",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Who a whole-roster import deactivates: name, division, people supervised (the first ones)",
                verbose_name="people to deactivate",
            ),
        ),
        migrations.AddField(
            model_name="rosterimport",
            name="confirm_token",
            field=models.CharField(blank=True, max_length=64, verbose_name="confirmation token"),
        ),
        migrations.AddField(
            model_name="rosterimport",
            name="awaiting_confirmation",
            field=models.BooleanField(default=False, verbose_name="awaiting confirmation"),
        ),
        migrations.AddField(
            model_name="rosterimport",
            name="upload",
            field=models.BinaryField(
                blank=True,
                default=b"",
                editable=False,
                help_text="Kept until confirmed.",
                verbose_name="uploaded file",
            ),
        ),
    ]
