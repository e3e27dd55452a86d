"""Typed values as plain frozen objects: rules, profile, results, skills taxonomy, programs."""
