"""The place layer: tokens, the gazetteer of countries, demonyms, capitals, cities and regions, and whether a
country or capital acts. Sentences are invented from other conflicts than the seed articles."""

from __future__ import annotations

import re

import pycountry
import pytest

from extract import knowledge
from extract.lexicon import tokenize
from extract.places import country_name, find_places

# The 193 member states of the United Nations (ISO 3166 alpha-3).
UN_MEMBERS = frozenset(
    re.findall(
        r"[A-Z]{3}",
        """
AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA BRB BRN
BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI
ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY HND HRV HTI HUN IDN IND IRL IRN
IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR
MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN
PAK PAN PER PHL PLW PNG POL PRK PRT PRY QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR
SVK SVN SWE SWZ SYC SYR TCD TGO THA TJK TKM TLS TON TTO TUN TUR TUV TZA UGA UKR URY USA UZB VCT VEN VNM VUT
WSM YEM ZAF ZMB ZWE""",
    )
)
assert len(UN_MEMBERS) == 193


def _valid(code: str) -> bool:
    return code == "XKX" or bool(
        pycountry.countries.get(alpha_3=code) or pycountry.historic_countries.get(alpha_3=code)
    )


def places_of(text: str) -> dict[str, tuple]:
    """Mention text -> (kind, countries, is_actor)."""
    return {m.text: (m.kind, m.countries, m.is_actor) for m in find_places(text)}


# ---------------------------------------------------------------- data files


def test_every_code_in_the_data_is_an_iso_code():
    codes = [row[0] for row in knowledge.table("countries.tsv")]
    codes += [c for row in knowledge.table("places.tsv") for c in row[1].split(";") if c.strip()]
    assert codes and [c for c in codes if not _valid(c.strip())] == []


def test_every_un_member_has_a_name_and_an_adjective():
    rows = {row[0]: row for row in knowledge.table("countries.tsv")}
    assert rows.keys() >= UN_MEMBERS
    # Congo and Dominica share their demonyms with DR Congo and the Dominican Republic, which take them.
    missing = {code for code in UN_MEMBERS if len(rows[code]) < 4 or not rows[code][3].strip()}
    assert missing == {"COG", "DMA"}


def test_every_un_member_has_its_capital():
    capitals = {c for row in knowledge.table("places.tsv") if row[2] == "capital" for c in row[1].split(";")}
    # city-states share their capital's name; Victoria (Seychelles) is left out as too ambiguous
    assert UN_MEMBERS - capitals == {"SGP", "MCO", "SMR", "SYC"}


def test_hundreds_of_cities_beyond_the_capitals():
    kinds = [row[2] for row in knowledge.table("places.tsv")]
    assert kinds.count("city") >= 300
    assert kinds.count("capital") >= 190


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("RUS", "Russia"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("KOR", "South Korea"),
        ("PRK", "North Korea"),
        ("CIV", "Ivory Coast"),
        ("CZE", "Czech Republic"),
        ("TWN", "Taiwan"),
        ("PSE", "Palestine"),
        ("XKX", "Kosovo"),
        ("TUR", "Turkey"),
        ("rus", "Russia"),
        ("ABW", "Aruba"),
        ("SUN", "Soviet Union"),
    ],
)
def test_country_name_is_the_common_short_name(code, name):
    assert country_name(code) == name


def test_country_name_of_an_unknown_code_is_the_code():
    assert country_name("QQQ") == "QQQ"
    assert country_name("") == ""


# ---------------------------------------------------------------- tokens


def test_tokens_split_possessives_and_keep_abbreviations_and_initialisms():
    text = "Russia's Gen. Valery Gerasimov met U.S. officials and O'Brien at AT&T in Tajik-Afghan areas."
    words = [t.text for t in tokenize(text)]
    assert words[:2] == ["Russia", "'s"]
    assert "Gen." in words and "U.S." in words and "O'Brien" in words and "AT&T" in words
    assert words[words.index("Tajik") : words.index("Tajik") + 3] == ["Tajik", "-", "Afghan"]
    assert all(text[t.start : t.end] == t.text for t in tokenize(text))


def test_typographic_apostrophes_are_possessives_too():
    words = [t.text for t in tokenize("Tajikistan’s army")]
    assert words == ["Tajikistan", "’s", "army"]


# ---------------------------------------------------------------- names, demonyms, compounds


def test_countries_and_demonyms_from_other_conflicts():
    found = places_of(
        "Ukrainian drones struck an oil depot in Russia's Belgorod region, while Sudanese refugees crossed "
        "into Chad and Burmese troops fled to Bangladesh. Malian, Nigerien and Burkinabe juntas left ECOWAS."
    )
    assert found["Ukrainian"][:2] == ("PLACE", ("UKR",))
    assert found["Russia"][:2] == ("COUNTRY", ("RUS",))
    assert found["Belgorod region"][1] == ("RUS",)
    assert found["Sudanese"][1] == ("SDN",)
    assert found["Chad"][:2] == ("COUNTRY", ("TCD",))
    assert found["Burmese troops"][1] == ("MMR",)
    assert found["Bangladesh"][1] == ("BGD",)
    assert (
        found["Malian"][1] == ("MLI",)
        and found["Nigerien"][1] == ("NER",)
        and found["Burkinabe"][1] == ("BFA",)
    )


def test_plural_demonyms():
    found = places_of("Afghans, Iraqis and Kazakhs queued while Americans and Britons watched.")
    assert (
        found["Afghans"][1] == ("AFG",) and found["Iraqis"][1] == ("IRQ",) and found["Kazakhs"][1] == ("KAZ",)
    )
    assert found["Americans"][1] == ("USA",) and found["Britons"][1] == ("GBR",)
    found = places_of("South Africans voted as North Koreans and Greek Cypriots watched.")
    assert [found[n][1] for n in ("South Africans", "North Koreans", "Greek Cypriots")] == [("ZAF",), ("PRK",),
                                                                                            ("CYP",)]


@pytest.mark.parametrize(
    ("text", "surface", "countries"),
    [
        ("Tajik-Afghan border", "Tajik-Afghan", ("TJK", "AFG")),
        ("joint Russian-Uzbek drills", "Russian-Uzbek", ("RUS", "UZB")),
        ("Sino-Russian ties", "Sino-Russian", ("CHN", "RUS")),
        ("Indo-Pakistani tensions", "Indo-Pakistani", ("IND", "PAK")),
        ("the Israeli-Palestinian conflict", "Israeli-Palestinian", ("ISR", "PSE")),
        ("U.S.-led forces", "U.S.-led", ("USA",)),
        ("Iran-backed militias", "Iran-backed", ("IRN",)),
        ("a Moscow-based analyst", "Moscow-based", ("RUS",)),
        ("pro-Russian separatists", "pro-Russian", ("RUS",)),
        ("anti-American protests", "anti-American", ("USA",)),
        ("the Russia-Ukraine war", "Russia-Ukraine", ("RUS", "UKR")),
        ("the Franco-German plan", "Franco-German", ("FRA", "DEU")),
    ],
)
def test_hyphenated_compounds(text, surface, countries):
    found = places_of(text)
    assert found[surface] == ("PLACE", countries, False)


def test_former_states_in_compounds_name_no_country():
    found = places_of("the impoverished ex-Soviet state and the post-Soviet space")
    assert found["ex-Soviet"] == ("PLACE", (), False)
    assert found["post-Soviet"] == ("PLACE", (), False)


def test_regions_across_borders_name_no_country_and_regions_inside_one_do():
    found = places_of(
        "Conflict in the Middle East and the Sahel worries Central Asian states; fighting in Darfur, Tigray, "
        "Donbas and Rakhine State continued, and shells fell on the Gaza Strip and the West Bank."
    )
    assert found["Middle East"] == ("PLACE", (), False)
    assert found["Sahel"][1] == () and found["Central Asian"][1] == ()
    assert (
        found["Darfur"][1] == ("SDN",) and found["Tigray"][1] == ("ETH",) and found["Donbas"][1] == ("UKR",)
    )
    assert found["Rakhine State"][1] == ("MMR",)
    assert found["Gaza Strip"][1] == ("PSE",) and found["West Bank"][1] == ("PSE",)


def test_cities_map_to_their_country():
    found = places_of(
        "Strikes hit Kharkiv, Odesa, Khan Younis, El Fasher, Goma, Mandalay, Timbuktu, Aleppo and Mosul; "
        "talks moved from Geneva to Doha and Jeddah."
    )
    expected = {
        "Kharkiv": "UKR",
        "Odesa": "UKR",
        "Khan Younis": "PSE",
        "El Fasher": "SDN",
        "Goma": "COD",
        "Mandalay": "MMR",
        "Timbuktu": "MLI",
        "Aleppo": "SYR",
        "Mosul": "IRQ",
        "Geneva": "CHE",
        "Doha": "QAT",
        "Jeddah": "SAU",
    }
    for city, code in expected.items():
        assert found[city][:2] == ("PLACE", (code,)), city


def test_spelling_variants():
    found = places_of(
        "Kiev and Kyiv, Burma and Myanmar, Ivory Coast and Côte d'Ivoire, Czechia, Türkiye, UAE."
    )
    assert found["Kiev"][1] == found["Kyiv"][1] == ("UKR",)
    assert found["Burma"][1] == found["Myanmar"][1] == ("MMR",)
    assert found["Ivory Coast"][1] == found["Côte d'Ivoire"][1] == ("CIV",)
    assert found["Czechia"][1] == ("CZE",) and found["Türkiye"][1] == ("TUR",) and found["UAE"][1] == ("ARE",)


def test_longest_names_win_over_their_parts():
    found = places_of(
        "Officials from Papua New Guinea, Equatorial Guinea, Guinea-Bissau, South Sudan, New Mexico and "
        "Niger met counterparts from Nigeria."
    )
    assert found["Papua New Guinea"][1] == ("PNG",)
    assert found["Equatorial Guinea"][1] == ("GNQ",)
    assert found["Guinea-Bissau"][1] == ("GNB",)
    assert found["South Sudan"][1] == ("SSD",)
    assert found["New Mexico"][1] == ("USA",)
    assert found["Niger"][1] == ("NER",) and found["Nigeria"][1] == ("NGA",)
    assert "Guinea" not in found and "Sudan" not in found and "Mexico" not in found


def test_congo_defaults_to_the_democratic_republic():
    found = places_of("Congo accused Rwanda. The Republic of Congo stayed out. DR Congo and the DRC signed.")
    assert found["Congo"][1] == ("COD",)
    assert found["Republic of Congo"][1] == ("COG",)
    assert found["DR Congo"][1] == found["DRC"][1] == ("COD",)


def test_georgia_is_the_country_unless_a_us_city_comes_first():
    assert places_of("Georgia's parliament passed the law in Tbilisi.")["Georgia"][1] == ("GEO",)
    found = places_of("The rally was held in Atlanta, Georgia, on Monday.")
    assert found["Georgia"][1] == ("USA",)


def test_names_glued_to_a_persons_name_are_not_places():
    found = places_of("Michael Jordan met Chad Smith and Lloyd Austin; Paris Hilton was not there.")
    assert not {"Jordan", "Chad", "Austin", "Paris"} & found.keys()
    found = places_of("Jordan and Chad signed an accord in Paris.")
    assert found["Jordan"][1] == ("JOR",) and found["Chad"][1] == ("TCD",) and found["Paris"][1] == ("FRA",)


def test_case_matters_for_acronyms_and_common_words():
    assert "us" not in places_of("He told us that the turkey was cold.")
    assert "turkey" not in places_of("He told us that the turkey was cold.")
    found = places_of("The US and the UK sanctioned Turkey.")
    assert found["US"][1] == ("USA",) and found["UK"][1] == ("GBR",) and found["Turkey"][1] == ("TUR",)


# ---------------------------------------------------------------- acting or located


def test_a_country_acts_when_a_verb_follows_and_is_a_location_after_in_or_near():
    found = places_of("On Thursday, Ukraine launched drones at targets in Russia near the border.")
    assert found["Ukraine"] == ("COUNTRY", ("UKR",), True)
    assert found["Russia"] == ("COUNTRY", ("RUS",), False)


def test_a_border_with_a_country_is_a_location_and_a_deal_with_it_a_party():
    found = places_of("Egypt reinforced its border with Israel.")
    assert found["Israel"][2] is False
    found = places_of("Ethiopia signed a deal with Somaliland and Eritrea near Sudan.")
    assert found["Somaliland"][2] is False  # a region: never an actor
    assert found["Ethiopia"][2] is True and found["Eritrea"][2] is True and found["Sudan"][2] is False


def test_coordinated_countries_share_their_role():
    found = places_of("Drills with Kazakhstan and Kyrgyzstan near China begin Monday.")
    assert found["Kazakhstan"][2] is True and found["Kyrgyzstan"][2] is True and found["China"][2] is False
    found = places_of("Qatar, Egypt and the United States will mediate.")
    assert all(found[c][2] for c in ("Qatar", "Egypt", "United States"))


def test_a_relative_clause_between_subject_and_verb_is_skipped():
    found = places_of("Iran, which backs the Houthis in Yemen, has denied the claim.")
    assert found["Iran"][2] is True and found["Yemen"][2] is False


def test_possessive_countries_are_parties():
    assert places_of("Sudan's army chief flew out.")["Sudan"][2] is True


def test_capitals_act_as_governments_and_are_places_otherwise():
    found = places_of("Kyiv has asked for air defence. Shells hit Kharkiv and fell near Kyiv.")
    kyiv = [
        m for m in find_places("Kyiv has asked for air defence. Shells fell near Kyiv.") if m.text == "Kyiv"
    ]
    assert (kyiv[0].kind, kyiv[0].name, kyiv[0].is_actor) == ("GOVERNMENT", "Ukraine", True)
    assert (kyiv[1].kind, kyiv[1].name, kyiv[1].is_actor) == ("PLACE", "Kyiv", False)
    assert found["Kharkiv"][0] == "PLACE"


def test_a_progressive_is_no_passive():
    found = places_of("Moscow is sending troops while Kabul was fighting the rebels.")
    assert found["Moscow"][0] == "GOVERNMENT" and found["Kabul"][0] == "GOVERNMENT"


def test_a_capital_hit_in_the_passive_is_a_place():
    found = places_of("Beirut was hit by airstrikes overnight.")
    assert found["Beirut"] == ("PLACE", ("LBN",), False)


def test_capitals_in_talks_act():
    found = places_of("Talks between Washington and Tehran resumed in Oman.")
    assert found["Washington"][0] == "GOVERNMENT" and found["Tehran"][0] == "GOVERNMENT"
    assert found["Oman"][2] is False


def test_seats_of_government_act_unless_they_are_where_something_happens():
    mentions = find_places("The White House said it was alarmed. Reporters gathered at the White House.")
    assert [(m.kind, m.name, m.is_actor) for m in mentions] == [
        ("GOVERNMENT", "United States", True),
        ("PLACE", "White House", False),
    ]
    found = places_of("The Kremlin denied it; Downing Street and the Elysee declined to comment.")
    assert found["Kremlin"][:2] == ("GOVERNMENT", ("RUS",))
    assert found["Downing Street"][:2] == ("GOVERNMENT", ("GBR",))
    assert found["Elysee"][:2] == ("GOVERNMENT", ("FRA",))


def test_brussels_acting_is_the_european_union():
    found = places_of("Brussels has warned Budapest over the veto, officials in Brussels said.")
    mentions = [m for m in find_places("Brussels has warned Budapest.") if m.text == "Brussels"]
    assert (mentions[0].kind, mentions[0].name, mentions[0].countries) == (
        "ORGANIZATION",
        "European Union",
        (),
    )
    assert found["Budapest"][0] == "PLACE"


def test_a_demonym_with_government_or_forces_is_the_state_acting():
    found = places_of("The Afghan government and Russian forces agreed; Sudanese troops withdrew.")
    assert found["Afghan government"] == ("GOVERNMENT", ("AFG",), True)
    assert found["Russian forces"] == ("GOVERNMENT", ("RUS",), True)
    assert found["Sudanese troops"] == ("GOVERNMENT", ("SDN",), True)


def test_offsets_and_text_agree():
    text = "Tensions rose as Moscow and Kyiv traded blame over the Zaporizhzhia plant in Ukraine."
    for m in find_places(text):
        assert text[m.start : m.end] == m.text


def test_no_places_in_empty_or_placeless_text():
    assert find_places("") == []
    assert find_places("The meeting ended without agreement, the spokesman said.") == []
