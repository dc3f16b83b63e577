"""Flag a billet or a comment ("signaler aux modérateurs")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import CommunitySuspended
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.validation import parse_id
from causerie.core.views import handles_domain_errors
from causerie.moderation import permissions, selectors, services
from causerie.moderation.exceptions import CannotFlagOwnItem, TrustTooLowToFlag
from causerie.moderation.forms import FlagForm
from causerie.moderation.models import Reason
from causerie.publishing import selectors as publishing_selectors


@login_required
@handles_domain_errors
def flag_post(request, slug, post_id):
    community = community_selectors.community_by_slug(slug=slug)
    post = publishing_selectors.post_for_page(community=community, post_id=post_id)
    return _flag_page(
        request, community=community, post=post, item=post, target={"post": post}
    )


@login_required
@handles_domain_errors
def flag_comment(request, slug, post_id, comment_id):
    community = community_selectors.community_by_slug(slug=slug)
    post = publishing_selectors.post_for_page(community=community, post_id=post_id)
    comment = publishing_selectors.comment_for_page(post=post, comment_id=comment_id)
    return _flag_page(
        request,
        community=community,
        post=post,
        item=comment,
        target={"comment": comment},
    )


def _flag_page(request, *, community, post, item, target):
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    # What stops the member before any form: shown instead of it, not as a 403.
    refusal = None
    if community.is_suspended:
        refusal = CommunitySuspended.message
    elif item.is_deleted:
        refusal = _("Its author deleted it: there is nothing left to flag.")
    elif request.user.pk == item.author_id:
        refusal = CannotFlagOwnItem.message
    elif not roles["is_member"]:
        refusal = _("Join the community to flag what you read in it.")
    elif not permissions.trust_allows_flagging(request.user):
        refusal = TrustTooLowToFlag.message
    rules = selectors.citable_rules(community=community)
    # "Signaler : cité hors contexte" under a verified quote (?citation=<id>).
    quote = _quote_of(item, request.POST.get("citation") or request.GET.get("citation"))
    initial = {"cause": f"reason:{Reason.OUT_OF_CONTEXT}"} if quote else None
    form = FlagForm(request.POST or None, rules=rules, initial=initial)
    if refusal is None and request.method == "POST" and form.is_valid():
        try:
            services.flag_item(
                actor=request.user, **target, **form.service_arguments(), quote=quote
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request,
                _(
                    "Thank you: the moderators will look at it. The author will "
                    "not know who flagged it."
                ),
            )
            return redirect(_item_location(post, target.get("comment")))
    return render(
        request,
        "moderation/flag_form.html",
        {
            "community": community,
            "post": post,
            "comment": target.get("comment"),
            "item": item,
            "item_url": _item_location(post, target.get("comment")),
            "form": form,
            "rule_count": len(rules),
            "refusal": refusal,
            "quote": quote,
            **roles,
        },
        status=_status(request, refusal),
    )


def _quote_of(item, quote_id):
    """The verified quote made in this item that the flag is about, if any."""
    from causerie.quotes import selectors as quote_selectors

    quote_id = parse_id(quote_id)
    if quote_id is None:
        return None
    return quote_selectors.quote_in_item(item=item, quote_id=quote_id)


def _status(request, refusal) -> int:
    if request.method != "POST":
        return 200
    return 403 if refusal is not None else 400


def _item_location(post, comment) -> str:
    if comment is None:
        return post.get_absolute_url()
    return publishing_selectors.comment_location(post.get_absolute_url(), comment)
