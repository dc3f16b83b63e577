"""Shared foundations: base model, domain errors, events, Markdown, scheduling."""
