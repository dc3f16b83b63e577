"""Moderation: flags, the review queue, decisions, sanctions, appeals and the public log."""
