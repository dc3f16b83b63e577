"""The review queue and decisions, for the community's moderators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.moderation import permissions, selectors, services
from causerie.moderation.exceptions import AlreadyDecided, NotAModerator
from causerie.moderation.forms import DecisionForm, cause_value
from causerie.moderation.models import FlaggedItem


def _moderator_context(request, slug) -> dict:
    community = community_selectors.community_by_slug(slug=slug)
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    if not permissions.can_moderate(
        request.user, community, is_moderator=roles["is_moderator"]
    ):
        raise NotAModerator()
    return {"community": community, **roles}


@login_required
@handles_domain_errors
def review_queue(request, slug):
    context = _moderator_context(request, slug)
    page = selectors.review_page(
        community=context["community"], page=request.GET.get("page", 1)
    )
    return render(request, "moderation/review_queue.html", {**context, "page": page})


@login_required
@handles_domain_errors
def decide(request, slug, item_id):
    context = _moderator_context(request, slug)
    community = context["community"]
    queue_url = reverse("moderation:queue", kwargs={"slug": community.slug})
    flagged_item = selectors.flagged_item_in(
        community=community, flagged_item_id=item_id
    )
    if flagged_item.status != FlaggedItem.Status.OPEN and request.method != "POST":
        messages.info(request, _("This item has already been decided."))
        return redirect(queue_url)
    rules = selectors.citable_rules(community=community)
    form = DecisionForm(
        request.POST or None,
        rules=rules,
        initial=_initial(flagged_item, rules),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.decide_item(
                actor=request.user,
                flagged_item_id=flagged_item.pk,
                **form.service_arguments(),
            )
        except AlreadyDecided:
            # Someone decided while this moderator was reading: nothing was applied.
            messages.warning(request, AlreadyDecided.message)
            return redirect(queue_url)
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request, _("Decision recorded. It appears in the public log.")
            )
            return redirect(queue_url)
    history = selectors.previous_decisions(
        community=community, member_ids={flagged_item.author_id}
    )
    return render(
        request,
        "moderation/decide.html",
        {
            **context,
            "flagged_item": flagged_item,
            "author_history": history.get(flagged_item.author_id, []),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def _initial(flagged_item, rules) -> dict:
    """The form starts from the item's text and the heaviest flag's cause, when
    that cause can still be cited."""
    initial = {"edited_body": flagged_item.item.body}
    current = {rule.pk for rule in rules}
    for flag in getattr(flagged_item, "open_flags", []):
        if flag.rule_id in current or (not flag.rule_id and flag.reason):
            initial["cause"] = cause_value(rule_id=flag.rule_id, reason=flag.reason)
            break
    return initial
