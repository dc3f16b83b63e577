"""Benchmark settings: the development settings with DEBUG off.

Used by bench/run.sh (with bench/ on PYTHONPATH and DATABASE_URL pointing at
var/bench/bench.sqlite3) so gunicorn serves what production would: cached
templates, no debug toolbar of queries, no debug 404 pages.
"""

from causerie.settings.dev import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The load driver logs in once and then posts hundreds of comments a second:
# allauth's rate limits would turn most of them into 429s.
ACCOUNT_RATE_LIMITS = False
