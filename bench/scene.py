"""What a template needs to write one article: the town, the organisations to talk about,
dates, money, and grammar helpers (gendered verbs, Polish "z/ze", Czech "s/se")."""

from __future__ import annotations

import datetime as dt
import random

from .doc import Doc
from .universe import Org, Person, Place, Universe

PL_MONTHS = ("stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września",
             "października", "listopada", "grudnia")
CS_MONTHS = ("ledna", "února", "března", "dubna", "května", "června", "července", "srpna", "září", "října",
             "listopadu", "prosince")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


class Scene:
    def __init__(self, universe: Universe, doc: Doc, town: Place, published: dt.date) -> None:
        self.u = universe
        self.doc = doc
        self.rng = doc.rng
        self.town = town
        self.lang = town.lang
        self.published = published
        self.used: set[str] = set()

    # -- organisations
    def pick(self, *types: str, prefix: str | tuple[str, ...] | None = None, local: bool = True,
             town: Place | None = None) -> Org:
        """An organisation of one of `types` (name starting with `prefix`), in the town if
        there is one, else elsewhere in the region, else anywhere; never one already used."""
        prefixes = (prefix,) if isinstance(prefix, str) else prefix
        town = town or self.town

        def ok(o: Org) -> bool:
            return (o.uid not in self.used and (not types or o.type in types)
                    and (prefixes is None or o.nom.startswith(prefixes)))

        pools = (
            lambda: self.u.by_place.get((self.lang, town.nom), []) if local else [],
            lambda: self.u.by_region.get((self.lang, town.region), []),
            lambda: self.u.national[self.lang],
            lambda: self.u.by_lang[self.lang],
        )
        for get in pools:
            pool = get()
            found = [o for o in pool if ok(o)]
            if found:
                o = self.rng.choice(found)
                self.used.add(o.uid)
                return o
        raise LookupError(f"no organisation of type {types} / {prefix} in the universe")

    def maybe(self, p: float, *types: str, **kw: object) -> Org | None:
        return self.pick(*types, **kw) if self.rng.random() < p else None  # type: ignore[arg-type]

    def staff(self, org: Org, index: int = 0) -> Person:
        return self.u.staff(org)[index]

    def move_to(self, org: Org) -> None:
        """Set the article in the organisation's town (for templates that start from a body)."""
        if org.place is not None:
            self.town = org.place
        self.used.add(org.uid)

    def two_day(self, days_before: int = 10) -> dt.date:
        """The first day of a two-day event that ends by the publication date, within one month."""
        day = self.date_near(days_before) - dt.timedelta(days=1)
        if (day + dt.timedelta(days=1)).month != day.month:
            day -= dt.timedelta(days=1)
        return day

    # -- grammar
    @staticmethod
    def g(person: Person, masc: str, fem: str) -> str:
        return fem if person.female else masc

    # -- dates and money
    def date_near(self, days_before: int = 20, days_after: int = 0) -> dt.date:
        return self.published + dt.timedelta(days=self.rng.randint(-days_before, days_after))

    def date_text(self, d: dt.date, *, year: bool = True) -> str:
        if self.lang == "pl":
            return f"{d.day} {PL_MONTHS[d.month - 1]}" + (f" {d.year} r." if year else "")
        return f"{d.day}. {CS_MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")

    def money(self, low: float, high: float) -> tuple[float, str]:
        """(amount, text): "1 515 830,74 zł" / "12 456 000 Kč" / "2,3 mln zł"."""
        amount = round(self.rng.uniform(low, high), 2)
        if self.rng.random() < 0.3 and amount >= 1_000_000:
            amount = round(amount / 100_000) * 100_000
            millions = f"{amount / 1_000_000:.1f}".replace(".", ",")
            unit = "mln zł" if self.lang == "pl" else "mil. Kč"
            return float(amount), f"{millions} {unit}"
        if self.lang == "cs":
            amount = float(round(amount / 1000) * 1000)
        whole, cents = f"{amount:,.2f}".split(".")
        whole = whole.replace(",", "\u00a0")
        if self.lang == "pl":
            return amount, f"{whole},{cents} zł"
        return amount, f"{whole} Kč"

    def roman(self, high: int = 12) -> str:
        return ROMAN[self.rng.randint(0, high - 1)]

    def choice(self, options):  # type: ignore[no-untyped-def]
        return self.rng.choice(options)

    def fill(self, pool: tuple[str, ...], k: int = 1) -> None:
        """Filler sentences that mention nothing the gold annotates."""
        for sentence in self.rng.sample(pool, min(k, len(pool))):
            self.doc.say(sentence.replace("{", "(").replace("}", ")"))
