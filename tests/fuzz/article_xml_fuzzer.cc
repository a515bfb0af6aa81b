// libFuzzer entry point for hpnews::fuzz::ArticleXml
// (tests/fuzz/fuzz_targets.h).
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hpnews::fuzz::ArticleXml(data, size);
  return 0;
}
