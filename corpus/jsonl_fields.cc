#include "corpus/jsonl_fields.h"

#include "corpus/json_scanner.h"
#include "corpus/utf8.h"

namespace solieu {
namespace {

std::optional<std::string>* FieldFor(const std::string& key, JsonlFields* f) {
  if (key == "text") return &f->text;
  if (key == "id") return &f->id;
  if (key == "url") return &f->url;
  if (key == "title") return &f->title;
  if (key == "published") return &f->published;
  if (key == "html") return &f->html;
  return nullptr;
}

}  // namespace

bool ReadJsonlFields(std::string_view line, JsonlFields* out, bool check_utf8) {
  *out = JsonlFields{};
  if (check_utf8 && FindInvalidUtf8(line) != std::string_view::npos) return false;
  JsonScanner scan(line);
  bool read = scan.Members([&](const std::string& key) {
    std::optional<std::string>* field = FieldFor(key, out);
    if (!field) return scan.Value(0);
    if (!scan.Peek('"')) return false;  // not a string: the full parser decides
    std::string value;
    if (!scan.String(&value)) return false;
    *field = std::move(value);
    return true;
  });
  return read && scan.AtEnd();
}

}  // namespace solieu
