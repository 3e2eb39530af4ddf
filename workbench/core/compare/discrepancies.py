"""Disagreements between aligned sentences, grouped into one discrepancy per fact.

Each aligned pair of sentences is compared value by value (figures under the same unit or noun, dates at their
common precision, the persons taking part, the wording and speaker of the same quotation). Every comparison is an
edge between two value spans, either agreeing or disagreeing; spans connected by edges of the same fact type form a
group, and a group with at least one disagreeing edge becomes a :class:`Discrepancy` listing every span (agreeing
sources included) so the reader sees who says what.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.core.compare.dates import DateMention, same_at
from workbench.core.compare.model import Discrepancy, ValueSpan
from workbench.core.compare.persons import Mention
from workbench.core.compare.quantities import Quantity, compatible, format_value

_INTERACTION = (
    "avec", "entretien", "entretenu", "conversation", "echange", "appel", "telephon", "rencontr", "recu",
    "visioconference", "videoconference", "discute", "dialogue", "homologue", "s'est entretenu", "spoke", "met ",
    "call", "talks",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Edge:
    """A comparison between two value spans: ``group`` names the fact type, ``agree`` whether they agree."""

    kind: str
    group: str
    a: ValueSpan
    b: ValueSpan
    agree: bool
    note: str = ""


def _num(v: float) -> float | int:
    return int(v) if float(v).is_integer() and abs(v) < 2**53 else round(v, 6)


def qspan(source_id: int, text: str, q: Quantity) -> ValueSpan:
    """Value span of a figure."""
    return ValueSpan(source_id, q.start, q.end, text[q.start : q.end], _num(q.value), q.unit)


def dspan(source_id: int, text: str, d: DateMention) -> ValueSpan:
    """Value span of a date mention."""
    return ValueSpan(source_id, d.start, d.end, text[d.start : d.end], d.iso, d.precision)


def mspan(source_id: int, text: str, m: Mention) -> ValueSpan:
    """Value span of a person mention."""
    return ValueSpan(source_id, m.start, m.end, text[m.start : m.end], m.name, "person")


def quantity_edges(ida: int, ta: str, qa: list[Quantity], idb: int, tb: str, qb: list[Quantity]) -> list[Edge]:
    """Compare the figures of two aligned sentences: same unit key first, then lone ordinals or unnamed counts."""
    edges: list[Edge] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    keys = {q.unit for q in qa} & {q.unit for q in qb}
    for key in sorted(keys):
        xs = [k for k, q in enumerate(qa) if q.unit == key]
        ys = [k for k, q in enumerate(qb) if q.unit == key]
        for x in xs:
            for y in ys:
                if y not in used_b and compatible(qa[x], qb[y]):
                    used_a.add(x)
                    used_b.add(y)
                    edges.append(_qedge(ida, ta, qa[x], idb, tb, qb[y], True))
                    break
        rest_x = [x for x in xs if x not in used_a]
        rest_y = [y for y in ys if y not in used_b]
        for x, y in zip(rest_x, rest_y, strict=False):
            used_a.add(x)
            used_b.add(y)
            edges.append(_qedge(ida, ta, qa[x], idb, tb, qb[y], False))
    for cat in ("ordinal", "count"):
        xs = [k for k, q in enumerate(qa) if k not in used_a and q.category == cat]
        ys = [k for k, q in enumerate(qb) if k not in used_b and q.category == cat]
        if len(xs) != 1 or len(ys) != 1:
            continue
        x, y = xs[0], ys[0]
        if cat == "count" and "n:?" not in (qa[x].unit, qb[y].unit):
            continue
        edges.append(_qedge(ida, ta, qa[x], idb, tb, qb[y], compatible(qa[x], qb[y])))
    return edges


def figure_edge(ida: int, ta: str, x: Quantity, idb: int, tb: str, y: Quantity, note: str = "") -> Edge:
    """Compare two figures stating the same fact outside aligned sentences (see :mod:`.facts`)."""
    e = _qedge(ida, ta, x, idb, tb, y, compatible(x, y))
    return Edge(e.kind, e.group, e.a, e.b, e.agree, note)


def _qedge(ida: int, ta: str, x: Quantity, idb: int, tb: str, y: Quantity, agree: bool) -> Edge:
    kind = "count" if (x.words or y.words) and x.category in ("count", "ordinal") else x.kind
    if x.category == "ordinal":
        group = "count:ordinal"
    else:
        group = f"{kind}:{x.category}:{x.unit if x.unit == y.unit else x.category}"
    return Edge(kind, group, qspan(ida, ta, x), qspan(idb, tb, y), agree)


def date_edges(ida: int, ta: str, da: list[DateMention], idb: int, tb: str, db: list[DateMention]) -> list[Edge]:
    """Compare the dates of two aligned sentences: agreeing ones pair first, lone leftovers are compared."""
    edges: list[Edge] = []
    left_b = list(range(len(db)))
    left_a = []
    for x in da:
        hit = next((y for y in left_b if x.precision == db[y].precision and same_at(x, db[y])), None)
        if hit is None:
            left_a.append(x)
            continue
        left_b.remove(hit)
        edges.append(Edge("date", "date", dspan(ida, ta, x), dspan(idb, tb, db[hit]), True))
    rest_b = [db[y] for y in left_b]
    if len(left_a) == 1 and len(rest_b) == 1:
        agree = same_at(left_a[0], rest_b[0])
        edges.append(Edge("date", "date", dspan(ida, ta, left_a[0]), dspan(idb, tb, rest_b[0]), bool(agree)))
    else:
        for x, y in zip(left_a, rest_b, strict=False):
            if x.precision == y.precision:
                edges.append(Edge("date", "date", dspan(ida, ta, x), dspan(idb, tb, y), bool(same_at(x, y))))
    return edges


def participant_edges(
    ida: int, ta: str, fa: str, ma: list[Mention], idb: int, tb: str, fb: str, mb: list[Mention], score: float
) -> list[Edge]:
    """Who meets whom: aligned sentences about an interaction naming a different counterpart."""
    names_a = {m.name for m in ma}
    names_b = {m.name for m in mb}
    only_a = names_a - names_b
    only_b = names_b - names_a
    if not only_a or not only_b or max(len(names_a), len(names_b)) < 2:
        return []
    if not (names_a & names_b) and score < 0.7:
        return []
    if not any(cue in fa for cue in _INTERACTION) or not any(cue in fb for cue in _INTERACTION):
        return []
    note = f"source {ida}: {', '.join(sorted(names_a))}; source {idb}: {', '.join(sorted(names_b))}"
    spans_a = [mspan(ida, ta, m) for m in ma if m.name in only_a]
    spans_b = [mspan(idb, tb, m) for m in mb if m.name in only_b]
    return [Edge("participant", "participant", spans_a[0], y, False, note) for y in spans_b] + [
        Edge("participant", "participant", spans_a[0], x, False, note) for x in spans_a[1:]
    ]


def group_edges(edges: Iterable[Edge]) -> list[Discrepancy]:
    """Union spans connected by edges of the same fact type; groups with a disagreement become discrepancies."""
    parent: dict[tuple[str, int, int, int], tuple[str, int, int, int]] = {}

    def key(group: str, s: ValueSpan) -> tuple[str, int, int, int]:
        return (group, s.source_id, s.start, s.end)

    def find(k: tuple[str, int, int, int]) -> tuple[str, int, int, int]:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    spans: dict[tuple[str, int, int, int], ValueSpan] = {}
    edge_list = list(edges)
    for e in edge_list:
        ka, kb = key(e.group, e.a), key(e.group, e.b)
        spans[ka], spans[kb] = e.a, e.b
        ra, rb = find(ka), find(kb)
        if ra != rb:
            parent[ra] = rb
    comps: dict[tuple[str, int, int, int], list[Edge]] = defaultdict(list)
    for e in edge_list:
        comps[find(key(e.group, e.a))].append(e)
    by_root: dict[tuple[str, int, int, int], list[ValueSpan]] = defaultdict(list)
    for k, s in spans.items():
        by_root[find(k)].append(s)
    out: list[Discrepancy] = []
    for root, comp in comps.items():
        if all(e.agree for e in comp):
            continue
        members = sorted(by_root[root], key=lambda s: (s.source_id, s.start))
        kind = _kind_of(comp)
        out.append(Discrepancy(kind, tuple(members), _note(kind, members, comp)))
    out.sort(key=lambda d: (d.kind, d.spans[0].source_id, d.spans[0].start))
    return out


def _kind_of(comp: list[Edge]) -> str:
    kinds = {e.kind for e in comp if not e.agree}
    for kind in ("count", "participant", "quote_wording", "date", "number", "other"):
        if kind in kinds:
            return kind
    return comp[0].kind


def _note(kind: str, members: list[ValueSpan], comp: list[Edge]) -> str:
    notes = list(dict.fromkeys(e.note for e in comp if e.note and not e.agree))
    if (kind == "quote_wording" or comp[0].group == "speaker" or comp[0].group.startswith("negation:")) and notes:
        return " | ".join(notes)
    by_value: dict[str, list[int]] = defaultdict(list)
    for s in members:
        label = _label(s)
        if s.source_id not in by_value[label]:
            by_value[label].append(s.source_id)
    parts = [
        f"{label} (source{'s' if len(ids) > 1 else ''} {', '.join(map(str, ids))})" for label, ids in by_value.items()
    ]
    group = comp[0].group
    if group.startswith("with:"):
        prefix = f"who {group[5:]} talked with: "
    elif group.startswith("channel:"):
        prefix = "how " + " and ".join(group[8:].split("|")) + " talked: "
    else:
        prefix = "named as taking part: " if kind == "participant" else ""
    return prefix + " vs ".join(parts)


def _label(s: ValueSpan) -> str:
    if isinstance(s.value, str):
        return s.value
    if s.unit == "time":
        return f"{int(s.value) // 60:02d}:{int(s.value) % 60:02d}"
    return format_value(Quantity(0, 0, float(s.value), s.unit, ""))
