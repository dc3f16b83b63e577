"""Community policy: the settings the participation guide governs (DESIGN, Defaults).

The values live in each guide version (`GuideVersion.policy`, a JSON object);
a key missing from a stored version takes its default here, so that later
issues can add keys without rewriting old versions. Keep this table in step
with docs/moderation.md.
"""

from dataclasses import asdict, dataclass, fields
from fractions import Fraction

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


# Labels and bounds for the policy form; keys absent here are not editable yet.
POLICY_FIELDS = {
    "old_content_days": (_("Old-content notice after (days)"), 30, 36500),
    "hide_threshold": (_("Weighted flags that hide an item pending review"), 2, 100),
    "flag_window_days": (
        _("Items can be flagged for (days, except illegal content)"),
        1,
        3650,
    ),
    "new_member_posts_per_day": (_("New members: posts in their first day"), 0, 100),
    "new_member_comments_per_day": (
        _("New members: comments in their first day"),
        0,
        1000,
    ),
    "new_member_links_per_item": (
        _("New members: links per post or comment"),
        0,
        100,
    ),
    "new_member_seconds_between_posts": (
        _("New members: seconds between two posts"),
        0,
        3600,
    ),
}
