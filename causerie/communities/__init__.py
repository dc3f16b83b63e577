"""Communities: founding, membership, curated tags, suspension."""
