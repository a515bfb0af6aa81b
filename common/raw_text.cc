#include "common/raw_text.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/extract_date.h"
#include "common/text_util.h"

namespace hpnews {

namespace {

// How many blocks after the headline still count as the page header, where
// datelines and bylines live.
constexpr std::size_t kHeaderBlocksAfterTitle = 4;
// Site furniture kept as outlet evidence (Article::furniture): mastheads,
// taglines and copyright lines are short; a page has a few dozen at most.
constexpr std::size_t kMaxFurnitureLines = 60;
constexpr std::size_t kMaxFurnitureLineBytes = 300;
// A headline is rarely longer than this many words.
constexpr std::size_t kMaxTitleWords = 30;
// A navigation line or a link title is short.
constexpr std::size_t kMaxNavWords = 6;
constexpr std::size_t kMaxLinkWords = 16;
// Below this share of its words found in the story, a headline-like line is
// more likely a motto or masthead than the headline.
constexpr double kWeakTitleOverlap = 0.25;

// A blank-line separated block of the page (or one line, when the page has
// no blank lines at all).
struct Block {
  std::vector<std::string> lines;  // trimmed, non-empty
  std::string text;                // all lines, whitespace collapsed
  std::string lower;               // `text` with ASCII quotes, lower-cased
  bool bullet = false;             // the first line starts with a list bullet
  std::size_t words = 0;
};

const char* const kBullets[] = {"\xE2\x80\xA2",  // •
                                "\xE2\x96\xAA",  // ▪
                                "\xE2\x97\xA6",  // ◦
                                "\xC2\xB7",      // ·
                                "*"};

// Removes a list bullet from the start of `line`; returns whether there was
// one.
bool StripBullet(std::string* line) {
  for (const char* b : kBullets) {
    std::string_view bv(b);
    if (StartsWith(*line, bv) && line->size() > bv.size() &&
        WhitespaceLengthAt(*line, bv.size()) > 0) {
      *line = Trim(std::string_view(*line).substr(bv.size()));
      return true;
    }
  }
  return false;
}

// AsciiLower(AsciiQuotes(text)) in one pass: ASCII bytes are the common case.
std::string LowerAsciiQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      ++i;
      continue;
    }
    std::size_t run = i + 1;
    while (run < text.size() && static_cast<unsigned char>(text[run]) >= 0x80)
      ++run;
    out += AsciiQuotes(text.substr(i, run - i));
    i = run;
  }
  return out;
}

Block MakeBlock(std::vector<std::string> lines) {
  Block b;
  b.bullet = StripBullet(&lines.front());
  b.lines = std::move(lines);
  std::string joined;
  for (const std::string& l : b.lines) {
    if (!joined.empty()) joined += ' ';
    joined += l;
  }
  b.text = CollapseWhitespace(joined);
  b.lower = LowerAsciiQuotes(b.text);
  b.words = CountWords(b.text);
  return b;
}

// Characters (UTF-8 code points) in `s`.
std::size_t Columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The width a block was wrapped at, or 0 if its lines were not wrapped: at
// least three lines, the longest 60 to 100 characters, and two in three of
// the lines before the last within 10 characters of it.
std::size_t WrapWidth(const std::vector<std::string>& lines) {
  if (lines.size() < 3) return 0;
  std::vector<std::size_t> widths;
  for (const std::string& l : lines) widths.push_back(Columns(l));
  std::size_t widest = *std::max_element(widths.begin(), widths.end());
  if (widest < 60 || widest > 100) return 0;
  std::size_t near = 0;
  for (std::size_t i = 0; i + 1 < widths.size(); ++i)
    near += widths[i] + 10 >= widest;
  return 3 * near >= 2 * (widths.size() - 1) ? widest : 0;
}

// News agencies as pictures credit them, in lower case.
bool IsNewsAgency(std::string_view lower) {
  static const std::set<std::string, std::less<>> kAgencies = {
      "reuters", "afp",          "ap",        "pa",
      "pa wire", "pa media",     "pa images", "epa",
      "getty",   "getty images", "alamy",     "alamy stock photo",
      "rex",     "shutterstock"};
  return kAgencies.count(lower) > 0;
}

// A picture's credit in capitals naming a news agency: "SIMON
// DAWSON/REUTERS", "PA WIRE", "AFP VIA GETTY IMAGES".
bool IsAgencyCreditLine(std::string_view line) {
  line = TrimView(line);
  if (line.empty() || line.size() > 60 ||
      std::any_of(line.begin(), line.end(),
                  [](char c) { return c >= 'a' && c <= 'z'; }))
    return false;
  const std::string lower = AsciiLower(line);
  const std::string_view l = lower;
  if (IsNewsAgency(l)) return true;
  // The agency after the photographer's name, a slash or a space.
  for (std::size_t cut = l.size(); cut-- > 0;) {
    if (l[cut] != '/' && l[cut] != ' ') continue;
    if (IsNewsAgency(l.substr(cut + 1))) return true;
  }
  return false;
}

// The paragraphs of a body block. Crawlers save most pages one paragraph per
// line, blank lines or not; text wrapped at a fixed width has lines that end
// mid-sentence. So a line that ends a sentence (or opens a quote with ':')
// ends a paragraph, and any other line runs on into the next. In wrapped
// text a sentence ends a paragraph only where the next line's first word
// would have fitted after it: "...right the way through." before
// "Stability is the key word" in a block wrapped at 72 columns is the
// wrapping, not a paragraph break.
std::vector<std::string> BlockParagraphs(const Block& b) {
  if (b.lines.size() == 1) return {b.text};
  const std::size_t wrap = WrapWidth(b.lines);
  static const std::string_view kEnds[] = {".",
                                           "!",
                                           "?",
                                           ":",
                                           "\"",
                                           "'",
                                           "\xE2\x80\x9D" /* ” */,
                                           "\xE2\x80\x99" /* ’ */,
                                           ")",
                                           "\xE2\x80\xA6" /* … */};
  std::vector<std::string> out;
  std::string current;
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    const std::string& line = b.lines[i];
    // A picture's agency credit on its own line ends the caption over it
    // and is dropped: "..., said Jeremy Hunt" / "SIMON DAWSON/REUTERS".
    if (wrap == 0 && IsAgencyCreditLine(line)) {
      if (!current.empty()) out.push_back(CollapseWhitespace(current));
      current.clear();
      continue;
    }
    // "business-" and "like" on two lines of wrapped text are one word.
    bool broken_at_hyphen =
        wrap > 0 && current.size() >= 2 && current.back() == '-' &&
        std::isalpha(static_cast<unsigned char>(current[current.size() - 2]));
    if (!current.empty() && !broken_at_hyphen) current += ' ';
    current += line;
    bool ends = false;
    for (std::string_view e : kEnds) ends = ends || EndsWith(line, e);
    if (ends && wrap > 0 && i + 1 < b.lines.size()) {
      std::string_view next = b.lines[i + 1];
      std::string_view first = next.substr(0, next.find(' '));
      ends = Columns(line) + 1 + Columns(first) <= wrap;
    }
    if (ends) {
      out.push_back(CollapseWhitespace(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(CollapseWhitespace(current));
  return out;
}

std::vector<Block> SplitBlocks(const std::string& text) {
  std::vector<std::string> lines = SplitLines(text);
  bool has_blank = false;
  for (const std::string& l : lines) {
    if (TrimView(l).empty()) {
      has_blank = true;
      break;
    }
  }
  std::vector<Block> blocks;
  std::vector<std::string> current;
  for (const std::string& raw : lines) {
    std::string line = Trim(raw);
    if (line.empty()) {
      if (!current.empty()) blocks.push_back(MakeBlock(std::move(current)));
      current.clear();
      continue;
    }
    // A bullet line starts a new block even without a blank line before it,
    // as does every line of a page that has no blank lines.
    std::string probe = line;
    if (!has_blank || (!current.empty() && StripBullet(&probe))) {
      if (!current.empty()) blocks.push_back(MakeBlock(std::move(current)));
      current.clear();
    }
    current.push_back(std::move(line));
  }
  if (!current.empty()) blocks.push_back(MakeBlock(std::move(current)));
  return blocks;
}

// The block's text without closing quotes and brackets at the end, so the
// punctuation inside them counts: ‘...reorganisation.’ ends a sentence.
std::string_view WithoutClosers(std::string_view s) {
  while (!s.empty()) {
    char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']' || c == ' ') {
      s.remove_suffix(1);
    } else {
      break;
    }
  }
  return s;
}

// True if the (ASCII-quoted, lower-cased) text ends like a sentence.
bool EndsSentence(std::string_view lower) {
  std::string_view s = WithoutClosers(lower);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
         EndsWith(s, "\xE2\x80\xA6");  // …
}

bool EndsWithPeriodLike(std::string_view lower) {
  std::string_view s = WithoutClosers(lower);
  if (s.empty()) return false;
  char c = s.back();
  return c == '.' || c == ':' || c == ';' || EndsWith(s, "\xE2\x80\xA6");
}

using Words = std::vector<std::string_view>;

// The words of `lower` with surrounding punctuation removed: views into
// `lower`, which must outlive them.
Words PlainWords(std::string_view lower) {
  Words out;
  auto punct = [](char c) {
    return c == '.' || c == ',' || c == ':' || c == ';' || c == '!' ||
           c == '?' || c == '"' || c == '\'' || c == '(' || c == ')' ||
           c == '[' || c == ']' || c == '|';
  };
  std::size_t i = 0;
  while (i < lower.size()) {
    if (std::size_t n = WhitespaceLengthAt(lower, i)) {
      i += n;
      continue;
    }
    std::size_t b = i;
    while (i < lower.size() && WhitespaceLengthAt(lower, i) == 0) ++i;
    std::size_t e = i;
    while (b < e && punct(lower[b])) ++b;
    while (e > b && punct(lower[e - 1])) --e;
    if (e > b) out.push_back(lower.substr(b, e - b));
  }
  return out;
}

bool StartsWithPhrase(const Words& words,
                      std::initializer_list<std::string_view> phrase) {
  if (words.size() < phrase.size()) return false;
  std::size_t i = 0;
  for (std::string_view p : phrase) {
    if (words[i++] != p) return false;
  }
  return true;
}

// Cookie, privacy and consent banners: about cookies and asking for consent.
bool IsCookieBanner(const Block& b) {
  if (b.words > 80) return false;
  if (b.lower.find("cookie") == std::string::npos) return false;
  for (std::string_view w :
       {"consent", "policy", "agree", "continuing", "continue", "accept",
        "privacy", "browsing", "settings", "notice"}) {
    if (b.lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// Browser notices: "Your browser is no longer supported", "For the best
// possible experience ... upgrade to a newer version or another browser",
// "Please enable JavaScript".
bool IsBrowserNotice(const Block& b) {
  if (b.words > 40) return false;
  const std::string& s = b.lower;
  // "Stay up to date with notifications from The Independent",
  // "Notifications can be managed in browser preferences."
  if (b.words <= 15 && s.find("notifications") != std::string::npos &&
      (s.find("browser") != std::string::npos ||
       StartsWith(s, "stay up to date") || StartsWith(s, "allow") ||
       StartsWith(s, "turn on") || StartsWith(s, "enable")))
    return true;
  const bool browser = s.find("browser") != std::string::npos;
  const bool script = s.find("javascript") != std::string::npos;
  if (!browser && !script) return false;
  for (std::string_view w :
       {"supported", "upgrade", "update", "enable", "disabled", "turned off",
        "out of date", "outdated", "newer version"}) {
    if (s.find(w) != std::string::npos) return true;
  }
  return false;
}

// Audience gates: "This site is intended for health professionals only".
bool IsAudienceGate(const Block& b) {
  if (b.words > 25) return false;
  const std::string& s = b.lower;
  bool professional = s.find("professional") != std::string::npos ||
                      s.find("clinician") != std::string::npos;
  return professional && (s.find("intended for") != std::string::npos ||
                          s.find(" only") != std::string::npos ||
                          s.find("are you a") != std::string::npos);
}

// Words that make up share bars and toolbars.
bool IsToolbarWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {"share",
                                                    "print",
                                                    "email",
                                                    "e-mail",
                                                    "tweet",
                                                    "facebook",
                                                    "twitter",
                                                    "linkedin",
                                                    "whatsapp",
                                                    "reddit",
                                                    "pinterest",
                                                    "google+",
                                                    "save",
                                                    "bookmark",
                                                    "comments",
                                                    "comment",
                                                    "like",
                                                    "follow",
                                                    "this",
                                                    "article",
                                                    "story",
                                                    "page",
                                                    "post",
                                                    "it",
                                                    "on",
                                                    "via",
                                                    "with",
                                                    "a",
                                                    "friend",
                                                    "us",
                                                    "the",
                                                    "link",
                                                    "now",
                                                    "here",
                                                    "to",
                                                    "+",
                                                    "|",
                                                    "-",
                                                    "blogthis",
                                                    "x",
                                                    "copy",
                                                    "send",
                                                    "permalink",
                                                    "recommend",
                                                    "reply",
                                                    "report",
                                                    "flag",
                                                    "pin",
                                                    "in",
                                                    "messenger",
                                                    "more",
                                                    "options",
                                                    "sharing",
                                                    "icons",
                                                    "close",
                                                    "menu",
                                                    "search",
                                                    "home",
                                                    "top",
                                                    "back",
                                                    "next",
                                                    "previous",
                                                    "email:",
                                                    "printable",
                                                    "version",
                                                    "friends",
                                                    "print-friendly",
                                                    "share:",
                                                    "this:",
                                                    "print:",
                                                    "abuse",
                                                    "up",
                                                    "down",
                                                    "vote"};
  return kWords.count(w) > 0;
}

// UI verbs that open navigation prompts.
bool StartsWithUiVerb(const Words& w) {
  if (w.empty()) return false;
  static const std::set<std::string_view> kVerbs = {
      "share",  "print",    "printable", "email",     "e-mail", "tweet",
      "follow", "click",    "subscribe", "register",  "login",  "sign",
      "log",    "download", "bookmark",  "save",      "join",   "skip",
      "jump",   "go",       "return",    "back",      "view",   "see",
      "show",   "hide",     "read",      "listen",    "watch",  "comment",
      "reply",  "report",   "recommend", "advertise", "contact"};
  return kVerbs.count(w[0]) > 0;
}

// Account and newsletter prompts: "Sign in to see the latest jobs relevant to
// you!", "Sign up to get the latest health policy news direct to your inbox",
// "You must sign in to make a comment", "Register now", "Subscribe".
bool IsAccountPrompt(const Block& b, const Words& w) {
  if (b.words > 25) return false;
  const std::string& s = b.lower;
  bool account = s.find("sign in") != std::string::npos ||
                 s.find("sign up") != std::string::npos ||
                 s.find("signin") != std::string::npos ||
                 s.find("log in") != std::string::npos ||
                 s.find("login") != std::string::npos ||
                 s.find("subscribe") != std::string::npos ||
                 s.find("newsletter") != std::string::npos ||
                 s.find("register") != std::string::npos ||
                 s.find("your inbox") != std::string::npos ||
                 s.find("email alerts") != std::string::npos ||
                 s.find("create an account") != std::string::npos;
  // "Get our award-winning daily news email featuring exclusive stories".
  if (StartsWithPhrase(w, {"get", "our"}) &&
      s.find("email") != std::string::npos)
    return true;
  if (!account) return false;
  // An imperative addressed to the reader ("Sign in to ...", "Subscribe"),
  // or a "you must / please" prompt; not a headline or story sentence that
  // mentions registers or sign-ups ("GPs told to sign up to new contract").
  static const std::set<std::string_view> kAccountVerbs = {
      "sign",     "log",   "login",  "subscribe",
      "register", "click", "create", "signup"};
  if (!w.empty() && kAccountVerbs.count(w[0])) {
    return !EndsWithPeriodLike(s) || b.words <= 12;
  }
  if (StartsWithPhrase(w, {"you", "must"}) ||
      StartsWithPhrase(w, {"you", "need"}) || StartsWithPhrase(w, {"please"}) ||
      StartsWithPhrase(w, {"already", "a"}) ||
      StartsWithPhrase(w, {"not", "a"}) ||
      StartsWithPhrase(w, {"get", "the"}) ||
      StartsWithPhrase(w, {"want", "to"}) ||
      StartsWithPhrase(w, {"to", "comment"})) {
    return b.words <= 15;
  }
  // Newsletter and alert offers are unmistakable in any wording, with the
  // form's messages run into them: "Get daily updates directly to your inbox
  // + Subscribe Thank you for subscribing! ... Invalid Email".
  return !EndsSentence(s) && (s.find("newsletter") != std::string::npos ||
                              s.find("your inbox") != std::string::npos ||
                              s.find("email alerts") != std::string::npos);
}

// Short lines that are all toolbar words ("Share this article", "Print
// Email", "Facebook Twitter LinkedIn", "Share to Twitter Share to Facebook").
bool IsToolbar(const Block& b, const Words& w) {
  if (w.empty() || w.size() > 12 || EndsWithPeriodLike(b.lower)) return false;
  for (std::string_view word : w) {
    if (!IsToolbarWord(word)) return false;
  }
  return true;
}

// Comment moderation links and separators between reader comments.
bool IsCommentSeparator(const Block& b) {
  const std::string& s = b.lower;
  if (b.words > 10) return false;
  return StartsWith(s, "unsuitable or offensive") ||
         StartsWith(s, "report this comment") ||
         StartsWith(s, "report abuse") || StartsWith(s, "report comment") ||
         s == "reply" || s == "report" || s == "recommend" || s == "like" ||
         StartsWith(s, "reply to this") || StartsWith(s, "delete") ||
         StartsWith(s, "permalink") || StartsWith(s, "flag as inappropriate") ||
         StartsWith(s, "this comment has been removed");
}

// "Readers' comments (8)", "Your comments (terms and conditions apply):",
// "3 comments:", "No comments:", "Comments", "Have your say", "Discussion".
bool IsCommentHeading(const Block& b) {
  if (b.words > 8) return false;
  std::string s(WithoutClosers(b.lower));
  while (!s.empty() && (s.back() == ':' || s.back() == '.')) s.pop_back();
  Words w = PlainWords(s);
  if (w.empty()) return false;
  if (s == "have your say" || s == "discussion" || s == "join the discussion" ||
      s == "join the conversation" || s == "responses" ||
      s == "what do you think?" || s == "what do you think") {
    return true;
  }
  // Find "comment(s)" / "response(s)" / "repl(y|ies)" among the first words.
  std::size_t k = 0;
  for (; k < w.size() && k < 4; ++k) {
    if (w[k] == "comments" || w[k] == "comment" || w[k] == "responses" ||
        w[k] == "replies" || w[k] == "reactions") {
      break;
    }
  }
  if (k == w.size() || k == 4) return false;
  // What may come before it: a count, "no", "readers'", "your", "user", "show".
  for (std::size_t i = 0; i < k; ++i) {
    std::string_view x = w[i];
    bool number = !x.empty() && std::all_of(x.begin(), x.end(), [](char c) {
      return c >= '0' && c <= '9';
    });
    if (!(number || x == "no" || x == "readers" || x == "reader" ||
          x == "readers'" || x == "your" || x == "user" || x == "show" ||
          x == "view" || x == "latest" || x == "all" || x == "one" ||
          x == "read")) {
      return false;
    }
  }
  // After it: a count in brackets, "(terms and conditions apply)", "so far".
  std::string rest;
  for (std::size_t i = k + 1; i < w.size(); ++i) {
    rest += w[i];
    rest += ' ';
  }
  return rest.empty() || std::isdigit(static_cast<unsigned char>(rest[0])) ||
         rest.find("terms") != std::string::npos ||
         rest.find("so far") != std::string::npos ||
         rest.find("closed") != std::string::npos;
}

// The end of the comment section or of a blog post: comment forms and
// post navigation. Nothing after one of these is article or comment.
bool IsEndMarker(const Block& b) {
  const std::string& s = b.lower;
  if (b.words > 15) return false;
  return StartsWith(s, "you must sign in") ||
         StartsWith(s, "you must be logged in") ||
         StartsWith(s, "post a comment") || StartsWith(s, "leave a comment") ||
         StartsWith(s, "leave a reply") || StartsWith(s, "add your comment") ||
         StartsWith(s, "add a comment") || StartsWith(s, "write a comment") ||
         StartsWith(s, "newer post") || StartsWith(s, "older post") ||
         StartsWith(s, "subscribe to: post comments") ||
         StartsWith(s, "comments are closed") ||
         StartsWith(s, "sign in to comment") ||
         StartsWith(s, "sign in to make a comment");
}

// Headings that introduce a list of links: "Read more", "Related articles",
// "More on this story", "See also", "Most read". The short title-like lines
// after them are links, not story.
bool IsLinkListHeading(const Block& b) {
  if (b.words > 6) return false;
  std::string s(WithoutClosers(b.lower));
  if (!s.empty() && s.back() == ':') s.pop_back();  // "SEE ALSO:"
  if (EndsWithPeriodLike(s)) return false;
  Words w = PlainWords(s);
  if (w.empty()) return false;
  if (w[0] == "related" || w[0] == "recommended" || w[0] == "trending" ||
      w[0] == "popular") {
    return true;
  }
  return StartsWithPhrase(w, {"read", "more"}) ||
         StartsWithPhrase(w, {"more", "on"}) ||
         StartsWithPhrase(w, {"more", "from"}) ||
         StartsWithPhrase(w, {"more", "stories"}) ||
         StartsWithPhrase(w, {"more", "news"}) ||
         StartsWithPhrase(w, {"see", "also"}) ||
         StartsWithPhrase(w, {"most", "read"}) ||
         StartsWithPhrase(w, {"most", "popular"}) ||
         StartsWithPhrase(w, {"most", "viewed"}) ||
         StartsWithPhrase(w, {"most", "commented"}) ||
         StartsWithPhrase(w, {"top", "stories"}) ||
         StartsWithPhrase(w, {"latest", "news"}) ||
         StartsWithPhrase(w, {"latest", "stories"}) ||
         StartsWithPhrase(w, {"you", "may"}) ||
         StartsWithPhrase(w, {"you", "might"}) ||
         StartsWithPhrase(w, {"also", "in"}) ||
         StartsWithPhrase(w, {"further", "reading"}) ||
         StartsWithPhrase(w, {"useful", "links"}) ||
         StartsWithPhrase(w, {"in", "this", "section"}) ||
         StartsWithPhrase(w, {"blog", "archive"}) ||
         StartsWithPhrase(w, {"labels"}) || StartsWithPhrase(w, {"tags"}) ||
         StartsWithPhrase(w, {"topics"});
}

// A link-list entry: a short, title-like line without sentence punctuation.
bool IsLinkLine(const Block& b) {
  return b.words <= kMaxLinkWords && !EndsWithPeriodLike(b.lower);
}

// An image's placeholder: "Thumbnail Image", "Featured image". The short
// line under one is the picture's caption.
bool IsImagePlaceholder(const Block& b) {
  const std::string& s = b.lower;
  if (b.words != 2 || !(EndsWith(s, " image") || EndsWith(s, " photo")))
    return false;
  for (std::string_view kind :
       {"thumbnail ", "featured ", "main ", "hero ", "lead ", "header "}) {
    if (StartsWith(s, kind)) return true;
  }
  return false;
}

// A picture's caption ends in its credit: "Wes Streeting has said he is
// ‘certainly not going to blame NHS staff’. Photograph: Wiktor
// Szymanowicz/Rex/Shutterstock", "Addenbrooke's Hospital Picture: Keith
// Heppell (53013108)": a few words after a capitalised label, at the end of
// the line. Returns where the label starts, or npos.
std::size_t CreditAt(std::string_view line) {
  // The label's colon is near the line's end: only the last ": "s are
  // looked at, and only the line's last 160 bytes.
  constexpr std::size_t kTail = 160;
  const std::size_t from = line.size() > kTail ? line.size() - kTail : 0;
  for (std::size_t colon = line.rfind(": ");
       colon != std::string_view::npos && colon > from;
       colon = line.rfind(": ", colon - 1)) {
    const std::string_view credit = line.substr(colon + 2);
    if (CountWords(credit) > 8 || credit.find(". ") != std::string_view::npos)
      return std::string_view::npos;
    for (std::string_view label : {"Photograph", "Photo", "Picture", "Image",
                                   "Credit", "Composite", "Illustration"}) {
      if (colon <= label.size() ||
          line.substr(colon - label.size(), label.size()) != label)
        continue;
      const std::size_t at = colon - label.size();
      const char before = line[at - 1];
      if (before == ' ' || before == '.' || before == '\'' || before == '"' ||
          static_cast<unsigned char>(before) >= 0x80)
        return at;
    }
  }
  return std::string_view::npos;
}

// A block of credited captions (pages print a caption twice).
bool IsCaptionWithCredit(const Block& b) {
  return b.words <= 120 &&
         std::all_of(b.lines.begin(), b.lines.end(), [](const std::string& l) {
           return CreditAt(l) != std::string_view::npos;
         });
}

// Other furniture recognised from the line alone.
bool IsMiscFurniture(const Block& b, const Words& w) {
  const std::string& s = b.lower;
  if (w.empty()) return true;
  // Lines made only of punctuation ("---", "* * *").
  bool any_alnum = std::any_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  });
  if (!any_alnum) return true;
  // (After an icon's character: "@ Contact us".)
  if (b.words <= 3 && (s == "contact us" || s == "@ contact us")) return true;
  if (b.words <= 3 &&
      (s == "advertisement" || s == "advert" || s == "sponsored" ||
       s == "loading..." || s == "loading" || s == "exclusive" ||
       s == "close" || s == "menu" || s == "search" || s == "home" ||
       s == "skip to content" || s == "skip to main content" ||
       s == "accessibility links")) {
    return true;
  }
  // A web server's error in place of an include: "[an error occurred
  // while processing this directive]" (old BBC News pages).
  if (s == "[an error occurred while processing this directive]") return true;
  // "Skip to main contentSkip to navigation": a page's skip links, run
  // together.
  if (b.words <= 8 && StartsWith(s, "skip to ")) return true;
  // An archive's notice: "This article is more than 5 years old".
  if (b.words <= 9 && StartsWith(s, "this article is more than ") &&
      EndsWith(s, " old"))
    return true;
  // A title's leftover suffix on a line of its own: "- ITV Report" (not a
  // list's item, "- What is up?", nor a byline, "- By Richard Marsden").
  if (b.words <= 4 &&
      (StartsWith(s, "- ") || StartsWith(s, "\xE2\x80\x93 ") ||
       StartsWith(s, "| ")) &&
      !StartsWith(std::string_view(s).substr(s.find(' ') + 1), "by ")) {
    const std::vector<std::string> rest =
        SplitWords(b.text.substr(b.text.find(' ') + 1));
    if (!rest.empty() &&
        std::all_of(rest.begin(), rest.end(), [](const std::string& x) {
          return std::isupper(static_cast<unsigned char>(x[0])) &&
                 std::isalnum(static_cast<unsigned char>(x.back()));
        }))
      return true;
  }
  // A reading time ("1 min read"), a search form's labels ("Search tips
  // Search criteria"), a date's label with no date ("Last updated:").
  if (b.words <= 4 && (EndsWith(s, " min read") || EndsWith(s, " mins read") ||
                       StartsWith(s, "search tips"))) {
    return true;
  }
  {
    std::string_view label = s;
    while (!label.empty() && (label.back() == ':' || label.back() == ' '))
      label.remove_suffix(1);
    while (!label.empty() && (label.front() == '-' || label.front() == ' '))
      label.remove_prefix(1);
    if (label == "published" || label == "last updated" || label == "updated" ||
        label == "posted" || label == "first published")
      return true;
  }
  // A weather widget's reading: "| 13.5°C Belfast".
  {
    const std::size_t degree = s.find("\xC2\xB0");
    if (b.words <= 6 && degree != std::string::npos && degree > 0 &&
        std::isdigit(static_cast<unsigned char>(s[degree - 1])) &&
        degree + 2 < s.size() && (s[degree + 2] == 'c' || s[degree + 2] == 'f'))
      return true;
  }
  if (IsImagePlaceholder(b)) return true;
  // A picture's caption over its agency's credit ("Donald Trump sparked
  // another dispute after criticising the NHS" / "REUTERS"), or the credit
  // alone.
  {
    if (b.words <= 40 && IsNewsAgency(AsciiLower(TrimView(b.lines.back()))))
      return true;
  }
  // A paper's edition: "WEST END FINAL", "LATE EDITION", "Scotland edition".
  if (b.words <= 4 && (EndsWith(s, " final") || EndsWith(s, " edition")) &&
      std::none_of(b.text.begin(), b.text.end(),
                   [](char c) { return c == '.' || c == ',' || c == ':'; }))
    return true;
  // A publisher's notice: "Chemist + Druggist is part of Pharma
  // Intelligence UK Limited", "Printed By", "This is operated by ..., a
  // company registered in England and Wales ...", "This copy is for your
  // personal, non-commercial use."
  if (b.words <= 80 &&
      (s.find("company registered in england") != std::string::npos ||
       s.find("registered office is") != std::string::npos ||
       s.find("for your personal, non-commercial use") != std::string::npos))
    return true;
  if (s == "printed by" ||
      (b.words <= 16 && s.find(" is part of ") != std::string::npos &&
       (EndsWith(s, " limited") || EndsWith(s, " ltd") || EndsWith(s, " plc") ||
        EndsWith(s, " group"))))
    return true;
  // Copyright and legal footers.
  if (b.words <= 25 &&
      (StartsWith(s, "\xC2\xA9") || StartsWith(s, "copyright") ||
       s.find("all rights reserved") != std::string::npos)) {
    return true;
  }
  // A donation appeal: "Your support helps us to tell the story Read more
  // Support Now ... Your donation allows us to keep sending journalists".
  if (b.words <= 250 &&
      (StartsWith(s, "your support helps us") ||
       s.find("your donation allows us") != std::string::npos))
    return true;
  // A subscription's notices: "Subscription Notification", "Please update
  // your billing details here to continue enjoying your subscription."
  // (And a lapsed payment's: "We haven't been able to take payment", "You
  // must update your payment details ...", "Act now to keep your
  // subscription".)
  if (s == "subscription notification" ||
      (b.words <= 40 &&
       (s.find("billing details") != std::string::npos ||
        s.find("billing information") != std::string::npos ||
        s.find("your subscription will") != std::string::npos ||
        s.find("your subscription is due") != std::string::npos ||
        s.find("keep your subscription") != std::string::npos ||
        s.find("your payment details") != std::string::npos ||
        s.find("been able to take payment") != std::string::npos)))
    return true;
  // Breadcrumbs set apart by runs of spaces: "Home   News   Article".
  if (b.words <= 6 && StartsWith(s, "home ") && b.lines.size() == 1 &&
      b.lines[0].find("   ") != std::string::npos)
    return true;
  // Picture captions and credits: "Steve Crocker, the ADCS vice-president
  // (credit: ADCS)".
  if (b.words <= 40 && (s.find("(credit:") != std::string::npos ||
                        s.find("(picture:") != std::string::npos ||
                        s.find("(photo:") != std::string::npos))
    return true;
  for (std::string_view label :
       {"image of ", "image caption", "image copyright", "image source",
        "photo:", "picture:", "photograph:", "pictured:", "credit:",
        "getty images"}) {
    if (StartsWith(s, label) && b.words <= 25) return true;
  }
  // A video's caption over the BBC's notice: "Unidentified patient with
  // crutches holds paperwork" / "Media playback is unsupported on your
  // device".
  if (b.words <= 40 &&
      EndsWith(s, "media playback is unsupported on your device"))
    return true;
  // "Labels: nhs, reform", "Tags: ...", "Filed under: ...".
  for (std::string_view label :
       {"labels:", "tags:", "filed under:", "categories:", "category:",
        "topics:", "share this:", "like this:"}) {
    if (StartsWith(s, label) && b.words <= 20) return true;
  }
  // A news reader app's promotion over the story: "Get all your news in
  // one place." / "100’s of premium titles." / "One app." / "Start
  // reading".
  if (b.words <= 8 &&
      (s == "get all your news in one place." || s == "one app." ||
       s == "start reading" || EndsWith(s, " of premium titles.")))
    return true;
  // A site search's empty answer: "No Result" / "View All Result".
  if (s == "no result" || s == "view all result") return true;
  // A donation appeal: "Support our Nation today - please donate here".
  if (b.words <= 15 && (s.find("please donate") != std::string::npos ||
                        s.find("donate here") != std::string::npos ||
                        s.find("donate now") != std::string::npos))
    return true;
  // Breadcrumbs: "News / Adult Social Care", each part capitalised.
  if (b.words <= 8 && b.lines.size() == 1 &&
      b.text.find(" / ") != std::string::npos && !EndsWithPeriodLike(s)) {
    bool parts = true;
    std::string_view rest = b.text;
    while (parts && !rest.empty()) {
      const std::size_t slash = rest.find(" / ");
      const std::string_view part = TrimView(rest.substr(0, slash));
      parts =
          !part.empty() && std::isupper(static_cast<unsigned char>(part[0]));
      rest = slash == std::string_view::npos ? "" : rest.substr(slash + 3);
    }
    if (parts) return true;
  }
  // Breadcrumbs: "Home > News > Policy".
  if (b.words <= 12 &&
      (s.find(" > ") != std::string::npos ||
       s.find(" \xC2\xBB ") != std::string::npos) &&
      !EndsWithPeriodLike(s)) {
    return true;
  }
  // Short imperative navigation: "Click here", "Follow us on Twitter",
  // "Back to top", "Email this BlogThis!".
  if (w.size() <= kMaxNavWords && StartsWithUiVerb(w) &&
      !EndsWithPeriodLike(s)) {
    if (IsToolbar(b, w)) return true;
    if (w[0] == "click" || w[0] == "skip" || w[0] == "jump" ||
        StartsWithPhrase(w, {"follow", "us"}) ||
        StartsWithPhrase(w, {"back", "to"}) ||
        StartsWithPhrase(w, {"return", "to"}) ||
        StartsWithPhrase(w, {"go", "to"}) ||
        StartsWithPhrase(w, {"see", "all"}) ||
        StartsWithPhrase(w, {"view", "all"}) ||
        StartsWithPhrase(w, {"show", "more"}) ||
        StartsWithPhrase(w, {"read", "full"}) ||
        StartsWithPhrase(w, {"contact", "us"}) ||
        StartsWithPhrase(w, {"join", "us"}) ||
        StartsWithPhrase(w, {"join", "the", "discussion"})) {
      return true;
    }
  }
  // "Posted by Jane Smith at 10:32" (blog post footer) is handled as a byline.
  return false;
}

bool IsCapitalisedWord(std::string_view w);

// A newspaper's name on its own, as a press archive prints it over the
// story: "The Daily Telegraph", "The Mail on Sunday", "Express & Star",
// "The Courier & Advertiser (Fife Edition)". At most six capitalised words
// (and joiners), the last of them before any bracket a newspaper's noun.
bool LooksLikeMasthead(const Block& b) {
  if (b.words > 8 || b.lines.size() != 1) return false;
  std::string_view t = b.text;
  const std::size_t bracket = t.find(" (");
  if (bracket != std::string_view::npos) t = t.substr(0, bracket);
  const std::vector<std::string> words = SplitWords(t);
  if (words.empty() || words.size() > 6) return false;
  for (const std::string& w : words) {
    if (!IsCapitalisedWord(w) && w != "&" && w != "on" && w != "of" &&
        w != "and" && w != "the")
      return false;
  }
  static const std::set<std::string_view> kPaperNouns = {
      "Telegraph", "Times",       "Mail",     "Express",  "Star",
      "Courier",   "Advertiser",  "Herald",   "Echo",     "Post",
      "Gazette",   "Chronicle",   "Guardian", "Observer", "Mirror",
      "Standard",  "Independent", "Record",   "Journal",  "Argus",
      "Examiner",  "Sun",         "Sentinel", "Citizen",  "Mercury",
      "Scotsman",  "Press",       "Sunday",   "Leader",   "Bulletin"};
  if (!kPaperNouns.count(words.back())) return false;
  // "The Mail on Sunday" but not a headline ending in "Sunday".
  return words.back() != "Sunday" ||
         (words.size() >= 3 && words[words.size() - 2] == "on");
}

// A tagline or masthead: the site's motto in its header. Recognised by the
// phrases mottos use; position does the rest (see ChooseTitle).
bool LooksLikeTagline(const Block& b) {
  if (LooksLikeMasthead(b)) return true;
  const std::string& s = b.lower;
  if (b.words > 14 || EndsWithPeriodLike(s)) return false;
  for (std::string_view p : {" since 1",           " since 2",
                             "established in",     "est. ",
                             "the voice of",       "the home of",
                             "at the heart of",    "the leading",
                             "the magazine",       "the journal",
                             "for everyone in",    "news and views",
                             "news, views",        "the independent voice",
                             "the official",       "your source",
                             "the uk's",           "the uk\xE2\x80\x99s",
                             "the best of",        "newspaper of the year",
                             "website of the year"}) {
    if (s.find(p) != std::string::npos) return true;
  }
  return false;
}

enum class Kind {
  kText,             // story (or, after the comment heading, comment) text
  kFurniture,        // dropped
  kLinkListHeading,  // dropped, and the link lines after it
  kCommentHeading,   // starts the comment section
  kCommentSeparator,
  kEndMarker,  // nothing after it is kept
};

Kind Classify(const Block& b) {
  Words w = PlainWords(b.lower);
  if (IsCommentSeparator(b)) return Kind::kCommentSeparator;
  if (IsCommentHeading(b)) return Kind::kCommentHeading;
  if (IsEndMarker(b)) return Kind::kEndMarker;
  if (IsLinkListHeading(b)) return Kind::kLinkListHeading;
  if (IsCookieBanner(b) || IsBrowserNotice(b) || IsAudienceGate(b) ||
      IsAccountPrompt(b, w) || IsToolbar(b, w) || IsMiscFurniture(b, w)) {
    return Kind::kFurniture;
  }
  return Kind::kText;
}

bool IsCapitalisedWord(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// "Jane Smith", "Dr Mark O'Neill", "Star Geezer": 1-5 capitalised words, no
// digits, no sentence punctuation. (Lower-case joiners like "de", "van" ok.)
bool IsNameLike(std::string_view text, std::size_t max_words = 5) {
  text = TrimView(text);
  std::vector<std::string> words = SplitWords(text);
  if (words.empty() || words.size() > max_words) return false;
  if (!IsCapitalisedWord(words.front()) || !IsCapitalisedWord(words.back()))
    return false;
  for (const std::string& w : words) {
    for (char c : w) {
      if ((c >= '0' && c <= '9') || c == '?' || c == '!' || c == ';' ||
          c == ':' || c == ',' || c == '"' || c == '(' || c == ')' ||
          c == '|' || c == '/' || c == '@' || c == '>') {
        return false;
      }
    }
    // A full stop only after an initial ("J. Smith") or a title ("Dr.").
    if (w.back() == '.' && w.size() > 3) return false;
    if (!IsCapitalisedWord(w)) {
      std::string lw = AsciiLower(w);
      if (lw != "de" && lw != "van" && lw != "von" && lw != "der" &&
          lw != "da" && lw != "la" && lw != "le" && lw != "of" && lw != "bin" &&
          lw != "al") {
        return false;
      }
    }
  }
  return true;
}

// "By Jane Smith", "By Jane Smith, Health Correspondent", "Posted by Jane
// Smith at 10:32". Returns the name, or nullopt if the block is not a byline.
// A byline with no "By": a person's name alone ("Jo Carlowe") or a
// desk's ("OnMedica staff").
bool IsBareByline(const Block& b) {
  // (Not a paper's name: "Daily Express".)
  if (b.words > 4 || LooksLikeMasthead(b)) return false;
  if (IsNameLike(b.text, 4) && b.words >= 2) return true;
  const std::string& s = b.lower;
  for (std::string_view desk :
       {" staff", " reporter", " reporters", " correspondent", " newsdesk"}) {
    if (s.size() > desk.size() &&
        s.compare(s.size() - desk.size(), desk.size(), desk) == 0)
      return true;
  }
  return false;
}

// A byline's name without the job title after it: "Lizzie Roberts HEALTH
// REPORTER", "Alex Matthews-King Health Correspondent" -> the name. The
// title starts at the first of its words after at least two of the name.
bool IsJobTitleWord(std::string_view word) {
  static const std::set<std::string, std::less<>> kTitleWords = {
      "health", "editor", "correspondent", "reporter", "political", "chief",
      "senior", "science", "social", "affairs", "home", "deputy", "medical",
      "news", "writer", "journalist", "columnist", "business", "economics",
      "education", "consumer", "investigations", "local", "democracy",
      "associate", "assistant", "contributing", "special",
      // "Graeme Anderson, Local Democracy Reporting Service"
      "reporting"};
  return kTitleWords.count(AsciiLower(word)) > 0;
}

// The word that ends a job title: "Editor", "Correspondent", "Producer".
bool IsJobTitleHead(std::string_view word) {
  static const std::set<std::string, std::less<>> kHeads = {
      "editor", "correspondent", "reporter", "producer",
      "writer", "journalist",    "columnist"};
  return kHeads.count(AsciiLower(word)) > 0;
}

std::string WithoutJobTitle(std::string_view name) {
  const std::vector<std::string> words = SplitWords(name);
  std::size_t keep = words.size();
  for (std::size_t i = 2; i < words.size(); ++i) {
    if (IsJobTitleWord(words[i])) {
      keep = i;
      break;
    }
  }
  std::string out;
  for (std::size_t i = 0; i < keep; ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

// A byline line without "By": a name and then the date ("Dan Peters 21
// December 2017", run together in "Tom Powell6 February 2018"), an email
// address ("STUART PIKE accringtonobserver@menmedia.co.uk") or a reporter's
// job title after a comma ("Richard Evans, local democracy reporter").
std::optional<std::string> BareBylineLine(std::string_view t) {
  t = TrimView(t);
  const std::size_t digit = t.find_first_of("0123456789");
  const std::size_t comma = t.find(", ");
  const std::size_t at = t.find('@');
  std::string_view name;
  if (comma != std::string_view::npos && comma < digit) {
    // (Or a desk's name before the title: "Chris Haines, ICNN Senedd
    // reporter".)
    const std::vector<std::string> title = SplitWords(t.substr(comma + 2));
    if (title.empty() || title.size() > 4 ||
        !(std::all_of(title.begin(), title.end(),
                      [](const std::string& w) { return IsJobTitleWord(w); }) ||
          ((IsJobTitleHead(title.back()) ||
            (AsciiLower(title.back()) == "service" && title.size() >= 2 &&
             IsJobTitleWord(title[title.size() - 2]))) &&
           std::all_of(title.begin(), title.end() - 1,
                       [](const std::string& w) {
                         return IsCapitalisedWord(w) || IsJobTitleWord(w);
                       }))))
      return std::nullopt;
    name = t.substr(0, comma);
  } else if (at != std::string_view::npos && at < digit) {
    const std::size_t space = t.rfind(' ', at);
    if (space == std::string_view::npos ||
        t.find(' ', at) != std::string_view::npos)
      return std::nullopt;
    name = t.substr(0, space);
  } else if (digit != std::string_view::npos &&
             ParseDateLine(t.substr(digit)) &&
             !ParseDateLine(t.substr(0, digit))) {
    name = t.substr(0, digit);
  } else if (t.size() % 2 == 1 && t[t.size() / 2] == ' ' &&
             t.substr(0, t.size() / 2) == t.substr(t.size() / 2 + 1)) {
    // A name printed twice, as the picture's text and the link's: "Isabel
    // Hardman Isabel Hardman".
    name = t.substr(0, t.size() / 2);
  } else {
    return std::nullopt;
  }
  name = TrimView(name);
  if (CountWords(name) < 2 || !IsNameLike(name, 4)) return std::nullopt;
  // Not a date's label: "Last Updated 21 December 2017".
  for (const std::string& w : SplitWords(name)) {
    static const std::set<std::string, std::less<>> kLabels = {
        "published", "updated", "posted", "modified", "created",
        "last",      "first",   "date",   "on",       "at"};
    if (kLabels.count(AsciiLower(w))) return std::nullopt;
  }
  return std::string(name);
}

// The verbs by which a standfirst names its writer (see StandfirstWriter).
constexpr std::string_view kWriterVerbs[] = {"writes ", "tells ", "analyses ",
                                             "reports", "investigates "};

// The writer a standfirst names: "..., writes Craig Kenny.", "Jaimie
// Kaffash analyses the implications", "Correspondent Nancy Cole reports.",
// "Tony Whitfield tells Seamus Ward about the past 12 months". A name of
// two or three capitalised words (not a paper's or a programme's: "tells
// Sky News").
std::optional<std::string> StandfirstWriter(std::string_view paragraph) {
  // (Most paragraphs name no writer: look for the verbs first.)
  if (std::none_of(std::begin(kWriterVerbs), std::end(kWriterVerbs),
                   [&](std::string_view v) {
                     return paragraph.find(v) != std::string_view::npos;
                   }) ||
      CountWords(paragraph) > 60)
    return std::nullopt;
  const std::vector<std::string> words = SplitWords(paragraph);
  auto name_at = [&](std::size_t i,
                     std::size_t n) -> std::optional<std::string> {
    if (i + n > words.size()) return std::nullopt;
    std::string name;
    for (std::size_t k = i; k < i + n; ++k) {
      std::string_view w = words[k];
      while (!w.empty() && (w.back() == '.' || w.back() == ',')) {
        if (k + 1 < i + n) return std::nullopt;  // a stop inside the name
        w.remove_suffix(1);
      }
      if (w.size() < 2 || !IsCapitalisedWord(w) ||
          std::all_of(w.begin(), w.end(), [](char c) {
            return !std::islower(static_cast<unsigned char>(c));
          }))
        return std::nullopt;
      name += (name.empty() ? "" : " ") + std::string(w);
    }
    if (LooksLikeMasthead(MakeBlock({name}))) return std::nullopt;
    static const std::set<std::string, std::less<>> kNotPeople = {
        "News", "Radio", "Today", "Online", "TV",   "Magazine", "Programme",
        "Show", "Live",  "Pulse", "Times",  "Post", "Mail",     "Journal"};
    if (kNotPeople.count(name.substr(name.rfind(' ') + 1))) return std::nullopt;
    return name;
  };
  auto name_before = [&](std::size_t verb) -> std::optional<std::string> {
    for (std::size_t n : {std::size_t{3}, std::size_t{2}}) {
      if (verb < n) continue;
      const std::size_t i = verb - n;
      // The name opens a clause: the paragraph, or after a comma or stop.
      // Or after a job's title: "Health Correspondent Nancy Cole reports".
      const bool opens = i == 0 || words[i - 1].back() == ',' ||
                         words[i - 1].back() == '.' ||
                         IsJobTitleHead(words[i - 1]);
      if (!opens) continue;
      if (auto name = name_at(i, n)) return name;
    }
    return std::nullopt;
  };
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string verb = AsciiLower(words[i]);
    if (verb == "writes" && i > 0 && words[i - 1].back() == ',') {
      // ", writes Craig Kenny." ending the standfirst.
      for (std::size_t n : {std::size_t{3}, std::size_t{2}}) {
        if (i + 1 + n == words.size())
          if (auto name = name_at(i + 1, n)) return name;
      }
    }
    if (verb == "tells") {
      // "... tells Denis Campbell" at a clause's end, or before "about",
      // "why", "how", "what" or "that".
      for (std::size_t n : {std::size_t{3}, std::size_t{2}}) {
        const std::size_t after = i + 1 + n;
        if (after > words.size()) continue;
        const bool ends = after == words.size() ||
                          words[after - 1].back() == '.' ||
                          words[after - 1].back() == ',';
        const std::string next =
            after < words.size() ? AsciiLower(words[after]) : "";
        if (ends || next == "about" || next == "why" || next == "how" ||
            next == "what" || next == "that")
          if (auto name = name_at(i + 1, n)) return name;
      }
    }
    if ((verb == "analyses" || verb == "reports" || verb == "reports." ||
         verb == "investigates") &&
        i >= 2) {
      if (auto name = name_before(i)) return name;
    }
  }
  return std::nullopt;
}

// The date of a byline line whose name runs into it: "Tom Powell6 February
// 2018" -> "6 February 2018" (which the whole line does not parse as).
std::optional<std::string> DateAfterName(std::string_view line) {
  const std::size_t digit = line.find_first_of("0123456789");
  if (digit == std::string_view::npos || digit == 0 || ParseDateLine(line) ||
      !ParseDateLine(line.substr(digit)))
    return std::nullopt;
  return std::string(line.substr(digit));
}

std::optional<std::string> ParseBylineBlock(const Block& b) {
  if (b.words > 14) return std::nullopt;
  std::string_view t = b.text;
  // A press archive's byline is a list item: "- By Laura Donnelly HEALTH
  // EDITOR".
  if (StartsWith(t, "- ")) t.remove_prefix(2);
  if (StartsWith(t, "\xE2\x80\x93 ")) t.remove_prefix(4);  // an en dash
  std::size_t skip = 0;
  for (std::string_view lead :
       {"Posted by ", "Written by ", "Words by ", "Story by ", "Reporting by ",
        "Exclusive by ", "By: ", "By ", "BY ", "Author: "}) {
    if (StartsWithIgnoreCase(t, lead)) {
      skip = lead.size();
      break;
    }
  }
  if (skip == 0) return BareBylineLine(t);
  std::string_view rest = TrimView(t.substr(skip));
  // "By chief reporter Angela Cole": a job title before the name, in lower
  // case.
  for (int words = 0;
       words < 3 && !rest.empty() && rest[0] >= 'a' && rest[0] <= 'z' &&
       rest.find(' ') != std::string_view::npos;
       ++words) {
    rest = TrimView(rest.substr(rest.find(' ')));
  }
  // Cut at a separator: a comma, "|", " at ", " on ", a dash, a date.
  std::size_t cut = rest.size();
  // (And a date's label run into the name: "Author: Nadia
  // FerrarisPublished 7th Feb 2026".)
  for (std::string_view label : {"Published", "Updated", "Posted"}) {
    const std::size_t p = rest.find(label);
    if (p != std::string_view::npos && p > 0 && rest[p - 1] >= 'a' &&
        rest[p - 1] <= 'z' && p < cut)
      cut = p;
  }
  // (Also a social handle: "By Gareth Joy X @lookoutwales2".)
  for (std::string_view sep :
       {",", "|", " at ", " on ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
        " in ", " (", " for ", " X @", " @"}) {
    std::size_t p = rest.find(sep);
    if (p != std::string_view::npos && p < cut) cut = p;
  }
  // (And an email address: "By AMY ORTON Local Democracy Reporter
  // amy.orton@reachplc.com".)
  const std::size_t at = rest.find('@');
  if (at != std::string_view::npos && at < cut) {
    const std::size_t space = rest.rfind(' ', at);
    cut = space == std::string_view::npos ? 0 : space;
  }
  std::string_view name = TrimView(rest.substr(0, cut));
  std::string_view tail = TrimView(rest.substr(cut));
  // A job title before the name, capitalised: "by ITV News National Editor
  // Allegra Stratton and Health and Science Producer Patrick Russell". Each
  // name is the words after a title's last word, up to "and".
  {
    const std::vector<std::string> words = SplitWords(name);
    std::string people;
    for (std::size_t j = 1; j + 1 < words.size(); ++j) {
      if (!IsJobTitleHead(words[j])) continue;
      std::string person;
      for (std::size_t k = j + 1; k < words.size() && k < j + 4; ++k) {
        if (words[k] == "and" || IsJobTitleWord(words[k])) break;
        person += (person.empty() ? "" : " ") + words[k];
      }
      if (CountWords(person) < 2 || !IsNameLike(person, 3)) break;
      people += (people.empty() ? "" : " and ") + person;
    }
    if (!people.empty()) return people;
  }
  // Two authors: "By Laura Donnelly and Henry Bodkin".
  const std::size_t both = name.find(" and ");
  if (both != std::string_view::npos && IsNameLike(name.substr(0, both), 4) &&
      IsNameLike(name.substr(both + 5), 6)) {
    return std::string(name.substr(0, both + 5)) +
           WithoutJobTitle(name.substr(both + 5));
  }
  // (The job title cut first, in any case: "- By Lucy Fisher deputy
  // Political Editor".)
  std::string bare = WithoutJobTitle(name);
  if (!IsNameLike(bare, 6)) return std::nullopt;
  // Whatever follows the name must not be a sentence.
  if (!tail.empty() && EndsWithPeriodLike(AsciiQuotes(tail)) &&
      !ParseDateLine(t)) {
    return std::nullopt;
  }
  return bare;
}

// A journal's citation line gives the date in brackets: "BMJ 2012; 344 doi:
// https://doi.org/10.1136/bmj.e3673 (Published 24 May 2012) Cite this as:
// BMJ 2012;344:e3673". Returns "Published 24 May 2012", a dateline. So do
// PubMed Central's header lines.
std::optional<std::string> CitationDateLine(const Block& b) {
  if (b.words > 40) return std::nullopt;
  // PubMed Central's header: "Published online 2007 June 29. doi: ...".
  const std::size_t online = b.text.find("Published online ");
  if (online != std::string::npos && b.text.find("doi:") != std::string::npos) {
    const std::string_view rest = std::string_view(b.text).substr(online + 17);
    std::size_t length = 0;
    if (ParseDatePrefix(rest, &length))
      return "Published " + std::string(rest.substr(0, length));
  }
  // Or its citation of the issue: "BMJ. 2007 June 30; 334(7608): 1337."
  // over "PMCID: PMC1906655".
  if (b.text.find("PMCID:") != std::string::npos) {
    for (const std::string& line : b.lines) {
      const std::size_t dot = line.find(". ");
      if (dot == std::string::npos || dot > 40) continue;
      const std::string_view rest = std::string_view(line).substr(dot + 2);
      std::size_t length = 0;
      if (ParseDatePrefix(rest, &length) && length < rest.size() &&
          rest[length] == ';')
        return "Published " + std::string(rest.substr(0, length));
    }
  }
  const std::size_t p = b.text.find("(Published ");
  if (p == std::string::npos) return std::nullopt;
  const std::string_view rest = std::string_view(b.text).substr(p + 11);
  std::size_t length = 0;
  if (!ParseDatePrefix(rest, &length) || length >= rest.size() ||
      rest[length] != ')')
    return std::nullopt;
  return "Published " + std::string(rest.substr(0, length));
}

// A journal's author under its citation: the first numbered line after it
// that is a name ("Abi Rimmer" / "BMJ Careers" / "arimmer{at}bmj.com", each
// as "1. ..."; "Helen Jaques, news reporter"), or a name after a dash at the
// citation's end ("Cite this as: BMJ 2024;386:q1794- Gareth Iacobucci").
std::optional<std::string> CitationByline(const Block& b) {
  for (std::size_t i = 0; i < b.lines.size(); ++i) {
    const std::string& line = b.lines[i];
    if (line.find("Cite this as:") == std::string::npos) continue;
    const std::size_t dash = line.rfind("- ");
    if (dash != std::string::npos) {
      const std::string name = Trim(std::string_view(line).substr(dash + 2));
      if (CountWords(name) >= 2 && IsNameLike(name, 4)) return name;
    }
    for (std::size_t j = i + 1; j < b.lines.size() && j < i + 4; ++j) {
      std::string_view item = b.lines[j];
      const std::size_t dot = item.find(". ");
      if (dot == std::string_view::npos || dot == 0 || dot > 2 ||
          !std::all_of(item.begin(), item.begin() + dot,
                       [](char c) { return c >= '0' && c <= '9'; }))
        break;
      item = item.substr(dot + 2);
      item = item.substr(0, item.find(','));
      const std::string name = Trim(item);
      if (CountWords(name) >= 2 && IsNameLike(name, 4)) return name;
    }
    break;
  }
  return std::nullopt;
}

// Splits a dateline or a byline out of a block of lines that are not
// wrapped text: "ICB cuts could mean merging systems" / "By Beth Gault" /
// "27 March 2025" with no blank line between them are a headline, a byline
// and a dateline, not one paragraph.
// And before the story's first sentence, a headline-like first line over
// a longer line that starts with a capital is a headline over its
// standfirst: "The inspector falls: why the CQC needs a fresh start" /
// "After years of chaos, the Care Quality Commission urgently needs ...".
// (Not a headline wrapped onto a second line, which starts in lower case.)
std::vector<Block> SplitHeaderLines(std::vector<Block> blocks) {
  std::vector<Block> out;
  out.reserve(blocks.size());
  bool before_story = true;
  for (Block& b : blocks) {
    bool header = false;  // the first block of lines before the story
    // (A journal's citation is left whole for CitationDateLine.)
    if (b.lines.size() < 2 || b.bullet || WrapWidth(b.lines) > 0 ||
        CitationDateLine(b)) {
      before_story = before_story && !EndsWithPeriodLike(b.lower);
      out.push_back(std::move(b));
      continue;
    }
    if (before_story) {
      // Furniture lines over the headline in the same block: "Subscription
      // Notification" / "Ministers expect 'well funded' NHS to deliver".
      // (After a crawler's date line: " date 2022-02-08" / "Subscription
      // Notification" / "Ministers expect ...".)
      while (b.lines.size() >= 2 &&
             (Classify(MakeBlock({b.lines[0]})) != Kind::kText ||
              (out.empty() && IsDateOnlyLine(b.lines[0])))) {
        out.push_back(MakeBlock({b.lines[0]}));
        b.lines.erase(b.lines.begin());
      }
      // A section's label over the headline: "Health" / "Scale of
      // ambulance waits revealed" / "OVER 10,000 people ...".
      // (One word: two may be a byline's name, "Alex Matthews-King" /
      // "Health Correspondent" / "Friday 12 January 2018".)
      if (b.lines.size() >= 3 && CountWords(b.lines[0]) == 1 &&
          IsCapitalisedWord(b.lines[0]) && CountWords(b.lines[1]) >= 3 &&
          !EndsWithPeriodLike(LowerAsciiQuotes(b.lines[0]))) {
        out.push_back(MakeBlock({b.lines[0]}));
        b.lines.erase(b.lines.begin());
      }
      const std::string& head = b.lines[0];
      const std::string& next = b.lines[1];
      const std::size_t words = CountWords(head);
      if (words >= 3 && words <= kMaxTitleWords &&
          !EndsWithPeriodLike(LowerAsciiQuotes(head)) &&
          IsCapitalisedWord(next) && Columns(next) > Columns(head)) {
        out.push_back(MakeBlock({head}));
        b.lines.erase(b.lines.begin());
      }
      before_story = false;
      header = true;
    }
    std::vector<std::string> current;
    bool after_own_line = false;
    // In the page's header, the short lines between a dateline and the
    // story's first sentence are each their own: the headline, then a
    // picture's captions ("Last Updated: Tuesday, 4 March, 2003" /
    // "Milburn defends hospital plans" / "St Thomas's Hospital in London"
    // / "Alan Milburn has said ..."). (Not when no sentence follows them:
    // a press archive's "Health Secretary vows to ..." / "JOHN STEVENS"
    // under its headline and dateline.)
    auto flush = [&] {
      if (current.empty()) return;
      std::size_t k = 0;
      if (header && after_own_line &&
          EndsWithPeriodLike(LowerAsciiQuotes(current.back()))) {
        while (k + 1 < current.size() &&
               CountWords(current[k]) <= kMaxTitleWords &&
               !EndsWithPeriodLike(LowerAsciiQuotes(current[k])) &&
               Classify(MakeBlock({current[k]})) == Kind::kText) {
          out.push_back(MakeBlock({std::move(current[k])}));
          ++k;
        }
      }
      current.erase(current.begin(), current.begin() + static_cast<long>(k));
      out.push_back(MakeBlock(std::move(current)));
      current.clear();
    };
    for (std::string& line : b.lines) {
      // A press archive's masthead under the headline: "Our NHS is
      // 'fighting for its life'" / "Daily Express" / "|June 30, 2025".
      if (header && !current.empty() && LooksLikeMasthead(MakeBlock({line}))) {
        flush();
        out.push_back(MakeBlock({std::move(line)}));
        continue;
      }
      const bool own_line = ParseDateLine(line) || IsDateOnlyLine(line) ||
                            ParseBylineBlock(MakeBlock({line}));
      if (own_line) flush();
      current.push_back(std::move(line));
      if (own_line) {
        out.push_back(MakeBlock(std::move(current)));
        current.clear();
        after_own_line = true;
      }
    }
    flush();
  }
  return out;
}

// A short line with no capital letter ("latest health care news", "by") is
// a site's label, never a headline.
bool IsLowerCaseLabel(const Block& b) {
  if (b.words > 8 || EndsWithPeriodLike(b.lower)) return false;
  for (const std::string& word : SplitWords(b.text)) {
    // (Past an opening mark: "'Podcasters' look to net money".)
    std::string_view w = word;
    while (!w.empty() && (w[0] == '\'' || w[0] == '"' || w[0] == '('))
      w.remove_prefix(1);
    if (IsCapitalisedWord(w) || (!w.empty() && w[0] >= '0' && w[0] <= '9'))
      return false;
  }
  return true;
}

// Headline-like: a line of a few words that does not end like a sentence.
bool IsHeadlineLike(const Block& b) {
  return b.words >= 1 && b.words <= kMaxTitleWords &&
         !EndsWithPeriodLike(b.lower) && b.lines.size() <= 2;
}

// The content words of a text (lower-case, 3+ letters, not stop words).
std::set<std::string> ContentWords(std::string_view lower) {
  static const std::set<std::string_view> kStop = {
      "the",   "and",  "for",  "with",  "that",  "this", "from", "has",
      "have",  "are",  "was",  "were",  "will",  "its",  "his",  "her",
      "their", "our",  "you",  "your",  "not",   "but",  "say",  "says",
      "said",  "into", "over", "after", "about", "more", "than", "new"};
  std::set<std::string> out;
  for (std::string_view v : PlainWords(lower)) {
    std::string w(v);
    // Drop possessives and plurals so "Labour's" meets "Labour".
    for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
      if (EndsWith(w, suffix)) w.resize(w.size() - suffix.size());
    }
    if (w.size() > 3 && w.back() == 's') w.pop_back();
    if (w.size() < 3 || kStop.count(w)) continue;
    out.insert(w);
  }
  return out;
}

// Share of the candidate's content words that the story text also uses.
double Overlap(const Block& candidate, const std::set<std::string>& story) {
  std::set<std::string> words = ContentWords(candidate.lower);
  if (words.empty()) return 0;
  std::size_t hits = 0;
  for (const std::string& w : words) hits += story.count(w);
  return static_cast<double>(hits) / static_cast<double>(words.size());
}

// Splits "Name | 25 September 2013 9:32am text..." into its parts.
void ParseCommentLead(Comment* c) {
  std::string_view t = c->text;
  std::size_t bar = t.find(" | ");
  if (bar == std::string_view::npos || bar > 60) return;
  std::string_view name = TrimView(t.substr(0, bar));
  std::string_view rest = TrimView(t.substr(bar + 3));
  std::size_t len = 0;
  std::optional<Date> date = ParseDatePrefix(rest, &len);
  if (!IsNameLike(name) && !date) return;
  if (c->author.empty()) c->author = std::string(name);
  if (date) {
    if (c->date.empty()) c->date = Trim(rest.substr(0, len));
    rest = TrimView(rest.substr(len));
  }
  c->text = std::string(rest);
}

// "“text” – Theodora Munroe, London": the author signs at the end, after a
// dash. Returns true and fills the author when that is the case.
void ParseCommentSignature(Comment* c) {
  if (!c->author.empty()) return;
  std::string_view t = c->text;
  for (std::string_view dash :
       {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", " -- "}) {
    std::size_t p = t.rfind(dash);
    if (p == std::string_view::npos) continue;
    std::string_view sig = TrimView(t.substr(p + dash.size()));
    std::string_view name = sig.substr(0, sig.find(','));
    std::string_view before = TrimView(t.substr(0, p));
    std::string ascii_before = AsciiQuotes(before);
    // The text before must end a sentence or a quotation.
    bool closed = !ascii_before.empty() &&
                  (ascii_before.back() == '"' || ascii_before.back() == '\'' ||
                   EndsSentence(ascii_before));
    if (closed && IsNameLike(name, 4) && CountWords(sig) <= 8 &&
        !EndsSentence(sig)) {
      c->author = Trim(name);
      c->text = std::string(before);
      return;
    }
  }
}

// "Jane Smith said...", "Anonymous said:", "Jane Smith wrote:".
std::optional<std::string> SaidLine(const Block& b) {
  if (b.words > 8) return std::nullopt;
  for (std::string_view verb : {" said...", " said\xE2\x80\xA6", " said:",
                                " says:", " wrote:", " writes:", " said"}) {
    if (EndsWith(b.text, verb)) {
      std::string name =
          Trim(std::string_view(b.text).substr(0, b.text.size() - verb.size()));
      if (IsNameLike(name) || EqualsIgnoreCase(name, "anonymous")) return name;
    }
  }
  return std::nullopt;
}

bool IsAnonymous(std::string_view author) {
  std::string a = AsciiLower(TrimView(author));
  return a.empty() || a == "anonymous" || a == "anon" || a == "guest" ||
         a == "unknown" || a == "a reader" || a == "name withheld" ||
         a == "name supplied";
}

// Splits the comment section (blocks after the heading) into comments.
std::vector<Comment> ParseComments(const std::vector<Block>& blocks,
                                   std::size_t begin, std::size_t end) {
  // Whether the page marks where each comment starts; if it does not, every
  // block is a comment of its own.
  bool delimited = false;
  for (std::size_t i = begin; i < end; ++i) {
    if (blocks[i].bullet || Classify(blocks[i]) == Kind::kCommentSeparator ||
        SaidLine(blocks[i])) {
      delimited = true;
    }
  }
  std::vector<Comment> comments;
  bool open = false;
  auto start = [&]() {
    comments.emplace_back();
    open = true;
  };
  for (std::size_t i = begin; i < end; ++i) {
    const Block& b = blocks[i];
    Kind kind = Classify(b);
    if (kind == Kind::kCommentSeparator) {
      open = false;
      continue;
    }
    if (kind == Kind::kFurniture) continue;
    if (b.bullet || !delimited) {
      start();
    } else if (auto said = SaidLine(b)) {
      start();
      comments.back().author = *said;
      continue;
    }
    if (IsDateOnlyLine(b.text)) {
      // A timestamp: before the text on some sites, after it on others.
      if (!open || comments.back().date.empty() == false) start();
      if (comments.back().date.empty()) comments.back().date = b.text;
      continue;
    }
    // A line that is only a name opens a comment (or names a fresh one).
    bool name_line = b.lines.size() == 1 && IsNameLike(b.text, 4);
    if (name_line && (!open || comments.back().text.empty()) &&
        (delimited || b.bullet)) {
      if (!open) start();
      if (comments.back().author.empty() && comments.back().text.empty()) {
        comments.back().author = b.text;
        continue;
      }
    }
    if (!open) start();
    Comment& c = comments.back();
    if (!c.text.empty()) c.text += "\n\n";
    // Comment lines are often written as lines (a poem, a list); keep them.
    for (std::size_t l = 0; l < b.lines.size(); ++l) {
      if (l > 0) c.text += '\n';
      c.text += CollapseWhitespace(b.lines[l]);
    }
  }
  std::vector<Comment> out;
  for (Comment& c : comments) {
    ParseCommentLead(&c);
    ParseCommentSignature(&c);
    if (IsAnonymous(c.author)) c.author.clear();
    c.text = Trim(c.text);
    if (c.text.empty()) continue;  // a name or timestamp without a comment
    out.push_back(std::move(c));
  }
  return out;
}

std::string Key(const Block& b) { return b.lower; }

// A menu: several short lines with no sentence among them ("BBC NEWS /
// Home / UK / Health"). Only looked for before the headline.
bool IsMenuBlock(const Block& b) {
  if (b.lines.size() < 3) return false;
  for (const std::string& l : b.lines) {
    if (CountWords(l) > 5 || EndsWithPeriodLike(AsciiLower(l))) return false;
  }
  return true;
}

// Among several headline-like lines with no dateline to separate them, the
// headline is the one whose words the story uses: mastheads and mottos
// share few words with the story. The first candidate the story bears out
// wins: a standfirst after the headline shares as many words, or more.
// The content words of the first six text blocks from block `from`: the
// story's opening, which its headline shares words with.
std::set<std::string> StoryWords(const std::vector<Block>& blocks,
                                 const std::vector<Kind>& kinds,
                                 std::size_t from) {
  std::set<std::string> story;
  std::size_t taken = 0;
  for (std::size_t i = from; i < blocks.size() && taken < 6; ++i) {
    if (kinds[i] == Kind::kCommentHeading) break;
    if (kinds[i] != Kind::kText) continue;
    std::set<std::string> w = ContentWords(blocks[i].lower);
    story.insert(w.begin(), w.end());
    ++taken;
  }
  return story;
}

std::size_t ChooseTitleByStory(const std::vector<Block>& blocks,
                               const std::vector<Kind>& kinds,
                               const std::vector<std::size_t>& candidates) {
  const std::set<std::string> story =
      StoryWords(blocks, kinds, candidates.back() + 1);
  std::size_t best = blocks.size();
  double best_score = -1;
  for (std::size_t k = 0; k < candidates.size(); ++k) {
    const Block& c = blocks[candidates[k]];
    bool last = k + 1 == candidates.size();
    if (!last && (LooksLikeTagline(c) || c.words < 3)) continue;
    double score = Overlap(c, story);
    if (best == blocks.size() ||
        (best_score < kWeakTitleOverlap && score >= best_score)) {
      best = candidates[k];
      best_score = score;
    }
  }
  return best;
}

// A crawler's record may open with its own date field, run into the page's
// first line: " date 2022-07-20 Gloucestershire care home closure challenge
// rejected". The field goes on a line of its own, a dateline before the
// page.
std::string CrawlerDateOnItsLine(const std::string& text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos ||
      !StartsWithIgnoreCase(std::string_view(text).substr(start), "date "))
    return text;
  const std::size_t iso = start + 5;
  std::size_t length = 0;
  if (text.size() < iso + 10 || text[iso + 4] != '-' || text[iso + 7] != '-' ||
      !ParseDatePrefix(std::string_view(text).substr(iso, 10), &length) ||
      length != 10)
    return text;
  return text.substr(start, 15) + "\n" + text.substr(iso + 10);
}

}  // namespace

std::string RawTextId(const std::string& source) {
  std::string_view s = source;
  std::string_view dir;
  std::size_t slash = s.find_last_of("/\\");
  if (slash != std::string_view::npos) {
    dir = s.substr(0, slash);
    s = s.substr(slash + 1);
  }
  std::size_t dot = s.rfind('.');
  if (dot != std::string_view::npos && dot > 0) s = s.substr(0, dot);
  // A crawler's file name (a hash, a slug) identifies the page on its own.
  // A generic one ("026", "index", "story") does not: archives number their
  // pages per section, so it is qualified with its folder ("politics/026").
  bool has_letter = false;
  for (char c : s)
    has_letter = has_letter || std::isalpha(static_cast<unsigned char>(c));
  if ((s.size() >= 8 && has_letter) || dir.empty()) return std::string(s);
  std::size_t parent = dir.find_last_of("/\\");
  std::string_view folder =
      parent == std::string_view::npos ? dir : dir.substr(parent + 1);
  if (folder.empty() || folder == "." || folder == "..") return std::string(s);
  return std::string(folder) + "/" + std::string(s);
}

Article ReadRawText(const std::string& text, const std::string& source) {
  Article article;
  article.id = RawTextId(source);
  article.source = source;
  article.format = SourceFormat::kRawText;

  std::vector<Block> blocks =
      SplitHeaderLines(SplitBlocks(CrawlerDateOnItsLine(text)));
  std::vector<Kind> kinds;
  kinds.reserve(blocks.size());
  for (const Block& b : blocks) kinds.push_back(Classify(b));
  // A run of three or more short points is a menu: "• About" / "• Ethics
  // policy" / "• Privacy Policy" (a summary's points are sentences).
  auto menu_item = [](const Block& b) {
    return b.bullet && b.lines.size() == 1 && b.words <= 4 &&
           !EndsSentence(b.lower);
  };
  for (std::size_t i = 0; i < blocks.size();) {
    std::size_t j = i;
    while (j < blocks.size() && menu_item(blocks[j])) ++j;
    if (j - i >= 3) {
      for (std::size_t k = i; k < j; ++k) kinds[k] = Kind::kFurniture;
    }
    i = j > i ? j : i + 1;
  }
  // Credited pictures' captions: neither headline nor the story's start.
  std::vector<bool> captions;
  captions.reserve(blocks.size());
  for (const Block& b : blocks) captions.push_back(IsCaptionWithCredit(b));

  // Short lines that repeat in the page are navigation (menus, share bars
  // printed twice); long repeated ones are pull-quotes and may stay.
  // (A line printed twice in a row is a headline over its own repeat, not
  // navigation.)
  std::map<std::string, int> seen;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (i == 0 || Key(blocks[i]) != Key(blocks[i - 1])) ++seen[Key(blocks[i])];
  }
  auto repeated_nav = [&](const Block& b) {
    return seen[Key(b)] > 1 && b.words <= kMaxNavWords &&
           !EndsSentence(b.lower);
  };

  // 1. The header and the headline. Candidates are the headline-like text
  // blocks before the first paragraph-like one.
  std::vector<std::string> header_lines;
  // Blocks that became the title, body, a date or byline line: every other
  // block outside the comments is site furniture, kept for the outlet.
  std::vector<bool> used(blocks.size(), false);
  std::vector<std::size_t> candidates;
  // How many candidates came before the first dateline or byline, if any.
  std::optional<std::size_t> candidates_before_dateline;
  std::size_t first_paragraph = blocks.size();
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (kinds[i] == Kind::kEndMarker && !candidates.empty()) break;
    if (kinds[i] != Kind::kText || repeated_nav(b) || IsMenuBlock(b)) continue;
    if (IsLowerCaseLabel(b)) continue;
    // A kicker, one word in capitals over the headline: "CORONAVIRUS"; or
    // up to three over a headline in sentence case: "COFFEY ROASTED" /
    // "Therese Coffey slammed for telling patients ...".
    auto no_lower = [](const Block& x) {
      return std::none_of(x.text.begin(), x.text.end(),
                          [](char c) { return c >= 'a' && c <= 'z'; });
    };
    if (b.words == 1 && no_lower(b)) continue;
    if (b.words <= 3 && no_lower(b) && i + 1 < blocks.size() &&
        kinds[i + 1] == Kind::kText && IsHeadlineLike(blocks[i + 1]) &&
        blocks[i + 1].words >= 5 && !no_lower(blocks[i + 1]))
      continue;
    // A caption under an image's placeholder: "Thumbnail Image" / "South
    // Bristol Hospital".
    if (i > 0 && IsImagePlaceholder(blocks[i - 1]) && IsHeadlineLike(b))
      continue;
    if (auto cited = CitationDateLine(b)) {
      header_lines.push_back(*cited);
      if (auto author = CitationByline(b); author && article.byline.empty())
        article.byline = *author;
      used[i] = true;
      continue;
    }
    if (IsDateOnlyLine(b.text) || ParseDateLine(b.text) ||
        ParseBylineBlock(b)) {
      header_lines.push_back(b.text);
      if (auto date = DateAfterName(b.text)) header_lines.push_back(*date);
      used[i] = true;
      if (!candidates_before_dateline)
        candidates_before_dateline = candidates.size();
      continue;
    }
    if (IsDateOrTimeLine(b.text))
      continue;  // "Saturday 20 November", "1300 GMT"
    if (captions[i]) continue;
    // A paper's name is never its headline: "Our NHS is 'fighting for its
    // life'" / "Daily Express" / "|June 30, 2025".
    if (LooksLikeMasthead(b)) continue;
    // A motto in capitalised words with a full stop, over everything:
    // "New Times, New Thinking.".
    if (candidates.empty() && b.words >= 2 && b.words <= 6 &&
        EndsWithPeriodLike(b.lower)) {
      const std::vector<std::string> words = SplitWords(b.text);
      if (std::all_of(words.begin(), words.end(), [](const std::string& w) {
            return IsCapitalisedWord(w);
          }))
        continue;
    }
    if (!IsHeadlineLike(b)) {
      first_paragraph = i;
      break;
    }
    candidates.push_back(i);
    if (candidates.size() >= 8) break;
  }
  // A picture's description over its credited caption, with the headline
  // after them, is not the headline: "Wes Streeting outside Downing Street
  // with England flags in the background" / "Wes Streeting has said ...
  // Photograph: Wiktor Szymanowicz/Rex/Shutterstock" / "Wes Streeting to
  // ‘write prescription’ for NHS ...". (A headline right over its picture's
  // caption has the story after them.)
  {
    std::vector<std::size_t> kept;
    std::size_t dropped_before_dateline = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      const std::size_t c = candidates[k];
      if (k + 1 < candidates.size() && c + 1 < blocks.size() &&
          captions[c + 1]) {
        if (candidates_before_dateline && k < *candidates_before_dateline)
          ++dropped_before_dateline;
        continue;
      }
      kept.push_back(c);
    }
    if (candidates_before_dateline)
      *candidates_before_dateline -= dropped_before_dateline;
    candidates = std::move(kept);
  }
  std::size_t title_index = blocks.size();
  std::size_t bare_byline = blocks.size();
  // No headline-like line: the first text is the title, and stays the
  // story's first paragraph ("Asked whether ..., college chair Professor
  // Martin Marshall told MPs ..." names who the rest quotes).
  bool title_is_story = candidates.empty();
  if (candidates.empty()) {
    title_index = first_paragraph;  // no headline-like line: the first text
  } else if (candidates.size() == 1) {
    title_index = candidates[0];
  } else if (candidates_before_dateline) {
    // The dateline sits at the seam between the site's header and the
    // story: the headline is the first candidate after it (blogs, BBC) or,
    // when none follows, the last one before it (news sites).
    std::size_t k = *candidates_before_dateline;
    // (Not a motto after the dateline: "Sun 21 Jul 2024" / "2024 newspaper
    // of the year" / the headline.)
    while (k + 1 < candidates.size() && LooksLikeTagline(blocks[candidates[k]]))
      ++k;
    title_index = k < candidates.size() ? candidates[k] : candidates[k - 1];
    // A bare name right before the dateline is the byline, under a
    // headline and a standfirst, whatever follows: "Leaked memo at hospital
    // trust raises alarm" / "BMA to contact GMC over fears of harm" / "Jo
    // Carlowe" / "Wednesday, 15 January 2020".
    std::size_t end = k;  // candidates [0, end) are the header's lines
    if (k >= 2 && IsBareByline(blocks[candidates[k - 1]])) {
      bare_byline = candidates[k - 1];
      if (article.byline.empty())
        article.byline = WithoutJobTitle(blocks[bare_byline].text);
      header_lines.push_back(blocks[bare_byline].text);
      used[bare_byline] = true;
      end = k - 1;
      title_index = candidates[end - 1];
    }
    // Of a headline and its standfirst right before the dateline, the
    // headline is the first and not the longer, and the story bears it out:
    // "Lansley contests waiting time claim" / "Andrew Lansley insists there
    // are fewer patients than ever waiting ..." / "19 April 2012" (not
    // "NHSProviders homepage z" over a headline).
    const Block* first = end >= 2 ? &blocks[candidates[end - 2]] : nullptr;
    if ((end < k || k == candidates.size()) && first != nullptr &&
        !LooksLikeTagline(*first) && first->words >= 3 &&
        first->words <= blocks[candidates[end - 1]].words &&
        Overlap(*first, StoryWords(blocks, kinds, candidates[end - 1] + 1)) >=
            kWeakTitleOverlap)
      title_index = candidates[end - 2];
  } else {
    title_index = ChooseTitleByStory(blocks, kinds, candidates);
    // A page that opens with a headline-like line (no banner, no masthead
    // before it) opens with its headline: crawlers that keep only the
    // article save it that way.
    if (candidates[0] == 0 && blocks[0].words >= 3 &&
        !LooksLikeTagline(blocks[0])) {
      title_index = 0;
    }
  }
  if (title_index < blocks.size()) {
    // A summary's point as the title is its first point, and stays the
    // story's first paragraph with the points after it: "• Chris Hopson
    // describes winter pressure as “test” for national regulators" / "•
    // NHS Providers chief calls for ...". (Not a later point, which would
    // leave the first ones out of the story: "• Thousands of jobs to be
    // cut after Keir Starmer announces ..." / "• Speaking in Hull, the
    // prime minister says ..." / "• The move partially reverses ...".)
    if (blocks[title_index].bullet) {
      while (title_index > 0 && blocks[title_index - 1].bullet &&
             kinds[title_index - 1] == Kind::kText)
        --title_index;
      title_is_story = true;
    }
    article.title = blocks[title_index].text;
    used[title_index] = true;
  }

  // 2. The body: text blocks after the headline, up to the comment section.
  std::size_t comments_begin = blocks.size();
  std::size_t comments_end = blocks.size();
  bool in_link_list = false;
  std::size_t after_title = 0;
  std::vector<std::string> footer_lines;
  for (std::size_t i = title_is_story ? title_index : title_index + 1;
       i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    Kind kind = kinds[i];
    ++after_title;
    bool in_header = after_title <= kHeaderBlocksAfterTitle &&
                     article.paragraphs.size() <= 1;
    if (kind == Kind::kCommentHeading && !article.paragraphs.empty()) {
      comments_begin = i + 1;
      break;
    }
    if (kind == Kind::kEndMarker && !article.paragraphs.empty()) {
      comments_end = comments_begin = i;
      break;
    }
    if (kind == Kind::kLinkListHeading) {
      in_link_list = true;
      continue;
    }
    if (kind != Kind::kText) continue;
    if (in_link_list) {
      if (IsLinkLine(b)) continue;
      in_link_list = false;
    }
    // (Nor, in the header, the paper's name: "Daily Express" under the
    // headline.)
    if (repeated_nav(b) || i == bare_byline ||
        (b.lower == blocks[title_index].lower &&
         !(title_is_story && i == title_index)) ||
        (in_header && LooksLikeMasthead(b)))
      continue;
    used[i] = true;
    if (IsDateOnlyLine(b.text)) {
      (in_header ? header_lines : footer_lines).push_back(b.text);
      continue;
    }
    if (auto byline = ParseBylineBlock(b)) {
      if (article.byline.empty()) article.byline = *byline;
      (in_header ? header_lines : footer_lines).push_back(b.text);
      if (auto date = in_header ? DateAfterName(b.text) : std::nullopt)
        header_lines.push_back(*date);
      continue;
    }
    if (in_header && (ParseDateLine(b.text) || IsDateOrTimeLine(b.text))) {
      header_lines.push_back(b.text);
      continue;
    }
    if (auto cited = in_header ? CitationDateLine(b) : std::nullopt) {
      header_lines.push_back(*cited);
      if (auto author = CitationByline(b); author && article.byline.empty())
        article.byline = *author;
      continue;
    }
    // A caption's lines are each a paragraph, the credit kept (it may name
    // the site: "Credit: ITV News"): the credit does not run into the next
    // line's words ("... Rex/Shutterstock" over "Wes Streeting has said"
    // is no "Shutterstock Wes Streeting").
    if (captions[i]) {
      for (const std::string& line : b.lines)
        article.paragraphs.push_back(CollapseWhitespace(line));
      continue;
    }
    for (std::string& p : BlockParagraphs(b))
      article.paragraphs.push_back(std::move(p));
  }

  // 3. The comments: from the heading to the first end marker.
  if (comments_begin < blocks.size()) {
    for (std::size_t i = comments_begin; i < blocks.size(); ++i) {
      if (kinds[i] == Kind::kEndMarker || kinds[i] == Kind::kCommentHeading ||
          kinds[i] == Kind::kLinkListHeading) {
        comments_end = i;
        break;
      }
    }
    if (comments_end > blocks.size()) comments_end = blocks.size();
    article.comments = ParseComments(blocks, comments_begin, comments_end);
  }
  // The rest of the page: banners, mastheads, taglines, toolbars, footers.
  // Readers' comments are theirs, not the site's.
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    if (used[i] || (i >= comments_begin && i < comments_end)) continue;
    if (article.furniture.size() >= kMaxFurnitureLines) break;
    for (const std::string& line : blocks[i].lines) {
      if (line.size() <= kMaxFurnitureLineBytes)
        article.furniture.push_back(line);
    }
  }

  // 4. The date: a dateline in the header; else a news-agency dateline
  // opening the story; else a labelled date line at the foot of the story.
  article.date = FindArticleDate(header_lines);
  if (!article.date && !article.paragraphs.empty()) {
    article.date = FindLeadDateline(article.paragraphs.front());
  }
  if (!article.date) {
    for (const std::string& line : footer_lines) {
      std::string lower = AsciiLower(line);
      if (StartsWith(lower, "published") || StartsWith(lower, "posted") ||
          StartsWith(lower, "updated") || StartsWith(lower, "last updated") ||
          StartsWith(lower, "first published") || StartsWith(lower, "date")) {
        article.date = ParseDateLine(line);
        if (article.date) break;
      }
    }
  }
  if (article.byline.empty()) {
    for (const std::string& line : header_lines) {
      Block b = MakeBlock({line});
      if (auto byline = ParseBylineBlock(b)) {
        article.byline = *byline;
        break;
      }
    }
  }
  // 5. Else the writer the standfirst names: "..., writes Craig Kenny.",
  // "Judith Woods analyses the state of our hospital wards", "the nursing
  // leader tells Denis Campbell".
  for (std::size_t p = 0;
       article.byline.empty() && p < article.paragraphs.size() && p < 2; ++p) {
    if (auto writer = StandfirstWriter(article.paragraphs[p]))
      article.byline = *writer;
  }
  return article;
}

}  // namespace hpnews
