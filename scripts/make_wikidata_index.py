#!/usr/bin/env python3
"""Builds graph/data/wikidata-index.tsv, the Wikidata index shipped with Entente.

Usage (from the repository root; writes the file, prints a summary):

    python3 scripts/make_wikidata_index.py \
        [--shared ../shared/data/wikidata] [--out graph/data/wikidata-index.tsv]

The generated file is committed; this script documents how it was made and
remakes it byte for byte from the same inputs. Its inputs:

- QIDs and their evidence: ../shared/data/wikidata/{countries,organisations,
  people}.tsv (facts copied from public sources, see that folder's README).
  Only the facts are copied: QID, names, evidence text. Rows with no QID are
  left out. Kosovo (XK), which ISO 3166-1 does not list, gets Q1246 from the
  same README ("the stored sources give Kosovo as Q1246").
- French and English country names: Debian iso-codes 4.15.0
  (/usr/share/iso-codes/json/iso_3166-1.json and its French translation
  /usr/share/locale/fr/LC_MESSAGES/iso_3166-1.mo), and the French gazetteer
  extract/data/fr/countries.tsv (general knowledge, already in this repository).
- French names and aliases of organisations: extract/data/fr/organisations.tsv
  (general knowledge), used only where its QID equals the shared table's.
- Persons: the six rows of people.tsv. Their labels are the name of that table
  plus common French and English forms of it, and their country is the state
  each of them serves (general knowledge, written below in PEOPLE).

Nothing here invents a QID: every QID comes from the shared tables.
"""
import argparse
import csv
import gettext
import json
import pathlib
import re
import sys

VERSION_LINE = "# entente-wikidata-index 1"
HEADER = ["qid", "type", "country", "label_fr", "label_en", "aliases_fr", "aliases_en", "source"]
ROOT = pathlib.Path(__file__).resolve().parent.parent
ISO_JSON = pathlib.Path("/usr/share/iso-codes/json/iso_3166-1.json")
ISO_SOURCE = "Debian iso-codes 4.15.0 iso_3166-1.json and its fr translation"

# Person rows: QID (must be in people.tsv) -> country, labels and aliases.
# Country: the state the person serves (general knowledge). Names: the
# people.tsv name and its usual French and English forms (general knowledge).
PEOPLE = {
    "Q1865725": dict(country="BE", label_fr="Jan Jambon", label_en="Jan Jambon"),
    "Q1240812": dict(country="BE", label_fr="Koen Geens", label_en="Koen Geens"),
    "Q2072384": dict(country="BE", label_fr="Theo Francken", label_en="Theo Francken",
                     aliases_fr=["Théo Francken"]),
    "Q57553": dict(country="MA", label_fr="Mohammed VI", label_en="Mohammed VI of Morocco",
                   aliases_fr=["Mohammed VI du Maroc", "roi Mohammed VI"],
                   aliases_en=["Mohammed VI", "King Mohammed VI"]),
    "Q155004": dict(country="BE", label_fr="Philippe de Belgique", label_en="Philippe of Belgium",
                    aliases_fr=["Philippe", "roi Philippe"],
                    aliases_en=["Philippe", "King Philippe"]),
    "Q1638114": dict(country="MA", label_fr="Aziz Akhannouch", label_en="Aziz Akhannouch"),
}

# Words that mark an alias of the French gazetteer as English.
ENGLISH_WORDS = {
    "of", "the", "for", "and", "on", "european", "african", "arab", "united", "international",
    "gulf", "council", "court", "agency", "office", "parliament", "women", "peacebuilding",
    "task", "force", "drugs", "authority", "committee", "organization", "league", "children's",
    "anti-money", "laundering", "city", "holy", "see", "republic",
    "kingdom", "states", "islands", "island",
}
FRENCH_WORDS = {"de", "du", "des", "la", "le", "les", "pour", "et", "sur", "aux", "l'union",
                "l'europe", "l'onu", "l'ua", "l'ue"}


def clean(value):
    """One cell value: no tab, newline or '|' (the separators of the file)."""
    value = re.sub(r"\s*\|\s*", "; ", value)
    return re.sub(r"[\t\r\n ]+", " ", value).strip()


def unique(values, *exclude):
    seen = {v.casefold() for v in exclude if v}
    out = []
    for v in values:
        v = clean(v)
        if v and v.casefold() not in seen:
            seen.add(v.casefold())
            out.append(v)
    return out


STOP_WORDS = {"de", "des", "du", "la", "le", "les", "l", "d", "pour", "et", "sur", "aux", "au",
              "of", "the", "for", "and", "on", "in", "to"}


def initials(name):
    words = re.findall(r"[^\W\d_]+", name)
    return "".join(w[0] for w in words if w.casefold() not in STOP_WORDS).upper()


def languages(alias, label_fr, label_en, english_names):
    """The languages an alias is filed under: 'fr', 'en' or both."""
    if " " not in alias and (alias.isupper() or alias.upper() == initials(label_fr)
                             or alias.upper() == initials(label_en)):
        # an acronym: by its initials; both when neither name gives it
        in_fr = alias.upper() == initials(label_fr)
        in_en = alias.upper() == initials(label_en)
        return [l for l, ok in (("fr", in_fr or not in_en), ("en", in_en or not in_fr)) if ok]
    return ["en"] if is_english(alias, english_names) else ["fr"]


def is_english(alias, english_names):
    if alias.casefold() in {n.casefold() for n in english_names if n}:
        return True
    words = alias.casefold().split()
    if any(w in FRENCH_WORDS for w in words):
        return False
    return len(words) > 1 and any(w in ENGLISH_WORDS for w in words)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_gazetteer(path, header):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or line.startswith(header[0] + "\t"):
                continue
            cells = line.split("\t")
            cells += [""] * (len(header) - len(cells))
            rows.append(dict(zip(header, cells)))
    return rows


def split_values(cell, sep="|"):
    return [v.strip() for v in cell.split(sep) if v.strip()]


def country_rows(shared):
    iso = {c["alpha_2"]: c for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]}
    fr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["fr"])
    gaz = {r["iso2"]: r for r in read_gazetteer(
        ROOT / "extract/data/fr/countries.tsv",
        ["iso2", "qid", "name", "aliases", "demonyms", "prefixes", "ambiguous"])}
    table = read_tsv(shared / "countries.tsv")
    table.append({"alpha2": "XK", "wikidata_qid": "Q1246", "name_en": "Kosovo",
                  "evidence": "README.md of shared/data/wikidata: 'the stored sources give Kosovo as "
                              "Q1246 (opensanctions/rigour resources/territories/xk.yml, openai/deeptype "
                              "KOSOVO, other public files)'"})
    rows = []
    for r in table:
        code, qid = r["alpha2"], r["wikidata_qid"]
        if not qid:
            continue
        g = gaz.get(code)
        if g and g["qid"] != qid:
            sys.exit(f"countries: {code}: gazetteer has {g['qid']}, shared table {qid}")
        c = iso.get(code, {})
        en_names = [c.get("common_name", ""), c.get("name", ""), c.get("official_name", ""),
                    r["name_en"]]
        en_names = unique(en_names)
        label_en = en_names[0]
        fr_names = []
        if g:
            fr_names.append(g["name"])
        for key in ("name", "official_name"):
            if c.get(key):
                t = fr.gettext(c[key])
                if t != c[key] or not g:
                    fr_names.append(t)
        aliases_fr, aliases_en = [], list(en_names[1:])
        fr_names = unique(fr_names)
        label_fr = fr_names[0] if fr_names else ""
        for a in split_values(g["aliases"]) if g else []:
            langs = languages(a, label_fr, label_en, en_names)
            if "fr" in langs:
                aliases_fr.append(a)
            if "en" in langs:
                aliases_en.append(a)
        names_src = ISO_SOURCE + ("; extract/data/fr/countries.tsv (general knowledge)" if g else "")
        rows.append(dict(qid=qid, type="country", country=code, label_fr=label_fr, label_en=label_en,
                         aliases_fr=unique(fr_names[1:] + aliases_fr, label_fr, label_en),
                         aliases_en=unique(aliases_en, label_en, label_fr),
                         source=f"qid: {r['evidence']} -- names: {names_src}"))
    return sorted(rows, key=lambda x: x["country"])


def organisation_rows(shared):
    gaz = {}
    for r in read_gazetteer(ROOT / "extract/data/fr/organisations.tsv",
                            ["id", "qid", "name", "aliases", "kind", "country"]):
        if r["qid"]:
            gaz[r["qid"]] = r
    rows = []
    for r in read_tsv(shared / "organisations.tsv"):
        qid = r["qid"]
        if not qid:
            continue
        g = gaz.get(qid)
        label_en = clean(r["name_en"])
        label_fr = clean(r["name_fr_if_shown"]) or (clean(g["name"]) if g else "")
        aliases_fr, aliases_en = [], []
        names = split_values(r["acronyms_if_shown"], ";")
        if g:
            names += [g["name"]] + split_values(g["aliases"])
        for a in names:
            langs = languages(a, label_fr, label_en, [label_en])
            if "fr" in langs:
                aliases_fr.append(a)
            if "en" in langs:
                aliases_en.append(a)
        names_src = "shared organisations.tsv" + (
            "; extract/data/fr/organisations.tsv (general knowledge)" if g else "")
        rows.append(dict(qid=qid, type="organisation", country="", label_fr=label_fr, label_en=label_en,
                         aliases_fr=unique(aliases_fr, label_fr, label_en),
                         aliases_en=unique(aliases_en, label_en, label_fr),
                         source=f"qid: {r['evidence']} -- names: {names_src}"))
    return rows


def person_rows(shared):
    rows = []
    table = {r["qid"]: r for r in read_tsv(shared / "people.tsv")}
    for qid, p in PEOPLE.items():
        r = table.get(qid)
        if r is None:
            sys.exit(f"people: {qid} is not in people.tsv")
        rows.append(dict(qid=qid, type="person", country=p["country"], label_fr=p["label_fr"],
                         label_en=p["label_en"], aliases_fr=p.get("aliases_fr", []),
                         aliases_en=p.get("aliases_en", []),
                         source=f"qid: {r['evidence']} -- names: people.tsv '{r['name']}' and its usual "
                                f"forms; country: the state the person serves (general knowledge)"))
    return rows


PREAMBLE = """\
# The Wikidata index of Entente: items that nodes of the graph may link to (owl:sameAs).
# Format (docs/WIKIDATA.md): UTF-8, tab-separated, no quoting; '#' lines are comments; first line
# is the version line above, then one header row. Several values in one cell are separated by '|'.
#   qid       Wikidata item, Q followed by digits, unique in the file
#   type      person | organisation | country
#   country   ISO 3166-1 alpha-2: a country's own code; the state a person or a national body
#             belongs to (several allowed); empty for international bodies
#   label_fr, label_en, aliases_fr, aliases_en   names in French and English (at least one label)
#   source    where the QID and the names come from (never empty)
# Generated by scripts/make_wikidata_index.py from ../shared/data/wikidata; do not edit by hand.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=pathlib.Path, default=ROOT.parent / "shared/data/wikidata")
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "graph/data/wikidata-index.tsv")
    args = ap.parse_args()
    rows = country_rows(args.shared) + organisation_rows(args.shared) + person_rows(args.shared)
    seen = set()
    for r in rows:
        if r["qid"] in seen:
            sys.exit(f"duplicate QID {r['qid']}")
        seen.add(r["qid"])
    lines = [VERSION_LINE, PREAMBLE.rstrip("\n"), "\t".join(HEADER)]
    for r in rows:
        cells = [r["qid"], r["type"], r["country"], clean(r["label_fr"]), clean(r["label_en"]),
                 "|".join(r["aliases_fr"]), "|".join(r["aliases_en"]), clean(r["source"])]
        lines.append("\t".join(cells))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {t: sum(1 for r in rows if r["type"] == t) for t in ("country", "organisation", "person")}
    print(f"{args.out}: {len(rows)} rows {counts}")


if __name__ == "__main__":
    main()
