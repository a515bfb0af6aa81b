#include "common/news_meta.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/text_util.h"

namespace hpnews {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Lower case, letters and digits only, single spaces: "P.A. Sport" -> "pa
// sport".
std::string NameKey(const std::string& name) {
  return FoldedWords(name, ' ', ".'");
}

// Subject text normalised for matching: lower case, "&" as "and",
// punctuation as spaces.
std::string SubjectKey(const std::string& subject) {
  std::string s;
  for (char c : subject) {
    if (c == '&') {
      s += " and ";
    } else {
      s += c;
    }
  }
  return NameKey(s);
}

}  // namespace

// ---------------------------------------------------------------------------
// Outlets

Status OutletMap::Parse(const std::string& text, OutletMap* out) {
  *out = OutletMap();
  for (const DataLine& data : DataLines(text)) {
    std::string key = data.fields.size() == 2 ? Trim(data.fields[0]) : "";
    std::string outlet = data.fields.size() == 2 ? Trim(data.fields[1]) : "";
    if (key.empty() || outlet.empty()) {
      return Status::InvalidInput("expected KEY<TAB>OUTLET", data.number);
    }
    if (key.find('.') != std::string::npos &&
        key.find(' ') == std::string::npos) {
      key = AsciiLower(key);
      if (StartsWith(key, "www.")) key.erase(0, 4);
      out->hosts_[key] = outlet;
    } else {
      out->names_[NameKey(key)] = outlet;
    }
  }
  return Status::Ok();
}

Status OutletMap::Load(const std::string& path, OutletMap* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Status s = Parse(buffer.str(), out);
  if (!s.ok()) return Status::InvalidInput(path + ":" + s.ToString());
  return s;
}

std::string OutletMap::ForUrl(const std::string& url) const {
  std::string host = UrlHost(UnwrapArchiveUrl(url));
  // The host itself, then each parent domain: "well.blogs.nytimes.com"
  // matches an entry for "nytimes.com". A bare top-level domain never does.
  while (!host.empty() && host.find('.') != std::string::npos) {
    auto it = hosts_.find(host);
    if (it != hosts_.end()) return it->second;
    host.erase(0, host.find('.') + 1);
  }
  return "";
}

std::string OutletMap::ForName(const std::string& name) const {
  std::string key = NameKey(name);
  if (key.empty()) return "";
  auto it = names_.find(key);
  return it == names_.end() ? "" : it->second;
}

// ---------------------------------------------------------------------------
// URLs and ids

std::string UnwrapArchiveUrl(const std::string& url) {
  std::string u = Trim(url);
  // Repeatedly: an archived page of an archived page is still the page.
  for (int round = 0; round < 3; ++round) {
    std::string lower = AsciiLower(u);
    size_t start = lower.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    size_t web = std::string::npos;
    for (const char* prefix :
         {"web.archive.org/web/", "wayback.archive.org/web/",
          "archive.org/wayback/"}) {
      if (lower.compare(start, std::strlen(prefix), prefix) == 0)
        web = start + std::strlen(prefix);
    }
    if (web == std::string::npos) return u;
    // Skip the timestamp ("20181218015531", "20181218015531im_", "*").
    size_t slash = u.find('/', web);
    if (slash == std::string::npos) return u;
    std::string inner = u.substr(slash + 1);
    if (inner.empty()) return u;
    if (inner.find("://") == std::string::npos) {
      // "http:/example.com" (collapsed slashes) or a bare host.
      size_t colon = inner.find(":/");
      inner = colon != std::string::npos
                  ? inner.substr(0, colon) + "://" + inner.substr(colon + 2)
                  : "http://" + inner;
    }
    u = inner;
  }
  return u;
}

std::string UrlHost(const std::string& url) {
  std::string u = Trim(url);
  size_t start = u.find("://");
  if (start == std::string::npos) {
    if (StartsWith(u, "//")) {
      start = 2;
    } else {
      return "";
    }
  } else {
    start += 3;
  }
  size_t end = u.find_first_of("/?#", start);
  std::string host = u.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  size_t at = host.rfind('@');
  if (at != std::string::npos) host.erase(0, at + 1);
  size_t colon = host.find(':');
  if (colon != std::string::npos) host.erase(colon);
  host = AsciiLower(host);
  while (!host.empty() && host.back() == '.') host.pop_back();
  if (StartsWith(host, "www.")) host.erase(0, 4);
  return host;
}

std::string BoundedId(const std::string& id) {
  if (id.size() <= kMaxIdBytes) return id;
  // Cut at a UTF-8 character boundary, then add the hash of the whole.
  size_t cut = kMaxIdBytes - 17;
  while (cut > 0 && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
  return id.substr(0, cut) + "~" + HashHex(id);
}

std::string UrlId(const std::string& url) {
  std::string u = UnwrapArchiveUrl(url);
  size_t scheme = u.find("://");
  if (scheme != std::string::npos && scheme < 10) u.erase(0, scheme + 3);
  size_t hash = u.find('#');
  if (hash != std::string::npos) u.erase(hash);
  size_t host_end = u.find_first_of("/?");
  std::string host = AsciiLower(u.substr(0, host_end));
  size_t colon = host.find(':');
  if (colon != std::string::npos &&
      (host.substr(colon) == ":80" || host.substr(colon) == ":443")) {
    host.erase(colon);
  }
  if (StartsWith(host, "www.")) host.erase(0, 4);
  std::string rest = host_end == std::string::npos ? "" : u.substr(host_end);
  // Tracking parameters differ between a feed's copy of a link and the page's
  // own; they never name a different article.
  size_t q = rest.find('?');
  if (q != std::string::npos) {
    std::string path = rest.substr(0, q);
    std::string kept;
    std::stringstream params(rest.substr(q + 1));
    std::string param;
    while (std::getline(params, param, '&')) {
      std::string name = AsciiLower(param.substr(0, param.find('=')));
      if (name.empty() || StartsWith(name, "utm_") || name == "wt_mc" ||
          name == "wt.mc_id" || name == "cmp" || name == "ito" ||
          name == "rss" || name == "fbclid" || name == "gclid" ||
          name == "ns_mchannel" || name == "ns_source" ||
          name == "ns_campaign" || name == "ocid") {
        continue;
      }
      kept += (kept.empty() ? "?" : "&") + param;
    }
    rest = path + kept;
  }
  if (rest == "/") rest.clear();
  return BoundedId(host + rest);
}

// ---------------------------------------------------------------------------
// Dates

namespace {

int MonthFromName(const std::string& word) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr",
                                        "may", "jun", "jul", "aug",
                                        "sep", "oct", "nov", "dec"};
  std::string w = AsciiLower(word);
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    if (w.compare(0, 3, kMonths[m]) == 0) return m + 1;
  }
  // Feeds written in other languages, against RFC 822, use their own
  // abbreviations (Portuguese, Spanish, Italian, German, French).
  static const struct {
    const char* name;
    int month;
  } kOther[] = {{"ene", 1},  {"gen", 1},  {"fev", 2},  {"fév", 2},  {"mär", 3},
                {"mrz", 3},  {"abr", 4},  {"avr", 4},  {"mai", 5},  {"mag", 5},
                {"giu", 6},  {"lug", 7},  {"ago", 8},  {"aoû", 8},  {"set", 9},
                {"out", 10}, {"okt", 10}, {"ott", 10}, {"dez", 12}, {"dic", 12},
                {"déc", 12}};
  for (const auto& o : kOther) {
    if (w.compare(0, std::strlen(o.name), o.name) == 0) return o.month;
  }
  return 0;
}

std::optional<Date> MakeDate(int y, int m, int d) {
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

// "2016-02-01...", "20151014..." at the start of `t`.
std::optional<Date> ParseIso(const std::string& t) {
  auto digits = [&t](size_t pos, size_t n) {
    if (pos + n > t.size()) return -1;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (!IsDigit(t[i])) return -1;
      v = v * 10 + (t[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4);
  if (y < 0) return std::nullopt;
  size_t end;
  int m, d;
  if (t.size() >= 10 && t[4] == '-' && t[7] == '-') {
    m = digits(5, 2);
    d = digits(8, 2);
    end = 10;
  } else {
    m = digits(4, 2);
    d = digits(6, 2);
    end = 8;
  }
  if (m < 0 || d < 0) return std::nullopt;
  // After the date: nothing, a time ("T", " "), or a zone; never more digits.
  if (end < t.size()) {
    char next = t[end];
    bool letter = std::isalpha(static_cast<unsigned char>(next)) != 0;
    if (IsDigit(next) || (letter && next != 'T' && next != 't' && next != 'Z'))
      return std::nullopt;
  }
  return MakeDate(y, m, d);
}

// "Wed, 31 Jan 2018 20:15:15 GMT", "31 January 2018", "Jan 31, 2018".
std::optional<Date> ParseRfc822(const std::string& t) {
  std::vector<std::string> words;
  std::string word;
  for (char c : t) {
    if (c == ' ' || c == ',' || c == '\t' || c == '-' || c == '.') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  int day = 0, month = 0, year = -1;
  for (const std::string& w : words) {
    if (w.find(':') != std::string::npos)
      break;  // the time: the date is before it
    bool numeric = std::all_of(w.begin(), w.end(), IsDigit);
    if (numeric && w.size() <= 2 && day == 0 && (month == 0 || year < 0)) {
      day = std::stoi(w);
    } else if (numeric && (w.size() == 4 || (w.size() == 2 && day != 0)) &&
               year < 0 && month != 0) {
      year = std::stoi(w);
      if (w.size() == 2)
        year += year < 50 ? 2000 : 1900;  // RFC 822's two-digit years
    } else if (!numeric && month == 0) {
      month = MonthFromName(w);
    }
  }
  if (day == 0 || month == 0 || year < 0) return std::nullopt;
  return MakeDate(year, month, day);
}

}  // namespace

std::optional<Date> ParseNewsDate(const std::string& text) {
  std::string t = Trim(text);
  if (t.empty()) return std::nullopt;
  if (IsDigit(t[0]) && t.size() >= 8 && IsDigit(t[1]) && IsDigit(t[2]) &&
      IsDigit(t[3])) {
    std::optional<Date> d = ParseIso(t);
    if (d) return d;
  }
  return ParseRfc822(t);
}

std::optional<Date> DateFromEpochSeconds(double seconds) {
  if (!std::isfinite(seconds)) return std::nullopt;
  // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
  long long z = static_cast<long long>(std::floor(seconds / 86400.0)) + 719468;
  long long era = (z >= 0 ? z : z - 146096) / 146097;
  long long doe = z - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long long mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1;
  long long m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  if (y < 1900 || y > 2200) return std::nullopt;
  return MakeDate(static_cast<int>(y), static_cast<int>(m),
                  static_cast<int>(d));
}

// ---------------------------------------------------------------------------
// Subjects and topics

namespace {

// Subjects that obviously name a topic of corpus/topics.tsv, as SubjectKey()s.
// Deliberately exact phrases, not patterns: a category is a label someone
// chose, and "health" or "news" must not become a topic by accident.
struct TopicPhrase {
  const char* key;
  const char* topic;
};
const TopicPhrase kTopicPhrases[] = {
    {"commissioning", "commissioning"},
    {"nhs commissioning", "commissioning"},
    {"clinical commissioning", "commissioning"},
    {"clinical commissioning groups", "commissioning"},
    {"ccgs", "commissioning"},
    {"reorganisation", "reorganisation"},
    {"nhs reorganisation", "reorganisation"},
    {"nhs reform", "reorganisation"},
    {"nhs reforms", "reorganisation"},
    {"health reform", "reorganisation"},
    {"health reforms", "reorganisation"},
    {"health care reform", "reorganisation"},
    {"healthcare reform", "reorganisation"},
    {"health and social care act", "reorganisation"},
    {"health and social care bill", "reorganisation"},
    {"integration", "integration"},
    {"integrated care", "integration"},
    {"health and social care integration", "integration"},
    {"social care", "integration"},
    {"adult social care", "integration"},
    {"competition", "competition"},
    {"privatisation", "competition"},
    {"privatization", "competition"},
    {"nhs privatisation", "competition"},
    {"private healthcare", "competition"},
    {"private health care", "competition"},
    {"funding", "funding"},
    {"nhs funding", "funding"},
    {"health funding", "funding"},
    {"nhs finances", "funding"},
    {"nhs finance", "funding"},
    {"health spending", "funding"},
    {"nhs spending", "funding"},
    {"workforce", "workforce"},
    {"nhs workforce", "workforce"},
    {"nhs staff", "workforce"},
    {"staffing", "workforce"},
    {"medical staff", "workforce"},
    {"junior doctors", "workforce"},
    {"junior doctors strike", "workforce"},
    {"nurses", "workforce"},
    {"nursing", "workforce"},
    {"primary care", "primary-care"},
    {"general practice", "primary-care"},
    {"gps", "primary-care"},
    {"gp", "primary-care"},
    {"family doctors", "primary-care"},
    {"public health", "public-health"},
    {"epidemic and plague", "public-health"},
    {"preventative medicine", "public-health"},
    {"preventive medicine", "public-health"},
    {"obesity", "public-health"},
    {"smoking", "public-health"},
    {"vaccination", "public-health"},
    {"vaccines", "public-health"},
    {"quality", "quality"},
    {"patient safety", "quality"},
    {"quality of care", "quality"},
    {"care quality", "quality"},
    {"regulation", "regulation"},
    {"health regulation", "regulation"},
    {"care quality commission", "regulation"},
    {"regulators", "regulation"},
    {"politics", "politics"},
    {"uk politics", "politics"},
    {"us politics", "politics"},
    {"politics news", "politics"},
    {"health policy", "politics"},
    {"government", "politics"},
    {"parliament", "politics"},
    {"elections", "politics"},
    {"general election", "politics"},
};

// IPTC Subject NewsCodes top levels ("subj:07000000", tobject.subject.refnum,
// medtop codes share the top-level numbers for these).
const char* const kIptcTopLevel[] = {"arts, culture and entertainment",
                                     "crime, law and justice",
                                     "disaster and accident",
                                     "economy, business and finance",
                                     "education",
                                     "environmental issue",
                                     "health",
                                     "human interest",
                                     "labour",
                                     "lifestyle and leisure",
                                     "politics",
                                     "religion and belief",
                                     "science and technology",
                                     "social issue",
                                     "sport",
                                     "unrest, conflicts and war",
                                     "weather"};

void AddUnique(std::vector<std::string>* list, const std::string& value) {
  for (const std::string& v : *list) {
    if (EqualsIgnoreCase(v, value)) return;
  }
  list->push_back(value);
}

}  // namespace

bool AddSubject(const std::string& subject, Article* article) {
  std::string s = CollapseWhitespace(subject);
  if (s.empty()) return false;
  // A bare IPTC code, with or without a scheme ("subj:11000000",
  // "medtop:11000000", "07006000"): its top level names it.
  std::string code =
      s.substr(s.find(':') == std::string::npos ? 0 : s.find(':') + 1);
  if (code.size() == 8 && std::all_of(code.begin(), code.end(), IsDigit)) {
    bool iptc =
        s.find(':') == std::string::npos || StartsWithIgnoreCase(s, "subj") ||
        StartsWithIgnoreCase(s, "iptc") || StartsWithIgnoreCase(s, "medtop") ||
        StartsWithIgnoreCase(s, "sttsubj");
    int top = std::stoi(code.substr(0, 2));
    if (!iptc || top < 1 || top > 17) return false;
    if (top == 11) {
      size_t before = article->topics.size();
      AddUnique(&article->topics, "politics");
      return article->topics.size() > before;
    }
    AddUnique(&article->keywords, kIptcTopLevel[top - 1]);
    return false;
  }
  // Other codes ("N2:OILG", "MCC:a") mean nothing to a reader of results.
  if (s.find(' ') == std::string::npos && s.find(':') != std::string::npos)
    return false;
  std::string key = SubjectKey(s);
  for (const TopicPhrase& p : kTopicPhrases) {
    if (key == p.key) {
      size_t before = article->topics.size();
      AddUnique(&article->topics, p.topic);
      return article->topics.size() > before;
    }
  }
  AddUnique(&article->keywords, s);
  return false;
}

std::string CleanByline(const std::string& byline) {
  std::string b = CollapseWhitespace(byline);
  if (StartsWithIgnoreCase(b, "by ")) b = Trim(b.substr(3));
  bool has_lower = false, has_upper = false;
  for (char c : b) {
    has_lower |= c >= 'a' && c <= 'z';
    has_upper |= c >= 'A' && c <= 'Z';
  }
  if (has_lower || !has_upper) return b;
  // All capitals, as wire bylines are: capitalise each word's first letter.
  std::string out;
  bool word_start = true;
  for (char c : b) {
    if (c >= 'A' && c <= 'Z') {
      out += word_start ? c : static_cast<char>(c - 'A' + 'a');
      word_start = false;
    } else {
      out += c;
      word_start = c == ' ' || c == '-' || c == '\'' || c == '.';
    }
  }
  return out;
}

}  // namespace hpnews
