"""Election pages: the list, one election (candidates, statements, ballot),
standing, withdrawing, voting, results and the BLT download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_error
from causerie.core.views import handles_domain_errors
from causerie.elections import permissions, selectors, services
from causerie.elections.forms import BallotForm, CandidacyForm
from causerie.elections.models import Election


def _context(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    return {
        "community": community,
        **community_selectors.viewer_roles(viewer=request.user, community=community),
    }


def _election_context(request, slug, number):
    context = _context(request, slug)
    election = selectors.election_by_number(
        community=context["community"], number=number
    )
    return {**context, "election": election}


@handles_domain_errors
def election_list(request, slug):
    context = _context(request, slug)
    community = context["community"]
    return render(
        request,
        "elections/election_list.html",
        {
            **context,
            "page": selectors.elections_of(
                community=community, page=request.GET.get("page", 1)
            ),
            "moderators": selectors.current_moderators(community=community),
            "can_call": permissions.can_call_election(
                request.user, community, is_moderator=context["is_moderator"]
            ),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def call(request, slug):
    context = _context(request, slug)
    try:
        election = services.call_election(
            community=context["community"],
            reason=Election.Reason.CALLED,
            actor=request.user,
        )
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("elections:list", slug=slug)
    messages.success(request, _("The election is called: nominations are open."))
    return redirect(election.get_absolute_url())


def _detail_context(request, context) -> dict:
    election = context["election"]
    user = request.user
    ballot = services.ballot_of(member=user, election=election)
    membership = community_selectors.membership_of(
        member=user, community=context["community"]
    )
    candidates = selectors.candidates(election=election)
    standing = [
        facts.candidacy for facts in candidates if facts.candidacy.withdrawn_at is None
    ]
    return {
        "candidates": candidates,
        "voters": selectors.voters(election=election)
        if election.phase != Election.Phase.NOMINATION
        else [],
        "own_candidacy": next(
            (c for c in standing if user.is_authenticated and c.member_id == user.pk),
            None,
        ),
        "candidacy_refusal": services.candidacy_refusal(member=user, election=election)
        if user.is_authenticated and election.phase == Election.Phase.NOMINATION
        else None,
        "has_voted": ballot is not None,
        "may_vote": permissions.can_vote(
            user, membership=membership, election=election
        ),
        "standing": standing,
    }


@handles_domain_errors
def detail(request, slug, number):
    context = _election_context(request, slug, number)
    return render(
        request,
        "elections/election_detail.html",
        {**context, **_detail_context(request, context)},
    )


@login_required
@handles_domain_errors
def stand(request, slug, number):
    context = _election_context(request, slug, number)
    election = context["election"]
    if request.method == "POST":
        form = CandidacyForm(request.POST)
        if form.is_valid():
            try:
                services.stand(
                    actor=request.user,
                    election=election,
                    statement=form.cleaned_data["statement"],
                )
            except DomainError as error:
                attach_error(form, error)
            else:
                messages.success(request, _("Your candidacy is recorded."))
                return redirect(election.get_absolute_url())
    else:
        current = next(
            (
                facts.candidacy
                for facts in selectors.candidates(
                    election=election, include_withdrawn=True
                )
                if facts.candidacy.member_id == request.user.pk
            ),
            None,
        )
        form = CandidacyForm(
            initial={"statement": current.statement if current else ""}
        )
    return render(
        request,
        "elections/candidacy_form.html",
        {
            **context,
            "form": form,
            "refusal": services.candidacy_refusal(
                member=request.user, election=election
            ),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def withdraw(request, slug, number):
    context = _election_context(request, slug, number)
    services.withdraw(actor=request.user, election=context["election"])
    messages.success(request, _("Your candidacy is withdrawn."))
    return redirect(context["election"].get_absolute_url())


@login_required
@handles_domain_errors
def vote(request, slug, number):
    context = _election_context(request, slug, number)
    election = context["election"]
    standing = [
        facts.candidacy
        for facts in selectors.candidates(election=election, include_withdrawn=False)
    ]
    current = services.ballot_of(member=request.user, election=election)
    if request.method == "POST":
        form = BallotForm(request.POST, candidacies=standing)
        if form.is_valid():
            try:
                services.cast_ballot(
                    actor=request.user,
                    election=election,
                    ranking=form.cleaned_data["ranking"],
                )
            except DomainError as error:
                attach_error(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your ballot is recorded. You may change it until voting "
                        "closes."
                    ),
                )
                return redirect(election.get_absolute_url())
    else:
        form = BallotForm(candidacies=standing, current=current)
    return render(
        request,
        "elections/ballot_form.html",
        {**context, "form": form, "has_voted": current is not None},
    )


@handles_domain_errors
def results(request, slug, number):
    context = _election_context(request, slug, number)
    election = context["election"]
    return render(
        request,
        "elections/election_results.html",
        {
            **context,
            **selectors.results(election=election),
            "voters": selectors.voters(election=election),
        },
    )


@handles_domain_errors
def ballots_blt(request, slug, number):
    context = _election_context(request, slug, number)
    election = context["election"]
    if not election.blt:
        selectors.results(election=election)  # raises ResultsNotPublished
    response = HttpResponse(election.blt, content_type="text/plain; charset=utf-8")
    filename = f"{context['community'].slug}-election-{election.number}.blt"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
