"""programme.yaml as plain data, every scalar as the text written (null for an empty value),
with the node of each value and key, so that every problem can name its line and column.

It reads the nodes of yaml.compose rather than the values of yaml.safe_load: only nodes know
their line and column, and reading a scalar's text as written avoids YAML 1.1 surprises (an
unquoted 18:00 is the number 1080, a 2021-06-31 crashes safe_load).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from .errors import Problem
from .model import Source

# libyaml's loader where PyYAML was built with it: the same nodes and marks, several times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NULL = "tag:yaml.org,2002:null"
_SYNTAX_HINTS = (
    ("'\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", 'put quotes around a text that contains ": ", or check the indentation'),
    ("quoted scalar", "a quote is not closed: every opening \" needs its closing \""),
    ("flow mapping", 'inside {…}, put a text that contains ":" or "," in quotes'),
)
_SYNTAX_HINT = "check the indentation and the quotes on this line and the one above"
Path_ = tuple[str | int, ...]  # where a value sits in the data: keys and list indexes


def compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except (yaml.MarkedYAMLError, ReaderError):
        # Again with PyYAML's own parser, which words syntax errors better, to report its message.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def syntax_problem(exc: yaml.MarkedYAMLError | ReaderError, text: str, filename: str) -> Problem:
    if isinstance(exc, ReaderError):
        line, column = text.count("\n", 0, exc.position) + 1, exc.position - text.rfind("\n", 0, exc.position)
        message = f"the invisible character U+{exc.character:04X} is not allowed: retype this line"
        return Problem(Source(filename, line, column), "YAML syntax", message)
    mark, message = exc.problem_mark, exc.problem or ""
    if exc.context and exc.context_mark:
        message += f" ({exc.context} at line {exc.context_mark.line + 1})"
    hint = next((h for key, h in _SYNTAX_HINTS if key in f"{exc.context} {exc.problem}"), _SYNTAX_HINT)
    return Problem(Source(filename, mark.line + 1, mark.column + 1), "YAML syntax", f"{message}; {hint}")


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping (key: value)"
    return "a list" if isinstance(node, SequenceNode) else f"'{node.value}'"


class Document:
    """The file's values as plain data, every scalar as the text written, with the node of each
    value and key, and the problems found so far by the path of the value they concern."""

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.nodes: dict[Path_, Node] = {}
        self.keys: dict[Path_, Node] = {}
        self.problems: list[tuple[Path_, Problem | None]] = []  # None: a problem another already says

    def plain(self, node: Node, path: Path_, within: frozenset[int] = frozenset()) -> Any:
        self.nodes[path] = node
        if id(node) in within:  # an alias (*a) inside the value its anchor (&a) names
            self.report(path, "an alias cannot contain itself: write the value out")
            return None
        within = within | {id(node)}
        if isinstance(node, SequenceNode):
            return [self.plain(item, (*path, index), within) for index, item in enumerate(node.value)]
        if not isinstance(node, MappingNode):
            return None if node.tag == _NULL else node.value
        data = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.report(path, "a key must be a plain name", key_node)
            elif key_node.value in data:
                first = self.keys[(*path, key_node.value)].start_mark.line + 1
                self.report((*path, key_node.value), f"'{key_node.value}' is given twice (first at line {first}): remove one", key_node)
            else:
                self.keys[(*path, key_node.value)] = key_node
                data[key_node.value] = self.plain(value, (*path, key_node.value), within)
        return data

    def where(self, path: Path_) -> str:
        """events.konferenz.sessions.panel.end: an item by its id where it has one, else [index]."""
        text = ""
        for depth, step in enumerate(path):
            if isinstance(step, str):
                text = f"{text}.{step}" if text else step
                continue
            item = self.nodes.get(path[: depth + 1])
            raw_id = next((v.value for k, v in item.value if k.value == "id" and isinstance(v, ScalarNode) and v.value), None) \
                if isinstance(item, MappingNode) else None
            text += f".{raw_id}" if raw_id else f"[{step}]"
        return text or "top level"

    def report(self, path: Path_, message: str | None, node: Node | None = None) -> None:
        node = node or self.nodes[path]
        mark = Source(self.filename, node.start_mark.line + 1, node.start_mark.column + 1)
        self.problems.append((path, Problem(mark, self.where(path), message) if message else None))

    def broken(self, path: Path_, nested: tuple[str, ...] = ()) -> bool:
        """Whether a problem concerns the value at path, or one inside it other than in its nested
        objects (an event's sessions are left out one by one, not with their event)."""
        return any(found[: len(path)] == path and found[len(path) : len(path) + 1] not in [(n,) for n in nested]
                   for found, _ in self.problems)
