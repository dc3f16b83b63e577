"""Billet and comment pages: thin views over services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from causerie.accounts import selectors as account_selectors
from causerie.accounts import services as account_services
from causerie.communities import selectors as community_selectors
from causerie.core.exceptions import DomainError
from causerie.core.forms import attach_refusal
from causerie.core.validation import parse_id
from causerie.core.views import handles_domain_errors
from causerie.hats.forms import keep_worn_hat
from causerie.moderation import permissions as moderation_permissions
from causerie.publishing import permissions, selectors, services
from causerie.publishing.feeds import PostCommentsFeed
from causerie.publishing.forms import CommentForm, PostForm
from causerie.publishing.rendering import cause_label
from causerie.transparency import selectors as transparency_selectors


def _context(request, slug, post_id=None):
    community = community_selectors.community_by_slug(slug=slug)
    context = {
        "community": community,
        **community_selectors.viewer_roles(viewer=request.user, community=community),
    }
    if post_id is not None:
        context["post"] = selectors.post_for_page(community=community, post_id=post_id)
    return context


def _moderation_context(request, context, post, thread) -> dict:
    """What the page shows around moderation: flag links, the cause cited on a
    moderated billet, why the viewer's own items wait for review, the lock."""
    user = request.user
    own_causes = selectors.own_flag_causes(viewer=user, post=post, thread=thread)
    can_flag = not post.community.is_suspended and moderation_permissions.can_flag(
        user, author_id=None, is_member=context["is_member"]
    )
    return {
        "is_author": user.is_authenticated and user.pk == post.author_id,
        "can_flag": can_flag,
        "can_flag_post": can_flag
        and user.pk != post.author_id
        and post.is_visible
        and not post.is_deleted,
        "can_comment": permissions.can_comment_on(
            user, post, is_member=context["is_member"]
        ),
        "can_read_post": permissions.can_read_moderated_text(
            user, post, is_moderator=context["is_moderator"]
        ),
        "post_cause": cause_label(
            getattr(post.moderation_rule, "number", None),
            getattr(post.moderation_rule, "title", None),
            post.moderation_reason,
        ),
        "post_own_causes": [
            cause_label(*cause) for cause in own_causes.get(("post", post.pk), [])
        ],
        "own_causes": own_causes,
    }


def _recognition_context(request, context, post, thread, *, with_question=True):
    """What the page shows of recognition: "Utile" buttons, who recognised the
    viewer's items, contribution profiles next to names, the accepted answer
    and, on an open question, members who could answer. Two queries (one for
    a visitor), plus the suggestions on an open question."""
    from causerie.recognition import permissions as recognition_permissions
    from causerie.recognition import selectors as recognition_selectors

    user = request.user
    page = recognition_selectors.page_recognition(viewer=user, post=post, thread=thread)
    can_recognise = recognition_permissions.can_recognise_in(
        user, post, is_member=context["is_member"]
    )
    recognition = {
        "page_recognition": page,
        "profile_labels": {
            member_id: (kind, recognition_selectors.profile_label(kind))
            for member_id, kind in page.profiles.items()
        },
        "post_author_profile": page.profiles.get(post.author_id)
        and (
            page.profiles[post.author_id],
            recognition_selectors.profile_label(page.profiles[post.author_id]),
        ),
        "can_recognise": can_recognise,
        "can_recognise_post": can_recognise and user.pk != post.author_id,
        # The domain page is offered on tagged billets (tags are loaded already).
        "has_domains": can_recognise and bool(post.tags.all()),
        "can_accept": recognition_permissions.can_accept_answers(user, post),
        "post_received": page.received.get(None, 0),
        "accepted_answer": recognition_selectors.accepted_item(
            post=post, thread=thread
        ),
    }
    if (
        with_question
        and post.is_question
        and post.accepted_comment_id is None
        and not post.is_deleted
        and post.is_visible
    ):
        recognition["answer_suggestions"] = recognition_selectors.answer_suggestions(
            post=post
        )
        if recognition_permissions.can_request_answers(user, post):
            recognition["can_request_answers"] = True
            recognition["asked_ids"] = recognition_selectors.asked_member_ids(post=post)
    return recognition


def _quotes_context(request, context, post, thread, *, others=()) -> dict:
    """Verified quotes in the page's texts, "citer" links, and the passage
    marked when the page is opened from a quote (`?passage=<quote id>`).
    `others`: comments shown outside the thread (a comment's ancestors)."""
    from causerie.quotes import rendering as quote_rendering

    user = request.user
    return {
        "page_quotes": quote_rendering.for_page(
            post=post,
            thread=thread,
            others=others,
            viewer=user,
            passage_id=request.GET.get("passage"),
            can_cite=permissions.can_comment_on(
                user, post, is_member=context["is_member"]
            ),
            can_flag=moderation_permissions.can_flag(
                user, author_id=None, is_member=context["is_member"]
            ),
        )
    }


@login_required
@handles_domain_errors
def post_create(request, slug):
    context = _context(request, slug)
    community = context["community"]
    form = PostForm(request.POST or None, community=community, member=request.user)
    preview = warning = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = services.render_body(form.cleaned_data["body"])
        elif warning := transparency_selectors.warning_before_publishing(
            member=request.user,
            community=community,
            body=form.cleaned_data["body"],
            intent=form.cleaned_data["intent"],
            data=request.POST,
        ):
            pass  # shown above the form, with "Publier quand même"
        else:
            try:
                post = services.publish_post(
                    actor=request.user, community=community, **form.cleaned_data
                )
            except DomainError as error:
                attach_refusal(form, error)
            else:
                messages.success(request, _("Your post is published."))
                return redirect(post)
    return render(
        request,
        "publishing/post_form.html",
        {
            **context,
            "form": form,
            "preview": preview,
            "creating": True,
            "transparency_warning": warning,
        },
    )


@handles_domain_errors
def post_detail(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    # Reading is the one thing a GET records: trust levels count billets opened,
    # and what came after the previous visit is marked "nouveau".
    new_since = account_services.record_read(member=request.user, post=post)
    newest_first = request.GET.get("tri") == "recent"
    thread = selectors.comment_thread(post=post, newest_first=newest_first)
    return render(
        request,
        "publishing/post_detail.html",
        {
            **context,
            "thread": thread,
            "newest_first": newest_first,
            "comment_form": CommentForm(
                community=context["community"], member=request.user
            ),
            "new_since": new_since,
            "is_bookmarked": selectors.is_bookmarked(viewer=request.user, post=post),
            "can_bookmark": permissions.can_bookmark_post(request.user, post),
            "muted_ids": account_selectors.muted_member_ids(viewer=request.user),
            "related": selectors.related_posts(post=post)
            if not post.is_deleted
            else [],
            "is_old": selectors.is_old(post=post),
            "age_years": selectors.age_in_years(post=post),
            "can_edit": permissions.can_edit_post(request.user, post),
            "can_see_deleted": permissions.can_see_deleted_text(
                request.user, is_moderator=context["is_moderator"]
            ),
            **_moderation_context(request, context, post, thread),
            **_recognition_context(request, context, post, thread),
            **_quotes_context(request, context, post, thread),
        },
    )


@login_required
@handles_domain_errors
def post_edit(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    if not permissions.can_edit_post(request.user, post):
        raise Http404
    initial = {
        "title": post.title,
        "body": post.body,
        "intent": post.intent,
        "tags": list(post.tags.all()),
        "is_question": post.is_question,
        "sponsor_name": post.sponsor_name,
        "sponsor_url": post.sponsor_url,
        "hat": post.hat_id,
    }
    form = PostForm(
        request.POST or None,
        initial=initial,
        community=post.community,
        member=request.user,
    )
    # A hat removed since stays on the billet unless the author takes it off.
    keep_worn_hat(
        form, member=request.user, community=post.community, worn_hat_id=post.hat_id
    )
    preview = warning = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            preview = services.render_body(form.cleaned_data["body"])
        elif warning := transparency_selectors.warning_before_publishing(
            member=request.user,
            community=post.community,
            body=form.cleaned_data["body"],
            intent=form.cleaned_data["intent"],
            item=post,
            data=request.POST,
        ):
            pass  # shown above the form, with "Publier quand même"
        else:
            try:
                services.edit_post(actor=request.user, post=post, **form.cleaned_data)
            except DomainError as error:
                attach_refusal(form, error)
            else:
                messages.success(request, _("Your changes are published."))
                return redirect(post)
    return render(
        request,
        "publishing/post_form.html",
        {**context, "form": form, "preview": preview, "transparency_warning": warning},
    )


@login_required
@handles_domain_errors
def post_delete(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    if not permissions.can_delete_post(request.user, post):
        raise Http404
    if request.method == "POST":
        services.delete_post(actor=request.user, post=post)
        messages.success(request, _("Your post is deleted."))
        return redirect(post.community)
    return render(request, "publishing/post_confirm_delete.html", context)


@login_required
@require_POST
@handles_domain_errors
def post_pin(request, slug, post_id):
    context = _context(request, slug, post_id)
    pinned = request.POST.get("pinned") == "1"
    services.pin_post(actor=request.user, post=context["post"], pinned=pinned)
    messages.success(request, _("Post pinned.") if pinned else _("Post unpinned."))
    return redirect(context["post"])


@login_required
@require_POST
@handles_domain_errors
def post_bookmark(request, slug, post_id):
    """Add the billet to "à relire" (bookmarked=1) or take it off (0)."""
    context = _context(request, slug, post_id)
    post = context["post"]
    if request.POST.get("bookmarked") == "0":
        services.remove_bookmark(actor=request.user, post=post)
        messages.success(request, _("Post removed from “to read again”."))
    else:
        services.add_bookmark(actor=request.user, post=post)
        messages.success(request, _("Post kept in “to read again”."))
    if request.POST.get("next") == "bookmarks":
        return redirect("publishing:bookmarks")
    return redirect(post)


@login_required
def bookmark_list(request):
    page = selectors.member_bookmarks(
        member=request.user, page=request.GET.get("page", 1)
    )
    return render(request, "publishing/bookmark_list.html", {"page": page})


@handles_domain_errors
def post_comments_feed(request, slug, post_id):
    return PostCommentsFeed()(request, slug=slug, post_id=post_id)


@handles_domain_errors
def post_history(request, slug, post_id):
    context = _context(request, slug, post_id)
    post = context["post"]
    if not permissions.can_read_history(
        request.user, post, is_moderator=context["is_moderator"]
    ):
        raise Http404
    return render(
        request,
        "publishing/post_history.html",
        {**context, "entries": selectors.post_revisions(post=post)},
    )


@login_required
@handles_domain_errors
def comment_create(request, slug, post_id):
    """Reply to the billet, or to a comment when `parent` is given."""
    context = _context(request, slug, post_id)
    post = context["post"]
    parent = None
    parent_id = parse_id(request.POST.get("parent") or request.GET.get("parent"))
    if parent_id is not None:
        parent = selectors.comment_for_page(post=post, comment_id=parent_id)
    initial = {"parent": parent.pk if parent else None}
    if request.method == "GET" and request.GET.get("citer"):
        # "citer": the reply form opens with the paragraph, or the selection,
        # quoted (causerie.quotes.selectors.citation).
        from causerie.quotes import selectors as quote_selectors

        try:
            citation = quote_selectors.citation(
                post=post,
                source=request.GET["citer"],
                revision=request.GET.get("r"),
                start=request.GET.get("de"),
                end=request.GET.get("a"),
                selection=request.GET.get("texte", ""),
            )
        except DomainError as error:
            messages.error(request, error.message)
        else:
            initial["body"] = f"{citation.block}\n"
            if citation.parent is not None:
                parent = citation.parent
                initial["parent"] = parent.pk
    form = CommentForm(
        request.POST or None,
        initial=initial,
        community=context["community"],
        member=request.user,
    )
    warning = None
    if request.method == "POST" and form.is_valid():
        warning = transparency_selectors.warning_before_publishing(
            member=request.user,
            community=context["community"],
            body=form.cleaned_data["body"],
            data=request.POST,
        )
    if request.method == "POST" and form.is_valid() and not warning:
        try:
            comment = services.post_comment(
                actor=request.user,
                post=post,
                parent=parent,
                body=form.cleaned_data["body"],
                hat=form.cleaned_data.get("hat"),
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Your comment is published."))
            return redirect(_comment_location(post, comment))
    return render(
        request,
        "publishing/comment_form.html",
        {
            **context,
            "form": form,
            "parent": parent,
            "transparency_warning": warning,
            "page_quotes": _parent_quotes(request, post, parent),
        },
        status=400 if request.method == "POST" and not warning else 200,
    )


def _parent_quotes(request, post, parent):
    """The replied-to comment's verified quotes, with their status and reply
    (one query when it holds one)."""
    from causerie.quotes import rendering as quote_rendering

    if parent is None:
        return None
    return quote_rendering.for_page(
        post=post,
        thread=(),
        others=[parent],
        with_post=False,
        viewer=request.user,
        passage_id=None,
        can_cite=False,
        can_flag=False,
    )


def _comment_location(post, comment):
    return selectors.comment_location(post.get_absolute_url(), comment)


@handles_domain_errors
def comment_detail(request, slug, post_id, comment_id):
    """A thread rooted at one comment: its permalink and "continuer ce fil"."""
    context = _context(request, slug, post_id)
    post = context["post"]
    comment = selectors.comment_for_page(post=post, comment_id=comment_id)
    thread = selectors.comment_thread(post=post, root=comment)
    ancestors = selectors.comment_ancestors(comment=comment)
    return render(
        request,
        "publishing/comment_detail.html",
        {
            **context,
            "comment": comment,
            "ancestors": ancestors,
            "thread": thread,
            "muted_ids": account_selectors.muted_member_ids(viewer=request.user),
            "comment_form": CommentForm(
                community=context["community"], member=request.user
            ),
            "can_see_deleted": permissions.can_see_deleted_text(
                request.user, is_moderator=context["is_moderator"]
            ),
            **_moderation_context(request, context, post, thread),
            **_recognition_context(request, context, post, thread, with_question=False),
            **_quotes_context(request, context, post, thread, others=ancestors),
        },
    )


@login_required
@handles_domain_errors
def comment_edit(request, slug, post_id, comment_id):
    context = _context(request, slug, post_id)
    comment = selectors.comment_for_page(post=context["post"], comment_id=comment_id)
    if not permissions.can_edit_comment(request.user, comment, context["community"]):
        raise Http404
    form = CommentForm(
        request.POST or None,
        initial={"body": comment.body, "hat": comment.hat_id},
        community=context["community"],
        member=request.user,
    )
    keep_worn_hat(
        form,
        member=request.user,
        community=context["community"],
        worn_hat_id=comment.hat_id,
    )
    warning = None
    if request.method == "POST" and form.is_valid():
        warning = transparency_selectors.warning_before_publishing(
            member=request.user,
            community=context["community"],
            body=form.cleaned_data["body"],
            item=comment,
            data=request.POST,
        )
    if request.method == "POST" and form.is_valid() and not warning:
        try:
            services.edit_comment(
                actor=request.user,
                comment=comment,
                body=form.cleaned_data["body"],
                **({"hat": form.cleaned_data["hat"]} if "hat" in form.fields else {}),
            )
        except DomainError as error:
            attach_refusal(form, error)
        else:
            messages.success(request, _("Your changes are published."))
            return redirect(_comment_location(context["post"], comment))
    return render(
        request,
        "publishing/comment_edit.html",
        {**context, "form": form, "comment": comment, "transparency_warning": warning},
    )


@login_required
@handles_domain_errors
def comment_delete(request, slug, post_id, comment_id):
    context = _context(request, slug, post_id)
    comment = selectors.comment_for_page(post=context["post"], comment_id=comment_id)
    if not permissions.can_delete_comment(request.user, comment, context["community"]):
        raise Http404
    if request.method == "POST":
        services.delete_comment(actor=request.user, comment=comment)
        messages.success(request, _("Your comment is deleted."))
        return redirect(_comment_location(context["post"], comment))
    return render(
        request,
        "publishing/comment_confirm_delete.html",
        {**context, "comment": comment},
    )


@handles_domain_errors
def comment_history(request, slug, post_id, comment_id):
    context = _context(request, slug, post_id)
    comment = selectors.comment_for_page(post=context["post"], comment_id=comment_id)
    if not permissions.can_read_history(
        request.user, comment, is_moderator=context["is_moderator"]
    ):
        raise Http404
    return render(
        request,
        "publishing/comment_history.html",
        {
            **context,
            "comment": comment,
            "entries": selectors.comment_revisions(comment=comment),
        },
    )
