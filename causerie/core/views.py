"""Views shared by every app: domain-error handling, home page, error pages."""

import functools

from django.shortcuts import render

from causerie.core.exceptions import DomainError


def handles_domain_errors(view):
    """Render a DomainError raised by a service as a translated error page.

    Form views catch errors they can attach to a field themselves; anything
    else that reaches here becomes a 403, 404, 409 or 400 page.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except DomainError as error:
            return render(
                request,
                "core/error.html",
                {"error": error, "status": error.status},
                status=error.status,
            )

    return wrapper


def home(request):
    from causerie.communities import selectors as community_selectors
    from causerie.publishing import selectors as publishing_selectors
    from causerie.transparency import selectors as transparency_selectors

    show_muted = request.GET.get("sourdine") == "afficher"
    intent = transparency_selectors.intent_filter(request.GET.get("intention"))
    limit = 15
    recent_posts = publishing_selectors.recent_posts(
        viewer=request.user, limit=limit, show_muted=show_muted, intent=intent.intent
    )
    # Muted billets are counted over the span the listing covers: back to its
    # oldest billet when it is full, all of them otherwise.
    since = recent_posts[-1].published_at if len(recent_posts) == limit else None
    return render(
        request,
        "core/home.html",
        {
            "communities": community_selectors.discover_communities(limit=12),
            "recent_posts": recent_posts,
            "muted_count": publishing_selectors.muted_post_count(
                viewer=request.user, since=since
            ),
            "show_muted": show_muted,
            "intent_filter": intent,
            "intent_links": transparency_selectors.intent_filter_links(
                current=intent, params=request.GET
            ),
            "recent_comments": publishing_selectors.recent_comments(limit=8),
        },
    )


def page_not_found(request, exception=None):
    return render(request, "core/error.html", {"status": 404}, status=404)


def permission_denied(request, exception=None):
    return render(request, "core/error.html", {"status": 403}, status=403)


def bad_request(request, exception=None):
    return render(request, "core/error.html", {"status": 400}, status=400)


def server_error(request):
    return render(request, "core/error.html", {"status": 500}, status=500)
