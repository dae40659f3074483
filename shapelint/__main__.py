"""``python -m shapelint``."""

from shapelint.frontends.cli import main

raise SystemExit(main())
