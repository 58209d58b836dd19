// Stage 3: French dates.
//
// Reads: tokens, sentences. Writes: Document::dates.
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
/// A date without a year gets the year that makes its weekday right, among
/// the years of the article's other dates (and the years just before/after
/// them); if no weekday or no single year fits, the value stays partial
/// ("--10-15").
void find_dates(Document& doc);

/// The weekday (0 = Monday .. 6 = Sunday) of a Gregorian date.
int weekday(int year, int month, int day);

}  // namespace entente::extract
