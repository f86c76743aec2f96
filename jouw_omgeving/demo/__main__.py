"""Run the demo data command line: ``python -m jouw_omgeving.demo load --if-empty``."""

import sys

from jouw_omgeving.demo.cli import main

if __name__ == "__main__":
    sys.exit(main())
