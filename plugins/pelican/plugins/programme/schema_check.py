"""The shapes of programme.yaml, declared in schema.yaml and checked by jsonschema, with each
of its errors said in the editor's terms, at the line and column it concerns."""

from __future__ import annotations

import ast
import difflib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from .yaml_document import Document, Path_, describe

_SCHEMA = Draft202012Validator(yaml.safe_load(Path(__file__).with_name("schema.yaml").read_text(encoding="utf-8")))
LANGUAGE_NAMES = {"de": "German", "ru": "Russian"}
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def did_you_mean(word: str, known: Iterable[str]) -> str | None:
    """The known word an editor most likely meant.

    difflib alone prefers 'Europe/Minsk' to 'Europe/Moscow' for 'Europe/Moskau'. People get the
    start of a name right more often than its end, so among close matches the longest common
    start wins.
    """
    matches = difflib.get_close_matches(word, list(known), n=5, cutoff=0.6)
    return max(matches, key=lambda match: len(os.path.commonprefix([word, match])), default=None)


def suggest(word: str, known: Iterable[str], otherwise: str) -> str:
    match = did_you_mean(word, known)
    return f"; did you mean '{match}'?" if match else otherwise


def check_shapes(document: Document, data: Any) -> None:
    """Reports every way data departs from the schema to document."""
    errors = list(_SCHEMA.iter_errors(data))
    # a misspelt 'titel' need not also be reported as a missing 'title'
    misspelt = {(tuple(e.absolute_path), did_you_mean(key, e.schema["properties"]))
                for e in errors if e.validator == "additionalProperties" for key in e.instance if key not in e.schema["properties"]}
    for error in errors:
        _translate(document, error, misspelt)


def _translate(document: Document, error, misspelt: set[tuple[Path_, str | None]]) -> None:
    """One jsonschema error in the editor's terms, at the line and column it concerns."""
    path, schema, value, kind = tuple(error.absolute_path), error.schema, error.instance, error.validator
    key = path[-1] if path else ""
    if kind == "required":
        missing = ast.literal_eval(error.message.removesuffix(" is a required property"))
        if (path, missing) in misspelt:
            return
        template = schema.get("x-missing", "missing required key '{key}': add {key}: …")
        document.report(path, template.format(key=missing, language=LANGUAGE_NAMES.get(missing)))
    elif kind == "additionalProperties":
        known = schema.get("properties", {})
        for extra in (k for k in value if k not in known):
            match = did_you_mean(extra, known)
            hint = f"did you mean '{match}'?" if match else f"allowed here: {', '.join(known)}"
            if document.nodes[path].flow_style and value[extra] is None:  # {de: Lenina 60, Kaluga, ...}
                hint = 'a comma inside {…} starts a new key: put a text with commas in quotes, "…, …"'
            document.report(path, f"unknown key '{extra}'; {hint}", document.keys[(*path, extra)])
    elif kind == "dependentRequired":
        document.report((*path, "end"), schema["x-dependent"])
    elif kind == "type" and value is None and isinstance(key, str) and key:
        message = f"the {LANGUAGE_NAMES[key]} text ({key}) is empty: fill it in" if key in LANGUAGE_NAMES \
            else f"'{key}' has no value: fill it in or remove the key"
        document.report(path, message)
    elif kind == "type" and value is None and any(found == path for found, _ in document.problems):
        return  # reading the file said what is wrong here (an alias inside itself)
    elif kind == "type" and value is None:  # an empty list item, or an empty file's "~"
        document.report(path, f"expected {schema['x-expected']}, found nothing")
    elif kind == "type" and key in LANGUAGE_NAMES and schema.get("x-expected") == "plain text":
        document.report(path, f"the {LANGUAGE_NAMES[key]} text ({key}) must be plain text, found {describe(document.nodes[path])}")
    elif kind == "type":
        document.report(path, f"expected {schema['x-expected']}, found {describe(document.nodes[path])}")
    elif kind == "enum" and not isinstance(value, str):
        return  # its type error says it already
    elif kind == "enum":
        allowed = schema["enum"]
        hint = suggest(value, allowed, f"; use one of {', '.join(allowed)}")
        document.report(path, f"unknown {schema['x-label']} '{value}'" + hint)
    else:  # pattern, not: the schema words the message
        message = schema.get("x-invalid", error.message).format(value=value, key=key, language=LANGUAGE_NAMES.get(key))
        example = re.sub(r"[^a-z0-9]+", "-", str(value).lower().translate(_TRANSLITERATION)).strip("-")
        if schema.get("x-example") == "slug" and example:
            message += f", e.g. '{example}'"
        document.report(path, message)


