"""Word lists the fact flags (and the UI's story lexer) share: one place, all lowercase.

Each list is written once: the flag modules (:mod:`factcheck_gui.engine.flags`) and the
proper-noun scan of :mod:`factcheck_gui.engine.compare` build their patterns and derived sets
from these rather than spelling the words again.
"""

from __future__ import annotations

# Modality and hedging, with a strength: how sure the sentence sounds (0 = pure speculation,
# 3 = asserted as certain). A change of strength between the two sides is a hedge flag.
HEDGE_STRENGTH: dict[str, int] = {
    "might": 1,
    "may": 1,
    "could": 1,
    "can": 2,
    "possibly": 1,
    "perhaps": 1,
    "maybe": 1,
    "potentially": 1,
    "potential": 1,
    "consider": 1,
    "considering": 1,
    "considers": 1,
    "reportedly": 1,
    "allegedly": 1,
    "alleged": 1,
    "apparently": 1,
    "suggested": 1,
    "suggests": 1,
    "suggest": 1,
    "likely": 2,
    "probably": 2,
    "unlikely": 1,
    "would": 2,
    "should": 2,
    "expected": 2,
    "expects": 2,
    "will": 3,
    "shall": 3,
    "must": 3,
    "definitely": 3,
    "certainly": 3,
    "certain": 3,
    "undoubtedly": 3,
    "clearly": 3,
}
HEDGES: frozenset[str] = frozenset(HEDGE_STRENGTH)
# Interchangeable hedges: "may" for "might" is not worth a reviewer's attention.
HEDGE_CLASS: dict[str, str] = {
    "might": "possible",
    "may": "possible",
    "could": "possible",
    "possibly": "possible",
    "perhaps": "possible",
    "maybe": "possible",
    "potentially": "possible",
    "potential": "possible",
    "consider": "consider",
    "considering": "consider",
    "considers": "consider",
    "reportedly": "reported",
    "allegedly": "reported",
    "alleged": "reported",
    "apparently": "reported",
    "suggested": "suggest",
    "suggests": "suggest",
    "suggest": "suggest",
    "likely": "likely",
    "probably": "likely",
    "unlikely": "unlikely",
    "would": "would",
    "should": "should",
    "expected": "expected",
    "expects": "expected",
    "will": "certain",
    "shall": "certain",
    "must": "must",
    "can": "can",
    "definitely": "certain",
    "certainly": "certain",
    "certain": "certain",
    "undoubtedly": "certain",
    "clearly": "certain",
    # an attempt, not a deed: "are trying to restore the road" / "have restored the road"
    "trying": "attempt",
    "attempting": "attempt",
    "tried": "attempt",
    "attempted": "attempt",
}

NEGATIONS: frozenset[str] = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "nowhere",
        "n't",
        "cannot",
        "without",
        "deny",
        "denied",
        "denies",
        "denying",
        "refused",
        "refuses",
        "refuse",
        "rejected",
        "rejects",
        "reject",
        "dismissed",
        "dismisses",
    }
)
# Negations that are the same denial in other words ("denied" vs "deny").
NEGATION_CLASS: dict[str, str] = {
    "not": "not",
    "n't": "not",
    "cannot": "not",
    "no": "no",
    "none": "no",
    "nobody": "no",
    "nothing": "no",
    "nowhere": "no",
    "never": "never",
    "neither": "neither",
    "nor": "neither",
    "without": "without",
    "deny": "deny",
    "denied": "deny",
    "denies": "deny",
    "denying": "deny",
    "refused": "refuse",
    "refuses": "refuse",
    "refuse": "refuse",
    "rejected": "reject",
    "rejects": "reject",
    "reject": "reject",
    "dismissed": "dismiss",
    "dismisses": "dismiss",
}

# Attribution verbs grouped by what they say about the speaker's stance.
ATTRIBUTION_CLASS: dict[str, str] = {}
for _cls, _words in {
    "said": "say says said saying stated told tells added adds noted notes mentioned "
    "mentions remarked explained explains commented announced announces declared declares "
    "replied responded wrote",
    # Softer than "said": the speaker is reported as implying rather than stating.
    "indicated": "indicated indicates signalled signaled signals",
    "claimed": "claim claims claimed alleged alleges asserted asserts insisted insists maintained "
    "argued argues contended",
    "admitted": "admit admits admitted acknowledged acknowledges conceded concedes confessed",
    "denied": "denied denies deny rejected rejects dismissed dismisses refuted disputed",
    "warned": "warn warns warned threatened threatens cautioned",
    "suggested": "suggest suggests suggested hinted hints implied implies speculated",
    "promised": "promised promises pledged pledges vowed vows",
    "stressed": "stressed stresses emphasized emphasised emphasizes emphasises underlined "
    "underscored reiterated",
    "accused": "accused accuses blamed blames",
    "confirmed": "confirmed confirms verified",
    "reported": "reported reports according",
}.items():
    for _w in _words.split():
        ATTRIBUTION_CLASS[_w] = _cls
ATTRIBUTION_VERBS: frozenset[str] = frozenset(ATTRIBUTION_CLASS)

# Reporting phrases of several words, by the class of the verb they stand for ("issued a
# warning" is "warned"). "*" stands for one optional word ("issued a stark warning").
ATTRIBUTION_PHRASES: dict[str, str] = {}
for _cls, _phrases in {
    "said": "went on to say|went on to add|pointed out|points out|issued a * statement|"
    "made a * statement|told reporters",
    "warned": "issued a * warning|issues a * warning|gave a * warning|sounded a * warning|"
    "sounded the alarm|raised the alarm",
    "stressed": "made clear|made it clear|makes clear|makes it clear",
    "concerned": "expressed * alarm|expressed * concern|expressed * concerns|voiced * concern|"
    "voiced * concerns|raised * concern|raised * concerns|expressed * worry|expressed * fears",
    "denied": "ruled out|rules out|played down|plays down|brushed aside|shrugged off",
    "suggested": "hinted at",
}.items():
    for _p in _phrases.split("|"):
        ATTRIBUTION_PHRASES[_p] = _cls

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# In calendar order: the date flag's pattern lists them so.
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
WEEKDAYS: frozenset[str] = frozenset(WEEKDAY_NAMES)
# Days named from the day of writing: relative dates of one word.
DEICTIC_DAYS: tuple[str, ...] = ("today", "yesterday", "tomorrow", "tonight")
RELATIVE_DAYS: frozenset[str] = frozenset(
    {*DEICTIC_DAYS, "earlier", "later", "recently", "last", "next", "ago", "weekend"}
)
# Words that are only dates next to a number or "last/next/this" ("earlier this month").
TIME_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
DATE_UNITS: frozenset[str] = frozenset(TIME_UNITS) | {u + "s" for u in TIME_UNITS}

NUMBER_WORDS: dict[str, float] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "half": 0.5,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "tenth": 10,
    "twice": 2,
    "double": 2,
    "triple": 3,
    "quarter": 0.25,
}
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "bn": 1e9,
    "mn": 1e6,
}
# Number words the number flag does not count: as often no number at all ("one of them", "a
# second time", "half the city", "twice as many").
LOOSE_NUMBER_WORDS: frozenset[str] = frozenset(
    "one first second half double triple quarter twice third fourth fifth tenth".split()
)
# Vague quantity words: a change from "dozens" to "hundreds" is a number change too.
QUANTITY_WORDS: frozenset[str] = frozenset(
    {
        "dozens",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "several",
        "few",
        "many",
        "some",
        "all",
        "most",
        "majority",
        "minority",
    }
)
UNITS: frozenset[str] = frozenset(
    {
        "percent",
        "per",
        "cent",
        "%",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "kg",
        "tonnes",
        "tons",
        "dollars",
        "euros",
        "pounds",
        "yen",
        "rubles",
        "roubles",
        "won",
        "people",
        "soldiers",
        "troops",
    }
)
CURRENCY_SYMBOLS = "$€£¥₩₽"

# Very common words: they carry little evidence that two claims are the same claim.
STOPWORDS: frozenset[str] = frozenset(
    """a an the and or but if of to in on at by for with from as into onto about over under
    after before between through during than then that this these those there here it its it's
    is are was were be been being am do does did done have has had having he she they them
    his her their theirs we us our you your i me my mine who whom whose which what when where
    why how so such very also just only even still yet too more most much many some any each
    every other another own same both either all few s t up down out off again once further
    while because until against among within without upon via per one not no nor""".split()
)

# Frequent words of news prose that are not stopwords: weak evidence that two claims match
# (weighted down, not ignored). Weekdays, months and numbers are facts and stay out of it.
COMMON_WORDS: frozenset[str] = frozenset(
    """say said says saying tell told according report reported reports statement added also
    new old year years time times day days week weeks month months today people person man
    men woman women group part number way thing things place case point fact end lot world
    country countries government official officials state states city area public national
    local political law rule rules plan plans issue issues problem work works working make
    made makes making take taken takes taking took give given gives giving gave get got gets
    go going goes went come came comes coming see seen saw know known knew think thought want
    wanted use used uses using find found call called show shown told ask asked need needed
    try tried keep kept put set let begin began start started help helped turn turned move
    moved live lived believe believed hold held bring brought happen happened include
    including included continue continued change changed lead led understand meet met run
    ran pay paid become became leave left feel felt seem seemed high higher low lower big
    large small great good bad best better last first next early late long little major
    several different important possible able likely certain real recent recently another
    however although though because since whether while there here now then later ago
    already still well back even much many more most less least around among across""".split()
)

# --- Names and titles ---------------------------------------------------------------------

# Abbreviated titles of a role, and the word each stands for: "Gen." and "General" are one title.
ABBREVIATED_ROLES: dict[str, str] = {
    "gen": "general",
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "col": "colonel",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "capt": "captain",
    "cmdr": "commander",
    "adm": "admiral",
    "maj": "major",
    "prof": "professor",
    "dr": "doctor",
    "rev": "reverend",
    "pres": "president",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "cpl": "corporal",
    "pvt": "private",
    "fr": "father",
    "brig": "brigadier",
    "sec": "secretary",
    "atty": "attorney",
    "amb": "ambassador",
    "cdr": "commander",
}
# Abbreviated titles, written with a dot before a name: the dot of "Dr. Smith" ends no sentence.
ABBREVIATED_TITLES: frozenset[str] = frozenset(ABBREVIATED_ROLES) | {"mr", "mrs", "ms"}
# Those after which the proper-noun scan (compare.py) takes a capitalised word for a name even
# at a sentence start: not yet the six added for the title flags (adding them changes results).
PROPER_NOUN_TITLES: frozenset[str] = ABBREVIATED_TITLES - frozenset("brig sec pres atty amb cdr".split())

# Words of a title, never of a name: left out of a name ("President Putin" names "Putin").
TITLE_WORDS: frozenset[str] = frozenset(
    "president prime minister mr mrs ms dr prof sen senator rep gov governor gen general col "
    "chancellor king queen prince princess secretary foreign defence defense leader chairman "
    "ceo spokesman spokeswoman spokesperson ambassador pope saint st sir lord lady "
    "lt sgt capt cmdr adm maj".split()
)
# What a person is, written before the name ("Russian President Vladimir Putin"): a changed
# title is a changed fact about the person. (Not "Mr", "Mrs", "Ms": a paper's style; nor
# "Cpl.", "Pvt.", "Fr.".)
ROLE_WORDS: frozenset[str] = frozenset(
    "president minister professor doctor senator governor general colonel lieutenant sergeant "
    "captain commander admiral marshal brigadier chancellor king queen prince princess emperor "
    "sultan emir sheikh secretary leader chairman chairwoman ceo executive spokesman spokeswoman "
    "spokesperson ambassador envoy pope cardinal bishop archbishop rabbi imam reverend judge "
    "attorney mayor premier speaker director commissioner prosecutor inspector detective sir "
    "dame lord officer".split()
)
ROLES: frozenset[str] = ROLE_WORDS | (frozenset(ABBREVIATED_ROLES) - {"cpl", "pvt", "fr"})
# Roles that are titles even in lower case right before a name ("spokesman Dmitry Peskov");
# not "general", "doctor" …, which are ordinary words there too, nor any abbreviation.
LOWERCASE_ROLES: frozenset[str] = ROLE_WORDS - frozenset(
    "doctor general marshal sir dame lord attorney speaker executive".split()
)
# Words that qualify a title before it: "former", "Foreign", "then-", "deputy" …
ROLE_MODIFIERS: frozenset[str] = frozenset(
    "former acting deputy vice interim then ex outgoing incoming retired foreign defence defense "
    "prime finance financial operating interior opposition chief senior first state".split()
)
# A title's status after a hyphen: "President-elect" is not yet the president.
TITLE_STATUSES: tuple[str, ...] = ("elect", "designate")
# How the words for a people end ("Russian", "Japanese", "British", "Israeli", "Dutch").
DEMONYM_ENDINGS: tuple[str, ...] = ("an", "ese", "ish", "i", "ch")
# Country adjectives that do not start like the country ("Spanish" / "Spain's"), by adjective
# and by country; the others ("Russian", "German", "Korean" …) share a long enough start with it.
COUNTRY_OF: dict[str, str] = {
    d: c
    for c, ds in {
        "spain": "spanish",
        "france": "french",
        "china": "chinese",
        "italy": "italian",
        "netherlands": "dutch holland",
        "switzerland": "swiss",
        "sweden": "swedish",
        "denmark": "danish",
        "finland": "finnish",
        "norway": "norwegian",
        "poland": "polish",
        "turkey": "turkish türkiye",
        "greece": "greek",
        "ireland": "irish",
        "scotland": "scottish",
        "wales": "welsh",
        "england": "english",
        "belgium": "belgian",
        "ukraine": "ukrainian",
        "iraq": "iraqi",
        "iran": "iranian",
        "lebanon": "lebanese",
        "morocco": "moroccan",
        "palestine": "palestinian",
        "thailand": "thai",
        "philippines": "filipino philippine",
        "myanmar": "burmese burma",
        "peru": "peruvian",
        "cuba": "cuban",
        "oman": "omani",
        "malta": "maltese",
        "cyprus": "cypriot",
    }.items()
    for d in (c, *ds.split())
}
# One name written in several ways: "U.S." and "United States" are the same name.
NAME_ALIASES: dict[str, str] = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "american": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "british": "united kingdom",
    "un": "united nations",
    "u.n.": "united nations",
    "dprk": "north korea",
    "eu": "european union",
}

# --- What the fact flags add: omitted / changed / added, and the new flag families -----------

# Hedges of appearance, counted only as "it appears", "appears to", "seems to" (not "appeared
# in court"): the claim is no longer stated flatly. (Not in HEDGE_STRENGTH, which the story
# lexer highlights.)
APPEARANCE_HEDGES: frozenset[str] = frozenset("appears appear appeared seems seem seemed".split())
HEDGE_CLASS.update(dict.fromkeys(APPEARANCE_HEDGES, "apparent"))
# How sure a hedge class sounds (0 speculation … 3 certain), for the severity of a change.
HEDGE_CLASS_STRENGTH: dict[str, int] = {
    "possible": 1,
    "attempt": 1,
    "consider": 1,
    "reported": 1,
    "apparent": 1,
    "suggest": 1,
    "unlikely": 1,
    "likely": 2,
    "would": 2,
    "should": 2,
    "expected": 2,
    "can": 2,
    "certain": 3,
    "must": 3,
}
# Modal classes that say when or whether, not how sure: one dropped or added is a change of
# tense or ability ("will continue" → "continues"), not of certainty.
TENSE_MODALS: frozenset[str] = frozenset({"certain", "must", "can"})
# "would" is the reported form of "will" ("he said Moscow would respond" / "we will respond").
BACKSHIFTED: frozenset[frozenset[str]] = frozenset({frozenset({"would", "certain"})})

# Reporting classes that only report: "said" for "announced", "stressed" or "according to"
# changes who speaks in no way. The others soften or harden the claim ("claimed", "admitted").
NEUTRAL_ATTRIBUTION: frozenset[str] = frozenset({"said", "stressed", "reported"})
# Nouns that attribute a claim as a reporting verb does ("accusations from the U.S.", "claims
# both capitals deny"): a rewrite with one has not stated the claim as fact.
ATTRIBUTION_NOUNS: frozenset[str] = frozenset(
    "accusation accusations allegation allegations claim claims report reports statement "
    "statements assertion assertions estimate estimates according".split()
)
# Words before a reporting word that make it a noun: "the claims", "such reports".
DETERMINERS: frozenset[str] = frozenset(
    "a an the this that these those such his her their its our my your some many several "
    "both new earlier recent similar false unfounded unconfirmed official initial".split()
)

# --- Names: what kind of thing a name is -------------------------------------------------------

# Words that make a name an organisation ("Defense Intelligence Agency", "Yonhap News").
ORG_WORDS: frozenset[str] = frozenset(
    """agency agencies ministry ministries council department committee office command corps
    army navy force forces bank university institute institution association organization
    organisation party commission service services group company inc corp ltd llc times post
    network foundation fund program programme board court parliament congress senate assembly
    union federation league club bureau administration authority center centre school college
    hospital church embassy consulate observatory laboratory government house nations news
    press broadcasting radio television channel airlines airways guard police cabinet
    directorate secretariat alliance coalition front movement brigade battalion regiment
    squadron fleet division unit""".split()
)
# Words that make a name a place ("Ziarat district", "Arabian Sea", "Fort Belvoir").
PLACE_WORDS: frozenset[str] = frozenset(
    """city town village district province state county region valley river island islands
    mountain mountains sea ocean gulf bay lake coast peninsula desert street avenue road square
    airport port harbor harbour fort camp base strait canal border capital""".split()
)
# Prepositions after which a name is a place: "in Hawija", "near Kobani".
PLACE_PREPOSITIONS: frozenset[str] = frozenset("in at near outside inside across throughout into".split())
# Places a text names by name alone: the countries of COUNTRY_OF and NAME_ALIASES, a few more.
# One-word country names, for joining a country's adjective to its name where the adjective
# drops letters ("Chilean" / "Chile", "Mexican" / "Mexico"; not "Republican" / "republic").
COUNTRY_NAMES: frozenset[str] = frozenset(
    """afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
    botswana brazil brunei bulgaria burundi cambodia cameroon canada chad chile china colombia
    comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea
    estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece
    grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea kosovo kuwait
    kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
    madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
    monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands
    nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru philippines
    poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
    slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
    thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
    vanuatu venezuela vietnam yemen zambia zimbabwe""".split()
)
KNOWN_PLACES: frozenset[str] = frozenset(
    """pakistan india afghanistan iraq syria iran israel egypt libya russia ukraine china japan
    korea germany france italy spain turkey vietnam canada mexico brazil kenya nigeria
    ethiopia somalia yemen lebanon jordan kashmir europe asia africa america""".split()
)

# --- Numbers: what a figure counts, and how exactly it is stated --------------------------------

# Words before a figure that make it a bound or an approximation ("more than 300": > 300).
NUMBER_QUALIFIERS: dict[str, str] = {
    "more than": ">",
    "over": ">",
    "at least": ">",
    "upwards of": ">",
    "in excess of": ">",
    "exceeds": ">",
    "exceeded": ">",
    "exceeding": ">",
    "tops": ">",
    "topped": ">",
    "topping": ">",
    "passed": ">",
    "surpassed": ">",
    "above": ">",
    "less than": "<",
    "fewer than": "<",
    "under": "<",
    "below": "<",
    "up to": "<",
    "at most": "<",
    "no more than": "<",
    "nearly": "<~",
    "almost": "<~",
    "close to": "~",
    "just under": "<~",
    "about": "~",
    "around": "~",
    "approximately": "~",
    "approx": "~",
    "roughly": "~",
    "some": "~",
    "an estimated": "~",
    "estimated": "~",
    "circa": "~",
    "nearly some": "~",
}
# A figure's unit, as one key: "kilometres" and "km" are one unit (no conversions between units).
UNIT_ALIASES: dict[str, str] = {
    "km": "km",
    "kms": "km",
    "kilometer": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometres": "km",
    "mi": "mile",
    "mile": "mile",
    "miles": "mile",
    "kg": "kg",
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "m": "m",
    "meter": "m",
    "meters": "m",
    "metre": "m",
    "metres": "m",
    "ft": "ft",
    "foot": "ft",
    "feet": "ft",
    "mph": "mph",
    "kph": "kph",
    "km/h": "kph",
    "people": "people",
    "persons": "people",
    "person": "people",
}
# Units one figure may be restated in: the unit, the one it converts to and the factor
# ("322,340 pounds" is "146,000 kilograms", "60 miles" about "97 km").
UNIT_CONVERSIONS: dict[str, tuple[str, float]] = {
    "mile": ("km", 1.609344),
    "lb": ("kg", 0.45359237),
    "ft": ("m", 0.3048),
    "mph": ("kph", 1.609344),
}
# Nouns that count the same kind of thing: a figure of one may be restated as a figure of
# another ("300 people were evacuated" / "200 residents left"), so the two are one figure's
# values, never two figures. (Only for pairing: "40 soldiers" is no "40 civilians".)
COUNTED_ALIKE: tuple[frozenset[str], ...] = (
    frozenset(
        "people persons person residents villagers civilians victims refugees inhabitants "
        "individuals citizens survivors passengers evacuees migrants locals families".split()
    ),
    frozenset("homes houses buildings dwellings structures residences".split()),
)
# The first person of a statement: a rewrite that names who "we" are adds no name.
FIRST_PERSON_PLURAL: frozenset[str] = frozenset("we our ours us".split())
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "$",
    "dollars": "$",
    "usd": "$",
    "euro": "€",
    "euros": "€",
    "eur": "€",
    "yen": "¥",
    "rupee": "rs",
    "rupees": "rs",
    "yuan": "cny",
    "won": "₩",
    "rubles": "₽",
    "roubles": "₽",
}
# A length of time in days: "36 months" and "three years" are one duration.
DURATION_DAYS: dict[str, float] = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 365.25 / 12,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525,
}
# Fractions written as words, as a share in percent: "one-third" is 33%.
FRACTION_WORDS: dict[str, float] = {
    "half": 50,
    "halves": 50,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25,
    "quarters": 25,
    "fifth": 20,
    "fifths": 20,
    "tenth": 10,
    "tenths": 10,
}
# Clock times by word, in minutes after midnight.
CLOCK_WORDS: dict[str, int] = {"noon": 12 * 60, "midday": 12 * 60, "midnight": 0}

# --- Quotations ------------------------------------------------------------------------------

# Contractions written out, so "We're" and "We are" are one quotation.
CONTRACTIONS: dict[str, str] = {
    "n't": " not",
    "'re": " are",
    "'ve": " have",
    "'ll": " will",
    "'m": " am",
    "'d": " would",
}
# Words whose "'s" is "is" ("it's", "that's"), not a possessive.
S_IS_WORDS: frozenset[str] = frozenset("it that there here what who he she where how".split())
IRREGULAR_CONTRACTIONS: dict[str, str] = {
    "won't": "will not",
    "can't": "cannot",
    "cannot": "can not",
    "shan't": "shall not",
    "ain't": "is not",
    "let's": "let us",
}

# --- Substitutions: a content word replaced by one that says the opposite or something else ---

# Words of one group replaced by a word of the other change the claim ("confirmed" cases /
# "suspected" cases). Each line: forms of one side | forms of the other. Tuned for precision:
# no synonyms, no near-synonyms ("killed" / "died").
CONTRAST_GROUPS: tuple[str, ...] = (
    "confirmed | suspected suspect probable possible unconfirmed",
    "soldiers soldier troops | volunteers volunteer civilians civilian",
    "civilian civilians | military militants militant combatants",
    "increase increases increased increasing rise rises rose risen rising grow grows grew grown "
    "up | decrease decreases decreased decreasing fall falls fell fallen falling decline "
    "declines declined declining drop drops dropped dropping shrink shrank down",
    "won win wins winning | lost lose loses losing",
    "winner winners victory | loser losers defeat",
    "guilty convicted | innocent acquitted",
    "legal lawful | illegal unlawful",
    "before | after",
    "above | below",
    "higher | lower",
    "highest | lowest",
    "maximum | minimum",
    "majority | minority",
    "most | least fewest",
    "more | fewer less",
    "gain gains gained | loss losses lost",
    "profit profits | loss losses",
    "success successful succeeded | failure failed unsuccessful",
    "allow allows allowed | ban bans banned forbid forbids forbade prohibit prohibits prohibited",
    "approve approves approved | veto vetoes vetoed",
    "support supports supported | oppose opposes opposed",
    "ally allies | enemy enemies foe foes adversary adversaries",
    "friend friends | enemy enemies",
    "peace | war",
    "arrested detained | released freed",
    "killed dead deaths | injured wounded hurt",
    "dead | alive",
    "north northern | south southern",
    "east eastern | west western",
    "northeast northeastern | northwest northwestern southeast southeastern southwest southwestern",
    "open opens opened | closed close closes shut",
    "start starts started began begin | end ends ended stopped finished",
    "men man male boys | women woman female girls",
    "adults adult | children child minors minor",
    "public | private",
    "domestic | foreign international",
    "import imports imported | export exports exported",
    "strengthen strengthened strengthens | weaken weakened weakens",
    "true | false",
    "temporary temporarily | permanent permanently",
    "minor | major",
    "full | partial",
    "rich wealthy | poor",
    "surplus | deficit",
    "advance advanced advances | retreat retreated retreats",
    "attack attacks attacked | defend defends defended",
    "buy buys bought | sell sells sold",
    "first | last",
    "earliest | latest",
    "morning | evening afternoon night",
    "daily | weekly monthly yearly annual annually",
    "weekly | monthly yearly annual annually",
    "monthly | yearly annual annually",
    "always | sometimes rarely occasionally",
    "all | some",
    "everyone | someone",
    "accepted accept accepts | declined",
    "raised raise raises | cut cuts lowered",
    "hired hire | fired fire",
    "entered | left exited",
    "inside | outside",
    "upstream | downstream",
    "plaintiff plaintiffs | defendant defendants",
    "peaceful peacefully nonviolent | violent violently",
    "safe | dangerous",
    "accidental accidentally | deliberate deliberately intentional intentionally",
    "voluntary voluntarily | mandatory compulsory forced",
)
# An antonym made with a prefix ("legal" / "illegal", "known" / "unknown").
ANTONYM_PREFIXES: tuple[str, ...] = ("non-", "non", "un", "il", "ir", "im", "in", "dis")
# Prefixes that also begin many unrelated words ("invest" / "vest"): the rest must end like an
# adjective or a noun of quality for the pair to be antonyms ("inactive", "inability").
LOOSE_PREFIXES: frozenset[str] = frozenset({"in", "im", "dis"})
ANTONYM_ENDINGS: tuple[str, ...] = (
    "able", "ible", "al", "ant", "ent", "ive", "ful", "ous", "ic", "ate", "ed", "ity", "ence", "ance",
    "ion", "ure", "ar", "ary", "ory", "ite", "ect", "ete", "ure",
)  # fmt: skip
# Prefixed words that mean what the plain word means, or something else: no antonyms.
NOT_ANTONYMS: frozenset[str] = frozenset(
    """invaluable inflammable infamous impassive inhabit inhabited inhabitant inhabitants
    unravel unraveled unravelled unloose disannul intense interest invest invent inform
    informed information insist inspect inspected instant intent impress impressed impressive
    import imported important impose imposed impact impacted impart impartial imply implied
    dispose disposed display displayed discount discounted discover discovered discharge
    discharged dissolve dissolved distance dissent disease dispatch dispatched dismiss
    dismissed distress distressed disclose disclosed discuss discussed incite incited income
    induce induced indent indented indicate indicated index install installed instance
    instruct instructed insult insulted invert inverted involve involved invite invited irate
    iron ironic illustrate illustrated illusion immigrate immigrant immigrants untie""".split()
)

# Initialisms of common nouns, units and time zones: capitalised, but no names ("NGO and UN
# relief agencies", "23:09 UTC").
NOT_NAMES: frozenset[str] = frozenset(
    "ngo ngos ceo ceos cfo coo gdp hiv aids covid tv dna id ai ok utc gmt est edt pst pdt cet km mph".split()
)
