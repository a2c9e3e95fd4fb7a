"""The tense of the clause around a time expression, from cue words (knowledge/timex/tense.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract import knowledge

PLANNED = "planned"  # the tense of a plan made in the past ("had planned to"): its date may lie either side

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|'ll|’ll|'d")
_PASSIVE = re.compile(r"\b(?:be|being|been|is|are|am|to)\s+(?:\w+ly\s+)?$", re.I)
# "will cut", "will remain shut", "will hold subdued services": a past form after a modal (and a verb) is none.
_AFTER_MODAL = re.compile(
    r"(?:\b(?:will|would|shall|can|could|may|might|must|should)|'ll|’ll)\s+(?:not\s+)?(?:[a-z]+\s+)?$", re.I)
# "a still unspecified date", "the disputed area", "on imported cars": an -ed word after a determiner or a
# preposition is an adjective.
_MODIFIER_SLOT = re.compile(r"\b(?:a|an|the|this|these|those|its|their|his|her|our|my|your|on|in|of|for|from|at|about|"
                            r"against|into|over|under|between|among|without)\s+"
                            r"(?:(?:\w+ly|still|much|most|more|less|well|long|newly)\s+)?$", re.I)
# "to hold closed consultations", "to discuss proposed changes": an -ed word after an infinitive modifies its object.
_INFINITIVE_BEFORE = re.compile(r"\bto\s+(?!(?:have|be|get|got)\b)[a-z]+\s+$", re.I)
# "with markets closed on Friday", "with reforms left for the fall": a past form in a "with" phrase is a participle.
_WITH_PHRASE = re.compile(r"\bwith\s+(?:(?!(?:and|or|but|who|which|that)\b)[\w.'’-]+\s+){1,3}$", re.I)
_PREFIXED = re.compile(r"(?:re|co|pre|un|over|under|out|mis|de|dis)-(?=[a-z]+ed$)", re.I)  # "re-elected"
_CLAUSE_BREAK = re.compile(r"[;:“”\"]|,\s+(?:but|while|whereas|although|as|and)\b|\s+—\s+|\s+--\s+")
WINDOW = 10  # tokens looked at on each side
_WILL = re.compile(r"\b(?:will|shall)\b|['’]ll\b", re.I)
_BETWEEN_AUXILIARY = re.compile(r"\s*(?:(?:\w+ly|first|also|already|once|long|still)\s+)*(?:been\s+)?", re.I)  # "had
# first been scheduled", "were originally planned"
_REPORTED_MODAL = re.compile(r"\s+(?:that\s+)?(?:\w+\s+){0,3}?", re.I)  # "had said [that] [the talks]" before a modal
_PLURAL_SUBJECT = re.compile(r"(?:\b(?!(?:is|was|has|does|this|its|his|hers|as|us|thus|yes|plus|less|unless)\b)"
                             r"[A-Za-z]+[^\Ws'’]s|\b(?:they|we))\s+$", re.I)  # "Romanians", "voters", "they"
_AUXILIARIES = {"was", "were", "is", "are", "am"}  # carry a future that follows them ("was expected to")
_PLUPERFECT = {"had", "had been"}  # turn it into a plan of the past ("had been scheduled to expire Friday")
_ENTRY_HEAD = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:[-–—]|:(?!\d))\s")  # "Dec. 31 - An assault begins."
_OBJECT_AFTER = re.compile(r"\s+(?:a|an|the|his|her|its|their)\s", re.I)  # "rulers named a prime minister": a verb
_REPORTED_THAT = re.compile(r"\b(?:said|says|told|warned|announced|added|insisted|stated|noted|claimed|confirmed|"
                            r"argued|predicted)\b[^.;]{0,40}?\bthat\b", re.I)  # what was said is a clause of its own
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|my|your)\s+$", re.I)
_NOT_ADJECTIVES = {"ago", "earlier", "previously", "formerly", "yesterday", "since", "said", "last"}
_NOUN_AFTER = re.compile(r"\s+(?:of|to\s+face|amounts?|values?|dates?|trips?|lines?)\b", re.I)  # "heads of state",
# "face to face", "face amount", "start date", "return trip"
_NOT_FINITE = re.compile(r"\b(?:to|do|does|did|not|never|n't)\s+$|\d\s+$|\w['’]s\s+$", re.I)  # "did not host",
# "89 votes", "Karzai's votes"
_NOT_COMMITTED = {"expected", "scheduled", "slated", "poised", "supposed", "intended"}  # still ahead, whoever said so
_NOT_ACTIVE = re.compile(r"\s+(?:not\s+|n't\s+|never\s+|also\s+|still\s+)*(?:be|been|have|has|had)\b|\W*$", re.I)


@dataclass(frozen=True)
class _Cues:
    """The cue words of tense.toml, ready to apply."""

    words: dict[str, str]  # word -> tense
    phrases: list[tuple[re.Pattern, str]]  # multi-word cues of each tense, checked first
    not_past: frozenset[str]  # -ed words that are no past tense
    plan_verbs: frozenset[str]  # present forms that are plans after a subject
    possibility: frozenset[str]  # modals that look forward before an active verb
    past_before_object: frozenset[str]  # not_past words that are past tenses before an object
    plural_plan_verbs: frozenset[str]  # bare forms that are plans after a plural subject


@cache
def _cues() -> _Cues:
    data = knowledge.toml_data("timex/tense.toml")
    words: dict[str, str] = {}
    phrases = []
    for tense in ("present", "past", "future"):  # later tenses win for a word listed twice
        schedule = data[tense].get("schedule_verbs", [])  # also cues where they do not stand right before
        for w in data[tense].get("words", []) + [v for v in schedule if " " not in v]:
            words[w.lower()] = tense
        listed = data[tense].get("phrases", []) + [v for v in schedule if " " in v]
        if listed:  # one alternation per tense, longest first
            phrases.append((re.compile(rf"\b(?:{_alternation(listed)})\b", re.I), tense))
    return _Cues(words, phrases, frozenset(w.lower() for w in data["past"].get("not_past", [])),
                 frozenset(w.lower() for w in data["future"].get("plan_verbs", [])),
                 frozenset(data["future"].get("possibility", [])),
                 frozenset(w.lower() for w in data["past"].get("past_before_object", [])),
                 frozenset(data["future"].get("plural_plan_verbs", [])))


@cache
def _just_before() -> tuple[tuple[re.Pattern, str], ...]:
    """For each tense, the words that decide it when they stand right before the expression."""
    data = knowledge.toml_data("timex/tense.toml")
    out = []
    for tense in ("past", "future"):
        verbs = [f"{v} on" for v in data[tense].get("schedule_verbs", [])] + data[tense].get("schedule_verbs", [])
        words = data[tense].get("just_before", []) + verbs
        if words:
            out.append((re.compile(rf"\b(?:{_alternation(words)})\s+$", re.I), tense))
    return tuple(out)


@cache
def _just_after() -> re.Pattern:
    """The words right after an expression that make it a day declared ahead."""
    words = knowledge.toml_data("timex/tense.toml")["future"]["just_after"]
    return re.compile(rf"\s+(?:{_alternation(words)})\b", re.I)


@cache
def _takes_effect_from() -> re.Pattern:
    """The words right before the day a decision takes effect from."""
    words = knowledge.toml_data("timex/tense.toml")["future"]["takes_effect_from"]
    return re.compile(rf"\b(?:{_alternation(words)})\s+$", re.I)


@cache
def _frame_ahead() -> re.Pattern:
    """The `just_before` words that look forward even where they open the sentence."""
    words = knowledge.toml_data("timex/tense.toml")["future"]["frame_ahead"]
    return re.compile(rf"(?:{_alternation(words)})\s+$", re.I)


@cache
def _deadline() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The deadline words ("until") right before an expression, the verbs that keep a past one ahead, and the
    modals that do so after the clause's last past cue ("said customers could be without power until ...")."""
    data = knowledge.toml_data("timex/tense.toml")["future"]
    return (re.compile(rf"\b(?:{_alternation(data['deadline'])})\s+$", re.I),
            re.compile(rf"\b(?:{_alternation(data['deadline_verbs'])})\b", re.I),
            re.compile(rf"\b(?:{_alternation(data['deadline_modals'])})\b"))


def after_deadline_word(text: str, start: int) -> bool:
    """True when a deadline word ("until", "till") stands right before text[start:]."""
    return bool(_deadline()[0].search(text, max(0, start - 30), start))


def _alternation(words: list[str]) -> str:
    """Words and phrases as one regex alternation, longest first; a space matches any run of white space."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1024)
def cues(sentence: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, tense) of every tense cue in a sentence."""
    known = _cues()
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, tense in known.phrases:
        for m in pattern.finditer(sentence):
            found.append((m.start(), m.end(), tense))
            taken.append((m.start(), m.end()))
    for m in _TOKEN.finditer(sentence):
        if taken and any(a <= m.start() < b for a, b in taken):
            continue
        w = m.group(0).lower()
        tense = known.words.get(w)
        stem = _PREFIXED.sub("", w, count=1) if "-" in w else w
        if (tense is None and len(stem) > 4 and stem.endswith("ed") and "-" not in stem
                and (stem not in known.not_past or stem in known.past_before_object
                     and _OBJECT_AFTER.match(sentence, m.end()))
                and not _MODIFIER_SLOT.search(sentence, max(0, m.start() - 30), m.start())
                and not _INFINITIVE_BEFORE.search(sentence, max(0, m.start() - 30), m.start())):
            tense = "past"
        elif (tense == "past" and w not in _NOT_ADJECTIVES
              and _DETERMINER_BEFORE.search(sentence, max(0, m.start() - 20), m.start())):
            tense = None  # "a paid holiday", "the lost city": an adjective
        if tense == "past" and (_PASSIVE.search(sentence, 0, m.start())
                                or _AFTER_MODAL.search(sentence, max(0, m.start() - 40), m.start())
                                or _WITH_PHRASE.search(sentence, max(0, m.start() - 60), m.start())):
            tense = None  # "will be paid", "is expected", "will remain shut": a participle, not a past tense
        if (w in known.plan_verbs and m.start() > 0 and not _NOUN_AFTER.match(sentence, m.end())
                and not _MODIFIER_SLOT.search(sentence, max(0, m.start() - 30), m.start())
                and not _NOT_FINITE.search(sentence, max(0, m.start() - 12), m.start())):
            tense = "future"  # "Parliament votes on Tuesday"; not "his visits", "heads of state"
        if w in known.plural_plan_verbs and _PLURAL_SUBJECT.search(sentence, max(0, m.start() - 30), m.start()):
            tense = "future"  # "Romanians vote Sunday"; not "an overwhelming vote on Sunday"
        if m.group(0) in known.possibility and not _NOT_ACTIVE.match(sentence, m.end()):
            tense = "future"  # "could arrive early Thursday"; not "could be located Wednesday", "May"
        if tense:
            found.append((m.start(), m.end(), tense))
    found.sort()
    dropped, plans = set(), []
    for a, b in zip(found, found[1:], strict=False):
        if a[2] != "future" and b[2] == "future" and _BETWEEN_AUXILIARY.fullmatch(sentence, a[1], b[0]):
            auxiliary = " ".join(sentence[a[0]:a[1]].lower().split())
            if auxiliary in _AUXILIARIES:
                dropped.add(a)  # "were planning to", "are expected to": the future that follows decides
            elif auxiliary in _PLUPERFECT:
                plans.append((a, b))  # "had been scheduled to", "had planned to": a plan of the past
    for h, a, b in zip(found, found[1:], found[2:], strict=False):
        if sentence[h[0]:h[1]].lower() == "had" and a[2] == "past" and b[2] == "future" and h[1] + 1 >= a[0] \
                and _REPORTED_MODAL.fullmatch(sentence, a[1], b[0]):
            plans.append((b, b))  # "had said (that) talks must end by October": a future seen from the past
    for a, b in plans:
        dropped.update((a, b))
        found.append((a[0], b[1], PLANNED))
    called_off, planned_for = _called_off()
    if called_off.search(sentence):  # "The vote, originally scheduled for June, was postponed": a plan of the past
        for c in list(found):
            if c[2] == "future" and planned_for.match(sentence, c[0]):
                dropped.add(c)
                found.append((c[0], c[1], PLANNED))
    return tuple(sorted(c for c in found if c not in dropped))


@cache
def _called_off() -> tuple[re.Pattern, re.Pattern]:
    """The words that call a plan off ("postponed", "originally"), and the plans for a date they make past ones."""
    data = knowledge.toml_data("timex/tense.toml")["past"]
    return (re.compile(rf"\b(?:{_alternation(data['called_off'])})\b", re.I),
            re.compile(rf"(?:{_alternation(data['planned_for'])})\b", re.I))


@cache
def _since() -> re.Pattern:
    """The "since" words of tense.toml."""
    return re.compile(rf"\b(?:{_alternation(knowledge.toml_data('timex/tense.toml')['past']['since'])})\b", re.I)


def tense_at(sentence: str, start: int, end: int) -> str | None:
    """'past', 'future', 'present', 'since' (a starting point up to publication) or 'planned' (a plan made in the
    past: "had planned to") for the clause holding sentence[start:end]; None when nothing says."""
    if _ENTRY_HEAD.match(sentence, end) and not _inside(sentence, start):
        return None  # the date heading a chronology's entry: its verbs are a historical present
    if _just_after().match(sentence, end):
        return "future"  # "declared Thursday a public holiday"
    if _takes_effect_from().search(sentence, max(0, start - 30), start) and not _WILL.search(sentence, 0, start):
        return PLANNED  # "with effect from Saturday": a decision made, its day the nearer one; not "will be"
    for pattern, tense in _just_before():
        m = pattern.search(sentence, max(0, start - 30), start)
        if m and (tense == "past" or _inside(sentence, m.start()) or _frame_ahead().match(m.group(0))):
            # "Until Thursday, ..." frames what follows; "Ahead of Sunday's vote, ..." still looks forward
            return tense
    left_bound = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    left_bound = max((m.end() for m in _REPORTED_THAT.finditer(sentence, left_bound, start)), default=left_bound)
    since = [m.end() for m in _since().finditer(sentence, left_bound, start)]
    if since and _words_between(sentence, since[-1], start) <= WINDOW and not any(
            c[2] == "future" and since[-1] <= c[0] < start for c in cues(sentence)):
        return "since"
    tense = _clause_tense(sentence, start, end, left_bound)
    deadline, keeps_ahead, modal = _deadline()
    m = deadline.search(sentence, max(0, start - 30), start)
    if m and m.group(0).lower().startswith("before") and re.match(r"['’]s\b", sentence[end:]):
        m = None  # "7% before Friday's purchases": a thing already there, as other possessives
    past = [c[1] for c in cues(sentence) if c[2] == "past" and left_bound <= c[0] < start]
    if m and _inside(sentence, m.start()) and (
            tense not in ("past", PLANNED) or keeps_ahead.search(sentence, left_bound, m.start())
            or modal.search(sentence, past[-1] if past else left_bound, m.start())):
        return "future"  # "has until Friday", "postponed any action until Tuesday"; not "served until January"
    return tense


def _inside(sentence: str, at: int) -> bool:
    """True when something other than quotes and brackets stands before `at`."""
    return bool(sentence[:at].strip(" \"'“‘("))


def _clause_tense(sentence: str, start: int, end: int, left_bound: int) -> str | None:
    """The tense the cues of the clause give an expression, the nearest cue first. A cue whose "to" stands right
    before the expression is a preposition there ("the ceasefire, agreed to Friday"), no plan."""
    found = [c for c in cues(sentence)
             if not (c[1] <= start and sentence[c[0]:c[1]].lower().endswith("to") and not sentence[c[1]:start].strip())]
    if not found:
        return None
    right = _CLAUSE_BREAK.search(sentence, end)
    right_bound = right.start() if right else len(sentence)
    left = [c for c in found if left_bound <= c[1] <= start]
    right_cues = [c for c in found if end <= c[0] < right_bound]
    if left and _words_between(sentence, left[-1][1], start) <= WINDOW:
        return left[-1][2]
    if right_cues and _words_between(sentence, end, right_cues[0][0]) <= WINDOW and not (
            left and "," in sentence[end:right_cues[0][0]]):  # "..., the mayor said": the attribution does not decide
        return _seen_from_before(sentence, right_cues[0])
    if left:
        return left[-1][2]
    if right_cues:
        return _seen_from_before(sentence, right_cues[0])
    nearest = min(found, key=lambda c: min(abs(c[0] - end), abs(start - c[1])))
    return nearest[2]


def _seen_from_before(sentence: str, cue: tuple[int, int, str]) -> str:
    """The tense a cue gives what stands before it: a commitment made in the past ("In February they agreed to
    begin talks") looks forward only for what follows it."""
    words = sentence[cue[0]:cue[1]].lower().split()
    committed = len(words) == 2 and words[0].endswith("ed") and words[1] == "to" and words[0] not in _NOT_COMMITTED
    return "past" if cue[2] == "future" and committed else cue[2]


def _words_between(text: str, a: int, b: int) -> int:
    return len(text[a:b].split())
