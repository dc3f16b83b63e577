"""Forms of the hats pages. Only the shape of the input is checked here;
the rules (required fields, proof link, duplicates, limits) are the
services'."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.hats.models import Hat, HatStatus
from causerie.hats.services import NOTE_MAX, REASON_MAX


class HatRequestForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Where"),
        required=False,
        help_text=_(
            "A hat for one community is decided by its moderators; a site-wide "
            "hat, usable everywhere, by the site administrators."
        ),
    )
    organisation = forms.CharField(
        label=_("Organisation or project you speak for"),
        max_length=120,
        help_text=_("For example: Association des Jardins de l'Ouest."),
    )
    role = forms.CharField(
        label=_("Your role"),
        max_length=120,
        help_text=_("For example: treasurer, maintainer, spokesperson."),
    )
    proof_url = forms.CharField(
        label=_("Public link proving it"),
        max_length=300,
        help_text=_(
            "A public page that names you in this role (https://…): the "
            "moderators check it, and it is shown with your hat."
        ),
    )
    note_to_moderators = forms.CharField(
        label=_("Private note to the moderators (optional)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Only the moderators who decide read it; it is never published."),
    )

    def __init__(self, *args, communities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.communities = {community.slug: community for community in communities}
        self.fields["scope"].choices = [
            *[(community.slug, community.name) for community in communities],
            ("", _("Site-wide (decided by the site administrators)")),
        ]

    def community(self):
        return self.communities.get(self.cleaned_data.get("scope") or "")


class HatDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("grant", _("Grant")), ("refuse", _("Refuse"))],
        widget=forms.HiddenInput,
    )
    reason = forms.CharField(
        label=_("Reason (public: what you checked, or why not)"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HatRemovalForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (public)"),
        max_length=REASON_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class WornHatChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, hat):
        if hat.status == HatStatus.REMOVED:
            return _("%(hat)s (hat removed: kept on this text)") % {"hat": hat.label}
        return hat.label


def keep_worn_hat(form, *, member, community, worn_hat_id: int | None) -> None:
    """Editing a billet or comment that wears a hat removed since: the hat
    select offers only wearable hats, so it also offers the one worn, and
    keeping it selected keeps it (choosing "no hat" takes it off)."""
    from causerie.hats.selectors import wearable_hats

    if worn_hat_id is None:
        return
    field = form.fields.get("hat")
    hats = wearable_hats(member=member, community=community)
    if field is not None and any(hat.pk == worn_hat_id for hat in field.queryset):
        return
    form.fields["hat"] = WornHatChoiceField(
        label=_("Wear a hat"),
        queryset=(hats | Hat.objects.filter(pk=worn_hat_id)).order_by(
            "organisation", "role"
        ),
        required=False,
        empty_label=_("No hat: I speak for myself"),
        help_text=_("Readers see the organisation you speak for beside your name."),
    )
