// Stage 3: French dates.
//
// Reads: tokens, sentences, Document::meta.date. Writes: Document::dates, and
// Document::meta.date (with meta.dateline) when the metadata gave none and a
// dateline of the text gives it.
#pragma once
#include <string>

#include "entente/extract/document.hpp"

namespace entente::extract {

/// Finds dates in every usual French form and resolves them as far as the
/// text makes certain:
///   "le mardi 15 octobre 2024", "15 octobre 2024", "1er août 2022",
///   "1^{er} août 2022", "le 25 novembre", "01.08.2022", "01/08/2022",
///   "2024-10-15", "en octobre 2024", "en 2021", "fin septembre 2024",
///   periods "2022-2026" / "pour 2025-2026" (start year, `value` "2025").
/// The publication date is Document::meta.date; without one, a dateline in
/// the first eight lines gives it: "Publié le vendredi 20 décembre 2013",
/// "Mis à jour le 03/05/2021" (a publication wins over an update), a date
/// alone on its line ("27 mai 2009 17h43 HE"), an agency's "RABAT, 15 oct.
/// (MAP) -"; meta.dateline then says so.
/// A date without a year gets, with a full publication date, the year that
/// puts it nearest that date among the year before, its year and the year
/// after (its weekday, when written, must fit; without a weekday, in the ten
/// months before or the two months after it); else the year that makes its
/// weekday right among the years of the article's other dates (and the years
/// just before/after them); if none, the value stays partial ("--10-15").
/// With a full publication date, relative dates are read too (words in
/// data/fr/relative_dates.tsv), in the past unless they say otherwise:
/// "hier", "avant-hier", "demain", "après-demain"; a weekday alone ("mardi",
/// "ce mardi": the last one on or before the publication date; "mardi
/// dernier": before it; "mardi prochain": after it; "chaque mardi": none);
/// "la semaine dernière" (its month, or its year across two months), "le
/// mois prochain", "l'an dernier", "cette année".
void find_dates(Document& doc);

/// The weekday (0 = Monday .. 6 = Sunday) of a Gregorian date.
int weekday(int year, int month, int day);

}  // namespace entente::extract
