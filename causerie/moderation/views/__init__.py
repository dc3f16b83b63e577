"""Moderation pages, one module per concern: flags, queue, log, appeals, record."""
