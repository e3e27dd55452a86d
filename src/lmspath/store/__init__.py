"""Finding, reading, checking and caching the data files: the only I/O under the engine."""
