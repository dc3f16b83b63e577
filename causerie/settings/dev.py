"""Development: the embedded SQLite database, mail to the console and var/mail."""

from causerie.settings.base import *  # noqa: F403
from causerie.settings.base import VAR_DIR

DEBUG = True
VAR_DIR.mkdir(parents=True, exist_ok=True)
