"""Typed values: the rules, the profile, results, the skills taxonomy, programs."""
