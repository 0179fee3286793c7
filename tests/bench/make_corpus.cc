// make_corpus: a deterministic synthetic corpus of report-style Vietnamese
// documents as JSONL, from the template bank (tests/bench/templates.tsv).
// Usage: make_corpus TEMPLATES MEGABYTES [SEED] > corpus.jsonl
// The same arguments always give the same bytes (own generator, no
// std::distribution, whose output differs between standard libraries).
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace {

struct Rng {
  uint64_t s;
  uint64_t Next() { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
};

std::string Grouped(long v) {  // 3200 → "3.200"
  std::string d = std::to_string(v), out;
  for (size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out += '.';
    out += d[i];
  }
  return out;
}

std::string JsonEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') { out += '\\'; out += c; }
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_corpus TEMPLATES MEGABYTES [SEED] > corpus.jsonl\n";
    return 2;
  }
  std::map<std::string, std::vector<std::string>> bank;
  std::ifstream in(argv[1]);
  if (!in) { std::cerr << argv[1] << ": cannot read\n"; return 1; }
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    if (tab != std::string::npos) bank[line.substr(0, tab)].push_back(line.substr(tab + 1));
  }
  if (bank["lead"].empty() || bank["figure"].empty() || bank["text"].empty()) {
    std::cerr << argv[1] << ": needs lead, figure and text templates\n";
    return 1;
  }
  const char* kCities[] = {"thành phố Bắc Kạn", "thành phố Cao Bằng", "thành phố Lạng Sơn", "thành phố Thái Nguyên",
                           "thành phố Tuyên Quang", "thành phố Hà Giang", "huyện Chợ Mới", "huyện Na Rì"};
  uint64_t target = static_cast<uint64_t>(std::stod(argv[2]) * 1e6), written = 0;  // "2.5" MB allowed
  Rng rng{argc > 3 ? std::stoull(argv[3]) : 20231123ull};
  Rng misreport{rng.s * 31 + 7};
  for (int doc = 0; written < target; ++doc) {
    std::string city = kCities[rng.Below(8)];
    int year = 2016 + rng.Below(8), months = 3 * (1 + rng.Below(4));
    const std::string& lead = bank["lead"][rng.Below(bank["lead"].size())];
    if (lead.find("{months}") == std::string::npos) months = 12;  // a report on the whole year
    // A fact's figures depend only on what it is about (city, period,
    // template), so documents about the same period agree, as real reports
    // mostly do; one figure in fifty is misreported, for the checks to find.
    auto fill = [&](std::string t) {
      uint64_t key = std::hash<std::string>()(city + std::to_string(year) + std::to_string(months) + t);
      Rng fact{key | 1};
      Rng& rng = fact;
      int share_a = 450 + fact.Below(200), share_b = 200 + fact.Below(100);  // in tenths of a percent
      int share_c = 1000 - share_a - share_b;                                // the three make 100%
      auto tenth = [](int v) { return std::to_string(v / 10) + "," + std::to_string(v % 10); };
      std::string out;
      for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] != '{') { out += t[i]; continue; }
        size_t end = t.find('}', i);
        std::string slot = t.substr(i + 1, end - i - 1);
        i = end;
        if (slot == "city") out += city;
        else if (slot == "year") out += std::to_string(year);
        else if (slot == "prev") out += std::to_string(year - 1);
        else if (slot == "months") out += std::to_string(months);
        else if (slot == "money") out += Grouped(500 + rng.Below(30000));
        else if (slot == "money2") out += std::to_string(20 + rng.Below(900)) + "," + std::to_string(rng.Below(10));
        else if (slot == "pct") out += std::to_string(40 + rng.Below(80));
        else if (slot == "pct1") out += std::to_string(1 + rng.Below(120)) + "," + std::to_string(rng.Below(10));
        else if (slot == "count") out += Grouped(30 + rng.Below(5000));
        else if (slot == "count2") out += std::to_string(1 + rng.Below(29));
        else if (slot == "tons") out += Grouped(1000 + rng.Below(60000));
        else if (slot == "ha") out += std::to_string(50 + rng.Below(900));
        else if (slot == "share_a") out += tenth(share_a);
        else if (slot == "share_b") out += tenth(share_b);
        else if (slot == "share_c") out += tenth(share_c);
        else out += "{" + slot + "}";
      }
      if (misreport.Below(50) == 0) {  // a misprinted digit somewhere in the sentence
        for (char& ch : out) if (ch >= '1' && ch <= '8') { ++ch; break; }
      }
      return out;
    };
    std::string text = "Báo cáo kinh tế - xã hội " + city + " năm " + std::to_string(year) + "\n\nĐăng ngày " +
                       std::to_string(1 + rng.Below(28)) + " - " + std::to_string(1 + rng.Below(12)) + " - " +
                       std::to_string(year) + "\n\n" + fill(lead);
    int sentences = 30 + rng.Below(40);
    for (int s = 0; s < sentences; ++s) {
      text += (s % 5 == 4) ? "\n\n" : " ";
      const auto& pool = rng.Below(3) == 0 ? bank["figure"] : bank["text"];
      text += fill(pool[rng.Below(pool.size())]);
    }
    std::string line = "{\"id\": \"bench-" + std::to_string(doc) + "\", \"text\": \"" + JsonEscape(text) + "\"}\n";
    std::fwrite(line.data(), 1, line.size(), stdout);
    written += line.size();
  }
  return 0;
}
