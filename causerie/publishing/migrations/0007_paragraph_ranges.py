"""Data only: re-render the stored HTML of billets and comments so that their
paragraphs carry `data-range` (the "citer" links of verified quotes need it).
The text itself is unchanged; reversing leaves the new HTML in place."""

from django.db import migrations

BATCH = 500


def rerender(apps, schema_editor):
    # render_body only reads the text (and member handles for @mentions).
    from causerie.publishing.services import render_body

    for name in ("Post", "Comment"):
        model = apps.get_model("publishing", name)
        changed = []
        for item in model.objects.only("pk", "body", "body_html").iterator(
            chunk_size=BATCH
        ):
            html = render_body(item.body)
            if html != item.body_html:
                item.body_html = html
                changed.append(item)
            if len(changed) >= BATCH:
                model.objects.bulk_update(changed, ["body_html"])
                changed = []
        if changed:
            model.objects.bulk_update(changed, ["body_html"])


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0006_sponsors_hats_own_sites"),
        ("quotes", "0001_verified_quotes"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
