"""Claims: each construction in French and English, on real sentences (the specimen and ../shared/corpus)."""

from __future__ import annotations

import datetime as dt

from veille.analyze import analyze
from veille.extract.claims import find_quotes
from veille.model import Article


def _claims(text: str, lang: str, published: dt.date | None = None) -> list[dict]:
    return analyze(Article(id="t", text=text, lang=lang, published=published))["claims"]


def _claim(claims: list[dict], words: str) -> dict:
    found = [c for c in claims if words in c["content"]["text"]]
    assert found, f"no claim holds {words!r}: {[c['content']['text'] for c in claims]}"
    return min(found, key=lambda c: len(c["content"]["text"]))  # the innermost claim that says it


def _speaker(c: dict) -> str | None:
    return (c["speaker"] or {}).get("canonical")


# ---------------------------------------------------------------- French, the specimen

def test_indirect_que_with_its_speaker_and_date(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "elle disposait de renseignements")
    assert (_speaker(c), c["speaker"]["country"], c["kind"], c["date"]) == ("White House", "USA", "mixed", "2024-01-04")
    assert c["cue"]["text"] == "déclaré"


def test_infinitive_stance(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "cesser ses livraisons")
    assert _speaker(c) == "Foreign, Commonwealth and Development Office"


def test_direct_quote_whose_opening_mark_is_missing_and_role_noun_speaker(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "La Russie se tourne vers la Corée du Nord")
    assert c["kind"] == "direct"
    assert c["speaker"]["text"] == "un porte-parole du département"
    assert _speaker(c) == "Foreign, Commonwealth and Development Office"  # the ministry named before


def test_pronoun_cue_after_quote_keeps_the_speaker(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "C’est symptomatique de son isolement")
    assert (_speaker(c), c["kind"]) == ("Foreign, Commonwealth and Development Office", "direct")


def test_continuation_without_cue_keeps_the_previous_speaker(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "En outre, cette activité constitue une violation")
    assert (_speaker(c), c["cue"]) == ("Foreign, Commonwealth and Development Office", None)


def test_source_chain_apposition_and_cue_date(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "la Russie cherchait des missiles iraniens")
    assert _speaker(c) == "John Kirby"  # "Kirby, le porte-parole de la Maison Blanche, a déclaré"
    assert c["sources"][0]["canonical"] == "The Wall Street Journal"
    assert c["sources"][0]["relation"] == "previously_reported"
    assert c["date"] == "2024-01-02"
    assert "Wall Street Journal" not in c["content"]["text"]


def test_negated_belief_makes_the_content_negated(specimen_analysis):
    c = _claim(specimen_analysis["claims"], "accord soit finalisé")
    assert (c["factuality"], c["speaker"]["country"], c["speaker"]["text"]) == ("negated", "USA", "les responsables américains")


def test_events_inside_a_claim_name_it(specimen_analysis):
    white_house = _claim(specimen_analysis["claims"], "elle disposait de renseignements")
    events = {v["id"]: v for v in specimen_analysis["events"]}
    assert white_house["events"], "the AID and ASSAULT events are reported by the White House"
    for vid in white_house["events"]:
        assert events[vid]["attributed_to"] == white_house["id"]
    reported = [events[vid] for vid in white_house["events"] if events[vid]["type"] != "ACCUSE"]
    assert {v["type"] for v in reported} == {"AID", "ASSAULT"}
    assert all(v["actor"]["canonical"] != "White House" for v in reported)  # the speaker is not the actor
    # saying Russia fired the missiles is the White House's own accusation of Russia, made in that claim
    accusations = [events[vid] for vid in white_house["events"] if events[vid]["type"] == "ACCUSE"]
    assert [(v["actor"]["country"], v["recipient"]["country"]) for v in accusations] == [("USA", "RUS")]


def test_selon_attribution():
    # winer-fr:2016_01_01-001
    claims = _claims("Son pronostic vital n'est pas engagé, selon Jean-Yves Le Drian et Bernard Cazeneuve .", "fr")
    c = _claim(claims, "pronostic vital")
    assert (_speaker(c), c["kind"]) == ("Jean-Yves Le Drian", "indirect")


# ---------------------------------------------------------------- English

def test_said_that():
    # en-wikinews:2019:045
    c = _claim(_claims("In an interview with Sputnik News, UNESCO also said that this change would require its approval.", "en"),
               "this change would require its approval")
    assert (_speaker(c), c["kind"]) == ("UNESCO", "indirect")


def test_according_to():
    # en-wikinews:2019:096
    c = _claim(_claims("More than 1000 people have been arrested since the protests began in June, according to The Guardian.", "en"),
               "people have been arrested")
    assert _speaker(c) == "The Guardian"


def test_direct_quote_with_pronoun_speaker():
    # en-wikinews:2019:114
    text = ("Rouhani was speaking at the opening of Sacred Defence Week, an annual commemoration of the eight-year "
            "Iran–Iraq War, which features military parades. \"The presence of foreign forces can be dangerous for the "
            "region, international waters, as well as the security of shipping lines and energy, but our path is to "
            "create unity and coordination with regional countries,\" he said.")
    c = _claim(_claims(text, "en"), "The presence of foreign forces")
    assert (_speaker(c), c["kind"]) == ("Hassan Rouhani", "direct")


def test_denial_is_negated():
    # en-wikinews:2019:122
    claims = _claims("Trump said that he did indicate to the Ukrainians that the aid was contingent on their addressing "
                     "corruption but denied that he made any specific deal about the Bidens.", "en")
    denied = _claim(claims, "specific deal about the Bidens")
    assert (_speaker(denied), denied["factuality"]) == ("Donald Trump", "negated")


def test_one_stray_mark_loses_no_other_quote():
    text = "« Nous ne céderons pas », a-t-il dit. Puis il a ajouté » sans rien de plus. « Le dialogue continue »."
    spans = [text[s:e] for s, e in find_quotes(text)]
    assert "Nous ne céderons pas" in spans and "Le dialogue continue" in spans


def test_english_infinitive_stance_stops_at_the_coordinated_verb():
    # en-wikinews:2019:137
    c = _claim(_claims("Foreign Secretary Dominic Raab urged the embassy to reconsider and spoke with US Secretary of "
                       "State Mike Pompeo about the case.", "en"), "reconsider")
    assert (_speaker(c), c["content"]["text"]) == ("Dominic Raab", "to reconsider")


def test_english_source_chain_between_cue_and_quote():
    # en-wikinews:2019:045
    text = ("Earlier this week on Wednesday on the live television, President Erdogan said — as reported by Hurriyet "
            "Daily News — \"Ayasofya [Haghia Sophia] will no longer be called a museum. Its status will change. We "
            "will call it a mosque\".")
    c = _claim(_claims(text, "en"), "Ayasofya")
    assert (_speaker(c), c["kind"]) == ("Recep Tayyip Erdoğan", "direct")
    assert c["content"]["text"].endswith("We will call it a mosque")  # the whole quotation, not its first sentence
    assert [(s["canonical"], s["relation"]) for s in c["sources"]] == [("Hurriyet Daily News", "previously_reported")]


def test_quote_continued_in_the_next_paragraph_keeps_its_speaker():
    # en-wikinews:2019:096: a quote with its cue, then a paragraph-opening quote whose cue is further on
    text = ("\"The government will fully withdraw the bill in order to fully allay public concerns,\" Lam said in a "
            "televised announcement.\n\n\n\"Our citizens, police and reporters have been injured during violent "
            "incidents,\" Lam continued")
    claims = _claims(text, "en")
    first, second = _claim(claims, "fully withdraw the bill"), _claim(claims, "Our citizens")
    assert first["kind"] == second["kind"] == "direct"
    assert first["speaker"]["text"] == second["speaker"]["text"] == "Lam"


def test_medium_the_statement_was_given_to_is_a_source():
    # en-wikinews:2019:137
    c = _claim(_claims("Charles told the Daily Mail, \"All we need to do is ask her to come back. It’s not much to ask. "
                       "She’s left a family in complete ruin. We’re broken.\"", "en"), "All we need to do")
    assert c["kind"] == "direct" and c["speaker"]["text"] == "Charles"
    assert [(s["canonical"], s["relation"]) for s in c["sources"]] == [("Daily Mail", "according_to")]


def test_a_claim_reported_by_a_medium_cites_it():
    # en-wikinews:2019:015
    claims = _claims("Reuters reported on Monday a German government source, whom they did not name, said the ban on "
                     "Mahan Air is not part of any broader plan to increase sanctions on Iran.", "en")
    inner = _claim(claims, "not part of any broader plan")
    assert "Reuters" in {s["canonical"] for s in inner["sources"]}


def test_quote_after_a_colon_takes_the_subject_of_the_verb_before_it():
    # en-wikinews:2020:001 (the quote cut after its first sentence)
    text = ("Sayyid Ali Hosseini Khamenei, the Supreme Leader of Iran, ordered three days of public mourning after the "
            "strike. In his message, he appreciated Soleimani's lifepath: \"He was a stellar example of those educated "
            "and nurtured in Islam and the school of Imam Khomeini.\"")
    c = _claim(_claims(text, "en"), "stellar example")
    assert (_speaker(c), c["kind"]) == ("Ali Khamenei", "direct")


def test_quotation_factuality_is_that_of_its_content():
    # en-wikinews:2019:096: a promise about the future is not yet a fact
    c = _claim(_claims("\"The government will fully withdraw the bill in order to fully allay public concerns,\" Lam said "
                       "in a televised announcement.", "en"), "fully withdraw the bill")
    assert (c["kind"], c["factuality"]) == ("direct", "hypothetical")
