"""Poll pages: thin views over the polls services and selectors. The poll
itself shows on the billet page (templatetags/polls.py); these pages add,
change, close and delete it, take votes, and show it alone when a vote is
refused."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.polls import exceptions, permissions, selectors, services
from causerie.polls.forms import PollForm, VoteForm
from causerie.publishing import selectors as publishing_selectors


def _context(request, slug, post_id) -> dict:
    community = community_selectors.community_by_slug(slug=slug)
    roles = community_selectors.viewer_roles(viewer=request.user, community=community)
    post = publishing_selectors.post_for_page(community=community, post_id=post_id)
    return {"community": community, "post": post, **roles}


def _require_manager(request, context) -> None:
    if not permissions.can_manage_poll(
        request.user, context["post"], is_moderator=context["is_moderator"]
    ):
        raise exceptions.NotAllowedToManagePoll()


def _poll_url(post) -> str:
    return post.get_absolute_url() + "#poll"


@login_required
@handles_domain_errors
def poll_create(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    _require_manager(request, context)
    if selectors.poll_of_post(post_id=post.pk) is not None:
        raise exceptions.PollAlreadyExists()
    form = PollForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_poll(actor=request.user, post=post, **form.poll_data())
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("The poll is added to your post."))
            return redirect(_poll_url(post))
    status = 400 if form.errors else 200
    return render(
        request,
        "polls/poll_form.html",
        {**context, "form": form, "creating": True},
        status=status,
    )


@login_required
@handles_domain_errors
def poll_edit(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    _require_manager(request, context)
    poll = selectors.poll_for_page(post=post)
    form = PollForm(
        request.POST or None,
        initial=PollForm.initial_for(poll),
        terms_locked=poll.voter_count > 0,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_poll(actor=request.user, poll=poll, **form.poll_data())
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("The poll is updated."))
            return redirect(_poll_url(post))
    status = 400 if form.errors else 200
    return render(
        request,
        "polls/poll_form.html",
        {**context, "form": form, "poll": poll, "has_votes": poll.voter_count > 0},
        status=status,
    )


@handles_domain_errors
def poll_detail(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    poll = selectors.poll_for_page(post=post)
    return render(
        request,
        "polls/poll_detail.html",
        {
            **context,
            **selectors.poll_panel(
                viewer=request.user,
                post=post,
                poll=poll,
                is_member=context["is_member"],
                is_moderator=context["is_moderator"],
            ),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def poll_vote(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    poll = selectors.poll_for_page(post=post)
    form = VoteForm(request.POST, poll=poll)
    if form.is_valid():
        try:
            services.vote(
                actor=request.user, poll=poll, option_ids=form.cleaned_data["options"]
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Your vote is recorded."))
            return redirect(_poll_url(post))
    # Refused: the poll alone, with the error and the choice as it was sent.
    panel = selectors.poll_panel(
        viewer=request.user,
        post=post,
        poll=poll,
        is_member=context["is_member"],
        is_moderator=context["is_moderator"],
    )
    sent = {str(value) for value in request.POST.getlist("options")}
    panel["sent_choice"] = sent
    return render(
        request,
        "polls/poll_detail.html",
        {**context, **panel, "vote_form": form},
        status=400,
    )


@login_required
@require_POST
@handles_domain_errors
def poll_close(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    poll = selectors.poll_for_page(post=post)
    services.close_poll(actor=request.user, poll=poll)
    messages.success(request, _("The poll is closed."))
    return redirect(_poll_url(post))


@login_required
@handles_domain_errors
def poll_delete(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    _require_manager(request, context)
    poll = selectors.poll_for_page(post=post)
    if request.method == "POST":
        services.delete_poll(actor=request.user, poll=poll)
        messages.success(request, _("The poll is deleted."))
        return redirect(post)
    return render(request, "polls/poll_confirm_delete.html", {**context, "poll": poll})
