"""Pages of member votes: amendments (list, proposal, detail with diff,
revisions, ballot, result) and recalls (petition, vote, result)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.accounts import selectors as account_selectors
from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.views import handles_domain_errors
from causerie.governance import permissions, selectors, services
from causerie.governance.exceptions import NotAllowedToPropose, NotAllowedToRevise
from causerie.governance.forms import AmendmentForm, BallotForm, RecallForm
from causerie.governance.models import Amendment, AmendmentRevision, Recall
from causerie.governance.services import votes


def _context(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    membership = community_selectors.membership_of(
        member=request.user, community=community
    )
    return {
        "community": community,
        "membership": membership,
        "is_member": membership is not None,
    }


def _vote_context(request, vote, membership) -> dict:
    """What a ballot box or a result needs (a constant number of queries)."""
    if vote is None:
        return {}
    now = timezone.now()
    is_open = votes.is_open(vote, now=now)
    own_choice = selectors.own_choice(vote=vote, member=request.user)
    context = {
        "vote": vote,
        "vote_is_open": is_open,
        "voters": selectors.voters(vote=vote),
        "can_vote": is_open
        and permissions.can_vote(request.user, vote, membership=membership),
        "own_choice": own_choice,
        "ballot_form": BallotForm(initial={"choice": own_choice}),
    }
    if vote.is_closed:
        context["recount_matches"] = selectors.recount_matches(vote=vote)
    return context


# Amendments -------------------------------------------------------------------


@handles_domain_errors
def amendment_list(request, slug):
    context = _context(request, slug)
    community = context["community"]
    return render(
        request,
        "governance/amendment_list.html",
        {
            **context,
            **selectors.amendments_by_phase(community=community),
            "can_propose": permissions.can_propose_amendment(
                request.user,
                community,
                membership=context["membership"],
                now=timezone.now(),
            ),
            "policy": community.policy,
        },
    )


@login_required
@handles_domain_errors
def amendment_propose(request, slug):
    context = _context(request, slug)
    community = context["community"]
    if not permissions.can_propose_amendment(
        request.user, community, membership=context["membership"], now=timezone.now()
    ):
        raise NotAllowedToPropose(
            level=community.policy.amendment_proposer_trust_level,
            days=community.policy.amendment_proposer_member_days,
        )
    current = selectors.current_guide(community=community)
    initial = {
        "text": selectors.guide_text(version=current),
        **community.policy.to_json(),
    }
    form = AmendmentForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    preview = None
    if request.method == "POST" and form.is_valid():
        if "apercu" in request.POST:
            preview = selectors.amendment_comparison(
                base=current,
                text=form.cleaned_data["text"],
                policy=form.policy(),
            )
        else:
            try:
                amendment = services.propose_amendment(
                    actor=request.user,
                    community=community,
                    text=form.cleaned_data["text"],
                    policy=form.policy(),
                    summary=form.cleaned_data["summary"],
                )
            except DomainError as error:
                attach_refusal(form, error)
            else:
                messages.success(
                    request,
                    _(
                        "Your amendment is proposed. The discussion is open until "
                        "the vote."
                    ),
                )
                return redirect(amendment)
    return render(
        request,
        "governance/amendment_form.html",
        {**context, "form": form, "current": current, "preview": preview},
        status=400 if form.errors else 200,
    )


@handles_domain_errors
def amendment_detail(request, slug, number):
    context = _context(request, slug)
    community = context["community"]
    amendment = selectors.amendment(community=community, number=number)
    base = selectors.guide_version(
        community=community, number=amendment.base_version.number
    )
    return render(
        request,
        "governance/amendment_detail.html",
        {
            **context,
            "amendment": amendment,
            "comparison": selectors.amendment_comparison(
                base=base, text=amendment.text, policy=amendment.policy
            ),
            "base": base,
            "guide_changed": amendment.status
            in (Amendment.Status.DISCUSSION, Amendment.Status.VOTING)
            and base.number != community.guide_version_number,
            "revisions": selectors.amendment_revisions(amendment=amendment),
            "can_revise": permissions.can_revise_amendment(request.user, amendment),
            **_vote_context(request, amendment.vote, context["membership"]),
        },
    )


@login_required
@handles_domain_errors
def amendment_revise(request, slug, number):
    context = _context(request, slug)
    community = context["community"]
    amendment = selectors.amendment(community=community, number=number)
    if not permissions.can_revise_amendment(request.user, amendment):
        raise NotAllowedToRevise()
    initial = {
        "text": amendment.text,
        **community.policy.to_json(),
        **amendment.policy,
        "summary": amendment.summary,
    }
    form = AmendmentForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.revise_amendment(
                actor=request.user,
                amendment=amendment,
                text=form.cleaned_data["text"],
                policy=form.policy(),
                summary=form.cleaned_data["summary"],
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Your revision is saved and shown to all."))
            return redirect(amendment)
    return render(
        request,
        "governance/amendment_form.html",
        {
            **context,
            "form": form,
            "amendment": amendment,
            "current": selectors.current_guide(community=community),
        },
        status=400 if form.errors else 200,
    )


@handles_domain_errors
def amendment_revision(request, slug, number, revision):
    """One revision, compared with the one before it (the first with the
    guide version it was written against)."""
    context = _context(request, slug)
    community = context["community"]
    amendment = selectors.amendment(community=community, number=number)
    revisions = {
        row.number: row for row in selectors.amendment_revisions(amendment=amendment)
    }
    if revision not in revisions:
        raise Http404
    shown = revisions[revision]
    previous: AmendmentRevision | None = revisions.get(revision - 1)
    if previous is None:
        base = selectors.guide_version(
            community=community, number=shown.base_version.number
        )
        comparison = selectors.amendment_comparison(
            base=base, text=shown.text, policy=shown.policy
        )
    else:
        comparison = selectors.amendment_comparison(
            base=previous.base_version,
            base_text=previous.text,
            text=shown.text,
            policy=shown.policy,
        )
        comparison["policy_changes"] = selectors.changed_policy(
            before=previous.policy, after=shown.policy
        )
    return render(
        request,
        "governance/amendment_revision.html",
        {
            **context,
            "amendment": amendment,
            "revision": shown,
            "previous": previous,
            "comparison": comparison,
        },
    )


@login_required
@require_POST
@handles_domain_errors
def amendment_vote(request, slug, number):
    context = _context(request, slug)
    amendment = selectors.amendment(community=context["community"], number=number)
    if amendment.vote is None:
        raise Http404
    return _cast(request, amendment.vote, redirect_to=amendment.get_absolute_url())


@login_required
@require_POST
@handles_domain_errors
def amendment_withdraw(request, slug, number):
    context = _context(request, slug)
    amendment = selectors.amendment(community=context["community"], number=number)
    services.withdraw_amendment(actor=request.user, amendment=amendment)
    messages.success(request, _("Your amendment is withdrawn."))
    return redirect(amendment)


def _cast(request, vote, *, redirect_to: str):
    form = BallotForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose for, against or abstain."))
        return redirect(redirect_to)
    services.cast_ballot(
        actor=request.user, vote=vote, choice=form.cleaned_data["choice"]
    )
    messages.success(
        request,
        _("Your vote is recorded. You may change it until the vote closes."),
    )
    return redirect(redirect_to)


# Recalls ----------------------------------------------------------------------


@handles_domain_errors
def recall_list(request, slug):
    context = _context(request, slug)
    community = context["community"]
    return render(
        request,
        "governance/recall_list.html",
        {
            **context,
            "mandates": list(selectors.current_mandates(community=community)),
            "recalls": selectors.recalls(community=community),
            "threshold": selectors.recall_threshold(community=community),
            "can_sign": permissions.can_sign_recall(
                request.user, community, membership=context["membership"]
            ),
        },
    )


@login_required
@handles_domain_errors
def recall_start(request, slug, handle):
    context = _context(request, slug)
    community = context["community"]
    holder = account_selectors.member_by_handle(handle=handle)
    form = RecallForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            recall = services.start_recall(
                actor=request.user,
                community=community,
                holder=holder,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("The petition is open and you signed it."))
            return redirect(recall)
    return render(
        request,
        "governance/recall_form.html",
        {**context, "form": form, "holder": holder},
        status=400 if form.errors else 200,
    )


@handles_domain_errors
def recall_detail(request, slug, number):
    context = _context(request, slug)
    community = context["community"]
    recall = selectors.recall(community=community, number=number)
    return render(
        request,
        "governance/recall_detail.html",
        {
            **context,
            "recall": recall,
            "threshold": selectors.recall_threshold(community=community),
            "has_signed": selectors.has_signed(recall=recall, member=request.user),
            "can_sign": recall.status == Recall.Status.PETITION
            and permissions.can_sign_recall(
                request.user, community, membership=context["membership"]
            ),
            **_vote_context(request, recall.vote, context["membership"]),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def recall_sign(request, slug, number):
    context = _context(request, slug)
    recall = selectors.recall(community=context["community"], number=number)
    recall = services.sign_recall(actor=request.user, recall=recall)
    messages.success(request, _("You signed the petition."))
    return redirect(recall)


@login_required
@require_POST
@handles_domain_errors
def recall_vote(request, slug, number):
    context = _context(request, slug)
    recall = selectors.recall(community=context["community"], number=number)
    if recall.vote is None:
        raise Http404
    return _cast(request, recall.vote, redirect_to=recall.get_absolute_url())
