#include "corpus/offset_map.h"

#include <catch2/catch.hpp>

using solieu::OffsetMap;

TEST_CASE("OffsetMap identity maps every position to itself", "[corpus]") {
  OffsetMap m = OffsetMap::Identity(10);
  for (uint32_t i = 0; i <= 10; ++i) {
    CHECK(m.ToOriginalStart(i) == i);
    CHECK(m.ToOriginalEnd(i) == i);
  }
}

TEST_CASE("OffsetMap maps a replacement to the whole original run", "[corpus]") {
  // "ab" + (3 original bytes → 2 normalized) + "cd"
  OffsetMap m;
  m.AppendCopy(2);
  m.AppendReplace(3, 2);
  m.AppendCopy(2);
  CHECK(m.norm_size() == 6);
  CHECK(m.orig_size() == 7);
  CHECK(m.ToOriginalStart(0) == 0);
  CHECK(m.ToOriginalStart(2) == 2);
  CHECK(m.ToOriginalStart(3) == 2);  // inside the replacement: its start
  CHECK(m.ToOriginalEnd(3) == 5);    // inside the replacement: its end
  CHECK(m.ToOriginalEnd(4) == 5);
  CHECK(m.ToOriginalStart(4) == 5);
  CHECK(m.ToOriginalEnd(6) == 7);
}

TEST_CASE("OffsetMap skips deleted original bytes", "[corpus]") {
  // "Loading\n" deleted (line furniture), then "3.200" copied.
  OffsetMap m;
  m.AppendReplace(8, 0);
  m.AppendCopy(5);
  CHECK(m.ToOriginalStart(0) == 8);
  CHECK(m.ToOriginalEnd(5) == 13);
}

TEST_CASE("OffsetMap composes two steps back to the original", "[corpus]") {
  // Step 1: orig "a  b" (4 bytes) → "a b": the second space deleted.
  OffsetMap first;
  first.AppendCopy(2);
  first.AppendReplace(1, 0);
  first.AppendCopy(1);
  // Step 2: "a b" → "xa b": one byte inserted at the start.
  OffsetMap second;
  second.AppendReplace(0, 1);
  second.AppendCopy(3);
  OffsetMap both = first.Then(second);
  CHECK(both.norm_size() == 4);
  CHECK(both.orig_size() == 4);
  CHECK(both.ToOriginalStart(1) == 0);  // "a"
  CHECK(both.ToOriginalStart(3) == 3);  // "b"
  CHECK(both.ToOriginalEnd(4) == 4);
}

TEST_CASE("OffsetMap keeps a deletion that stands before a replacement when composing", "[corpus]") {
  // Regression (found by fuzzing): " ’ke" → "'ke" (leading space deleted,
  // quote replaced) composed with a later step lost the deleted byte.
  OffsetMap first;
  first.AppendReplace(1, 0);  // the space
  first.AppendReplace(3, 1);  // ’ → '
  first.AppendCopy(2);
  OffsetMap later = OffsetMap::Identity(3);
  OffsetMap both = first.Then(later);
  CHECK(both.orig_size() == 6);
  CHECK(both.norm_size() == 3);
  CHECK(both.ToOriginalStart(0) == 1);
  CHECK(both.ToOriginalEnd(1) == 4);
  CHECK(both.ToOriginalStart(1) == 4);
  // A later step that is not the identity goes through the piece-splitting path.
  OffsetMap tone;
  tone.AppendCopy(1);
  tone.AppendReplace(2, 2);
  OffsetMap all = first.Then(tone);
  CHECK(all.orig_size() == 6);
  CHECK(all.ToOriginalStart(0) == 1);
}
