"""lmspath: how far you are from school librarian certification, and what to do next."""

__version__ = "0.1.0"

__all__ = ["__version__"]
