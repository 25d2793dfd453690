"""A tiny template language for varied Vietnamese sentences: ``[a|b|c]`` picks one alternative,
``{slot}`` expands a named slot (a list of templates, or a function of the random generator).

Templates are parsed once and cached, because a 100-page report expands thousands of them. Nesting
is allowed (``[đã |][tập trung|chủ động] {actor}``); an empty alternative makes a part optional.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache

Slot = Sequence[str] | Callable[[random.Random], str]
_TOKEN = re.compile(r"\[|\]|\||\{[A-Za-z0-9_]+\}")

# A parsed template: text, ("alt", [template, ...]) or ("slot", name)
Node = str | tuple[str, object]


@lru_cache(maxsize=4096)
def parse(template: str) -> tuple[Node, ...]:
    pos = 0
    stack: list[list[list[Node]]] = [[[]]]  # per open bracket: its alternatives so far
    for m in _TOKEN.finditer(template):
        if m.start() > pos:
            stack[-1][-1].append(template[pos : m.start()])
        tok = m.group()
        if tok == "[":
            stack.append([[]])
        elif tok == "|":
            if len(stack) == 1:
                raise ValueError(f"'|' outside brackets in template {template!r}")
            stack[-1].append([])
        elif tok == "]":
            if len(stack) == 1:
                raise ValueError(f"unbalanced ']' in template {template!r}")
            alts = stack.pop()
            stack[-1][-1].append(("alt", tuple(tuple(a) for a in alts)))
        else:
            stack[-1][-1].append(("slot", tok[1:-1]))
        pos = m.end()
    if len(stack) != 1:
        raise ValueError(f"unbalanced '[' in template {template!r}")
    if pos < len(template):
        stack[0][0].append(template[pos:])
    return tuple(stack[0][0])


def expand(template: str, rng: random.Random, slots: Mapping[str, Slot]) -> str:
    """One random reading of ``template``; double spaces left by empty alternatives are removed."""
    out: list[str] = []
    _walk(parse(template), rng, slots, out)
    text = "".join(out)
    if "  " in text or " ," in text or " ." in text or " ;" in text:
        text = re.sub(r" {2,}", " ", text).replace(" ,", ",").replace(" ;", ";").replace(" .", ".")
    return text.strip()


def _walk(nodes: Sequence[Node], rng: random.Random, slots: Mapping[str, Slot], out: list[str]) -> None:
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif node[0] == "alt":
            alts = node[1]
            _walk(alts[rng.randrange(len(alts))], rng, slots, out)  # type: ignore[index, arg-type]
        else:
            value = slots[node[1]]  # type: ignore[index]
            if callable(value):
                out.append(value(rng))
            else:
                _walk(parse(value[rng.randrange(len(value))]), rng, slots, out)


def cap(text: str) -> str:
    """Capitalise the first letter (a sentence built from a lower-case slot)."""
    return text[:1].upper() + text[1:]
