"""Forms of the election pages."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CandidacyForm(forms.Form):
    statement = forms.CharField(
        label=_("Your statement"),
        help_text=_(
            "Why you stand and how you would moderate. Markdown; members read it "
            "before they vote."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
    )


class BallotForm(forms.Form):
    """One rank field per candidate: rank any of them, 1 first; leave the
    others blank. Works without JavaScript."""

    def __init__(self, *args, candidacies, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidacies = list(candidacies)
        current = current or []
        choices = [("", _("not ranked"))] + [
            (str(rank), str(rank)) for rank in range(1, len(self.candidacies) + 1)
        ]
        for candidacy in self.candidacies:
            name = f"rang_{candidacy.pk}"
            self.fields[name] = forms.ChoiceField(
                label=f"{candidacy.member.name} (@{candidacy.member.handle})",
                choices=choices,
                required=False,
                initial=str(current.index(candidacy.pk) + 1)
                if candidacy.pk in current
                else "",
            )
            self.fields[name].candidacy = candidacy

    def rank_fields(self):
        return [self[f"rang_{candidacy.pk}"] for candidacy in self.candidacies]

    def clean(self):
        cleaned = super().clean()
        ranked = [
            (int(cleaned[f"rang_{c.pk}"]), c.pk)
            for c in self.candidacies
            if cleaned.get(f"rang_{c.pk}")
        ]
        ranks = [rank for rank, _candidacy in ranked]
        if len(set(ranks)) != len(ranks):
            raise forms.ValidationError(
                _("Give each ranked candidate a different rank."), code="duplicate"
            )
        cleaned["ranking"] = [candidacy for _rank, candidacy in sorted(ranked)]
        return cleaned
