"""Trust levels: their names and the rules that decide a member's level.

The thresholds live in settings (CAUSERIE_TRUST_LEVELS), read when the rules
run. The measures come from `selectors.trust_activity`, each one aggregate
query made only when a rule needs it. Keep docs/moderation.md and the page
/niveaux-de-confiance/ (accounts/trust_levels.html) in step with these rules.
"""

from fractions import Fraction
from typing import Protocol

from django.conf import settings
from django.utils.translation import pgettext_lazy

from causerie.communities.policy import CommunityPolicy

NEW, MEMBER, REGULAR, PILLAR, REFERENT = 0, 1, 2, 3, 4

# Shown on profiles as the plain word.
LEVEL_NAMES = {
    NEW: pgettext_lazy("trust level", "new"),
    MEMBER: pgettext_lazy("trust level", "member"),
    REGULAR: pgettext_lazy("trust level", "regular"),
    PILLAR: pgettext_lazy("trust level", "pillar"),
    REFERENT: pgettext_lazy("trust level", "referent"),
}


class Activity(Protocol):
    """What the rules measure about one member (see selectors.TrustActivity)."""

    member_days: float
    days_visited: int
    posts_read: int
    comments: int
    repliers: int
    window_days_visited: int
    window_posts_read: int
    window_posts_published: int
    window_contributions: int
    window_repliers: int
    window_upheld_flags_against: int
    is_sanctioned: bool


def thresholds() -> dict[int, dict]:
    """The thresholds of levels 1 to 3, from settings."""
    return settings.CAUSERIE_TRUST_LEVELS


def window_days() -> int:
    return thresholds()[PILLAR]["window_days"]


def level_name(level: int) -> str:
    return LEVEL_NAMES.get(level, LEVEL_NAMES[NEW])


def explanation() -> dict:
    """The values the page explaining trust levels shows, as in force now."""
    rules = thresholds()
    flags_per_day = settings.CAUSERIE_FLAGS_PER_DAY
    return {
        "levels": [
            {
                "number": number,
                "name": name,
                "flags_per_day": flags_per_day.get(number, 0),
                "flag_weight": 1 + number,
            }
            for number, name in LEVEL_NAMES.items()
        ],
        "member_rule": rules[MEMBER],
        "regular_rule": rules[REGULAR],
        "pillar_rule": rules[PILLAR],
        "keep_percent": round(rules[PILLAR]["keep_ratio"] * 100),
        "default_policy": CommunityPolicy(),
    }


def level_for(*, activity: Activity, current: int, granted: bool) -> int:
    """The level a member should hold now.

    Level 4 is only granted by site administrators and stays while granted.
    Levels 1 and 2 are kept once reached. Level 3 is evaluated every time: a
    member who holds it keeps it while above `keep_ratio` (90%) of each
    requirement; others need the full requirements. A current suspension or
    ban in any community caps the level at 1.
    """
    if granted:
        return REFERENT
    rules = thresholds()
    # A level 4 whose grant was removed is treated as a level 3 (the keep rule).
    holds_pillar = current >= PILLAR
    level = min(current, REGULAR)
    if level < MEMBER and _meets_member(activity, rules[MEMBER]):
        level = MEMBER
    if level == MEMBER and _meets_regular(activity, rules[REGULAR]):
        level = REGULAR
    if level == REGULAR:
        rule = rules[PILLAR]
        ratio = Fraction(str(rule["keep_ratio"])) if holds_pillar else Fraction(1)
        if _meets_pillar(activity, rule, ratio):
            level = PILLAR
    if level > MEMBER and activity.is_sanctioned:
        level = MEMBER
    return level


def _meets_member(activity: Activity, rule: dict) -> bool:
    return (
        activity.member_days >= rule["member_days"]
        and activity.posts_read >= rule["posts_read"]
        and activity.comments >= rule["comments"]
    )


def _meets_regular(activity: Activity, rule: dict) -> bool:
    return (
        activity.days_visited >= rule["days_visited"]
        and activity.posts_read >= rule["posts_read"]
        and activity.comments >= rule["comments"]
        and activity.repliers >= rule["repliers"]
    )


def _meets_pillar(activity: Activity, rule: dict, ratio: Fraction) -> bool:
    """The upheld-flags maximum is never relaxed by the keep ratio."""
    return (
        activity.window_days_visited >= rule["days_visited"] * ratio
        and _read_enough(activity, rule["new_posts_read_percent"] * ratio)
        and activity.window_contributions >= rule["contributions"] * ratio
        and activity.window_repliers >= rule["repliers"] * ratio
        and activity.window_upheld_flags_against <= rule["max_upheld_flags_against"]
    )


def _read_enough(activity: Activity, percent: Fraction) -> bool:
    """With no new billet in the member's communities there was nothing to read."""
    published = activity.window_posts_published
    if published == 0:
        return True
    return activity.window_posts_read * 100 >= percent * published
