// The `entente` command: the only place that prints.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <set>
#include <thread>
#include <unistd.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "entente/eval/score.hpp"
#include "entente/export/writers.hpp"
#include "entente/extract/pipeline.hpp"
#include "entente/graph/graph.hpp"
#include "entente/graph/wikidata.hpp"
#include "entente/common/ordered_parallel.hpp"
#include "entente/ingest/ingest.hpp"
#include "entente/ingest/read_ahead.hpp"
#include "entente/results/results.hpp"
#include "entente/results/state.hpp"
#include "interrupt.hpp"
#include "output_folder.hpp"
#include "progress.hpp"

namespace fs = std::filesystem;
using entente::Diagnostic;
using entente::Diagnostics;
using entente::Severity;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

void print(const Diagnostic& d) { std::cerr << "entente: " << entente::format(d) << "\n"; }

struct BuildOptions {
  std::vector<std::string> inputs;
  std::vector<std::string> from;  ///< results files (`entente extract -o`) to build from instead of inputs
  std::string state;  ///< a state folder (results/state.hpp): extract only documents it has not seen
  std::string outdir;
  std::string base = "https://w3id.org/entente/id/";
  bool quiet = false;
  unsigned jobs = 0;  ///< 0: one per core
  std::vector<entente::exporter::Format> formats = {entente::exporter::Format::ttl,
                                                    entente::exporter::Format::graphml};
  bool evidence = true;
  bool report = false;
  bool json = false;  ///< the summary as one JSON object on stdout
  bool strict = false;  ///< any warning makes the exit status 1
  std::string index;  ///< a Wikidata index file made by `entente index import`
  entente::ingest::Options input;  ///< languages read, field names (--lang, --field)
};

/// "ttl,nq,gexf" (any case, spaces around names allowed: "TTL, gexf") ->
/// formats appended to `out` in order, without repeats; false (and the
/// offending name in `bad`) when a name is not a format.
bool parse_formats(const std::string& list, std::vector<entente::exporter::Format>& out, std::string& bad) {
  for (std::size_t i = 0; i <= list.size();) {
    const std::size_t j = std::min(list.find(',', i), list.size());
    std::string name = list.substr(i, j - i);
    const std::size_t first = name.find_first_not_of(" \t");
    name = first == std::string::npos ? std::string() : name.substr(first, name.find_last_not_of(" \t") - first + 1);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    auto f = entente::exporter::parse_format(name);
    if (!f) {
      bad = name;
      return false;
    }
    if (std::find(out.begin(), out.end(), *f) == out.end()) out.push_back(*f);
    i = j + 1;
  }
  return true;
}

/// Why `base` cannot be the IRI namespace of the graph's nodes, or empty when
/// it can: an absolute IRI (RFC 3987: a scheme, then no space, control
/// character or one of <>"{}|\^`) ending in '/' or '#', so that a node's IRI
/// is the base followed by its path.
std::string base_iri_problem(const std::string& base) {
  if (base.empty()) return "it is empty";
  const std::size_t colon = base.find(':');
  const auto scheme_char = [](unsigned char c) { return std::isalnum(c) != 0 || c == '+' || c == '-' || c == '.'; };
  if (colon == std::string::npos || colon == 0 || std::isalpha(static_cast<unsigned char>(base[0])) == 0 ||
      !std::all_of(base.begin(), base.begin() + static_cast<std::ptrdiff_t>(colon), scheme_char)) {
    return "it is not an absolute IRI (it needs a scheme, as in https://example.org/id/)";
  }
  for (const char ch : base) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || std::string_view("<>\"{}|\\^`").find(ch) != std::string_view::npos) {
      return c == ' ' ? std::string("it contains a space") : "it contains the character '" + std::string(1, ch) + "', which no IRI may hold";
    }
  }
  if (base.back() != '/' && base.back() != '#') return "it must end in '/' or '#' (node IRIs are the base followed by a path)";
  return {};
}

/// Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

int run_index_import(const std::string& dump, const std::string& out) {
  entente::app::on_interrupt([out] {
    std::error_code ec;
    fs::remove(out + ".tmp", ec);  // the importer's temporary (graph/src/wikidata_import.cpp)
    return out + " not written";
  });
  Diagnostics diags;
  auto stats = entente::graph::import_wikidata_dump(dump, out, diags);
  for (const auto& d : diags) print(d);
  if (!stats) return kExitBadInput;
  std::cout << "lines read: " << stats->lines << "\nitems kept: " << stats->kept
            << "\nmalformed lines skipped: " << stats->malformed << "\nwrote " << out << "\n";
  return kExitOk;
}

/// "copies: 2 (b.txt repeats a.txt, d.txt repeats c.txt: 91 % of its text)",
/// naming the first few pairs, on a line of its own; nothing without copies.
void print_copies(const entente::graph::KnowledgeGraph& kg) {
  constexpr std::size_t kNamed = 3;
  const auto& docs = kg.documents();
  std::size_t copies = 0;
  std::string named;
  for (const auto& d : docs) {
    if (!d.copy_of) continue;
    if (++copies > kNamed) continue;
    named += (copies > 1 ? ", " : "") + d.id + " repeats " + docs[d.copy_of->original].id;
    if (!d.copy_of->exact) {
      named += ": " + std::to_string(static_cast<int>(d.copy_of->share * 100 + 0.5)) + " % of its text";
    }
  }
  if (copies == 0) return;
  std::cout << "\ncopies: " << copies << " (" << named;
  if (copies > kNamed) std::cout << ", and " << copies - kNamed << " more";
  std::cout << ")";
}

/// "2 in other languages (en 1, es 1)", naming each language's count.
std::string language_counts(const std::map<std::string, std::size_t>& skipped) {
  std::size_t total = 0;
  std::string each;
  for (const auto& [lang, n] : skipped) {
    total += n;
    each += (each.empty() ? "" : ", ") + lang + " " + std::to_string(n);
  }
  return std::to_string(total) + " in other languages (" + each + ")";
}

/// One item of the input, extracted: the problems met reading it, and the
/// record of its document when it gave one.
struct Extracted {
  std::optional<entente::results::Record> record;
  Diagnostics diags;
  std::string skipped_language;
  std::uint64_t consumed = 0;  ///< bytes of the inputs read once it was (progress)
  /// Its content is in the state folder already: not extracted. Where it was read.
  struct Known {
    entente::ingest::InputFile input;
    std::uint64_t ordinal = 0;
    std::uint64_t content = 0;
    std::string id, path;  ///< Document::id and path
  };
  std::optional<Known> known;
};

/// Whether one of two folders is the other or inside it (as they would be
/// once made: links resolved as far as they exist; as OutputFolder compares).
bool nested(const fs::path& a, const fs::path& b) {
  const auto real = [](const fs::path& p) {
    std::error_code ec;
    fs::path r = fs::weakly_canonical(fs::absolute(p), ec);
    return r.filename().empty() ? r.parent_path() : r;  // "out/" is "out"
  };
  const fs::path x = real(a), y = real(b);
  const auto n = std::min(std::distance(x.begin(), x.end()), std::distance(y.begin(), y.end()));
  return std::equal(x.begin(), std::next(x.begin(), n), y.begin());
}

/// A stored record taken for the same content read at another place: its
/// name, place and input file are those of `at`, as if extracted there.
void renamed(entente::results::Record& r, const Extracted::Known& at) {
  const std::string old_path = r.facts.path;
  r.facts.id = at.id;
  r.facts.path = at.path;
  r.input = at.input;
  r.ordinal = at.ordinal;
  r.content = at.content;
  for (Diagnostic& d : r.diagnostics)
    if (d.where.file == old_path) d.where.file = at.path;
}

/// Reads `inputs` on a thread of its own (ingest::ReadAhead), converts and
/// extracts their documents on `jobs` threads, and hands each item to
/// `consume` on the calling thread, in input order: what is handed over
/// does not depend on the number of threads. `evidence`: make the records'
/// evidence drafts (else left empty). A document whose content `state` holds
/// is handed over as known, not extracted. `consume` may throw to stop.
entente::ingest::Totals extract_inputs(const std::vector<std::string>& inputs, const entente::ingest::Options& options,
                                       unsigned jobs, bool evidence, const std::function<void(Extracted&&)>& consume,
                                       const entente::results::State* state = nullptr) {
  // With a state folder most documents may be known: the language data is
  // loaded when the first unknown one is extracted (extract::Lexicon), not before.
  if (state == nullptr) entente::extract::load_language_data(jobs);
  // At most 64 MiB of records wait past the next one needed.
  const std::size_t window = std::size_t{8} * jobs;
  entente::ingest::ReadAhead input(inputs, options, window + 16, std::size_t{64} << 20U);
  entente::common::ordered_parallel_stream<Extracted>(
      jobs, window,
      [&](std::size_t i) -> std::optional<Extracted> {
        std::optional<entente::ingest::Item> item = input.take(i);
        if (!item) return std::nullopt;
        Extracted x;
        x.diags = std::move(item->diags);
        if (!item->record) return x;
        x.consumed = item->record->consumed;
        const std::shared_ptr<const entente::ingest::InputFile> file = item->record->input;
        const std::uint64_t ordinal = item->record->ordinal;
        entente::ingest::Converted c = entente::ingest::to_document(std::move(*item->record), options);
        x.diags.insert(x.diags.end(), c.diags.begin(), c.diags.end());
        x.skipped_language = std::move(c.skipped_language);
        if (!c.doc) return x;
        const std::uint64_t content = entente::results::content_hash(*c.doc);
        if (state != nullptr && state->seen(content)) {
          x.known = Extracted::Known{file ? *file : entente::ingest::InputFile{}, ordinal, content, c.doc->id, c.doc->path};
        } else {
          entente::extract::run_stages(*c.doc);
          x.record = entente::results::record_of(*c.doc, file ? *file : entente::ingest::InputFile{}, ordinal, evidence);
          x.record->content = content;
        }
        return x;
      },
      [&](std::size_t, Extracted&& x) { consume(std::move(x)); });
  return input.totals();
}

int run_build(const BuildOptions& opt) {
  if (!opt.index.empty()) {
    std::error_code ec;
    if (!fs::is_regular_file(opt.index, ec)) {
      std::cerr << "entente: " << opt.index << ": error: "
                << (fs::exists(opt.index, ec) ? "not a file" : "no such file") << " (--index)\n";
      return kExitBadInput;
    }
  }
  // The bar's total (time left) costs a stat per file: only when it is drawn.
  const bool show_progress = !opt.quiet && ::isatty(STDERR_FILENO) != 0;
  entente::app::Progress progress(show_progress && opt.from.empty() ? entente::ingest::input_bytes(opt.inputs) : 0,
                                  show_progress);

  entente::graph::KnowledgeGraph kg(opt.base, opt.evidence);
  // The outputs are written into a staging folder beside the output folder
  // and swapped in at the end (app/output_folder.hpp): the output folder
  // holds the previous run's files or this run's, never a mix. The staging
  // folder and evidence.ttl (fed document by document, its spool beside it)
  // are made with the first document: a build that reads nothing makes nothing.
  entente::app::OutputFolder folder(opt.outdir);
  // Every way out of this function but a commit leaves the output folder as it was.
  struct Abandon {
    entente::app::OutputFolder& folder;
    ~Abandon() {
      entente::app::on_interrupt(nullptr);  // waits for a signal being handled: the process ends there
      folder.abandon();
    }
  } abandon_on_return{folder};
  const fs::path shown_out(opt.outdir);  // output paths as the user wrote them
  fs::path out;                          // where this run writes: the staging folder
  std::optional<entente::exporter::EvidenceWriter> evidence;
  std::string setup_error;
  std::vector<std::string> folder_notes;
  auto prepare_output = [&]() -> bool {
    setup_error = folder.prepare(folder_notes);
    if (!setup_error.empty()) return false;
    out = folder.staging();
    kg.spool_documents_in(out);  // the document list's temporary file (unlinked) on the outputs' disk
    entente::app::on_interrupt([&folder, shown_out] {
      folder.abandon();
      return folder.committed() ? "the new outputs were already in place in " + shown_out.string()
                                : shown_out.string() + " is as it was (nothing of this run kept)";
    });
    if (opt.evidence) {
      evidence.emplace(out / "evidence.ttl");
      if (!evidence->error().empty()) {
        setup_error = evidence->error();
        return false;
      }
    }
    return true;
  };
  struct Stop {};  // thrown by the consumer to end the build on an output error
  // report.html shows the sentences of edges: kept from the evidence drafts.
  std::optional<entente::exporter::ReportSentences> report_sentences;
  if (opt.report && opt.evidence) report_sentences.emplace();
  std::size_t read = 0, warnings = 0, bad_inputs = 0;
  std::map<std::string, std::size_t> warning_kinds;  ///< what was dropped or changed -> count
  const auto warn = [&](const std::string& kind, std::size_t n = 1) {
    warnings += n;
    warning_kinds[kind.empty() ? "other" : kind] += n;
  };
  // An error that stops the build before any output is in place.
  const auto stopped = [&](const std::string& err) {
    progress.finish();
    std::cerr << "entente: " << err << " (" << opt.outdir << " is as it was)\n";
  };
  std::map<std::string, std::size_t> skipped;
  const unsigned jobs = opt.jobs > 0 ? opt.jobs : std::max(1u, std::thread::hardware_concurrency());
  const bool keep_anchors = !opt.state.empty();
  std::vector<std::vector<entente::graph::Anchor>> anchors;  // per vertex (--state)
  // Each document's record, in reading order: into the graph, evidence.ttl and report.html.
  // --state: the documents (input file, place) extracted or renamed in this
  // run. The warnings of the others were printed by the run that extracted
  // them: counted, not printed again.
  std::set<std::pair<std::string, std::uint64_t>> new_here;
  std::size_t not_shown = 0;
  const auto add = [&](const entente::results::Record& r) {
    const bool show = opt.state.empty() || new_here.count({r.input.canonical, r.ordinal}) != 0;
    for (const auto& d : r.diagnostics) {
      if (show) print(d);
      else ++not_shown;
      warn(d.kind);
    }
    if (read == 0 && !prepare_output()) throw Stop{};
    const entente::graph::AddedDocument added = kg.add(r.facts, r.fingerprint);
    if (keep_anchors) {
      // --state: which document entities each node stands for, to keep its IRI in later builds.
      for (std::size_t i = 0; i < added.vertices.size(); ++i) {
        const auto v = static_cast<std::size_t>(added.vertices[i]);
        if (v >= anchors.size()) anchors.resize(v + 1);
        anchors[v].push_back({r.content, static_cast<std::uint32_t>(i)});
      }
    }
    if (evidence) evidence->add(r.evidence, added);
    if (report_sentences) report_sentences->add(r.evidence, added);
    if (++read == 1) entente::app::pause_point("extract");
  };
  entente::ingest::Totals totals;
  entente::results::State state;               // --state: open until the build ends (it holds the lock)
  // --state: documents extracted now, seen before at their place, seen before elsewhere.
  std::size_t state_new = 0, state_known = 0, state_moved = 0;
  // --state: nodes named otherwise than one build would (IRIs kept), and their owl:sameAs.
  std::size_t iris_kept = 0, iris_same_as = 0;
  try {
    // Extracted earlier or elsewhere (`entente extract -o`, the state folder):
    // read back in the order one build of all their articles reads them.
    // `caches`: the state folder's record caches (results.hpp, cache_of) are read, or made again.
    const auto build_from = [&](const std::vector<fs::path>& files, bool caches) -> bool {
      entente::results::Merge merge;
      std::string err = merge.open(files, caches);
      kg.reserve_documents(merge.documents());
      // An exact copy of a document in the graph is only listed: its entities, relations and text are not read.
      const auto wanted = [&kg](const entente::results::Record& head) { return !kg.repeats_exactly(head.fingerprint); };
      entente::results::Record r;
      while (err.empty() && merge.next(r, wanted)) {
        progress.advance(0, true);
        add(r);
      }
      if (err.empty()) err = merge.error();
      if (!err.empty()) {
        stopped(err);
        return false;
      }
      if (merge.repeated() > 0) {
        std::cerr << "entente: " << merge.repeated()
                  << " document(s) found in more than one results file: each read once\n";
        warn("documents read once", merge.repeated());
      }
      if (not_shown > 0) {
        std::cerr << "entente: " << not_shown << (not_shown == 1 ? " warning" : " warnings")
                  << " about articles of earlier runs not printed again (counted in the summary)\n";
      }
      return true;
    };
    const auto take_extracted = [&](Extracted& x) {
      // With --state the documents are counted as the graph takes them (build_from), not twice.
      progress.advance(x.consumed, x.record.has_value() && opt.state.empty());
      for (const auto& d : x.diags) {
        print(d);
        if (d.severity == Severity::error) ++bad_inputs;
        else warn(d.kind);
      }
      if (!x.skipped_language.empty()) ++skipped[x.skipped_language];
    };
    if (!opt.from.empty()) {
      if (!build_from(std::vector<fs::path>(opt.from.begin(), opt.from.end()), false)) return kExitBadInput;
    } else if (!opt.state.empty()) {
      // A graph that grows: only documents the state folder has not seen are
      // extracted, into one new results file of it; the graph is built from all of them.
      // The language data loads while the folder is read and known documents
      // are passed over (extract_inputs leaves it to the first unknown one).
      std::jthread language;
      if (!opt.inputs.empty()) language = std::jthread([jobs] { entente::extract::load_language_data(jobs); });
      if (std::string err = state.open(opt.state); !err.empty()) {
        stopped(err);
        return kExitBadInput;
      }
      for (const std::string& name : state.removed())
        std::cerr << "entente: removed " << (fs::path(opt.state) / name).string()
                  << " (left by a run that was stopped)\n";
      std::optional<entente::results::Writer> writer;
      if (!opt.inputs.empty()) {
        totals = extract_inputs(
            opt.inputs, opt.input, jobs, true,
            [&](Extracted&& x) {
              take_extracted(x);
              if (x.known && state.has_place(x.known->input.canonical, x.known->ordinal)) {
                ++state_known;
                return;
              }
              if (x.known) {
                // Known content at a new place: its stored results, under its new name.
                x.record.emplace();
                if (std::string err = state.stored(x.known->content, *x.record); !err.empty()) {
                  setup_error = err;
                  throw Stop{};
                }
                renamed(*x.record, *x.known);
                ++state_moved;
              } else if (x.record) {
                ++state_new;
              } else {
                return;
              }
              if (!writer) writer.emplace(state.next_file(), true);
              writer->add(*x.record);
              new_here.emplace(x.record->input.canonical, x.record->ordinal);
            },
            &state);
      }
      if (writer) {
        std::string err = writer->finish();
        if (err.empty()) err = state.added(state.next_file());
        if (!err.empty()) {
          stopped(err);
          return kExitBadInput;
        }
      }
      if (!build_from(state.files(), true)) return kExitBadInput;
    } else {
      totals = extract_inputs(opt.inputs, opt.input, jobs, opt.evidence, [&](Extracted&& x) {
        take_extracted(x);
        if (x.record) add(*x.record);
      });
    }
  } catch (const Stop&) {
    progress.finish();
    std::cerr << "entente: " << setup_error << "\n";
    return kExitBadInput;
  }
  progress.finish();
  kg.finish();
  if (read == 0) {
    if (!skipped.empty()) {
      std::cerr << "entente: nothing to build: " << language_counts(skipped)
                << " were skipped (--lang chooses the languages read); no output written\n";
    } else {
      std::cerr << "entente: nothing to build: no input could be read; no output written\n";
    }
    return kExitBadInput;
  }
  // Wikidata links: the shipped index, then the user's, which wins where it knows more.
  entente::graph::link_wikidata(kg, entente::graph::WikidataIndex::builtin());
  if (!opt.index.empty()) {
    Diagnostics index_diags;
    auto index = entente::graph::WikidataIndex::load(opt.index, index_diags);
    for (const auto& d : index_diags) print(d);
    if (!index) return kExitBadInput;
    entente::graph::link_wikidata(kg, *index);
  }
  if (keep_anchors) {
    // IRIs given by earlier builds with this state folder keep naming their
    // entities (graph/stable_iris.hpp); kept for the next build before any
    // output is in place, so that no IRI is ever shown and then forgotten.
    entente::graph::IriMemory memory;
    std::string err = state.load_iris(memory);
    std::vector<std::string> minted;
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) minted.push_back(kg.graph()[v].iri);
    if (err.empty()) err = state.save_iris(entente::graph::keep_iris(kg, anchors, memory));
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) {
      if (kg.graph()[v].iri != minted[v]) ++iris_kept;
      iris_same_as += kg.graph()[v].same_as.size();
    }
    if (!err.empty()) {
      stopped(err);
      return kExitBadInput;
    }
  }
  std::size_t linked = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(kg.graph())))
    if (!kg.graph()[v].qid.empty()) ++linked;

  // Every output file, written on `jobs` threads (writers only read the graph).
  struct Output {
    fs::path file;
    std::function<std::string()> write;
  };
  std::vector<Output> outputs;
  for (auto format : opt.formats) {
    fs::path file = out / ("graph." + std::string(entente::exporter::extension(format)));
    outputs.push_back({file, [&kg, format, file] { return entente::exporter::write(kg, format, file); }});
  }
  if (evidence) outputs.push_back({out / "evidence.ttl", [&] { return evidence->finish(kg, jobs); }});
  if (opt.report) {
    fs::path file = out / "report.html";
    const entente::exporter::ReportSentences* sentences = report_sentences ? &*report_sentences : nullptr;
    outputs.push_back({file, [&kg, file, sentences] { return entente::exporter::write_report(kg, file, sentences); }});
  }
  std::vector<fs::path> written;
  std::string failure;
  // The window holds every output (their results are only messages), so a
  // thread that is done takes the next file at once.
  entente::common::ordered_parallel<std::string>(
      outputs.size(), jobs, std::max<std::size_t>(jobs, outputs.size()),
      [&](std::size_t i) { return outputs[i].write(); },
      [&](std::size_t i, std::string&& err) {
        if (!err.empty() && failure.empty()) failure = std::move(err);
        if (err.empty()) written.push_back(outputs[i].file);
      });
  if (!failure.empty()) {
    // Named as the user knows it: OUTDIR/graph.ttl, not the staging folder's temporary.
    const std::string staged = folder.staging().string(), temp = ".tmp-" + std::to_string(::getpid());
    for (std::size_t at; (at = failure.find(staged)) != std::string::npos;) failure.replace(at, staged.size(), opt.outdir);
    for (std::size_t at; (at = failure.find(temp)) != std::string::npos;) failure.erase(at, temp.size());
    std::cerr << "entente: " << failure << " (" << opt.outdir << " is as it was)\n";
    return kExitBadInput;  // the staging folder goes with abandon_on_return
  }
  entente::app::pause_point("write");
  // Outputs of earlier runs that this one did not write again (another -f,
  // --no-evidence, no --report) would be taken for this run's: they go with
  // the previous folder. Only Entente's own file names; nothing else in the
  // folder is touched.
  std::vector<std::string> written_names;
  for (const fs::path& f : written) written_names.push_back(f.filename().string());
  std::vector<fs::path> removed;
  for (const std::string& name : folder.superseded(written_names)) removed.push_back(shown_out / name);
  for (fs::path& f : written) f = shown_out / f.filename();
  folder.set_after_swap([] { entente::app::pause_point("swap"); });
  const std::string commit_error = folder.commit(folder_notes);
  for (const std::string& note : folder_notes) std::cerr << "entente: " << note << "\n";
  if (!folder_notes.empty()) warn("output folder", folder_notes.size());
  if (!commit_error.empty()) {
    std::cerr << "entente: " << commit_error << "\n";
    return kExitBadInput;
  }

  const auto& g = kg.graph();
  std::map<std::string, int> nodes, edges;
  for (auto v : boost::make_iterator_range(boost::vertices(g)))
    ++nodes[std::string(entente::extract::to_string(g[v].type))];
  for (auto e : boost::make_iterator_range(boost::edges(g)))
    ++edges[std::string(entente::extract::to_string(g[e].predicate))];
  if (opt.json) {
    std::size_t copies = 0;
    for (const auto& d : kg.documents()) copies += d.copy_of ? 1U : 0U;
    nlohmann::ordered_json j;
    j["documents_read"] = read;
    j["inputs_skipped"] = bad_inputs;
    j["skipped_languages"] = nlohmann::ordered_json::object();
    for (const auto& [lang, n] : skipped) j["skipped_languages"][lang] = n;
    j["warc_records_without_article"] = totals.other_records;
    if (!opt.state.empty()) {
      j["state"] = {{"folder", opt.state}, {"new_documents", state_new}, {"known_documents", state_known},
                    {"renamed_documents", state_moved},
                    {"iris_kept", iris_kept},
                    {"iris_same_as", iris_same_as},
                    {"results_files", state.files().size()}};
    }
    j["copies"] = copies;
    j["nodes"] = {{"total", boost::num_vertices(g)}, {"by_type", nodes}};
    j["edges"] = {{"total", boost::num_edges(g)}, {"by_relation", edges}};
    j["wikidata_links"] = linked;
    j["warnings"] = warnings;
    j["warnings_by_kind"] = warning_kinds;
    j["wrote"] = nlohmann::ordered_json::array();
    for (const auto& f : written) j["wrote"].push_back(f.string());
    j["removed"] = nlohmann::ordered_json::array();
    for (const auto& f : removed) j["removed"].push_back(f.string());
    j["exit_status"] = bad_inputs > 0 || (opt.strict && warnings > 0) ? kExitBadInput : kExitOk;
    std::cout << j.dump(2) << "\n";
  } else if (!opt.quiet) {
    std::cout << "documents read: " << read;
    if (bad_inputs > 0) std::cout << " (" << bad_inputs << " input(s) skipped)";
    if (!skipped.empty()) std::cout << "\nskipped: " << language_counts(skipped);
    if (!opt.state.empty()) {
      std::cout << "\nstate " << opt.state << ": " << state_new << " new document(s) extracted, " << state_known
                << " already there";
      if (state_moved > 0) std::cout << ", " << state_moved << " known under another name (not extracted again)";
      if (iris_kept + iris_same_as > 0) {
        std::cout << "\nIRIs kept from earlier builds: " << iris_kept
                  << " node(s) named as before rather than as one build would, " << iris_same_as
                  << " former IRI(s) stated owl:sameAs";
      }
    }
    if (totals.other_records > 0)
      std::cout << "\nWARC records without an article: " << totals.other_records
                << " (requests, metadata, redirects, images...)";
    print_copies(kg);
    std::cout << "\nnodes: " << boost::num_vertices(g);
    for (const auto& [t, n] : nodes) std::cout << "  " << t << " " << n;
    std::cout << "\nedges: " << boost::num_edges(g);
    for (const auto& [t, n] : edges) std::cout << "  " << t << " " << n;
    std::cout << "\nwikidata links: " << linked << "\nwarnings: " << warnings;
    for (auto it = warning_kinds.begin(); it != warning_kinds.end(); ++it)
      std::cout << (it == warning_kinds.begin() ? " (" : ", ") << it->first << " " << it->second;
    std::cout << (warning_kinds.empty() ? "" : ")") << "\nwrote";
    for (std::size_t i = 0; i < written.size(); ++i) std::cout << (i ? ", " : " ") << written[i].string();
    if (!removed.empty()) {
      std::cout << "\nremoved (outputs of an earlier run not written by this one):";
      for (std::size_t i = 0; i < removed.size(); ++i) std::cout << (i ? ", " : " ") << removed[i].string();
    }
    std::cout << "\n";
  }
  if (opt.strict && warnings > 0 && bad_inputs == 0) {
    std::cerr << "entente: --strict: " << warnings << (warnings == 1 ? " warning" : " warnings")
              << " (above): exit status 1\n";
  }
  return bad_inputs > 0 || (opt.strict && warnings > 0) ? kExitBadInput : kExitOk;
}

/// The JSON of one extracted document: its mentions, entities and relations.
nlohmann::ordered_json extraction_json(const entente::extract::Document& d) {
  const entente::extract::Document* doc = &d;
  using entente::extract::to_string;
  auto entity_name = [&](int e) { return e >= 0 ? doc->entities[static_cast<std::size_t>(e)].name : std::string(); };
  auto sentence_text = [&](std::uint32_t s) { return std::string(doc->slice(doc->sentences[s].span)); };
  nlohmann::ordered_json j;
  j["document"] = doc->id;
  j["metadata"] = nlohmann::ordered_json::object();
  const entente::extract::Metadata& meta = doc->meta;
  for (const auto& [field, v] : {std::pair{"url", &meta.url}, {"title", &meta.title}, {"date", &meta.date},
                                 {"publisher", &meta.publisher}, {"language", &meta.language}})
    if (!v->empty()) j["metadata"][field] = *v;
  j["mentions"] = nlohmann::json::array();
  for (const auto& m : doc->mentions) {
    j["mentions"].push_back({{"begin", doc->source_offset[m.span.begin]},
                             {"end", doc->source_offset[m.span.end]},
                             {"text", std::string(doc->slice(m.span))},
                             {"type", to_string(m.type)},
                             {"stage", m.stage},
                             {"entity", m.entity},
                             {"entity_name", entity_name(m.entity)}});
  }
  j["entities"] = nlohmann::json::array();
  for (std::size_t i = 0; i < doc->entities.size(); ++i) {
    const auto& e = doc->entities[i];
    nlohmann::ordered_json x = {{"id", i}, {"type", to_string(e.type)}, {"name", e.name}, {"labels", e.labels}};
    if (!e.country.empty()) x["country"] = e.country;
    if (!e.qid.empty()) x["wikidata"] = e.qid;
    if (!e.roles.empty()) {
      x["roles"] = nlohmann::json::array();
      for (const auto& r : e.roles) x["roles"].push_back(r.title);
    }
    if (!e.kind.empty()) x["kind"] = e.kind;
    if (!e.date.empty()) x["date"] = e.date;
    j["entities"].push_back(x);
  }
  j["relations"] = nlohmann::json::array();
  for (const auto& r : doc->relations) {
    j["relations"].push_back({{"subject", entity_name(r.subject)},
                              {"predicate", to_string(r.predicate)},
                              {"object", entity_name(r.object)},
                              {"stage", r.stage},
                              {"sentence", sentence_text(r.sentence)}});
  }
  return j;
}

/// `entente extract`: every document of one input (a file, a page, a JSON
/// Lines file...), with every mention and relation and the stage behind it.
int run_extract(const std::vector<std::string>& files, bool json, const entente::ingest::Options& options) {
  std::vector<nlohmann::ordered_json> docs;
  bool failed = false;
  entente::ingest::read(files, options, [&](entente::ingest::Item&& item) {
    for (const auto& d : item.diags) {
      print(d);
      failed = failed || d.severity == Severity::error;
    }
    if (!item.record) return true;
    entente::ingest::Converted c = entente::ingest::to_document(std::move(*item.record), options);
    for (const auto& d : c.diags) {
      print(d);
      failed = failed || d.severity == Severity::error;
    }
    if (!c.doc) return true;
    entente::extract::run_stages(*c.doc);
    for (const auto& d : c.doc->diagnostics) print(d);
    docs.push_back(extraction_json(*c.doc));
    return true;
  });
  if (docs.empty()) return kExitBadInput;
  if (json) {
    // One document: its object; several (a JSON Lines file, a WARC...): an array.
    if (docs.size() == 1) std::cout << docs.front().dump(2) << "\n";
    else std::cout << nlohmann::ordered_json(docs).dump(2) << "\n";
    return failed ? kExitBadInput : kExitOk;
  }
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const nlohmann::ordered_json& j = docs[k];
    if (k > 0) std::cout << "\n";
    std::cout << "# " << j["document"].get<std::string>() << "\n";
    for (const char* field : {"url", "title", "date", "publisher", "language"})
      if (j["metadata"].contains(field)) std::cout << field << ": " << j["metadata"][field].get<std::string>() << "\n";
    std::cout << "\n## mentions (source offsets, type, stage -> entity)\n";
    for (const auto& m : j["mentions"]) {
      std::cout << "  [" << m["begin"].get<std::size_t>() << "," << m["end"].get<std::size_t>() << ") "
                << m["text"].get<std::string>() << "  " << m["type"].get<std::string>() << "  "
                << m["stage"].get<std::string>() << " -> " << m["entity_name"].get<std::string>() << "\n";
    }
    std::cout << "\n## entities\n";
    for (const auto& e : j["entities"]) std::cout << "  " << e.dump() << "\n";
    std::cout << "\n## relations\n";
    for (const auto& r : j["relations"]) {
      std::cout << "  " << r["subject"].get<std::string>() << " " << r["predicate"].get<std::string>() << " "
                << r["object"].get<std::string>() << "   (" << r["stage"].get<std::string>() << ")\n     « "
                << r["sentence"].get<std::string>() << " »\n";
    }
  }
  return failed ? kExitBadInput : kExitOk;
}

/// `entente extract ARTICLES... -o RESULTS`: the extraction results of every
/// document, for `entente build --from` (results.hpp has the format).
int run_extract_results(const std::vector<std::string>& inputs, const std::string& out,
                        const entente::ingest::Options& options, unsigned jobs_option, bool quiet) {
  const unsigned jobs = jobs_option > 0 ? jobs_option : std::max(1u, std::thread::hardware_concurrency());
  const bool show_progress = !quiet && ::isatty(STDERR_FILENO) != 0;
  entente::app::Progress progress(show_progress ? entente::ingest::input_bytes(inputs) : 0, show_progress);
  entente::results::Writer writer(out);
  entente::app::on_interrupt([out] { return out + " not written"; });  // the writer's temporary goes with it
  if (!writer.error().empty()) {
    std::cerr << "entente: " << writer.error() << "\n";
    return kExitBadInput;
  }
  std::size_t bad_inputs = 0, warnings = 0;
  std::map<std::string, std::size_t> skipped;
  extract_inputs(inputs, options, jobs, true, [&](Extracted&& x) {
    progress.advance(x.consumed, x.record.has_value());
    for (const auto& d : x.diags) {
      print(d);
      if (d.severity == Severity::error) ++bad_inputs;
      else ++warnings;
    }
    if (!x.skipped_language.empty()) ++skipped[x.skipped_language];
    if (!x.record) return;
    for (const auto& d : x.record->diagnostics) {
      print(d);  // kept in the record too: `build --from` reports them again
      ++warnings;
    }
    writer.add(*x.record);
  });
  progress.finish();
  // A shard may hold no document (more shards than files): its empty results file says so.
  if (writer.documents() == 0 && options.shard_count == 1) {
    std::cerr << "entente: nothing extracted: "
              << (skipped.empty() ? std::string("no input could be read") : language_counts(skipped) + " were skipped")
              << "; " << out << " not written\n";
    return kExitBadInput;
  }
  if (std::string err = writer.finish(); !err.empty()) {
    std::cerr << "entente: " << err << "\n";
    return kExitBadInput;
  }
  if (!quiet) {
    std::cout << "documents extracted: " << writer.documents();
    if (bad_inputs > 0) std::cout << " (" << bad_inputs << " input(s) skipped)";
    if (!skipped.empty()) std::cout << "\nskipped: " << language_counts(skipped);
    std::cout << "\nwarnings: " << warnings << "\nwrote " << out << "\n";
  }
  return bad_inputs > 0 ? kExitBadInput : kExitOk;
}

struct ScoreOptions {
  std::string graph, gold;
  bool json = false;
  double min_entity_f1 = 0.0, min_relation_f1 = 0.0;  ///< 0: no bar
};

int run_score(const ScoreOptions& opt) {
  namespace ev = entente::eval;
  Diagnostics diags;
  const std::optional<ev::Gold> gold = ev::read_gold(opt.gold, diags);
  const std::optional<ev::Graph> graph = ev::read_graph(opt.graph, diags);
  for (const auto& d : diags) print(d);
  if (!gold || !graph) return kExitBadInput;
  const ev::Report report = ev::score(*graph, *gold);
  std::cout << (opt.json ? ev::to_json(report) : ev::to_text(report));
  int status = kExitOk;
  // A bar is met at equality: 1e-9 absorbs the rounding of 2PR/(P+R).
  const auto bar = [&](std::string_view what, double f1, double min, std::string_view option) {
    if (f1 + 1e-9 >= min) return;
    std::ostringstream line;
    line << std::fixed << std::setprecision(3) << "entente: " << what << " F1 " << f1 << " is below " << option
         << " " << min << "\n";
    std::cerr << line.str();
    status = kExitBadInput;
  };
  bar("entity", report.entities.f1(), opt.min_entity_f1, "--min-entity-f1");
  bar("relation", report.relations.f1(), opt.min_relation_f1, "--min-relation-f1");
  return status;
}

/// How inputs are read, as options of `build` and `extract`.
struct InputOptions {
  entente::ingest::Options options;
};

constexpr const char* kInputFormats =
    "Inputs (recognised by their content, then their extension, in any case):\n"
    "  plain text    article.txt                 one article per file, UTF-8 or any encoding\n"
    "  JSON Lines    scrape.jsonl, .ndjson        one article per line: {\"text\": ..., \"title\": ...,\n"
    "                                             \"url\": ..., \"date\": ..., \"language\": ..., \"source\": ...}\n"
    "  JSON          articles.json               one such object, or an array of them\n"
    "  CSV, TSV      export.csv, export.tsv       a header row naming the same fields, one article per row\n"
    "  HTML          page.html, .htm              the article's text, without menus, asides, comments or\n"
    "                                             \"A lire aussi\" links; title, URL, date, outlet from its meta tags\n"
    "  WARC          crawl.warc, crawl.warc.gz    every HTML response record (WARC-Target-URI)\n"
    "  archives      pages.zip, corpus.tar.gz     every file inside, read as above\n"
    "  compressed    scrape.jsonl.gz, .bz2, .xz   the file inside, read as above\n"
    "  -             standard input, any of the above\n"
    "Fields: text (or content, body, maintext), title, url, date (or date_publish, published),\n"
    "language, source (or source_domain, publisher); --field text=article names others.\n"
    "Documents not in French are skipped with a warning (--lang fr,en reads English too).\n"
    "A line, row or record that cannot be read is a warning naming it; the others are read.\n";

/// --lang and --field on a subcommand.
void add_input_options(CLI::App* cmd, InputOptions& in) {
  cmd->add_option_function<std::string>(
         "--lang",
         [&in](const std::string& list) {
           std::string error;
           if (!entente::ingest::set_languages(list, in.options, error)) throw CLI::ValidationError("--lang", error);
         },
         "Languages read, comma-separated ISO 639-1 codes (default: fr; all: every language); documents in "
         "others are skipped with a warning")
      ->type_name("LANGS");
  cmd->add_option_function<std::vector<std::string>>(
         "--field",
         [&in](const std::vector<std::string>& specs) {
           for (const auto& spec : specs) {
             std::string error;
             if (!entente::ingest::add_field_option(spec, in.options, error)) throw CLI::ValidationError("--field", error);
           }
         },
         "FIELD=NAME: read FIELD (text html title url date language source) of JSON and CSV records from NAME "
         "too; may be repeated")
      ->type_name("FIELD=NAME");
}

/// What every command's exit status means (each --help ends with it).
constexpr const char* kExitStatus =
    "Exit status: 0 success; 1 bad input or failed output (each named on stderr with its file and\n"
    "position; the good inputs are still built); 2 usage error (unknown command or option, missing\n"
    "or invalid argument); 130, 143, 129 stopped by SIGINT, SIGTERM, SIGHUP (a build's output\n"
    "folder then holds the previous run's files, or all of this run's, never a mix).";

/// " (did you mean 'build'?)" when one of `cmd`'s subcommands is near `word`.
std::string suggestion(CLI::App& cmd, const std::string& word) {
  std::string best;
  std::size_t best_distance = 3;  // at most two edits away
  for (CLI::App* sub : cmd.get_subcommands({})) {
    const std::size_t d = edit_distance(word, sub->get_name());
    if (d < best_distance) {
      best_distance = d;
      best = sub->get_name();
    }
  }
  return best.empty() ? std::string() : " (did you mean '" + best + "'?)";
}

}  // namespace

int main(int argc, char** argv) {
  // Before any thread starts: SIGINT, SIGTERM and SIGHUP are waited for by a
  // thread of their own, which ends the run cleanly (app/interrupt.hpp).
  entente::app::install_interrupts();
  CLI::App app{
      "Entente builds a knowledge graph of cooperation between states (police, justice,\n"
      "migration, counter-terrorism) from French news articles: the persons, institutions,\n"
      "countries and agreements they report, with the document behind every fact.\n",
      "entente"};
  app.set_version_flag("-V,--version", std::string("entente ") + ENTENTE_VERSION, "Print the version and exit");
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  entente build examples/articles -o out     # out/graph.ttl and out/graph.graphml\n"
      "  entente build corpus -o out -f ttl,nq,gexf  # more formats\n"
      "  entente extract examples/articles/01_espagne_senegal_memorandum.txt  # why the graph says what it says\n"
      "  entente index import latest-all.json.bz2 -o wikidata.tsv            # grow the Wikidata index\n"
      "  entente score out/graph.ttl gold.json      # precision, recall and F1 against your own gold\n"
      "  entente help build                         # the options of one command\n"
      "\n" + std::string(kExitStatus));

  InputOptions input_options;
  BuildOptions build;
  auto* b = app.add_subcommand("build", "Build the graph of a corpus: Turtle (RDF) and GraphML (Gephi)");
  auto* build_inputs = b->add_option("INPUT", build.inputs,
                "Articles: files, folders (searched recursively), or - for standard input; plain text, JSON Lines, "
                "JSON, CSV/TSV, HTML, WARC, and .zip/.tar/.gz of them (see below)");
  b->add_option("--from", build.from,
                "Build from extraction results written by `entente extract ... -o RESULTS` instead of articles "
                "(several files: one corpus; the outputs are those of one build of all their articles)")
      ->type_name("RESULTS")
      ->excludes(build_inputs);
  b->add_option("--state", build.state,
                "A state folder (made if missing) that keeps the extraction results of every article built with it: "
                "only articles whose text and metadata it has not seen are extracted, the outputs are those of one "
                "build of all of them, and an IRI once written keeps naming its entity (a graph that grows; "
                "docs/SCALING.md)")
      ->type_name("DIR")
      ->excludes("--from");
  b->add_option("-o,--output", build.outdir, "Output directory (created if missing)")->required()->type_name("OUTDIR");
  b->add_option("--base", build.base,
                "IRI namespace of the graph's nodes: an absolute IRI ending in / or # (default: "
                "https://w3id.org/entente/id/)")
      ->type_name("IRI")
      ->check([](const std::string& base) -> std::string {
        const std::string problem = base_iri_problem(base);
        return problem.empty() ? problem : "'" + base + "' cannot be the base: " + problem;
      });
  b->add_flag("-q,--quiet", build.quiet, "Print only errors and warnings (no summary, no progress bar)");
  b->add_option("-j,--jobs", build.jobs,
                "Documents processed in parallel (default: one per core); the output is the same for any number");
  std::vector<std::string> format_lists;
  b->add_option("-f,--format", format_lists,
                "Output formats, comma-separated or repeated (-f ttl -f gexf), any case, among ttl graphml nt nq "
                "trig gexf dot (default: ttl,graphml); each is written to OUTDIR/graph.<ext>")
      ->type_name("LIST")
      ->allow_extra_args(false)
      ->check([](const std::string& list) -> std::string {
        std::string bad;
        std::vector<entente::exporter::Format> formats;
        return parse_formats(list, formats, bad) ? std::string()
                                                 : "unknown format '" + bad + "' (ttl graphml nt nq trig gexf dot)";
      });
  bool no_evidence = false;
  b->add_flag("--no-evidence", no_evidence,
              "Do not write OUTDIR/evidence.ttl (every mention as NIF, every relation's sentence)");
  b->add_flag("--json", build.json, "Print the summary as one JSON object on stdout (also with -q)");
  b->add_flag("--strict", build.strict,
              "Exit 1 when there is any warning (something of the input dropped or changed: a bad record, a NUL "
              "byte, an impossible date, a link skipped, a file read twice...); the outputs are still written");
  b->add_flag("--report", build.report,
              "Also write OUTDIR/report.html: the graph to explore in a browser (search, filters, the sentences behind each edge), counts and agreements");
  b->add_option("--index", build.index,
                "A Wikidata index (made by `entente index import`) used besides the shipped one")
      ->type_name("FILE");
  add_input_options(b, input_options);
  b->footer(
      "Writes OUTDIR/graph.ttl (RDF Turtle, ontology https://w3id.org/entente/coop#),\n"
      "OUTDIR/graph.graphml (open it in Gephi: File > Open) and OUTDIR/evidence.ttl (the\n"
      "sentence behind every fact). Each file appears complete or not at all.\n\n" +
      std::string(kInputFormats) +
      "\nExamples:\n  entente build examples/articles -o out\n"
      "  entente build scrape.jsonl pages/ crawl.warc.gz -o out\n"
      "  entente build export.csv --field text=article --field date=jour -o out\n"
      "  curl -s https://example.org/article.html | entente build - -o out\n"
      "  entente extract part1/ -o 1.results && entente extract part2/ -o 2.results\n"
      "  entente build --from 1.results 2.results -o out   # as `entente build part1/ part2/ -o out`\n"
      "  entente build monday/ --state news.state -o out    # a graph that grows: the first day...\n"
      "  entente build tuesday/ --state news.state -o out   # ...each next day extracts only its new articles\n"
      "  python3 -c \"import networkx as nx; print(nx.read_graphml('out/graph.graphml'))\"\n\n" +
      std::string(kExitStatus));

  std::vector<std::string> extract_inputs_list;
  std::string results_out;
  bool json = false, extract_quiet = false;
  unsigned extract_jobs = 0;
  auto* x = app.add_subcommand("extract", "Show every mention and relation found in articles, and why; or write "
                                          "extraction results for `build --from`");
  x->add_option("INPUT", extract_inputs_list,
                "Articles, as for build: files, folders, - for standard input (see `entente help build`)")
      ->required();
  auto* json_flag = x->add_flag("--json", json, "Print JSON instead of text (an array when there are several documents)");
  auto* results_option = x->add_option("-o,--output", results_out,
                "Write the extraction results of every document to RESULTS (a versioned JSON Lines file, "
                "docs/SCALING.md) instead of printing them; `entente build --from RESULTS` builds from it")
      ->type_name("RESULTS")
      ->excludes(json_flag);
  x->add_option_function<std::string>(
         "--shard",
         [&input_options](const std::string& spec) {
           std::size_t k = 0, n = 0;
           char slash = 0;
           std::istringstream in(spec);
           if (!(in >> k >> slash >> n) || slash != '/' || !in.eof() || n == 0 || k == 0 || k > n)
             throw CLI::ValidationError("--shard", "'" + spec + "' is not K/N with 1 <= K <= N (e.g. 2/8)");
           input_options.options.shard_index = k - 1;
           input_options.options.shard_count = n;
         },
         "With -o: extract only part K of N (1 <= K <= N): the input files in reading order cut into N runs of "
         "about equal bytes. N processes, anywhere, extract the corpus between them; `build --from` their N "
         "results files is one build of all (scripts/dask_extract.py does this on a Dask cluster)")
      ->type_name("K/N")
      ->needs(results_option);
  x->add_option("-j,--jobs", extract_jobs, "With -o: documents extracted in parallel (default: one per core)");
  x->add_flag("-q,--quiet", extract_quiet, "With -o: print only errors and warnings");
  add_input_options(x, input_options);
  x->footer("Prints each mention (its offsets, type and the stage that found it), each entity and each\n"
            "relation with the sentence and the rule behind it. With -o, writes them for a later build:\n"
            "extraction is most of a build's time and needs one document at a time, so it can run in\n"
            "parts, elsewhere or earlier (scripts/dask_extract.py spreads it over a Dask cluster).\n\n"
            "Examples:\n"
            "  entente extract examples/articles/01_espagne_senegal_memorandum.txt\n"
            "  entente extract scrape.jsonl --json | python3 -m json.tool\n"
            "  entente extract corpus/ -o corpus.results && entente build --from corpus.results -o out\n\n" +
            std::string(kExitStatus));

  std::string dump, index_out;
  auto* ix = app.add_subcommand("index", "Manage the offline Wikidata index");
  ix->require_subcommand(1);
  ix->footer("Example:\n"
             "  entente index import latest-all.json.bz2 -o wikidata.tsv\n\n" +
             std::string(kExitStatus));
  auto* imp = ix->add_subcommand("import", "Make an index file from a Wikidata JSON dump (.json, .json.gz, .json.bz2)");
  imp->add_option("DUMP", dump, "The dump: one entity per line inside a JSON array")->required();
  imp->add_option("-o,--output", index_out, "The index file to write")->required();
  imp->footer("Keeps humans with a position held, organisations and countries with a French or English\n"
              "label; memory stays bounded whatever the dump's size.\n\nExample:\n"
              "  entente index import latest-all.json.bz2 -o wikidata.tsv\n"
              "  entente build articles -o out --index wikidata.tsv\n\n" +
              std::string(kExitStatus));

  ScoreOptions score;
  auto* sc = app.add_subcommand("score", "Score a graph against a gold file: P/R/F1, and what was missed or is spurious");
  sc->add_option("GRAPH", score.graph, "A graph written by `entente build`: OUTDIR/graph.ttl, .trig, .nt or .nq")
      ->required();
  sc->add_option("GOLD", score.gold, "What the articles contain, written by hand in JSON (docs/EVALUATION.md)")
      ->required();
  sc->add_flag("--json", score.json, "Print one JSON object instead of text");
  sc->add_option("--min-entity-f1", score.min_entity_f1, "Exit 1 when the entity F1 is below X (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  sc->add_option("--min-relation-f1", score.min_relation_f1, "Exit 1 when the relation F1 is below X (0 to 1)")
      ->check(CLI::Range(0.0, 1.0));
  sc->footer(
      "Reads from GRAPH only the output contract's terms: the classes coop:Person, coop:Institution,\n"
      "coop:Country and coop:Agreement, rdfs:label and skos:altLabel, coop:mentionedIn documents and\n"
      "their dcterms:identifier, the edges party, signatory, participant, memberOf, country and\n"
      "cooperatesWith, coop:date, and owl:sameAs links to Wikidata. A node stands for the gold entity\n"
      "that has one of its names (case, accents, punctuation, leading honorifics and articles folded),\n"
      "preferring the right class, then the right country; agreements are paired within the documents\n"
      "that report them; optional gold entities and facts are neither required nor penalised.\n"
      "Prints P/R/F1 for entities (all and per type), agreements and relations (all and per predicate),\n"
      "agreement dates, Wikidata links, then the missed and spurious entities and relations.\n\n"
      "A gold file, smallest form (the whole format is in docs/EVALUATION.md):\n"
      "  {\"entities\": [{\"id\": \"ES\", \"type\": \"Country\", \"name\": \"Espagne\"},\n"
      "                {\"id\": \"SN\", \"type\": \"Country\", \"name\": \"Sénégal\"}],\n"
      "   \"agreements\": [{\"id\": \"mou\", \"docs\": [\"01.txt\"], \"parties\": [\"ES\", \"SN\"]}],\n"
      "   \"relations\": [[\"ES\", \"cooperatesWith\", \"SN\"]]}\n\n"
      "Example:\n"
      "  entente build articles -o out\n"
      "  entente score out/graph.ttl gold.json\n"
      "  entente score out/graph.ttl gold.json --json --min-entity-f1 0.9 --min-relation-f1 0.8\n\n"
      "Exit status: 0 scored and every bar met; 1 a bar not met, or bad input (named on stderr with\n"
      "its file and byte offset); 2 usage error (unknown command or option, missing argument).");

  // `entente help [COMMAND...]`, and a mistyped command, before the parser:
  // it would only say that a command is required.
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "help") {
    CLI::App* cmd = &app;
    std::string prefix;  // the commands above the one shown, for its usage line
    for (std::size_t i = 1; i < args.size(); ++i) {
      CLI::App* sub = nullptr;
      for (CLI::App* candidate : cmd->get_subcommands({})) {
        if (candidate->get_name() == args[i]) sub = candidate;
      }
      if (sub == nullptr) {
        std::cerr << "entente: help: no command '" << args[i] << "'" << suggestion(*cmd, args[i])
                  << "; `entente help` lists them\n";
        return kExitUsage;
      }
      prefix += (prefix.empty() ? "" : " ") + cmd->get_name();
      cmd = sub;
    }
    std::cout << cmd->help(prefix);
    return kExitOk;
  }
  if (!args.empty() && !args[0].empty() && args[0][0] != '-') {
    bool known = false;
    for (CLI::App* candidate : app.get_subcommands({})) known = known || candidate->get_name() == args[0];
    if (!known) {
      std::cerr << "entente: no command '" << args[0] << "'" << suggestion(app, args[0])
                << "; `entente help` lists the commands\n";
      return kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // The parser's message, with the program's prefix and where to look.
    std::string command = "entente";
    for (const CLI::App* sub = &app; sub != nullptr;) {
      const CLI::App* next = nullptr;
      for (const CLI::App* candidate : sub->get_subcommands({})) {
        if (candidate->parsed()) next = candidate;
      }
      if (next != nullptr) command += " " + next->get_name();
      sub = next;
    }
    std::string what = e.what();
    if (!what.empty() && what.back() == '\n') what.pop_back();
    std::cerr << "entente: " << what << "\n"
              << "entente: see `" << (command == "entente" ? std::string("entente --help") : command + " --help")
              << "`\n";
    return kExitUsage;
  }
  int code = kExitUsage;
  try {
    if (b->parsed()) {
      for (const std::string& list : format_lists) {
        if (&list == &format_lists.front()) build.formats.clear();
        std::string bad;
        parse_formats(list, build.formats, bad);
      }
      build.evidence = !no_evidence;
      build.input = input_options.options;
      if (!build.from.empty() && (b->count("--lang") > 0 || b->count("--field") > 0)) {
        std::cerr << "entente: build: --lang and --field choose how articles are read: give them to "
                     "`entente extract`, not to a build --from its results\n"
                     "entente: see `entente build --help`\n";
        code = kExitUsage;
      } else if (build.inputs.empty() && build.from.empty() && build.state.empty()) {
        std::cerr << "entente: build: INPUT is required (articles), or --from RESULTS, or --state DIR\n"
                     "entente: see `entente build --help`\n";
        code = kExitUsage;
      } else if (!build.state.empty() && nested(build.state, build.outdir)) {
        // The output folder is replaced whole at the end of a build (output_folder.hpp).
        std::cerr << "entente: build: --state " << build.state << " and -o " << build.outdir
                  << ": keep the state folder and the output folder apart (neither inside the other)\n"
                     "entente: see `entente build --help`\n";
        code = kExitUsage;
      } else {
        code = run_build(build);
      }
    } else if (imp->parsed()) {
      code = run_index_import(dump, index_out);
    } else if (x->parsed()) {
      code = results_out.empty()
                 ? run_extract(extract_inputs_list, json, input_options.options)
                 : run_extract_results(extract_inputs_list, results_out, input_options.options, extract_jobs,
                                       extract_quiet);
    } else if (sc->parsed()) {
      code = run_score(score);
    }
  } catch (const std::exception& e) {
    std::cerr << "entente: internal error: " << e.what() << "\n";
    code = kExitBadInput;
  }
  std::cout.flush();
  entente::app::end_interrupts();  // a signal from here on waits: the status is the run's
  return code;
}
