// What the news-format readers (NITF, NewsML-G2, RSS/Atom, JSON) share when
// they map a format's metadata onto an Article: outlet names for hosts and
// agency names (corpus/hosts.tsv), dates as feeds and agencies write them
// (RFC 822, RFC 3339 / ISO 8601, epoch seconds), subjects and categories
// mapped onto the topic taxonomy, and stable article ids.
//
// Not an extractor: nothing here looks at an article's text.

#ifndef HPNEWS_COMMON_NEWS_META_H_
#define HPNEWS_COMMON_NEWS_META_H_

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "common/article.h"
#include "common/status.h"
#include "common/text_util.h"

namespace hpnews {

// Outlet names for URL hosts and for source names as agencies write them
// ("AP", "PA Sport"), read from corpus/hosts.tsv. Immutable once loaded, so
// one instance is shared read-only between reader threads.
class OutletMap {
 public:
  // Parses hosts.tsv text: "KEY<TAB>OUTLET" lines, "#" comments, blanks.
  // A KEY with a dot is a host name (matching itself and its subdomains);
  // one without is a source name (matched ignoring case and punctuation).
  // Fails with the line of the first malformed entry.
  static Status Parse(const std::string& text, OutletMap* out);
  // Reads and parses the file at `path`.
  static Status Load(const std::string& path, OutletMap* out);

  // The outlet of `url`'s host, seeing through web-archive wrappers
  // ("https://web.archive.org/web/2018/https://www.reuters.com/x" ->
  // "Reuters");
  // "" when the host is not known.
  std::string ForUrl(const std::string& url) const;
  // The canonical outlet for a source name ("AP" -> "Associated Press");
  // "" when not known.
  std::string ForName(const std::string& name) const;
  bool empty() const { return hosts_.empty() && names_.empty(); }

 private:
  std::unordered_map<std::string, std::string>
      hosts_;  // "reuters.com" -> "Reuters"
  std::unordered_map<std::string, std::string>
      names_;  // NameKey("AP") -> "Associated Press"
};

// What a reader is given besides the text. `outlets` may be null (then no
// outlet is derived from hosts or agency names).
struct ReaderContext {
  const OutletMap* outlets = nullptr;
};

// `url` without a web-archive wrapper (web.archive.org/web/<stamp>/<url>,
// archive.org/wayback); other URLs unchanged.
std::string UnwrapArchiveUrl(const std::string& url);
// The host of `url` in lower case, without "www.", user info or port;
// "" if `url` has none.
std::string UrlHost(const std::string& url);

// An id from a URL that stays the same however the URL was reached: the
// archive wrapper, the scheme, the fragment and tracking parameters
// (utm_*, wt_mc, ...) removed, the host lower-cased. Ids longer than
// kMaxIdBytes are shortened with a hash of the whole (index terms are
// limited in length).
std::string UrlId(const std::string& url);
inline constexpr std::size_t kMaxIdBytes = 200;
// `id` unchanged, or shortened with a hash when it is too long.
std::string BoundedId(const std::string& id);

// A publication date as feeds and agencies write it, as the calendar date
// in the publisher's own time zone (no conversion to UTC: the day printed on
// the article is the day it was published for its readers):
//   RFC 822 / 1123 ("Wed, 31 Jan 2018 20:15:15 GMT", "1 Feb 2016 17:22 +0100",
//   2-digit years, full month names), RFC 3339 / ISO 8601 extended
//   ("2016-02-01T17:22:00+01:00", "2019-04-15"), ISO 8601 basic
//   ("20151014T043001+0100", "20151014"). nullopt if none of these.
std::optional<Date> ParseNewsDate(const std::string& text);
// The UTC date of `seconds` since 1970 (JSON scrapers' epoch timestamps,
// which carry no zone); nullopt outside years 1900-2200.
std::optional<Date> DateFromEpochSeconds(double seconds);

// Files a subject, category or keyword the input states: the taxonomy's
// topic when it obviously names one ("Public health", "NHS workforce",
// IPTC politics codes) -> article->topics, else the text itself ->
// article->keywords (bare codes become their IPTC subject names where
// known, e.g. "subj:07000000" -> "health", and are dropped otherwise).
// No duplicates. Returns true if a topic was added; a reader marks
// given.topics only when some subject mapped, so the topic extractor still
// runs on articles whose subjects named no topic.
bool AddSubject(const std::string& subject, Article* article);

// "BERNARD CONDON" -> "Bernard Condon"; mixed-case names and empty text
// unchanged. "By " / "by " at the start is removed.
std::string CleanByline(const std::string& byline);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_NEWS_META_H_
