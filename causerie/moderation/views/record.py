"""A member's own record in a community: sanction, decisions, appeals, flag accuracy."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from causerie.communities import selectors as community_selectors
from causerie.core.views import handles_domain_errors
from causerie.moderation import permissions, selectors


@login_required
@handles_domain_errors
def my_record(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    record = selectors.member_record(member=request.user, community=community)
    now = timezone.now()
    rows = []
    for decision in record["decisions"]:
        appeal = getattr(decision, "appeal", None)
        rows.append(
            {
                "decision": decision,
                "appeal": appeal,
                "deadline": permissions.appeal_deadline(decision),
                "can_file_appeal": permissions.can_file_appeal(
                    request.user, decision, has_appeal=appeal is not None, now=now
                ),
            }
        )
    sanction = record["sanction"]
    sanction_row = None
    if sanction is not None:
        sanction_row = next(
            (row for row in rows if row["decision"].pk == sanction.decision_id), None
        )
    return render(
        request,
        "moderation/my_record.html",
        {
            "community": community,
            "rows": rows,
            "sanction": sanction,
            "sanction_row": sanction_row,
            "accuracy": record["accuracy"],
            "accuracy_min_decided": selectors.ACCURACY_MIN_DECIDED,
        },
    )
