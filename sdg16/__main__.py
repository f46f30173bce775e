from sdg16.cli import main

raise SystemExit(main())
