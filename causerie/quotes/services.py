"""Writes on verified quotes."""


def record_quotes(*, item) -> None:
    """Called by publishing services after a billet or comment is written:
    the verified quotes of its text become Quote rows (the quoted members
    are notified of new ones)."""
    # TODO(quotes helper)
