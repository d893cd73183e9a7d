"""The frozen build's entry point (PyInstaller needs a script): the same `main()` as
`python -m desktop`."""

import sys

from desktop.__main__ import main

sys.exit(main())
