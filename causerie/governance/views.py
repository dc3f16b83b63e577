"""Participation guide pages: current guide, versions, diff, new version, acceptance."""

from django.http import Http404


def guide(request, slug):
    raise Http404


def version_list(request, slug):
    raise Http404


def version_detail(request, slug, number):
    raise Http404


def version_compare(request, slug):
    raise Http404


def version_create(request, slug):
    raise Http404


def accept(request, slug):
    raise Http404
