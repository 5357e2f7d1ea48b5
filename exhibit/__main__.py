"""``python -m exhibit`` starts the exhibit."""

import sys

from exhibit.app import main

sys.exit(main())
