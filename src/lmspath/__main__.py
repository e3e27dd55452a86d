"""Run lmspath as ``python -m lmspath``."""

from lmspath.cli import main

if __name__ == "__main__":
    main()
