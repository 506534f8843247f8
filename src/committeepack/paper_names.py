"""The names of the papers committeepack makes, as committeepack.toml and front matter write
them, in the order they are built. Kept apart from :mod:`.papers` so that the configuration's
checks can name them without importing every paper and the Word libraries they need."""

PAPER_NAMES = ("agenda-item", "strategic-assessment", "data-on-a-page", "plan")
