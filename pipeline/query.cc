#include "pipeline/query.h"

#include <re2/re2.h>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "corpus/rules.h"
#include "schema/store.h"

namespace solieu {
namespace {

// Display width in code points, good enough for Vietnamese (no wide glyphs).
size_t Width(const std::string& s) {
  size_t w = 0;
  for (unsigned char c : s) w += (c & 0xC0) != 0x80;
  return w;
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) { if (c == '"') out += '"'; out += c; }
  return out + "\"";
}

}  // namespace

StatusOr<int64_t> RunQuery(const std::string& db_path, const std::string& sql, QueryFormat format,
                           std::ostream& out) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  sqlite3* db = (*store)->db();
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Usage(std::string("SQL error: ") + sqlite3_errmsg(db));
  }
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
  int ncol = sqlite3_column_count(stmt);
  std::vector<std::string> names;
  for (int i = 0; i < ncol; ++i) names.push_back(sqlite3_column_name(stmt, i));
  std::vector<std::vector<std::string>> rows;  // only buffered for the table format
  int64_t count = 0;
  if (format == QueryFormat::kCsv) {
    for (int i = 0; i < ncol; ++i) out << (i ? "," : "") << Csv(names[i]);
    out << "\n";
  }
  while (true) {
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return Status::InvalidInput(std::string("SQL error: ") + sqlite3_errmsg(db));
    ++count;
    if (format == QueryFormat::kJson) {
      nlohmann::ordered_json j;
      for (int i = 0; i < ncol; ++i) {
        switch (sqlite3_column_type(stmt, i)) {
          case SQLITE_INTEGER: j[names[i]] = sqlite3_column_int64(stmt, i); break;
          case SQLITE_FLOAT: j[names[i]] = sqlite3_column_double(stmt, i); break;
          case SQLITE_NULL: j[names[i]] = nullptr; break;
          default: j[names[i]] = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        }
      }
      out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      continue;
    }
    std::vector<std::string> row;
    for (int i = 0; i < ncol; ++i) {
      const unsigned char* t = sqlite3_column_text(stmt, i);
      row.push_back(t ? reinterpret_cast<const char*>(t) : (format == QueryFormat::kTable ? "NULL" : ""));
    }
    if (format == QueryFormat::kCsv) {
      for (int i = 0; i < ncol; ++i) out << (i ? "," : "") << Csv(row[i]);
      out << "\n";
    } else {
      rows.push_back(std::move(row));
    }
  }
  if (format == QueryFormat::kTable) {
    std::vector<size_t> w(ncol);
    for (int i = 0; i < ncol; ++i) w[i] = Width(names[i]);
    for (auto& r : rows) for (int i = 0; i < ncol; ++i) w[i] = std::max(w[i], std::min<size_t>(Width(r[i]), 60));
    auto print = [&](const std::vector<std::string>& r) {
      for (int i = 0; i < ncol; ++i) {
        std::string cell = r[i];
        if (Width(cell) > 60) {  // cut long cells on a character boundary
          size_t cut = 0, n = 0;
          while (cut < cell.size() && n < 59) { ++cut; while (cut < cell.size() && (cell[cut] & 0xC0) == 0x80) ++cut; ++n; }
          cell = cell.substr(0, cut) + "…";
        }
        out << (i ? " | " : "") << cell << std::string(w[i] - std::min(w[i], Width(cell)), ' ');
      }
      out << "\n";
    };
    print(names);
    for (int i = 0; i < ncol; ++i) out << (i ? "-+-" : "") << std::string(w[i], '-');
    out << "\n";
    for (auto& r : rows) print(r);
    out << "(" << count << (count == 1 ? " row)" : " rows)") << "\n";
  }
  return count;
}

namespace {

// The comment block right above each CREATE in schema/*.sql, by object name:
// what `query --schema` prints as the object's one-line description.
std::map<std::string, std::string> SchemaComments() {
  std::map<std::string, std::string> out;
  for (const char* file : {"schema/schema.sql", "schema/views.sql"}) {
    auto sql = ReadRuleFile(file);
    if (!sql.ok()) continue;
    std::istringstream lines(*sql);
    std::string line, comment;
    while (std::getline(lines, line)) {
      if (line.rfind("-- ", 0) == 0) {
        comment += (comment.empty() ? "" : " ") + line.substr(3);
        continue;
      }
      static const RE2 kCreate(R"(CREATE (?:VIRTUAL )?(?:TABLE|VIEW) (?:IF NOT EXISTS )?(\w+))");
      std::string name;
      if (RE2::PartialMatch(line, kCreate, &name) && !comment.empty()) out[name] = comment;
      if (line.rfind("DROP ", 0) != 0) comment.clear();
    }
  }
  return out;
}

}  // namespace

Status PrintSchema(const std::string& db_path, std::ostream& out) {
  auto store = Store::Open(db_path, Store::Mode::kReadOnly);
  if (!store.ok()) return store.status();
  auto comments = SchemaComments();
  sqlite3* db = (*store)->db();
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT type, name, sql FROM sqlite_master WHERE type IN ('table','view')"
                         " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'sentence_search_%' ORDER BY type, rowid",
                     -1, &stmt, nullptr);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(stmt, sqlite3_finalize);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    auto it = comments.find(name);
    out << "-- " << sqlite3_column_text(stmt, 0) << " " << name
        << (it != comments.end() ? ": " + it->second : std::string()) << "\n"
        << sqlite3_column_text(stmt, 2) << ";\n\n";
  }
  return Status::Ok();
}

}  // namespace solieu
