"""Search pages."""

from django.http import Http404


def search(request):
    raise Http404


def community_search(request, slug):
    raise Http404
