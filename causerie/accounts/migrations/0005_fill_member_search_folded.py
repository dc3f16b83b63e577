"""Fill the folded profile of members created before member search ignored accents."""

import unicodedata

from django.db import migrations

LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "ł": "l"})


def fold(text: str) -> str:
    # A frozen copy of search.text.fold: migrations must not import app code
    # that may change later.
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fill(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    batch = []
    for member in User.objects.only("handle", "display_name", "bio").iterator():
        member.search_folded = fold(f"{member.handle}\n{member.display_name}\n{member.bio}")
        batch.append(member)
        if len(batch) == 1000:
            User.objects.bulk_update(batch, ["search_folded"])
            batch = []
    User.objects.bulk_update(batch, ["search_folded"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_member_search_folded")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
