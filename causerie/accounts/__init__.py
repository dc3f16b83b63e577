"""Accounts: members, their profiles, sign-up details, language and muting."""
