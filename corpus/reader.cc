#include "corpus/reader.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>

#include "corpus/byte_source.h"
#include "corpus/encoding.h"
#include "corpus/html_reader.h"
#include "corpus/jsonl_fields.h"
#include "corpus/sha256.h"
#include "corpus/utf8.h"

namespace solieu {
namespace {

bool HasSuffix(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

std::string StripCompression(const std::string& path) {
  for (const char* ext : {".gz", ".zst"}) {
    if (HasSuffix(path, ext)) return path.substr(0, path.size() - std::strlen(ext));
  }
  return path;
}

bool IsJsonl(const std::string& path) {
  std::string p = StripCompression(path);
  return p == "-" || HasSuffix(p, ".jsonl") || HasSuffix(p, ".ndjson");
}

// Files a directory walk picks up; a file named on the command line is read
// whatever its name.
bool IsReadableInDirectory(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  std::string p = StripCompression(name);
  return HasSuffix(p, ".txt") || HasSuffix(p, ".jsonl") || HasSuffix(p, ".ndjson") || HtmlReader::IsHtmlPath(p);
}

size_t LineOf(std::string_view text, size_t offset) {
  return 1 + std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n');
}

// The text less a UTF-8 byte order mark: a document's own bytes.
std::string_view WithoutBom(std::string_view text) {
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
  return text;
}

// The checks every document's text passes once it is UTF-8. `known_valid`
// skips the UTF-8 check for text that cannot fail it: a JSON string as
// either parser returns it (both reject ill-formed bytes and lone
// surrogates), which saves a pass over every JSONL document, a seventh of
// a re-ingest's time.
Status AcceptUtf8(const std::string& source, std::string text, Document* doc, bool known_valid) {
  if (WithoutBom(text).size() < text.size()) text.erase(0, 3);
  size_t at;
  if (LooksBinary(text, &at)) {
    return Status::InvalidInput(source + ": binary file (NUL byte at offset " + std::to_string(at) + "), skipped");
  }
  size_t bad = known_valid ? std::string_view::npos : FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Status::InvalidInput(source + ": invalid UTF-8 at byte " + std::to_string(bad) + " (line " +
                                std::to_string(LineOf(text, bad)) + "), skipped");
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidInput(source + ": empty document, skipped");
  }
  doc->text = std::move(text);
  return Status::Ok();
}

}  // namespace

Status AcceptText(const std::string& source, std::string text, Document* doc, const EncodingDetector* detector,
                  const std::string& forced) {
  doc->encoding = "utf-8";
  if (detector) {
    bool utf16_bom = text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'));
    if (!forced.empty()) {
      auto decoded = detector->Decode(text, forced);
      if (!decoded.ok()) return Status::InvalidInput(source + ": " + decoded.status().message() + ", skipped");
      text = std::move(*decoded);
      doc->encoding = forced;
    } else if (utf16_bom || FindInvalidUtf8(text) != std::string_view::npos) {
      size_t at;
      if (!utf16_bom && LooksBinary(text, &at)) {
        return Status::InvalidInput(source + ": binary file (NUL byte at offset " + std::to_string(at) + "), skipped");
      }
      auto decoded = detector->Detect(text, source);
      if (!decoded.ok()) return Status::InvalidInput(decoded.status().message() + ", skipped");
      text = std::move(decoded->text);
      doc->encoding = decoded->encoding;
      doc->encoding_confidence = decoded->confidence;
    } else {
      auto decoded = detector->Detect(text, source);  // pure ASCII may be VIQR
      if (decoded.ok() && decoded->encoding == "viqr") {
        text = std::move(decoded->text);
        doc->encoding = "viqr";
        doc->encoding_confidence = decoded->confidence;
      }
    }
  }
  return AcceptUtf8(source, std::move(text), doc, /*known_valid=*/false);
}

namespace {

// The full JSON parser: for lines the fast path leaves (numeric ids, odd
// layouts) and for wording the error of a broken line.
Status ReadJsonlFieldsFully(const std::string& line, const std::string& where, JsonlFields* f) {
  // A legacy-encoded export is a likelier cause than broken JSON: say so,
  // and where (the JSON parser would only call the line invalid).
  size_t bad = FindInvalidUtf8(line);
  if (bad != std::string_view::npos) {
    return Status::InvalidInput(where + ": invalid UTF-8 at byte " + std::to_string(bad) +
                                " of the line (JSONL must be UTF-8), skipped");
  }
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidInput(where + ": not valid JSON (truncated or broken line), skipped");
  if (!j.is_object()) return Status::InvalidInput(where + ": a JSONL document must be a JSON object, skipped");
  *f = JsonlFields{};
  auto string_field = [&](const char* key) -> std::optional<std::string> {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  auto id_like = [&](const char* key) -> std::optional<std::string> {  // a number is taken as written
    auto it = j.find(key);
    if (it != j.end() && it->is_number_integer()) return std::to_string(it->get<long long>());
    return string_field(key);
  };
  f->text = string_field("text");
  f->html = string_field("html");
  f->id = id_like("id");
  f->url = id_like("url");
  f->title = id_like("title");
  f->published = id_like("published");
  return Status::Ok();
}

}  // namespace

namespace {

// A document from the fields of its JSONL line, which has passed the UTF-8 check.
Status JsonlDocument(JsonlFields f, const std::string& where, Document* doc, const HtmlReader* html) {
  bool has_text = f.text.has_value();
  bool has_html = html && f.html.has_value();
  if (!has_text && !has_html) {
    return Status::InvalidInput(where + ": no \"text\" (or \"html\") string field, skipped");
  }
  *doc = Document{};
  HtmlArticle article;
  if (has_text) {
    doc->encoding = "utf-8";
    SOLIEU_RETURN_IF_ERROR(AcceptUtf8(where, std::move(*f.text), doc, /*known_valid=*/true));
  } else {
    auto read = html->Read(*f.html, where);
    if (!read.ok()) return read.status();
    article = std::move(*read);
    SOLIEU_RETURN_IF_ERROR(AcceptText(where, article.text, doc));
    doc->encoding = "html";
  }
  doc->doc_id = f.id.value_or("");
  doc->url = f.url.value_or("").empty() ? article.url : *f.url;
  doc->title = f.title.value_or("").empty() ? article.title : *f.title;
  if (article.published) doc->published = article.published;
  std::string published = f.published.value_or("");
  if (!published.empty()) doc->published = published.substr(0, 10);
  doc->source = doc->url.empty() ? where : doc->url;
  return Status::Ok();
}

}  // namespace

Status ParseJsonlDocument(const std::string& line, const std::string& where, Document* doc,
                          const HtmlReader* html) {
  JsonlFields f;
  if (!ReadJsonlFields(line, &f)) SOLIEU_RETURN_IF_ERROR(ReadJsonlFieldsFully(line, where, &f));
  return JsonlDocument(std::move(f), where, doc, html);
}

struct DocumentReader::State {
  ReaderOptions options;
  std::vector<std::string> pending;  // paths still to open, next at back
  struct Dir {
    std::string path;
    std::vector<std::string> entries;  // sorted; or, while `stream` is open, the batch read last
    size_t next = 0;
    std::unique_ptr<DIR, int (*)(DIR*)> stream{nullptr, closedir};  // a directory too large to sort
  };
  std::vector<Dir> dirs;  // the walk's stack: one directory's listing (or batch) each
  std::unique_ptr<LineReader> jsonl;
  std::string jsonl_path;
  uint64_t bytes = 0;
  bool stopped = false;
  std::shared_ptr<const EncodingDetector> detector;
  std::shared_ptr<const HtmlReader> html;

  // Next file path to read, walking directories; empty at the end.
  std::string NextPath(Skip* skip, bool* skipped) {
    while (true) {
      if (!dirs.empty()) {
        Dir& d = dirs.back();
        if (d.next == d.entries.size()) {
          if (!d.stream || !ReadEntries(&d)) dirs.pop_back();
          continue;
        }
        std::string path = d.path + "/" + d.entries[d.next++];
        struct stat st;
        if (stat(path.c_str(), &st) != 0) continue;
        if (S_ISDIR(st.st_mode)) { if (!PushDir(path, skip, skipped)) return ""; continue; }
        if (!IsReadableInDirectory(path.substr(path.rfind('/') + 1))) continue;
        return path;
      }
      if (pending.empty()) return "";
      std::string path = pending.back();
      pending.pop_back();
      struct stat st;
      if (path != "-" && stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
        while (path.size() > 1 && path.back() == '/') path.pop_back();
        if (!PushDir(path, skip, skipped)) return "";
        continue;
      }
      return path;
    }
  }

  bool PushDir(const std::string& path, Skip* skip, bool* skipped) {
    Dir dir;
    dir.path = path;
    dir.stream.reset(opendir(path.c_str()));
    if (!dir.stream) { skip->message = path + ": cannot open directory: " + std::strerror(errno); *skipped = true; return false; }
    // Listed whole and sorted when it fits in one batch; else left open and
    // read a batch at a time, in the file system's order.
    if (ReadEntries(&dir) && dir.entries.size() <= options.max_sorted_directory) {
      dir.stream.reset();
      std::sort(dir.entries.begin(), dir.entries.end());
    }
    dirs.push_back(std::move(dir));
    return true;
  }

  // The next batch of `d`'s names (one more than a sorted directory may
  // hold, to tell the two apart); false when none was left. Closes the
  // stream at its end.
  bool ReadEntries(Dir* d) {
    d->entries.clear();
    d->next = 0;
    while (d->entries.size() <= options.max_sorted_directory) {
      dirent* e = readdir(d->stream.get());
      if (!e) {
        d->stream.reset();
        break;
      }
      if (std::strcmp(e->d_name, ".") && std::strcmp(e->d_name, "..")) d->entries.emplace_back(e->d_name);
    }
    return !d->entries.empty();
  }
};

DocumentReader::DocumentReader(std::vector<std::string> paths, ReaderOptions options)
    : state_(new State) {
  state_->options = options;
  auto detector = EncodingDetector::Create();
  if (detector.ok()) state_->detector = *detector;  // embedded tables: fails only on a bad --data-dir
  auto html = HtmlReader::Create();
  if (html.ok()) state_->html = *html;
  state_->pending.assign(paths.rbegin(), paths.rend());
}

DocumentReader::~DocumentReader() = default;

uint64_t DocumentReader::bytes_read() const { return state_->bytes; }
bool DocumentReader::stopped() const { return state_->stopped; }

DocumentReader::Item DocumentReader::Next(Document* doc, Skip* skip) {
  State& s = *state_;
  if (s.stopped || (s.options.stop && s.options.stop())) {
    s.stopped = true;
    return Item::kEnd;
  }
  while (true) {
    if (s.jsonl) {
      std::string line;
      size_t lineno = 0;
      bool too_long;
      Status st;
      if (!s.jsonl->Next(&line, &lineno, &too_long, &st)) { s.jsonl.reset(); continue; }
      std::string where = s.jsonl_path + ":" + std::to_string(lineno);
      if (!st.ok()) { s.jsonl.reset(); skip->message = st.message() + " (after line " + std::to_string(lineno - 1) + ")"; return Item::kSkip; }
      s.bytes += line.size() + 1;
      if (too_long) {
        skip->message = where + ": line longer than " + std::to_string(s.options.max_line_bytes >> 20) + " MiB, skipped";
        return Item::kSkip;
      }
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      if (s.options.stored) {
        // The text's hash first: a document already stored needs no more.
        // A new one's line is then checked, and its fields are kept.
        JsonlFields f;
        if (ReadJsonlFields(line, &f, /*check_utf8=*/false) && f.text) {
          std::string hash = Sha256Hex(WithoutBom(*f.text));
          if (s.options.stored(hash)) return Item::kStored;
          if (FindInvalidUtf8(line) == std::string_view::npos) {
            Status built = JsonlDocument(std::move(f), where, doc, s.html.get());
            if (!built.ok()) { skip->message = built.message(); return Item::kSkip; }
            FinishDocumentIdentity(doc, std::move(hash));
            return Item::kDocument;
          }
        }  // else the line's own path below, which words its error
      }
      Status parsed = ParseJsonlDocument(line, where, doc, s.html.get());
      if (!parsed.ok()) { skip->message = parsed.message(); return Item::kSkip; }
      return Identified(doc);
    }
    bool skipped = false;
    std::string path = s.NextPath(skip, &skipped);
    if (skipped) return Item::kSkip;
    if (path.empty()) return Item::kEnd;
    auto src = OpenByteSource(path);
    if (!src.ok()) { skip->message = src.status().message() + ", skipped"; return Item::kSkip; }
    if (IsJsonl(path)) {
      s.jsonl = std::make_unique<LineReader>(std::move(*src), s.options.max_line_bytes);
      s.jsonl_path = path == "-" ? "<stdin>" : path;
      continue;
    }
    auto text = ReadAll(src->get(), path, s.options.max_document_bytes);
    if (!text.ok()) { skip->message = text.status().message(); return Item::kSkip; }
    s.bytes += text->size();
    *doc = Document{};
    if (HtmlReader::IsHtmlPath(path) && s.html) {
      auto article = s.html->Read(*text, path);
      if (!article.ok()) { skip->message = article.status().message(); return Item::kSkip; }
      Status st = AcceptText(path, std::move(article->text), doc);
      if (!st.ok()) { skip->message = st.message(); return Item::kSkip; }
      doc->title = article->title;
      doc->url = article->url;
      doc->published = article->published;
      doc->encoding = "html";
      doc->source = path;
      return Identified(doc);
    }
    Status st = AcceptText(path, std::move(*text), doc, s.detector.get(), s.options.encoding);
    if (!st.ok()) { skip->message = st.message(); return Item::kSkip; }
    doc->source = path;
    return Identified(doc);
  }
}

DocumentReader::Item DocumentReader::Identified(Document* doc) const {
  FinishDocumentIdentity(doc);
  const auto& stored = state_->options.stored;
  return stored && stored(doc->content_hash) ? Item::kStored : Item::kDocument;
}

}  // namespace solieu
