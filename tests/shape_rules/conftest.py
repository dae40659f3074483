"""Hypothesis settings for the differential tests: no example database in the checkout."""

from hypothesis import settings

settings.register_profile("shape_rules", database=None, deadline=None)
settings.load_profile("shape_rules")
