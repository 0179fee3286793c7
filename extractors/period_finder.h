// PeriodFinder: the period expressions of a sentence (extractors/data/periods.tsv)
// and the dates they name. Absolute expressions ("8 tháng năm 2023", "quý
// I/2024", "nhiệm kỳ 2015 - 2020") carry their dates; relative ones ("6 tháng
// đầu năm", "năm nay", "đến nay", "từ năm 2011 đến nay", "trong nhiệm kỳ",
// "nhiệm kỳ qua") are dated by Anchor against the document's publication
// date, else the period its lead names. Thread-safe.
#ifndef SOLIEU_EXTRACTORS_PERIOD_FINDER_H_
#define SOLIEU_EXTRACTORS_PERIOD_FINDER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/claim.h"
#include "extractors/lexicon.h"

#include <re2/set.h>

namespace solieu {

struct PeriodMention {
  size_t begin = 0, end = 0;  // byte offsets in the text searched
  std::string kind;           // the periods.tsv kind: year, months_of_year, this_year, ...
  Period period;              // from/to empty until anchored, for relative kinds
  int number = 0;             // months or quarter of a relative expression
  int year = 0;               // the year a "từ năm X đến nay" starts
  bool horizon = false;       // "đến năm 2030": a target's horizon, not a figure's period
  bool review = false;        // "đánh giá nhiệm kỳ 2015 - 2020": what the text goes on to report
  bool relative() const { return period.from.empty(); }
};

// What relative expressions are measured against.
struct PeriodAnchor {
  int year = 0;                       // the document's "now": publication year, else its lead's last year
  std::optional<Period> own_term;     // the multi-year term the document is about, if any
  std::optional<Period> report;       // the part of that year it reports on ("8 tháng năm 2023"), if any
};

class PeriodFinder {
 public:
  explicit PeriodFinder(std::shared_ptr<const Lexicon> lexicon);
  ~PeriodFinder();

  // Every period expression in `text`, in order, not overlapping. Baselines
  // ("so với năm 2015") are left out.
  std::vector<PeriodMention> Find(std::string_view text) const;
  // As Find, given which rules (rows of periods.tsv, ascending) match
  // somewhere in `text`: for a caller that learns that from a scan of its own.
  std::vector<PeriodMention> FindRules(std::string_view text, const std::vector<int>& rules) const;
  // Adds the period rules to `set` in their order, so that a hit of index i
  // there (i below the number of rules) is rule i for FindRules.
  void AddRules(re2::RE2::Set* set) const;

  // The dates of a relative mention; false when the anchor cannot date it.
  static bool Anchor(const PeriodAnchor& anchor, PeriodMention* mention);

  // The period an absolute expression names ("8 tháng năm 2023"), if any.
  std::optional<Period> Parse(std::string_view expression) const;

 private:
  std::optional<PeriodMention> Read(const PatternRule& rule, std::string_view expression) const;
  std::shared_ptr<const Lexicon> lex_;
  // Every pattern in one pass: which rules can match a sentence at all, so
  // that most sentences (no period in them) cost one scan, not one per rule.
  std::unique_ptr<re2::RE2::Set> any_;
};

std::string IsoDate(int year, int month, int day);
int YearOf(const std::string& iso_date);  // "2023-08-31" → 2023

}  // namespace solieu

#endif  // SOLIEU_EXTRACTORS_PERIOD_FINDER_H_
