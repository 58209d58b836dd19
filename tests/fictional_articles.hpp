// Fictional French articles written for the tests of repeated articles and
// of agreements across articles (tests/duplicates_test.cpp, tests/e2e_test.cpp),
// and of extraction results (tests/results_test.cpp, tests/record_cache_test.cpp).
// Every person in them is invented; the countries are real, the events are not.
#pragma once
#include <string_view>

namespace entente::testing {

/// Morocco and Spain sign a memorandum against human trafficking (the results and record cache tests).
inline constexpr const char* kRabatMemorandum =
    "Rabat, 3 mars 2025 – Le ministre marocain de l'Intérieur, Karim Inventé, et son homologue "
    "espagnol, Jeanne Fictive, ont signé mardi à Rabat un mémorandum d'entente sur la lutte contre "
    "la traite des êtres humains.\n\nLe Maroc et l'Espagne renforcent ainsi leur coopération policière.";

/// An agency dispatch: Portugal and Cape Verde sign a memorandum on 12 March 2024.
inline constexpr std::string_view kDispatch =
    "Migration : le Portugal et le Cap-Vert signent un mémorandum d'entente contre la traite des êtres humains\n"
    "\n"
    "Lisbonne, 12 mars 2024 – Le Portugal et le Cap-Vert ont signé mardi à Lisbonne un mémorandum d'entente pour renforcer leur coopération dans la lutte contre la traite des êtres humains et l'immigration irrégulière. Le texte a été signé par la ministre portugaise de l'Intérieur, Inês Carvalhal, et par le ministre cap-verdien de la Sécurité intérieure, Abílio Furtado Lopes.\n"
    "\n"
    "Le mémorandum prévoit l'échange d'informations entre les polices des deux pays, la formation conjointe des enquêteurs et la création d'une équipe commune chargée des réseaux de passeurs.\n"
    "\n"
    "« Ce texte nous donne les moyens d'agir ensemble, des deux côtés de l'Atlantique », a déclaré Mme Carvalhal à l'issue de la cérémonie. Son homologue a salué « une étape importante » dans les relations entre Praia et Lisbonne.\n"
    "\n"
    "Selon le ministère portugais de l'Intérieur, plus de 300 victimes de la traite ont été identifiées au Portugal l'an dernier.\n";

/// Another outlet's own article on the same signing: other words, one shared quote.
inline constexpr std::string_view kSameEvent =
    "Le Cap-Vert et le Portugal unissent leurs forces contre les réseaux de passeurs\n"
    "\n"
    "Le Cap-Vert et le Portugal ont conclu le mardi 12 mars 2024 un mémorandum d'entente sur la sécurité intérieure. Abílio Furtado Lopes, ministre cap-verdien de la Sécurité intérieure, s'est rendu dans la capitale portugaise pour le signer avec Inês Carvalhal, ministre de l'Intérieur du Portugal.\n"
    "\n"
    "Le texte vise d'abord les filières d'immigration irrégulière qui passent par l'archipel vers l'Europe. Les deux polices partageront leurs données et formeront ensemble leurs enquêteurs.\n"
    "\n"
    "« Ce texte nous donne les moyens d'agir ensemble, des deux côtés de l'Atlantique », a souligné la ministre portugaise. M. Furtado Lopes a rappelé que le Cap-Vert accueille chaque année des milliers de migrants en transit.\n"
    "\n"
    "Le mémorandum entrera en vigueur après sa publication au journal officiel des deux pays.\n";

/// The dispatch as another site ran it: another headline, its last paragraph
/// replaced by a sentence of its own (86 % of its 5-word shingles are the dispatch's).
inline constexpr std::string_view kRerun =
    "Lisbonne et Praia s'allient contre la traite\n"
    "\n"
    "Lisbonne, 12 mars 2024 – Le Portugal et le Cap-Vert ont signé mardi à Lisbonne un mémorandum d'entente pour renforcer leur coopération dans la lutte contre la traite des êtres humains et l'immigration irrégulière. Le texte a été signé par la ministre portugaise de l'Intérieur, Inês Carvalhal, et par le ministre cap-verdien de la Sécurité intérieure, Abílio Furtado Lopes.\n"
    "\n"
    "Le mémorandum prévoit l'échange d'informations entre les polices des deux pays, la formation conjointe des enquêteurs et la création d'une équipe commune chargée des réseaux de passeurs.\n"
    "\n"
    "« Ce texte nous donne les moyens d'agir ensemble, des deux côtés de l'Atlantique », a déclaré Mme Carvalhal à l'issue de la cérémonie. Son homologue a salué « une étape importante » dans les relations entre Praia et Lisbonne.\n"
    "\n"
    "Les deux ministres se retrouveront en juin à Praia pour un premier bilan.\n";

/// An earlier memorandum between the same two countries (5 June 2019).
inline constexpr std::string_view kEarlierMemorandum =
    "Sécurité : premier mémorandum entre le Portugal et le Cap-Vert\n"
    "\n"
    "Le Portugal et le Cap-Vert ont signé le 5 juin 2019 à Praia un mémorandum d'entente sur la coopération policière. Le ministre portugais de l'Intérieur, Duarte Mesquita Vaz, et son homologue cap-verdien, Abílio Furtado Lopes, ont paraphé le document au siège du gouvernement.\n"
    "\n"
    "Le texte organise des patrouilles maritimes conjointes autour de l'archipel et la formation d'agents cap-verdiens à Lisbonne.\n";

}  // namespace entente::testing
