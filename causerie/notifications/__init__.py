"""Notifications: in-app notices created by event handlers, never by services
directly; per-kind preferences, followed billets, and their emails."""
