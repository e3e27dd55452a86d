"""Counselor batches: read intake rows, score them, write results, plans and the summary."""
