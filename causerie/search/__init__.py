"""Search: the full-text index of billets, comments and members, on both databases."""
