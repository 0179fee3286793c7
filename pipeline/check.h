// Checker: the cross-checks of `solieu check` (spec/claims.md, "Cross-check
// findings"). Takes analyzed documents (from the database or memory), gives
// Findings, each with the claims involved, the arithmetic, the tolerance it
// used and a one-line explanation in English and Vietnamese.
//
// Within a document: a fraction against its stated percent
// (fraction_percent), shares of one whole against 100% (shares_sum), parts
// after "trong đó" against their total (parts_total), numbers kept broken or
// ambiguous (broken_number). Across documents: the same indicator, entity,
// period and modality reported with different or equal values
// (cross_source_conflict / _confirmation); plans and targets implied by
// "X, bằng Y% kế hoạch" against each other, against stated plans and against
// the full period's actual (implied_baseline); "tăng X% so với cùng kỳ /
// năm 2022" against the two values it connects, in both readings
// (stated_change). Tolerances follow the precision as written (tolerance.h).
#ifndef SOLIEU_PIPELINE_CHECK_H_
#define SOLIEU_PIPELINE_CHECK_H_

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/status.h"
#include "extractors/analyzed_document.h"
#include "extractors/lexicon.h"
#include "pipeline/tolerance.h"
#include "schema/finding.h"

namespace solieu {

struct CheckOptions {
  std::string doc_id;  // when set: only findings that involve this document
};

class Checker {
 public:
  static StatusOr<std::unique_ptr<Checker>> Create();

  // Findings over `docs`, errors first, in a stable order.
  std::vector<Finding> Check(const std::vector<AnalyzedDocument>& docs, const CheckOptions& options = {}) const;

  // A finding with its place in Check's order: errors, then warnings, then
  // info; within each, the checks within documents, then cross_source_*,
  // implied_baseline, and stated_change by the claim that states the change;
  // findings with the same place keep the order they were found in.
  struct Placed {
    FindingPlace place;
    Finding finding;
  };
  static std::vector<Finding> Ordered(std::vector<Placed> placed);

  // Check in pieces, for a database larger than memory: CheckWithin on each
  // document as it is read, and CheckSeries on each group of claims that can
  // be compared across documents (by GroupKey: one indicator, or metric of
  // two words or more, and one entity, since every check across documents
  // compares only claims that share both; see Store::ForEachStagedSeries),
  // `order[i]` placing docs[i] among all documents. Their findings, ordered,
  // are Check's.
  void CheckWithin(const AnalyzedDocument& doc, std::vector<Placed>* out) const;
  void CheckSeries(const std::vector<AnalyzedDocument>& docs, const std::vector<int64_t>& order,
                   std::vector<Placed>* out) const;
  // The group a claim is compared in across documents, "series|entity|", or
  // "" when it cannot be compared (no series, entity or whole period).
  static std::string GroupKey(const Claim& c);
  // Whether `f` involves a claim of the document `doc_id` ("" : any).
  static bool Involves(const Finding& f, const std::string& doc_id);

  // A claim as the checks see it: where it comes from and what it reports.
  struct Fact {
    const AnalyzedDocument* doc;
    const Claim* claim;
    int64_t doc_order;   // the document's place among all documents
    std::string group;   // GroupKey: "retail_sales|thành phố Bắc Kạn|", "" when not comparable
  };

 private:
  Checker() = default;
  void CheckDocument(const AnalyzedDocument& doc, std::vector<Finding>* out) const;
  void FractionPercent(const AnalyzedDocument& doc, std::vector<Finding>* out) const;
  void SharesSum(const AnalyzedDocument& doc, std::vector<Finding>* out) const;
  void PartsTotal(const AnalyzedDocument& doc, std::vector<Finding>* out) const;
  void BrokenNumbers(const AnalyzedDocument& doc, std::vector<Finding>* out) const;
  void CrossSource(const std::vector<Fact>& facts, std::vector<Finding>* out) const;
  void ImpliedBaselines(const std::vector<Fact>& facts, std::vector<Finding>* out) const;
  void StatedChanges(const std::vector<Fact>& facts, std::vector<Placed>* out) const;
  static Placed StatedAt(Finding f, const Fact& stating);

  Interval ValueOf(const Claim& c) const;            // in the claim's written unit
  Interval PercentOf(const Comparison& k) const;
  FindingClaim Ref(const AnalyzedDocument& doc, const Claim& c, const std::string& role, int comparison = -1) const;
  void Explain(Finding* f, const std::string& key, const std::map<std::string, std::string>& values) const;

  std::shared_ptr<const Lexicon> lex_;
  Tolerances tolerances_;
  Explanations explanations_;
};

// `solieu check`: runs the checks over a database, stores the findings
// (replacing the previous ones) and writes them to `out`, grouped by
// severity with each claim's sentence ("text"), or one JSON object a line
// ("jsonl"). Returns how many findings are at or above `fail_on`
// ("warning", "error"; "" counts none). Memory stays bounded whatever the
// size of the database: one document or one series at a time, findings
// staged on disk (Store::StageFinding).
struct CheckCommand {
  std::string db, doc_id, format = "text", fail_on;
  bool progress = false;  // a progress line on stderr (Progress)
};
StatusOr<int> RunCheck(const CheckCommand& command, std::ostream& out, std::ostream& err);

// Writing findings, for the command and for tests: text grouped under a
// heading per severity, or one JSON object a line.
void PrintFindingsText(const std::vector<Finding>& findings, std::ostream& out);
void PrintFindingsJsonl(const std::vector<Finding>& findings, std::ostream& out);
void PrintFindingText(const Finding& f, std::ostream& out);  // one finding, without its heading
void PrintFindingJsonl(const Finding& f, std::ostream& out);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_CHECK_H_
