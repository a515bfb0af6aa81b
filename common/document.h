// The one place that turns an Article into a Xapian::Document, following
// common/schema.h, and that reads the stored record back.
//
// Not an indexer: it never opens a database.

#ifndef HPNEWS_COMMON_DOCUMENT_H_
#define HPNEWS_COMMON_DOCUMENT_H_

#include <xapian.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/article.h"
#include "common/data_codec.h"
#include "common/synonyms.h"
#include "common/word_pairs.h"

namespace hpnews {

// Builds the document for `article`: the unique id term, the type term
// XYarticle, free text as stems with positions through `*termgen` (title
// unprefixed with kTitleWeight and under S, body unprefixed, quotes under
// XQ, comments under XC: schema.h), boolean terms for date, outlet,
// speaker, topic and keyword, the concept terms of the `synonyms` groups
// the title and body name (none when null), the near-duplicate key, the
// value slots and the record (schema.h), compressed by `codec`
// (stored raw when null), and the pair terms of `pairs`' stems
// (common/word_pairs.h; none when null). `*termgen` must have its stemmer set
// (English); its stemming strategy and document are replaced.
Xapian::Document DocumentFromArticle(const Article& article,
                                     Xapian::TermGenerator* termgen,
                                     const Synonyms* synonyms = nullptr,
                                     const DataCodec* codec = nullptr,
                                     const WordPairs* pairs = nullptr);

// One document per quote of `article` (schema.h, "Quotes"), in order: the
// quote's words once (stems under XQ), its speaker, the parent term,
// and the article's outlet, topic, keyword and date terms and values.
// Quotes with no text give no document.
std::vector<Xapian::Document> QuoteDocuments(const Article& article,
                                             Xapian::TermGenerator* termgen,
                                             const DataCodec* codec = nullptr);

// The uncompressed data records of `article`'s document and of its quote
// documents: what a DataCodec dictionary is trained on.
std::vector<std::string> DataRecords(const Article& article);

// A digest of everything `article`'s documents are built from, given its
// document `article_doc` (for the concept terms the synonym groups gave
// it): two articles with the same digest give the same documents, so a
// re-run leaves an article whose stored digest (schema.h, kDigestSlot) is
// the same untouched. Computed from the article, not by serialising the
// documents, which cost 8% of a build.
std::string ContentDigest(const Article& article,
                          const Xapian::Document& article_doc);

// The words the spelling dictionary ("did you mean") learns from an
// article: each word of its title and body (never its comments), as the
// query parser sees it (lower case, unstemmed), with how often it occurs.
// Taken from the text, not from the document's terms, which are stems.
// The indexer computes them again from a replaced document's stored title
// and text (ParseDocument()) to take the old words out.
using WordCounts = std::vector<std::pair<std::string, Xapian::termcount>>;
WordCounts SpellingWords(const std::string& title, const std::string& body);

// Builds an article's documents like DocumentFromArticle() and
// QuoteDocuments(), with its own TermGenerator, and collects the article's
// spelling words in the same pass over the text (equal to SpellingWords(title,
// Body())). One per thread: not thread-safe.
class DocumentBuilder {
 public:
  // `synonyms` and `codec` (either may be null) must outlive the builder.
  explicit DocumentBuilder(const Synonyms* synonyms = nullptr,
                           const DataCodec* codec = nullptr);
  ~DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  // The article's document, with the pair terms of `pairs` (when not
  // null); *spelling (when not null) gets its spelling words.
  Xapian::Document ArticleDocument(const Article& article,
                                   WordCounts* spelling = nullptr,
                                   const WordPairs* pairs = nullptr);
  std::vector<Xapian::Document> QuoteDocuments(const Article& article);

 private:
  struct Stemmer;
  std::unique_ptr<Stemmer> stemmer_;
  Xapian::TermGenerator termgen_;
  const Synonyms* synonyms_;
  const DataCodec* codec_;
};

// How many articles `db` holds (quote documents not counted).
Xapian::doccount ArticleCount(const Xapian::Database& db);

// The parent term of an article's quote documents ("XP" + id).
std::string ParentTerm(const std::string& id);

// The near-duplicate key of an article (schema::kDupSlot): 16 hex digits,
// the smallest hash of its body's word 5-shingles (a one-hash MinHash), so
// two articles share it with a probability equal to the Jaccard similarity
// of their shingles: a wire story reprinted with another headline, intro
// line or footer still collapses, unrelated stories almost never do.
// Empty for a body under 8 words: too short to call anything a copy.
std::string NearDuplicateKey(const Article& article);

// The unique-id term of an article id ("Q" + id).
std::string IdTerm(const std::string& id);

// What a result displays, as stored in the document record.
struct StoredArticle {
  std::string id;
  std::string title;
  std::string date;    // "YYYY-MM-DD" or empty when unknown
  std::string outlet;  // empty when unknown
  std::string url;
  std::string source;
  std::vector<std::string> speakers;
  std::vector<std::string> topics;
  std::vector<std::string> keywords;
  std::string text;  // body text, for snippets
  // Quote documents only: which quote of the article this is.
  bool is_quote = false;
  int quote_index = 0;
  std::string quote_speaker;
  std::string quote_text;
};

// Parses a record written by DocumentFromArticle() or QuoteDocuments(),
// decompressed by `codec` (one of the index's: see
// DataCodec::ForDatabase(); null = records compressed without a
// dictionary only). A record that is damaged, not ours, or compressed with
// a dictionary `codec` lacks gives an all-empty StoredArticle.
StoredArticle ParseRecord(const std::string& record,
                          const DataCodec* codec = nullptr);
// The record of `doc` (schema.h, "Document record"), parsed.
StoredArticle ParseDocument(const Xapian::Document& doc,
                            const DataCodec* codec = nullptr);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_DOCUMENT_H_
