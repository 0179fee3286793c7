// Google Benchmark micro-benchmarks of the hot functions: number parsing,
// the extractor on one sentence, normalization of one document.
// Run: build/tests/bench/micro_bench   (built with SOLIEU_BUILD_BENCH=ON)
#include <benchmark/benchmark.h>

#include "extractors/number_parser.h"
#include "pipeline/analyzer.h"

namespace {

const solieu::AnalyzerRules& Rules() {
  static auto rules = *solieu::AnalyzerRules::Load();
  return *rules;
}

const char kSentence[] =
    "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn đạt khoảng 2.400 tỷ đồng, bằng 65,9% kế hoạch "
    "và tăng 3,69% so với cùng kỳ.";

const char kDocument[] =
    "TP. Bắc Kạn nỗ lực hoàn thành các nhiệm vụ phát triển kinh tế-xã hội năm 2023\n\n"
    "Trong 8 tháng của năm 2023, UBND thành phố Bắc Kạn đã nỗ lực điều hành các cơ quan, đơn vị thực hiện nhiệm vụ. "
    "Tổng mức bán lẻ hàng hoá và doanh thu dịch vụ trên địa bàn đạt khoảng 2.400 tỷ đồng, bằng 65,9% kế hoạch. "
    "Thu ngân sách trên địa bàn thành phố đạt 44,9% dự toán. Tỷ lệ giải ngân vốn đầu tư công đạt 29% kế hoạch. "
    "Tổng sản lượng lương thực có hạt vụ xuân của thành phố ước đạt 1.904 tấn, bằng 50% kế hoạch; thành lập mới "
    "được 04 HTX, đạt 200% kế hoạch, nâng tổng số mô hình kinh tế tập thể trên địa bàn lên 53 HTX.\n";

void BM_ParseNumber(benchmark::State& state) {
  const char* numbers[] = {"3.200", "65,9", "108.6", "575,", "205/207", "1.904", "2,88"};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(solieu::ParseVietnameseNumber(numbers[i++ % 7]));
  }
}
BENCHMARK(BM_ParseNumber);

void BM_ExtractSentence(benchmark::State& state) {
  const auto& extractor = *Rules().extractor;
  for (auto _ : state) benchmark::DoNotOptimize(extractor.Extract(kSentence));
  state.SetBytesProcessed(state.iterations() * (sizeof kSentence - 1));
}
BENCHMARK(BM_ExtractSentence);

void BM_NormalizeDocument(benchmark::State& state) {
  const auto& normalizer = *Rules().normalizer;
  for (auto _ : state) benchmark::DoNotOptimize(normalizer.Normalize(kDocument));
  state.SetBytesProcessed(state.iterations() * (sizeof kDocument - 1));
}
BENCHMARK(BM_NormalizeDocument);

void BM_AnalyzeDocument(benchmark::State& state) {
  static auto rules = *solieu::AnalyzerRules::Load();
  auto analyzer = std::move(*solieu::Analyzer::Create(rules));
  for (auto _ : state) {
    solieu::Document d;
    d.text = kDocument;
    d.doc_id = "bench";
    benchmark::DoNotOptimize(analyzer->Analyze(std::move(d)));
  }
  state.SetBytesProcessed(state.iterations() * (sizeof kDocument - 1));
}
BENCHMARK(BM_AnalyzeDocument);

}  // namespace

BENCHMARK_MAIN();
