// Outlet aliases for queries: `outlet:hsj` and `--filter outlet:HSJ` mean
// "Health Service Journal", the canonical name the index stores.
//
// Built on the outlet signatures of corpus/outlets.tsv (extract_outlet.h),
// so a name, abbreviation, masthead or host name that makes the extractor
// name an outlet also names it in a query. Not for: deciding an article's
// outlet (that is extraction's), or facet values (they stay canonical).

#ifndef HPNEWS_COMMON_OUTLET_ALIASES_H_
#define HPNEWS_COMMON_OUTLET_ALIASES_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/extract_outlet.h"
#include "common/status.h"

namespace hpnews {

class OutletAliases {
 public:
  // Parses the text of an outlets.tsv file (OutletSignatures::Parse()).
  static Status Parse(std::string_view outlets_tsv, OutletAliases* out);

  // The canonical outlet `value` names: a canonical name in any case
  // ("health service journal"), or a text the signatures read as the
  // outlet's own name on its own ("HSJ", "hsj", "pulsetoday.co.uk",
  // "the guardian"). "" when it names no outlet, or more than one.
  std::string Canonical(const std::string& value) const;

 private:
  std::shared_ptr<const OutletSignatures> signatures_;
};

}  // namespace hpnews

#endif  // HPNEWS_COMMON_OUTLET_ALIASES_H_
