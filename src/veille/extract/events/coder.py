"""PLOVER events: triggers (``triggers``), their parties (``arguments``), and the precision rules that decide what
is reported.

- A trigger inside the complement of another trigger is part of that event, not a second one ("a promis de
  soutenir", "a exhorté X à cesser ses livraisons"), unless it is a noun with a doer of its own ("a condamné le
  tir par la Corée du Nord d'un missile": the launch is North Korea's act, the condemnation Japan's).
- A compound actor gives one event per member; a mutual act ("Turkey and Libya agreed", "accuse each other",
  "a call between Trump and Zelensky") gives each member towards the others.
- The actor must be a resolved party, except for an agentless passive, kept with an unknown actor (``None``) and
  a low confidence; the recipient must be there when the type needs one (PLOVER lets protests, mobilisations,
  withdrawals, concessions, requests, rejections and threats stand alone, when the text names no one else; so do a
  commitment to act and the condemnation of an act of no named doer). A threat, refusal or commitment that names
  no one is aimed at the target of the act it is about ("a menacé de frapper Israël").
- A thing (a name NER calls MISC that the base does not know) or a place of no known state is neither actor nor
  target of a material act; a town an act noun is named after is its place ("l'attentat de Nice"), and a storm
  or an accident (class ``mishap``) is no attacker.
- An attack by no one named (a vehicle driven into people, people killed, property burnt) strikes the place its
  clause names, else the story's own state (``_Coder.attacked_at``, ``_Coder.rammed``).
- A recipient phrase that names an act reported before ("condemned the operation", "a nié ces accusations")
  stands for that act's actor (``_Coder.act_referent``).
- An actor and recipient that are the same entity (or a state and its capital) make no event; two parties of one
  country do (civil wars, coups, repression), but a state's own town is where it attacked or coerced, not whom, and a
  town inside an agreement's name ("l'accord de Paris") is no party.
- A demand that someone resign or withdraw is addressed to them (``_Coder.demanded_departure``); people who rally
  themselves ("restent mobilisés") protest rather than mobilise (``_retyped``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property

from spacy.tokens import Doc, Token

from veille.extract.events.arguments import (PASSIVE_AGENT, actor_head, backed_subject, clause_subject, during_nouns,
                                             holder_of, is_state_force, members, opposed_subject, own_agent,
                                             passive_theme, place_heads, recipient_heads, reciprocal, relative,
                                             slot_heads, undergoer)
from veille.extract.events.lexicon import NO_RECIPIENT_NEEDED, Trigger, lexicon
from veille.extract.events.parties import (acting_for, home_state, in_base, is_party, kind_of, same_party,
                                          speaker_at)
from veille.extract.events.triggers import (Occurrence, after_de, class_of_object, find_triggers, has_complement,
                                            introduced, lemma_of, objects, pobj)
from veille.extract.factuality import factuality
from veille.kb import knowledge_base
from veille.lexicons import words
from veille.model import Entity
from veille.nlp.index import sentence_of
from veille.extract.referents import STATE_AGENTS, Party, Referents, is_crowd, is_plural

_MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
_VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"})
_MATERIAL = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "AID", "RETREAT", "COOPERATE", "PROTEST"})
_PLACED_ACTS = frozenset({"ASSAULT", "COERCE", "PROTEST"})  # acts a town names the place of ("l'attentat de Nice")
_CAPTIVE_TYPES = frozenset({"COERCE", "ASSAULT", "RETREAT", "SANCTION"})
_REPROACH = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN", "SANCTION"})
_BACKING_TYPES = frozenset({"AID", "SUPPORT", "COOPERATE"})
_FOLD_DEPS = frozenset({"ccomp", "advcl", "parataxis", "conj", "acl:relcl", "relcl", "csubj"})
# Nouns that stand for an act already reported ("the move", "ces frappes", "the request"), with the type they
# name where they name one.
_ACT_NOUNS = {"move": "", "decision": "", "operation": "", "action": "", "step": "", "measure": "", "initiative": "",
              "campaign": "", "announcement": "", "décision": "", "opération": "", "mesure": "", "campagne": "",
              "intervention": "", "annonce": "", "attack": "ASSAULT", "offensive": "ASSAULT", "strike": "ASSAULT",
              "incursion": "ASSAULT", "invasion": "ASSAULT", "raid": "ASSAULT", "bombing": "ASSAULT", "attaque": "ASSAULT",
              "frappe": "ASSAULT", "bombardement": "ASSAULT", "exaction": "ASSAULT", "crime": "ASSAULT",
              "attentat": "ASSAULT", "explosion": "ASSAULT", "crackdown": "COERCE",
              "répression": "COERCE", "request": "REQUEST", "demand": "REQUEST", "demande": "REQUEST",
              "proposal": "AGREE", "proposition": "AGREE", "accusation": "ACCUSE", "allegation": "ACCUSE"}
_DEFINITE = frozenset({"le", "la", "les", "ce", "cet", "cette", "ces", "the", "this", "these", "that", "those", "such"})
_ACT_WINDOW = 400  # tokens: about three paragraphs of news
# the third-person pronouns that stand for people ("on", "eux" in "trois d'entre eux", "it" do not)
_PERSON_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "le", "la", "l'", "l’", "les", "lui", "leur", "he", "she",
                              "they", "him", "her", "them"})
_PLACE_NOUNS = frozenset({"country", "region", "territory", "area", "zone", "pays", "région", "territoire"})


@dataclass(slots=True)
class Found:
    occurrence: Occurrence
    actor: Party | None
    recipient: Party | None
    factuality: str
    confidence: float

    @property
    def trigger(self) -> Token:
        return self.occurrence.head

    @property
    def rule(self) -> Trigger:
        return self.occurrence.rule


def rule_events(doc: Doc, refs: Referents, lang: str, *, reporting: frozenset[int] = frozenset(),
                voices: Sequence[tuple[int, int, Party]] = ()) -> list[Found]:
    """Every event the rules code in ``doc``. ``reporting`` holds the tokens of reporting verbs (claim cues):
    factuality is read up to them, not through them. ``voices`` are the claims (content span, speaker): a
    predicate such as "are the perpetrators" is an accusation by whoever says it."""
    return _Coder(doc, refs, lang, reporting, voices).run()


class _Coder:
    """One document's coding: the events found so far are what later nouns ("the operation") refer back to."""

    def __init__(self, doc: Doc, refs: Referents, lang: str, reporting: frozenset[int],
                 voices: Sequence[tuple[int, int, Party]]) -> None:
        self.doc, self.refs, self.lang, self.reporting, self.voices = doc, refs, lang, reporting, voices
        self.named = frozenset(refs.by_token)
        self.found: list[Found] = []
        self.why = ""
        self.acts: dict[int, Found] = {}  # id(Party) -> the act a recipient was resolved through
        self.dropped: list[tuple[Occurrence, str]] = []  # why a trigger gave no event (for diagnosis)
        self.verbs: dict[int, Occurrence] = {}  # the acts verbs carry, by verb token (a light verb: its noun's)
        self.nouns: dict[int, Occurrence] = {}  # the acts nouns name, by noun token

    @cached_property
    def towns(self) -> frozenset[int]:
        """The tokens of named towns ("l'attentat de Nice": where, not who), read only when an act noun needs them."""
        return frozenset(i for i in self.named if _mere_place(self.refs.party(self.doc[i])))

    def run(self) -> list[Found]:
        occurrences = [_spoken_against(_sentenced(o)) for o in find_triggers(self.doc, self.lang)]
        self.verbs = {o.support.i: o for o in occurrences if o.support is not None} \
            | {o.head.i: o for o in occurrences if o.pos == "VERB"}
        self.nouns = {o.head.i: o for o in occurrences if o.pos == "NOUN"}
        heads = {o.head.i for o in occurrences} | {o.support.i for o in occurrences if o.support is not None}
        for occ in occurrences:
            if _folded(occ, heads, self.named):
                self.dropped.append((occ, "folded"))
            elif _not_an_act(occ, self.refs):
                self.dropped.append((occ, "not an act"))
            else:
                before = len(self.found)
                self.code(occ)
                if len(self.found) == before:
                    self.dropped.append((occ, self.why or "no event"))
        self.alleged()
        return _dedupe(self.found)

    def alleged(self) -> None:
        """"Tamim claimed Houthis have attacked journalists", "prétendent que des milices associées au gouvernement ont
        mis en place des barrages": a violent or coercive act that a public speaker says another party did is also
        that speaker's accusation of it (PLOVER ACCUSE, mode allege), anchored on the act. A medium relaying the claim
        accuses no one; an act the speaker denies is no accusation."""
        for f in list(self.found):
            if f.rule.type not in ("ASSAULT", "COERCE") or f.actor is None or f.actor.entity is None \
                    or f.factuality == "negated":
                continue
            speaker = speaker_at(self.voices, f.trigger.idx)
            if speaker is None or speaker.entity is None or not _public_voice(speaker) \
                    or "MED" in (speaker.agent, speaker.entity.agent) or same_party(speaker, f.actor) \
                    or (speaker.country is not None and speaker.country == f.actor.country):
                continue  # one's own side's act is a report, not an accusation
            rule = replace(f.rule, type="ACCUSE", mode="allege", slots=())
            self.found.append(Found(replace(f.occurrence, rule=rule), speaker, f.actor, "asserted", 0.5))

    def code(self, occ: Occurrence) -> None:
        refs = self.refs
        self.why = ""
        if self.coded_apart(occ):
            return
        head = self.doer(occ)
        if head is None:
            return  # ``doer`` says why
        before = occ.head.i if head.i == occ.head.head.i else None  # a subject the trigger hangs from (acl)
        actor_heads = members(head, refs)
        excluded = {x.i for h in actor_heads for x in refs.phrase(h, before)}
        recipients, named_slot = self.recipients(occ, excluded, antecedent=True)
        classes = lexicon(self.lang).classes
        mutual = self.mutual(occ, actor_heads, recipients)
        for h in actor_heads:
            said = self.party(h, before)
            actor = self.acting(said, h)
            if actor.entity is None and self.crowd(h):
                self.crowd_act(occ, h, recipients, named_slot)
                continue
            if actor.entity is None or _unknown_thing(h, actor):
                self.why = "actor not resolved"
                continue
            if _covenant(h, classes.get("covenant", frozenset())):
                self.why = "actor is an agreement"
                continue
            targets = recipients
            if said.entity is None:  # a state's unnamed agents ("les policiers"), placed in the article's state
                if occ.rule.type == "PROTEST":  # "la rue bloquée par les gendarmes": police obstruct, they do not protest
                    self.why = "state agents do not protest"
                    continue
                targets = _acted_on_at_home(targets, actor)
            if mutual and _multilateral(occ, actor_heads):
                self.keep(_gathering(occ), h, actor, None, False)
                continue
            if mutual:
                targets = [p for g in actor_heads if g.i != h.i and (p := refs.party(g)).entity is not None] or [None]
            for rec in targets:
                self.keep(occ, h, actor, rec, named_slot and not mutual)

    def mutual(self, occ: Occurrence, actor_heads: Sequence[Token], recipients: Sequence[Party | None]) -> bool:
        """Do the listed doers act on each other ("X et Y se sont rencontrés", "conj-nsubj" slots, "each other"), as
        parties of a meeting, a cooperation or an agreement with no one else named do, unless the verb is one-sided?"""
        return len(actor_heads) > 1 and ("conj-nsubj" in occ.rule.slots or reciprocal(occ, self.lang) or (
            list(recipients) == [None] and occ.rule.type in _MUTUAL_TYPES
            and occ.rule.lemma not in lexicon(self.lang).classes.get("unilateral", ()) and not _disjoined(actor_heads)))

    def coded_apart(self, occ: Occurrence) -> bool:
        """Acts a frame of their own codes: a predicate said of a party, a request an act was done on."""
        if occ.pos == "PRED":
            self.said_of(occ)
            return True
        return self.on_request(occ)

    def on_request(self, occ: Occurrence) -> bool:
        """"returned at the Iraqi government's request", "sont intervenues à la demande des forces irakiennes",
        "at the invitation of the Government of Iraq": the one the request names asked, the subject of the clause it
        qualifies was asked (and acted on it). True when coded so; else the request is coded as any other."""
        verb, asker = _request_frame(occ)
        if verb is None or asker is None:
            return False
        doer = clause_subject(verb)
        if doer is None and verb.dep_ == "conj":
            doer = clause_subject(verb.head)
        actor = self.acting(self.party(asker), asker)
        rec = self.acting(self.party(doer), doer) if doer is not None else None
        if actor.entity is None or rec is None or rec.entity is None or same_party(actor, rec):
            return False
        self.found.append(Found(occ, actor, rec, self.fact(occ), _confidence(occ, asker, actor, rec, self.refs)))
        return True

    def acting(self, said: Party, head: Token) -> Party:
        """Whom the doer ``said`` acts for (``acting_for``: a spokesperson's body, a state's unnamed agents' state);
        a minister of no state named acts for the article's ("Le ministre de l'économie a promis")."""
        actor = acting_for(said, head, self.refs, lexicon(self.lang).classes)
        return (self.minister_referent(head) or actor) if actor.entity is None else actor

    def party(self, head: Token, before: int | None = None) -> Party:
        """What ``head`` stands for; a first-person pronoun inside a quotation stands for its speaker ("« Nous
        avons ordonné aux forces irakiennes … », a déclaré le Premier ministre", "\"We strongly urge Iraqi leaders
        …,\" said the spokeswoman")."""
        p = self.refs.party(head, before)
        if p.entity is None and head.lower_ in words("first_person", self.lang):
            speaker = speaker_at(self.voices, head.idx)
            if speaker is not None and _public_voice(speaker):
                return _party_at(head, speaker.entity, speaker.agent)
        return p

    def doer(self, occ: Occurrence) -> Token | None:
        """The head of the actor's phrase; None when there is none (an agentless act is then coded as such)."""
        head, given = actor_head(occ, self.named, self.towns if occ.rule.type in _PLACED_ACTS else frozenset())
        if head is not None and _title_topic(head):
            head, given = None, False  # "France : attaque à Nice": the headline's topic, not the attacker
        if head is not None and occ.rule.type == "ASSAULT" and occ.pos == "VERB" \
                and lemma_of(head) in lexicon(self.lang).classes.get("vehicle", ()):
            self.rammed(occ)
            return None
        if head is not None and occ.rule.type == "ASSAULT" and occ.pos == "VERB" and self.unnamed_assailant(head, occ.head):
            self.rammed(occ)  # "un homme armé a ouvert le feu dans un cinéma": the same unknown doer
            return None
        if head is not None and occ.rule.type == "ASSAULT" and lemma_of(head) in lexicon(self.lang).classes.get("mishap", ()):
            self.why = "a disaster, no attack"  # "La tempête Zeus a frappé la France"
            return None
        if head is not None and occ.pos == "VERB" and _is_act_noun(head):
            # "Twin bombings struck the Jolo Cathedral": the subject is an act, whose doer is its own agent or unknown
            head = own_agent(head, occ.rule, self.named, frozenset(lexicon(self.lang).support))
            given = head is not None
        if head is None:
            self.why = "no actor phrase"  # unless an agentless reading below says more
            if occ.pos == "NOUN":
                self.between(occ)  # "a call between Trump and Zelensky"
                if undergoer(occ.head) is not None:
                    self.agentless(occ)  # "feraient l'objet d'accusations"
                elif occ.rule.lemma in lexicon(self.lang).classes.get("anonymous", ()):
                    self.agentless_noun(occ)  # "an attack on oil infrastructure in Saudi Arabia"
            elif not given:
                self.agentless(occ)
        return head

    def rammed(self, occ: Occurrence) -> None:
        """"Un camion a foncé sur une foule", "a truck plowed into a crowd": a vehicle driven into people is an attack
        by an unknown driver, on the party or place the clause names, else on the state the story happens in; so is
        an attack by one the text describes but does not name (``unnamed_assailant``: "un homme armé a ouvert le feu")."""
        self.why = "an unknown doer (a vehicle, an unnamed gunman), and no target"
        rec = self.recipients(occ, set())[0][0]
        if rec is None or not rec.country:
            rec = self.scene(occ)
        if rec is not None:
            self.found.append(Found(occ, None, rec, self.fact(occ), 0.3))

    def unnamed_assailant(self, head: Token, verb: Token) -> bool:
        """"Un homme armé a ouvert le feu", "des assaillants ont tué", "a gunman opened fire": an attacker the text
        describes (class ``assailant``: the noun, or its modifier "armé"/"armed") but names no party for is an
        unknown doer, as the annotators code it, not a reason to drop the attack."""
        if self.refs.party(head).entity is not None:
            return False
        classes = lexicon(self.lang).classes
        if lemma_of(head) in classes.get("someone", ()) and _indefinite(head):
            # "un homme a attaqué au couteau un policier", "au moins un individu a ouvert le feu"; not a headline's
            # bare participle ("un homme percuté et tué par une voiture"), where the man is the one struck
            return "Part" not in verb.morph.get("VerbForm", []) or any(c.dep_.startswith("aux") for c in verb.children)
        return _word_or_modifier(head, classes.get("assailant", frozenset()), ("amod",))

    def attacked_at(self, occ: Occurrence) -> Party | None:
        """"six personnes ont été tuées", "des voitures ont été incendiées" (not "des bâtiments détruits", which a
        storm does too): an attack of no named doer on people or by a deliberate act strikes the place the clause
        names, else the state the story happens in."""
        if not (self.unnamed_undergoer(occ) or lemma_of(occ.head) in lexicon(self.lang).classes.get("deliberate", ())):
            return None
        return self.scene(occ)

    def mishap(self, occ: Occurrence) -> bool:
        """"une nouvelle explosion de méthane a tué une équipe de sauveteurs", "intempéries, une femme tuée": a death
        or a ruin the sentence lays on an accident or a disaster (class ``mishap``) is no attack."""
        mishaps = lexicon(self.lang).classes.get("mishap", frozenset())
        if not any(lemma_of(t) in mishaps or t.lower_ in mishaps for t in sentence_of(occ.head)):
            return False
        self.why = "a mishap, no attack"
        return True

    def scene(self, occ: Occurrence) -> Party | None:
        """Where an attack of no named doer struck: the place its clause names, else the state the story happens in."""
        if (place := self.place(occ, set())) is not None:
            return place
        state = home_state(self.refs)
        return _party_at(occ.head, state) if state is not None else None

    def fact(self, occ: Occurrence) -> str:
        """The factuality of the act: a noun's is that of the verb that carries it ("pourrait lancer une offensive",
        "feraient l'objet d'accusations")."""
        carrier = occ.support or (occ.head.head if occ.pos == "NOUN" and undergoer(occ.head) is not None else occ.head)
        return factuality(carrier, self.lang, stop_at=self.reporting)

    # ------------------------------------------------------------ recipients
    def recipients(self, occ: Occurrence, exclude: set[int],
                   antecedent: bool = False) -> tuple[Sequence[Party | None], bool]:
        """The recipient, one per member of a list ("blamed both Israel and the United States"), and whether the
        text named a recipient phrase at all (resolved or not). ``antecedent``: the act has a doer, so a definite
        noun may take the target of the act it refers back to (``antecedent_target``)."""
        named_slot = False
        if occ.pos == "NOUN" and undergoer(occ.head) is not None:
            framed = self.framed_target(occ, exclude)  # "X fait face aux bombardements de Y": X, whatever "de Y" is
            if framed is not None:
                return [framed], True
        for head in recipient_heads(occ):
            if head.i in exclude:
                continue
            named_slot = True
            out = self.members_of(occ, head, exclude)
            if out and (occ.rule.type != "ASSAULT" or any(p.country or _stateless_party(p) for p in out)):
                return out, True  # a person or an armed group attacked is the target, wherever it happened
            if out:  # "struck the Jolo Cathedral in Mindanao, Philippines": a building of no state; the place says
                place = self.place(occ, exclude)
                return ([place] if place is not None else out), True
        return self.unnamed_target(occ, exclude, antecedent, named_slot)

    def members_of(self, occ: Occurrence, head: Token, exclude: set[int]) -> list[Party]:
        """The parties of a recipient phrase, one per member of its list, each once."""
        covenants = lexicon(self.lang).classes.get("covenant", frozenset())
        out: list[Party] = []
        for m in members(head, self.refs, exclude):
            p = self.held(m, self.party(m), occ)
            if _town(p) and (_covenant(m, covenants) or (m.dep_ == "nmod" and _covenant(m.head, covenants))):
                continue  # "se retireront de l'accord de Paris": the town names the agreement, it is no party
            if p.entity is None:
                p = self.act_referent(m) or self.place_referent(m) or self.force_referent(m, occ) \
                    or self.minister_referent(m) or self.policy_referent(m, occ) or self.assailant_referent(m, occ) or p
            if p.entity is not None and all(p.entity is not q.entity for q in out):
                out.append(p)
        return out

    def unnamed_target(self, occ: Occurrence, exclude: set[int], antecedent: bool,
                       named_slot: bool) -> tuple[Sequence[Party | None], bool]:
        """A target no recipient phrase of the trigger resolves to: the frame's, the place's or the act referred
        back to (``fallback_target``), or the one of the act a threat or commitment is about (``embedded_act``)."""
        framed = self.framed_target(occ, exclude) or self.demanded_departure(occ)
        if framed is not None:
            return [framed], True
        fallback = self.fallback_target(occ, exclude, antecedent and not named_slot)
        if fallback is not None:
            return [fallback], True
        embedded = self.embedded_act(occ) if not named_slot else None
        if embedded is not None:
            targets, _ = self.recipients(embedded, exclude)
            if targets != [None]:
                return targets, False  # named in the act, not in the threat: the threat may still stand alone
        return [None], named_slot

    def demanded_departure(self, occ: Occurrence) -> Party | None:
        """"réclament la démission d'Emmanuel Macron", "called for Hasina's resignation", "exigent le retrait des
        troupes russes": a demand that someone resign or withdraw is addressed to the one who is to leave (not a
        release: "demandent la libération des otages" is addressed to their captors, whom it does not name)."""
        if occ.rule.type != "REQUEST" or occ.pos != "VERB":
            return None
        asked = [*objects(occ.head), *(g for c in occ.head.children if c.dep_ == "prep" and c.lower_ == "for"
                                       for g in c.children if g.dep_ == "pobj")]
        for noun in (self.nouns.get(o.i) for o in asked):
            if noun is None or noun.rule.type != "RETREAT" or noun.rule.mode not in ("resign", "withdraw"):
                continue
            for leaver in _leavers(noun.head):
                p = self.refs.party(leaver)
                if p.entity is not None and is_party(p):
                    return acting_for(p, leaver, self.refs, lexicon(self.lang).classes)
        return None

    def embedded_act(self, occ: Occurrence) -> Occurrence | None:
        """"L'Iran a menacé de frapper Israël", "refused to meet Zelensky", "committing to send more troops to Saudi
        Arabia": a threat, a refusal or a commitment that names no one of its own is aimed at the target of the act
        it threatens, refuses or commits to (the trigger of its infinitive)."""
        if occ.pos != "VERB" or occ.rule.type not in ("THREATEN", "REJECT", "AGREE"):
            return None
        return next((self.verbs[c.i] for c in occ.head.children if c.dep_ == "xcomp" and c.i in self.verbs), None)

    def framed_target(self, occ: Occurrence, exclude: set[int]) -> Party | None:
        """A noun's target given by the frame around it: the one who undergoes it ("X, target of Russian strikes"),
        or, for a reproach, the clause's subject ("despite criticism by the Greek foreign minister")."""
        if occ.pos != "NOUN":
            return None
        for frame in (undergoer, opposed_subject, backed_subject):
            if frame is opposed_subject and occ.rule.type not in _REPROACH:
                continue  # "le pays a relevé son niveau d'alerte après l'attentat de Berlin" was not attacked
            if frame is backed_subject and occ.rule.type not in _BACKING_TYPES:
                continue
            framed = frame(occ.head)
            if framed is not None and framed.i not in exclude:
                p = self.refs.party(framed)
                if p.entity is not None:
                    return p
        return None

    def fallback_target(self, occ: Occurrence, exclude: set[int], antecedent: bool) -> Party | None:
        """For an attack, the state of a place named in the clause; then, for an act with a doer and no recipient
        phrase, the target of the act it refers back to (``antecedent_target``)."""
        if occ.rule.type == "ASSAULT" and not _takes_ground(occ):  # the ground taken is no target: its holder is
            place = self.place(_with_clause_verb(occ), exclude)
            if place is not None:
                return place
        return self.antecedent_target(occ) if antecedent else None

    def antecedent_target(self, occ: Occurrence) -> Party | None:
        """"Explosions hit Saudi oil facilities. The attack was claimed by the Houthis": a definite act noun that
        names no target of its own, but whose doer the text now gives (its agent or support verb's), is the act
        reported just before with the same type, and strikes the same target. Only two frames qualify, both there to
        say who did an act already told: the passive subject of a support verb with an agent ("Les attaques ont été
        revendiquées par l'EI"), and the act a group claims ("L'EI a revendiqué l'attaque", "claimed responsibility
        for the attack", "l'attentat, revendiqué par les shebab"). An active "les rebelles qui commettent ces
        exécutions" may tell of other acts. A claimed act with no attack told before it (the story opens on the
        claim) struck the article's own state."""
        t = occ.head
        if occ.pos != "NOUN" or not _definite(t):
            return None
        claimed = self.claimed(occ)
        if not claimed and (occ.support is None or t.dep_ not in ("nsubj:pass", "nsubjpass")
                            or not any(c.dep_ in PASSIVE_AGENT for c in occ.support.children)):
            return None
        for f in self.told_before(t):
            if f.rule.type == occ.rule.type and f.recipient is not None:
                return f.recipient
        state = home_state(self.refs) if claimed else None
        return None if state is None else _party_at(t, state)

    def told_before(self, t: Token) -> Iterator[Found]:
        """The events found before ``t`` within about three paragraphs, the nearest first: what a definite act noun
        or a fight carried on refers back to."""
        earliest = sentence_of(t).start - _ACT_WINDOW
        for f in reversed(self.found):
            if f.trigger.i < earliest:
                break  # events are found in text order: the rest are further back
            if f.trigger.i < t.i:
                yield f

    def claimed(self, occ: Occurrence) -> bool:
        """Is the act one a group claims: the object of a claim verb, or a noun a claim verb's participle qualifies?"""
        claims = lexicon(self.lang).classes.get("claim", frozenset())
        if occ.support is not None and lemma_of(occ.support) in claims:
            return True
        return any(c.dep_ in ("acl", "amod") and lemma_of(c) in claims for c in occ.head.children)

    def campaign_target(self, occ: Occurrence, actor: Party) -> Party | None:
        """"Les FDS ont attaqué l'État islamique à Hassaké. … Les FDS ont lancé une offensive dans le sud": an attack
        named by a noun (an offensive, strikes) whose doer names no target, within about three paragraphs of an
        attack by the same doer on a named one, carries the same fight on; so does ground taken ("Les FDS … ont
        repris une centaine de localités": from the one they fight). Other verbs are left out: a verb with no object
        is more often another sense ("ont frappé à la porte")."""
        capture = _takes_ground(occ)
        if actor.entity is None or occ.rule.type != "ASSAULT" or not capture and (occ.pos != "NOUN" or not (
                occ.support is not None or occ.head.dep_.startswith("nsubj"))):
            return None  # only an attack told as done ("a lancé une offensive"), not "soutenir le juste combat de la Russie"
        if capture:  # "prendre al-Raï, dernier point de passage contrôlé par l'organisation État islamique"
            for o in objects(occ.head):
                q = self.holder(o)
                if q is not None:
                    return q
        for f in self.told_before(occ.head):
            if f.rule.type == "ASSAULT" and f.actor is not None and f.actor.entity is actor.entity \
                    and f.recipient is not None and f.recipient.entity is not None:
                return f.recipient
        return None

    def place_referent(self, head: Token) -> Party | None:
        """"withdrawal from the region", "se retirer du pays": a definite place noun with nothing named stands for
        the one state its sentence names, else the article's own state."""
        if lemma_of(head) not in _PLACE_NOUNS or not _definite(head):
            return None
        if is_plural(head):
            return None  # "invited the countries to open dialogue": many states, not the article's own
        state = self.refs.sentence_country(head) or self.refs.main_country()
        if state is None:
            return None
        return _party_at(head, state)

    def place(self, occ: Occurrence, exclude: set[int]) -> Party | None:
        """The state of a place named in the trigger's clause ("frappes en Iran"): what an attack there hits."""
        operations = lexicon(self.lang).classes.get("operation", frozenset())
        for head in place_heads(occ):
            if lemma_of(head) in operations:
                continue  # "killed in a US counter-terrorism operation": the operation's doer, not a place
            p = self.refs.party(head)
            if p.entity is None or p.entity.type not in ("GPE", "LOC") or head.i in exclude:
                continue
            holder = self.held(head, p, occ)
            if holder is not p:
                return holder
            if p.country:
                return p
            state = self.state_in_apposition(head)
            if state is not None:
                return _party_at(head, state)
        return self.town_of_act(occ, exclude)

    def held(self, head: Token, p: Party, occ: Occurrence) -> Party:
        """A town attacked or seized that the text says a party holds ("Mossoul, … contrôlée par Daech") stands for
        that holder (``holder_of``)."""
        if occ.rule.type not in ("ASSAULT", "COERCE") or not _mere_place(p):
            return p
        return self.holder(head) or p

    def holder(self, place: Token) -> Party | None:
        """The party the text says holds the place (``holder_of``), when it is one and not another place."""
        found = holder_of(place)
        q = self.party(found) if found is not None else None
        return q if q is not None and q.entity is not None and not _mere_place(q) else None

    def town_of_act(self, occ: Occurrence, exclude: set[int]) -> Party | None:
        """"l'attentat de Manchester", "la fusillade de Strasbourg": the town an act noun is named after is where it
        happened (a state after "de" is its doer: "les frappes de la Russie")."""
        if occ.pos != "NOUN" or occ.rule.type not in _PLACED_ACTS or not _definite(occ.head):
            return None  # "au centre national de tir de Rio": a sport's facility, no act
        for c in occ.head.children:
            if c.dep_ == "nmod" and c.i not in exclude and after_de(c):
                p = self.refs.party(c)
                if _mere_place(p) and p.country:
                    return p
        return None

    def state_in_apposition(self, head: Token) -> Entity | None:
        """The state a place the base does not know is placed in by its apposition: "à Momand Dara, une région
        rurale dans la province afghane de Nangarhar" is in Afghanistan."""
        kb = knowledge_base()
        for c in head.children:
            if c.dep_ != "appos":
                continue
            for x in c.subtree:
                e = self.refs.by_token.get(x.i)
                if e is not None and e.type == "GPE" and kb.is_state(e.kb_id, e.country):
                    return e
        return None

    def force_referent(self, head: Token, occ: Occurrence) -> Party | None:
        """"Les talibans ont tué 60 policiers et soldats", "six militaires ont été renversés par une voiture",
        "opened fire on police officers": a state's unnamed agents attacked, arrested or threatened are their state,
        as they are when they act (``acting_for``): the article's own, else the one state their sentence names."""
        if occ.rule.type not in ("ASSAULT", "COERCE", "THREATEN") or not is_state_force(head, lexicon(self.lang).classes) \
                or self.names_someone(head):
            return None
        return self.state_of_unnamed(head)

    def assailant_referent(self, head: Token, occ: Occurrence) -> Party | None:
        """"Les shebab ont attaqué un hôtel … Les assaillants ont été abattus", "cinq des assaillants ont été tués par
        les forces de l'ordre", "the gunmen were killed": the attackers, when the text names them as such (class
        ``assailant``, definite or counted among them), are the doer of the attack told just before."""
        assailants = lexicon(self.lang).classes.get("assailant", frozenset())
        if head.like_num:  # "cinq des assaillants", "two of the gunmen": the attackers counted
            inner = [*(c for c in head.children if c.dep_ == "nmod"),
                     *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")]
            head = next((c for c in inner if lemma_of(c) in assailants), head)
        elif not (_definite(head) or head.head.like_num):
            return None
        if occ.rule.type not in ("ASSAULT", "COERCE") or lemma_of(head) not in assailants:
            return None
        for f in self.told_before(head):
            if f.rule.type == "ASSAULT" and f.actor is not None and f.actor.entity is not None:
                return _party_at(head, f.actor.entity, f.actor.agent)
        return None

    def minister_referent(self, head: Token) -> Party | None:
        """"a demandé à la ministre de l'Éducation": a minister of no state named is one of the article's state, as
        its unnamed police are (``force_referent``)."""
        role = self.refs.role_of(head)
        if role is None or role.get("kind") != "minister" or not _definite(head) \
                or self.names_someone(head):
            return None
        return self.state_of_unnamed(head)

    def policy_referent(self, head: Token, occ: Occurrence) -> Party | None:
        """"ont fortement critiqué cette nouvelle législation", "rejected the reform": a definite law or policy (class
        ``policy``) whose maker its phrase does not name is the state the article happens in, as its unnamed
        ministers are (``minister_referent``); criticising or rejecting it is criticising or rejecting that state."""
        if occ.rule.type not in ("ACCUSE", "REJECT", "PROTEST") or not _definite(head) \
                or lemma_of(head) not in lexicon(self.lang).classes.get("policy", ()) \
                or self.names_someone(head):
            return None
        return self.state_of_unnamed(head)

    def names_someone(self, head: Token) -> bool:
        """Does the noun's phrase name a party ("la ministre française de l'Éducation", "la loi hongroise")? Then it
        is no unnamed agent, minister or law for the referents above to place."""
        return any(t.i in self.named for t in self.refs.phrase(head))

    def state_of_unnamed(self, head: Token) -> Party | None:
        """The state of a state's agent the text does not place: the article's own, else the one its sentence names."""
        state = home_state(self.refs)
        if state is None:
            state = self.refs.sentence_country(head)
            state = state if state is not None and knowledge_base().is_state(state.kb_id, state.country) else None
        return None if state is None else _party_at(head, state)

    def act_referent(self, head: Token) -> Party | None:
        """"condemned the operation", "a nié ces accusations", "les auteurs de ces exactions", "leur responsabilité
        dans ces frappes": a definite noun for an act reported just before stands for that act's actor."""
        noun = next((x for x in self.refs.phrase(head) if x.pos_ == "NOUN" and _definite(x)), None)
        if noun is None:
            return None
        lemma = lemma_of(noun)
        kind = _ACT_NOUNS.get(lemma, "ASSAULT" if _is_act_noun(noun) else None)  # "the airstrike"
        for f in self.told_before(noun):
            if f.actor is None:
                continue
            if lemma_of(f.trigger) == lemma or (kind is not None and f.rule.type in _MATERIAL | {"ACCUSE", "REQUEST"}
                                                and kind in ("", f.rule.type)):
                party = _party_at(head, f.actor.entity, f.actor.agent)
                self.acts[id(party)] = f
                return party
        return None

    # ------------------------------------------------------------ the ways an event is kept
    def keep(self, occ: Occurrence, head: Token, actor: Party, rec: Party | None, named_slot: bool) -> None:
        """Add the event unless it fails the precision rules."""
        rule = occ.rule
        if rec is not None and same_party(actor, rec):
            act = self.acts.get(id(rec))
            rec = act.recipient if act is not None else None  # one's own act ("reconnu … ces frappes"): its target
        occ, fact = _retyped(occ, self.fact(occ), head)
        rule = occ.rule
        if rec is not None and self.no_party_to(occ, actor, rec):
            rec = None
        if rec is None and (not named_slot or _takes_ground(occ)):  # "reprenant les zones au nord": no one named
            rec = self.campaign_target(occ, actor)
        if rec is None and occ.rule.slots and not _alone_ok(occ, named_slot):
            if occ.rule.type == "ASSAULT" and _crowd_control(occ):
                pass  # "les agents de l'ordre tirent des grenades lacrymogènes": used on people, kept with no recipient
            elif occ.rule.type == "ASSAULT" and class_of_object(occ, "weapon") \
                    and all(o.i != head.i for o in objects(occ.head)):  # "bombardements de drones américains": the doer's
                # "a tiré un missile balistique", "fired two missiles" with no target: a show of force (MOBILIZE)
                occ = replace(occ, rule=replace(occ.rule, type="MOBILIZE", mode="weapons", slots=()))
            elif not self.unnamed_captives(occ, actor):
                self.why = "no recipient" if not named_slot else "recipient not resolved"
                return  # "detained four people": the recipient is unnamed, the act is still coded
        if rec is None and actor.country is None and actor.entity is not None and actor.entity.type == "PERSON":
            self.why = "private person alone"
            return  # a private person acting alone is not a political event
        self.found.append(Found(occ, actor, rec, fact, _confidence(occ, head, actor, rec, self.refs)))

    def no_party_to(self, occ: Occurrence, actor: Party, rec: Party) -> bool:
        """Is the recipient read no party to the act: a town spoken to, the actor's own town, a town people were
        arrested in?"""
        kind = occ.rule.type
        return _not_a_party(rec, kind) or _own_town(actor, rec, kind) or _arrested_place(occ, rec, self.lang)

    def crowd(self, head: Token) -> bool:
        """Is the doer a crowd the text does not name ("des manifestants", "les habitants": a group role of civilians)?"""
        return is_crowd(self.refs.role_of(head))

    def crowd_act(self, occ: Occurrence, head: Token, recipients: Sequence[Party | None], named_slot: bool) -> None:
        """"des manifestants bloquent la rue", "environ 400 manifestants demandaient la révocation": the act of a
        crowd no one names is coded with an unknown doer, as an agentless passive is, not given to a party named
        before."""
        occ, fact = _retyped(occ, self.fact(occ), head)  # "des syndicats mobilisaient": people rallied protest
        for rec in recipients:
            if rec is not None and _not_a_party(rec, occ.rule.type):
                rec = None
            if rec is None and occ.rule.slots and not _alone_ok(occ, named_slot):
                self.why = "a crowd's act, no recipient"
                continue
            self.found.append(Found(occ, None, rec, fact, 0.3))

    def unnamed_captives(self, occ: Occurrence, actor: Party) -> bool:
        """Are those the act is done to people the text does not name ("detained four people", "a effectué plus de
        1 000 arrestations")? The act is then coded with no recipient."""
        return (occ.rule.type in _CAPTIVE_TYPES and occ.pos == "VERB" and self.unnamed_undergoer(occ)) \
            or _unnamed_arrests(occ, actor)

    def unnamed_undergoer(self, occ: Occurrence) -> bool:
        """Is the one arrested or shot named only by a role ("four people", "l'auteur des faits") or a pronoun?"""
        return class_of_object(occ, "captive", common=True) or self.unnamed_person(occ)

    def unnamed_person(self, occ: Occurrence) -> bool:
        """"Il a été abattu par les soldats", "la police l'a interpellé": a personal pronoun undergoing an arrest or a
        shooting that stands for no one named is a person the story does not name, like "un homme"."""
        return any(o.lower_ in _PERSON_PRONOUNS and _no_one(self.refs.party(o)) for o in objects(occ.head))

    def said_of(self, occ: Occurrence) -> None:
        """"said the Abu Sayyaf Group are the suspected perpetrators": the speaker accuses the subject; a news medium
        that only relays the claim accuses no one."""
        speaker = speaker_at(self.voices, occ.head.idx)
        if speaker is None or speaker.entity is None or "MED" in (speaker.agent, speaker.entity.agent):
            return  # a news medium reports the claim ("…, reported The Daily Telegraph"), it does not make it
        fact = self.fact(occ)
        if fact == "uncertain":
            fact = "asserted"  # "the suspected perpetrators": the hedge is the allegation itself, which is made
        for rec in self.recipients(occ, set())[0]:
            if rec is not None and not same_party(speaker, rec):
                self.found.append(Found(occ, speaker, rec, fact, 0.6))

    def between(self, occ: Occurrence) -> None:
        """A meeting, call or agreement "between A and B" with no doer of its own: each side acts towards the other."""
        if occ.rule.type not in _MUTUAL_TYPES:
            return
        for slot in ("prep:between", "nmod:entre"):
            heads = list(slot_heads(occ, slot))
            if not heads:
                continue
            sides = [p for h in members(heads[0], self.refs) if (p := self.refs.party(h)).entity is not None]
            sides = [p for n, p in enumerate(sides) if all(p.entity is not q.entity for q in sides[:n])]
            if len(sides) < 2:
                continue
            for a in sides:
                for b in sides:
                    if a is not b and not same_party(a, b):
                        self.found.append(Found(occ, a, b, self.fact(occ), 0.6))
            return

    def agentless_noun(self, occ: Occurrence) -> None:
        """"an attack on oil infrastructure in Saudi Arabia", "protests continue in Baghdad", "un attentat-suicide à
        Momand Dara": a violent act or a protest named by a noun with no doer in the text (no agent of its own, no
        light verb, no clause doer) is kept with an unknown actor. Its target is the party its slots name when that
        party belongs to a state or an IGO, else the state of the place it happened in; a protest may also stand
        with no one named. An attack that names no one it struck tells nothing of the news and is left out.

        Only the nouns of the class ``anonymous`` (``event_classes.tsv``) qualify: attacks, bombings, shootings,
        protests, strikes, which news reports before it knows who did them; not a war, an offensive or an execution,
        whose doer the story always knows, nor a rally, most often a campaign's. A noun that is the object of a
        verb whose subject is a party ("bin Laden orchestrated the 9/11 attacks", "Iran denied the attack") is that
        subject's business, not an act of no one."""
        verb = occ.head.head
        if occ.head.dep_ in ("obj", "dobj") and verb.pos_ in ("VERB", "AUX"):
            subject, _ = actor_head(Occurrence(verb, [verb], occ.rule), self.named)
            if subject is not None and self.refs.party(subject).entity is not None:
                self.why = "act of the clause's subject"
                return
        recs, _ = self.recipients(occ, set())
        rec = recs[0]
        where = _with_clause_verb(occ)
        if rec is not None and not rec.country:
            # a building, a name of its own, a body of no state: the place says whose; failing that, a club, a
            # company or a person attacked is the target itself ("l'attentat contre le Borussia Dortmund"), never an
            # IGO ("l'attaque la plus virulente contre l'UE" is words)
            named = rec if occ.rule.type == "ASSAULT" and rec.entity is not None and rec.entity.type in (
                "ORG", "PERSON") and rec.entity.agent != "IGO" else None
            rec = self.place(where, set()) or named
        if rec is None and occ.rule.type == "PROTEST":
            rec = self.place(where, set())
        if rec is None and _indefinite(occ.head):
            # "un attentat-suicide à Momand Dara, … dans la province afghane": an attack the sentence first tells of
            # happened in the one state it names, whatever the parse made of the place
            state = self.refs.sentence_country(occ.head)
            rec = _party_at(occ.head, state) if state is not None else None
        if rec is None and occ.rule.type != "PROTEST":
            self.why = "agentless act, no target"
            return
        self.found.append(Found(occ, None, rec, self.fact(occ), 0.3))

    def agentless(self, occ: Occurrence) -> None:
        """"les quatre personnes détenues", "missiles which were shot down": the act stays, its doer unknown.
        Troops moved by no named actor ("225 militaires ont été déployés") belong to their own state."""
        fact = self.fact(occ)
        if occ.rule.type in ("MOBILIZE", "AID"):
            self.owned_move(occ, fact)
            return
        authority = self.authority(occ) or self.course_doer(occ)
        if occ.rule.type not in _CAPTIVE_TYPES and authority is None and not _charged(occ) \
                and not (occ.pos == "NOUN" and undergoer(occ.head) is not None):
            return  # a verbal act needs its speaker to mean anything, unless it is one undergone ("l'objet d'accusations")
        patient = _patient(occ.head)
        rec = self.undergone_by(occ, patient)
        if authority is not None and rec is not None and same_party(authority, rec):
            authority = None
        if occ.rule.type == "ASSAULT" and authority is None:
            if self.mishap(occ):
                return
            rec = rec or self.attacked_at(occ)
        if rec is None:
            if self.unnamed_undergoer(occ) and (authority is not None or occ.rule.type != "ACCUSE"):
                self.found.append(Found(occ, authority, None, fact, 0.3))  # an accusation by no one of no one: nothing
        elif rec.country or (rec.entity is not None and rec.entity.agent == "IGO"):  # a party of the news, not a building or a name of its own
            self.found.append(Found(occ, authority, rec, fact, 0.35))
        elif occ.rule.type in ("COERCE", "ASSAULT") and self.named_person(patient, rec):
            self.found.append(Found(occ, authority, rec, fact, 0.35))

    def undergone_by(self, occ: Occurrence, patient: Token | None) -> Party | None:
        """The party an agentless act is done to: its patient's, else its recipient slot's; never a town for an arrest
        or a charge ("un jeune homme … dans le département français du Nord, soupçonné de …")."""
        rec = self.patient_party(patient, occ) if patient is not None else self.recipients(occ, set())[0][0]
        if rec is not None and (_arrested_place(occ, rec, self.lang)
                                or (occ.rule.type in _VERBAL and _not_a_party(rec, occ.rule.type))):
            return None
        return rec

    def course_doer(self, occ: Occurrence) -> Party | None:
        """"He was met by Abu Mahdi al-Muhandis, who was also killed in the airstrike": a passive with no agent done
        in the course of a definite attack ("the airstrike", "cette frappe") is the act told just before, by its doer."""
        if occ.pos != "VERB":
            return None
        for noun in during_nouns(occ.head):
            if _is_act_noun(noun) and _definite(noun):
                return self.act_referent(noun)
        return None

    def owned_move(self, occ: Occurrence, fact: str) -> None:
        """Troops or arms moved by no named actor belong to their state: "des missiles iraniens … pourraient être
        livrés à la Russie" is Iran's aid; "225 militaires ont été déployés" Belgium's mobilisation."""
        theme = passive_theme(occ.head)
        owner = self.refs.party(theme) if theme is not None else None
        if theme is not None and owner is not None and owner.entity is None and occ.rule.type == "MOBILIZE" \
                and is_state_force(theme, lexicon(self.lang).classes):
            # "Près de 17 000 policiers étaient déployés dans les rues d'Istanbul": a state's unnamed agents are
            # deployed by their state, the one the article happens in (``state_of_unnamed``)
            owner = self.state_of_unnamed(theme)
        if theme is None or owner is None or owner.entity is None or not owner.country:
            return
        recs = self.recipients(occ, {x.i for x in self.refs.phrase(theme)})[0] if occ.rule.type == "AID" else [None]
        for rec in recs:
            if rec is None and occ.rule.type == "AID":
                continue
            if rec is None or not same_party(owner, rec):
                self.found.append(Found(occ, owner, rec, fact, 0.5))

    def authority(self, occ: Occurrence) -> Party | None:
        """"Les deux adolescentes ont été interpellées", "a été mis en examen", "was indicted": only a state's police
        and courts arrest, detain, charge and convict, so such an act whose doer the text does not give is the
        article's own state's (``home_state``: a clear majority of its places), as its unnamed police are."""
        rule = occ.rule
        if not (rule.mode in ("arrest", "convict") or (rule.type == "ACCUSE" and "legal" in rule.context)
                or (rule.type == "ASSAULT" and _crowd_control(occ))):  # "du gaz lacrymogène a été employé"
            return None
        state = home_state(self.refs)
        t = occ.head
        return None if state is None else _party_at(t, state)

    def named_person(self, patient: Token | None, rec: Party) -> bool:
        """"Viktar Babaryka, who was arrested and banned from the election": only authorities arrest, detain or ban,
        so a person named as the one who underwent it (not "ses équipements", not an "il") is news even when the text
        gives neither doer nor country; so is a named person killed or wounded by no one the text names ("Kim
        Jong-nam avait été assassiné")."""
        if rec.entity is None or rec.entity.type != "PERSON" or patient is None:
            return False
        # "Le journaliste Gildas Yihundimpundu, qui avait été arrêté": the role noun stands with the name beside it
        return any(self.refs.by_token.get(x.i) is rec.entity
                   for x in (patient, *(c for c in patient.children if c.dep_ == "appos")))

    def patient_party(self, patient: Token, occ: Occurrence) -> Party | None:
        """The party an agentless passive is done to, read from its patient alone ("le boulevard Wilson a été
        fermé", "un muezzin a été abattu à Iskandariya", "Kim Jong-nam avait été assassiné à Kuala Lumpur"): the
        patient names what underwent the act, so neither the place it happened in nor a party named behind a
        preposition of place inside it ("le trafic entre Thionville et le Luxembourg") stands for it. Only a party the
        patient is, or belongs to ("l'ambassadeur de Russie", "soldats burundais", "ambassador to Greece"), is one;
        one merely implied by a role noun ("deux manifestants") is left unnamed, except a state's agents ("six
        militaires ont été renversés"), who are their state (``force_referent``)."""
        p = self.refs.party(patient)
        if p.entity is None:
            return self.force_referent(patient, occ)
        if patient.pos_ == "PRON" or patient.i in self.refs.by_token:
            return p
        genitive = lexicon(self.lang).classes.get("genitive", frozenset())
        for t in self.refs.phrase(patient):
            if self.refs.by_token.get(t.i) is p.entity and _owned(t, patient, genitive):
                return p
        return None


def _public_voice(speaker: Party) -> bool:
    """A speaker whose "we" is a party of the news: a person of a known state, a state, or a state body or IGO. Not
    a platform or a name the claim reader got wrong ("a déclaré … sur le réseau social Twitter")."""
    e = speaker.entity
    if e is None or e.type == "PERSON":
        return e is not None and e.country is not None
    return (e.type == "GPE" and e.country is not None) or e.agent in STATE_AGENTS


def _definite(noun: Token) -> bool:
    """Does a definite or demonstrative determiner open the noun ("the airstrike", "ces frappes")?"""
    return any(c.dep_ == "det" and lemma_of(c) in _DEFINITE for c in noun.children)


def _indefinite(noun: Token) -> bool:
    """Does an indefinite article open the noun ("un attentat", "a Volvo XC90")?"""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children)


def _with_clause_verb(occ: Occurrence) -> Occurrence:
    """A noun subject of a verb takes its place from that verb: "protests continue in Baghdad", "des explosions ont
    eu lieu à l'aéroport d'Istanbul", "un bombardement … a causé l'effondrement d'immeubles à Mossoul, en Irak"."""
    verb = occ.head.head
    if occ.pos == "NOUN" and occ.support is None and occ.head.dep_.startswith("nsubj") and verb.pos_ in ("VERB", "AUX"):
        return replace(occ, support=verb)
    return occ


def _party_at(t: Token, entity: Entity | None, agent: str | None = None) -> Party:
    """A party the word ``t`` stands for ("le pays", "les policiers", "the attack" for its doer)."""
    return Party(t.text, t.idx, t.idx + len(t.text), entity, agent)


def _multilateral(occ: Occurrence, members: Sequence[Token]) -> bool:
    """A meeting of more than three parties listed together ("les syndicats CFDT, CGT, FO, CFE-CGC, CFTC, Unsa et FSU
    réunis") is one gathering each attends, not forty-two meetings of each with each; two or three meet pairwise."""
    return occ.rule.type == "CONSULT" and len(members) > 3


def _gathering(occ: Occurrence) -> Occurrence:
    """The meeting as each member attends it: PLOVER's multilateral mode, no one party met."""
    return replace(occ, rule=replace(occ.rule, mode="multilateral", slots=()))


def _acted_on_at_home(targets: Sequence[Party | None], actor: Party) -> list[Party | None]:
    """"les policiers ont interpellé un homme à Nice", "expulsé les manifestants de la gare SNCF": a town, a building
    or a company at home says where a state's agents acted; whom they acted on is a person, an armed group ("cinq
    des assaillants ont été tués par les forces de l'ordre"), a movement or a group of the opposition or civil
    society ("les gendarmes ont expulsé les Gilets jaunes") or a foreign party."""
    return [None if p is not None and p.entity is not None and not _stateless_party(p)
            and p.entity.agent not in ("OPP", "NGO") and p.country in (None, actor.country) else p for p in targets]


def _retyped(occ: Occurrence, fact: str, head: Token) -> tuple[Occurrence, str]:
    """The act a verb's frame makes of its row: "did not accede to protesters' demands", "n'a pas accepté" (declining
    to yield is a rejection, CAMEO 124); "des millions de personnes se sont mobilisées", "les Gilets jaunes restent
    mobilisés" (people who rally themselves protest: ``_rallied``); "les gendarmes ont expulsé les Gilets jaunes du
    rond-point" (the police, ``head`` the actor's noun, evict: repression, not the expulsion of a diplomat)."""
    rule = occ.rule
    if rule.type == "SANCTION" and rule.mode == "expel" and is_state_force(head, lexicon(head.doc.lang_).classes):
        return replace(occ, rule=replace(rule, type="COERCE", mode=None, context=())), fact
    if rule.type in ("CONCEDE", "AGREE") and occ.pos == "VERB" and fact == "negated":
        return replace(occ, rule=replace(rule, type="REJECT", mode=None)), "asserted"
    if rule.type == "MOBILIZE" and occ.pos == "VERB" and _rallied(occ.head):
        return replace(occ, rule=replace(rule, type="PROTEST", mode="demo", slots=())), fact
    return occ, fact


def _crowd_control(occ: Occurrence) -> bool:
    """"tirent des grenades lacrymogènes", "lancent du gaz lacrymogène", "fired tear gas": a crowd-control weapon
    (class ``crowd_control``, the noun or its modifier) is used on people, never a show of force (MOBILIZE) like a
    missile fired at no one."""
    words = lexicon(occ.head.doc.lang_).classes.get("crowd_control", frozenset())
    return any(_word_or_modifier(o, words, ("amod", "compound", "nmod", "flat")) for o in objects(occ.head))


def _word_or_modifier(noun: Token, words: frozenset[str], deps: tuple[str, ...]) -> bool:
    """Is the noun, or one of its modifiers (``deps``), a word of the class ``words``: "tireur" or "homme armé" an
    assailant, "gaz lacrymogène" or "tear gas" crowd control?"""
    return lemma_of(noun) in words or any(c.dep_ in deps and lemma_of(c) in words for c in noun.children)


def _charged(occ: Occurrence) -> bool:
    """"Elle est accusée de corruption et d'abus de pouvoir", "was accused of bribery": an accusation undergone,
    whose charge the passive names, is news even when the text does not say who made it (actor unknown)."""
    return occ.rule.type == "ACCUSE" and occ.pos == "VERB" and _prep_complement(occ.head, "de", "of") is not None


def _prep_complement(t: Token, fr: str, en: str) -> Token | None:
    """The verb's complement introduced by ``fr`` (French: "accusée de corruption", "condamné à deux ans") or by
    ``en`` (English: "accused of bribery", "condemned to death"), whose parses hang the preposition differently."""
    if t.doc.lang_ == "fr":
        return introduced(t, (fr,))
    return pobj(t, en)


def _sentenced(occ: Occurrence) -> Occurrence:
    """"a été condamnée à deux ans de prison", "condamné à 600 000 euros d'amende", "condemned to death": a
    condemnation (class ``sentencing``) whose "à"/"to" complement names a penalty (class ``penalty``) is a court's
    sentence, PLOVER SANCTION convict, not a criticism; with no agent given, the state's courts passed it
    (``authority``). Read before coding, since the agentless reading depends on the mode."""
    rule, t = occ.rule, occ.head
    classes = lexicon(t.doc.lang_).classes
    if rule.type != "ACCUSE" or occ.pos != "VERB" or rule.lemma not in classes.get("sentencing", ()):
        return occ
    comp = _prep_complement(t, "à", "to")
    if comp is None or not any(lemma_of(x) in classes.get("penalty", ()) for x in comp.subtree):
        return occ
    return replace(occ, rule=replace(rule, type="SANCTION", mode="convict", context=("legal",)))


def _spoken_against(occ: Occurrence) -> Occurrence:
    """"Erdogan also attacked the proclamation of Golan Heights as Israeli territory", "attaque de front le « modèle
    Uber » dans son projet de loi": an attack (class ``verbal_attack``) on words, a decision, a policy or a proposal
    (classes ``publication``, ``policy``, ``proposal``) is a criticism, PLOVER ACCUSE, not an assault. Read before
    coding, since whom a criticism is of is read from what it criticises."""
    rule, t = occ.rule, occ.head
    classes = lexicon(t.doc.lang_).classes
    if rule.type != "ASSAULT" or occ.pos != "VERB" or rule.lemma not in classes.get("verbal_attack", ()):
        return occ
    said = classes.get("publication", frozenset()) | classes.get("policy", frozenset()) | classes.get("proposal", frozenset())
    if not any(lemma_of(o) in said for o in objects(t)):
        return occ
    return replace(occ, rule=replace(rule, type="ACCUSE", mode="disapprove", context=()))


def _rallied(t: Token) -> bool:
    """"se sont mobilisées", "restent mobilisés": a verb of class ``rally`` said of people who rally themselves (a
    reflexive, or a participle with no object and no "avoir"), not of forces one mobilises ("va mobiliser en France
    des forces", where the parser may lose the object)."""
    if lemma_of(t) not in lexicon(t.doc.lang_).classes.get("rally", ()):
        return False
    if any(c.lower_ in ("se", "s'", "s’") for c in t.children):
        return True
    return "Part" in t.morph.get("VerbForm", []) and not objects(t) \
        and not any(c.dep_.startswith("aux") and c.lemma_ in ("avoir", "have") for c in t.children)


def _leavers(noun: Token) -> Iterator[Token]:
    """Who a resignation or a withdrawal is of: "la démission de X", "X's resignation", "the withdrawal of X"."""
    for c in noun.children:
        if c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "nmod" and after_de(c)):
            yield c
        elif c.dep_ == "prep" and c.lower_ == "of":
            yield from (g for g in c.children if g.dep_ == "pobj")


def _title_topic(t: Token) -> bool:
    """Is ``t`` the topic a headline opens with before a colon ("France : attaque à Nice", "Irak : l'armée lance
    l'offensive")? It says what the story is about, not who acted."""
    if t.i > 8:  # a headline's topic opens the text (constant time: this runs for every actor of a long text)
        return False
    doc = t.doc
    colon = next((x for x in doc[t.i + 1:t.i + 5] if x.text == ":"), None)
    return colon is not None and all(x.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP") for x in doc[:colon.i])


def _patient(t: Token) -> Token | None:
    """What an agentless passive is done to: its passive subject, or the noun its participle hangs from ("les
    musulmans tués en Syrie"); None for an active verb ("deux attentats ont tué 91 personnes à Bagdad")."""
    subject = next((c for c in t.children if c.dep_ in ("nsubj:pass", "nsubjpass")), None)
    if subject is not None:
        # "two Russian missiles which were shot down": the relative pronoun stands for the noun
        return t.head if t.dep_ in ("relcl", "acl:relcl") and relative(subject) else subject
    if t.dep_ == "acl" and t.tag_ != "VBG" and t.head.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ in ("obj", "dobj", "nsubj") for c in t.children):
        return t.head
    if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux:pass", "auxpass") for c in t.children) \
            and not any(c.dep_.startswith("nsubj") for c in t.children):
        # "Mugabe co-founded ZANU …, but was arrested in 1963 and was imprisoned": the first verb's subject
        return _patient(t.head) or clause_subject(t.head)
    return None


def _owned(t: Token, head: Token, genitive: frozenset[str]) -> bool:
    """Is ``t`` reached from ``head`` with no preposition on the way but a genitive one ("de", "of") or one of posting
    ("ambassador to Greece")?"""
    node, steps = t, 0
    while node.i != head.i and steps < 6:
        case = next((c for c in node.children if c.dep_ in ("case", "prep")), None)
        if node.dep_ == "pobj":
            case = node.head
        if case is not None and lemma_of(case) not in genitive and case.lower_ not in words("posting_preposition"):
            return False
        node = node.head
        steps += 1
    return True


_INDEFINITE = frozenset({"a", "an", "un", "une", "des"})


def _disjoined(heads: Sequence[Token]) -> bool:
    """"durant le sommet de l'Union africaine ou l'Assemblée générale": members joined by "ou"/"or" are
    alternatives, not sides of one meeting or pact."""
    return any(c.dep_ == "cc" and c.lower_ in ("ou", "or") for h in heads for c in h.children)


def _covenant(head: Token, covenants: frozenset[str]) -> bool:
    """"les accords de Minsk visant à mettre fin au conflit", "la trêve engagée par un accord russo-américain",
    "les accords de paix … qui ont mis fin": an agreement or a text (class ``covenant``) binds its parties but does
    nothing; the party named inside it ("de Minsk", "russo-américain") is no doer. A relative pronoun is its
    antecedent."""
    noun = head.head.head if relative(head) and head.head.dep_ in ("acl:relcl", "relcl") else head
    return noun.pos_ == "NOUN" and lemma_of(noun) in covenants


def _unknown_thing(head: Token, actor: Party) -> bool:
    """"struck by a Volvo XC90": an organisation the base does not know, met with an indefinite article, is a thing
    (a car, a product), not a political actor; "des membres de la DGSI" are the organisation's people. A place
    of no known state does not act either ("l'attaque du Louvre" is no attack by the Louvre)."""
    e = actor.entity
    if _unknown_place(actor) or _mere_thing(actor):
        return True
    return e is not None and e.type == "ORG" and not in_base(e) \
        and lemma_of(head) not in lexicon(head.doc.lang_).classes.get("people", ()) and _indefinite(head)


def _takes_ground(occ: Occurrence) -> bool:
    """Is the act ground taken by force ("ont repris Ramadi", "s'emparer de la zone", "took the town")? A verb whose
    sense asks for a territory as what it takes."""
    return occ.pos == "VERB" and any("territory" in s.classes for s in occ.rule.senses)


def _stateless_party(p: Party) -> bool:
    """A party of no state that can be attacked as such: a person, an armed group ("ont attaqué l'État islamique à
    Alep": the group, not Aleppo) or an international body."""
    return p.entity is not None and (p.entity.type == "PERSON" or p.entity.agent in ("REB", "IGO"))


_REQUEST_NOUNS = frozenset({"demande", "requête", "invitation", "request"})


def _request_frame(occ: Occurrence) -> tuple[Token | None, Token | None]:
    """The clause verb a request noun qualifies as "at the request of X", "at X's request", "à la demande de X",
    "sur (l')invitation de X", and X, the one who asked."""
    t = occ.head
    if occ.pos != "NOUN" or occ.rule.type != "REQUEST" or lemma_of(t) not in _REQUEST_NOUNS:
        return None, None
    if t.dep_ == "pobj" and t.head.lower_ == "at" and t.head.head.pos_ in ("VERB", "AUX"):
        verb = t.head.head
    elif any(c.dep_ == "case" and c.lower_ in ("à", "sur") for c in t.children) and t.head.pos_ in ("VERB", "AUX") \
            and t.dep_.startswith("obl"):
        verb = t.head
    else:
        return None, None
    asker = next((c for c in t.children if c.dep_ in ("poss", "nmod:poss") or (c.dep_ == "nmod" and after_de(c))), None)
    return verb, asker or pobj(t, "of")


def _mere_place(p: Party) -> bool:
    """A town or region, not a state nor a capital standing for its government: where, never who."""
    return p.entity is not None and p.entity.type in ("GPE", "LOC") and not is_party(p)


def _own_town(actor: Party, rec: Party, kind: str) -> bool:
    """"l'armée irakienne a repris l'offensive à Mossoul": a town or region of the acting state's own is where it
    attacked or coerced, not whom (the group holding the town, a crowd the clause does not name). Other actors may
    attack a state's town ("rebels attacked Aleppo")."""
    return kind in ("ASSAULT", "COERCE") and actor.entity is not None and actor.entity.type == "GPE" \
        and bool(actor.country) and _mere_place(rec) and rec.country == actor.country


def _town(p: Party) -> bool:
    """A town or region, capitals included (a capital may stand for its government, but not in a treaty's name)."""
    return p.entity is not None and p.entity.type in ("GPE", "LOC") \
        and kind_of(p.entity) not in ("country", "territory")


def _no_one(p: Party) -> bool:
    """Does a personal pronoun stand for no one named: no entity, or a town ("Il a été placé en garde à vue" with "il"
    read as the town named before)?"""
    return p.entity is None or _mere_place(p)


def _arrested_place(occ: Occurrence, rec: Party, lang: str) -> bool:
    """"des dizaines d'autres arrêtés …, notamment à Karachi", "Il a été placé en garde à vue" with "il" read as the
    town named before: people are arrested, charged and convicted, towns are not; the town is where. A town named as
    the undergoer itself is seized ("the city of Mariupol was captured") and stays."""
    if occ.rule.mode not in ("arrest", "convict") or not _mere_place(rec):
        return False
    span = occ.head.doc.char_span(rec.start, rec.end, alignment_mode="expand")
    if span is None:
        return True
    head = span.root
    return not (head.pos_ == "PROPN" or lemma_of(head) in lexicon(lang).classes.get("territory", ())) \
        or head.dep_.startswith(("obl", "nmod", "pobj", "prep"))


def _not_a_party(rec: Party, kind: str) -> bool:
    """One speaks to, accuses or meets a party, not a town ("condamné le crime de Tombouctou"); a thing or a place
    of no known state is acted on where it is, and is no party to the act ("au blocage de YouTube")."""
    return not is_party(rec) if kind in _VERBAL else _mere_thing(rec) or _unknown_place(rec)


def _unknown_place(p: Party) -> bool:
    """A place of no known state ("le Louvre", "Portes-lès-Valence" when the base has no such town): where an act
    happens, not a party to it."""
    e = p.entity
    return e is not None and e.type in ("GPE", "LOC") and e.kb_id is None and e.country is None


def _mere_thing(p: Party) -> bool:
    """A name the base does not know that NER calls neither person, organisation nor place ("le cyclone Enawo",
    "ses avions de combat CF-18", "Dieu", "YouTube") names a storm, a product, a work or a platform: no party of the
    news acts through it, and what is done to it is done to no party. One may still speak to it ("La Turquie
    demande à Wikipédia"), as to an organisation NER mistyped."""
    e = p.entity
    return e is not None and e.type == "MISC" and e.country is None and not in_base(e)


def _slot_of_class(occ: Occurrence, name: str) -> bool:
    """Is a recipient phrase of the trigger a common noun of class ``name`` ("did not accede to protesters' demands")?"""
    words = lexicon(occ.head.doc.lang_).classes.get(name, frozenset())
    return any(h.pos_ == "NOUN" and lemma_of(h) in words for h in recipient_heads(occ))


def _is_act_noun(t: Token) -> bool:
    """A noun for a violent act or a weapon ("bombings", "the attack", "a missile") rather than a doer."""
    if t.pos_ != "NOUN":
        return False
    lex = lexicon(t.doc.lang_)
    lemma = lemma_of(t)
    return _ACT_NOUNS.get(lemma) == "ASSAULT" or lemma in lex.classes.get("attack", ()) or lemma in lex.classes.get("weapon", ())


def _not_an_act(occ: Occurrence, refs: Referents) -> bool:
    """Nouns that name rather than report an act: part of a name ("the NATO treaty", "Paris Agreement"), or the
    portfolio of a role ("the special envoy for Ukraine negotiations", "ministre chargé des négociations")."""
    if occ.pos != "NOUN":
        return False
    t = occ.head
    if t.i in refs.by_token:
        return True
    up = t.head.head if t.head.dep_ == "prep" else t.head
    return up.i != t.i and t.dep_ in ("pobj", "nmod", "compound") and refs.role_of(up) is not None


def _folded(occ: Occurrence, heads: set[int], named: frozenset[int]) -> bool:
    """Is the trigger inside the complement of another trigger of the same clause? ("promis de soutenir"; a noun
    through its support verb: "a menacé de lancer des frappes contre Israël", "appelle le pays à continuer sa
    collaboration": the strikes are threatened, the collaboration asked for, neither is told as done)"""
    t = occ.head
    if occ.pos == "NOUN":
        if own_agent(t, occ.rule, named, frozenset(lexicon(t.doc.lang_).support)) is not None:
            return False
        if any(True for slot in ("prep:between", "nmod:entre") for _ in slot_heads(occ, slot)):
            return False  # "facilitate a meeting between Giuliani and Yermak": the meeting is an act of its own
    node, steps = occ.support or t, 0
    while node.head.i != node.i and steps < 4:
        if node.dep_ in _FOLD_DEPS or node.dep_.startswith("nsubj") or _circumstance(node):
            return False
        node = node.head
        steps += 1
        if node.i in heads:
            return True
    return False


def _circumstance(node: Token) -> bool:
    """Does a preposition of time, cause or concession introduce the word ("a résisté grâce aux bombardements de
    l'aviation russe", "resigned after the attacks on Israel")? Such a noun is a circumstance of the verb, an act
    told as done, not a complement of the verb that asks or promises it."""
    marks = words("circumstance_preposition", node.doc.lang_)
    return node.head.lower_ in marks and node.head.i < node.i or any(
        c.dep_ in ("case", "mark") and c.lower_ in marks for c in node.children)


def _alone_ok(occ: Occurrence, named_slot: bool) -> bool:
    """May this event stand with no recipient? Only for the types PLOVER lets stand alone, and only when the text
    names no one we failed to resolve; a request or refusal must at least say what it asks or refuses, or be
    addressed to people ("urged locals to", "called for a ceasefire"), not be a bare cue after a quote. An agreement
    that is a commitment to do something ("promised to conduct new elections") binds its maker alone, and the
    condemnation of an attack or a crime whose doer the text does not give accuses no one named."""
    rule = occ.rule
    if rule.type == "AGREE":  # "s'est engagé à payer", "agreed to add"; not a bare "a accepté"
        t = occ.support or occ.head
        return occ.pos == "VERB" and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in t.children)
    if rule.type == "ACCUSE":  # "ont condamné ces attaques", "a condamné un « crime contre l'humanité »"
        return named_slot and any(_is_act_noun(h) for h in recipient_heads(occ))
    if rule.type not in NO_RECIPIENT_NEEDED:
        return False
    if rule.type in ("REQUEST", "REJECT", "THREATEN"):
        if named_slot:  # addressed to people, or what is refused is a demand, an offer, a plan, or a part in an act
            # ("ont toujours nié un quelconque soutien aux séparatistes", "denied any involvement": a denial stands alone)
            kinds = ("people", "captive", "proposal") + (("blame",) if rule.type == "REJECT" else ())
            return any(class_of_object(occ, c, common=True) or _slot_of_class(occ, c) for c in kinds)
        return has_complement(occ)
    return True


def _unnamed_arrests(occ: Occurrence, actor: Party) -> bool:
    """"La police a effectué plus de 1 000 arrestations", "made dozens of arrests": arrests a state's agents carry out
    (through a support verb) on people the text does not name are coded with no recipient, like "detained four
    people"."""
    if occ.pos != "NOUN" or occ.support is None or occ.rule.mode != "arrest" or actor.entity is None \
            or actor.entity.type != "GPE":
        return False
    return is_plural(occ.head) and not any(  # "des arrestations de militants": whom is the complement's to say
        (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ == "nmod" and after_de(c)) for c in occ.head.children)


def _confidence(occ: Occurrence, head: Token, actor: Party, recipient: Party | None, refs: Referents) -> float:
    """How sure the coding is, from what it rests on: a named actor in subject position, a recipient in
    the slot the lexicon expects, a verb rather than a noun, a reviewed row rather than a CAMEO default."""
    c = 0.55
    if head.i in refs.by_token or any(x.i in refs.by_token for x in refs.phrase(head)):
        c += 0.15
    if head.pos_ == "PRON" or refs.role_of(head):
        c -= 0.1
    if recipient is not None:
        c += 0.15
    if occ.pos == "VERB":
        c += 0.1
    if head.dep_ in ("nsubj", "obl:agent", "agent"):
        c += 0.05
    if occ.rule.source.startswith("cameo") and occ.rule.slots == ("*",):
        c -= 0.1
    return round(max(0.05, min(0.99, c)), 2)


def _dedupe(found: list[Found]) -> list[Found]:
    """One event per (act, actor, recipient): a phrase that reached the same entity twice counts once, and an act
    named twice in one clause ("Russian strikes targeted Kyiv", "Twin bombings struck the cathedral": the noun and
    the verb it is the subject of) is one event of one type."""
    seen, out = set(), []
    for f in found:
        t = f.trigger
        act = (t.head.i, f.rule.type) if t.dep_ == "nsubj" and t.head.i != t.i else (t.i, f.rule.type)
        key = (act, id(f.actor.entity) if f.actor else None, id(f.recipient.entity) if f.recipient else None)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
