// Recognition and within-document linking (extract/src/recognize.cpp,
// link.cpp): short French texts written for these tests, about fictional
// people, through every stage (run_stages), and the mentions and entities
// they give.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "entente/extract/pipeline.hpp"
#include "entente/extract/reader.hpp"

namespace {

using entente::extract::Document;
using entente::extract::document_from_bytes;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Mention;

Document extract(std::string_view text) {
  Document d = document_from_bytes("t.txt", "t.txt", text);
  entente::extract::run_stages(d);
  return d;
}

std::string type_name(EntityType t) { return std::string(entente::extract::to_string(t)); }

/// Mentions and entities, one a line, for failure messages.
std::string dump(const Document& d) {
  std::string out = "mentions:\n";
  for (const auto& m : d.mentions) {
    out += "  " + type_name(m.type) + " '" + std::string(d.slice(m.span)) + "' name='" + m.name + "' key=" + m.key +
           " country=" + m.country + " stage=" + m.stage + " entity=" + std::to_string(m.entity) + "\n";
  }
  out += "entities:\n";
  for (std::size_t i = 0; i < d.entities.size(); ++i) {
    const auto& e = d.entities[i];
    out += "  " + std::to_string(i) + " " + type_name(e.type) + " '" + e.name + "'";
    for (const auto& l : e.labels) out += " | '" + l + "'";
    out += " key=" + e.key + " country=" + e.country + " date=" + e.date + "\n";
  }
  return out;
}

std::vector<const Entity*> entities_of(const Document& d, EntityType t) {
  std::vector<const Entity*> out;
  for (const auto& e : d.entities)
    if (e.type == t) out.push_back(&e);
  return out;
}

const Entity* find_entity(const Document& d, EntityType t, std::string_view name) {
  for (const auto& e : d.entities) {
    if (e.type != t) continue;
    if (e.name == name || std::find(e.labels.begin(), e.labels.end(), name) != e.labels.end()) return &e;
  }
  return nullptr;
}

const Entity* find_country(const Document& d, std::string_view iso2) {
  for (const auto& e : d.entities)
    if (e.type == EntityType::Country && e.key == iso2) return &e;
  return nullptr;
}

/// Mentions whose text (as written) contains `words`.
std::vector<const Mention*> mentions_over(const Document& d, std::string_view words) {
  std::vector<const Mention*> out;
  for (const auto& m : d.mentions)
    if (d.slice(m.span).find(words) != std::string_view::npos) out.push_back(&m);
  return out;
}

bool any_of_type(const Document& d, EntityType t) {
  return std::any_of(d.mentions.begin(), d.mentions.end(), [&](const Mention& m) { return m.type == t; }) ||
         !entities_of(d, t).empty();
}

// ---- Persons ---------------------------------------------------------------------

TEST(RecognizePersons, NameInAppositionToATitle) {
  Document d = extract("Le ministre de la Justice, Paul Verlaine, a reçu hier une délégation.");
  const Entity* p = find_entity(d, EntityType::Person, "Paul Verlaine");
  ASSERT_NE(p, nullptr) << dump(d);
  EXPECT_EQ(p->name, "Paul Verlaine");
  EXPECT_EQ(entities_of(d, EntityType::Person).size(), 1U) << dump(d);
}

TEST(RecognizePersons, HonorificAndSurnameJoinTheFullName) {
  Document d = extract(
      "Le ministre de la Justice, Paul Verlaine, a reçu hier une délégation. "
      "M. Verlaine a salué la qualité des échanges.");
  auto persons = entities_of(d, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(d);
  EXPECT_EQ(persons[0]->name, "Paul Verlaine") << "the fullest name, without the honorific";
  EXPECT_EQ(persons[0]->mentions.size(), 2U) << dump(d);
  for (const auto& m : d.mentions) EXPECT_EQ(m.name.find("M."), std::string::npos) << dump(d);
}

TEST(RecognizePersons, LoneSurnameJoinsTheFullName) {
  Document d = extract(
      "La ministre Amélie Rousset a ouvert la séance. "
      "Selon Rousset, la coopération progresse.");
  auto persons = entities_of(d, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(d);
  EXPECT_EQ(persons[0]->name, "Amélie Rousset");
  EXPECT_EQ(persons[0]->mentions.size(), 2U) << dump(d);
}

TEST(RecognizePersons, SurnameOfTwoPersonsStaysUnresolved) {
  Document d = extract(
      "Jean Rousset et Claire Rousset ont signé le registre. "
      "M. Rousset a ensuite quitté la salle.");
  const Entity* jean = find_entity(d, EntityType::Person, "Jean Rousset");
  const Entity* claire = find_entity(d, EntityType::Person, "Claire Rousset");
  ASSERT_NE(jean, nullptr) << dump(d);
  ASSERT_NE(claire, nullptr) << dump(d);
  EXPECT_EQ(jean->mentions.size(), 1U) << dump(d);
  EXPECT_EQ(claire->mentions.size(), 1U) << dump(d);
}

TEST(RecognizePersons, CapitalisedWordsAtSentenceStartAreNoPersons) {
  for (std::string_view text :
       {"Lundi, les deux délégations se sont réunies à Rabat.", "Selon le communiqué, la réunion a eu lieu.",
        "Mardi Matin, rien ne s'est passé.", "Ensuite, Les Participants ont quitté la salle.",
        "Par ailleurs, la police a saisi trois tonnes de résine."}) {
    Document d = extract(text);
    EXPECT_FALSE(any_of_type(d, EntityType::Person)) << text << "\n" << dump(d);
  }
}

TEST(RecognizePersons, NationalityGroupsAreNoPersons) {
  Document d = extract("Les migrants sénégalais ont été reçus par les autorités.");
  EXPECT_FALSE(any_of_type(d, EntityType::Person)) << dump(d);
}

// Bug: a surname of two words ("Ould Tahar") used alone does not join the
// full name. "Le juge El Mehdi Ould Tahar ... M. Ould Tahar ..." gives two
// persons, 'El Mehdi Ould Tahar' and 'Ould Tahar': link.cpp pass 1 attaches
// any two-word person mention as a full name, and pass 2 compares only the
// last word of a full name with one-word surnames.
TEST(RecognizePersons, TwoWordSurnameJoinsTheFullName) {
  Document d = extract(
      "Le juge El Mehdi Ould Tahar a entendu les témoins. "
      "M. Ould Tahar a ensuite levé la séance.");
  auto persons = entities_of(d, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(d);
  EXPECT_EQ(persons[0]->name, "El Mehdi Ould Tahar");
  EXPECT_EQ(persons[0]->mentions.size(), 2U) << dump(d);
}

// Bug: a title followed by a surname that is not a known first name names no
// person: "Le commissaire Verlaine a été promu." gives no mention at all
// (persons() accepts "title + name" only when the name starts with a first
// name of firstnames.txt; "M. Verlaine" works, "le commissaire Verlaine" not).
TEST(RecognizePersons, TitleAndSurnameNameAPerson) {
  Document d = extract("Le commissaire Verlaine a été promu la semaine dernière.");
  const Entity* p = find_entity(d, EntityType::Person, "Verlaine");
  ASSERT_NE(p, nullptr) << dump(d);
  EXPECT_EQ(p->roles.size(), 1U) << dump(d);
}

// ---- Countries ---------------------------------------------------------------------

// ---- Persons in press releases and agency copy (shape b) ---------------------------

bool has_person(const Document& d, std::string_view name) { return find_entity(d, EntityType::Person, name) != nullptr; }

TEST(RecognizePersons, PressReleaseWithHonorificsAndACounterpart) {
  Document d = extract(
      "M. Jean Dupuis, ministre de l'Intérieur, a reçu son homologue portugais, M. João Silva Pereira, à Paris.");
  EXPECT_TRUE(has_person(d, "Jean Dupuis")) << dump(d);
  EXPECT_TRUE(has_person(d, "João Silva Pereira")) << dump(d);
}

TEST(RecognizePersons, SurnameInCapitals) {
  Document d = extract("10h20 : Arrivée de M. Karim BELKACEM, ministre de l'Intérieur.");
  EXPECT_TRUE(has_person(d, "Karim BELKACEM")) << dump(d);
  Document e = extract("Le ministre, M. Jorge Alvarez RUIZ, est arrivé. M. RUIZ a parlé.");
  EXPECT_TRUE(has_person(e, "Jorge Alvarez RUIZ")) << dump(e);
}

TEST(RecognizePersons, ParticleSurnames) {
  for (const char* name : {"Ahmed Ould Cheikh", "Ursula von der Brück", "Pieter van den Berg", "Sofia da Costa",
                           "Karim Ben Salah", "Omar bin Rashid", "Hassan el Idrissi"}) {
    Document d = extract(std::string("Le ministre ") + name + " a signé le texte hier.");
    EXPECT_TRUE(has_person(d, name)) << name << "\n" << dump(d);
  }
}

TEST(RecognizePersons, GermanArticleAfterANameIsNoParticle) {
  Document d = extract("Ministerin Faeser trifft Minister Karim Benali den Startschuss zu geben.");
  EXPECT_FALSE(has_person(d, "Karim Benali den Startschuss")) << dump(d);
}

TEST(RecognizePersons, TitleAndSurnameJoinTheFullName) {
  Document d = extract(
      "Le ministre Paul Verlaine a rencontré la secrétaire Janet Colbert. La secrétaire Colbert a salué l'accord.");
  const auto persons = entities_of(d, EntityType::Person);
  EXPECT_EQ(persons.size(), 2U) << dump(d);
}

TEST(RecognizePersons, MisspeltSurnameJoinsTheOnlyClosePerson) {
  Document d = extract("Le ministre Gaspard Montmorin est arrivé samedi. M. Montmorn a salué la coopération.");
  const auto persons = entities_of(d, EntityType::Person);
  EXPECT_EQ(persons.size(), 1U) << dump(d);
}

TEST(RecognizePersons, Initials) {
  Document d = extract("Le directeur du Bureau fédéral, Christopher A. Wray, a reçu la délégation.");
  EXPECT_TRUE(has_person(d, "Christopher A. Wray")) << dump(d);
  Document e = extract("Le ministre J.-P. Dumont a signé l'accord avec le Togo hier.");
  EXPECT_TRUE(has_person(e, "J.-P. Dumont")) << dump(e);
}

TEST(RecognizePersons, ArabicArticleKeptOrDroppedIsOnePerson) {
  Document d = extract(
      "Le président Ahmed Ould Salem El Bakri est arrivé. Le président Ahmed Ould Salem Bakri a parlé.");
  EXPECT_EQ(entities_of(d, EntityType::Person).size(), 1U) << dump(d);
}

TEST(RecognizeCountries, DemonymStandsForItsCountry) {
  Document d = extract("La police sénégalaise a arrêté trois suspects.");
  bool mention = false;
  for (const auto& m : d.mentions)
    if (m.type == EntityType::Country && m.key == "SN" && m.demonym) mention = true;
  EXPECT_TRUE(mention) << dump(d);
  const Entity* sn = find_country(d, "SN");
  ASSERT_NE(sn, nullptr) << dump(d);
  EXPECT_EQ(sn->name, "Sénégal");
  EXPECT_EQ(sn->qid, "Q1041");
}

TEST(RecognizeCountries, CompoundAdjectiveNamesBothCountries) {
  Document d = extract("La commission mixte maroco-nigérienne s'est réunie hier.");
  EXPECT_NE(find_country(d, "MA"), nullptr) << dump(d);
  EXPECT_NE(find_country(d, "NE"), nullptr) << dump(d);
  EXPECT_EQ(find_country(d, "NG"), nullptr) << dump(d);
}

TEST(RecognizeCountries, NigerianIsNigeriaNotNiger) {
  Document d = extract("La délégation nigériane est arrivée à Abuja.");
  EXPECT_NE(find_country(d, "NG"), nullptr) << dump(d);
  EXPECT_EQ(find_country(d, "NE"), nullptr) << dump(d);
  Document n = extract("La délégation nigérienne est arrivée à Niamey.");
  EXPECT_NE(find_country(n, "NE"), nullptr) << dump(n);
  EXPECT_EQ(find_country(n, "NG"), nullptr) << dump(n);
}

TEST(RecognizeCountries, CountryNamesAndTheirMentions) {
  Document d = extract("Le Maroc et la Belgique ont tenu une réunion. Le Royaume du Maroc a salué la Belgique.");
  const Entity* ma = find_country(d, "MA");
  const Entity* be = find_country(d, "BE");
  ASSERT_NE(ma, nullptr) << dump(d);
  ASSERT_NE(be, nullptr) << dump(d);
  EXPECT_EQ(ma->name, "Maroc");
  EXPECT_EQ(ma->mentions.size(), 2U) << dump(d);
  EXPECT_EQ(be->mentions.size(), 2U) << dump(d);
  EXPECT_EQ(entities_of(d, EntityType::Country).size(), 2U) << dump(d);
}

TEST(RecognizeCountries, ASharedDemonymStandsForTheOneStateTheArticleNames) {
  Document d = extract("Le président Paul Mbala a reçu à Kinshasa le chef de la police congolaise.");
  EXPECT_NE(find_country(d, "CD"), nullptr) << dump(d);
  Document e = extract("La police congolaise a arrêté trois suspects.");
  EXPECT_EQ(find_country(e, "CD"), nullptr) << dump(e);
  EXPECT_EQ(find_country(e, "CG"), nullptr) << dump(e);
  Document f = extract("Entre Kinshasa et Brazzaville, la police congolaise surveille le fleuve.");
  EXPECT_EQ(find_country(f, "CD"), nullptr) << dump(f);
  EXPECT_EQ(find_country(f, "CG"), nullptr) << dump(f);
}

TEST(RecognizeCountries, CitiesAndRegionsAreNoCountries) {
  Document d = extract("La réunion s'est tenue à Rabat, puis à Dakar, sur la sécurité au Sahel et en Europe.");
  EXPECT_FALSE(any_of_type(d, EntityType::Country)) << dump(d);
  for (const auto& m : mentions_over(d, "Rabat")) EXPECT_NE(m->type, EntityType::Country) << dump(d);
}

// ---- Institutions ------------------------------------------------------------------

TEST(RecognizeInstitutions, AcronymInParenthesesThenAloneIsOneInstitution) {
  Document d = extract(
      "L'Office central de lutte contre les stupéfiants (OCLS) a démantelé un réseau. "
      "Selon l'OCLS, trois tonnes ont été saisies.");
  auto inst = entities_of(d, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(d);
  const Entity* e = inst[0];
  EXPECT_EQ(e->name, "Office central de lutte contre les stupéfiants") << dump(d);
  ASSERT_EQ(e->labels.size(), 1U) << dump(d);
  EXPECT_EQ(e->labels[0], "OCLS");
  EXPECT_EQ(e->mentions.size(), 3U) << dump(d);
}

TEST(RecognizeInstitutions, GenericPhrasesAreNoInstitutions) {
  for (std::string_view text :
       {"Les services compétents ont été saisis du dossier.", "Les institutions judiciaires marocaines sont saisies.",
        "Des pays européens ont exprimé leur soutien.", "Le gouvernement a pris acte."}) {
    Document d = extract(text);
    for (const auto& m : d.mentions) {
      EXPECT_NE(m.type, EntityType::Institution) << text << "\n" << dump(d);
    }
  }
}

TEST(RecognizeInstitutions, MinistryWithItsCountry) {
  Document d = extract("Le ministère de l'Intérieur du Sénégal a publié un communiqué.");
  auto inst = entities_of(d, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(d);
  EXPECT_EQ(inst[0]->name, "ministère de l'Intérieur");
  EXPECT_EQ(inst[0]->country, "SN") << dump(d);
}

TEST(RecognizeInstitutions, GazetteerOrganisationsCarryTheirKey) {
  Document d = extract("Europol et l'OIM ont signé un accord de travail avec la police belge.");
  const Entity* europol = find_entity(d, EntityType::Institution, "Europol");
  ASSERT_NE(europol, nullptr) << dump(d);
  EXPECT_EQ(europol->key, "europol");
  EXPECT_EQ(europol->qid, "Q207203");
  bool iom = false;
  for (const auto& e : entities_of(d, EntityType::Institution)) {
    if (e->key == "iom") {
      iom = true;
      EXPECT_EQ(e->name, "Organisation internationale pour les migrations");
      EXPECT_EQ(e->qid, "Q472311");
    }
  }
  EXPECT_TRUE(iom) << dump(d);
}

TEST(RecognizeInstitutions, AcronymInLowerCaseIsNoOrganisation) {
  Document d = extract("Il a dit oim à voix basse.");
  EXPECT_FALSE(any_of_type(d, EntityType::Institution)) << dump(d);
}

// Bug (most harmful of recognition): two coordinated institutions become one
// mention. complement() lets "et" continue a name without a preposition, so
// "la police marocaine et la Guardia Civil espagnole" gives the Institution
// 'police marocaine et la Guardia Civil' with country ES (the Moroccan police
// gets Spain), and "Le ministère belge de l'Intérieur et la police marocaine"
// gives 'ministère belge de l'Intérieur et la police' with country MA.
// "et des Libertés" (with a preposition) must still continue a name.
TEST(RecognizeInstitutions, CoordinatedInstitutionsAreTwoMentions) {
  Document d = extract("La police marocaine et la Guardia Civil espagnole ont démantelé un réseau.");
  for (const auto& m : d.mentions) EXPECT_EQ(d.slice(m.span).find(" et "), std::string_view::npos) << dump(d);
  const Entity* police = find_entity(d, EntityType::Institution, "police marocaine");
  ASSERT_NE(police, nullptr) << dump(d);
  EXPECT_EQ(police->country, "MA");
  const Entity* guardia = find_entity(d, EntityType::Institution, "Guardia Civil");
  ASSERT_NE(guardia, nullptr) << dump(d);
  EXPECT_EQ(guardia->country, "ES");

  Document b = extract("Le ministère belge de l'Intérieur et la police marocaine coopèrent.");
  const Entity* ministry = find_entity(b, EntityType::Institution, "ministère belge de l'Intérieur");
  ASSERT_NE(ministry, nullptr) << dump(b);
  EXPECT_EQ(ministry->country, "BE") << dump(b);
  EXPECT_NE(find_entity(b, EntityType::Institution, "police marocaine"), nullptr) << dump(b);
}

TEST(RecognizeInstitutions, ConjunctionWithPrepositionContinuesTheName) {
  Document d = extract("Le ministère de la Justice et des Libertés a publié un communiqué.");
  auto inst = entities_of(d, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(d);
  EXPECT_EQ(inst[0]->name, "ministère de la Justice et des Libertés");
}

TEST(RecognizeInstitutions, NationalOrganisationWithItsCountryNamed) {
  Document d = extract("Selon la DGSN marocaine, trois réseaux ont été démantelés.");
  auto inst = entities_of(d, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(d);
  EXPECT_EQ(inst[0]->key, "ma-dgsn");
  EXPECT_EQ(inst[0]->country, "MA");
  EXPECT_EQ(inst[0]->name, "Direction générale de la Sûreté nationale");
}

// Bug (recall): a national organisation is read only when its country is
// named in the document, even when no other country has an organisation of
// that name. "La Guardia Civil a saisi deux tonnes de cocaïne." gives no
// mention, although organisations.tsv has one "Guardia Civil" (es-guardia-civil).
// The rule is needed for shared names (DGSN: CM, DZ, MA, MR), not for unique ones.
TEST(RecognizeInstitutions, DISABLED_UniqueNationalOrganisationWithoutItsCountry) {
  Document d = extract("La Guardia Civil a saisi deux tonnes de cocaïne.");
  const Entity* guardia = find_entity(d, EntityType::Institution, "Guardia Civil");
  ASSERT_NE(guardia, nullptr) << dump(d);
  EXPECT_EQ(guardia->key, "es-guardia-civil");
  EXPECT_EQ(guardia->country, "ES");
}

// ---- Agreements --------------------------------------------------------------------

TEST(RecognizeInstitutions, OrganisationNamesInLowerCase) {
  Document d = extract("La présidente de la commission européenne, Greta Lindqvist, était à Tunis.");
  const Entity* c = find_entity(d, EntityType::Institution, "Commission européenne");
  ASSERT_NE(c, nullptr) << dump(d);
  EXPECT_EQ(c->key, "eu-commission");
  Document e = extract("La coopération a été saluée par le département d'État américain et par les États-Unis.");
  const Entity* s = find_entity(e, EntityType::Institution, "Département d'État");
  ASSERT_NE(s, nullptr) << dump(e);
  EXPECT_EQ(s->country, "US");
}

TEST(RecognizeInstitutions, OneLowerCaseWordIsNoOrganisation) {
  Document d = extract("Le rapport d'europol cite le Togo.");
  EXPECT_EQ(find_entity(d, EntityType::Institution, "Europol"), nullptr) << dump(d);
}

// National bodies of several countries share a name: the words around a
// mention say whose it is.
TEST(RecognizeInstitutions, ASharedNameTakesTheCountryOfItsDemonym) {
  Document d = extract(
      "Le directeur général de la Sûreté nationale mauritanien, Ahmed Salem, effectue une visite au Maroc.");
  const Entity* e = find_entity(d, EntityType::Institution, "Direction générale de la Sûreté nationale");
  ASSERT_NE(e, nullptr) << dump(d);
  EXPECT_EQ(e->country, "MR") << dump(d);
}

TEST(RecognizeInstitutions, ASharedNameTakesTheCountryOfTheBodyListedWithIt) {
  Document d = extract(
      "Ahmed Salem, venu de Mauritanie, a été reçu par le directeur général de la Sûreté nationale et de la "
      "Surveillance du territoire, Karim Alaoui, à Rabat. La DGSN a publié un communiqué sur le Maroc.");
  std::set<std::string> countries;
  for (const auto* e : entities_of(d, EntityType::Institution)) countries.insert(e->country);
  EXPECT_EQ(countries, (std::set<std::string>{"MA"})) << dump(d);
}

TEST(RecognizeInstitutions, AnAcronymAfterTheCountryJoinsTheName) {
  Document d = extract(
      "Le président de la police criminelle de la République fédérale d'Allemagne (BKA), Hans Weber, a parlé. "
      "La police criminelle allemande coopère avec la DGSN du Maroc.");
  const Entity* e = find_entity(d, EntityType::Institution, "Office fédéral de police criminelle");
  ASSERT_NE(e, nullptr) << dump(d);
  EXPECT_EQ(e->mentions.size(), 3U) << dump(d);
}

// ---- National institutions named by function and demonym or country (shape c) -----

TEST(RecognizeInstitutions, PoliceOfACountryNamedWithDe) {
  Document d = extract("Le directeur de la Police des Pays-Bas a signé une lettre d'intention.");
  const Entity* p = find_entity(d, EntityType::Institution, "Police des Pays-Bas");
  ASSERT_NE(p, nullptr) << dump(d);
  EXPECT_EQ(p->country, "NL");
}

TEST(RecognizeInstitutions, LowerCaseServiceWithItsDemonym) {
  Document d = extract("Le chef du service de renseignement émirati a été reçu à Rabat.");
  const Entity* p = find_entity(d, EntityType::Institution, "service de renseignement émirati");
  ASSERT_NE(p, nullptr) << dump(d);
  EXPECT_EQ(p->country, "AE");
}

TEST(RecognizeInstitutions, ServiceNamedWithItsCountry) {
  Document d = extract("Il préside le service national de renseignement des Émirats arabes unis depuis 2020.");
  bool found = false;
  for (const auto* e : entities_of(d, EntityType::Institution)) found = found || e->country == "AE";
  EXPECT_TRUE(found) << dump(d);
}

TEST(RecognizeInstitutions, PluralDemonymAfterAListNamesNoInstitution) {
  Document d = extract("Des véhicules ont été remis à la gendarmerie, à la police et à la marine togolaises.");
  EXPECT_TRUE(entities_of(d, EntityType::Institution).empty()) << dump(d);
}

TEST(RecognizeInstitutions, APluralGroupIsNoInstitution) {
  Document d = extract("Le Togo financera la formation de garde-côtes ghanéens.");
  EXPECT_TRUE(entities_of(d, EntityType::Institution).empty()) << dump(d);
}

TEST(RecognizeInstitutions, IndefiniteArticleDescribesNoInstitution) {
  Document d = extract("Le projet vise à doter le pays d'une Police professionnelle et inclusive.");
  EXPECT_TRUE(entities_of(d, EntityType::Institution).empty()) << dump(d);
}

TEST(RecognizeInstitutions, CapitalAtTheStartOfALineSaysNothing) {
  Document d = extract("Programme prévisionnel :\n12h30 : Conférence de presse des ministres\n");
  EXPECT_TRUE(entities_of(d, EntityType::Institution).empty()) << dump(d);
}

TEST(RecognizeInstitutions, InfinitiveEndsAName) {
  Document d = extract("L'accord permet aux agents du ministère togolais de la justice de participer aux formations.");
  const auto inst = entities_of(d, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(d);
  EXPECT_EQ(inst[0]->name, "ministère togolais de la justice");
}

TEST(RecognizeInstitutions, ListedNamesAreNotOneName) {
  Document d = extract(
      "Étaient présents des représentants du Ministère des Affaires étrangères et de la Coopération et des "
      "organisations de la société civile.");
  EXPECT_NE(find_entity(d, EntityType::Institution, "Ministère des Affaires étrangères et de la Coopération"), nullptr)
      << dump(d);
}

TEST(RecognizeInstitutions, NameAgainstAListGoesOn) {
  Document d = extract(
      "L'Agence nationale de lutte contre la Traite des Personnes et le Trafic illicite des Migrants (ANLTM/TI) "
      "a ouvert un bureau.");
  const Entity* a = find_entity(d, EntityType::Institution,
                                "Agence nationale de lutte contre la Traite des Personnes et le Trafic illicite des Migrants");
  ASSERT_NE(a, nullptr) << dump(d);
  EXPECT_NE(std::find(a->labels.begin(), a->labels.end(), "ANLTM"), a->labels.end()) << dump(d);
}

TEST(RecognizeInstitutions, AcronymWithItsNameInAnotherLanguage) {
  Document d = extract(
      "Le président de l'Office fédéral de la police judiciaire (OFPJ - Bundesamt) a parlé. L'OFPJ coopère.");
  const Entity* a = find_entity(d, EntityType::Institution, "Office fédéral de la police judiciaire");
  ASSERT_NE(a, nullptr) << dump(d);
  EXPECT_EQ(a->mentions.size(), 3U) << dump(d);
}

TEST(RecognizeInstitutions, CouncillorOfStateIsATitleNotAnInstitution) {
  Document d = extract("Le conseiller d'Etat et ministre de la Sécurité publique, Li Wen, était présent.");
  EXPECT_EQ(find_entity(d, EntityType::Institution, "Etat"), nullptr) << dump(d);
}

TEST(RecognizeAgreements, SignedMemorandumWithItsDate) {
  Document d = extract(
      "Un mémorandum d'entente signé le mardi 15 octobre 2024 par Paul Verlaine et Hugo Lamartine "
      "renforce la coopération policière.");
  auto agreements = entities_of(d, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 1U) << dump(d);
  EXPECT_EQ(agreements[0]->kind, "mémorandum d'entente");
  EXPECT_EQ(agreements[0]->date, "2024-10-15") << dump(d);
}

TEST(RecognizeAgreements, NationalStrategyIsNoAgreement) {
  Document d = extract("Le gouvernement a présenté une stratégie nationale de lutte contre la drogue.");
  EXPECT_TRUE(entities_of(d, EntityType::Agreement).empty()) << dump(d);
}

TEST(RecognizeAgreements, InstrumentNotReportedAsConcludedIsNoAgreement) {
  Document d = extract("Les deux pays souhaitent à terme un accord de coopération.");
  EXPECT_TRUE(entities_of(d, EntityType::Agreement).empty()) << dump(d);
}

TEST(RecognizeAgreements, LaterMentionsReferToTheAgreement) {
  Document d = extract(
      "La France et l'Espagne ont signé hier une convention d'entraide judiciaire. "
      "Cette convention entrera en vigueur en 2025.");
  auto agreements = entities_of(d, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 1U) << dump(d);
  EXPECT_EQ(agreements[0]->mentions.size(), 2U) << dump(d);
}

// ---- Places ----------------------------------------------------------------------

TEST(RecognizePlaces, CitiesArePlaces) {
  Document d = extract("Les délégations se sont réunies à Rabat puis à Dakar.");
  EXPECT_NE(find_entity(d, EntityType::Place, "Rabat"), nullptr) << dump(d);
  EXPECT_NE(find_entity(d, EntityType::Place, "Dakar"), nullptr) << dump(d);
}

// Bug (minor, places are not scored): a capitalised determiner at sentence
// start makes a common noun a place name. "La réunion de Bruxelles a réuni
// les ministres." gives Place 'La Réunion' (the territory) over "La réunion":
// gazetteer() checks the capital of the phrase's first token only.
TEST(RecognizePlaces, DISABLED_CommonNounAfterSentenceInitialArticleIsNoPlace) {
  Document d = extract("La réunion de Bruxelles a réuni les ministres.");
  EXPECT_EQ(find_entity(d, EntityType::Place, "La Réunion"), nullptr) << dump(d);
  EXPECT_NE(find_entity(d, EntityType::Place, "Bruxelles"), nullptr) << dump(d);
}

// ---- Web debris ------------------------------------------------------------------

TEST(RecognizeDebris, DebrisLinesGiveNoMention) {
  const std::string text =
      "La police sénégalaise a arrêté trois suspects.\n"
      "- Advertisement -\n"
      "Laisser un commentaire\n"
      "Le Maroc a salué l'opération.\n";
  Document d = extract(text);
  const std::size_t ad = text.find("- Advertisement -");
  const std::size_t end = text.find("Le Maroc");
  for (const auto& m : d.mentions) {
    std::size_t at = d.source_offset.empty() ? m.span.begin : d.source_offset[m.span.begin];
    EXPECT_FALSE(at >= ad && at < end) << dump(d);
  }
  EXPECT_NE(find_country(d, "SN"), nullptr) << dump(d);
  EXPECT_NE(find_country(d, "MA"), nullptr) << dump(d);
}

// ---- Invariants ------------------------------------------------------------------

TEST(RecognizeInvariants, MentionsAreOrderedAndLinked) {
  Document d = extract(
      "Le directeur général de la Police nationale du Sénégal, Ibrahima Ndour, a rencontré "
      "son homologue mauritanien. Le Sénégal et la Mauritanie ont signé un protocole d'accord "
      "le 3 mars 2023. M. Ndour a salué l'OIM.");
  for (std::size_t i = 0; i < d.mentions.size(); ++i) {
    const auto& m = d.mentions[i];
    EXPECT_LT(m.first_token, m.last_token);
    EXPECT_LE(m.last_token, d.tokens.size());
    EXPECT_EQ(m.span.begin, d.tokens[m.first_token].span.begin);
    EXPECT_EQ(m.span.end, d.tokens[m.last_token - 1].span.end);
    if (i > 0) {
      EXPECT_LE(d.mentions[i - 1].span.begin, m.span.begin);
    }
    if (m.entity >= 0) {
      ASSERT_LT(static_cast<std::size_t>(m.entity), d.entities.size());
      const auto& e = d.entities[static_cast<std::size_t>(m.entity)];
      EXPECT_EQ(e.type, m.type) << dump(d);
      EXPECT_NE(std::find(e.mentions.begin(), e.mentions.end(), static_cast<int>(i)), e.mentions.end());
    }
  }
  for (const auto& e : d.entities) {
    EXPECT_FALSE(e.name.empty()) << dump(d);
  }
}

TEST(RecognizeInvariants, EmptyAndPunctuationOnlyTexts) {
  for (std::string_view text : {"", "   \n", "!!! ... ???", "- Advertisement -"}) {
    Document d = extract(text);
    EXPECT_TRUE(d.mentions.empty()) << "'" << text << "'";
    EXPECT_TRUE(d.entities.empty());
    EXPECT_TRUE(d.relations.empty());
  }
}

}  // namespace
