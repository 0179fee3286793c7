// Eval: measures the extractor against gold annotations (corpus/gold, format
// in corpus/gold/README.md): precision, recall and F1 for finding figures,
// accuracy of each attribute on the figures found, comparison attachment,
// and how many marked non-figures were rightly left alone; with every miss.
#ifndef SOLIEU_PIPELINE_EVAL_H_
#define SOLIEU_PIPELINE_EVAL_H_

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/status.h"

namespace solieu {

struct EvalScore {
  int64_t correct = 0, total = 0;
  double value() const { return total ? static_cast<double>(correct) / total : 1.0; }
};

struct EvalReport {
  int64_t true_positives = 0, false_positives = 0, false_negatives = 0;
  std::map<std::string, EvalScore> attributes;  // value, unit, …, comparison, non_figure
  std::vector<std::string> misses;              // one line each: doc, text, what, expected, got
  double precision() const;
  double recall() const;
  double f1() const;
  // "figures_f1" → 0.97, "metric" → 0.91, …: every score by name.
  std::map<std::string, double> Scores() const;
};

// Evaluates the documents in `docs_dir` named by the gold files in `gold_dir`.
StatusOr<EvalReport> Evaluate(const std::string& gold_dir, const std::string& docs_dir);

// The scores as a table (or "name<TAB>value" lines with tsv), then the misses.
void PrintEvalReport(const EvalReport& report, bool tsv, bool misses, std::ostream& out);

// Compares scores with the floor recorded in `scores_file` ("name<TAB>value"
// lines); an error naming every score that dropped below its floor.
Status CheckEvalFloor(const EvalReport& report, const std::string& scores_file);

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_EVAL_H_
