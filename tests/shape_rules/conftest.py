"""Hypothesis settings for the differential tests: no example database in the checkout.

CI (``HYPOTHESIS_PROFILE=ci`` in ``.ci/run``) runs the same examples every
time, so a landing is decided by the code, not by the draw; local runs keep
exploring with fresh random examples, which is where new disagreements are found.
"""

import os

from hypothesis import settings

settings.register_profile("shape_rules", database=None, deadline=None)
settings.register_profile("ci", database=None, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "shape_rules"))
