"""``python -m shapelint``."""

from shapelint.frontends import main

raise SystemExit(main())
