"""Builds the bilingual site: one Pelican run per language, checks, then an all-or-nothing swap."""
