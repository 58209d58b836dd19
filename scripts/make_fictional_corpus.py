#!/usr/bin/env python3
"""Writes a corpus of distinct, invented French news articles about
cooperation between states, of any number of documents.

Usage:

    python3 scripts/make_fictional_corpus.py COUNT OUTDIR [--seed N]

    python3 scripts/make_fictional_corpus.py 2000 /tmp/entente-fictional-2000
    # -> 2000 files, 2038867 bytes in /tmp/entente-fictional-2000

Why: the benchmark corpus of scripts/make_bench_corpus.py repeats about 410
distinct texts, and `entente build` leaves exact and near copies out, so 2,000
of its documents make a small graph. These articles are all different (no
two share most of their word 5-shingles, so none is taken for a copy of
another) and each reports a signing between two states, its signatories and
their ministries, the agencies that cooperate and the places involved: 2,000
of them make a graph of thousands of nodes and edges, to measure report.html
and the writers on (docs/PERFORMANCE.md).

Everything is invented here, from word lists in this file: every person is
fictional (first names and surnames drawn at random and combined), the
countries, cities and ministries are real names, the events are not. No text
is read from anywhere. The same COUNT and seed give byte-identical files:
OUTDIR/000000.txt, 000001.txt, ... (files named NNNNNN.txt already in OUTDIR
are removed first; nothing else there is touched).
"""
import argparse
import pathlib
import random
import sys

# name, with its article, after "de", masculine and feminine demonyms, capital.
COUNTRIES = [
    ("France", "la France", "de la France", "français", "française", "Paris"),
    ("Maroc", "le Maroc", "du Maroc", "marocain", "marocaine", "Rabat"),
    ("Espagne", "l'Espagne", "de l'Espagne", "espagnol", "espagnole", "Madrid"),
    ("Sénégal", "le Sénégal", "du Sénégal", "sénégalais", "sénégalaise", "Dakar"),
    ("Belgique", "la Belgique", "de la Belgique", "belge", "belge", "Bruxelles"),
    ("Tunisie", "la Tunisie", "de la Tunisie", "tunisien", "tunisienne", "Tunis"),
    ("Algérie", "l'Algérie", "de l'Algérie", "algérien", "algérienne", "Alger"),
    ("Mali", "le Mali", "du Mali", "malien", "malienne", "Bamako"),
    ("Niger", "le Niger", "du Niger", "nigérien", "nigérienne", "Niamey"),
    ("Italie", "l'Italie", "de l'Italie", "italien", "italienne", "Rome"),
    ("Allemagne", "l'Allemagne", "de l'Allemagne", "allemand", "allemande", "Berlin"),
    ("Portugal", "le Portugal", "du Portugal", "portugais", "portugaise", "Lisbonne"),
    ("Mauritanie", "la Mauritanie", "de la Mauritanie", "mauritanien", "mauritanienne", "Nouakchott"),
    ("Cameroun", "le Cameroun", "du Cameroun", "camerounais", "camerounaise", "Yaoundé"),
    ("Tchad", "le Tchad", "du Tchad", "tchadien", "tchadienne", "N'Djamena"),
    ("Guinée", "la Guinée", "de la Guinée", "guinéen", "guinéenne", "Conakry"),
    ("Bénin", "le Bénin", "du Bénin", "béninois", "béninoise", "Cotonou"),
    ("Togo", "le Togo", "du Togo", "togolais", "togolaise", "Lomé"),
    ("Gabon", "le Gabon", "du Gabon", "gabonais", "gabonaise", "Libreville"),
    ("Suisse", "la Suisse", "de la Suisse", "suisse", "suisse", "Berne"),
    ("Canada", "le Canada", "du Canada", "canadien", "canadienne", "Ottawa"),
    ("Égypte", "l'Égypte", "de l'Égypte", "égyptien", "égyptienne", "Le Caire"),
    ("Grèce", "la Grèce", "de la Grèce", "grec", "grecque", "Athènes"),
    ("Roumanie", "la Roumanie", "de la Roumanie", "roumain", "roumaine", "Bucarest"),
    ("Pologne", "la Pologne", "de la Pologne", "polonais", "polonaise", "Varsovie"),
    ("Luxembourg", "le Luxembourg", "du Luxembourg", "luxembourgeois", "luxembourgeoise", "Luxembourg"),
    ("Autriche", "l'Autriche", "de l'Autriche", "autrichien", "autrichienne", "Vienne"),
    ("Burkina Faso", "le Burkina Faso", "du Burkina Faso", "burkinabè", "burkinabè", "Ouagadougou"),
    ("Côte d'Ivoire", "la Côte d'Ivoire", "de la Côte d'Ivoire", "ivoirien", "ivoirienne", "Abidjan"),
    ("Pays-Bas", "les Pays-Bas", "des Pays-Bas", "néerlandais", "néerlandaise", "La Haye"),
]

# A portfolio after "ministre ... de" and its ministry.
PORTFOLIOS = [
    ("l'Intérieur", "ministère de l'Intérieur"),
    ("la Justice", "ministère de la Justice"),
    ("la Défense", "ministère de la Défense"),
    ("la Sécurité publique", "ministère de la Sécurité publique"),
    ("l'Économie et des Finances", "ministère de l'Économie et des Finances"),
]

FIRST_M = ["Karim", "Julien", "Mamadou", "Youssef", "Pieter", "Marco", "Tomasz", "Lukas", "Ousmane", "Rachid",
           "Nicolas", "Abdoulaye", "Hugo", "Stefan", "Mehdi", "Ibrahima", "Andrés", "Luca", "Jan", "Samir",
           "Théo", "Amadou", "Daniel", "Farid", "Bruno", "Cheikh", "Miguel", "Sven", "Omar", "Paulo"]
FIRST_F = ["Aminata", "Claire", "Fatou", "Leïla", "Marieke", "Giulia", "Agnieszka", "Lena", "Awa", "Nadia",
           "Sophie", "Mariam", "Inès", "Katrin", "Salma", "Ndeye", "Lucía", "Chiara", "Anouk", "Hanane",
           "Élise", "Kadiatou", "Sara", "Yasmina", "Béatrice", "Rokia", "Carmen", "Ingrid", "Houda", "Joana"]
SURNAMES = ["Benali", "Moreau", "Diallo", "Haddad", "Janssens", "Rossi", "Kowalski", "Becker", "Traoré", "Bouzid",
            "Lefèvre", "Sow", "Garnier", "Hoffmann", "Cherif", "Ndiaye", "Ortega", "Ferrari", "De Vries", "Mansouri",
            "Rousseau", "Keïta", "Navarro", "Lindqvist", "Amrani", "Camara", "Pereira", "Van Damme", "Toure", "Marchal",
            "Brahimi", "Coulibaly", "Fontaine", "Schmitt", "Kaba", "Mendes", "Vasquez", "Dupuis", "Ouedraogo", "Lambert",
            "Hamdi", "Mbaye", "Caron", "Novak", "Saidi", "Barry", "Costa", "Wouters", "Faye", "Renaud",
            "Belkacem", "Sylla", "Giraud", "Weber", "Tahiri", "Konaté", "Almeida", "Peeters", "Gueye", "Roche"]

KINDS = ["mémorandum d'entente", "accord de coopération", "convention", "protocole d'accord",
         "déclaration conjointe", "accord"]
TOPICS = ["la lutte contre le terrorisme", "la lutte contre la migration irrégulière",
          "la lutte contre le trafic de drogue", "la lutte contre la cybercriminalité",
          "la lutte contre la traite des êtres humains", "l'entraide judiciaire en matière pénale",
          "la lutte contre le blanchiment d'argent", "la sécurité des frontières",
          "la protection civile", "la lutte contre le trafic d'armes"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MEASURES = ["l'échange d'informations opérationnelles", "des patrouilles conjointes", "la formation des enquêteurs",
            "des officiers de liaison", "un centre commun d'analyse", "des exercices conjoints",
            "le partage de bases de données", "une équipe commune d'enquête", "des visites d'experts",
            "un programme de bourses pour les magistrats", "un numéro d'urgence commun",
            "la surveillance des ports et des aéroports"]
REMARKS = ["Les deux délégations se retrouveront dans {n} mois pour un premier bilan.",
           "Un comité de suivi de {n} membres se réunira chaque trimestre.",
           "Le texte entrera en vigueur {n} jours après sa publication.",
           "Selon les autorités, {n} dossiers communs sont déjà ouverts.",
           "Plus de {n} agents seront formés au cours des deux prochaines années.",
           "Une enveloppe de {n} millions d'euros est prévue pour sa mise en œuvre.",
           "La prochaine réunion se tiendra à {city} dans {n} semaines.",
           "Les services concernés ont recensé {n} affaires l'an dernier."]


def weekday(year, month, day):
    """The French weekday of a date (Zeller's congruence)."""
    m, y = (month, year) if month > 2 else (month + 12, year - 1)
    h = (day + (13 * (m + 1)) // 5 + y % 100 + (y % 100) // 4 + (y // 100) // 4 + 5 * (y // 100)) % 7
    return WEEKDAYS[(h + 5) % 7]  # h: 0 = Saturday


def person(rng, female):
    return rng.choice(FIRST_F if female else FIRST_M) + " " + rng.choice(SURNAMES)


def capitalised(text):
    return text[0].upper() + text[1:]


def article(rng, number):
    a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2012, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    kind = rng.choice(KINDS)
    topic = rng.choice(TOPICS)
    pa, pb = rng.choice(PORTFOLIOS), rng.choice(PORTFOLIOS)
    fa, fb = rng.random() < 0.4, rng.random() < 0.4
    sa, sb = person(rng, fa), person(rng, fb)
    title_a = ("la ministre " if fa else "le ministre ") + (a[4] if fa else a[3]) + " de " + pa[0]
    title_b = (b[4] if fb else b[3]) + ", " + sb
    city = rng.choice([a[5], b[5]])
    date = f"{day} {MONTHS[month - 1]} {year}"
    measures = rng.sample(MEASURES, 3)
    n = rng.randint(3, 400)

    head = rng.choice([
        f"{capitalised(a[1])} et {b[1]} signent un {kind} sur {topic}",
        f"{capitalised(topic)} : {a[1]} et {b[1]} concluent un {kind}",
        f"Coopération : un {kind} entre {a[1]} et {b[1]}",
    ]) + f" (dépêche {number})"
    lines = [head, ""]
    lines.append(
        f"{city.upper()}, {date} - {capitalised(a[1])} et {b[1]} ont signé le {weekday(year, month, day)} {date} à "
        f"{city} un {kind} portant sur {topic}.")
    lines.append("")
    signer = rng.choice([
        f"Le texte a été signé par {title_a}, {sa}, et par son homologue {title_b}.",
        f"{capitalised(title_a)}, {sa}, et son homologue {title_b}, ont paraphé le document.",
    ])
    lines.append(signer + f" Il prévoit {measures[0]}, {measures[1]} et {measures[2]}.")
    lines.append("")
    # Agencies that cooperate, and a third person from one of them.
    agency_a = rng.choice(["la police nationale", "la gendarmerie nationale", "la direction générale des douanes",
                           "le parquet national", "la cellule de renseignement financier"])
    agency_b = rng.choice(["la police nationale", "la gendarmerie nationale", "la direction générale des douanes",
                           "le parquet national", "la cellule de renseignement financier"])
    third_f = rng.random() < 0.5
    third = person(rng, third_f)
    lines.append(
        f"{capitalised(agency_a)} {a[3] if not agency_a.startswith('la') else a[4]} et "
        f"{agency_b} {b[3] if not agency_b.startswith('la') else b[4]} renforceront leur coopération, "
        f"a précisé {third}, {'directrice' if third_f else 'directeur'} de cabinet au {pa[1]} {a[2]}.")
    lines.append("")
    quote_by = ("Mme " if fa else "M. ") + sa.split(" ", 1)[1]
    lines.append(
        f"« {'Cet' if kind[0] in 'aeiouéè' else 'Ce'} {kind} nous donne {rng.choice(['enfin', 'aujourd’hui', 'désormais'])} les moyens d'agir "
        f"{rng.choice(['ensemble', 'plus vite', 'de concert'])} contre {topic.split(' contre ', 1)[-1]} », "
        f"a déclaré {quote_by} à l'issue de la cérémonie.")
    lines.append("")
    lines.append(rng.choice(REMARKS).format(n=n, city=rng.choice([a[5], b[5]])) + " " +
                 rng.choice(REMARKS).format(n=rng.randint(2, 90), city=rng.choice([a[5], b[5]])))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("outdir", type=pathlib.Path)
    parser.add_argument("--seed", type=int, default=20250101)
    args = parser.parse_args()
    if args.count < 0:
        sys.exit("COUNT must be 0 or more")
    args.outdir.mkdir(parents=True, exist_ok=True)
    for old in args.outdir.glob("[0-9][0-9][0-9][0-9][0-9][0-9].txt"):
        old.unlink()
    rng = random.Random(args.seed)
    total = 0
    for i in range(args.count):
        text = article(rng, i + 1)
        data = text.encode("utf-8")
        (args.outdir / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    print(f"{args.count} files, {total} bytes in {args.outdir}")


if __name__ == "__main__":
    main()
