"""Community policy: the settings the participation guide governs (DESIGN, Defaults).

The values live in each guide version (`GuideVersion.policy`, a JSON object);
a key missing from a stored version takes its default here, so that later
issues can add keys without rewriting old versions. Keep this table in step
with docs/moderation.md.
"""

from dataclasses import asdict, dataclass, fields
from fractions import Fraction
from typing import NamedTuple

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CommunityPolicy:
    old_content_days: int = 730
    hide_threshold: int = 5
    flag_window_days: int = 30
    new_member_posts_per_day: int = 3
    new_member_comments_per_day: int = 10
    new_member_links_per_item: int = 2
    new_member_seconds_between_posts: int = 30
    # Used by the issue "Member power".
    amendment_proposer_trust_level: int = 2
    amendment_proposer_member_days: int = 14
    amendment_discussion_days: int = 3
    amendment_vote_days: int = 7
    amendment_quorum_votes: int = 5
    amendment_quorum_active_percent: int = 10
    amendment_majority: str = "2/3"
    moderator_seats: int = 3
    moderator_term_months: int = 6
    candidacy_trust_level: int = 2
    candidacy_member_days: int = 30
    recall_petition_active_percent: int = 20
    recall_petition_minimum: int = 5
    # Used by the issue "Intentions on the table".
    self_promotion_share_percent: int = 25
    # Intents a billet may not declare here, comma-separated (FORBIDDEN_INTENTS).
    forbidden_intents: str = ""

    @classmethod
    def from_json(cls, data: dict | None) -> "CommunityPolicy":
        known = {field.name: field.type for field in fields(cls)}
        values = {}
        for key, value in (data or {}).items():
            if key in known:
                values[key] = value
        return cls(**values)

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def majority(self) -> Fraction:
        return Fraction(self.amendment_majority)


class PolicyField(NamedTuple):
    """How the amendment form shows and checks one policy key: an integer
    between `low` and `high`, or one of `choices` (value, label)."""

    label: str
    low: int | None = None
    high: int | None = None
    choices: tuple = ()


# Shares of "for + against" an amendment may require (DESIGN, Defaults: 2/3).
# "1/2" means strictly more than half: a tie is not a majority.
MAJORITY_CHOICES = (
    ("1/2", _("more than half")),
    ("3/5", _("three fifths")),
    ("2/3", _("two thirds")),
    ("3/4", _("three quarters")),
)

# Which intents a community may forbid: the combinations that make sense.
FORBIDDEN_INTENT_CHOICES = (
    ("", _("none")),
    ("sponsored", _("sponsored posts")),
    ("promotion", _("promotion")),
    ("promotion,sponsored", _("promotion and sponsored posts")),
)

# Every key of the policy, with its label and bounds: all of them change only
# through an adopted amendment (docs/amendments.md).
POLICY_FIELDS = {
    "old_content_days": PolicyField(_("Old-content notice after (days)"), 30, 36500),
    "hide_threshold": PolicyField(
        _("Weighted flags that hide an item pending review"), 2, 100
    ),
    "flag_window_days": PolicyField(
        _("Items can be flagged for (days, except illegal content)"), 1, 3650
    ),
    "new_member_posts_per_day": PolicyField(
        _("New members: posts in their first day"), 0, 100
    ),
    "new_member_comments_per_day": PolicyField(
        _("New members: comments in their first day"), 0, 1000
    ),
    "new_member_links_per_item": PolicyField(
        _("New members: links per post or comment"), 0, 100
    ),
    "new_member_seconds_between_posts": PolicyField(
        _("New members: seconds between two posts"), 0, 3600
    ),
    "amendment_proposer_trust_level": PolicyField(
        _("Amendments: trust level needed to propose one"), 0, 4
    ),
    "amendment_proposer_member_days": PolicyField(
        _("Amendments: days of membership needed to propose one"), 0, 365
    ),
    "amendment_discussion_days": PolicyField(
        _("Amendments: days of discussion before the vote"), 1, 60
    ),
    "amendment_vote_days": PolicyField(_("Amendments: days of voting"), 1, 60),
    "amendment_quorum_votes": PolicyField(_("Amendments: quorum, in votes"), 1, 100000),
    "amendment_quorum_active_percent": PolicyField(
        _("Amendments: quorum, in percent of active members"), 0, 100
    ),
    "amendment_majority": PolicyField(
        _("Amendments: share of for + against needed to adopt"),
        choices=MAJORITY_CHOICES,
    ),
    "moderator_seats": PolicyField(_("Moderator seats"), 1, 50),
    "moderator_term_months": PolicyField(
        _("Moderators: length of a term (months)"), 1, 60
    ),
    "candidacy_trust_level": PolicyField(_("Candidates: trust level needed"), 0, 4),
    "candidacy_member_days": PolicyField(
        _("Candidates: days of membership needed"), 0, 365
    ),
    "recall_petition_active_percent": PolicyField(
        _("Recall: percent of active members who must sign the petition"), 1, 100
    ),
    "recall_petition_minimum": PolicyField(
        _("Recall: minimum number of signatures"), 1, 100000
    ),
    "self_promotion_share_percent": PolicyField(
        _("Self-promotion: warning above this percent of a member's contributions"),
        1,
        100,
    ),
    "forbidden_intents": PolicyField(
        _("Intents that posts may not declare"), choices=FORBIDDEN_INTENT_CHOICES
    ),
}
