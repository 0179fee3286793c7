#include "extractors/sentence_spans.h"

#include <charconv>
#include <cstdint>
#include <limits>

namespace solieu {

std::string SentenceSpansJson(const std::vector<SentenceRecord>& sentences) {
  std::string out = "[";
  char buf[16];
  for (const SentenceRecord& r : sentences) {
    out += out.size() == 1 ? "[" : ",[";
    for (uint32_t v : {r.norm_begin, r.norm_end, r.begin, r.end}) {
      if (out.back() != '[') out += ',';
      out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
    }
    out += ']';
  }
  return out + "]";
}

bool ScanSentenceSpans(JsonScanner& scan, std::vector<SentenceRecord>* out) {
  out->clear();
  return scan.Items([&] {
    SentenceRecord r{};
    uint32_t* fields[] = {&r.norm_begin, &r.norm_end, &r.begin, &r.end};
    int n = 0;
    bool four = scan.Items([&] {
      int64_t v;
      if (n >= 4 || !scan.Integer(0, std::numeric_limits<uint32_t>::max(), &v)) return false;
      *fields[n++] = static_cast<uint32_t>(v);
      return true;
    });
    if (!four || n != 4) return false;
    out->push_back(r);
    return true;
  });
}

bool ParseSentenceSpans(std::string_view json, std::vector<SentenceRecord>* out) {
  JsonScanner scan(json);
  return ScanSentenceSpans(scan, out) && scan.AtEnd();
}

}  // namespace solieu
