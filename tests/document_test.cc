// The Article -> Xapian::Document mapping, checked term by term and slot by
// slot.

#include "common/document.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "common/schema.h"
#include "common/synonyms.h"

namespace hpnews {
namespace {

Article SampleArticle() {
  Article a;
  a.id = "000_d5bc8f2fb5615c15";
  a.source = "corpus/raw/000_d5bc8f2fb5615c15.txt";
  a.url = "https://example.org/bma";
  a.outlet = "Pulse";
  a.date = Date{2013, 9, 25};
  a.title = "BMA chair lobbies Labour to avoid another NHS reorganisation";
  a.speakers = {"Mark Porter", "Andy Burnham"};
  a.topics = {"reorganisation", "politics"};
  a.quotes = {{"Mark Porter", "top-down reorganisations damage the service"}};
  a.paragraphs = {"The BMA is making a high-level bid.",
                  "Dr Porter said it was insane."};
  a.comments = {{"Vinci Ho", "", "Wait a minute, gerrymandering"}};
  return a;
}

bool HasTerm(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term;
}

Xapian::termcount Wdf(const Xapian::Document& doc, const std::string& term) {
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to(term);
  return t != doc.termlist_end() && *t == term ? t.get_wdf() : 0;
}

class DocumentTest : public ::testing::Test {
 protected:
  DocumentTest() { termgen_.set_stemmer(Xapian::Stem("english")); }
  Xapian::TermGenerator termgen_;
};

TEST_F(DocumentTest, WritesEveryBooleanTerm) {
  Xapian::Document doc = DocumentFromArticle(SampleArticle(), &termgen_);
  for (const char* term :
       {"Q000_d5bc8f2fb5615c15", "XOpulse", "XSmark porter", "XSandy burnham",
        "XSWporter", "XSWmark", "XTreorganisation", "XTpolitics", "D20130925",
        "M201309", "Y2013"}) {
    EXPECT_TRUE(HasTerm(doc, term)) << term;
  }
}

TEST_F(DocumentTest, FreeTextIsStemmedOnceAndPrefixedByField) {
  Xapian::Document doc = DocumentFromArticle(SampleArticle(), &termgen_);
  EXPECT_TRUE(HasTerm(doc, "ZSlobbi")) << "title term, stemmed";
  EXPECT_TRUE(HasTerm(doc, "Zlobbi")) << "title words are also plain words";
  EXPECT_TRUE(HasTerm(doc, "Zinsan")) << "body words: stems, unprefixed";
  EXPECT_TRUE(HasTerm(doc, "ZXQdamag")) << "quote words under XQ";
  EXPECT_TRUE(HasTerm(doc, "ZXCgerrymand"));
  EXPECT_FALSE(HasTerm(doc, "Zgerrymand")) << "comment words only under XC";
  // Stems only: no unstemmed copy of any word.
  for (const char* raw : {"lobbies", "insane", "Slobbies", "XQdamage"})
    EXPECT_FALSE(HasTerm(doc, raw)) << raw;
  EXPECT_GT(Wdf(doc, "Zlobbi"), Wdf(doc, "Zinsan"))
      << "title words weigh more than body words";
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to("Zinsan");
  ASSERT_EQ(*t, "Zinsan");
  EXPECT_EQ(t.positionlist_count(), 1u) << "positions are stored for phrases";
  t = doc.termlist_begin();
  t.skip_to("ZSlobbi");
  ASSERT_EQ(*t, "ZSlobbi");
  EXPECT_EQ(t.positionlist_count(), 1u) << "title: phrases work too";
}

TEST_F(DocumentTest, QuoteDocumentsHoldTheirWordsOnce) {
  std::vector<Xapian::Document> quotes =
      QuoteDocuments(SampleArticle(), &termgen_);
  ASSERT_EQ(quotes.size(), 1u);
  const Xapian::Document& q = quotes[0];
  EXPECT_TRUE(HasTerm(q, "ZXQdamag"));
  EXPECT_EQ(Wdf(q, "ZXQdamag"), 1u);
  for (Xapian::TermIterator t = q.termlist_begin(); t != q.termlist_end();
       ++t) {
    // Plain words are article-only terms: a quote document holds its words
    // under XQ alone, so article searches need no type filter.
    EXPECT_FALSE(schema::IsArticleOnlyTerm(*t)) << *t;
  }
  EXPECT_TRUE(HasTerm(q, "XYquote"));
  EXPECT_TRUE(HasTerm(q, "XP000_d5bc8f2fb5615c15"));
  EXPECT_TRUE(HasTerm(q, "XSmark porter"));
}

// The spelling dictionary must learn real words, never stems, and the
// words a builder collects must be what SpellingWords() computes again
// from the stored text when the article is replaced.
TEST_F(DocumentTest, SpellingWordsAreTheTextsWordsNotStems) {
  Article a = SampleArticle();
  WordCounts words = SpellingWords(a.title, a.Body());
  std::map<std::string, Xapian::termcount> counts(words.begin(), words.end());
  EXPECT_EQ(counts["reorganisation"], 1u);
  EXPECT_EQ(counts["lobbies"], 1u);
  EXPECT_EQ(counts.count("lobbi"), 0u) << "a stem";
  EXPECT_EQ(counts["the"], 1u);
  EXPECT_EQ(counts.count("gerrymandering"), 0u) << "comments are not text";
  EXPECT_EQ(counts.count("2013"), 0u) << "numbers are not words";

  DocumentBuilder builder;
  WordCounts built;
  Xapian::Document doc = builder.ArticleDocument(a, &built);
  std::sort(words.begin(), words.end());
  std::sort(built.begin(), built.end());
  EXPECT_EQ(built, words);
  StoredArticle stored = ParseDocument(doc);
  WordCounts again = SpellingWords(stored.title, stored.text);
  std::sort(again.begin(), again.end());
  EXPECT_EQ(again, words);
}

TEST_F(DocumentTest, BuilderMakesTheSameDocumentsAsTheFunctions) {
  DocumentBuilder builder;
  Article a = SampleArticle();
  EXPECT_EQ(builder.ArticleDocument(a).serialise(),
            DocumentFromArticle(a, &termgen_).serialise());
  std::vector<Xapian::Document> mine = builder.QuoteDocuments(a);
  std::vector<Xapian::Document> theirs = QuoteDocuments(a, &termgen_);
  ASSERT_EQ(mine.size(), theirs.size());
  for (std::size_t i = 0; i < mine.size(); ++i)
    EXPECT_EQ(mine[i].serialise(), theirs[i].serialise());
}

TEST_F(DocumentTest, FillsValueSlots) {
  Xapian::Document doc = DocumentFromArticle(SampleArticle(), &termgen_);
  EXPECT_EQ(doc.get_value(schema::kDateSlot), "20130925");
  EXPECT_EQ(doc.get_value(schema::kYearSlot), "2013");
  EXPECT_EQ(doc.get_value(schema::kMonthSlot), "2013-09");
  EXPECT_EQ(doc.get_value(schema::kOutletSlot), "Pulse");
  EXPECT_EQ(schema::DecodeList(doc.get_value(schema::kSpeakersSlot)),
            (std::vector<std::string>{"Mark Porter", "Andy Burnham"}));
  EXPECT_EQ(schema::DecodeList(doc.get_value(schema::kTopicsSlot)),
            (std::vector<std::string>{"reorganisation", "politics"}));
}

TEST_F(DocumentTest, UnknownDateAndOutletLeaveNoTrace) {
  Article a = SampleArticle();
  a.date.reset();
  a.outlet.clear();
  Xapian::Document doc = DocumentFromArticle(a, &termgen_);
  EXPECT_EQ(doc.get_value(schema::kDateSlot), "");
  EXPECT_EQ(doc.get_value(schema::kOutletSlot), "");
  Xapian::TermIterator t = doc.termlist_begin();
  t.skip_to("XO");
  EXPECT_TRUE(t == doc.termlist_end() || (*t).compare(0, 2, "XO") != 0);
  StoredArticle stored = ParseDocument(doc);
  EXPECT_EQ(stored.date, "");
  EXPECT_EQ(stored.outlet, "");
}

TEST_F(DocumentTest, RecordRoundTrips) {
  Article a = SampleArticle();
  Xapian::Document doc = DocumentFromArticle(a, &termgen_);
  // In its value slot: glass would deflate document data in vain.
  EXPECT_EQ(doc.get_data(), "");
  StoredArticle stored = ParseDocument(doc);
  EXPECT_EQ(stored.id, a.id);
  EXPECT_EQ(stored.title, a.title);
  EXPECT_EQ(stored.date, "2013-09-25");
  EXPECT_EQ(stored.outlet, "Pulse");
  EXPECT_EQ(stored.url, a.url);
  EXPECT_EQ(stored.source, a.source);
  EXPECT_EQ(stored.speakers, a.speakers);
  EXPECT_EQ(stored.topics, a.topics);
  EXPECT_EQ(stored.text, a.Body());
}

TEST_F(DocumentTest, InvalidUtf8NeverThrows) {
  Article a = SampleArticle();
  a.title = "bad \xC3 byte";
  EXPECT_NO_THROW(ParseDocument(DocumentFromArticle(a, &termgen_)));
  EXPECT_EQ(ParseRecord("not json").id, "");
}

TEST_F(DocumentTest, QuoteRecordRoundTrips) {
  Article a = SampleArticle();
  std::vector<Xapian::Document> quotes = QuoteDocuments(a, &termgen_);
  ASSERT_EQ(quotes.size(), 1u);
  StoredArticle stored = ParseDocument(quotes[0]);
  EXPECT_TRUE(stored.is_quote);
  EXPECT_EQ(stored.id, a.id);
  EXPECT_EQ(stored.title, a.title);
  EXPECT_EQ(stored.speakers, a.speakers);
  EXPECT_EQ(stored.quote_index, 0);
  EXPECT_EQ(stored.quote_speaker, a.quotes[0].speaker);
  EXPECT_EQ(stored.quote_text, a.quotes[0].text);
  EXPECT_EQ(stored.text, "") << "the body is stored once, with the article";
}

// A record cut short anywhere (damaged or foreign) reads as nothing, never
// as a wrong field or a read past its end.
TEST_F(DocumentTest, TruncatedRecordReadsAsEmpty) {
  const std::string data = DocumentFromArticle(SampleArticle(), &termgen_)
                               .get_value(schema::kRecordSlot);
  for (std::size_t n = 0; n < data.size(); ++n) {
    StoredArticle stored = ParseRecord(data.substr(0, n));
    EXPECT_EQ(stored.id, "") << "cut at " << n;
    EXPECT_FALSE(stored.is_quote) << "cut at " << n;
  }
  EXPECT_EQ(ParseRecord(data + "x").id, "") << "trailing bytes";
  EXPECT_EQ(ParseRecord(std::string("\xff\xff\xff\xff\xff\xff\xff"
                                    "\xff\xff\xff\x01"))
                .id,
            "")
      << "a length past the end";
}

// The digest stands for the documents (the indexer compares digests, not
// documents): every change to an article that changes one of its
// documents, serialised, changes the digest, and the same article always
// gives the same digest.
TEST_F(DocumentTest, ContentDigestChangesWheneverTheDocumentsDo) {
  Synonyms synonyms;
  ASSERT_TRUE(Synonyms::Parse("BMA\tBritish Medical Association\n"
                              "reorganisation\trestructuring\n",
                              &synonyms)
                  .ok());
  struct Built {
    std::string serialised;
    std::string digest;
  };
  auto build = [&](const Article& a, const Synonyms* with) {
    Xapian::Document doc = DocumentFromArticle(a, &termgen_, with);
    Built b{doc.serialise(), ContentDigest(a, doc)};
    for (const Xapian::Document& q : QuoteDocuments(a, &termgen_))
      b.serialised += q.serialise();
    return b;
  };
  const Built base = build(SampleArticle(), &synonyms);
  EXPECT_EQ(build(SampleArticle(), &synonyms).digest, base.digest);

  using Change = void (*)(Article*);
  const std::vector<std::pair<const char*, Change>> changes = {
      {"id", [](Article* a) { a->id += "x"; }},
      {"url", [](Article* a) { a->url += "/x"; }},
      {"source", [](Article* a) { a->source += ".bak"; }},
      {"outlet", [](Article* a) { a->outlet = "HSJ"; }},
      {"date",
       [](Article* a) {
         a->date = Date{2013, 9, 26};
       }},
      {"no date", [](Article* a) { a->date.reset(); }},
      {"title", [](Article* a) { a->title += " now"; }},
      {"topic", [](Article* a) { a->topics.push_back("funding"); }},
      {"keyword", [](Article* a) { a->keywords.push_back("Labour"); }},
      {"speaker", [](Article* a) { a->speakers.pop_back(); }},
      {"paragraph text", [](Article* a) { a->paragraphs[1] += " Really."; }},
      {"paragraph split",
       [](Article* a) {
         a->paragraphs = {"The BMA is making", "a high-level bid.",
                          "Dr Porter said it was insane."};
       }},
      {"empty paragraph", [](Article* a) { a->paragraphs.push_back(""); }},
      {"quote text", [](Article* a) { a->quotes[0].text += " badly"; }},
      {"quote speaker",
       [](Article* a) { a->quotes[0].speaker = "Andy Burnham"; }},
      {"another quote",
       [](Article* a) {
         a->quotes.push_back({"Andy Burnham", "No."});
       }},
      {"comment", [](Article* a) { a->comments[0].text += " please"; }},
      {"no comment", [](Article* a) { a->comments.clear(); }},
  };
  for (const auto& [what, change] : changes) {
    Article changed = SampleArticle();
    change(&changed);
    const Built b = build(changed, &synonyms);
    ASSERT_TRUE(b.serialised != base.serialised) << what;
    EXPECT_NE(b.digest, base.digest) << what;
  }
  // The synonym table: a group the text names adds a concept term.
  Synonyms fewer;
  ASSERT_TRUE(
      Synonyms::Parse("BMA\tBritish Medical Association\n", &fewer).ok());
  const Built other_table = build(SampleArticle(), &fewer);
  ASSERT_TRUE(other_table.serialised != base.serialised);
  EXPECT_NE(other_table.digest, base.digest);
}

}  // namespace
}  // namespace hpnews
