"""Notification pages, notification settings, following a billet, and the
unsubscribe link of emails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from causerie.core.views import handles_domain_errors
from causerie.notifications import links, selectors, services
from causerie.notifications.forms import PreferencesForm
from causerie.notifications.models import EmailMode, Notification


@login_required
def notification_list(request):
    page = selectors.member_notifications(
        member=request.user, page=request.GET.get("page", 1)
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def mark_all_read(request):
    services.mark_read(actor=request.user)
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, notification_id: int):
    """Mark one notification read, then go to what it is about."""
    services.mark_read(actor=request.user, notification_ids=[notification_id])
    notification = selectors.notification_for(
        member=request.user, notification_id=notification_id
    )
    if notification is None:
        return redirect("notifications:list")
    return redirect(links.target_path(notification))


@login_required
@handles_domain_errors
def preferences(request):
    current = selectors.member_preferences(member_id=request.user.pk)
    form = PreferencesForm(request.POST or None, preferences=current)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(actor=request.user, preferences=form.preferences())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences_edit.html", {"form": form})


@login_required
@require_POST
@handles_domain_errors
def follow_post(request, post_id: int):
    if request.POST.get("following") == "0":
        follow = services.unfollow_post(actor=request.user, post_id=post_id)
        messages.success(request, _("You no longer follow this post."))
    else:
        follow = services.follow_post(actor=request.user, post_id=post_id)
        messages.success(
            request, _("You follow this post: new comments will notify you.")
        )
    return redirect(follow.post)


# The one-click POST of RFC 8058 comes from mail clients, without a CSRF token:
# the signed token in the address is what protects this endpoint.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@handles_domain_errors
def unsubscribe(request, token: str):
    """GET asks for confirmation and changes nothing; POST unsubscribes."""
    if request.method == "POST":
        member, kind = services.unsubscribe(token=token)
        is_done = True
    else:
        member, kind = selectors.unsubscribe_target(token=token)
        current = selectors.member_preferences(member_id=member.pk)
        kinds = [kind] if kind else list(current)
        is_done = all(current[each].email == EmailMode.NEVER for each in kinds)
    return render(
        request,
        "notifications/unsubscribe_confirm.html",
        {
            "member": member,
            "kind_label": Notification.Kind(kind).label if kind else "",
            "is_done": is_done,
        },
    )
