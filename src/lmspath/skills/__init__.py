"""The skills taxonomy matched against a person's tools and skills (pure)."""
