// Stage 2: tokens and sentences.
//
// Reads: Document::text, ignored. Writes: Document::{tokens, sentences}.
#pragma once
#include "entente/extract/document.hpp"

namespace entente::extract {

/// Splits Document::text into tokens and sentences.
/// Tokens: words (letters and digits, with inner dots of acronyms such as
/// "U.E."), French elisions split after the apostrophe ("d'une" -> "d'" "une",
/// "l'Intérieur" -> "l'" "Intérieur", also qu', jusqu', lorsqu'), hyphens as
/// their own punctuation tokens ("maroco-nigérienne" -> "maroco" "-"
/// "nigérienne"), every other punctuation mark alone. Text inside `ignored`
/// spans gives no token.
/// Sentences: ICU's sentence break iterator for "fr@ss=standard", which does
/// not cut after "M.", "Mme", "Dr"; besides, never a cut after an honorific or
/// a one-letter initial, and always one at a blank line or at a line that has
/// no final punctuation (headlines, bylines). A run-on sentence is cut at a
/// comma after 250 tokens and anywhere after 400.
void segment(Document& doc);

}  // namespace entente::extract
