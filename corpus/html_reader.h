// HtmlReader: a news page in, its article out, with libxml2's HTML parser
// (never regular expressions). Takes the title (og:title or <title>), the
// publication date (article:published_time and similar meta tags), the
// canonical URL (<link rel=canonical> or og:url) and the article body, and
// leaves out scripts, styles, navigation, comment boxes, related-article
// lists and share widgets as corpus/data/html.tsv lists them. Entities and
// <br> become text and line breaks. Thread-safe once created.
#ifndef SOLIEU_CORPUS_HTML_READER_H_
#define SOLIEU_CORPUS_HTML_READER_H_

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace solieu {

struct HtmlArticle {
  std::string text;   // paragraphs separated by blank lines
  std::string title;
  std::string url;
  std::optional<std::string> published;  // ISO date
};

class HtmlReader {
 public:
  static StatusOr<std::shared_ptr<const HtmlReader>> Create();

  // An error names `source` when the page holds no text at all.
  StatusOr<HtmlArticle> Read(std::string_view html, const std::string& source) const;

  // True when `path` names an HTML file (.html, .htm, also compressed).
  static bool IsHtmlPath(const std::string& path);

 private:
  friend struct HtmlWalker;
  std::set<std::string> drop_tags_, drop_classes_, blocks_;
  std::vector<std::pair<std::string, std::string>> body_rules_;  // (kind, value)
};

}  // namespace solieu

#endif  // SOLIEU_CORPUS_HTML_READER_H_
