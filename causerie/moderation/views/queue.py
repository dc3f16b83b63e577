"""The review queue and decisions, for the community's moderators."""

from django.http import Http404


def review_queue(request, slug):
    raise Http404


def decide(request, slug, item_id):
    raise Http404
