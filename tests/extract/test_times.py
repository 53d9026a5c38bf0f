"""Tests for veille.extract.times, on sentences quoted from shared/corpus (and a few made up)."""

from __future__ import annotations

import datetime as dt

import pytest

from veille.extract.times import TimeMention, find_times

from ..conftest import SPECIMEN

D = dt.date
SEED_PUB = D(2024, 1, 5)  # a Friday
SEED = SPECIMEN


def found(text: str, lang: str, published: D | None) -> list[tuple[str, str | None]]:
    mentions = find_times(text, lang, published)
    for m in mentions:  # offsets are exact, order is by start, spans do not overlap
        assert text[m.start:m.end] == m.text
        assert (m.value is None) == (m.anchor is None)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    return [(m.text, m.value) for m in mentions]


def value_of(text: str, lang: str, published: D | None, expr: str) -> str | None:
    """The value of the one mention that covers `expr`."""
    start = text.index(expr)
    hits = [m for m in find_times(text, lang, published) if m.start <= start and start + len(expr) <= m.end]
    assert len(hits) == 1, (expr, find_times(text, lang, published))
    return hits[0].value


# --------------------------------------------------------------------------------------------
# The specimen (seed-fr-001, published 2024-01-05)

SEED_SENTENCES = [
    ("La Maison Blanche a déclaré jeudi qu’elle disposait de renseignements", "jeudi", "2024-01-04"),
    ("les forces russes avaient lancé « au moins un de ces missiles nord-coréens sur l’Ukraine » "
     "le 30 décembre. .", "le 30 décembre", "2023-12-30"),
    ("Dans sa propre déclaration publiée jeudi soir, le ministère britannique des Affaires étrangères",
     "jeudi soir", "2024-01-04TEV"),
    ("le dirigeant nord-coréen Kim Jong Un a organisé l’année dernière un sommet avec le président russe",
     "l’année dernière", "2023"),
    ("Kirby, le porte-parole de la Maison Blanche, a également déclaré mardi que la Russie cherchait "
     "des missiles iraniens", "mardi", "2024-01-02"),
    ("pourraient être livrés à la Russie dès le printemps, mais les responsables américains",
     "printemps", "2024-SP"),
    ("d’autres missiles fournis par Pyongyang avaient été lancés dans les jours suivants.",
     "dans les jours suivants", None),
    ("la République populaire démocratique de Corée avait récemment fourni à la Russie des lanceurs",
     "récemment", None),
    ("Depuis lors, certains signes montrent que Pyongyang aide Moscou", "Depuis lors", None),
]


@pytest.mark.parametrize("sentence,expr,value", SEED_SENTENCES)
def test_seed_sentences(sentence, expr, value):
    assert value_of(sentence, "fr", SEED_PUB, expr) == value


@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not mounted")
def test_seed_article():
    text = SEED.read_text(encoding="utf-8")
    got = found(text, "fr", SEED_PUB)
    assert got == [
        ("jeudi", "2024-01-04"), ("récemment", None), ("le 30 décembre", "2023-12-30"),
        ("dans les jours suivants", None), ("jeudi soir", "2024-01-04TEV"),
        ("l’année dernière", "2023"), ("Depuis lors", None), ("mardi", "2024-01-02"),
        ("le printemps", "2024-SP"),
    ]
    assert all(m.anchor == "published" for m in find_times(text, "fr", SEED_PUB) if m.value)


# --------------------------------------------------------------------------------------------
# English Wikinews

def test_en_dateline_and_weekday():
    text = ("Wednesday, January 23, 2019\xa0\n\n\nGermany on Monday banned Iranian airline Mahan Air from "
            "flying in the European nation, with officials saying this is for security reasons.")
    mentions = find_times(text, "en", D(2019, 1, 23))
    assert [(m.text, m.value, m.anchor) for m in mentions] == [
        ("Wednesday, January 23, 2019", "2019-01-23", "absolute"),
        ("Monday", "2019-01-21", "published"),
    ]


def test_en_dateline_resolves_without_published():
    text = "Monday, July 8, 2019\xa0\n\nOn Friday, Youssef Chahed, the Prime Minister of Tunisia,"
    assert found(text, "en", None) == [("Monday, July 8, 2019", "2019-07-08"), ("Friday", None)]


def test_en_since_year():
    assert found("Mahan has been the subject of United States sanctions since 2011.", "en",
                 D(2019, 1, 23)) == [("2011", "2011")]


def test_en_yesterday():
    assert found("Twin bombings yesterday struck the Jolo Cathedral in Mindanao, Philippines.", "en",
                 D(2019, 1, 28)) == [("yesterday", "2019-01-27")]


def test_en_last_night():
    text = "At least five other civilians reportedly also died in last night's attack;"
    assert found(text, "en", D(2019, 1, 30)) == [("last night", "2019-01-29TNI")]


def test_en_yesterday_afternoon():
    text = ("Protesters started at the park, Causeway Bay, and Tin Hau early yesterday afternoon and "
            "walked until early evening")
    assert value_of(text, "en", D(2019, 8, 19), "yesterday afternoon") == "2019-08-18TAF"


def test_en_weekday_equal_to_publication_day():
    text = "This Thursday the United States Commission on International Religious Freedom (USCIRF) also criticized the move"
    assert found(text, "en", D(2019, 3, 28)) == [("This Thursday", "2019-03-28")]


def test_en_weekday_night():
    text = "Bolton's resignation Monday night, and that Bolton tendered it the next morning."
    assert value_of(text, "en", D(2019, 9, 12), "Monday night") == "2019-09-09TNI"


def test_en_last_week_iso_week():
    text = "Last week the White House released a summary of a phone call made by President Trump late last July"
    assert found(text, "en", D(2019, 9, 30)) == [("Last week", "2019-W39"), ("late last July", "2019-07")]


def test_en_last_week_across_new_year():
    assert found("The talks collapsed last week.", "en", D(2024, 1, 5)) == [("last week", "2023-W52")]


def test_en_yearless_date_after_publication_goes_back_a_year():
    text = "in exchange for his official resignation on November 21."
    assert found(text, "en", D(2019, 9, 9)) == [("November 21", "2018-11-21")]


def test_en_yearless_date_shortly_after_publication_stays():
    assert found("The election will be held on August 9.", "en", D(2020, 8, 3)) == [("August 9", "2020-08-09")]


def test_en_month_of_this_year():
    text = 'The US State Department described Hamza bin Laden in March of this year as an "emerging" figure'
    assert found(text, "en", D(2019, 9, 17)) == [("March of this year", "2019-03")]


def test_en_last_month_name_and_early_month():
    assert found("Last April, the United States Department of State also designated the IRGC", "en",
                 D(2020, 1, 5)) == [("Last April", "2019-04")]
    assert found("Hongkongers have been protesting since early June, when their government", "en",
                 D(2019, 8, 19)) == [("early June", "2019-06")]


def test_en_decade_and_year_ranges():
    assert found("It grew out of the Group of Six, which started in the 1970s as a place", "en",
                 D(2019, 8, 24)) == [("the 1970s", "197")]
    text = "Mugabe ruled Zimbabwe, serving as its first prime minister, 1980–1987; then as president, 1987–2017;"
    assert found(text, "en", D(2019, 9, 9)) == [("1980–1987", "1980/1987"), ("1987–2017", "1987/2017")]


def test_en_counted_days():
    text = "let's discuss this emergency first order in two days!\" Macron told the world on Thursday via Twitter."
    assert found(text, "en", D(2019, 8, 24)) == [("in two days", "2019-08-26"), ("Thursday", "2019-08-22")]
    assert found("The strike happened two days ago.", "en", D(2024, 1, 5)) == [("two days ago", "2024-01-03")]
    assert found("It began three weeks ago.", "en", D(2024, 1, 5)) == [("three weeks ago", "2023-W50")]
    assert found("It began 3 weeks later.", "en", D(2024, 1, 5)) == [("3 weeks later", None)]


def test_en_modal_may_is_not_a_month():
    assert found("The ministry said it may take weeks, and prices may rise.", "en", D(2024, 1, 5)) == []
    assert found("Items 1 to 5 may be seized.", "en", D(2024, 1, 5)) == []
    assert found("Elections were held on May 5, 2019 and again in May.", "en", D(2024, 1, 5)) == [
        ("May 5, 2019", "2019-05-05"), ("May", "2023-05")]


def test_en_march_as_a_verb_is_not_a_month():
    assert found("Thousands will march to parliament; the march ended peacefully.", "en", D(2024, 1, 5)) == []


def test_en_seasons():
    pub = D(2024, 7, 10)
    assert found("The offensive is expected in the spring.", "en", pub) == [("the spring", "2025-SP")]
    assert found("The offensive began last spring.", "en", pub) == [("last spring", "2024-SP")]
    assert found("Talks resume this fall.", "en", pub) == [("this fall", "2024-FA")]
    assert found("The summer of 2011 was hot.", "en", pub) == [("The summer of 2011", "2011-SU")]
    assert found("After the fall of Kabul and the Arab Spring protests.", "en", pub) == []


def test_en_holidays_are_not_weekdays():
    assert found("Shops opened early on Black Friday and Good Friday.", "en", D(2024, 1, 5)) == []


def test_en_vague():
    assert found("Since then, the territory has recently seen protests; more are expected in the coming days.",
                 "en", D(2024, 1, 5)) == [("Since then", None), ("recently", None), ("in the coming days", None)]


def test_en_next_and_last_weekday():
    pub = D(2024, 1, 5)  # Friday
    assert found("They meet next Monday.", "en", pub) == [("next Monday", "2024-01-08")]
    assert found("They met last Friday.", "en", pub) == [("last Friday", "2023-12-29")]
    assert found("They meet on Friday.", "en", pub) == [("Friday", "2024-01-05")]


# --------------------------------------------------------------------------------------------
# French Wikinews

def test_fr_dateline_with_time():
    text = "France : attaque à Valence (Drôme)\n\n1er janvier 2016, 14h30 . –\nUn homme"
    assert found(text, "fr", D(2016, 1, 1)) == [("1er janvier 2016", "2016-01-01")]


def test_fr_weekday_with_explicit_date():
    text = "À la suite des élections législatives de dimanche 17 juin, le nouveau premier ministre"
    assert found(text, "fr", D(2012, 6, 21)) == [("dimanche 17 juin", "2012-06-17")]
    assert found("Le départ a été donné le samedi 9 janvier 2016 à partir de 11", "fr", None) == [
        ("le samedi 9 janvier 2016", "2016-01-09")]


def test_fr_weekday_equal_to_publication_day():
    text = "Le comédien français Michel Galabru est mort ce lundi, à 5h30, âgé de 93 ans."
    assert found(text, "fr", D(2016, 1, 4)) == [("lundi", "2016-01-04")]


def test_fr_samedi_dernier():
    text = "suite à l'exécution de Nimr Baqer al-Nimr en Arabie saoudite samedi dernier."
    assert found(text, "fr", D(2016, 1, 4)) == [("samedi dernier", "2016-01-02")]


def test_fr_lundi_prochain():
    assert found("Le sommet aura lieu lundi prochain.", "fr", SEED_PUB) == [("lundi prochain", "2024-01-08")]


def test_fr_mardi_matin():
    text = "une attaque chimique à Khan Cheikhoune dans le nord-ouest de la Syrie mardi matin."
    assert found(text, "fr", D(2017, 4, 4)) == [("mardi matin", "2017-04-04TMO")]


def test_fr_day_month_dernier_and_prochain():
    text = "la destruction de sept des seize mausolées musulmans depuis le 30 juin dernier, les islamistes"
    assert found(text, "fr", D(2012, 7, 2)) == [("le 30 juin dernier", "2012-06-30")]
    text = "Le 12 février prochain se tiendra la Journée internationale vélo-boulot d’hiver"
    assert found(text, "fr", D(2016, 2, 7)) == [("Le 12 février prochain", "2016-02-12")]


def test_fr_day_range():
    text = "Hassan Rohani a annoncé se rendre en Italie et en France du 25 au 27 janvier."
    assert found(text, "fr", D(2016, 1, 24)) == [("du 25 au 27 janvier", "2016-01-25/2016-01-27")]


def test_fr_year_range_and_year():
    text = "Entre 2004 et 2007, 9 enfants auraient été exploités par 134 Casques bleus sri-lankais en Haïti"
    assert found(text, "fr", D(2017, 4, 12)) == [("Entre 2004 et 2007", "2004/2007")]
    assert found("la guerre a commencé en 2011", "fr", None) == [("2011", "2011")]


def test_fr_bare_numbers_are_not_years():
    assert found("Plus de 2000 soldats et 1990 civils ont été déployés.", "fr", SEED_PUB) == []


def test_fr_month_year():
    assert found("Le conflit avait commencé en avril 2014, quelques mois après", "fr", D(2016, 1, 31))[0] == (
        "avril 2014", "2014-04")
    assert found("L'inflation a reculé en mars 2022.", "fr", None) == [("mars 2022", "2022-03")]


def test_fr_mars_without_context_is_not_a_month():
    assert found("Le robot a exploré la surface de Mars.", "fr", SEED_PUB) == []


def test_fr_relative_month_and_week():
    text = "Le mois dernier, les États-Unis ont expulsé 35 diplomates russes accusés d'espionnage"
    assert found(text, "fr", D(2017, 1, 21)) == [("Le mois dernier", "2016-12")]
    text = "La semaine dernière, le Royaume-Uni a déjà expulsé 23 diplomates russes."
    assert found(text, "fr", D(2018, 3, 24)) == [("La semaine dernière", "2018-W11")]
    assert found("Il reviendra la semaine prochaine.", "fr", SEED_PUB) == [("la semaine prochaine", "2024-W02")]


def test_fr_relative_years_with_both_apostrophes():
    text = "une norme qui sera édictée l'an prochain afin d'améliorer la répartition des caractères"
    assert found(text, "fr", D(2016, 1, 25)) == [("l'an prochain", "2017")]
    assert found("l’année dernière et l'année dernière", "fr", SEED_PUB) == [
        ("l’année dernière", "2023"), ("l'année dernière", "2023")]
    assert found("cette année", "fr", SEED_PUB) == [("cette année", "2024")]


def test_fr_il_y_a():
    assert found("L'attaque a eu lieu il y a deux jours.", "fr", SEED_PUB) == [("il y a deux jours", "2024-01-03")]
    assert found("Il est arrivé il y a trois semaines.", "fr", SEED_PUB) == [("il y a trois semaines", "2023-W50")]
    text = "la riposte au référendum kurde sur l'indépendance d’il y a quelques semaines."
    assert found(text, "fr", D(2017, 10, 16)) == [("il y a quelques semaines", None)]


def test_fr_hier_and_aujourdhui():
    assert found("Hier soir, aujourd’hui et demain matin.", "fr", SEED_PUB) == [
        ("Hier soir", "2024-01-04TEV"), ("aujourd’hui", "2024-01-05"), ("demain matin", "2024-01-06TMO")]


def test_fr_seasons():
    text = "La météo trop douce de cet hiver perturbe la saison de courses de chiens de traîneau en Alaska ."
    assert found(text, "fr", D(2016, 1, 7)) == [("cet hiver", "2015-WI")]
    assert found("Le projet sera lancé au printemps 2025.", "fr", None) == [("printemps 2025", "2025-SP")]
    assert found("Il était en vacances l’été dernier.", "fr", SEED_PUB) == [("l’été dernier", "2023-SU")]
    assert found("L'hiver arrive.", "fr", SEED_PUB) == [("L'hiver", "2023-WI")]


def test_fr_ete_as_participle_is_not_a_season():
    assert found("Il a été arrêté et les armes ont été saisies.", "fr", SEED_PUB) == []


def test_fr_blocked_names():
    assert found("Le Printemps arabe a commencé ; à Mardi Gras, un dimanche de fête.", "fr", SEED_PUB) == []


def test_fr_sa_is_not_samedi():
    assert found("Il a quitté sa maison avec sa famille.", "fr", SEED_PUB) == []


def test_indefinite_weekday_is_not_a_date():
    text = "Pour l'occasion, Johnny Hallyday a chanté Un dimanche de janvier , en présence de François Hollande."
    assert found(text, "fr", D(2016, 1, 10)) == []


# --------------------------------------------------------------------------------------------
# Without a publication date, relative expressions are found but not resolved

def test_no_published_relative_is_none():
    text = ("jeudi soir, l’année dernière, le 30 décembre, dès le printemps, hier, la semaine dernière, "
            "il y a deux jours, récemment, le 30 décembre 2023")
    mentions = find_times(text, "fr", None)
    assert [m.text for m in mentions] == [
        "jeudi soir", "l’année dernière", "le 30 décembre", "le printemps", "hier", "la semaine dernière",
        "il y a deux jours", "récemment", "le 30 décembre 2023"]
    assert all(m.value is None and m.anchor is None for m in mentions[:-1])
    assert (mentions[-1].value, mentions[-1].anchor) == ("2023-12-30", "absolute")


def test_offsets_with_quotes_and_newlines():
    text = "« Hier »,\ndit-il — le 1er janvier 2016 —\n’l’an dernier’ et « mardi\u00a0soir »."
    mentions = find_times(text, "fr", SEED_PUB)
    assert [m.text for m in mentions] == ["Hier", "le 1er janvier 2016", "l’an dernier", "mardi\u00a0soir"]
    for m in mentions:
        assert isinstance(m, TimeMention) and text[m.start:m.end] == m.text


def test_iso_and_numeric_dates():
    assert found("Publié le 2019-01-23 et le 23/01/2019.", "fr", None) == [
        ("2019-01-23", "2019-01-23"), ("23/01/2019", "2019-01-23")]


def test_unknown_language_and_empty_text():
    assert find_times("Montag, 23. Januar 2019", "de", SEED_PUB) == []
    assert find_times("", "fr", SEED_PUB) == []
    assert find_times("yesterday", "en-GB", SEED_PUB)[0].value == "2024-01-04"


def test_earlier_in_the_month():
    # en-wikinews:2019:015
    text = ("The move comes after the European Union sanctioned Iran earlier in the month over alleged Revolutionary "
            "Guards assassination plots against dissidents in nations including Denmark, France, and the Netherlands.")
    assert found(text, "en", D(2019, 1, 23)) == [("earlier in the month", "2019-01")]
