"""The pure engine: requirement checks, outcomes, ranking, verdicts and plans."""
