#include "common/document.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <unordered_map>

#include "common/schema.h"
#include "common/text_util.h"
#include "common/word_pairs.h"

namespace hpnews {

namespace {

void AddBooleanTerm(Xapian::Document* doc, const char* prefix,
                    const std::string& value) {
  if (!value.empty()) doc->add_boolean_term(schema::Term(prefix, value));
}

// Splits a name on white space: "Mark Porter" -> {"Mark", "Porter"}.
std::vector<std::string> NameWords(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : name + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

// The date, outlet, topic and keyword terms and values an article and its
// quotes share, so filters and facets work alike on both.
void AddSharedTermsAndValues(const Article& article, Xapian::Document* doc) {
  AddBooleanTerm(doc, schema::kOutletPrefix, article.outlet);
  for (const std::string& topic : article.topics) {
    AddBooleanTerm(doc, schema::kTopicPrefix, topic);
  }
  for (const std::string& keyword : article.keywords) {
    AddBooleanTerm(doc, schema::kKeywordPrefix, keyword);
  }
  if (article.date) {
    const Date& d = *article.date;
    std::string ymd = d.Iso();  // YYYY-MM-DD
    std::string compact =
        ymd.substr(0, 4) + ymd.substr(5, 2) + ymd.substr(8, 2);
    doc->add_boolean_term(schema::kDayPrefix + compact);
    doc->add_boolean_term(schema::kMonthPrefix + compact.substr(0, 6));
    doc->add_boolean_term(schema::kYearPrefix + compact.substr(0, 4));
    doc->add_value(schema::kDateSlot, compact);
    doc->add_value(schema::kYearSlot, ymd.substr(0, 4));
    doc->add_value(schema::kMonthSlot, ymd.substr(0, 7));
  }
  if (!article.outlet.empty())
    doc->add_value(schema::kOutletSlot, article.outlet);
  schema::AddMultiValue(*schema::FindFacetField("topic"), article.topics, doc);
  schema::AddMultiValue(*schema::FindFacetField("keyword"), article.keywords,
                        doc);
}

void AddSpeakerTerms(const std::string& speaker, Xapian::Document* doc) {
  AddBooleanTerm(doc, schema::kSpeakerPrefix, speaker);
  for (const std::string& word : NameWords(speaker)) {
    AddBooleanTerm(doc, schema::kSpeakerWordPrefix, word);
  }
}

// The binary document data (schema.h, "Document data").
void PutLength(std::size_t n, std::string* out) {
  while (n >= 0x80) {
    out->push_back(static_cast<char>((n & 0x7f) | 0x80));
    n >>= 7;
  }
  out->push_back(static_cast<char>(n));
}

void PutString(const std::string& s, std::string* out) {
  PutLength(s.size(), out);
  out->append(s);
}

void PutList(const std::vector<std::string>& items, std::string* out) {
  PutLength(items.size(), out);
  for (const std::string& item : items) PutString(item, out);
}

// The fields an article and its quote documents share.
std::string ArticleData(const Article& article, bool with_text) {
  std::string out;
  std::size_t bytes = article.id.size() + article.title.size() +
                      article.url.size() + article.source.size() + 64;
  if (with_text) {
    for (const std::string& p : article.paragraphs) bytes += p.size() + 2;
  }
  out.reserve(bytes);
  PutString(article.id, &out);
  PutString(article.title, &out);
  PutString(article.date ? article.date->Iso() : std::string(), &out);
  PutString(article.outlet, &out);
  PutString(article.url, &out);
  PutString(article.source, &out);
  PutList(article.speakers, &out);
  PutList(article.topics, &out);
  PutList(article.keywords, &out);
  PutString(with_text ? article.Body() : std::string(), &out);
  return out;
}

// Reads what the Put* functions wrote; every read checks the bounds, so
// truncated or foreign data fails instead of reading past the end.
class DataReader {
 public:
  explicit DataReader(const std::string& data)
      : at_(data.data()), end_(data.data() + data.size()) {}
  bool Length(std::size_t* n) {
    *n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ == end_) return false;
      const auto byte = static_cast<unsigned char>(*at_++);
      *n |= static_cast<std::size_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;
  }
  bool String(std::string* s) {
    std::size_t n;
    if (!Length(&n) || n > static_cast<std::size_t>(end_ - at_)) return false;
    s->assign(at_, n);
    at_ += n;
    return true;
  }
  bool List(std::vector<std::string>* items) {
    std::size_t n;
    if (!Length(&n) || n > static_cast<std::size_t>(end_ - at_)) return false;
    items->resize(n);
    for (std::string& item : *items) {
      if (!String(&item)) return false;
    }
    return true;
  }
  bool AtEnd() const { return at_ == end_; }

 private:
  const char* at_;
  const char* end_;
};

// splitmix64's finaliser: spreads FNV's low-entropy high bits, so the
// minimum over shingles behaves like a random permutation's.
uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Stems only, with positions, each with the Z prefix (Xapian's convention
// for stems): half the terms of STEM_SOME's raw words plus stems, and
// phrases and NEAR match stems in order. searcher/query_builder.cc parses
// with the same strategy.
constexpr Xapian::TermGenerator::stem_strategy kStemStrategy =
    Xapian::TermGenerator::STEM_ALL_Z;

}  // namespace

Xapian::doccount ArticleCount(const Xapian::Database& db) {
  return db.get_termfreq(
      schema::Term(schema::kTypePrefix, schema::kArticleType));
}

std::string ParentTerm(const std::string& id) {
  return std::string(schema::kParentPrefix) + id;
}

std::string NearDuplicateKey(const Article& article) {
  constexpr std::size_t kShingle = 5;
  constexpr std::size_t kMinWords = 8;
  // Words: letters and digits, ASCII lower-cased, so punctuation, case and
  // spacing changes made by a reprint do not matter.
  std::vector<std::string> words;
  std::string word;
  for (char ch : article.Body() + " ") {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) {
      word += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (words.size() < kMinWords) return "";
  uint64_t best = ~0ull;
  for (std::size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t h = 14695981039346656037ull;
    for (std::size_t k = i; k < i + kShingle; ++k) {
      for (unsigned char c : words[k]) {
        h ^= c;
        h *= 1099511628211ull;
      }
      h ^= ' ';
      h *= 1099511628211ull;
    }
    best = std::min(best, Mix(h));
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx",
                static_cast<unsigned long long>(best));
  return buf;
}

std::string IdTerm(const std::string& id) {
  // The id is kept as given (case matters for ids), so no normalisation.
  return std::string(schema::kIdPrefix) + id;
}

namespace {

// The English stemmer, counting the words it is asked about when told to.
// TermGenerator asks once per word of the text, unstemmed and lower-cased,
// which is exactly what the spelling dictionary wants: one pass over the
// text gives the terms and the spelling words.
//
// Stems are remembered: Snowball's English stemmer took an eighth of the
// indexer's instructions (callgrind, 1,000 generated articles), and most
// words of a text, of its quotes (indexed again under quote:) and of the
// next article were stemmed before.
class CountingStemmer : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    if (counts_ != nullptr) ++(*counts_)[word];
    auto known = stems_.find(word);
    if (known != stems_.end()) return known->second;
    // Bounded: a long run meets words without end (names, numbers, typos).
    if (stems_.size() >= kMaxRemembered) stems_.clear();
    return stems_.emplace(word, english_(word)).first->second;
  }
  std::string get_description() const override { return "english, counting"; }
  // Counts words into *counts from now on; null stops counting.
  void CountInto(std::unordered_map<std::string, Xapian::termcount>* counts) {
    counts_ = counts;
  }

 private:
  // About 10 MB per writer thread; the commonest words come back at once.
  static constexpr std::size_t kMaxRemembered = 100000;

  Xapian::Stem english_{"english"};
  std::unordered_map<std::string, Xapian::termcount>* counts_ = nullptr;
  std::unordered_map<std::string, std::string> stems_;
};

// Letters only (and the apostrophe of "o'brien"): numbers and codes would
// only be "corrected" into other numbers.
bool IsSpellingWord(const std::string& word) {
  if (word.size() > 40) return false;
  for (unsigned char c : word) {
    if (!(std::islower(c) || c >= 0x80 || c == '\'')) return false;
  }
  return true;
}

WordCounts SpellingWordsOf(
    const std::unordered_map<std::string, Xapian::termcount>& counts) {
  WordCounts out;
  for (const auto& [word, count] : counts) {
    if (IsSpellingWord(word)) out.emplace_back(word, count);
  }
  return out;
}

// The stored form of a data record: compressed by `codec`, or raw.
std::string Stored(const std::string& record, const DataCodec* codec) {
  if (codec != nullptr) return codec->Compress(record);
  return DataCodec::kRaw + record;
}

// DocumentFromArticle(); with `counter` (the stemmer of `termgen`), also
// the spelling words of the title and body into *spelling.

Xapian::Document BuildArticleDocument(
    const Article& article, Xapian::TermGenerator* termgen,
    const Synonyms* synonyms, const DataCodec* codec, const WordPairs* pairs,
    CountingStemmer* counter, WordCounts* spelling) {
  std::unordered_map<std::string, Xapian::termcount> words;
  auto count = [&](bool on) {
    if (counter != nullptr && spelling != nullptr)
      counter->CountInto(on ? &words : nullptr);
  };
  // Never leave the stemmer pointing at `words`, whatever happens.
  struct StopCounting {
    CountingStemmer* counter;
    ~StopCounting() {
      if (counter != nullptr) counter->CountInto(nullptr);
    }
  } stop{counter};
  Xapian::Document doc;
  termgen->set_stemming_strategy(kStemStrategy);
  termgen->set_document(doc);

  // Title: unprefixed with a higher wdf, so that plain words rank title
  // matches above body matches, and once more under S for title:.
  count(true);
  termgen->index_text(article.title, schema::kTitleWeight);
  count(false);
  // With positions, so that title: phrases work (2.5 MB, 3% of the
  // Reuters-21578 index).
  termgen->increase_termpos();
  termgen->index_text(article.title, 1, schema::kTitlePrefix);
  count(true);
  for (const std::string& paragraph : article.paragraphs) {
    // A gap between paragraphs keeps phrases and NEAR from spanning them.
    termgen->increase_termpos();
    termgen->index_text(paragraph);
  }
  count(false);
  // From the positions of the title's and body's stems, just written.
  if (pairs != nullptr) pairs->AddPairTerms(&doc);
  for (const Quote& quote : article.quotes) {
    // With positions, for quote: phrases in article searches.
    termgen->increase_termpos();
    termgen->index_text(quote.text, 1, schema::kQuotePrefix);
  }
  for (const Comment& comment : article.comments) {
    termgen->increase_termpos();
    termgen->index_text(comment.text, 1, schema::kCommentPrefix);
  }
  if (spelling != nullptr) *spelling = SpellingWordsOf(words);

  doc.add_boolean_term(IdTerm(article.id));
  doc.add_boolean_term(schema::Term(schema::kTypePrefix, schema::kArticleType));
  for (const std::string& speaker : article.speakers)
    AddSpeakerTerms(speaker, &doc);
  AddSharedTermsAndValues(article, &doc);
  schema::AddMultiValue(*schema::FindFacetField("speaker"), article.speakers,
                        &doc);
  if (synonyms != nullptr && !synonyms->empty()) {
    // wdf 1 per paragraph naming the group: enough to rank, and boolean
    // filters on it work too.
    std::vector<const std::string*> texts = {&article.title};
    for (const std::string& paragraph : article.paragraphs)
      texts.push_back(&paragraph);
    for (const std::string* text : texts) {
      for (const std::string& term :
           synonyms->ConceptTerms(TokenizedText(*text))) {
        doc.add_term(term);
      }
    }
  }
  std::string dup = NearDuplicateKey(article);
  if (!dup.empty()) {
    doc.add_value(schema::kDupSlot, dup);
    doc.add_boolean_term(schema::kDupPrefix + dup);
  }

  doc.add_value(schema::kRecordSlot,
                Stored(ArticleData(article, /*with_text=*/true), codec));
  return doc;
}

}  // namespace

WordCounts SpellingWords(const std::string& title, const std::string& body) {
  // The words TermGenerator hands its stemmer: those of the query parser.
  auto* counting = new CountingStemmer();
  Xapian::TermGenerator termgen;
  termgen.set_stemmer(Xapian::Stem(counting));
  termgen.set_stemming_strategy(kStemStrategy);
  Xapian::Document scratch;
  termgen.set_document(scratch);
  std::unordered_map<std::string, Xapian::termcount> words;
  counting->CountInto(&words);
  termgen.index_text_without_positions(title);
  termgen.index_text_without_positions(body);
  return SpellingWordsOf(words);
}

Xapian::Document DocumentFromArticle(const Article& article,
                                     Xapian::TermGenerator* termgen,
                                     const Synonyms* synonyms,
                                     const DataCodec* codec,
                                     const WordPairs* pairs) {
  return BuildArticleDocument(article, termgen, synonyms, codec, pairs, nullptr,
                              nullptr);
}

struct DocumentBuilder::Stemmer {
  CountingStemmer* implementation;  // owned by the Xapian::Stem below
  Xapian::Stem stem;
};

DocumentBuilder::DocumentBuilder(const Synonyms* synonyms,
                                 const DataCodec* codec)
    : synonyms_(synonyms), codec_(codec) {
  auto* counting = new CountingStemmer();
  stemmer_ =
      std::make_unique<Stemmer>(Stemmer{counting, Xapian::Stem(counting)});
  termgen_.set_stemmer(stemmer_->stem);
}

DocumentBuilder::~DocumentBuilder() = default;

Xapian::Document DocumentBuilder::ArticleDocument(const Article& article,
                                                  WordCounts* spelling,
                                                  const WordPairs* pairs) {
  return BuildArticleDocument(article, &termgen_, synonyms_, codec_, pairs,
                              stemmer_->implementation, spelling);
}

std::vector<Xapian::Document> DocumentBuilder::QuoteDocuments(
    const Article& article) {
  return hpnews::QuoteDocuments(article, &termgen_, codec_);
}

namespace {

std::string QuoteRecord(const Article& article, std::size_t i) {
  std::string record = ArticleData(article, /*with_text=*/false);
  PutLength(i, &record);
  PutString(article.quotes[i].speaker, &record);
  PutString(article.quotes[i].text, &record);
  return record;
}

}  // namespace

std::vector<std::string> DataRecords(const Article& article) {
  std::vector<std::string> records = {ArticleData(article, true)};
  for (std::size_t i = 0; i < article.quotes.size(); ++i) {
    if (!article.quotes[i].text.empty())
      records.push_back(QuoteRecord(article, i));
  }
  return records;
}

std::string ContentDigest(const Article& article,
                          const Xapian::Document& article_doc) {
  // What BuildArticleDocument() and QuoteDocuments() read: the records
  // hold the id, title, date, outlet, url, source, speakers, topics,
  // keywords, body and each quote's speaker and text; the rest is added
  // here. Every field is length-prefixed, so no two articles run together
  // into one input. The schema version stands for the way documents are
  // built.
  std::string in = schema::kSchemaVersion;
  for (const std::string& record : DataRecords(article)) PutString(record, &in);
  PutLength(article.paragraphs.size(), &in);
  for (const std::string& paragraph : article.paragraphs)
    PutLength(paragraph.size(), &in);  // where the body's paragraphs end
  PutLength(article.quotes.size(), &in);
  for (const Quote& quote : article.quotes) PutString(quote.text, &in);
  PutLength(article.comments.size(), &in);
  for (const Comment& comment : article.comments) PutString(comment.text, &in);
  // The concept terms, which depend on the synonym table too.
  const std::string concept_prefix = schema::kConceptPrefix;
  Xapian::TermIterator t = article_doc.termlist_begin();
  for (t.skip_to(concept_prefix); t != article_doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.compare(0, concept_prefix.size(), concept_prefix) != 0) break;
    PutString(term, &in);
    PutLength(t.get_wdf(), &in);
  }
  return HashHex(in);
}

std::vector<Xapian::Document> QuoteDocuments(const Article& article,
                                             Xapian::TermGenerator* termgen,
                                             const DataCodec* codec) {
  std::vector<Xapian::Document> docs;
  termgen->set_stemming_strategy(kStemStrategy);
  for (std::size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& quote = article.quotes[i];
    if (quote.text.empty()) continue;
    Xapian::Document doc;
    termgen->set_document(doc);
    // Once, under XQ as in the article: plain words stay article-only
    // terms (schema.h), and a quote search maps plain words and quote: to
    // these.
    termgen->index_text(quote.text, 1, schema::kQuotePrefix);
    doc.add_boolean_term(schema::Term(schema::kTypePrefix, schema::kQuoteType));
    doc.add_boolean_term(ParentTerm(article.id));
    if (!quote.speaker.empty()) {
      AddSpeakerTerms(quote.speaker, &doc);
      schema::AddMultiValue(*schema::FindFacetField("speaker"), {quote.speaker},
                            &doc);
    }
    AddSharedTermsAndValues(article, &doc);
    doc.add_value(schema::kParentSlot, article.id);
    doc.add_value(schema::kRecordSlot, Stored(QuoteRecord(article, i), codec));
    docs.push_back(std::move(doc));
  }
  return docs;
}

StoredArticle ParseDocument(const Xapian::Document& doc,
                            const DataCodec* codec) {
  return ParseRecord(doc.get_value(schema::kRecordSlot), codec);
}

StoredArticle ParseRecord(const std::string& data, const DataCodec* codec) {
  static const DataCodec kNoDictionary;
  std::string record;
  if (!(codec != nullptr ? codec : &kNoDictionary)->Decompress(data, &record))
    return StoredArticle();
  StoredArticle out;
  DataReader in(record);
  bool ok = in.String(&out.id) && in.String(&out.title) &&
            in.String(&out.date) && in.String(&out.outlet) &&
            in.String(&out.url) && in.String(&out.source) &&
            in.List(&out.speakers) && in.List(&out.topics) &&
            in.List(&out.keywords) && in.String(&out.text);
  if (ok && !in.AtEnd()) {
    std::size_t index = 0;
    ok = in.Length(&index) && in.String(&out.quote_speaker) &&
         in.String(&out.quote_text) && in.AtEnd();
    out.is_quote = true;
    out.quote_index = static_cast<int>(index);
  }
  if (!ok) return StoredArticle();
  return out;
}

}  // namespace hpnews
