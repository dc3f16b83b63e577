"""Flag a billet or a comment ("signaler aux modérateurs")."""

from django.http import Http404


def flag_post(request, slug, post_id):
    raise Http404


def flag_comment(request, slug, post_id, comment_id):
    raise Http404
