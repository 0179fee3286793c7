#include "corpus/reader.h"

#include <sys/stat.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <set>

#include "corpus/sha256.h"
#include "test_support.h"

using namespace solieu;
using solieu::testing::TempDir;
using solieu::testing::WriteFile;

namespace {

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> skips;
};

ReadResult ReadAllInputs(std::vector<std::string> paths, ReaderOptions options = {}) {
  DocumentReader reader(std::move(paths), options);
  ReadResult r;
  Document d;
  Skip s;
  while (true) {
    auto item = reader.Next(&d, &s);
    if (item == DocumentReader::Item::kEnd) break;
    if (item == DocumentReader::Item::kDocument) r.docs.push_back(d);
    else r.skips.push_back(s.message);
  }
  return r;
}

}  // namespace

TEST_CASE("DocumentReader reads a text file as its own bytes less a BOM", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("a.txt"), "\xEF\xBB\xBFThu ngân sách đạt 44,9% dự toán.");
  auto r = ReadAllInputs({tmp.Path("a.txt")});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Thu ngân sách đạt 44,9% dự toán.");
  CHECK(r.docs[0].source == tmp.Path("a.txt"));
  CHECK(r.docs[0].doc_id == r.docs[0].content_hash.substr(0, 16));
  CHECK(r.docs[0].doc_id.size() == 16);
}

TEST_CASE("DocumentReader skips text in no encoding it can tell, naming the file", "[corpus]") {
  TempDir tmp;
  std::string garbage = "Dòng một\n";
  for (int b = 0x80; b <= 0xFF; ++b) garbage.push_back(static_cast<char>(b));
  WriteFile(tmp.Path("bad.txt"), garbage);
  WriteFile(tmp.Path("good.txt"), "Trồng rừng đạt 108% kế hoạch.");
  auto r = ReadAllInputs({tmp.Path("bad.txt"), tmp.Path("good.txt")});
  REQUIRE(r.skips.size() == 1);
  CHECK_THAT(r.skips[0], Catch::Contains("bad.txt") && Catch::Contains("cannot be told apart") &&
                             Catch::Contains("--encoding"));
  REQUIRE(r.docs.size() == 1);  // the rest of the run goes on
}

TEST_CASE("DocumentReader reports invalid UTF-8 in a JSONL line with its place", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("d.jsonl"), "{\"text\": \"Thu ng\xE2n s\xE1" "ch\"}\n"
                                 "{\"id\": \"b\", \"text\": \"Thu ng\\u00e2n s\\u00e1ch \\u0111\\u1ea1t 44,9% d\\u1ef1 to\\u00e1n.\"}\n"
                                 "{\"text\": \"Thu \\ud800 ng\u00e2n s\u00e1ch.\"}\n");
  auto r = ReadAllInputs({tmp.Path("d.jsonl")});
  REQUIRE(r.skips.size() == 2);
  // Windows-1258 bytes in the line: named as such, with the byte (â is 0xE2 at byte 16).
  CHECK_THAT(r.skips[0], Catch::Contains("d.jsonl:1: invalid UTF-8 at byte 16 of the line"));
  // A lone surrogate escape is no text either: the document is refused whole.
  CHECK_THAT(r.skips[1], Catch::Contains("d.jsonl:3") && Catch::Contains("not valid JSON"));
  // Escapes decode to UTF-8 the analysis can read as it is.
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Thu ngân sách đạt 44,9% dự toán.");
  CHECK(r.docs[0].encoding == "utf-8");
}

TEST_CASE("DocumentReader decodes a legacy-encoded file and records its encoding", "[corpus]") {
  TempDir tmp;
  // "Thu ngân sách đạt 44,9% dự toán." in Windows-1258 bytes (â E2, á E1, đ F0, ạ a+F2, ự ư FD + F2, ó F3).
  WriteFile(tmp.Path("cp1258.txt"), "Thu ng\xE2n s\xE1" "ch \xF0" "a\xF2t 44,9% d\xFD\xF2 to\xE1n.");
  auto r = ReadAllInputs({tmp.Path("cp1258.txt")});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].encoding == "windows-1258");
  ReaderOptions forced;
  forced.encoding = "windows-1258";
  auto f = ReadAllInputs({tmp.Path("cp1258.txt")}, forced);
  REQUIRE(f.docs.size() == 1);
  CHECK(f.docs[0].text == r.docs[0].text);
}

TEST_CASE("DocumentReader skips binary and empty files with a reason", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("blob.txt"), std::string("PK\x03\x04\0\0abc", 9));
  WriteFile(tmp.Path("empty.txt"), "");
  WriteFile(tmp.Path("blank.txt"), " \n\n ");
  auto r = ReadAllInputs({tmp.Path("blob.txt"), tmp.Path("empty.txt"), tmp.Path("blank.txt")});
  REQUIRE(r.skips.size() == 3);
  CHECK_THAT(r.skips[0], Catch::Contains("blob.txt") && Catch::Contains("binary") && Catch::Contains("offset 4"));
  CHECK_THAT(r.skips[1], Catch::Contains("empty.txt") && Catch::Contains("empty"));
  CHECK_THAT(r.skips[2], Catch::Contains("blank.txt") && Catch::Contains("empty"));
}

TEST_CASE("DocumentReader reads JSONL and reports a truncated line by number", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("docs.jsonl"),
            "{\"id\": \"a1\", \"text\": \"Giải quyết việc làm cho 704 lao động.\", \"url\": \"https://x.invalid/a1\","
            " \"published\": \"2023-12-01T08:00:00\"}\n"
            "\n"
            "{\"id\": \"a2\", \"text\": \"Thu ngân\n"
            "{\"text\": \"Kết nạp 450 đảng viên.\"}\n"
            "[1, 2]\n"
            "{\"id\": \"a5\"}\n");
  auto r = ReadAllInputs({tmp.Path("docs.jsonl")});
  REQUIRE(r.docs.size() == 2);
  CHECK(r.docs[0].doc_id == "a1");
  CHECK(r.docs[0].source == "https://x.invalid/a1");
  CHECK(r.docs[0].published == std::optional<std::string>("2023-12-01"));
  CHECK(r.docs[1].source == tmp.Path("docs.jsonl") + ":4");  // no url: FILE:LINE
  CHECK(r.docs[1].doc_id.size() == 16);
  REQUIRE(r.skips.size() == 3);
  CHECK_THAT(r.skips[0], Catch::Contains("docs.jsonl:3") && Catch::Contains("not valid JSON"));
  CHECK_THAT(r.skips[1], Catch::Contains("docs.jsonl:5") && Catch::Contains("JSON object"));
  CHECK_THAT(r.skips[2], Catch::Contains("docs.jsonl:6") && Catch::Contains("text"));
}

TEST_CASE("DocumentReader skips a huge JSONL line in constant memory and reads on", "[corpus]") {
  TempDir tmp;
  std::string huge = "{\"text\": \"" + std::string(3 << 20, 'x') + "\"}\n";
  WriteFile(tmp.Path("big.jsonl"), huge + "{\"text\": \"Trồng mới 100 ha rừng.\"}\n");
  ReaderOptions opt;
  opt.max_line_bytes = 1 << 20;
  auto r = ReadAllInputs({tmp.Path("big.jsonl")}, opt);
  REQUIRE(r.skips.size() == 1);
  CHECK_THAT(r.skips[0], Catch::Contains("big.jsonl:1") && Catch::Contains("longer than"));
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].source == tmp.Path("big.jsonl") + ":2");
}

TEST_CASE("DocumentReader walks directories recursively in sorted order", "[corpus]") {
  TempDir tmp;
  mkdir(tmp.Path("b").c_str(), 0755);
  mkdir(tmp.Path("a").c_str(), 0755);
  WriteFile(tmp.Path("b/2.txt"), "hai");
  WriteFile(tmp.Path("a/1.txt"), "một");
  WriteFile(tmp.Path("a/notes.pdf"), "%PDF");  // not a document type: not read from a directory
  WriteFile(tmp.Path("c.txt"), "ba");
  auto r = ReadAllInputs({tmp.path()});
  REQUIRE(r.docs.size() == 3);
  CHECK(r.docs[0].text == "một");
  CHECK(r.docs[1].text == "hai");
  CHECK(r.docs[2].text == "ba");
  CHECK(r.skips.empty());
}

TEST_CASE("DocumentReader reads a directory too large to sort as the file system lists it, every file once",
          "[corpus]") {
  // Ten reports and a folder of two in one directory, where a directory of
  // more than three entries counts as too large: read a batch of four names
  // at a time, never listed whole; the small folder inside is still sorted.
  TempDir tmp;
  mkdir(tmp.Path("big").c_str(), 0755);
  mkdir(tmp.Path("big/small").c_str(), 0755);
  std::multiset<std::string> expected;
  for (int i = 0; i < 10; ++i) {
    std::string text = "Xã " + std::to_string(i) + " có " + std::to_string(100 + i) + " hộ nghèo.";
    WriteFile(tmp.Path("big/" + std::to_string(i) + ".txt"), text);
    expected.insert(text);
  }
  WriteFile(tmp.Path("big/small/b.txt"), "Thôn B có 12 hộ.");
  WriteFile(tmp.Path("big/small/a.txt"), "Thôn A có 11 hộ.");
  expected.insert("Thôn A có 11 hộ.");
  expected.insert("Thôn B có 12 hộ.");
  ReaderOptions options;
  options.max_sorted_directory = 3;
  auto r = ReadAllInputs({tmp.Path("big")}, options);
  CHECK(r.skips.empty());
  std::multiset<std::string> read;
  std::vector<std::string> small;
  for (const Document& d : r.docs) {
    read.insert(d.text);
    if (d.text.rfind("Thôn", 0) == 0) small.push_back(d.text);
  }
  CHECK(read == expected);
  CHECK(small == std::vector<std::string>{"Thôn A có 11 hộ.", "Thôn B có 12 hộ."});
  // With room to sort them, the same directory reads in name order.
  auto sorted = ReadAllInputs({tmp.Path("big")});
  REQUIRE(sorted.docs.size() == 12);
  CHECK(sorted.docs[0].text == "Xã 0 có 100 hộ nghèo.");
  CHECK(sorted.docs[9].text == "Xã 9 có 109 hộ nghèo.");
  CHECK(sorted.docs[10].text == "Thôn A có 11 hộ.");
}

TEST_CASE("DocumentReader reads gzip-compressed JSONL", "[corpus]") {
  TempDir tmp;
  gzFile f = gzopen(tmp.Path("docs.jsonl.gz").c_str(), "wb");
  std::string line = "{\"id\": \"z\", \"text\": \"Trồng rừng đạt 172,86ha.\"}\n";
  gzwrite(f, line.data(), static_cast<unsigned>(line.size()));
  gzclose(f);
  auto r = ReadAllInputs({tmp.Path("docs.jsonl.gz")});
  REQUIRE(r.docs.size() == 1);
  CHECK(r.docs[0].text == "Trồng rừng đạt 172,86ha.");
}

TEST_CASE("DocumentReader reports a missing file and goes on", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("ok.txt"), "Có 4.284 đảng viên.");
  auto r = ReadAllInputs({tmp.Path("missing.txt"), tmp.Path("ok.txt")});
  REQUIRE(r.skips.size() == 1);
  CHECK_THAT(r.skips[0], Catch::Contains("missing.txt") && Catch::Contains("cannot open"));
  CHECK(r.docs.size() == 1);
}

TEST_CASE("DocumentReader passes a JSONL document already stored before checking its line", "[corpus]") {
  TempDir tmp;
  const std::string stored_text = "Tổng thu ngân sách đạt 575 tỷ đồng.";
  const std::string stored_hash = Sha256Hex(stored_text);
  WriteFile(tmp.Path("a.jsonl"),
            "{\"id\": \"moi\", \"text\": \"Trồng rừng đạt 108% kế hoạch.\", \"title\": \"Bắc Kạn\"}\n"
            // Stored: its title's bad byte is never looked at.
            "{\"id\": \"cu\", \"title\": \"H\xC3\", \"text\": \"" + stored_text + "\"}\n"
            // Stored, with a BOM: the hash is of the text without it, as it is stored.
            "{\"text\": \"\xEF\xBB\xBF" + stored_text + "\"}\n"
            // New, with a bad byte: still skipped, naming the file and line.
            "{\"id\": \"hong\", \"title\": \"H\xC3\", \"text\": \"Thu 44,9% dự toán.\"}\n"
            // New, a numeric id (the full parser's path), and no id at all.
            "{\"id\": 42, \"text\": \"Kết nạp 450 đảng viên.\"}\n"
            "{\"text\": \"Chi 400 tỷ đồng.\"}\n");
  ReaderOptions options;
  std::vector<std::string> asked;
  options.stored = [&](const std::string& hash) {
    asked.push_back(hash);
    return hash == stored_hash;
  };
  DocumentReader reader({tmp.Path("a.jsonl")}, options);
  std::vector<DocumentReader::Item> items;
  std::vector<Document> docs;
  std::vector<std::string> skips;
  Document d;
  Skip s;
  for (auto item = reader.Next(&d, &s); item != DocumentReader::Item::kEnd; item = reader.Next(&d, &s)) {
    items.push_back(item);
    if (item == DocumentReader::Item::kDocument) docs.push_back(d);
    if (item == DocumentReader::Item::kSkip) skips.push_back(s.message);
  }
  using I = DocumentReader::Item;
  CHECK(items == std::vector<I>{I::kDocument, I::kStored, I::kStored, I::kSkip, I::kDocument, I::kDocument});
  REQUIRE(skips.size() == 1);
  CHECK_THAT(skips[0], Catch::Contains("a.jsonl:4") && Catch::Contains("invalid UTF-8"));
  // The new documents are read exactly as without the question, which
  // skips line 2 for its bad byte and reads line 3.
  auto plain = ReadAllInputs({tmp.Path("a.jsonl")});
  REQUIRE(plain.docs.size() == 4);
  REQUIRE(plain.skips.size() == 2);
  std::vector<Document> expected = {plain.docs[0], plain.docs[2], plain.docs[3]};
  REQUIRE(docs.size() == expected.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    CHECK(docs[i].doc_id == expected[i].doc_id);
    CHECK(docs[i].content_hash == expected[i].content_hash);
    CHECK(docs[i].content_hash == Sha256Hex(docs[i].text));
    CHECK(docs[i].text == expected[i].text);
    CHECK(docs[i].title == expected[i].title);
    CHECK(docs[i].source == expected[i].source);
  }
  CHECK(docs[1].doc_id == "42");
  CHECK(docs[2].doc_id == docs[2].content_hash.substr(0, 16));
  // Asked once a document, the bad line's too (before its check), the numeric id's after it.
  CHECK(asked.size() == 6);
  CHECK(std::set<std::string>(asked.begin(), asked.end()).size() == 5);  // lines 2 and 3: one text
}

TEST_CASE("DocumentReader passes a stored text file, asking once a document", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("a.txt"), "\xEF\xBB\xBFThu ngân sách đạt 44,9% dự toán.");
  WriteFile(tmp.Path("b.txt"), "Trồng rừng đạt 108% kế hoạch.");
  ReaderOptions options;
  int asked = 0;
  options.stored = [&](const std::string& hash) {
    ++asked;
    return hash == Sha256Hex("Thu ngân sách đạt 44,9% dự toán.");  // stored without its BOM
  };
  DocumentReader reader({tmp.Path("a.txt"), tmp.Path("b.txt")}, options);
  Document d;
  Skip s;
  CHECK(reader.Next(&d, &s) == DocumentReader::Item::kStored);
  REQUIRE(reader.Next(&d, &s) == DocumentReader::Item::kDocument);
  CHECK(d.text == "Trồng rừng đạt 108% kế hoạch.");
  CHECK(d.content_hash == Sha256Hex(d.text));
  CHECK(reader.Next(&d, &s) == DocumentReader::Item::kEnd);
  CHECK(asked == 2);
}

TEST_CASE("DocumentReader ends the input where ReaderOptions::stop says, and says it stopped", "[corpus]") {
  TempDir tmp;
  WriteFile(tmp.Path("a.jsonl"),
            "{\"id\": \"1\", \"text\": \"Trồng rừng đạt 172,86ha.\"}\n"
            "{\"id\": \"2\", \"text\": \"Giải quyết việc làm cho 704 lao động.\"}\n"
            "{\"id\": \"3\", \"text\": \"Thành lập mới 07 HTX.\"}\n");
  ReaderOptions options;
  int asked = 0;
  options.stop = [&] { return ++asked > 2; };  // asked before each document
  DocumentReader reader({tmp.Path("a.jsonl")}, options);
  Document d;
  Skip s;
  REQUIRE(reader.Next(&d, &s) == DocumentReader::Item::kDocument);
  REQUIRE(reader.Next(&d, &s) == DocumentReader::Item::kDocument);
  CHECK(d.text == "Giải quyết việc làm cho 704 lao động.");
  CHECK_FALSE(reader.stopped());
  CHECK(reader.Next(&d, &s) == DocumentReader::Item::kEnd);
  CHECK(reader.stopped());
  CHECK(reader.Next(&d, &s) == DocumentReader::Item::kEnd);  // and stays ended

  DocumentReader whole({tmp.Path("a.jsonl")});
  int documents = 0;
  while (whole.Next(&d, &s) == DocumentReader::Item::kDocument) ++documents;
  CHECK(documents == 3);
  CHECK_FALSE(whole.stopped());
}
