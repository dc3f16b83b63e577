"""Writes on mandates and the participation guide. Amendments, votes and
recalls live in the modules beside this one and are re-exported here, so that
callers import `causerie.governance.services` only."""

from django.db import transaction
from django.utils import timezone

from causerie.accounts.models import User
from causerie.communities.policy import POLICY_FIELDS, CommunityPolicy
from causerie.core.events import emit
from causerie.core.markdown import render_markdown
from causerie.core.validation import check_text
from causerie.governance.events import GuidePublished
from causerie.governance.exceptions import (
    CoOptNeedsAMember,
    GuideNeedsARule,
    InvalidPolicyValue,
    NotAllowedToCoOpt,
    RuleTitleTooLong,
    TooManyRules,
)
from causerie.governance.guide_text import parse_guide_text
from causerie.governance.models import GuideRule, GuideVersion, Mandate

MAX_RULES = 50


@transaction.atomic
def grant_founding_mandate(*, community, founder: User) -> Mandate:
    """Called by `found_community` only: the founder moderates until the first election."""
    return Mandate.objects.create(
        community=community,
        holder=founder,
        kind=Mandate.Kind.FOUNDING,
        started_at=timezone.now(),
    )


def co_opt_moderator(*, actor: User, community, member: User) -> Mandate:
    """Until the first election, a founding moderator may ask another member to
    moderate with them: a founding mandate too, ending at the first election.
    Logged publicly."""
    from causerie.communities import selectors as community_selectors
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    current = {
        mandate.holder_id: mandate
        for mandate in Mandate.objects.filter(
            community=community, ended_at__isnull=True
        )
    }
    founding = current.get(actor.pk)
    if (
        founding is None
        or founding.kind != Mandate.Kind.FOUNDING
        or community.is_suspended
    ):
        raise NotAllowedToCoOpt()
    if member.pk in current:
        return current[member.pk]
    if not community_selectors.is_member(member=member, community=community):
        raise CoOptNeedsAMember()
    with transaction.atomic():
        mandate = Mandate.objects.create(
            community=community,
            holder=member,
            kind=Mandate.Kind.FOUNDING,
            started_at=timezone.now(),
        )
        moderation_services.record_log_entry(
            community=community,
            actor=actor,
            action=LogAction.MODERATOR_ADDED,
            member_id=member.pk,
            target_title=f"@{member.handle}",
        )
    return mandate


@transaction.atomic
def end_mandates_of_departing_member(*, community, member: User) -> int:
    """A moderator who leaves the community stops moderating it."""
    return Mandate.objects.filter(
        community=community, holder=member, ended_at__isnull=True
    ).update(ended_at=timezone.now())


def publish_first_guide(*, community, founder: User, text: str) -> GuideVersion:
    """Called by `found_community` only: version 1, written by the founder,
    with the default policy."""
    return _create_version(
        community=community,
        author=founder,
        text=text,
        policy=CommunityPolicy().to_json(),
        summary="",
    )


def publish_guide_version(
    *, actor: User, community, text: str, policy: dict, summary: str
) -> GuideVersion:
    """A new, immutable version of the guide and its policy, published in
    `actor`'s name. Internal: after version 1 only an adopted amendment calls
    it (amendments.close_amendment_vote), with the proposer as actor; no view
    reaches it. Logs GUIDE_PUBLISHED publicly, emits GuidePublished; members
    are asked to accept it before posting again."""
    from causerie.moderation import services as moderation_services
    from causerie.moderation.models import LogAction

    values = {**community.policy.to_json(), **_checked_policy(policy)}
    with transaction.atomic():
        version = _create_version(
            community=community, author=actor, text=text, policy=values, summary=summary
        )
        moderation_services.record_log_entry(
            community=community,
            actor=actor,
            action=LogAction.GUIDE_PUBLISHED,
            guide_version=version,
            explanation=summary,
        )
        emit(GuidePublished(community_id=community.pk, version_id=version.pk))
    return version


def _checked_policy(policy: dict) -> dict:
    """Known keys only, each within its bounds or among its choices."""
    checked = {}
    for key, value in policy.items():
        if key not in POLICY_FIELDS:
            continue
        field = POLICY_FIELDS[key]
        if field.choices:
            if value not in {choice for choice, _label in field.choices}:
                raise InvalidPolicyValue(field=key)
        elif (
            isinstance(value, bool)
            or not isinstance(value, int)
            or not field.low <= value <= field.high
        ):
            raise InvalidPolicyValue(field=key)
        checked[key] = value
    return checked


def check_guide_text(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The introduction and rules of a guide text, or the error a member
    should see (shared by publication and amendment proposals)."""
    check_text(text=text)
    introduction, rules = parse_guide_text(text)
    if not rules:
        raise GuideNeedsARule(field="text")
    if len(rules) > MAX_RULES:
        raise TooManyRules(field="text")
    if any(len(title) > 200 for title, _ in rules):
        raise RuleTitleTooLong(field="text")
    return introduction, rules


def _create_version(*, community, author: User, text: str, policy: dict, summary: str):
    from causerie.communities import services as community_services
    from causerie.communities.models import Community

    check_text(summary=summary)
    introduction, rules = check_guide_text(text)
    with transaction.atomic():
        # The lock serialises two publications: version numbers stay consecutive.
        locked = Community.objects.select_for_update().get(pk=community.pk)
        version = GuideVersion.objects.create(
            community=community,
            number=locked.guide_version_number + 1,
            introduction=introduction,
            introduction_html=render_markdown(introduction),
            policy=policy,
            summary=summary.strip(),
            published_by=author,
        )
        GuideRule.objects.bulk_create(
            GuideRule(
                version=version,
                number=number,
                title=title,
                body=body,
                body_html=render_markdown(body),
            )
            for number, (title, body) in enumerate(rules, start=1)
        )
        community_services.apply_guide_version(
            community=community, number=version.number, policy=policy
        )
        # Whoever publishes a version has read it.
        community_services.accept_guide(
            actor=author, community=community, version_number=version.number
        )
    return version


# Amendments, votes and recalls (re-exported: see the module docstring).
from causerie.governance.services.amendments import (  # noqa: E402, F401
    advance_amendments,
    close_amendment_vote,
    open_amendment_vote,
    propose_amendment,
    revise_amendment,
    withdraw_amendment,
)
from causerie.governance.services.recalls import (  # noqa: E402, F401
    advance_recalls,
    close_recall_vote,
    sign_recall,
    start_recall,
)
from causerie.governance.services.votes import (  # noqa: E402, F401
    cast_ballot,
    voter_key,
)


def advance(*, now=None) -> int:
    """The periodic step: open and close what deadlines say (tasks.py)."""
    return advance_amendments(now=now) + advance_recalls(now=now)
