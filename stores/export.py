"""Read records back from the store as JSON or CSV (latest run of each document)."""
from __future__ import annotations

import csv
import io
import json

from stores.db import Store

_CSV_FIELDS = {
    "tasks": ["document", "number", "agency", "name", "budget_currency", "budget_value", "budget_low",
              "budget_high", "duration_low", "duration_high", "source_ref", "source_ref_date", "page"],
    "catalog": ["document", "kind", "number", "name", "group", "lead_agencies", "page"],
    "budget": ["document", "item", "amount_currency", "amount_value", "amount_low", "amount_high",
               "lead_agencies", "coordinating_agencies", "period", "amount_column", "page"],
}


def fetch_records(store: Store, kind: str) -> list[dict]:
    with store.sessions() as s:
        out = []
        for run in store.latest_runs(s):
            for row in getattr(run, kind):
                out.append({"document": run.document.path, "sha256": run.document.sha256, **row.data})
        return out


def export_records(store: Store, kind: str, fmt: str) -> str:
    records = fetch_records(store, kind)
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_CSV_FIELDS[kind], extrasaction="ignore")
    writer.writeheader()
    for r in records:
        writer.writerow(_flatten(kind, r))
    return buf.getvalue()


def _flatten(kind: str, r: dict) -> dict:
    flat = dict(r)
    flat["page"] = (r.get("provenance") or {}).get("page")
    money_key = {"tasks": "budget", "budget": "amount"}.get(kind)
    if money_key:
        m = r.get(money_key) or {}
        for f in ("currency", "value", "low", "high"):
            flat[f"{money_key}_{f}"] = m.get(f)
    if kind == "tasks":
        d = r.get("duration_months") or {}
        flat["duration_low"], flat["duration_high"] = d.get("low"), d.get("high")
    for f in ("lead_agencies", "coordinating_agencies"):
        if f in r:
            flat[f] = "; ".join(r[f])
    return flat


# -- the document graph (issue 19) ----------------------------------------------------------------
def export_graph(store: Store, fmt: str, key: str | None = None, depth: int = 1) -> str:
    """The document graph (every stored document's typed citations, or the graph around `key`) as
    JSON, GraphML (yEd, Gephi, networkx read it) or Graphviz DOT."""
    from stores import links
    with store.sessions() as s:
        graph = links.graph_of(s, key, depth, limit=1_000_000) if key else links.whole_graph(s)
    if fmt == "json":
        return json.dumps(graph, ensure_ascii=False, indent=1) + "\n"
    return _graphml(graph) if fmt == "graphml" else _dot(graph)


_NODE_ATTRS = ("key", "stored", "document_id", "doc_type", "date", "issuer")


def _graphml(graph: dict) -> str:
    """GraphML by hand with the standard library's ElementTree: thirty lines, where networkx would be
    a dependency for one writer."""
    import xml.etree.ElementTree as ET
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", xmlns=ns)
    for name in _NODE_ATTRS:
        ET.SubElement(root, "key", {"id": name, "for": "node", "attr.name": name, "attr.type": "string"})
    for name in ("type", "confidence"):
        ET.SubElement(root, "key", {"id": name, "for": "edge", "attr.name": name, "attr.type": "string"})
    g = ET.SubElement(root, "graph", id="vanthu", edgedefault="directed")
    for node in graph["nodes"]:
        el = ET.SubElement(g, "node", id=node["id"])
        for name in _NODE_ATTRS:
            if node.get(name) is not None:
                ET.SubElement(el, "data", key=name).text = str(node[name])
    for k, edge in enumerate(graph["edges"]):
        el = ET.SubElement(g, "edge", id=f"e{k}", source=edge["from"], target=edge["to"])
        ET.SubElement(el, "data", key="type").text = edge["type"]
        ET.SubElement(el, "data", key="confidence").text = str(edge["confidence"])
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _dot(graph: dict) -> str:
    def q(text: str) -> str:
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
    lines = ["digraph vanthu {"]
    for node in graph["nodes"]:
        style = "" if node["stored"] else ", style=dashed"   # dashed: cited, not in the archive
        lines.append(f"  {q(node['id'])} [label={q(node['key'])}{style}];")
    lines += [f"  {q(e['from'])} -> {q(e['to'])} [label={q(e['type'])}];" for e in graph["edges"]]
    return "\n".join(lines + ["}"]) + "\n"
