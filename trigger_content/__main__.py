"""``python -m trigger_content``: the same as the ``trigger-content`` command."""

import sys

from .cli import main

sys.exit(main())
