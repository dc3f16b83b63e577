"""Decisions, appeals against them, and their review."""

from django.http import Http404


def decision_detail(request, slug, decision_id):
    raise Http404


def appeal_create(request, slug, decision_id):
    raise Http404


def appeal_list(request, slug):
    raise Http404


def appeal_decide(request, slug, appeal_id):
    raise Http404


def escalated_appeals(request):
    raise Http404
