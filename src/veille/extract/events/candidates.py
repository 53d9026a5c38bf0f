"""Candidate events for the ranker: every trigger with every plausible actor and recipient, each described by
features, including whether the rule coder (``coder``) would report it.

The rule coder keeps an event only when one strict reading holds. Many real events escape it: the actor is the
speaker of the claim around the act, the recipient is a party named elsewhere in the sentence, the verb is only in
the CAMEO dictionary. Candidates relax each choice and say which relaxation they rest on; the ranker
(``ranker``), trained on annotated articles, decides which to report.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from veille.extract.events.arguments import actor_head, members, place_heads, recipient_heads
from veille.extract.events.coder import Found
from veille.extract.events.parties import is_party, same_party, speaker_at
from veille.extract.events.triggers import Occurrence, find_triggers, lemma_of
from veille.extract.factuality import factuality
from veille.nlp.index import index, sentence_of, text_of
from veille.extract.referents import Party, Referents

_MAX_BEFORE, _MAX_AFTER = 2, 3  # parties of the sentence tried as actor (before the trigger) and recipient (after)


@dataclass(slots=True)
class Candidate:
    occurrence: Occurrence
    actor: Party | None
    recipient: Party | None
    roles: set[str] = field(default_factory=set)  # how the actor and recipient were reached
    rule: Found | None = None  # the rule coder's event for the same act and parties
    features: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.occurrence.head.i, self.occurrence.rule.type, _eid(self.actor), _eid(self.recipient))


def _eid(p: Party | None) -> int | None:
    return id(p.entity) if p is not None and p.entity is not None else None


def candidates(doc: Doc, refs: Referents, lang: str, rule_events: list[Found],
               voices: Sequence[tuple[int, int, Party]], reporting: frozenset[int]) -> list[Candidate]:
    """Every candidate of ``doc`` with its features. ``rule_events`` are the rule coder's events."""
    named = frozenset(refs.by_token)
    out: dict[tuple, Candidate] = {}

    def add(occ: Occurrence, actor: Party | None, rec: Party | None, role: str, rule: Found | None = None) -> None:
        if actor is not None and (actor.entity is None or (rec is not None and same_party(actor, rec))):
            return
        if rec is not None and rec.entity is None:
            return
        c = Candidate(occ, actor, rec)
        c = out.setdefault(c.key, c)
        c.roles.add(role)
        c.rule = c.rule or rule

    for f in rule_events:
        add(f.occurrence, f.actor, f.recipient, "rule", f)
    parties_of: dict[int, list[tuple[Token, Party]]] = {}
    for occ in find_triggers(doc, lang, cameo="all"):
        sent = sentence_of(occ.head)
        if sent.start not in parties_of:
            parties_of[sent.start] = _parties(sent, refs)
        parties = parties_of[sent.start]
        actors: list[tuple[str, Party | None]] = []
        head, given = actor_head(occ, named)
        if head is not None:
            actors += [("a:syntax", refs.party(h)) for h in members(head, refs)]
        speaker = speaker_at(voices, occ.head.idx)
        if speaker is not None:
            actors.append(("a:speaker", speaker))
        before = [p for t, p in parties if t.i < occ.head.i][-_MAX_BEFORE:]
        actors += [("a:before", p) for p in before]
        if not given or not actors:
            actors.append(("a:none", None))
        recipients: list[tuple[str, Party | None]] = []
        for h in recipient_heads(occ):
            recipients += [("r:slot", refs.party(m)) for m in members(h, refs)]
        for h in place_heads(occ):
            p = refs.party(h)
            if p.entity is not None and p.country:
                recipients.append(("r:place", p))
                break
        recipients += [("r:after", p) for t, p in parties if t.i > occ.head.i][:_MAX_AFTER]
        recipients.append(("r:none", None))
        for ar, a in actors:
            for rr, r in recipients:
                add(occ, a, r, f"{ar}|{rr}")
    result = list(out.values())
    for c in result:
        c.features = _features(c, lang, reporting)
    return result


def _parties(sent: Span, refs: Referents) -> list[tuple[Token, Party]]:
    """One (head token, party) per entity mention of the sentence, in order."""
    out, last = [], None
    for t in sent:
        e = refs.by_token.get(t.i)
        if e is None:
            last = None
            continue
        if e is last:
            continue
        last = e
        out.append((t, refs.party(t)))
    return out


def _features(c: Candidate, lang: str, reporting: frozenset[int]) -> list[str]:
    occ, a, r = c.occurrence, c.actor, c.recipient
    t = occ.head
    kind = occ.rule.type
    src = occ.rule.source.split(":")[0] + ("-default" if occ.rule.slots == ("*",) else "")
    fs = ["bias", f"type={kind}", f"src={src}", f"pos={occ.pos}", f"lang={lang}", f"lemma={lemma_of(t)}",
          f"type={kind}|src={src}", f"dep={t.dep_}", f"type={kind}|lemma={lemma_of(t)}"]
    if occ.support is not None:
        fs.append("support")
    if c.rule is not None:
        fs += ["rule", f"rule|type={kind}"]
    for role in c.roles:
        fs += [f"role={role}", f"role={role}|type={kind}"]
        for part in role.split("|"):
            fs += [f"{part}", f"{part}|type={kind}"]
    title_end = text_of(t.doc).find("\n")
    for side, p in (("a", a), ("r", r)):
        if p is None:
            fs.append(f"{side}=none")
            continue
        e = p.entity
        assert e is not None, "a candidate's parties are named"
        salience = min(len(e.mentions), 4)
        fs += [f"{side}.type={e.type}", f"{side}.agent={p.agent or e.agent}", f"{side}.country={bool(p.country)}",
               f"{side}.party={is_party(p)}", f"{side}.type={e.type}|type={kind}", f"{side}.mentions={salience}",
               f"{side}.in_title={any(m.start < title_end for m in e.mentions)}"]
    sentence_no = bisect_left(index(t.doc).sent_starts, t.idx)
    fs.append(f"sentence={min(sentence_no, 4)}")
    for role in c.roles:
        fs.append(f"role={role}|lemma={lemma_of(t)}")
    if a is not None and r is not None:
        fs.append(f"same_country={a.country == r.country}")
    fact = factuality(occ.support or t, lang, stop_at=reporting)
    fs.append(f"fact={fact}")
    if any(s <= t.idx < e for s, e in _quotes(t)):
        fs.append("in_quote")
    if a is not None:
        gap = abs(t.idx - a.start) // 40
        fs.append(f"a.gap={min(gap, 5)}")
    if r is not None:
        gap = abs(r.start - t.idx) // 40
        fs.append(f"r.gap={min(gap, 5)}")
    return fs


def _quotes(t: Token) -> list[tuple[int, int]]:
    """Quoted stretches of the trigger's sentence (« … », “ … ”, " … ")."""
    text, base, out, stack = sentence_of(t).text, sentence_of(t).start_char, [], []
    for i, ch in enumerate(text):
        if ch in "«“":
            stack.append(i)
        elif ch in "»”" and stack:
            out.append((base + stack.pop(), base + i))
    return out
