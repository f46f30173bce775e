from sdg16.cli.main import main

raise SystemExit(main())
