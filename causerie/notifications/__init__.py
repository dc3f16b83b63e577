"""Notifications: in-app notices created by event handlers, never by services directly."""
