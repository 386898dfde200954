"""`python -m signaal` starts the desktop app."""

from signaal.app import main

raise SystemExit(main())
