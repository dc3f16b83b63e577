"""Hat pages: asking for one, the member's own hats, the deciders' queues,
deciding and removing. Thin views over the services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError, NotAllowed
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.hats import permissions, selectors, services
from causerie.hats.forms import HatDecisionForm, HatRemovalForm, HatRequestForm
from causerie.hats.models import HatStatus


def _queue_url(hat):
    if hat.community_id is None:
        return redirect("hats:site-queue")
    return redirect("hats:queue", slug=hat.community.slug)


@login_required
@handles_domain_errors
def hat_request(request):
    communities = [
        community
        for community in community_selectors.member_communities(member=request.user)
        if not community.is_suspended
    ]
    initial = {"scope": request.GET.get("communaute", "")}
    form = HatRequestForm(
        request.POST or None, initial=initial, communities=communities
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.request_hat(
                actor=request.user,
                community=form.community(),
                organisation=data["organisation"],
                role=data["role"],
                proof_url=data["proof_url"],
                note_to_moderators=data["note_to_moderators"],
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request,
                _("Your request is sent: the moderators will decide on it."),
            )
            return redirect("hats:mine")
    return render(
        request,
        "hats/hat_request.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def my_hats(request):
    page = selectors.member_hats(member=request.user, page=request.GET.get("page", 1))
    return render(request, "hats/my_hats.html", {"page": page})


@login_required
@require_POST
@handles_domain_errors
def hat_withdraw(request, hat_id):
    try:
        services.withdraw_hat_request(actor=request.user, hat_id=hat_id)
    except DomainError as error:
        if error.status != 409:
            raise
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("Your request is withdrawn."))
    return redirect("hats:mine")


@login_required
@handles_domain_errors
def hat_remove(request, hat_id):
    hat = selectors.hat_in(hat_id=hat_id)
    is_owner = request.user.pk == hat.member_id
    if not permissions.can_remove_hat(
        request.user, hat, is_moderator=selectors.moderates(request.user, hat.community)
    ):
        if hat.status != HatStatus.GRANTED:
            messages.error(request, _("This hat is not worn any more."))
            return redirect("hats:mine" if is_owner else "home")
        raise NotAllowed()
    form = HatRemovalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.remove_hat(
                actor=request.user, hat_id=hat.pk, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(
                request,
                _("The hat is removed. Posts that wore it show it as removed."),
            )
            if is_owner:
                return redirect("hats:mine")
            return _queue_url(hat)
    return render(
        request,
        "hats/hat_remove.html",
        {"hat": hat, "form": form, "is_owner": is_owner},
        status=400 if form.errors else 200,
    )


def _queue(request, community):
    page = selectors.hat_queue(community=community, page=request.GET.get("page", 1))
    granted = selectors.granted_hats(
        community=community, page=request.GET.get("portees", 1)
    )
    return render(
        request,
        "hats/hat_queue.html",
        {
            "community": community,
            "page": page,
            "granted": granted,
            "decision_form": HatDecisionForm(),
        },
    )


@login_required
@handles_domain_errors
def hat_queue(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    if not selectors.moderates(request.user, community):
        raise NotAllowed()
    return _queue(request, community)


@login_required
@handles_domain_errors
def site_hat_queue(request):
    if not permissions.is_site_administrator(request.user):
        raise NotAllowed()
    return _queue(request, None)


@login_required
@handles_domain_errors
def hat_decide(request, hat_id):
    hat = selectors.hat_in(hat_id=hat_id)
    if not permissions.can_decide_hat(
        request.user, hat, is_moderator=selectors.moderates(request.user, hat.community)
    ):
        raise NotAllowed()
    form = HatDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = (
            services.refuse_hat
            if form.cleaned_data["decision"] == "refuse"
            else services.grant_hat
        )
        try:
            decide(
                actor=request.user, hat_id=hat.pk, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            if form.cleaned_data["decision"] == "refuse":
                messages.success(request, _("The request is refused."))
            else:
                messages.success(request, _("The hat is granted."))
            return _queue_url(hat)
    return render(
        request,
        "hats/hat_decide.html",
        {"hat": hat, "form": form, "community": hat.community},
        status=400 if form.errors else 200,
    )
