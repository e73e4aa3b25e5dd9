"""Synthetic Polish and Czech news about social services, with gold annotations.

    python -m bench.corpus --articles 1000 --seed 1 --out /tmp/corpus

writes `texts/NAME.txt` and `gold/NAME.json` (the GOLD_FORMAT.md shape, so
`socialkg evaluate DIR` runs on it) plus `manifest.json`. Article i depends only on
(seed, i), so a corpus is deterministic for its seed, is written one article at a
time (100,000 articles never sit in memory together), and its first N articles
are the same whatever the total.

The world behind the articles (`bench.universe`): about 7,000 organisations of all
16 types in 331 Polish and 95 Czech municipalities, their staff, projects with
funds and budgets; 18 Polish and 16 Czech templates (`bench.templates_pl`,
`bench.templates_cs`) turn a slice of it into an article: forum reports, signed
agreements, EFS project launches, coordination meetings, interviews, conferences,
appointments, odbor sociálních věcí bulletins, Charita projects ... Pages carry the
usual furniture (cookie banners, menus, share bars, readers' comments that name
bodies the gold rightly ignores).

`iter_docs` / `extractions` give the same articles as objects, and `write_nquads`
turns them into the graph's quads through `graph/build.to_quads` without running
the NLP: that is how the benchmark makes 1M and 10M triples quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import templates_cs, templates_pl
from .doc import Doc, _vocalise
from .scene import CS_MONTHS, PL_MONTHS, Scene
from .universe import Universe

TEMPLATES = {**templates_pl.TEMPLATES, **templates_cs.TEMPLATES}
PL_SHARE = 0.7  # Polish articles; the rest are Czech
_WEIGHT = {"pl-brief": 0.4, "cs-brief": 0.4, "pl-congress": 0.5, "pl-kis": 0.7}

PL_COOKIES = ("Ta strona korzysta z plików cookies. Dalsze korzystanie z serwisu oznacza zgodę na ich użycie. [Zamknij]",
              "Używamy ciasteczek, aby ułatwić korzystanie z serwisu. Akceptuję | Ustawienia")
PL_MENUS = ("Wiadomości | Region | Sport | Kultura | Ogłoszenia | Kontakt",
            "Strona główna | Aktualności | Pomoc społeczna | Projekty | BIP | Kontakt")
CS_COOKIES = ("Tento web používá soubory cookies. Pokračováním v prohlížení souhlasíte s jejich použitím. [OK]",)
CS_MENUS = ("Zprávy | Region | Sport | Kultura | Inzerce | Kontakt", "Úvod | Aktuality | Úřad | Sociální služby | Kontakty")


# Background paragraphs: context that names no specific body (generic mentions are not organisations).
PL_BACKGROUND = (
    "Z danych za ubiegły rok wynika, że z pomocy społecznej w powiecie korzystało kilka tysięcy osób.",
    "Najczęstszymi powodami przyznania pomocy pozostają ubóstwo, niepełnosprawność i długotrwała choroba.",
    "Coraz więcej zgłoszeń dotyczy osób starszych, które mieszkają same.",
    "Rośnie też liczba rodzin, które potrzebują wsparcia asystenta rodziny.",
    "Pracownicy socjalni od lat zwracają uwagę na zbyt dużą liczbę spraw przypadających na jedną osobę.",
    "W regionie brakuje miejsc w mieszkaniach chronionych i wspomaganych.",
    "Samorządy coraz chętniej zlecają zadania organizacjom pozarządowym.",
    "Szkoły i przedszkola sygnalizują, że dzieci częściej potrzebują pomocy psychologicznej.",
    "Organizacje pozarządowe przypominają, że wolontariuszy wciąż jest za mało.",
    "Eksperci podkreślają, że usługi powinny być świadczone jak najbliżej miejsca zamieszkania.",
    "W wielu gminach wciąż nie ma dziennych domów dla seniorów.",
    "Wnioski o świadczenia można składać także przez internet.",
    "Od kilku lat rośnie liczba osób korzystających z usług opiekuńczych w domu.",
    "Ważną rolę odgrywają też sąsiedzi i rodzina, którzy jako pierwsi widzą, że ktoś potrzebuje pomocy.",
    "Według zapowiedzi podobne działania mają być kontynuowane w kolejnych latach.",
    "Dużym wyzwaniem pozostaje dotarcie z informacją do osób, które same nie proszą o pomoc.",
    "Na terenie miasta działa kilkanaście organizacji zajmujących się pomocą osobom potrzebującym.",
    "Problem samotności dotyczy nie tylko seniorów, ale także młodych ludzi.",
    "Kolejka oczekujących na miejsce w domu pomocy społecznej wydłuża się z roku na rok.",
    "Przepisy nakładają na gminy obowiązek opracowania strategii rozwiązywania problemów społecznych.",
)
CS_BACKGROUND = (
    "Podle údajů za loňský rok využilo sociální služby v regionu několik tisíc lidí.",
    "Nejčastěji se na úřad obracejí senioři a rodiny s dětmi.",
    "Poptávka po pečovatelské službě každým rokem roste.",
    "Obce v regionu dlouhodobě upozorňují na nedostatek míst v domovech pro seniory.",
    "Sociální pracovníci se potýkají s velkým množstvím administrativy.",
    "Neziskové organizace hledají nové dobrovolníky.",
    "Dluhové poradenství patří k nejžádanějším službám.",
    "Školy a školky hlásí, že dětí s potřebou podpory přibývá.",
    "Odborníci zdůrazňují, že služby mají být lidem co nejblíže.",
    "Žádosti o dávky lze podávat i elektronicky.",
    "Velkým tématem zůstává dostupné bydlení.",
    "Důležitou roli hraje i pomoc sousedů a rodiny.",
    "Podobné aktivity by měly pokračovat i v dalších letech.",
    "Osamělost se netýká jen seniorů, ale i mladých lidí.",
    "Katalog sociálních služeb je k dispozici na podatelně i na webu.",
)


@lru_cache(maxsize=4)
def universe(seed: int) -> Universe:
    return Universe(seed)


def _town(rng: random.Random, u: Universe, lang: str):  # type: ignore[no-untyped-def]
    places = u.places[lang]
    weights = [8 if p.seat else (4 if p.adj else 1) for p in places]
    return rng.choices(places, weights)[0]


def make_doc(seed: int, index: int) -> Doc:
    """Article number `index` of the corpus for `seed` (depends on nothing else)."""
    u = universe(seed)
    rng = random.Random(f"article:{seed}:{index}")
    lang = "pl" if rng.random() < PL_SHARE else "cs"
    names = [n for n in TEMPLATES if n.startswith(lang)]
    name = rng.choices(names, [_WEIGHT.get(n, 1.0) for n in names])[0]
    doc = Doc(f"syn_{lang}_{index:06d}", lang, rng)
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 9))
    town = _town(rng, u, lang)
    scene = Scene(u, doc, town, published)
    doc.template = name  # type: ignore[attr-defined]
    _header(doc, rng, lang, published, town.nom)
    TEMPLATES[name](scene)
    pool = PL_BACKGROUND if lang == "pl" else CS_BACKGROUND
    doc.para()
    for sentence in rng.sample(pool, rng.randint(2, 6)):
        doc.say(sentence)
    if doc.published is None:
        _undate(doc)
    _footer(doc, rng, lang, u, town.nom)
    return doc


def _header(doc: Doc, rng: random.Random, lang: str, published: dt.date, town: str) -> None:
    if rng.random() < 0.3:
        doc.raw(rng.choice(PL_COOKIES if lang == "pl" else CS_COOKIES) + "\n")
    if rng.random() < 0.4:
        doc.raw(rng.choice(PL_MENUS if lang == "pl" else CS_MENUS) + "\n\n")
    style = rng.random()
    if style < 0.15:
        doc.published = None  # the page gives no date
        return
    doc.published = published.isoformat()
    if lang == "pl":
        line = rng.choice((f"{town}, {published:%d.%m.%Y}", f"Data publikacji: {published.day} "
                           f"{PL_MONTHS[published.month - 1]} {published.year}", f"{published:%d.%m.%Y} 10:{rng.randint(10, 59)}"))
    else:
        line = rng.choice((f"{published.day}. {CS_MONTHS[published.month - 1]} {published.year}",
                           f"Publikováno: {published.day}. {published.month}. {published.year}"))
    doc.raw(line + "\n\n")


def _undate(doc: Doc) -> None:
    """Without a page date, a date written without its year has no year to take (GOLD_FORMAT.md)."""
    for e in doc.events:
        if e.name in ("Dzień Pracownika Socjalnego",):
            e.date = None


def _footer(doc: Doc, rng: random.Random, lang: str, u: Universe, town: str) -> None:
    doc.raw("\n\n")
    if rng.random() < 0.5:
        doc.raw("Udostępnij: Facebook | X | E-mail     Drukuj\n" if lang == "pl" else "Sdílet: Facebook | X | E-mail\n")
    if rng.random() < 0.15:
        # a reader's comment naming a body: page furniture, so not in the gold
        others = [o for o in u.by_place.get((lang, town), []) if o.uid not in doc.orgs]
        if others:
            o = rng.choice(others)
            if lang == "pl":
                z = _vocalise(" z ", o.gen, "pl")
                doc.raw(f"\nKomentarze (1)\n~Basia: Szkoda, że nikt nie pomyślał o ludziach{z}{o.gen}.\n")
            else:
                doc.raw(f"\nKomentáře (1)\nPetr: A co na to {o.nom}?\n")


def iter_docs(seed: int, count: int, start: int = 0) -> Iterator[Doc]:
    for i in range(start, start + count):
        yield make_doc(seed, i)


def write_corpus(out: Path, articles: int, seed: int, *, progress: bool = False) -> dict[str, Any]:
    """Write texts/ and gold/ under `out`, one article at a time; returns the manifest."""
    texts, gold = out / "texts", out / "gold"
    texts.mkdir(parents=True, exist_ok=True)
    gold.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    words = chars = 0
    started = time.perf_counter()
    for i, doc in enumerate(iter_docs(seed, articles)):
        text = doc.text
        (texts / f"{doc.doc_id}.txt").write_text(text, encoding="utf-8")
        (gold / f"{doc.doc_id}.json").write_text(json.dumps(doc.gold(), ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
        counts[doc.template] += 1  # type: ignore[attr-defined]
        words += len(text.split())
        chars += len(text)
        if progress and (i + 1) % 1000 == 0:
            print(f"  {i + 1} articles", file=sys.stderr)
    manifest = {"seed": seed, "articles": articles, "words": words, "chars": chars,
                "templates": dict(sorted(counts.items())), "seconds": round(time.perf_counter() - started, 2)}
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def article_for(doc: Doc, seed: int):  # type: ignore[no-untyped-def]
    """A `model.Article` for a synthetic document (as `read_article` would give for its file)."""
    from socialkg.model import Article

    text = doc.text
    source = f"file:///synthetic/seed-{seed}/texts/{doc.doc_id}.txt"
    return Article(path=source, source_iri=source, doc=doc.doc_id, text=text,
                   raw_hash="sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   title=doc.sentences[0][2] if doc.sentences else None, published=doc.published, lang=doc.lang)


def write_nquads(path: Path, triples: int, seed: int, *, start: int = 0) -> dict[str, int]:
    """N-Quads for at least `triples` quads (whole documents), built with `graph/build.to_quads`."""
    import pyoxigraph as ox

    from socialkg.graph.build import to_quads

    total = docs = 0
    with path.open("wb") as f:
        i = start
        while total < triples:
            doc = make_doc(seed, i)
            quads = to_quads(article_for(doc, seed), doc.extraction())
            f.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            total += len(quads)
            docs += 1
            i += 1
    return {"quads": total, "documents": docs}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True, help="how many articles (100 to 100000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="folder to write texts/, gold/, manifest.json into")
    ap.add_argument("--nquads", type=int, metavar="TRIPLES",
                    help="instead: write OUT as an N-Quads file of at least this many triples")
    args = ap.parse_args(argv)
    if args.nquads:
        info = write_nquads(args.out, args.nquads, args.seed)
        print(json.dumps(info))
        return 0
    if args.articles < 1:
        ap.error("--articles must be at least 1")
    manifest = write_corpus(args.out, args.articles, args.seed, progress=args.articles >= 5000)
    print(json.dumps({k: v for k, v in manifest.items() if k != "templates"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
