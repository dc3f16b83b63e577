"""Causerie: self-hosted community software, French first."""
