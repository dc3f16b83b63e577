"""The public moderation log and its Atom feed."""

from django.http import Http404


def public_log(request, slug):
    raise Http404


def log_feed(request, slug):
    raise Http404
