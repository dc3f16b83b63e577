"""Data only: re-render the stored HTML of billets and comments so that their
paragraphs carry `data-range` (the "citer" links of verified quotes need it).
The text itself is unchanged; reversing leaves the new HTML in place.

Quote blocks are not verified here: a text written before verified quotes
existed has no Quote rows, so any marker in it renders as a plain quote
(editing the text verifies it then)."""

from django.db import migrations

from causerie.core.markdown import extract_mentions, render_markdown

BATCH = 500


def rerender(apps, schema_editor):
    user_model = apps.get_model("accounts", "User")

    def handles(text: str) -> set[str]:
        mentioned = extract_mentions(text)
        if not mentioned:
            return set()
        return set(
            user_model.objects.filter(handle__in=mentioned).values_list(
                "handle", flat=True
            )
        )

    for name in ("Post", "Comment"):
        model = apps.get_model("publishing", name)
        changed = []
        for item in model.objects.only("pk", "body", "body_html").iterator(
            chunk_size=BATCH
        ):
            html = render_markdown(
                item.body, mention_handles=handles(item.body), ranges=True
            )
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
        ("accounts", "0006_intentions_hats_quotes"),
        ("publishing", "0006_sponsors_hats_own_sites"),
        ("quotes", "0001_verified_quotes"),
    ]

    operations = [migrations.RunPython(rerender, migrations.RunPython.noop)]
