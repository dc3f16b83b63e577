"""A member's own record in a community: decisions, sanctions, flag accuracy."""

from django.http import Http404


def my_record(request, slug):
    raise Http404
