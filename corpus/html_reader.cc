#include "corpus/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <cstdint>
#include <cstring>

#include "corpus/rules.h"
#include "corpus/utf8.h"

namespace solieu {
namespace {

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
  if (!v) return "";
  std::string s(reinterpret_cast<char*>(v));
  xmlFree(v);
  return s;
}

std::string Name(xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Words of class and id, split on spaces, '-' and '_' kept inside words.
std::vector<std::string> ClassWords(xmlNode* n) {
  std::vector<std::string> out;
  for (const char* a : {"class", "id"}) {
    std::string v = Lower(Attr(n, a));
    size_t start = 0;
    while (start < v.size()) {
      size_t sp = v.find(' ', start);
      if (sp == std::string::npos) sp = v.size();
      if (sp > start) out.push_back(v.substr(start, sp - start));
      start = sp + 1;
    }
  }
  return out;
}

std::string IsoDate(const std::string& v) {
  if (v.size() >= 10 && std::isdigit(static_cast<unsigned char>(v[0])) && v[4] == '-' && v[7] == '-') return v.substr(0, 10);
  return "";
}

}  // namespace

struct HtmlWalker {
  const HtmlReader& rules;
  HtmlArticle* out;
  xmlNode* body = nullptr;
  size_t body_rule = SIZE_MAX;  // index of the body rule that found it: earlier rules win

  bool Dropped(xmlNode* n) const {
    if (rules.drop_tags_.count(Lower(Name(n)))) return true;
    for (const std::string& w : ClassWords(n)) {
      for (const std::string& d : rules.drop_classes_) {
        // "related-news", "box-share" and "comment" all hold a listed word.
        if (w == d || w.find(d + "-") == 0 || w.find(d + "_") == 0 || (w.size() > d.size() && w.compare(w.size() - d.size() - 1, std::string::npos, "-" + d) == 0)) return true;
      }
    }
    return false;
  }

  void Meta(xmlNode* n) {
    for (; n; n = n->next) {
      if (n->type != XML_ELEMENT_NODE) continue;
      std::string name = Lower(Name(n));
      if (name == "meta") {
        std::string key = Lower(Attr(n, "property"));
        if (key.empty()) key = Lower(Attr(n, "name"));
        if (key.empty()) key = Lower(Attr(n, "itemprop"));
        std::string content = Attr(n, "content");
        if (key == "og:title" && !content.empty()) out->title = content;
        if (key == "og:url" && out->url.empty()) out->url = content;
        if ((key == "article:published_time" || key == "pubdate" || key == "datepublished" || key == "date" ||
             key == "dc.date.issued") && !out->published) {
          std::string d = IsoDate(content);
          if (!d.empty()) out->published = d;
        }
      } else if (name == "link" && Lower(Attr(n, "rel")) == "canonical") {
        out->url = Attr(n, "href");
      } else if (name == "title" && out->title.empty()) {
        xmlChar* t = xmlNodeGetContent(n);
        if (t) { out->title = reinterpret_cast<char*>(t); xmlFree(t); }
      } else if (name == "time" && !out->published) {
        std::string d = IsoDate(Attr(n, "datetime"));
        if (!d.empty()) out->published = d;
      }
      FindBody(n);
      Meta(n->children);
    }
  }

  void FindBody(xmlNode* n) {
    for (size_t i = 0; i < rules.body_rules_.size() && i < body_rule; ++i) {
      const auto& [kind, value] = rules.body_rules_[i];
      bool hit = (kind == "itemprop" && Attr(n, "itemprop") == value) || (kind == "tag" && Lower(Name(n)) == value);
      if (kind == "class") {
        for (const std::string& w : ClassWords(n)) hit |= w == value;
      }
      if (hit) {
        body = n;
        body_rule = i;
        return;
      }
    }
  }

  void Text(xmlNode* n, std::string* s) {
    for (; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        const char* t = reinterpret_cast<const char*>(n->content);
        for (; t && *t; ++t) {
          char c = *t;
          if (c == '\n' || c == '\r' || c == '\t') c = ' ';
          if (c == ' ' && (s->empty() || s->back() == ' ' || s->back() == '\n')) continue;
          s->push_back(c);
        }
        continue;
      }
      if (n->type != XML_ELEMENT_NODE || Dropped(n)) continue;
      bool block = rules.blocks_.count(Lower(Name(n))) > 0;
      if (block) Break(s);
      Text(n->children, s);
      if (block) Break(s);
    }
  }

  static void Break(std::string* s) {
    while (!s->empty() && s->back() == ' ') s->pop_back();
    if (!s->empty() && s->back() != '\n') s->push_back('\n');
  }
};

StatusOr<std::shared_ptr<const HtmlReader>> HtmlReader::Create() {
  auto rows = ReadTsvRules("corpus/data/html.tsv", 2);
  if (!rows.ok()) return rows.status();
  auto r = std::make_shared<HtmlReader>();
  for (const TsvRow& row : *rows) {
    const std::string& kind = row.fields[0];
    const std::string& value = row.fields[1];
    if (kind == "drop_tag") r->drop_tags_.insert(value);
    else if (kind == "drop_class") r->drop_classes_.insert(value);
    else if (kind == "block") r->blocks_.insert(value);
    else if (kind == "body") {
      size_t eq = value.find('='), sp = value.find(' ');
      if (eq != std::string::npos) r->body_rules_.push_back({value.substr(0, eq), value.substr(eq + 1)});
      else if (sp != std::string::npos) r->body_rules_.push_back({value.substr(0, sp), value.substr(sp + 1)});
      else return Status::Corrupt(row.where + ": body rule must be itemprop=V, tag NAME or class WORD");
    } else {
      return Status::Corrupt(row.where + ": unknown kind '" + kind + "'");
    }
  }
  return std::shared_ptr<const HtmlReader>(std::move(r));
}

bool HtmlReader::IsHtmlPath(const std::string& path) {
  std::string p = path;
  for (const char* ext : {".gz", ".zst"}) {
    size_t n = std::strlen(ext);
    if (p.size() > n && p.compare(p.size() - n, n, ext) == 0) p.resize(p.size() - n);
  }
  auto ends = [&](const char* e) { size_t n = std::strlen(e); return p.size() >= n && p.compare(p.size() - n, n, e) == 0; };
  return ends(".html") || ends(".htm");
}

StatusOr<HtmlArticle> HtmlReader::Read(std::string_view html, const std::string& source) const {
  // A page that is valid UTF-8 is read as UTF-8; otherwise libxml2 follows its <meta charset>.
  const char* encoding = FindInvalidUtf8(html) == std::string_view::npos ? "UTF-8" : nullptr;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), source.c_str(), encoding,
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) return Status::InvalidInput(source + ": not an HTML page libxml2 can read, skipped");
  HtmlArticle article;
  HtmlWalker walker{*this, &article};
  xmlNode* root = xmlDocGetRootElement(doc);
  walker.Meta(root);
  xmlNode* from = walker.body;
  if (!from) {
    for (xmlNode* n = root ? root->children : nullptr; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && Lower(Name(n)) == "body") from = n;
    }
  }
  std::string text;
  if (from) walker.Text(from->children, &text);
  xmlFreeDoc(doc);
  // Paragraphs apart by one blank line, as plain-text articles are.
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(pos, nl - pos);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) out += (out.empty() ? "" : "\n\n") + line;
    pos = nl + 1;
  }
  if (out.empty()) return Status::InvalidInput(source + ": HTML page with no article text, skipped");
  article.text = std::move(out);
  return article;
}

}  // namespace solieu
