"""Who may follow what."""

from causerie.publishing.models import Post


def can_follow_post(user, post: Post) -> bool:
    if not user.is_authenticated:
        return False
    return not post.is_deleted
