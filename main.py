"""Start the exhibit from a source checkout: ``python main.py --help``."""

import sys

from exhibit.app import main

if __name__ == "__main__":
    sys.exit(main())
