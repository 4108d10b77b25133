"""What a term's language (BCP 47) selects: elision, prefixes, function words,
inflection and letter case. The registry is written out by hand, by primary tag.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from termcheck.tokens import FUNCTION_WORDS

__all__ = ["Profile", "is_english", "primary", "profile_for"]


@dataclass(frozen=True, slots=True)
class Profile:
    """The language-dependent rules for the terms of one language."""

    tag: str
    function_words: frozenset[str] = frozenset()
    # Elided articles and pronouns written before a word ("l'", "dell'").
    elisions: frozenset[str] = frozenset()
    # Letters attached to the next word (Arabic wa-, bi-; Hebrew ve-, ha-...),
    # longest first; split off only where the rest is a glossary word.
    prefixes: tuple[str, ...] = ()
    english_inflection: bool = False
    # Word endings carry grammar: a wording with other endings is the same
    # wording inflected, never a typo of it (no near-miss).
    inflects: bool = False
    # Written without spaces between words: a line break inside a term is kept
    # as it is when the term is fixed.
    no_spaces: bool = False
    # Upper case of i is İ and of ı is I.
    dotted_i: bool = False


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_FR_ELISIONS: Final = _words(
    "l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' quoiqu'"
)
_IT_ELISIONS: Final = _words(
    "l' d' c' m' t' s' v' un' dell' all' dall' nell' sull' coll' quell' quest' "
    "bell' sant'"
)
_CA_ELISIONS: Final = _words("l' d' s' m' n' t'")
_AR_PREFIXES: Final = tuple(
    sorted("و ف ب ك ل ال وال بال كال فال وب ول وك فب فل".split(), key=len, reverse=True)
)
_HE_PREFIXES: Final = tuple(
    sorted(
        "ו ה ב כ ל מ ש וה וב וכ ול ומ וש שה שב של שמ מה כש לכש וכש ובה ולה".split(),
        key=len,
        reverse=True,
    )
)

_PROFILES: Final = {
    "en": Profile("en", FUNCTION_WORDS, english_inflection=True),
    "de": Profile(
        "de",
        _words(
            "der die das den dem des ein eine einen einem einer eines und oder "
            "von vom zu zum zur mit für in im an am auf aus bei nach über unter "
            "um durch gegen ohne als wie ist sind war waren"
        ),
        inflects=True,
    ),
    "fr": Profile(
        "fr",
        _words(
            "le la les l' un une des de du d' et ou à au aux en dans par pour "
            "sur sous avec sans entre vers chez est sont était ce cette ces"
        ),
        _FR_ELISIONS,
        inflects=True,
    ),
    "it": Profile(
        "it",
        _words(
            "il lo la i gli le l' un uno una un' di del dello della dei degli "
            "delle dell' a al allo alla ai agli alle all' da dal dalla dall' in "
            "nel nella nell' su sul sulla sull' con per tra fra e o è sono"
        ),
        _IT_ELISIONS,
        inflects=True,
    ),
    "ca": Profile(
        "ca",
        _words(
            "el la els les l' un una uns unes de del dels d' a al als en per "
            "amb i o és són"
        ),
        _CA_ELISIONS,
        inflects=True,
    ),
    "es": Profile(
        "es",
        _words(
            "el la los las un una unos unas de del a al en por para con sin "
            "sobre entre y o e u es son"
        ),
        inflects=True,
    ),
    "pt": Profile(
        "pt",
        _words(
            "o a os as um uma uns umas de do da dos das em no na nos nas por "
            "para com sem e ou é são"
        ),
        inflects=True,
    ),
    "nl": Profile(
        "nl",
        _words(
            "de het een van in op aan met voor door bij naar uit over en of is zijn"
        ),
        inflects=True,
    ),
    "ru": Profile(
        "ru",
        _words("в во на с со к ко по о об от до из за для при под над и или а но"),
        inflects=True,
    ),
    "uk": Profile(
        "uk",
        _words("в у на з із до від по про для за під над і й та або"),
        inflects=True,
    ),
    "pl": Profile(
        "pl",
        _words("w we na z ze do od po o dla za przy pod nad i oraz lub"),
        inflects=True,
    ),
    "tr": Profile(
        "tr", _words("ve ile bir bu şu da de ki"), inflects=True, dotted_i=True
    ),
    "az": Profile("az", _words("və ilə bir bu da də ki"), inflects=True, dotted_i=True),
    "el": Profile(
        "el",
        _words("ο η το οι τα του της των τον την και ή σε από για με στο στη στον"),
        inflects=True,
    ),
    "ar": Profile("ar", _words("في من إلى على عن مع و أو"), prefixes=_AR_PREFIXES),
    "he": Profile("he", _words("של את על עם אל מן או"), prefixes=_HE_PREFIXES),
    "zh": Profile("zh", no_spaces=True),
    "ja": Profile("ja", no_spaces=True),
    "ko": Profile("ko"),
    "th": Profile("th", no_spaces=True),
    "lo": Profile("lo", no_spaces=True),
    "km": Profile("km", no_spaces=True),
    "my": Profile("my", no_spaces=True),
}
_DEFAULT: Final = Profile("und")


def primary(tag: str) -> str:
    """The primary language subtag, lower case: ``zh-Hans-CN`` -> ``zh``."""
    return tag.split("-", 1)[0].casefold() or "en"


def profile_for(tag: str) -> Profile:
    """The profile of a BCP 47 tag ("" means English); unknown languages get
    Unicode words, no function words and no inflection rules."""
    return _PROFILES.get(primary(tag), _DEFAULT)


def is_english(tag: str) -> bool:
    """True for "" and every ``en`` tag."""
    return primary(tag) == "en"
