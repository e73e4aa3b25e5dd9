"""Facts -> triples: one article's Extraction becomes quads in the article's named graph.

Input: an `Article` and its `Extraction` (see `model.py`).
Output: a list of pyoxigraph `Quad`s, all in `graph_iri(article.source_iri)`.

Shape (terms in `ontology/socialkg.ttl`):
- the source: `sk:SourceDocument` with title, language, date, content hash;
- organisations (`org:Organization`, units also `org:OrganizationalUnit` + `org:unitOf`),
  people (`foaf:Person`), posts (`org:Membership` + `org:memberOf` shortcut), places
  (`schema:Place`), events (`schema:Event`), projects (`schema:Project`) with funds
  and budgets (`schema:MonetaryAmount`);
- ties between organisations as qualified nodes (`sk:Cooperation`, `sk:CoParticipation`)
  with one `sk:Evidence` per source statement, plus symmetric shortcuts
  (`sk:cooperatesWith`, `sk:coParticipatesWith`) materialised in both directions;
- provenance: every mention, membership and evidence item carries the source
  (`prov:wasDerivedFrom`), sentence, character offsets, method and confidence.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ..model import CO_PARTICIPATION, Article, Cooperation, Evidence, Extraction, Organisation
from ..ontology import terms as T
from ..ontology.terms import dcterms, foaf, oa, org, prov, rdfs, schema, sk, skos, xsd
from . import iris

EXTRACTOR = "socialkg-article-loader/1"


class _Sink:
    """Collects triples into one named graph, dropping exact repeats."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self.quads: list[Quad] = []
        self._seen: set[tuple] = set()

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal | None) -> None:
        if o is None:
            return
        key = (s, p, o)
        if key not in self._seen:
            self._seen.add(key)
            self.quads.append(Quad(s, p, o, self.graph))

    def text(self, s: NamedNode, p: NamedNode, value: str | None, lang: str | None = None) -> None:
        if value:
            self.add(s, p, Literal(value, language=lang) if lang else Literal(value))


def _decimal(value: float) -> Literal:
    """Canonical xsd:decimal lexical form ("0.9", "1515830.74"), so every store
    returns the same term."""
    text = format(Decimal(repr(value)).normalize(), "f")
    return Literal(text, datatype=xsd.decimal)


def _integer(value: int) -> Literal:
    return Literal(str(value), datatype=xsd.integer)


def _date(value: str | None) -> Literal | None:
    return Literal(value, datatype=xsd.date) if value else None


def source_quads(article: Article) -> list[Quad]:
    """The description of the source document itself."""
    sink = _Sink(iris.graph_iri(article.source_iri))
    _describe_source(sink, article)
    return sink.quads


def _describe_source(sink: _Sink, article: Article) -> NamedNode:
    src = NamedNode(article.source_iri)
    sink.add(src, T.RDF_TYPE, sk.SourceDocument)
    sink.add(src, T.RDF_TYPE, prov.Entity)
    sink.text(src, dcterms.title, article.title, article.lang)
    sink.text(src, dcterms.identifier, article.doc)
    sink.add(src, dcterms.language, Literal(article.lang) if article.lang else None)
    sink.add(src, dcterms.issued, _date(article.published))
    sink.add(src, dcterms["format"], Literal(article.media_type))
    sink.text(src, sk.contentHash, article.raw_hash)
    sink.text(src, sk.encoding, article.encoding)
    if article.url:
        sink.add(src, schema.url, Literal(article.url, datatype=xsd.anyURI))
    sink.text(src, sk.extractor, EXTRACTOR)
    return src


def _provenance(sink: _Sink, node: NamedNode, src: NamedNode, ev: Evidence | None) -> None:
    sink.add(node, prov.wasDerivedFrom, src)
    if ev is None:
        return
    sink.text(node, sk.sentence, ev.sentence)
    sink.add(node, oa.start, _integer(ev.start))
    sink.add(node, oa.end, _integer(ev.end))
    sink.text(node, sk.method, ev.method)
    sink.add(node, sk.confidence, _decimal(round(ev.confidence, 3)))
    if ev.quote:
        sink.text(node, oa.exact, ev.quote)


def _mentions(
    sink: _Sink, entity: NamedNode, src: NamedNode, evidence: Iterable[Evidence], article: Article
) -> None:
    for ev in evidence:
        mention = iris.fact_iri("mention", article.source_iri, ev.start, ev.end, entity.value)
        sink.add(mention, T.RDF_TYPE, sk.Mention)
        sink.add(mention, sk.mentionOf, entity)
        sink.text(mention, sk.surfaceForm, article.text[ev.start : ev.end] or ev.quote)
        _provenance(sink, mention, src, ev)


def _place(sink: _Sink, name: str | None, lang: str | None) -> NamedNode | None:
    if not name:
        return None
    place = iris.place_iri(name)
    sink.add(place, T.RDF_TYPE, schema.Place)
    sink.add(place, T.RDF_TYPE, sk.Municipality)
    sink.text(place, schema.name, name, lang)
    return place


def org_key(o: Organisation) -> str:
    """The identity key of an organisation: the extractor's lemma key when it has one."""
    return o.key or iris.normalise_key(o.type, o.place, o.name)  # the extractor's order: type|place|name


def org_iri_for(o: Organisation) -> NamedNode:
    return iris.organisation_iri(org_key(o), o.name)


def to_quads(article: Article, extraction: Extraction) -> list[Quad]:
    """Everything the article says, as quads in the article's own named graph."""
    sink = _Sink(iris.graph_iri(article.source_iri))
    lang = extraction.lang or article.lang
    src = _describe_source(sink, article)

    orgs: dict[str, NamedNode] = {}
    for o in extraction.organisations:
        node = orgs[o.id] = org_iri_for(o)
        sink.add(node, T.RDF_TYPE, org.Organization)
        if o.type in T.PUBLIC_ORG_TYPES:
            sink.add(node, T.RDF_TYPE, T.cpov.PublicOrganisation)
        sink.add(node, sk.orgType, T.org_type(o.type))
        sink.text(node, skos.prefLabel, o.name, lang)
        sink.text(node, rdfs.label, o.name, lang)
        for alias in o.aliases:
            if alias != o.name:
                sink.text(node, skos.altLabel, alias, lang)
        sink.text(node, sk.acronym, o.acronym)
        # Recorded so a merge of two sources into one node can be explained (and undone).
        sink.text(node, sk.resolutionKey, org_key(o))
        sink.add(node, schema.location, _place(sink, o.place, lang))
        sink.add(node, dcterms.source, src)
        _mentions(sink, node, src, o.evidence, article)
    for o in extraction.organisations:
        if o.part_of and o.part_of in orgs:
            unit, parent = orgs[o.id], orgs[o.part_of]
            sink.add(unit, T.RDF_TYPE, org.OrganizationalUnit)
            sink.add(unit, org.unitOf, parent)
            sink.add(parent, org.hasUnit, unit)

    people: dict[str, NamedNode] = {}
    for p in extraction.persons:
        node = people[p.id] = iris.person_iri(p.name)
        sink.add(node, T.RDF_TYPE, foaf.Person)
        sink.text(node, foaf.name, p.name)
        given, _, family = p.name.partition(" ")
        if family:
            sink.text(node, foaf.givenName, given)
            sink.text(node, foaf.familyName, family)
        sink.add(node, dcterms.source, src)
        _mentions(sink, node, src, p.evidence, article)
        for aff in p.affiliations:
            if aff.org not in orgs:
                continue
            target = orgs[aff.org]
            membership = iris.membership_iri(node, target, aff.role)
            sink.add(membership, T.RDF_TYPE, org.Membership)
            sink.add(membership, org.member, node)
            sink.add(membership, org.organization, target)
            sink.add(node, org.memberOf, target)
            if aff.role:
                role = iris.role_iri(aff.role, lang)
                sink.add(role, T.RDF_TYPE, org.Role)
                sink.text(role, skos.prefLabel, aff.role, lang)
                sink.add(membership, org.role, role)
                sink.text(membership, sk.roleLabel, aff.role, lang)
            _provenance(sink, membership, src, aff.evidence)

    events: dict[str, NamedNode] = {}
    for e in extraction.events:
        node = events[e.id] = iris.event_iri(e.name, e.date, e.place)
        sink.add(node, T.RDF_TYPE, schema.Event)
        sink.add(node, sk.eventType, T.event_type(e.type))
        sink.text(node, schema.name, e.name, lang)
        for alias in e.aliases:
            sink.text(node, schema.alternateName, alias, lang)
        sink.add(node, schema.startDate, _date(e.date))
        sink.add(node, schema.endDate, _date(e.end_date))
        sink.add(node, schema.location, _place(sink, e.place, lang))
        sink.text(node, sk.venueName, e.venue, lang)
        for oid in e.organisers:
            sink.add(node, schema.organizer, orgs.get(oid))
        for oid in e.participants:
            sink.add(node, schema.attendee, orgs.get(oid))
        for pid in e.speakers:
            sink.add(node, sk.speaker, people.get(pid))
        sink.add(node, dcterms.source, src)
        _mentions(sink, node, src, e.evidence, article)

    projects: dict[str, NamedNode] = {}
    for j in extraction.projects:
        node = projects[j.id] = iris.project_iri(j.name)
        sink.add(node, T.RDF_TYPE, schema.Project)
        sink.text(node, schema.name, j.name, lang)
        for alias in j.aliases:
            sink.text(node, schema.alternateName, alias, lang)
        for oid in j.leads:
            sink.add(node, sk.lead, orgs.get(oid))
        for oid in j.partners:
            sink.add(node, sk.partner, orgs.get(oid))
        for fund_name in j.funding:
            fund = iris.fund_iri(fund_name)
            sink.add(fund, T.RDF_TYPE, sk.Fund)
            sink.text(fund, schema.name, fund_name, lang)
            sink.add(node, sk.fundedBy, fund)
        if j.budget:
            budget = iris.fact_iri("budget", article.source_iri, node.value)
            sink.add(budget, T.RDF_TYPE, schema.MonetaryAmount)
            sink.add(budget, schema.value, _decimal(round(j.budget.amount, 2)))
            sink.text(budget, schema.currency, j.budget.currency)
            sink.add(budget, prov.wasDerivedFrom, src)
            sink.add(node, sk.budget, budget)
        sink.add(node, dcterms.source, src)
        _mentions(sink, node, src, j.evidence, article)

    for c in _ties(extraction):
        a, b = orgs.get(c.a), orgs.get(c.b)
        if a is None or b is None or a == b:
            continue
        coparticipation = c.basis == CO_PARTICIPATION
        kind, cls, shortcut = (
            ("coparticipation", sk.CoParticipation, sk.coParticipatesWith)
            if coparticipation
            else ("cooperation", sk.Cooperation, sk.cooperatesWith)
        )
        tie = iris.tie_iri(kind, a, b)
        sink.add(tie, T.RDF_TYPE, cls)
        sink.add(tie, sk.party, a)
        sink.add(tie, sk.party, b)
        sink.add(a, shortcut, b)
        sink.add(b, shortcut, a)
        start = c.provenance.start if c.provenance else 0
        evidence = iris.fact_iri("evidence", article.source_iri, tie.value, c.basis, start)
        sink.add(tie, sk.evidence, evidence)
        sink.add(evidence, T.RDF_TYPE, sk.Evidence)
        sink.add(evidence, sk.evidenceType, T.evidence_type(c.basis))
        sink.text(evidence, sk.quote, c.evidence, lang)
        sink.add(evidence, sk.throughProject, projects.get(c.project) if c.project else None)
        sink.add(evidence, sk.throughEvent, events.get(c.event) if c.event else None)
        sink.add(evidence, dcterms.date, _date(article.published))
        _provenance(sink, evidence, src, c.provenance)
    return sink.quads


def _ties(extraction: Extraction) -> Iterable[Cooperation]:
    """Stated ties, plus co-participation for bodies at the same event that the
    article does not otherwise tie together."""
    yield from extraction.cooperations
    tied = {frozenset((c.a, c.b)) for c in extraction.cooperations}
    for e in extraction.events:
        present = list(dict.fromkeys([*e.organisers, *e.participants]))
        for a, b in itertools.combinations(present, 2):
            if a in e.organisers and b in e.organisers:
                continue  # co-organisers: the extractor states that as cooperation
            pair = frozenset((a, b))
            if pair in tied or a == b:
                continue
            tied.add(pair)
            ev = e.evidence[0] if e.evidence else None
            yield Cooperation(
                a=a, b=b, basis=CO_PARTICIPATION, evidence=ev.sentence if ev else e.name,
                event=e.id, provenance=ev,
            )
