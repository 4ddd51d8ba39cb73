#!/usr/bin/env python3
"""Formats a template JSON file compactly: objects/arrays that fit in 200 columns stay on one line."""
import json, sys, collections

def fmt(v, indent=0, width=200):
    one = json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if len(one) + indent <= width or not isinstance(v, (dict, list)) or not v:
        return one
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        items = [f'{pad}{json.dumps(k, ensure_ascii=False)}: {fmt(x, indent + 2, width)}' for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + fmt(x, indent + 2, width) for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"

for p in sys.argv[1:]:
    d = json.load(open(p, encoding="utf-8"), object_pairs_hook=collections.OrderedDict)
    open(p, "w", encoding="utf-8").write(fmt(d) + "\n")
