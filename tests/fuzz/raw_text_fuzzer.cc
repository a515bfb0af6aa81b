// libFuzzer entry point for hpnews::fuzz::RawText (tests/fuzz/fuzz_targets.h).
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  hpnews::fuzz::RawText(data, size);
  return 0;
}
