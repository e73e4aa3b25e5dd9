"""A person-readable view of one article's extraction (`socialkg extract --format text`)."""

from __future__ import annotations

from .model import Article, Extraction


def extraction_as_text(article: Article, ex: Extraction) -> str:
    names = {o.id: o.name for o in ex.organisations}
    people = {p.id: p.name for p in ex.persons}
    out = [f"== {article.doc}  [{ex.lang or '?'}] {ex.published or 'no date'}  {article.title or ''}".rstrip()]
    if article.warnings:
        out += [f"   ! {w}" for w in article.warnings]
    out.append(f"Organisations ({len(ex.organisations)}):")
    for o in ex.organisations:
        extra = ", ".join(x for x in (o.type, o.place, f"unit of {names.get(o.part_of, o.part_of)}" if o.part_of else None) if x)
        out.append(f"  {o.id:<4} {o.name}  ({extra})")
        others = [a for a in o.aliases if a != o.name]
        if others:
            out.append(f"       also: {'; '.join(others)}")
    if ex.persons:
        out.append(f"People ({len(ex.persons)}):")
        for p in ex.persons:
            posts = "; ".join(f"{a.role or 'member'} @ {names.get(a.org, a.org)}" for a in p.affiliations)
            out.append(f"  {p.name}" + (f" - {posts}" if posts else ""))
    for e in ex.events:
        out.append(f"Event: {e.name} ({e.type}) {e.date or ''}{' - ' + e.end_date if e.end_date else ''} "
                   f"{e.place or ''} {('@ ' + e.venue) if e.venue else ''}".rstrip())
        for label, ids, table in (("organisers", e.organisers, names), ("participants", e.participants, names),
                                  ("speakers", e.speakers, people)):
            if ids:
                out.append(f"  {label}: {'; '.join(table.get(i, i) for i in ids)}")
    for j in ex.projects:
        budget = f" budget {j.budget.amount:,.2f} {j.budget.currency}" if j.budget else ""
        out.append(f"Project: {j.name}{budget}")
        for label, ids in (("leads", j.leads), ("partners", j.partners)):
            if ids:
                out.append(f"  {label}: {'; '.join(names.get(i, i) for i in ids)}")
        if j.funding:
            out.append(f"  funding: {'; '.join(j.funding)}")
    if ex.cooperations:
        out.append(f"Cooperation ({len(ex.cooperations)}):")
        for c in ex.cooperations:
            out.append(f"  {names.get(c.a, c.a)} <-> {names.get(c.b, c.b)}  [{c.basis}]")
            out.append(f"     \u201c{c.evidence}\u201d")
    return "\n".join(out) + "\n"
