"""Entry point for ``python -m geo``."""

import sys

from geo.build.cli import main

sys.exit(main())
