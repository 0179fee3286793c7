// JsonWriter: JSON text written straight into a string, for the exports
// that write a line per claim or per document. Building a JSON tree for
// every line cost more than analysing the text; this writes the same JSON
// (UTF-8 kept as is, the escapes a JSON library writes, integral doubles
// as "3200.0", non-finite numbers as null) without one.
#ifndef SOLIEU_PIPELINE_JSON_WRITER_H_
#define SOLIEU_PIPELINE_JSON_WRITER_H_

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/byte_scan.h"

namespace solieu {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject() { Separate(); out_->push_back('{'); first_ = true; return *this; }
  JsonWriter& EndObject() { out_->push_back('}'); first_ = false; return *this; }
  JsonWriter& BeginArray() { Separate(); out_->push_back('['); first_ = true; return *this; }
  JsonWriter& EndArray() { out_->push_back(']'); first_ = false; return *this; }

  // A key; the value written next belongs to it.
  JsonWriter& Key(std::string_view key) {
    Separate();
    Quoted(key);
    out_->push_back(':');
    first_ = true;
    return *this;
  }

  JsonWriter& String(std::string_view v) { Separate(); Quoted(v); return *this; }
  JsonWriter& Null() { Separate(); out_->append("null"); return *this; }
  // A value already written as JSON by its own writer.
  JsonWriter& Raw(std::string_view json) { Separate(); out_->append(json); return *this; }
  JsonWriter& Int(int64_t v) {
    Separate();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
    return *this;
  }
  JsonWriter& Number(double v) {
    Separate();
    if (!std::isfinite(v)) { out_->append("null"); return *this; }
    // The shortest text that reads back as v; plain digits from 1e-4 to
    // 1e15 as JSON libraries write them ("21997000000000.0" VND, not
    // "2.1997e+13"), exponent form outside that.
    char buf[48];
    double a = std::fabs(v);
    auto format = (a == 0 || (a >= 1e-4 && a < 1e15)) ? std::chars_format::fixed : std::chars_format::scientific;
    auto r = std::to_chars(buf, buf + sizeof buf, v, format);
    std::string_view s(buf, r.ptr - buf);
    out_->append(s);
    if (s.find_first_of(".e") == std::string_view::npos) out_->append(".0");
    return *this;
  }
  JsonWriter& String(const std::string& v) { return String(std::string_view(v)); }
  JsonWriter& String(const char* v) { return String(std::string_view(v)); }
  JsonWriter& String(const std::optional<std::string>& v) { return v ? String(std::string_view(*v)) : Null(); }
  JsonWriter& Number(const std::optional<double>& v) { return v ? Number(*v) : Null(); }
  JsonWriter& Strings(const std::vector<std::string>& v) {
    BeginArray();
    for (const std::string& s : v) String(std::string_view(s));
    return EndArray();
  }

 private:
  void Separate() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  void Quoted(std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    out_->push_back('"');
    size_t run = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      // Whole documents pass here: eight bytes at a time while none of
      // them needs an escape.
      while (i + 8 <= s.size() && byte_scan::JsonSpecial(byte_scan::Load8(s.data() + i)) == 0) i += 8;
      if (i >= s.size()) break;
      unsigned char c = s[i];
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_->append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_->append("\\\""); break;
        case '\\': out_->append("\\\\"); break;
        case '\b': out_->append("\\b"); break;
        case '\f': out_->append("\\f"); break;
        case '\n': out_->append("\\n"); break;
        case '\r': out_->append("\\r"); break;
        case '\t': out_->append("\\t"); break;
        default: {
          const char esc[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
          out_->append(esc, sizeof esc);
        }
      }
    }
    out_->append(s.data() + run, s.size() - run);
    out_->push_back('"');
  }

  std::string* out_;
  bool first_ = true;  // no comma before the next value or key
};

}  // namespace solieu

#endif  // SOLIEU_PIPELINE_JSON_WRITER_H_
