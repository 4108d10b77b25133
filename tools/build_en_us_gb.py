"""Generate glossaries/en-us-gb.yaml: American and British spellings of the same words.

Run from the repository root: ``python tools/build_en_us_gb.py`` rewrites
``glossaries/en-us-gb.yaml``; ``--prefer us`` or ``--prefer gb`` writes a strict
glossary for one spelling instead (the other one forbidden), ``-o -`` prints it.

The word lists below are written for termcheck; the pairs come from spelling
rules (-ize/-ise, -or/-our, -er/-re, doubled l, ae/oe...), each applied to a list
of words the rule is known to hold for, plus a list of single pairs. Words whose
British and American spellings both exist with different meanings (check/cheque,
tire/tyre, practice/practise, license/licence, program/programme, meter/metre,
story/storey, draft/draught, curb/kerb, disk/disc) are left out on purpose, and so
is "analyses", which is also the plural of "analysis".
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

# -ize verbs that British English also writes -ise (the stem before "ize").
IZE = (
    "apolog author capital categor central character civil colon critic custom "
    "digit emphas energ equal final general harmon hospital idol immun "
    "industrial item legal local maxim memor minim mobil modern monopol "
    "national neutral normal optim organ penal personal polar popular "
    "priorit privat public rational real recogn reorgan revital revolution "
    "scrutin social special stabil standard steril subsid summar symbol "
    "sympath synchron synthes terror theor trivial urban util vapor verbal "
    "victim visual vocal global initial serial fertil sanit pasteur pressur "
    "sensit tantal vandal fossil galvan hypnot jeopard magnet mechan mesmer "
    "metabol moistur motor natural oxid patron plagiar pulver regular "
    "solemn stigmat computer criminal decentral demobil demoral deodor "
    "destabil dramat econom empath epitom evangel external familiar fantas "
    "formal fratern human hybrid immortal internal italic legitim liberal "
    "marginal material moral ostrac philosoph plural proselyt radical random "
    "satir sermon tender union western"
).split()
# Of those, the ones whose noun in -ization is common.
IZATION = set(
    "author capital categor central character civil colon custom digit "
    "final general harmon hospital immun industrial legal local maxim minim "
    "mobil modern monopol national neutral normal optim organ personal "
    "polar popular privat rational real reorgan revital social special "
    "stabil standard steril summar synchron urban util visual global "
    "initial serial fertil sanit pasteur pressur sensit magnet mechan "
    "computer criminal decentral demobil dramat external familiar formal "
    "human liberal marginal material radical random union western".split()
)
# Of those, the ones whose agent noun in -izer is common.
IZER = set("organ sanit stabil fertil equal synthes vapor moistur".split())
YZE = ("analy", "paraly", "cataly", "hydroly", "electroly", "dialy")
OUR = (
    "col hon lab fav behavi neighb flav hum rum harb vap vig rig val "
    "splend cand clam savi endeav ard od parl arm tum demean ferv"
).split()
OUR_DERIVED = (
    "colored coloring colorful colorless colorfast colorway honored honoring "
    "honorable honorary? labored laboring favored favoring favorable favorite "
    "favoritism behavioral neighborhood neighboring neighborly flavored "
    "flavoring flavorless harbored harboring endeavored endeavoring armored "
    "armory odorless parlormaid? vaporware? rumored humoring savory"
).split()
# "honorary" and "humorous" have no u in British English either: the ? marks
# words skipped for that reason, kept here to say so.
ER = (
    "center theater fiber liter caliber saber somber luster specter meager "
    "centimeter millimeter kilometer centiliter milliliter sepulcher "
    "ocher miter scepter"
).split()
ER_DERIVED = {
    "centered": "centred",
    "centering": "centring",
    "maneuver": "manoeuvre",
    "maneuvered": "manoeuvred",
    "maneuvering": "manoeuvring",
    "maneuvers": None,
}
ENSE = {
    "defense": "defence",
    "offense": "offence",
    "pretense": "pretence",
    "defenseless": "defenceless",
}
OGUE = {
    "catalog": "catalogue",
    "cataloged": "catalogued",
    "cataloging": "cataloguing",
    "analog": "analogue",
}
# Verbs ending in l: British doubles the l before -ed and -ing.
DOUBLE_L = (
    "travel cancel label model fuel level signal total counsel channel dial "
    "duel equal funnel grovel marshal pedal quarrel revel shovel shrivel "
    "snorkel swivel tunnel unravel barrel bevel panel initial jewel spiral "
    "rival stencil pummel yodel tassel"
).split()
DOUBLE_L_NOUNS = {
    "traveler": "traveller",
    "counselor": "counsellor",
    "modeler": "modeller",
    "reveler": "reveller",
    "jeweler": "jeweller",
    "cancelation": "cancellation",
    "marvelous": "marvellous",
    "woolen": "woollen",
    "jewelry": "jewellery",
    "traveler's": None,
}
SINGLE_L = {
    "enroll": "enrol",
    "fulfill": "fulfil",
    "distill": "distil",
    "instill": "instil",
    "installment": "instalment",
    "enrollment": "enrolment",
    "fulfillment": "fulfilment",
    "skillful": "skilful",
    "willful": "wilful",
}
AE_OE = {
    "estrogen": "oestrogen",
    "esophagus": "oesophagus",
    "pediatric": "paediatric",
    "pediatrician": "paediatrician",
    "pediatrics": "paediatrics",
    "anemia": "anaemia",
    "anemic": "anaemic",
    "anesthesia": "anaesthesia",
    "anesthetic": "anaesthetic",
    "anesthetist": "anaesthetist",
    "leukemia": "leukaemia",
    "hemoglobin": "haemoglobin",
    "hemorrhage": "haemorrhage",
    "hematology": "haematology",
    "orthopedic": "orthopaedic",
    "fetus": "foetus",
    "fetal": "foetal",
    "diarrhea": "diarrhoea",
    "edema": "oedema",
    "gynecology": "gynaecology",
    "hemophilia": "haemophilia",
    "septicemia": "septicaemia",
}
SINGLES = {
    "gray": "grey",
    "aluminum": "aluminium",
    "mold": "mould",
    "moldy": "mouldy",
    "plow": "plough",
    "cozy": "cosy",
    "mustache": "moustache",
    "pajamas": "pyjamas",
    "skeptic": "sceptic",
    "skeptical": "sceptical",
    "skepticism": "scepticism",
    "sulfur": "sulphur",
    "judgment": "judgement",
    "acknowledgment": "acknowledgement",
    "aging": "ageing",
    "artifact": "artefact",
    "airplane": "aeroplane",
    "donut": "doughnut",
    "smolder": "smoulder",
    "molt": "moult",
    "mollusk": "mollusc",
    "yogurt": "yoghurt",
    "tidbit": "titbit",
    "omelet": "omelette",
    "plowed": "ploughed",
    "molded": "moulded",
    "smoldering": "smouldering",
    "grayish": "greyish",
    "cozier": "cosier",
    "sulfuric": "sulphuric",
    "jail": None,
    "gaol": None,
}


RULES = {
    "-ize/-ise": "American -ize, British -ise (Oxford spelling keeps -ize).",
    "-yze/-yse": "American -yze, British -yse.",
    "-or/-our": "American -or, British -our.",
    "-er/-re": "American -er, British -re.",
    "-ense/-ence": "American -ense, British -ence.",
    "-og/-ogue": "American -og, British -ogue.",
    "-l-/-ll-": "American single l, British double l before an ending.",
    "-ll/-l": "American -ll, British single l.",
    "e/ae, e/oe": "American e, British ae or oe.",
    "other": "American and British spellings differ.",
}


def pairs() -> Iterator[tuple[str, str, str]]:
    """``(american, british, rule)`` for every pair, in a fixed order."""
    for stem in IZE:
        yield stem + "ize", stem + "ise", "-ize/-ise"
        yield stem + "ized", stem + "ised", "-ize/-ise"
        yield stem + "izing", stem + "ising", "-ize/-ise"
        if stem in IZATION:
            yield stem + "ization", stem + "isation", "-ize/-ise"
        if stem in IZER:
            yield stem + "izer", stem + "iser", "-ize/-ise"
    for stem in YZE:
        yield stem + "zed", stem + "sed", "-yze/-yse"
        yield stem + "zing", stem + "sing", "-yze/-yse"
        if stem != "analy":  # British "analyses" is also the plural of "analysis"
            yield stem + "ze", stem + "se", "-yze/-yse"
    for stem in OUR:
        yield stem + "or", stem + "our", "-or/-our"
    for word in OUR_DERIVED:
        if not word.endswith("?"):
            yield word, word.replace("or", "our", 1), "-or/-our"
    for word in ER:
        yield word, word[:-2] + "re", "-er/-re"
    yield from _table(ER_DERIVED, "-er/-re")
    yield from _table(ENSE, "-ense/-ence")
    yield from _table(OGUE, "-og/-ogue")
    for verb in DOUBLE_L:
        yield verb + "ed", verb + "led", "-l-/-ll-"
        yield verb + "ing", verb + "ling", "-l-/-ll-"
    yield from _table(DOUBLE_L_NOUNS, "-l-/-ll-")
    yield from _table(SINGLE_L, "-ll/-l")
    yield from _table(AE_OE, "e/ae, e/oe")
    yield from _table(SINGLES, "other")


def _table(table: dict[str, str | None], rule: str) -> Iterator[tuple[str, str, str]]:
    for american, british in table.items():
        if british is not None:
            yield american, british, rule


def render(prefer: str | None) -> str:
    """The glossary text: both spellings accepted, or one of them preferred."""
    lines = _header(prefer)
    seen: set[str] = set()
    for count, (american, british, rule) in enumerate(pairs()):
        if american in seen or british in seen or american == british:
            raise SystemExit(f"duplicate or identical pair: {american}/{british}")
        seen.update((american, british))
        canonical, other = (
            (british, american) if prefer == "gb" else (american, british)
        )
        key = "forbidden" if prefer else "allowed"
        lines += [
            f"  - id: {american}",
            f"    canonical: {canonical}",
            f"    {key}: [{other}]",
            f"    note: {RULES[rule]}",
        ]
        if count % 2 == 0:  # examples on every other term
            lines += _examples(canonical, other, strict=bool(prefer))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _examples(canonical: str, other: str, *, strict: bool) -> list[str]:
    bad = (
        f"The notes spell it {other} here."
        if strict
        else f"The notes spell it {canonical} and later {other}."
    )
    good = f"The notes spell it {canonical} here and {canonical} there."
    return ["    examples:", f'      bad: ["{bad}"]', f'      good: ["{good}"]']


def _header(prefer: str | None) -> list[str]:
    if prefer is None:
        purpose = [
            "# Each term pairs an American spelling (canonical) with the British one",
            "# (allowed). Both are accepted, so the glossary works for American and",
            "# British texts alike; what it reports is a text that uses both",
            "# spellings of the same word (kind 'inconsistent'), and the suggested",
            "# fix follows the spelling the text uses most.",
        ]
        description = (
            "American and British spellings of the same words (color and colour,"
            " center and centre); both are accepted, a text that mixes them is"
            " reported."
        )
    else:
        name = {"us": "American", "gb": "British"}[prefer]
        purpose = [f"# Strict {name} spelling: the other spelling is forbidden."]
        description = f"Strict {name} spelling: the other spelling is forbidden."
    return [
        "# American and British spellings of the same words.",
        "# Generated by tools/build_en_us_gb.py; edit that script, not this file.",
        "#",
        *purpose,
        "# Near-miss search is off: spelling pairs differ by a letter or two, and",
        "# a near-miss of one word is usually another, correct word.",
        "version: 1",
        "name: American and British spelling"
        + ("" if prefer is None else f" ({prefer})"),
        f'description: "{description}"',
        "language: en",
        "defaults:",
        "  fuzzy: false",
        "  severity: " + ("error" if prefer else "warning"),
        "terms:",
    ]


def main(argv: list[str] | None = None) -> int:
    """Write the glossary (default: glossaries/en-us-gb.yaml)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--prefer",
        choices=("us", "gb"),
        help="forbid the other spelling instead of accepting both",
    )
    parser.add_argument("-o", "--output", help="output file, or - for stdout")
    options = parser.parse_args(argv)
    text = render(options.prefer)
    root = Path(__file__).resolve().parent.parent
    output = options.output or str(root / "glossaries" / "en-us-gb.yaml")
    if output == "-":
        sys.stdout.write(text)
    else:
        Path(output).write_text(text, encoding="utf-8")
        print(f"{output}: {sum(1 for _ in pairs())} pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
