"""Forms of recognition: choosing the domain of a "Utile", asking members to answer."""

from django import forms
from django.utils.translation import gettext_lazy as _

from causerie.communities.models import Tag


class RecognitionForm(forms.Form):
    """The domain page's form. Without `tag` in the data (the quick "Utile"
    button), the billet's only tag is used; with it, the member's choice is
    kept, "no particular domain" included."""

    tag = forms.ModelChoiceField(
        label=_("In which domain does it show knowledge?"),
        queryset=Tag.objects.none(),
        required=False,
        empty_label=_("No particular domain"),
        blank=True,
        widget=forms.RadioSelect,
    )
    comment = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tag"].queryset = Tag.objects.filter(community=community).order_by(
            "name"
        )
        self.fields["tag"].error_messages["invalid_choice"] = _(
            "Choose the domain among this community's tags."
        )

    @property
    def domain_chosen(self) -> bool:
        return "tag" in self.data


class MemberIdsField(forms.Field):
    """Member ids from checkboxes (getlist); the service checks who they are."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        if not value:
            return []
        try:
            return [int(member_id) for member_id in value]
        except (TypeError, ValueError):
            raise forms.ValidationError(
                _("Choose among the suggested members."), code="invalid"
            ) from None


class AnswerRequestForm(forms.Form):
    members = MemberIdsField(
        label=_("Members to ask"),
        error_messages={"required": _("Choose at least one member to ask.")},
    )
