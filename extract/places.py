"""Countries, demonyms, capitals, cities and regions in a text, with ISO 3166 alpha-3 codes.

Knowledge: countries.tsv (names, adjectives; pycountry adds official names), places.tsv (capitals, seats of
government, cities, regions); whether a country or capital acts comes from the cue words of extract.lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import pycountry

from extract import knowledge
from extract.lexicon import (
    HYPHENS,
    Gazetteer,
    Token,
    cues,
    given_names,
    is_capitalised,
    is_possessive,
    is_verb,
    is_word,
    joined,
    org_heads,
    stopwords,
    title_words,
    tokenize,
    verb_after,
)
from extract.model import Mention

# ---------------------------------------------------------------- the gazetteer of places


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: what a place name stands for."""

    name: str  # canonical display name ("Russia", "Kyiv", "Middle East")
    kind: str  # country | adjective | prefix | capital | seat | city | region | region-adj
    countries: tuple[str, ...]
    acts_as: str = ""  # an organisation a capital stands for when it acts (Brussels: European Union)


_KIND_RANK = {"country": 0, "adjective": 1, "capital": 2, "seat": 3, "city": 4, "region": 5, "region-adj": 6}


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _plural(word: str) -> str | None:
    """The regular plural of a demonym (Afghans, Iraqis, South Africans), or None when it has none (Chinese,
    British)."""
    if word.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    return word + "s"


@cache
def _countries() -> dict[str, tuple[str, list[str], list[str]]]:
    """ISO3 -> (display name, names, adjectives) from countries.tsv."""
    out = {}
    for row in knowledge.table("countries.tsv", width=4):
        out[row[0]] = (row[1], _split(row[2]), _split(row[3]))
    return out


def _pycountry_names(code: str) -> list[str]:
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return []
    return [n for n in (getattr(found, a, None) for a in ("name", "common_name", "official_name")) if n]


@cache
def gazetteer() -> Gazetteer:
    """All place names: countries (with pycountry's names), adjectives, capitals, seats, cities, regions."""
    gaz = Gazetteer()
    entries: list[tuple[str, Place]] = []
    for code, (display, names, adjectives) in _countries().items():
        country = Place(display, "country", (code,))
        for name in [display, *names]:
            entries.append((name, country))
        adjective = Place(display, "adjective", (code,))
        for adj in adjectives:
            if adj.endswith("-"):
                entries.append((adj[:-1], Place(display, "prefix", (code,))))
                continue
            entries.append((adj, adjective))
            plural = _plural(adj)
            if plural:
                entries.append((plural, adjective))
    for row in knowledge.table("places.tsv", width=5):
        name, codes, kind, others, acts_as = row[:5]
        place = Place(name, kind, tuple(_split(codes)), acts_as)
        for alias in [name, *_split(others)]:
            entries.append((alias, place))
    entries.sort(key=lambda e: _KIND_RANK.get(e[1].kind, 9))
    for surface, place in entries:
        gaz.add(surface, place)
    # pycountry's names last: our names win where they differ (bare "Congo" is DR Congo in the news)
    for code, (display, _, _) in _countries().items():
        for name in _pycountry_names(code):
            if name not in gaz:
                gaz.add(name, Place(display, "country", (code,)))
    return gaz


def country_name(iso3: str) -> str:
    """A short display name for an ISO 3166 alpha-3 code ("RUS" -> "Russia"); the code itself if unknown."""
    code = (iso3 or "").strip().upper()
    known = _countries().get(code)
    if known:
        return known[0]
    found = pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    if found is None:
        return iso3
    return getattr(found, "common_name", None) or found.name


# ---------------------------------------------------------------- party or place


def _previous_word(tokens: list[Token], i: int) -> int:
    """Index of the word before token i, skipping place modifiers ("the", "neighboring", "war-torn")."""
    modifiers = cues()["place_modifier"]
    suffixes = tuple(cues()["place_modifier_ending"])
    k = i - 1
    while k >= 0:
        low = tokens[k].low
        if low in modifiers or low.endswith(suffixes):
            k -= 1
        elif (
            k >= 2
            and tokens[k - 1].text in HYPHENS
            and tokens[k].text[0].islower()
            and tokens[k - 2].text[0].islower()
        ):
            k -= 3  # a hyphenated adjective: "war-torn"
        else:
            break
    return k


def party_before(tokens: list[Token], i: int, need_relation: bool = False) -> bool | None:
    """What the words before token i say: True (a party: "with", "against", a verb's object), False (a place:
    "in", "near", "border with"), None (nothing). With need_relation, "with"/"between" count only after a
    relation noun ("talks with")."""
    c = cues()
    k = _previous_word(tokens, i)
    if k < 0:
        return None
    low = tokens[k].low
    if low in c["pairing"]:
        m = k - 1
        while m >= 0 and tokens[m].low in c["place_modifier"] | c["definite"]:
            m -= 1
        before = tokens[m].low if m >= 0 else ""
        if before in c["location_noun"]:
            return False
        if need_relation:
            return before in c["relation_noun"]
        return True
    if low in c["locative"]:
        return False
    if need_relation:
        return None
    if low in c["party"]:
        return True
    if low in c["travel_verb"]:
        return False
    if is_verb(tokens[k]) and low not in c["auxiliary"]:
        return True
    return None


# ---------------------------------------------------------------- place hits


@dataclass
class PlaceHit:
    """Tokens [i, j) that name places; compounds ("Tajik-Afghan") join several."""

    i: int
    j: int
    places: list[Place]
    compound: bool = False
    past: bool = False  # "ex-Soviet": the place is history, it names no country now

    @property
    def countries(self) -> tuple[str, ...]:
        if self.past:
            return ()
        out: list[str] = []
        for p in self.places:
            out.extend(c for c in p.countries if c not in out)
        return tuple(out)


def _unknown_capitalised(token: Token) -> bool:
    """A capitalised word that is no place, title, organisation head or stopword: part of some other name."""
    if not is_word(token) or not is_capitalised(token) or token.low in stopwords():
        return False
    if token.low in title_words() or token.text in org_heads():
        return False
    return not gazetteer().starts_name(token.low)


def _glued_to_name(tokens: list[Token], i: int, j: int, places: list[Place]) -> bool:
    """True when a one-word place is part of a person's name ("Michael Jordan", "Chad Smith")."""
    if j - i != 1 or places[0].kind in ("adjective", "prefix", "region-adj", "seat"):
        return False
    if tokens[i].text.isupper() or "." in tokens[i].text:  # "U.S.", "UK": never part of a person's name
        return False
    before = tokens[i - 1] if i > 0 and tokens[i - 1].end + 1 == tokens[i].start else None
    after = tokens[j] if j < len(tokens) and tokens[j - 1].end + 1 == tokens[j].start else None
    if before is not None and before.text in given_names() and is_capitalised(before):
        return True  # "Michael Jordan", "Lloyd Austin"
    # "Jordan Peterson", "Chad Smith": a place that is also a given name, then an unknown capitalised word
    return after is not None and tokens[i].text in given_names() and _unknown_capitalised(after)


def _choose(places: list[Place], tokens: list[Token], i: int, hits: list[PlaceHit]) -> list[Place]:
    """One reading of an ambiguous name: "Atlanta, Georgia" takes the reading in the country of Atlanta."""
    if len(places) == 1:
        return places
    if hits and i >= 2 and tokens[i - 1].text == "," and hits[-1].j == i - 1:
        previous = set(hits[-1].countries)
        for p in places:
            if previous & set(p.countries):
                return [p]
    return [places[0]]


def place_hits(text: str, tokens: list[Token]) -> list[PlaceHit]:
    """Place names in token order, compounds joined ("Russian-Uzbek", "U.S.-led", "ex-Soviet")."""
    gaz = gazetteer()
    hits: list[PlaceHit] = []
    i = 0
    n = len(tokens)
    while i < n:
        found = gaz.match(text, tokens, i) if is_word(tokens[i]) else None
        if not found:
            i += 1
            continue
        length, places = found
        j = i + length
        followed_by_hyphen = j < n and tokens[j].text in HYPHENS and joined(tokens, j - 1, j)
        prefixes = [p for p in places if p.kind == "prefix"]
        places = [p for p in places if p.kind != "prefix"]
        if prefixes and (followed_by_hyphen or not places):
            places = prefixes if followed_by_hyphen else []
        if not places or _glued_to_name(tokens, i, j, places):
            i = j
            continue
        hits.append(PlaceHit(i, j, _choose(places, tokens, i, hits)))
        i = j
    return _compounds(tokens, hits)


def _compounds(tokens: list[Token], hits: list[PlaceHit]) -> list[PlaceHit]:
    """Join hyphenated place compounds and extend places with hyphenated prefixes and suffixes."""
    c = cues()
    out: list[PlaceHit] = []
    n = len(tokens)
    for hit in hits:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.j + 1 == hit.i
            and tokens[prev.j].text in HYPHENS
            and joined(tokens, prev.j - 1, prev.j)
            and joined(tokens, prev.j, hit.i)
        ):
            prev.j = hit.j
            prev.places.extend(hit.places)
            prev.compound = True
            continue
        hit = PlaceHit(hit.i, hit.j, list(hit.places), any(p.kind == "prefix" for p in hit.places))
        # prefix before a hyphen: "pro-Russian", "ex-Soviet"
        if (
            hit.i >= 2
            and tokens[hit.i - 1].text in HYPHENS
            and joined(tokens, hit.i - 2, hit.i - 1)
            and joined(tokens, hit.i - 1, hit.i)
            and tokens[hit.i - 2].text[0].islower()
        ):
            low = tokens[hit.i - 2].low
            if low in c["prefix"] or low in c["past_prefix"]:
                hit.i -= 2
                hit.compound = True
                hit.past = low in c["past_prefix"]
        out.append(hit)
    for hit in out:
        # lowercase suffix after a hyphen: "U.S.-led", "Moscow-based"
        j = hit.j
        if (
            j + 1 < n
            and tokens[j].text in HYPHENS
            and joined(tokens, j - 1, j)
            and joined(tokens, j, j + 1)
            and tokens[j + 1].text[0].islower()
        ):
            hit.j = j + 2
            hit.compound = True
    return out


def _between(tokens: list[Token], a: PlaceHit, b: PlaceHit) -> list[str]:
    """The words between two hits, "the" left out."""
    return [t.low for t in tokens[a.j : b.i] if t.low != "the"]


def _lists(tokens: list[Token], hits: list[PlaceHit]) -> list[list[PlaceHit]]:
    """Hits grouped into coordinated lists ("Tajikistan and Uzbekistan", "Russia, China and Iran")."""
    groups: list[list[PlaceHit]] = []
    for hit in hits:
        if groups and _between(tokens, groups[-1][-1], hit) in (
            ["and"],
            ["or"],
            [","],
            [",", "and"],
            [",", "or"],
        ):
            groups[-1].append(hit)
        else:
            groups.append([hit])
    out = []
    for group in groups:  # a comma-only chain is no list ("in Tajikistan, Russia said")
        while len(group) > 1 and _between(tokens, group[-2], group[-1]) == [","]:
            out.append([group.pop()])
        out.append(group)
    out.sort(key=lambda g: g[0].i)
    return out


def _mention(
    text: str, tokens: list[Token], hit: PlaceHit, kind: str, name: str, actor: bool, countries=None
) -> Mention:
    a, b = tokens[hit.i].start, tokens[hit.j - 1].end
    return Mention(a, b, text[a:b], kind, name, hit.countries if countries is None else countries, actor)


def place_mentions(text: str, tokens: list[Token], hits: list[PlaceHit]) -> list[Mention]:
    """Mentions for place hits: COUNTRY (an actor when it acts or is a party), GOVERNMENT (a capital or seat
    acting, a demonym with "government"/"forces"), ORGANIZATION (a capital standing for one), PLACE."""
    c = cues()
    out: list[Mention] = []
    for group in _lists(tokens, hits):
        first, last = group[0], group[-1]
        possessive_end = last.j < len(tokens) and is_possessive(tokens[last.j])
        subject, passive = verb_after(tokens, last.j)
        for hit in group:
            place = hit.places[0]
            if hit.compound or hit.past:
                name = text[tokens[hit.i].start : tokens[hit.j - 1].end]
                out.append(_mention(text, tokens, hit, "PLACE", name, False))
                continue
            if place.kind == "country":
                actor = (
                    subject
                    or (hit is last and possessive_end)
                    or (hit is not last and hit.j < len(tokens) and is_possessive(tokens[hit.j]))
                )
                before = party_before(tokens, first.i)  # "in Russia" is a place even before a verb
                if before is not None:
                    actor = before
                out.append(_mention(text, tokens, hit, "COUNTRY", place.name, bool(actor)))
            elif place.kind in ("capital", "seat"):
                own_possessive = hit.j < len(tokens) and is_possessive(tokens[hit.j])
                acting = (
                    (subject and not passive)
                    or own_possessive
                    or bool(party_before(tokens, first.i, need_relation=True))
                )
                if place.kind == "seat" and party_before(tokens, hit.i) is not False:
                    acting = True
                if acting and place.acts_as:  # "Brussels has warned": the European Union, no one country
                    out.append(_mention(text, tokens, hit, "ORGANIZATION", place.acts_as, True, countries=()))
                elif acting:
                    out.append(
                        _mention(text, tokens, hit, "GOVERNMENT", country_name(place.countries[0]), True)
                    )
                else:
                    out.append(_mention(text, tokens, hit, "PLACE", place.name, False))
            elif (
                place.kind == "adjective"
                and hit.j < len(tokens)
                and tokens[hit.j].low in c["state_noun"]
                and tokens[hit.j].text[0].islower()
            ):
                state = PlaceHit(hit.i, hit.j + 1, hit.places)
                out.append(_mention(text, tokens, state, "GOVERNMENT", place.name, True))
            else:
                out.append(_mention(text, tokens, hit, "PLACE", place.name, False))
    return out


def find_places(text: str) -> list[Mention]:
    """Country, demonym, capital, city and region mentions of `text`, in order, with ISO3 codes."""
    tokens = tokenize(text)
    return place_mentions(text, tokens, place_hits(text, tokens))
