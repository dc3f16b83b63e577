"""Writes of moderation: flags, decisions, sanctions, appeals, the public log.

Every decision cites a rule of the guide or a built-in reason and writes a
public log entry in the same transaction. Flaggers are never logged.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities import selectors as community_selectors
from causerie.communities.exceptions import CommunitySuspended, NotAMember
from causerie.communities.models import Community
from causerie.core.events import emit
from causerie.core.validation import check_text
from causerie.governance.models import GuideRule
from causerie.moderation import permissions, selectors
from causerie.moderation.events import (
    AppealDecided,
    AppealEscalated,
    AppealFiled,
    ItemDecided,
    ItemFlagged,
)
from causerie.moderation.exceptions import (
    AlreadyAppealed,
    AlreadyDecided,
    AlreadyFlagged,
    AppealAlreadyDecided,
    AppealNeedsAnotherModerator,
    AppealWindowClosed,
    CannotFlagOwnItem,
    DecisionNeedsACause,
    EditNeedsText,
    FlagLimitReached,
    FlagNeedsACause,
    FlagNeedsANote,
    FlagWindowClosed,
    ItemGone,
    NotAModerator,
    NotYourDecision,
    RuleNotInCurrentGuide,
    SuspensionNeedsADuration,
    TrustTooLowToFlag,
)
from causerie.moderation.models import (
    Action,
    Appeal,
    Flag,
    FlaggedItem,
    LogAction,
    ModerationDecision,
    ModerationLogEntry,
    Reason,
    Sanction,
)
from causerie.publishing import services as publishing_services
from causerie.publishing.models import Comment, ModerationState, Post

# What each action does to the item (keep and the others restore it).
ITEM_STATE = {
    Action.KEEP: ModerationState.VISIBLE,
    Action.HIDE: ModerationState.HIDDEN,
    Action.DELETE: ModerationState.REMOVED,
    Action.EDIT: ModerationState.VISIBLE,
    Action.LOCK: ModerationState.VISIBLE,
    Action.WARN: ModerationState.VISIBLE,
    Action.SUSPEND: ModerationState.HIDDEN,
    Action.BAN: ModerationState.HIDDEN,
}


def flag_item(
    *,
    actor: User,
    post: Post | None = None,
    comment: Comment | None = None,
    rule_id: int | None = None,
    reason: str = "",
    note: str = "",
    quote=None,
) -> Flag:
    """Flag a billet or a comment to the community's moderators, citing one rule
    of the current guide or one built-in reason. Hides the item pending review
    when the weighted flags reach the community's threshold. Emits ItemFlagged.
    `quote`: with the reason "quoted out of context", a verified quote made in
    that item (another quote is ignored), shown to moderators with its source."""
    item = comment if comment is not None else post
    community = (comment.post if comment is not None else post).community
    policy = community.policy
    if community.is_suspended:
        raise CommunitySuspended()
    if item.deleted_at is not None:
        raise ItemGone()
    is_member = community_selectors.is_member(member=actor, community=community)
    if actor.is_authenticated and actor.pk == item.author_id:
        raise CannotFlagOwnItem()
    if not is_member:
        raise NotAMember()
    if not permissions.can_flag(actor, author_id=item.author_id, is_member=is_member):
        raise TrustTooLowToFlag()
    if not permissions.trust_allows_flagging(actor):
        raise TrustTooLowToFlag()
    rule = _cited_rule(community, rule_id, reason)
    check_text(note=note)
    if reason == Reason.OTHER and not note.strip():
        raise FlagNeedsANote(field="note")
    age = timezone.now() - (
        comment.created_at if comment is not None else post.published_at
    )
    if age > timedelta(days=policy.flag_window_days) and reason != Reason.ILLEGAL:
        raise FlagWindowClosed(
            FlagWindowClosed.message % {"days": policy.flag_window_days}
        )
    limit = permissions.flags_per_day(actor)
    if selectors.flags_in_last_day(member=actor) >= limit:
        raise FlagLimitReached(FlagLimitReached.message % {"count": limit})
    weight = selectors.flag_weight(member=actor, threshold=policy.hide_threshold)
    try:
        with transaction.atomic():
            flagged_item = _open_review(
                community, post=post, comment=comment, item=item
            )
            flag = Flag.objects.create(
                community=community,
                flagged_item=flagged_item,
                post=post if comment is None else None,
                comment=comment,
                flagger=actor,
                rule=rule,
                reason="" if rule else reason,
                note=note.strip(),
                weight=weight,
                quote=_flagged_quote(quote, post=post, comment=comment, reason=reason),
            )
            FlaggedItem.objects.filter(pk=flagged_item.pk).update(
                open_weight=F("open_weight") + weight,
                open_flag_count=F("open_flag_count") + 1,
            )
            flagged_item.refresh_from_db(fields=["open_weight", "open_flag_count"])
            if (
                flagged_item.open_weight >= policy.hide_threshold
                and item.moderation_state == ModerationState.VISIBLE
            ):
                cited_rule, cited_reason = selectors.most_cited(
                    flagged_item=flagged_item
                )
                publishing_services.set_moderation_state(
                    item=item,
                    state=ModerationState.PENDING,
                    rule=cited_rule,
                    reason=cited_reason,
                )
            emit(ItemFlagged(flag_id=flag.pk))
    except IntegrityError:
        raise AlreadyFlagged() from None
    return flag


def _open_review(community, *, post, comment, item) -> FlaggedItem:
    """The queue row of an item, locked; reopened when flagged after a decision."""
    lookup = {"comment": comment} if comment is not None else {"post": post}
    flagged_item, created = FlaggedItem.objects.select_for_update().get_or_create(
        **lookup,
        defaults={
            "community": community,
            "author_id": item.author_id,
            "first_flagged_at": timezone.now(),
        },
    )
    if not created and flagged_item.status == FlaggedItem.Status.DECIDED:
        flagged_item.status = FlaggedItem.Status.OPEN
        flagged_item.open_weight = 0
        flagged_item.open_flag_count = 0
        flagged_item.first_flagged_at = timezone.now()
        flagged_item.save(
            update_fields=[
                "status",
                "open_weight",
                "open_flag_count",
                "first_flagged_at",
            ]
        )
    return flagged_item


def _flagged_quote(quote, *, post, comment, reason: str):
    """The quote a flag "quoted out of context" is about, when it was made in
    the flagged item."""
    if quote is None or reason != Reason.OUT_OF_CONTEXT:
        return None
    if comment is not None:
        return quote if quote.citing_comment_id == comment.pk else None
    if quote.citing_post_id == post.pk and quote.citing_comment_id is None:
        return quote
    return None


def _cited_rule(community: Community, rule_id, reason: str) -> GuideRule | None:
    if rule_id:
        rule = GuideRule.objects.filter(
            pk=rule_id,
            version__community=community,
            version__number=community.guide_version_number,
        ).first()
        if rule is None:
            raise RuleNotInCurrentGuide(field="cause")
        return rule
    if reason not in Reason.values:
        raise FlagNeedsACause(field="cause")
    return None


def note_author_edit(*, item) -> None:
    """Called by publishing when the author edits a flagged item: it goes back
    to the top of the moderators' attention."""
    lookup = {"comment": item} if isinstance(item, Comment) else {"post": item}
    FlaggedItem.objects.filter(status=FlaggedItem.Status.OPEN, **lookup).update(
        edited_after_flags_at=timezone.now()
    )


def decide_item(
    *,
    actor: User,
    flagged_item_id: int,
    action: str,
    rule_id: int | None = None,
    reason: str = "",
    explanation: str = "",
    edited_body: str = "",
    suspension_days: int | None = None,
) -> ModerationDecision:
    """A moderator decides a flagged item. Flags become upheld (or rejected for
    keep), the item's state follows the action, a sanction is recorded for
    suspend and ban, and the decision is logged publicly. A second moderator
    deciding the same item at once gets AlreadyDecided. Emits ItemDecided."""
    with transaction.atomic():
        flagged_item = (
            # of=self: PostgreSQL cannot lock the nullable side of the joins.
            FlaggedItem.objects.select_for_update(of=("self",))
            .select_related("community", "post__community", "comment__post__community")
            .get(pk=flagged_item_id)
        )
        community = flagged_item.community
        is_moderator = actor.is_authenticated and actor.pk in (
            community_selectors.moderator_ids(community=community)
        )
        if not permissions.can_moderate(actor, community, is_moderator=is_moderator):
            raise NotAModerator()
        if flagged_item.status != FlaggedItem.Status.OPEN:
            raise AlreadyDecided()
        if action not in Action.values:
            raise DecisionNeedsACause(field="action")
        rule = _decision_rule(community, rule_id, reason)
        check_text(explanation=explanation, edited_body=edited_body)
        until = _suspension_end(action, suspension_days)
        item = flagged_item.item
        if action == Action.EDIT:
            if not edited_body.strip():
                raise EditNeedsText(field="edited_body")
            publishing_services.edit_as_moderator(
                actor=actor, item=item, body=edited_body
            )
        if action == Action.LOCK:
            post = item.post if isinstance(item, Comment) else item
            publishing_services.lock_post(post=post, locked=True)
        publishing_services.set_moderation_state(
            item=item,
            state=ITEM_STATE[action],
            rule=rule if action != Action.KEEP else None,
            reason=reason if action != Action.KEEP and not rule else "",
        )
        decision = ModerationDecision.objects.create(
            community=community,
            flagged_item=flagged_item,
            post=flagged_item.post,
            comment=flagged_item.comment,
            member_id=flagged_item.author_id,
            moderator=actor,
            action=action,
            rule=rule,
            reason="" if rule else reason,
            explanation=explanation.strip(),
            suspended_until=until,
        )
        if action in (Action.SUSPEND, Action.BAN):
            Sanction.objects.create(
                community=community,
                member_id=flagged_item.author_id,
                decision=decision,
                kind=Sanction.Kind.BAN
                if action == Action.BAN
                else Sanction.Kind.SUSPENSION,
                until=until,
            )
        now = timezone.now()
        upheld = action != Action.KEEP
        flagged_item.flags.filter(status=Flag.Status.OPEN).update(
            status=Flag.Status.UPHELD if upheld else Flag.Status.REJECTED,
            decided_at=now,
            decision=decision,
        )
        flagged_item.status = FlaggedItem.Status.DECIDED
        flagged_item.open_weight = 0
        flagged_item.open_flag_count = 0
        flagged_item.save(update_fields=["status", "open_weight", "open_flag_count"])
        record_log_entry(
            community=community,
            actor=actor,
            action=LogAction(action),
            decision=decision,
            post=flagged_item.post
            or (flagged_item.comment.post if flagged_item.comment else None),
            comment=flagged_item.comment,
            member_id=flagged_item.author_id,
            target_title=_target_title(flagged_item),
            rule=rule,
            reason=decision.reason,
            explanation=decision.explanation,
        )
        emit(ItemDecided(decision_id=decision.pk))
    return decision


def _decision_rule(community, rule_id, reason) -> GuideRule | None:
    """Decisions, like flags, cite the guide in force."""
    if not rule_id and reason not in Reason.values:
        raise DecisionNeedsACause(field="cause")
    return _cited_rule(community, rule_id, reason)


def _suspension_end(action: str, days: int | None):
    if action != Action.SUSPEND:
        return None
    if not days or not 1 <= days <= 365:
        raise SuspensionNeedsADuration(field="suspension_days")
    return timezone.now() + timedelta(days=days)


def _target_title(flagged_item: FlaggedItem) -> str:
    post = flagged_item.post or flagged_item.comment.post
    return post.title[:200]


def appeal_decision(*, actor: User, decision_id: int, text: str) -> Appeal:
    """The member concerned contests a decision, once, within the appeal window.
    With no other moderator the appeal goes straight to the site administrators.
    Emits AppealFiled."""
    decision = ModerationDecision.objects.select_related("community").get(
        pk=decision_id
    )
    if not permissions.can_appeal(actor, decision):
        raise NotYourDecision()
    days = settings.CAUSERIE_APPEAL_DAYS
    if timezone.now() - decision.created_at > timedelta(days=days):
        raise AppealWindowClosed(AppealWindowClosed.message % {"days": days})
    check_text(text=text)
    if not text.strip():
        raise FlagNeedsANote(field="text")
    others = community_selectors.moderator_ids(community=decision.community) - {
        decision.moderator_id
    }
    try:
        with transaction.atomic():
            appeal = Appeal.objects.create(
                decision=decision,
                appellant=actor,
                text=text.strip(),
                status=Appeal.Status.OPEN if others else Appeal.Status.ESCALATED,
                escalated_at=None if others else timezone.now(),
            )
            emit(AppealFiled(appeal_id=appeal.pk))
    except IntegrityError:
        raise AlreadyAppealed() from None
    return appeal


def decide_appeal(
    *, actor: User, appeal_id: int, outcome: str, explanation: str
) -> Appeal:
    """Another moderator (or a site administrator once escalated) settles an
    appeal. A reversal restores the item, lifts the sanction and turns the
    item's flags into rejected ones. Logged publicly; emits AppealDecided."""
    with transaction.atomic():
        appeal = (
            Appeal.objects.select_for_update(of=("self",))
            .select_related("decision__community", "decision__flagged_item")
            .get(pk=appeal_id)
        )
        decision = appeal.decision
        community = decision.community
        is_moderator = actor.is_authenticated and actor.pk in (
            community_selectors.moderator_ids(community=community)
        )
        if not permissions.can_review_appeal(actor, appeal, is_moderator=is_moderator):
            if actor.pk == decision.moderator_id:
                raise AppealNeedsAnotherModerator()
            raise NotAModerator()
        if appeal.status == Appeal.Status.DECIDED:
            raise AppealAlreadyDecided()
        if outcome not in Appeal.Outcome.values:
            raise DecisionNeedsACause(field="outcome")
        check_text(explanation=explanation)
        appeal.status = Appeal.Status.DECIDED
        appeal.outcome = outcome
        appeal.reviewer = actor
        appeal.explanation = explanation.strip()
        appeal.decided_at = timezone.now()
        appeal.save(
            update_fields=["status", "outcome", "reviewer", "explanation", "decided_at"]
        )
        if outcome == Appeal.Outcome.REVERSED:
            _reverse(decision)
        record_log_entry(
            community=community,
            actor=actor,
            action=LogAction.APPEAL_REVERSED
            if outcome == Appeal.Outcome.REVERSED
            else LogAction.APPEAL_UPHELD,
            decision=decision,
            appeal=appeal,
            post=decision.post or (decision.comment.post if decision.comment else None),
            comment=decision.comment,
            member_id=decision.member_id,
            target_title=_decision_title(decision),
            rule=decision.rule,
            reason=decision.reason,
            explanation=appeal.explanation,
        )
        emit(AppealDecided(appeal_id=appeal.pk))
    return appeal


def _decision_title(decision: ModerationDecision) -> str:
    post = decision.post or (decision.comment.post if decision.comment else None)
    return post.title[:200] if post else ""


def _reverse(decision: ModerationDecision) -> None:
    now = timezone.now()
    ModerationDecision.objects.filter(pk=decision.pk).update(reversed_at=now)
    item = decision.comment or decision.post
    if item is not None:
        publishing_services.set_moderation_state(
            item=item, state=ModerationState.VISIBLE, rule=None, reason=""
        )
        if decision.action == Action.LOCK:
            post = item.post if isinstance(item, Comment) else item
            publishing_services.lock_post(post=post, locked=False)
    Sanction.objects.filter(decision=decision, lifted_at__isnull=True).update(
        lifted_at=now
    )
    # The flags behind a reversed decision count against their authors' accuracy.
    Flag.objects.filter(decision=decision, status=Flag.Status.UPHELD).update(
        status=Flag.Status.REJECTED
    )


def escalate_overdue_appeals() -> int:
    """Appeals no other moderator reviewed in time go to the site administrators."""
    deadline = timezone.now() - timedelta(days=settings.CAUSERIE_APPEAL_REVIEW_DAYS)
    with transaction.atomic():
        overdue = list(
            Appeal.objects.select_for_update()
            .filter(status=Appeal.Status.OPEN, created_at__lt=deadline)
            .values_list("pk", flat=True)
        )
        Appeal.objects.filter(pk__in=overdue).update(
            status=Appeal.Status.ESCALATED, escalated_at=timezone.now()
        )
        for appeal_id in overdue:
            emit(AppealEscalated(appeal_id=appeal_id))
    return len(overdue)


def record_log_entry(
    *,
    community: Community | None,
    actor: User,
    action: str,
    decision: ModerationDecision | None = None,
    appeal: Appeal | None = None,
    guide_version=None,
    post: Post | None = None,
    comment: Comment | None = None,
    hat=None,
    member_id: int | None = None,
    target_title: str = "",
    target_url: str = "",
    rule: GuideRule | None = None,
    reason: str = "",
    explanation: str = "",
) -> ModerationLogEntry:
    """One public line of the moderation log; callers write it in the same
    transaction as the act it records. `community=None`: a site-wide act (a
    site-wide hat), in the site's log."""
    return ModerationLogEntry.objects.create(
        community=community,
        actor=actor,
        action=action,
        decision=decision,
        appeal=appeal,
        guide_version=guide_version,
        post=post,
        comment=comment,
        hat=hat,
        member_id=member_id,
        target_title=target_title,
        target_url=target_url,
        rule=rule,
        reason=reason,
        explanation=explanation,
    )
