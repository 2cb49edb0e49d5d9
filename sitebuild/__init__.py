"""Builds the bilingual site: one Pelican run per language, checks, an all-or-nothing swap."""
