// Every IRI that Entente writes, in one place.
//
// The cooperation ontology (ontology/coop.ttl, namespace `coop:`) and the
// standard terms the output contract uses (GUIDELINES.md): rdfs:label and
// skos:altLabel for names, owl:sameAs for Wikidata links, dcterms:identifier
// for a document's name in the input (and dcterms:source, title, date,
// publisher, language for what else is known of it), typed dates in xsd.
//
//   #include "entente/ontology/vocab.hpp"
//   namespace v = entente::ontology;
//   write(node_iri, v::rdf::type, v::coop::Person);
//   for (const auto& [name, iri] : v::kPrefixes) declare_prefix(name, iri);
//
// tests/ontology_test.cpp checks that every `coop:` IRI spelled in this file is
// in kCoopTerms and declared in coop.ttl (with a type and French and English
// labels), and that every `coop:` term of coop.ttl is here.
//
// THREAD SAFETY: constants only.
#pragma once
#include <array>
#include <string_view>

namespace entente::ontology {

// ---------------------------------------------------------------- namespaces

namespace ns {
inline constexpr std::string_view coop = "https://w3id.org/entente/coop#";
inline constexpr std::string_view dcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view itsrdf = "http://www.w3.org/2005/11/its/rdf#";
inline constexpr std::string_view nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view owl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view prov = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view rdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view skos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view wd = "http://www.wikidata.org/entity/";  ///< Wikidata items: wd + "Q55"
inline constexpr std::string_view xsd = "http://www.w3.org/2001/XMLSchema#";
}  // namespace ns

/// The ontology itself (owl:Ontology of coop.ttl, the rdfs:isDefinedBy of its terms).
inline constexpr std::string_view kOntology = "https://w3id.org/entente/coop";
/// Version of coop.ttl (its owl:versionInfo).
inline constexpr std::string_view kOntologyVersion = "0.3.0";

/// A namespace prefix as written in Turtle (`name:`).
struct Prefix {
  std::string_view name;
  std::string_view iri;
};

/// The prefixes of Entente's Turtle output, sorted by name (output is
/// deterministic). The node namespace (`ent:`, KnowledgeGraph::base()) is
/// per graph and not listed here.
inline constexpr std::array<Prefix, 8> kPrefixes = {{
    {"coop", ns::coop},
    {"dcterms", ns::dcterms},
    {"owl", ns::owl},
    {"rdf", ns::rdf},
    {"rdfs", ns::rdfs},
    {"skos", ns::skos},
    {"wd", ns::wd},
    {"xsd", ns::xsd},
}};

// ---------------------------------------------------------------- coop:

namespace coop {
// Classes.
inline constexpr std::string_view Person = "https://w3id.org/entente/coop#Person";
inline constexpr std::string_view Institution = "https://w3id.org/entente/coop#Institution";
inline constexpr std::string_view Country = "https://w3id.org/entente/coop#Country";
inline constexpr std::string_view Agreement = "https://w3id.org/entente/coop#Agreement";
inline constexpr std::string_view Place = "https://w3id.org/entente/coop#Place";
inline constexpr std::string_view Document = "https://w3id.org/entente/coop#Document";
// Object properties (graph edges, and provenance).
inline constexpr std::string_view memberOf = "https://w3id.org/entente/coop#memberOf";
inline constexpr std::string_view country = "https://w3id.org/entente/coop#country";
inline constexpr std::string_view cooperatesWith = "https://w3id.org/entente/coop#cooperatesWith";
inline constexpr std::string_view party = "https://w3id.org/entente/coop#party";
inline constexpr std::string_view signatory = "https://w3id.org/entente/coop#signatory";
inline constexpr std::string_view participant = "https://w3id.org/entente/coop#participant";
inline constexpr std::string_view mentionedIn = "https://w3id.org/entente/coop#mentionedIn";
inline constexpr std::string_view copyOf = "https://w3id.org/entente/coop#copyOf";
// Datatype properties.
inline constexpr std::string_view date = "https://w3id.org/entente/coop#date";
inline constexpr std::string_view dateEnd = "https://w3id.org/entente/coop#dateEnd";
inline constexpr std::string_view role = "https://w3id.org/entente/coop#role";
inline constexpr std::string_view kind = "https://w3id.org/entente/coop#kind";
}  // namespace coop

/// Every coop: term above, classes first, in declaration order.
inline constexpr std::array<std::string_view, 18> kCoopTerms = {
    // Classes.
    coop::Person, coop::Institution, coop::Country, coop::Agreement, coop::Place, coop::Document,
    // Object properties.
    coop::memberOf, coop::country, coop::cooperatesWith, coop::party, coop::signatory,
    coop::participant, coop::mentionedIn, coop::copyOf,
    // Datatype properties.
    coop::date, coop::dateEnd, coop::role, coop::kind,
};

// ---------------------------------------------------------------- standard terms

namespace rdf {
inline constexpr std::string_view type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
// Reification (evidence.ttl: one rdf:Statement per graph edge).
inline constexpr std::string_view Statement = "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
inline constexpr std::string_view subject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
inline constexpr std::string_view predicate = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
inline constexpr std::string_view object = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
}  // namespace rdf

namespace rdfs {
inline constexpr std::string_view label = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view comment = "http://www.w3.org/2000/01/rdf-schema#comment";
inline constexpr std::string_view isDefinedBy = "http://www.w3.org/2000/01/rdf-schema#isDefinedBy";
inline constexpr std::string_view Literal = "http://www.w3.org/2000/01/rdf-schema#Literal";
}  // namespace rdfs

namespace owl {
inline constexpr std::string_view sameAs = "http://www.w3.org/2002/07/owl#sameAs";
inline constexpr std::string_view Ontology = "http://www.w3.org/2002/07/owl#Ontology";
inline constexpr std::string_view Class = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view ObjectProperty = "http://www.w3.org/2002/07/owl#ObjectProperty";
inline constexpr std::string_view DatatypeProperty = "http://www.w3.org/2002/07/owl#DatatypeProperty";
inline constexpr std::string_view SymmetricProperty = "http://www.w3.org/2002/07/owl#SymmetricProperty";
inline constexpr std::string_view versionInfo = "http://www.w3.org/2002/07/owl#versionInfo";
}  // namespace owl

namespace skos {
inline constexpr std::string_view prefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view altLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view exactMatch = "http://www.w3.org/2004/02/skos/core#exactMatch";
inline constexpr std::string_view closeMatch = "http://www.w3.org/2004/02/skos/core#closeMatch";
}  // namespace skos

/// Dublin Core terms of documents (coop.ttl, coop:Document, says how each is used).
namespace dcterms {
inline constexpr std::string_view identifier = "http://purl.org/dc/terms/identifier";  ///< its name in the input
inline constexpr std::string_view source = "http://purl.org/dc/terms/source";          ///< its URL
inline constexpr std::string_view title = "http://purl.org/dc/terms/title";            ///< its headline, as the input gives it
inline constexpr std::string_view date = "http://purl.org/dc/terms/date";              ///< its publication date
inline constexpr std::string_view publisher = "http://purl.org/dc/terms/publisher";    ///< its outlet (a dcterms:Agent)
inline constexpr std::string_view language = "http://purl.org/dc/terms/language";      ///< its language (a dcterms:LinguisticSystem)
inline constexpr std::string_view Agent = "http://purl.org/dc/terms/Agent";
inline constexpr std::string_view LinguisticSystem = "http://purl.org/dc/terms/LinguisticSystem";
}  // namespace dcterms

/// Every dcterms: term above that a document carries, in declaration order.
inline constexpr std::array<std::string_view, 6> kDocumentTerms = {
    dcterms::identifier, dcterms::source, dcterms::title, dcterms::date, dcterms::publisher, dcterms::language,
};

/// Languages: the Library of Congress's ISO 639-1 IRIs (iso639 + "fr").
inline constexpr std::string_view iso639 = "http://id.loc.gov/vocabulary/iso639-1/";

namespace xsd {
inline constexpr std::string_view date = "http://www.w3.org/2001/XMLSchema#date";              ///< "2024-10-15"
inline constexpr std::string_view gYearMonth = "http://www.w3.org/2001/XMLSchema#gYearMonth";  ///< "2024-10"
inline constexpr std::string_view gYear = "http://www.w3.org/2001/XMLSchema#gYear";            ///< "2024"
inline constexpr std::string_view gMonthDay = "http://www.w3.org/2001/XMLSchema#gMonthDay";    ///< "--10-15"
inline constexpr std::string_view string = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view nonNegativeInteger = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
}  // namespace xsd

// ---------------------------------------------------------------- evidence (evidence.ttl)
//
// NIF 2.0 Core for the text behind the graph, ITS 2.0 for the entity a
// mention names, PROV-O for the sentence a relation comes from. Declared for
// sord_validate in ontology/schemas/{nif,itsrdf,prov}.ttl.

/// The prefixes of evidence.ttl besides kPrefixes, sorted by name.
inline constexpr std::array<Prefix, 3> kEvidencePrefixes = {{
    {"itsrdf", ns::itsrdf},
    {"nif", ns::nif},
    {"prov", ns::prov},
}};

namespace nif {
// Classes.
inline constexpr std::string_view String = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#String";
inline constexpr std::string_view RFC5147String =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#RFC5147String";
inline constexpr std::string_view Context = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Context";
inline constexpr std::string_view Phrase = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase";
inline constexpr std::string_view Sentence = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Sentence";
// Properties.
inline constexpr std::string_view isString = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
inline constexpr std::string_view sourceUrl =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#sourceUrl";
inline constexpr std::string_view beginIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";  ///< code points
inline constexpr std::string_view endIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";    ///< code points, exclusive
inline constexpr std::string_view anchorOf = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
inline constexpr std::string_view referenceContext =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
}  // namespace nif

namespace itsrdf {
inline constexpr std::string_view taIdentRef = "http://www.w3.org/2005/11/its/rdf#taIdentRef";
}  // namespace itsrdf

namespace prov {
inline constexpr std::string_view Entity = "http://www.w3.org/ns/prov#Entity";
inline constexpr std::string_view wasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom";
}  // namespace prov

// Every constant starts with its namespace (a typo here fails the build).
static_assert(coop::Person.starts_with(ns::coop) && coop::Institution.starts_with(ns::coop) &&
              coop::Country.starts_with(ns::coop) && coop::Agreement.starts_with(ns::coop) &&
              coop::Place.starts_with(ns::coop) && coop::Document.starts_with(ns::coop) &&
              coop::memberOf.starts_with(ns::coop) && coop::country.starts_with(ns::coop) &&
              coop::cooperatesWith.starts_with(ns::coop) && coop::party.starts_with(ns::coop) &&
              coop::signatory.starts_with(ns::coop) && coop::participant.starts_with(ns::coop) &&
              coop::mentionedIn.starts_with(ns::coop) && coop::copyOf.starts_with(ns::coop) &&
              coop::date.starts_with(ns::coop) &&
              coop::dateEnd.starts_with(ns::coop) && coop::role.starts_with(ns::coop) &&
              coop::kind.starts_with(ns::coop));
static_assert(kOntology.size() + 1 == ns::coop.size() && ns::coop.starts_with(kOntology));
static_assert(rdf::type.starts_with(ns::rdf) && rdf::langString.starts_with(ns::rdf) &&
              rdf::Statement.starts_with(ns::rdf) && rdf::subject.starts_with(ns::rdf) &&
              rdf::predicate.starts_with(ns::rdf) && rdf::object.starts_with(ns::rdf));
static_assert(rdfs::label.starts_with(ns::rdfs) && rdfs::comment.starts_with(ns::rdfs) &&
              rdfs::isDefinedBy.starts_with(ns::rdfs) && rdfs::Literal.starts_with(ns::rdfs));
static_assert(owl::sameAs.starts_with(ns::owl) && owl::Ontology.starts_with(ns::owl) &&
              owl::Class.starts_with(ns::owl) && owl::ObjectProperty.starts_with(ns::owl) &&
              owl::DatatypeProperty.starts_with(ns::owl) &&
              owl::SymmetricProperty.starts_with(ns::owl) && owl::versionInfo.starts_with(ns::owl));
static_assert(skos::prefLabel.starts_with(ns::skos) && skos::altLabel.starts_with(ns::skos) &&
              skos::exactMatch.starts_with(ns::skos) && skos::closeMatch.starts_with(ns::skos));
static_assert(dcterms::identifier.starts_with(ns::dcterms) && dcterms::source.starts_with(ns::dcterms) &&
              dcterms::title.starts_with(ns::dcterms) && dcterms::date.starts_with(ns::dcterms) &&
              dcterms::publisher.starts_with(ns::dcterms) && dcterms::language.starts_with(ns::dcterms) &&
              dcterms::Agent.starts_with(ns::dcterms) && dcterms::LinguisticSystem.starts_with(ns::dcterms));
static_assert(xsd::date.starts_with(ns::xsd) &&
              xsd::gYearMonth.starts_with(ns::xsd) && xsd::gYear.starts_with(ns::xsd) &&
              xsd::gMonthDay.starts_with(ns::xsd) && xsd::string.starts_with(ns::xsd) &&
              xsd::nonNegativeInteger.starts_with(ns::xsd));
static_assert(nif::String.starts_with(ns::nif) && nif::RFC5147String.starts_with(ns::nif) &&
              nif::Context.starts_with(ns::nif) && nif::Phrase.starts_with(ns::nif) &&
              nif::Sentence.starts_with(ns::nif) && nif::isString.starts_with(ns::nif) &&
              nif::sourceUrl.starts_with(ns::nif) && nif::beginIndex.starts_with(ns::nif) &&
              nif::endIndex.starts_with(ns::nif) && nif::anchorOf.starts_with(ns::nif) &&
              nif::referenceContext.starts_with(ns::nif));
static_assert(itsrdf::taIdentRef.starts_with(ns::itsrdf));
static_assert(prov::Entity.starts_with(ns::prov) && prov::wasDerivedFrom.starts_with(ns::prov));

}  // namespace entente::ontology
