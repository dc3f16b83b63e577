"""Recognition pages and actions: "Utile" (with the domain page), its undo,
who recognised an item (its author only), accepting an answer, asking members
to answer. Every action is a POST form that redirects back to the item; with
the small script (static/js/recognition.js) "Utile" answers in JSON instead.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_error
from causerie.core.validation import parse_id
from causerie.core.views import handles_domain_errors
from causerie.publishing import selectors as publishing_selectors
from causerie.publishing.exceptions import CommentNotFound
from causerie.recognition import permissions, selectors, services
from causerie.recognition.exceptions import AlreadyRecognised
from causerie.recognition.forms import AnswerRequestForm, RecognitionForm


def _item(slug, post_id, comment_id):
    """The community, the billet and (when `comment_id` is given) its comment."""
    community = community_selectors.community_by_slug(slug=slug)
    post = publishing_selectors.post_for_page(community=community, post_id=post_id)
    comment = None
    if comment_id not in (None, ""):
        comment_id = parse_id(comment_id)
        if comment_id is None:
            raise CommentNotFound()
        comment = publishing_selectors.comment_for_page(
            post=post, comment_id=comment_id
        )
    return community, post, comment


def _location(post, comment) -> str:
    """Where the item can be seen, at its anchor."""
    if comment is None:
        return f"{post.get_absolute_url()}#post-actions"
    return publishing_selectors.comment_location(post.get_absolute_url(), comment)


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


def _refused(request, error: DomainError, location: str):
    """A refusal of a one-click action: JSON for the script; otherwise a
    message on the page it came from, or the error page for a 403/404."""
    if _wants_json(request):
        return JsonResponse(
            {"ok": False, "message": str(error.message)}, status=error.status
        )
    if error.status not in (400, 409):
        raise error
    messages.error(request, str(error.message))
    return redirect(location)


@login_required
@handles_domain_errors
def recognise(request, slug, post_id):
    """GET: the domain page for a billet (or `?commentaire=` a comment).
    POST: mark the item useful, in the chosen domain or the default one."""
    comment_id = request.POST.get("comment") or request.GET.get("commentaire")
    community, post, comment = _item(slug, post_id, comment_id)
    item = comment if comment is not None else post
    location = _location(post, comment)
    form = RecognitionForm(
        request.POST if request.method == "POST" else None,
        community=community,
        initial={
            "tag": services.default_domain(post),
            "comment": comment.pk if comment else None,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.recognise_item(
                actor=request.user,
                post=post,
                comment=comment,
                tag=form.cleaned_data["tag"],
                use_default_domain=not form.domain_chosen,
            )
        except AlreadyRecognised:
            pass  # a second click: the item is recognised, as asked
        except DomainError as error:
            if not form.domain_chosen or error.status not in (400, 409):
                return _refused(request, error, location)
            attach_error(form, error)
        else:
            if _wants_json(request):
                return JsonResponse({"ok": True, "recognised": True})
            messages.success(
                request,
                _("Marked as useful. Only the author sees who found it useful."),
            )
            return redirect(location)
        if not form.errors:
            if _wants_json(request):
                return JsonResponse({"ok": True, "recognised": True})
            return redirect(location)
    is_member = community_selectors.is_member(member=request.user, community=community)
    return render(
        request,
        "recognition/recognise.html",
        {
            "community": community,
            "post": post,
            "comment": comment,
            "item": item,
            "item_location": location,
            "form": form,
            "can_recognise": permissions.can_recognise(
                request.user, item, post, is_member=is_member
            ),
            "is_member": is_member,
            "given": selectors.viewer_recognition(
                viewer=request.user, post=post, comment=comment
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
@handles_domain_errors
def withdraw(request, slug, post_id):
    """Undo the viewer's "Utile" on the billet or the posted comment."""
    _community, post, comment = _item(slug, post_id, request.POST.get("comment"))
    withdrawn = services.withdraw_recognition(
        actor=request.user, post=post, comment=comment
    )
    if _wants_json(request):
        return JsonResponse({"ok": True, "recognised": False})
    if withdrawn:
        messages.success(request, _("“Useful” withdrawn."))
    return redirect(_location(post, comment))


@login_required
@handles_domain_errors
def post_recognisers(request, slug, post_id):
    return _recognisers_page(request, slug, post_id, None)


@login_required
@handles_domain_errors
def comment_recognisers(request, slug, post_id, comment_id):
    return _recognisers_page(request, slug, post_id, comment_id)


def _recognisers_page(request, slug, post_id, comment_id):
    community, post, comment = _item(slug, post_id, comment_id)
    item = comment if comment is not None else post
    # Not a 403: whether anyone recognised someone else's item is not public.
    if not permissions.can_see_recognisers(request.user, item):
        raise Http404
    return render(
        request,
        "recognition/recognisers.html",
        {
            "community": community,
            "post": post,
            "comment": comment,
            "item": item,
            "item_location": _location(post, comment),
            "recognitions": selectors.recognisers(post=post, comment=comment),
        },
    )


@login_required
@require_POST
@handles_domain_errors
def accept(request, slug, post_id):
    """The asker accepts the posted top-level comment as the answer."""
    _community, post, comment = _item(slug, post_id, request.POST.get("comment"))
    if comment is None:
        raise CommentNotFound()
    location = _location(post, comment)
    try:
        services.accept_answer(actor=request.user, post=post, comment=comment)
    except DomainError as error:
        return _refused(request, error, location)
    messages.success(
        request, _("Answer accepted: it is shown first, and it counts as recognition.")
    )
    return redirect(location)


@login_required
@require_POST
@handles_domain_errors
def unaccept(request, slug, post_id):
    _community, post, comment = _item(slug, post_id, request.POST.get("comment"))
    if services.withdraw_accepted_answer(actor=request.user, post=post):
        messages.success(request, _("The answer is no longer accepted."))
    return redirect(_location(post, comment))


@login_required
@require_POST
@handles_domain_errors
def request_answers(request, slug, post_id):
    """The asker asks the members they ticked among the suggestions."""
    _community, post, _comment = _item(slug, post_id, None)
    location = f"{post.get_absolute_url()}#who-could-answer"
    form = AnswerRequestForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("members", []):
            messages.error(request, error)
        return redirect(location)
    try:
        asked = services.request_answers(
            actor=request.user, post=post, member_ids=form.cleaned_data["members"]
        )
    except DomainError as error:
        return _refused(request, error, location)
    messages.success(
        request,
        ngettext(
            "Your question was sent to %(count)s member (unless they turned these "
            "notifications off).",
            "Your question was sent to %(count)s members (except those who turned "
            "these notifications off).",
            len(asked),
        )
        % {"count": len(asked)},
    )
    return redirect(location)
