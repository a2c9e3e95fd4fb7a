"""Actors and places of an article: people, organisations, armed groups, governments, countries and places,
each with a canonical name for the whole article ("Putin" is "Vladimir Putin", "he said" is the last person).

Knowledge: organizations.tsv and person_roles.tsv, plus the word lists of extract.lexicon (titles,
organisation heads, given names, cue words, verbs) and the place gazetteer of extract.places.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from extract import knowledge, places
from extract.lexicon import (
    DASHES,
    HYPHENS,
    Gazetteer,
    cues,
    given_names,
    is_capitalised,
    is_possessive,
    is_word,
    joined,
    org_heads,
    skip_adverbs,
    stopwords,
    title_words,
    tokenize,
    verb_after,
    verbs,
)
from extract.model import Mention, Sentence
from extract.sentences import split as split_sentences

NAME_PARTICLES = cues()["name_particle"]
RUN_CONNECTORS = cues()["name_connector"]
HEAD_LINKS = cues()["head_link"]  # "of", "for": "Bank of Russia", "Secretary of State"
PLATFORMS, PLATFORM_LINKS = cues()["platform"], cues()["platform_link"]  # "said on Twitter": a medium
WINDOW = 3  # sentences looked at, each way, to name a described person ("a senior diplomat said ...")
PRONOUN_WINDOW = 5  # sentences looked back for the person a pronoun stands for


@dataclass(frozen=True)
class Org:
    """A known organisation or armed group."""

    name: str
    kind: str  # ORGANIZATION | GROUP
    countries: tuple[str, ...]


@cache
def organizations() -> Gazetteer:
    """Names and aliases of known organisations and armed groups (organizations.tsv)."""
    gaz = Gazetteer()
    for row in knowledge.table("organizations.tsv", width=4):
        org = Org(row[0], row[1], tuple(c for c in row[2].split(";") if c.strip()))
        for name in [row[0], *row[3].split(";")]:
            if name.strip():
                gaz.add(name, org)
    return gaz


@cache
def roles() -> dict[str, frozenset[str]]:
    """Role noun -> title words a described person may carry (person_roles.tsv)."""
    return {row[0]: frozenset(row[1].split(";")) for row in knowledge.table("person_roles.tsv")}


@dataclass
class Person:
    """One person of the article, named in one or more mentions."""

    words: tuple[str, ...]  # the fullest name seen
    titles: set[str] = field(default_factory=set)
    gender: str = "-"
    countries: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return " ".join(self.words)

    def add(self, titles: set[str], gender: str, countries: tuple[str, ...]) -> None:
        self.titles |= titles
        if self.gender == "-":
            self.gender = gender
        self.countries.extend(c for c in countries if c not in self.countries)


@dataclass
class PersonMention:
    """Tokens [i, j) that refer to a person: a name, a description or a pronoun."""

    i: int
    j: int
    words: tuple[str, ...]  # the name as written (empty for descriptions and pronouns)
    titles: set[str]
    gender: str
    countries: tuple[str, ...]
    sentence: int
    person: Person | None = None
    named: bool = True  # False for descriptions and pronouns
    left: int = -1  # a description's first token, determiner and possessor included


@dataclass
class Named:
    """Tokens [i, j) naming an organisation, group or facility."""

    i: int
    j: int
    kind: str
    name: str
    countries: tuple[str, ...]
    stated: bool = False  # its countries come from a place named in it ("Russian Defense Ministry")


class _Article:
    """The state of one `find` call: tokens, sentences, and what has been recognised so far."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.tokens = tokenize(text)
        starts = [s.start for s in sentences]
        self.sentence = [max(0, bisect_right(starts, t.start) - 1) for t in self.tokens]
        self.hits = places.place_hits(text, self.tokens)
        self.hit_at: dict[int, places.PlaceHit] = {}
        self.hit_ending: dict[int, places.PlaceHit] = {}
        for hit in self.hits:
            self.hit_ending[hit.j] = hit
            for k in range(hit.i, hit.j):
                self.hit_at[k] = hit
        self.named: list[Named] = []
        self.named_ending: dict[int, Named] = {}
        self.people: list[PersonMention] = []
        self.unknown: list[tuple[int, int]] = []  # capitalised words that may be aliases of a person
        self.acronyms: dict[str, Named] = {}  # short names of organisations: "(CSTO)", "NPD" of "NPD Group"

    # ------------------------------------------------------------ scanning names

    def scan(self) -> None:
        """Left to right: organisations, titled and untitled people; places are left to extract.places."""
        tokens, n = self.tokens, len(self.tokens)
        orgs = organizations()
        i = 0
        while i < n:
            t = tokens[i]
            if not is_word(t) or not (is_capitalised(t) or orgs.starts_name(t.low)):
                i += 1
                continue
            org = orgs.match(self.text, tokens, i)
            hit = self.hit_at.get(i)
            place_end = hit.j if hit is not None else i
            if t.low in stopwords() and not org and hit is None:
                i += 1
                continue
            if not is_capitalised(t):  # a lowercase start: only a known name ("al-Qaeda")
                if org:
                    i = self._emit_org(i, i + org[0], org[1][0])
                else:
                    i += 1
                continue
            run_end = self._run(i)
            head = self._head(i, run_end)
            org_len = org[0] if org else 0
            head_len = head[0] - i if head else 0
            if (
                org_len
                and head_len > org_len
                and all(tokens[k].text in org_heads() for k in range(i + org_len, head[0]))
            ):
                i = self._emit_org(i, head[0], org[1][0])  # "Walt Disney Company" is Walt Disney
            elif org_len and org_len >= max(place_end - i, head_len):
                i = self._emit_org(i, i + org_len, org[1][0])
            elif head_len and head_len > place_end - i:
                i = self._emit_headed(i, head[0], head[1])
            elif hit is not None:
                i = hit.j
            else:
                i = self._person_or_unknown(i, run_end)

    def _same_sentence(self, i: int, j: int) -> bool:
        return self.sentence[i] == self.sentence[j]

    def _run(self, i: int) -> int:
        """End of the run of capitalised words from i ("Deputy Foreign Minister Andrei Rudenko")."""
        tokens, n = self.tokens, len(self.tokens)
        j = i + 1
        while j < n and self._same_sentence(i, j):
            t = tokens[j]
            if is_word(t) and is_capitalised(t) and t.low not in stopwords():
                j += 1
            elif self._particle(j) or (
                t.text in HYPHENS
                and j + 2 < n
                and joined(tokens, j - 1, j)
                and tokens[j + 1].low in NAME_PARTICLES
                and self._particle(j + 1)
            ):
                j = self._particle(j) or self._particle(j + 1)  # "Jean-Pierre", "Rostov-on-Don", "al-Burhan"
            elif t.low == "and" and (end := self._and_joins(i, j)):
                j = end  # "Peace and Security Council", "Food and Agriculture Organization"
            elif t.low in RUN_CONNECTORS and j + 1 < n and self._same_sentence(i, j + 1):
                k = j + 2 if tokens[j + 1].low == "the" and j + 2 < n else j + 1
                if is_word(tokens[k]) and is_capitalised(tokens[k]) and tokens[k].low not in stopwords():
                    j = k + 1
                else:
                    break
            else:
                break
        return j

    def _and_joins(self, i: int, j: int) -> int:
        """End of an organisation's name that "and" at j joins to the words from i, else 0.

        The words after "and" must end in an organisation head, those before must be neither a head nor a place
        ("the Foreign Ministry and Defence Ministry", "Russia and Belarus" stay two).
        """
        tokens = self.tokens
        if j + 1 >= len(tokens) or not self._same_sentence(i, j + 1) or not is_capitalised(tokens[j + 1]):
            return 0
        if any(tokens[k].text in org_heads() or k in self.hit_at for k in range(i, j)):
            return 0
        end = self._run(j + 1)
        return end if tokens[end - 1].text in org_heads() else 0

    def _head(self, i: int, run_end: int) -> tuple[int, str] | None:
        """(end, kind) when the run from i names an organisation by its last word ("Foreign Ministry")."""
        tokens = self.tokens
        best = None
        for k in range(i, run_end):
            if tokens[k].low in HEAD_LINKS:
                break  # "Shares of Apple Inc.": an organisation after "of" starts there, not at i
            kind = org_heads().get(tokens[k].text)
            if kind is None:
                continue
            nxt = tokens[k + 1] if k + 1 < run_end else None
            if k == i and (nxt is None or nxt.low not in HEAD_LINKS):
                continue  # a head alone ("Police", "Parliament") names no particular body
            if nxt is None:
                best = (k + 1, kind)
            elif nxt.low in HEAD_LINKS:
                end = k + 1  # "Bank of Russia", "Ministry of Justice"; not "Ministry of Defence Spokesman X"
                while end < run_end and not (
                    end > k + 1 and end + 1 < run_end and tokens[end].low in title_words()
                ):
                    end += 1
                best = (end, kind)
            elif nxt.low in title_words():
                best = (k + 1, kind)
        return best

    def _emit_org(self, i: int, j: int, org: Org) -> int:
        if self._credit(i, j) or self._medium(i, j):
            return j  # "KHARTOUM, Sudan (AP) —", "said on Twitter": who carried the words, not an actor
        named = Named(i, j, org.kind, org.name, org.countries)
        self._add_named(named)
        return self._acronym_after(named)

    def _credit(self, i: int, j: int) -> bool:
        """True for a name in brackets right before a dash: a dateline's credit, "(AP) —", "(Reuters) -"."""
        tokens = self.tokens
        return (i > 0 and j + 1 < len(tokens) and tokens[i - 1].text == "(" and tokens[j].text == ")"
                and tokens[j + 1].text in DASHES)

    def _medium(self, i: int, j: int) -> bool:
        """True for a platform after "on"/"via": the medium a statement went out on ("said on Twitter")."""
        tokens = self.tokens
        return j - i == 1 and i > 0 and tokens[i].low in PLATFORMS and tokens[i - 1].low in PLATFORM_LINKS

    def _emit_headed(self, i: int, j: int, kind: str) -> int:
        a, b = self.tokens[i].start, self.tokens[j - 1].end
        countries: list[str] = []
        for k in range(i, j):
            hit = self.hit_at.get(k)
            if hit is not None:
                countries.extend(c for c in hit.countries if c not in countries)
        if not countries and i >= 2 and is_possessive(self.tokens[i - 1]) and (i - 1) in self.hit_ending:
            countries.extend(self.hit_ending[i - 1].countries)  # "Russia's Foreign Ministry"
        named = Named(i, j, kind, self.text[a:b], tuple(countries), stated=bool(countries))
        self._add_named(named)
        first = self.tokens[i]
        if (
            kind != "PLACE"
            and j - i == 2
            and not countries
            and first.text not in given_names()
            and (first.low not in title_words())
        ):
            self.acronyms.setdefault(first.text, named)  # "NPD Group" ... "NPD"
        return self._acronym_after(named)

    def _add_named(self, named: Named) -> None:
        self.named.append(named)
        self.named_ending[named.j] = named

    def _acronym_after(self, named: Named) -> int:
        """Register "(CSTO)" after an organisation as its alias; the index after what was consumed."""
        tokens, j = self.tokens, named.j
        if (
            named.kind != "PLACE"
            and j + 2 < len(tokens)
            and tokens[j].text == "("
            and tokens[j + 2].text == ")"
            and tokens[j + 1].text.isupper()
            and 2 <= len(tokens[j + 1].text) <= 8
        ):
            self.acronyms[tokens[j + 1].text] = named
            self._add_named(Named(j + 1, j + 2, named.kind, named.name, named.countries, named.stated))
            return j + 3
        return j

    # ------------------------------------------------------------ people

    def _title(self, i: int) -> tuple[int, set[str], str, tuple[str, ...]] | None:
        """A title from i ("Deputy Foreign Minister", "Secretary of State", "President of Russia"):
        (end, title words, gender, countries named in it), or None when it has no head word."""
        tokens, n = self.tokens, len(self.tokens)
        words: set[str] = set()
        gender, has_head, countries = "-", False, ()
        k = i
        while k < n:
            t = tokens[k]
            entry = title_words().get(t.low) if is_word(t) else None
            if entry and is_capitalised(t):
                words.add(t.low)
                has_head = has_head or entry[0] != "modifier"
                gender = entry[1] if gender == "-" else gender
                k += 1
            elif (
                t.text in HYPHENS
                and words
                and k + 1 < n
                and joined(tokens, k - 1, k)
                and tokens[k + 1].low in title_words()
            ):
                words.add(f"{tokens[k - 1].low}-{tokens[k + 1].low}")
                k += 1
            elif (
                t.low in HEAD_LINKS
                and words
                and k + 2 < n
                and (is_capitalised(tokens[k + 1]) or tokens[k + 1].low == "the")
            ):
                nxt = k + 2 if tokens[k + 1].low == "the" else k + 1
                hit = self.hit_at.get(nxt)
                if hit is not None and hit.i == nxt:  # "President of Russia"
                    countries = hit.countries
                    k = hit.j
                    continue
                end = self._title_object(nxt)  # "Secretary of State", "Commissioner for Competition"
                if end == nxt:
                    break
                words |= {w.low for w in tokens[nxt:end]}
                k = end
            else:
                break
        return (k, words, gender, countries) if has_head else None

    def _title_object(self, k: int) -> int:
        """End of the words after "of"/"for" in a title: title words, or capitalised words that leave a
        two-word name after them ("Commissioner for Competition Neelie Kroes")."""
        run_end = self._run(k)
        j = k
        while j < run_end and is_word(self.tokens[j]):
            t = self.tokens[j]
            if t.low in title_words() or (t.text not in given_names() and run_end - (j + 1) >= 2):
                j += 1
            else:
                break
        return j

    def _name(self, k: int, limit: int | None = None) -> int:
        """End of a person's name starting at k (up to four words, particles and hyphens allowed)."""
        tokens, n = self.tokens, len(self.tokens)
        forms, _ = verbs()
        j, words = k, 0
        limit = n if limit is None else limit
        while j < limit and words < 4 and self._same_sentence(k, j):
            t = tokens[j]
            if (
                is_word(t)
                and is_capitalised(t)
                and t.low not in stopwords()
                and t.low not in forms
                and t.text not in org_heads()
                and not (j == k and t.low in title_words())
                and (j == k or j not in self.hit_at)
            ):
                j += 1
                words += 1
            elif words and self._particle(j):
                j = self._particle(j)
                words += 1
            else:
                break
        return j

    def _particle(self, j: int) -> int:
        """After a name word, the end of a joined part at j: "-Pierre", "bin Salman", "al-Burhan"; else 0."""
        tokens, n = self.tokens, len(self.tokens)
        t = tokens[j]
        if t.text in HYPHENS and j + 1 < n and joined(tokens, j - 1, j) and joined(tokens, j, j + 1):
            return j + 2 if is_word(tokens[j + 1]) and is_capitalised(tokens[j + 1]) else 0
        if t.low in NAME_PARTICLES and j + 1 < n:
            if is_word(tokens[j + 1]) and is_capitalised(tokens[j + 1]):
                return j + 2
            if (
                j + 2 < n
                and tokens[j + 1].text in HYPHENS
                and joined(tokens, j, j + 1)
                and is_capitalised(tokens[j + 2])
            ):
                return j + 3
        return 0

    def _context_before(self, i: int) -> tuple[tuple[str, ...], set[str]]:
        """Countries and words stated just before a title or name: "Russian", "Russia's", "Kremlin",
        "Russian Foreign Ministry" (an organisation's countries only when the text names them)."""
        k = i - 1 if i > 0 and is_possessive(self.tokens[i - 1]) else i
        owner: Named | places.PlaceHit | None = self.named_ending.get(k) or self.hit_ending.get(k)
        if owner is None:
            return (), set()
        words = {t.low for t in self.tokens[owner.i : owner.j] if is_word(t)}
        if isinstance(owner, Named) and not owner.stated:
            return (), words
        return owner.countries, words

    def _titles_before(self, i: int) -> tuple[int, set[str], str]:
        """Lowercase title words before a name ("spokeswoman", "army chief"): (start, words, gender)."""
        k = i
        words: set[str] = set()
        gender, has_head = "-", False
        while k > 0 and self._same_sentence(k - 1, i):
            t = self.tokens[k - 1]
            entry = title_words().get(t.low) if is_word(t) and t.text[0].islower() else None
            if entry is None or entry[0] == "head-capital":
                break
            words.add(t.low)
            has_head = has_head or entry[0] != "modifier"
            gender = entry[1] if gender == "-" else gender
            k -= 1
        return (k, words, gender) if has_head else (i, set(), "-")

    def _person_or_unknown(self, i: int, run_end: int) -> int:
        """A titled person, a person by cues, or a capitalised word kept for alias resolution."""
        title = self._title(i)
        if title is not None:
            end, words, gender, countries = title
            name_end = self._name(end)
            if name_end > end:
                before, context = self._context_before(i)
                self._add_person(end, name_end, words | context, gender, countries or before)
                return name_end
            return max(end, i + 1)
        end = self._name(i, run_end)
        if end == i:
            return i + 1
        start, words, gender = self._titles_before(i)
        n_words = sum(1 for t in self.tokens[i:end] if is_word(t) and t.low not in NAME_PARTICLES)
        cue = (
            bool(words)
            or self._reporting_after(end)
            or self._age_after(end)
            or self._role_apposition_before(i)
        )
        if (2 <= n_words <= 4 and (cue or self.tokens[i].text in given_names())) or (n_words == 1 and words):
            before, context = self._context_before(start)
            self._add_person(i, end, words | context, gender, before)
        elif n_words == 1 and cue and not _camel_or_caps(self.tokens[i].text):
            self._add_person(i, end, set(), "-", ())
        else:
            self.unknown.append((i, end))
        return end

    def _add_person(self, i: int, j: int, titles: set[str], gender: str, countries: tuple[str, ...]) -> None:
        words = tuple(t.text for t in self.tokens[i:j] if is_word(t) or t.text in HYPHENS)
        words = tuple(" ".join(words).replace(" - ", "-").split())
        if gender == "-":
            gender = given_names().get(words[0], "-")
        self.people.append(PersonMention(i, j, words, titles, gender, countries, self.sentence[i]))

    def _reporting_after(self, j: int) -> bool:
        j = skip_adverbs(self.tokens, j)
        return j < len(self.tokens) and self.tokens[j].low in verbs()[1] and self.tokens[j].text[0].islower()

    def _age_after(self, j: int) -> bool:
        t = self.tokens
        return j + 2 < len(t) and t[j].text == "," and t[j + 1].text.isdigit() and t[j + 2].text == ","

    def _role_apposition_before(self, i: int) -> bool:
        t = self.tokens
        return i >= 2 and t[i - 1].text == "," and (t[i - 2].low in roles() or t[i - 2].low in title_words())

    # ------------------------------------------------------------ who is who

    def resolve_people(self) -> None:
        """One Person per individual: surnames and short forms join the fullest name in the article."""
        people: list[Person] = []
        ordered = sorted(self.people, key=lambda m: (-len(m.words), m.i))
        for pm in ordered:
            match = None
            if len(pm.words) > 1:
                match = next((p for p in people if _same_person(p.words, pm.words)), None)
            else:
                match = self._nearest_with_surname(pm, people)
            if match is None:
                match = Person(pm.words)
                people.append(match)
            pm.person = match
            match.add(pm.titles, pm.gender, pm.countries)
        for i, j in self.unknown:  # bare surnames ("Rudenko said", "to Rakhmon") and untitled full names
            words = tuple(t.text for t in self.tokens[i:j] if is_word(t))
            pm = PersonMention(i, j, words, set(), "-", (), self.sentence[i])
            if len(words) == 1:
                match = self._nearest_with_surname(pm, people)
            else:
                match = next((p for p in people if len(p.words) > 1 and _same_person(p.words, words)), None)
            if match is not None:
                pm.person = match
                self.people.append(pm)
            elif words[0] in self.acronyms and len(words) == 1:
                org = self.acronyms[words[0]]
                self._add_named(Named(i, j, org.kind, org.name, org.countries, org.stated))
        for person in people:
            if person.gender == "-":
                person.gender = given_names().get(person.words[0], "-")

    def _nearest_with_surname(self, pm: PersonMention, people: list[Person]) -> Person | None:
        """The person a one-word name stands for: by surname ("Putin"), else by a given name ("Steve")."""
        word = pm.words[-1]
        candidates = [p for p in people if len(p.words) > 1 and word in _surnames(p.words)]
        if not candidates and word in given_names():
            candidates = [p for p in people if len(p.words) > 1 and p.words[0] == word]
        if not candidates:
            return next((p for p in people if p.words == pm.words), None)
        if len(candidates) == 1:
            return candidates[0]
        before = [m for m in self.people if m.person in candidates and m.i < pm.i]
        if before:
            return max(before, key=lambda m: m.i).person
        after = [m for m in self.people if m.person in candidates]
        return min(after, key=lambda m: m.i).person if after else candidates[0]

    # ------------------------------------------------------------ descriptions and pronouns

    def descriptions(self) -> None:
        """Role descriptions: appositions ("the Kremlin aide, Yury Ushakov") name a person; sources
        ("a senior diplomat said") take the nearest compatible person named within WINDOW sentences."""
        found = [d for d in (self._description(k) for k in range(len(self.tokens))) if d is not None]
        sources = []
        for desc in found:
            person = self._apposed(desc)
            if person is not None:
                person.add({desc.words[0]}, "-", desc.countries)
                self._add_description(desc, person)
            elif self._reporting_after(desc.j):
                sources.append(desc)
        for desc in sources:
            person = self._resolve_role(desc)
            if person is not None:
                self._add_description(desc, person)

    def _description(self, k: int) -> PersonMention | None:
        """The description whose role noun is token k ("a senior diplomat"), with its determiner in titles."""
        tokens = self.tokens
        role = tokens[k].low
        if role not in roles() or not tokens[k].text[0].islower():
            return None
        if k + 1 < len(tokens) and is_capitalised(tokens[k + 1]) and tokens[k].end + 1 == tokens[k + 1].start:
            return None  # a title before a name ("aide Yury Ushakov")
        c = cues()
        start, left, det, countries, blocked = k, k, "definite", [], False
        m = k - 1
        while m >= 0 and k - m <= 8 and self._same_sentence(m, k):
            t = tokens[m]
            owner: Named | places.PlaceHit | None = self.named_ending.get(m + 1) or self.hit_ending.get(m + 1)
            if t.low in c["indefinite"] or t.low in c["definite"]:
                det = "indefinite" if t.low in c["indefinite"] else "definite"
                start = start if blocked else m
                left = m
                break
            if owner is not None:  # "Russian", "the Kremlin's": countries of the described person
                countries.extend(owner.countries)
                blocked = True
                m = left = owner.i
                m -= 1
            elif is_possessive(t):
                blocked = True
                left = m
                m -= 1
            elif t.text in HYPHENS or (
                is_word(t) and t.text[0].islower() and t.low not in stopwords() and t.low not in verbs()[1]
            ):
                start = start if blocked else m
                left = m
                m -= 1
            else:
                break
        return PersonMention(
            start, k + 1, (role, det), set(), "-", tuple(countries), self.sentence[k], named=False, left=left
        )

    def _apposed(self, desc: PersonMention) -> Person | None:
        """The named person in apposition: "the Kremlin aide, Yury Ushakov," or else "Yury Ushakov, a Kremlin
        aide,". The first reading wins: in "talks with X, the Kremlin aide, Y, said" the aide is Y."""
        tokens = self.tokens
        named = [pm for pm in self.people if pm.person is not None and pm.named]
        if desc.j + 1 < len(tokens) and tokens[desc.j].text == ",":
            start = desc.j + 1
            while start < len(tokens) and tokens[start].low in title_words():
                start += 1  # "the junta leader, Capt. Ibrahim Traore"
            after = next((pm for pm in named if pm.i == start), None)
            if after is not None:
                return after.person
        if desc.left >= 2 and tokens[desc.left - 1].text == ",":
            before = next((pm for pm in named if pm.j == desc.left - 1), None)
            if before is not None:
                return before.person
        return None

    def _resolve_role(self, desc: PersonMention) -> Person | None:
        """The nearest named person of compatible title and country: forward first after "a", else back."""
        wanted = roles()[desc.words[0]]
        s = desc.sentence
        named = [pm for pm in self.people if pm.named and pm.person is not None and pm.sentence != s]
        forward = sorted((pm for pm in named if s < pm.sentence <= s + WINDOW), key=lambda pm: pm.i)
        backward = sorted((pm for pm in named if s - WINDOW <= pm.sentence < s), key=lambda pm: -pm.i)
        order = forward + backward if desc.words[1] == "indefinite" else backward + forward
        for pm in order:
            person = pm.person
            if not person.titles & wanted:
                continue
            if desc.countries and not set(desc.countries) & set(person.countries):
                continue  # "a Malian army officer" is no person whose country the text does not give
            return person
        return None

    def _add_description(self, desc: PersonMention, person: Person) -> None:
        desc.person = person
        self.people.append(desc)

    def pronouns(self) -> None:
        """Subject pronouns ("he said", "she fled"): the latest person of that gender, PRONOUN_WINDOW back."""
        c = cues()
        tokens = self.tokens
        for k, t in enumerate(tokens):
            gender = "m" if t.low in c["pronoun_m"] else "f" if t.low in c["pronoun_f"] else ""
            if not gender or not verb_after(tokens, k + 1)[0]:
                continue
            s = self.sentence[k]
            earlier = [
                pm
                for pm in self.people
                if pm.person is not None
                and pm.i < k
                and s - PRONOUN_WINDOW <= pm.sentence <= s
                and pm.person.gender in (gender, "-")
            ]
            if earlier:
                person = max(earlier, key=lambda pm: pm.i).person
                self.people.append(PersonMention(k, k + 1, (), set(), gender, (), s, person, named=False))

    # ------------------------------------------------------------ output

    def mentions(self) -> list[Mention]:
        """All mentions, sorted by start; places inside a name ("Moscow" in "Moscow Times") are dropped."""
        tokens, text = self.tokens, self.text
        taken = [False] * len(tokens)
        out: list[Mention] = []
        for named in self.named:
            a, b = tokens[named.i].start, tokens[named.j - 1].end
            out.append(
                Mention(a, b, text[a:b], named.kind, named.name, named.countries, named.kind != "PLACE")
            )
            taken[named.i : named.j] = [True] * (named.j - named.i)
        for pm in self.people:
            if pm.person is None:
                continue
            a, b = tokens[pm.i].start, tokens[pm.j - 1].end
            out.append(Mention(a, b, text[a:b], "PERSON", pm.person.name, tuple(pm.person.countries), True))
            taken[pm.i : pm.j] = [True] * (pm.j - pm.i)
        free = [h for h in self.hits if not any(taken[h.i : h.j])]
        out.extend(places.place_mentions(text, tokens, free))
        out.sort(key=lambda m: (m.start, -m.end))
        return out


def _same_person(known: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """True when `words` is a form of the name `known`: same surname, and the same first name, one first
    name short for the other ("Tim Cook", "Timothy D. Cook"), or no first name."""
    if known[-1] != words[-1]:
        return False
    a, b = known[0], words[0]
    return a.startswith(b) or b.startswith(a) or set(words) <= set(known)


def _surnames(words: tuple[str, ...]) -> tuple[str, ...]:
    """How a person's surname may stand alone: "al-Burhan" also as "Burhan"."""
    last = words[-1]
    head, _, rest = last.partition("-")
    if rest and head.lower() in NAME_PARTICLES:
        return last, rest
    return (last,)


def _camel_or_caps(word: str) -> bool:
    """True for "NATO", "AppleInsider", "iPhone": capitals inside a word, unlike names (McCain aside)."""
    inner = word[1:]
    return any(c.isupper() for c in inner) and not re.match(r"(?:Mc|Mac|O'|D')[A-Z]", word)


def find(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Every actor and place mention of a cleaned article, sorted by start offset, offsets into `text`."""
    if not text.strip():
        return []
    article = _Article(text, sentences or split_sentences(text))
    article.scan()
    article.resolve_people()
    article.descriptions()
    article.pronouns()
    return article.mentions()
