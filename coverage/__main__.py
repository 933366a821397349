"""``python -m coverage`` runs the ``media-coverage`` command line."""

import sys

from coverage.cli import main

if __name__ == "__main__":
    sys.exit(main())
