# The read commands sit in the CLI layer above: this is the one upward import (.importlinter).
from sdg16.cli.loaders import main

raise SystemExit(main())
