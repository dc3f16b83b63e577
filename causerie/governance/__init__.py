"""Governance: moderator mandates (founding now; elections, guide and amendments later)."""
