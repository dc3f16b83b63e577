"""Publishing: billets, threaded comments, intent disclosure and revisions."""
