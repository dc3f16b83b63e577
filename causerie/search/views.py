"""Search pages: the whole site, and one community."""

from django.shortcuts import render

from causerie.communities import selectors as community_selectors
from causerie.core.views import handles_domain_errors
from causerie.search import selectors
from causerie.search.forms import SearchForm


def search(request):
    form = SearchForm(
        request.GET or None,
        communities=selectors.community_choices(
            selected=request.GET.get("communaute", "")
        ),
    )
    return _results_page(request, form, community=None)


@handles_domain_errors
def community_search(request, slug):
    community = community_selectors.community_by_slug(slug=slug)
    form = SearchForm(
        request.GET or None,
        community=community,
        tags=selectors.tag_choices(community=community),
    )
    return _results_page(request, form, community=community)


def _results_page(request, form, *, community):
    outcome = None
    if form.is_bound and form.is_valid():
        outcome = selectors.search(
            text=form.cleaned_data["q"],
            filters=form.filters(),
            kind=form.cleaned_data["type"],
            order=form.cleaned_data["tri"] or selectors.Order.RELEVANCE,
            page=request.GET.get("page", 1),
        )
    return render(
        request,
        "search/search_results.html",
        {
            "form": form,
            "outcome": outcome,
            "community": community,
            "Kind": selectors.Kind,
        },
    )
