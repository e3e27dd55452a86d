"""Renderers: an Assessment in, text or a rich renderable out; no I/O."""
