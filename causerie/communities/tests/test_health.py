"""The community health page: each figure on a small community built by hand,
the empty community, who may see the page, bounded queries, both languages."""

import html
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from causerie.communities import health
from causerie.communities import services as community_services
from causerie.core.testing import make_community, make_member, make_post
from causerie.governance import services as governance_services
from causerie.moderation import services as moderation_services
from causerie.moderation.models import FlaggedItem
from causerie.publishing import services as publishing_services

PARIS = ZoneInfo("Europe/Paris")
# Every test runs on 15 March 2026 at noon, Paris time: the twelve months are
# April 2025 to March 2026, and the last 30 days start on 13 February at noon.
NOW = datetime(2026, 3, 15, 12, 0, tzinfo=PARIS)


def paris(*moment) -> datetime:
    return datetime(*moment, tzinfo=PARIS)


@pytest.fixture
def clock(monkeypatch):
    """timezone.now(), for services and automatic dates alike, set where a test
    needs it; NOW unless moved."""

    class Clock:
        now = NOW

        def set(self, moment: datetime) -> None:
            self.now = moment

    moved = Clock()
    monkeypatch.setattr(timezone, "now", lambda: moved.now)
    return moved


@pytest.fixture
def founder(db, clock):
    return make_member("fanny")


@pytest.fixture
def community(founder, clock):
    """Founded before the twelve months shown: its founder is no newcomer."""
    clock.set(paris(2025, 1, 10, 9))
    founded = make_community(founder=founder)
    clock.set(NOW)
    return founded


def join_at(clock, member, community, moment):
    clock.set(moment)
    community_services.join_community(
        actor=member,
        community=community,
        accepted_guide_version=community.guide_version_number,
    )
    clock.set(NOW)
    return member


def comment_at(post, author, moment, parent=None):
    return publishing_services.post_comment(
        actor=author, post=post, body="Réponse.", parent=parent, posted_at=moment
    )


def row_for(chart, year, month):
    (row,) = [row for row in chart.rows if row.month == date(year, month, 1)]
    return row


@pytest.fixture
def small(clock, community, founder):
    """Three newcomers and the founder, January to March 2026:

    - alice joins 5 Jan, posts P1 on 10 Jan, comments P2 on 20 Jan (came back);
    - bruno joins 8 Jan, replies to P1 two hours after it, never again;
    - fanny (founder) posts P2 on 15 Jan, comments it herself an hour later;
      alice's comment five days later is P2's first reply;
    - chloe joins 20 Feb, posts P3 on 21 Feb (fanny replies 30 min later) and
      comments it on 1 Mar (came back);
    - fanny posts P4 on 2 Mar, which nobody answers.
    """
    alice = join_at(clock, make_member("alice"), community, paris(2026, 1, 5, 9))
    bruno = join_at(clock, make_member("bruno"), community, paris(2026, 1, 8, 9))
    chloe = join_at(clock, make_member("chloe"), community, paris(2026, 2, 20, 9))
    p1 = make_post(
        community=community, author=alice, published_at=paris(2026, 1, 10, 10)
    )
    comment_at(p1, bruno, paris(2026, 1, 10, 12))
    p2 = make_post(
        community=community, author=founder, published_at=paris(2026, 1, 15, 9)
    )
    comment_at(p2, founder, paris(2026, 1, 15, 10))
    comment_at(p2, alice, paris(2026, 1, 20, 9))
    p3 = make_post(
        community=community, author=chloe, published_at=paris(2026, 2, 21, 18)
    )
    comment_at(p3, founder, paris(2026, 2, 21, 18, 30))
    comment_at(p3, chloe, paris(2026, 3, 1, 8))
    make_post(community=community, author=founder, published_at=paris(2026, 3, 2, 9))
    return community


# The twelve months


def test_community_health_covers_the_twelve_months_up_to_the_current_one(small):
    report = health.community_health(community=small)

    months = [(row.month.year, row.month.month) for row in report.active_members.rows]
    assert months[0] == (2025, 4)
    assert months[-1] == (2026, 3)
    assert len(months) == 12


# Participation


def test_active_members_counts_who_posted_or_commented_each_month(small):
    chart = health.community_health(community=small).active_members

    assert row_for(chart, 2026, 1).text == "3"
    assert row_for(chart, 2026, 2).text == "2"
    assert row_for(chart, 2026, 3).text == "2"
    assert row_for(chart, 2025, 12).text == "0"
    assert row_for(chart, 2026, 1).width == 100
    assert row_for(chart, 2026, 2).width == 65  # 2 of 3, to the nearest 5
    assert row_for(chart, 2025, 12).width == 0


def test_concentration_is_the_share_written_by_the_top_tenth_of_contributors(small):
    chart = health.community_health(community=small).concentration

    # January: alice 2, fanny 2, bruno 1. The top 10% is one contributor: 2 of 5.
    assert row_for(chart, 2026, 1).text == "40 %"
    assert row_for(chart, 2026, 1).width == 40
    assert row_for(chart, 2026, 2).text == "50 %"
    assert row_for(chart, 2025, 12).text == "—"


def test_concentration_of_a_larger_month_takes_the_top_tenth(clock, community):
    """Twenty contributors: the top 10% is two of them."""
    post = make_post(
        community=community,
        author=make_member("zoe"),
        published_at=paris(2026, 2, 1, 8),
    )
    for number in range(19):
        author = join_at(clock, make_member(f"m{number}"), community, NOW)
        for minute in range(5 if number == 0 else 1):
            comment_at(post, author, paris(2026, 2, 2, 8, minute))

    row = row_for(health.community_health(community=community).concentration, 2026, 2)

    # 24 contributions; m0 wrote 5, then one of the others 1: 6 of 24.
    assert row.text == "25 %"


# Newcomers


def test_retention_counts_newcomers_who_contributed_again_within_30_days(small):
    chart = health.community_health(community=small).retention

    assert row_for(chart, 2026, 1).text == "50 %"  # alice yes, bruno no
    assert "1 sur 2" in row_for(chart, 2026, 1).detail
    assert row_for(chart, 2026, 2).text == "100 %"  # chloe
    assert row_for(chart, 2025, 12).text == "—"


def test_retention_leaves_out_a_second_contribution_after_30_days(
    clock, community, founder
):
    late = join_at(clock, make_member("lea"), community, paris(2025, 10, 1, 9))
    post = make_post(
        community=community, author=late, published_at=paris(2025, 10, 2, 9)
    )
    comment_at(post, late, paris(2025, 11, 5, 9))

    chart = health.community_health(community=community).retention

    assert row_for(chart, 2025, 10).text == "0 %"


# Replies


def test_median_time_to_first_reply_ignores_the_authors_own_comments(small):
    chart = health.community_health(community=small).first_reply

    # January: P1 answered after 2 h, P2 after 5 days (not after fanny's own
    # comment): the median of two is their middle, 2 days 13 hours.
    assert row_for(chart, 2026, 1).text == "2 j 13 h"
    assert row_for(chart, 2026, 2).text == "30 min"
    assert row_for(chart, 2026, 3).text == "—"  # P4 has no reply yet


def test_median_time_to_first_reply_takes_the_middle_billet(clock, community, founder):
    replier = join_at(clock, make_member("remi"), community, NOW)
    for day, delay in [
        (3, timedelta(minutes=10)),
        (4, timedelta(hours=5)),
        (5, timedelta(hours=1)),
    ]:
        published_at = paris(2025, 12, day, 9)
        post = make_post(community=community, author=founder, published_at=published_at)
        first = comment_at(post, replier, published_at + delay)
        comment_at(post, replier, published_at + delay + timedelta(minutes=1), first)

    row = row_for(health.community_health(community=community).first_reply, 2025, 12)

    assert row.text == "1 h 0 min"


def test_no_reply_share_counts_billets_nobody_else_commented(small):
    chart = health.community_health(community=small).no_reply

    assert row_for(chart, 2026, 1).text == "0 %"
    assert row_for(chart, 2026, 3).text == "100 %"
    assert row_for(chart, 2026, 3).width == 100
    assert "1 sur 1" in row_for(chart, 2026, 3).detail


# The last 30 days


def test_summary_covers_the_last_30_days(small):
    summary = health.community_health(community=small).summary

    assert summary.active_members == 2  # chloe and fanny since 13 February
    assert summary.contributions == 4
    assert summary.concentration == "50 %"
    assert (summary.newcomers, summary.newcomers_returned) == (1, 1)
    assert summary.median_first_reply == "30 min"
    assert (summary.posts, summary.no_reply_share) == (2, "50 %")
    assert summary.decisions == 0


# Moderation


@pytest.fixture
def moderated(clock, community, founder):
    """November 2025: a billet hidden, the appeal reversed by another
    moderator. March 2026: an author warned, the appeal upheld."""
    colleague = join_at(clock, make_member("gaspard"), community, paris(2025, 2, 1, 9))
    governance_services.co_opt_moderator(
        actor=founder, community=community, member=colleague
    )
    author = join_at(clock, make_member("ines"), community, paris(2025, 2, 1, 9))
    flagger = join_at(clock, make_member("albane"), community, paris(2025, 2, 1, 9))
    for moment, action, outcome in (
        (paris(2025, 11, 10, 9), "hide", "reversed"),
        (paris(2026, 3, 5, 9), "warn", "upheld"),
    ):
        clock.set(moment)
        post = make_post(community=community, author=author, title="Promo")
        moderation_services.flag_item(actor=flagger, post=post, reason="spam")
        decision = moderation_services.decide_item(
            actor=founder,
            flagged_item_id=FlaggedItem.objects.get(post=post).pk,
            action=action,
            reason="spam",
        )
        clock.set(moment + timedelta(days=1))
        appeal = moderation_services.appeal_decision(
            actor=author, decision_id=decision.pk, text="Ce n'est pas de la pub."
        )
        moderation_services.decide_appeal(
            actor=colleague, appeal_id=appeal.pk, outcome=outcome, explanation="Vu."
        )
    clock.set(NOW)
    return community


def test_moderation_chart_counts_decisions_per_month_by_action(moderated):
    chart = health.community_health(community=moderated).decisions

    november = row_for(chart, 2025, 11)
    assert november.text == "1"
    assert november.parts == (("masqué", 1),)
    assert row_for(chart, 2026, 3).parts == (("auteur averti", 1),)
    assert row_for(chart, 2025, 12).text == "0"


def test_appeals_chart_counts_outcomes_per_month(moderated):
    report = health.community_health(community=moderated)

    assert row_for(report.appeals, 2025, 11).parts == (("décision annulée", 1),)
    assert row_for(report.appeals, 2026, 3).parts == (("décision maintenue", 1),)
    assert (report.summary.appeals_upheld, report.summary.appeals_reversed) == (1, 0)
    assert report.summary.decisions == 1


# The empty community


def test_community_health_of_an_empty_community_has_no_figures(community):
    report = health.community_health(community=community)

    assert report.has_activity is False
    assert report.summary.concentration == "—"
    assert report.summary.median_first_reply == "—"
    assert report.summary.no_reply_share == "—"
    assert not report.retention.has_data
    assert {row.width for row in report.active_members.rows} == {0}


def test_health_page_of_an_empty_community_says_not_enough_activity(
    client, community, founder
):
    client.force_login(founder)

    response = client.get("/c/brassage/sante/")

    assert response.status_code == 200
    assert "Pas encore assez d'activité" in html.unescape(response.content.decode())


# Who may see it


def test_health_page_shows_the_charts_to_a_member(client, clock, small):
    client.force_login(join_at(clock, make_member("marin"), small, NOW))

    response = client.get("/c/brassage/sante/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "<caption>" in body
    assert "Membres actifs" in body
    assert 'class="bar-fill bar-100"' in body


def test_health_page_is_open_to_a_moderator(client, small, founder):
    client.force_login(founder)

    assert client.get("/c/brassage/sante/").status_code == 200


def test_health_page_refuses_a_non_member(client, small):
    client.force_login(make_member("visiteur"))

    response = client.get("/c/brassage/sante/")

    assert response.status_code == 403
    assert "Réservé aux membres" in html.unescape(response.content.decode())


def test_health_page_sends_a_visitor_to_the_login_page(client, small):
    response = client.get("/c/brassage/sante/")

    assert response.status_code == 302
    assert response["Location"].startswith("/compte/login/")


def test_community_page_links_to_health_for_members_only(client, small, founder):
    visitor = make_member("visiteur")

    client.force_login(founder)
    member_page = client.get("/c/brassage/").content.decode()
    client.force_login(visitor)
    visitor_page = client.get("/c/brassage/").content.decode()

    assert 'href="/c/brassage/sante/"' in member_page
    assert 'href="/c/brassage/sante/"' not in visitor_page


# Bounded queries


def busy_community(clock, size: int):
    """`size` billets over the twelve months, each answered, by newcomers of
    each month, and one moderation decision."""
    founder = make_member(f"fondatrice{size}")
    clock.set(paris(2025, 1, 10, 9))
    community = make_community(founder=founder, slug=f"atelier-{size}")
    replier = join_at(clock, make_member(f"repondant{size}"), community, NOW)
    for number in range(size):
        # Month number % 12 of the twelve, April 2025 being the first.
        year, month = divmod(2025 * 12 + 3 + number % 12, 12)
        published_at = paris(year, month + 1, 1 + number // 12, 9)
        author = join_at(
            clock, make_member(f"auteur{size}x{number}"), community, published_at
        )
        post = make_post(community=community, author=author, published_at=published_at)
        comment_at(post, replier, published_at + timedelta(hours=number % 7 + 1))
    clock.set(NOW - timedelta(days=2))
    flagged = make_post(community=community, author=replier, title="Promo")
    moderation_services.flag_item(actor=founder, post=flagged, reason="spam")
    moderation_services.decide_item(
        actor=founder,
        flagged_item_id=FlaggedItem.objects.get(post=flagged).pk,
        action="warn",
        reason="spam",
    )
    clock.set(NOW)
    return community, founder


@pytest.mark.parametrize("size", [5, 40])
def test_community_health_runs_six_queries_whatever_the_size(
    clock, db, django_assert_num_queries, size
):
    community, _founder = busy_community(clock, size)

    with django_assert_num_queries(6):
        report = health.community_health(community=community)

    assert sum(int(row.text) for row in report.active_members.rows) >= size


def test_health_page_query_count_does_not_grow_with_the_community(clock, db):
    """The same queries for 5 billets as for 40 (the page around the figures,
    such as the header's notification count, belongs to other apps)."""
    counts = []
    for size in (5, 40):
        community, founder = busy_community(clock, size)
        client = Client()
        client.force_login(founder)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/c/{community.slug}/sante/")
        assert response.status_code == 200
        counts.append(len(queries))

    assert counts[0] == counts[1]


# Languages


def test_health_page_speaks_french_by_default(client, small, founder):
    client.force_login(founder)

    body = client.get("/c/brassage/sante/").content.decode()

    assert "Santé de la communauté" in body
    assert "Les 30 derniers jours" in body
    assert "janvier 2026" in body


def test_health_page_speaks_english_when_chosen(client, small, founder):
    client.force_login(founder)
    client.cookies["causerie_language"] = "en"

    body = client.get("/c/brassage/sante/").content.decode()

    assert "Community health" in body
    assert "The last 30 days" in body
    assert "January 2026" in body
    assert "2 d 13 h" in body
    assert "Santé de la communauté" not in body
