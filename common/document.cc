#include "common/document.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/schema.h"

namespace hpnews {

namespace {

using nlohmann::json;

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

json ArticleData(const Article& article) {
  return {
      {"id", article.id},
      {"title", article.title},
      {"date", article.date ? json(article.date->Iso()) : json(nullptr)},
      {"outlet", article.outlet.empty() ? json(nullptr) : json(article.outlet)},
      {"url", article.url},
      {"source", article.source},
      {"speakers", article.speakers},
      {"topics", article.topics},
      {"keywords", article.keywords},
  };
}

std::string DumpData(const json& data) {
  // Replace invalid UTF-8 rather than throw: readers repair input, but the
  // mapping must never be the place an article is lost.
  return data.dump(-1, ' ', false, json::error_handler_t::replace);
}

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

Xapian::Document DocumentFromArticle(const Article& article,
                                     Xapian::TermGenerator* termgen,
                                     const Synonyms* synonyms) {
  Xapian::Document doc;
  termgen->set_document(doc);

  // Title: once under S for title:, and unprefixed with a higher wdf so that
  // plain words rank title matches above body matches.
  termgen->index_text(article.title, schema::kTitleWeight,
                      schema::kTitlePrefix);
  termgen->increase_termpos();
  termgen->index_text(article.title, schema::kTitleWeight);
  for (const std::string& paragraph : article.paragraphs) {
    // A gap between paragraphs keeps phrases and NEAR from spanning them.
    termgen->increase_termpos();
    termgen->index_text(paragraph);
  }
  for (const Quote& quote : article.quotes) {
    termgen->increase_termpos();
    termgen->index_text(quote.text, 1, schema::kQuotePrefix);
  }
  for (const Comment& comment : article.comments) {
    termgen->increase_termpos();
    termgen->index_text(comment.text, 1, schema::kCommentPrefix);
  }

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

  json data = ArticleData(article);
  data["text"] = article.Body();
  doc.set_data(DumpData(data));
  return doc;
}

std::vector<Xapian::Document> QuoteDocuments(const Article& article,
                                             Xapian::TermGenerator* termgen) {
  std::vector<Xapian::Document> docs;
  for (std::size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& quote = article.quotes[i];
    if (quote.text.empty()) continue;
    Xapian::Document doc;
    termgen->set_document(doc);
    termgen->index_text(quote.text);
    termgen->increase_termpos();
    termgen->index_text(quote.text, 1, schema::kQuotePrefix);
    doc.add_boolean_term(schema::Term(schema::kTypePrefix, schema::kQuoteType));
    doc.add_boolean_term(ParentTerm(article.id));
    if (!quote.speaker.empty()) {
      AddSpeakerTerms(quote.speaker, &doc);
      schema::AddMultiValue(*schema::FindFacetField("speaker"),
                            {quote.speaker}, &doc);
    }
    AddSharedTermsAndValues(article, &doc);
    doc.add_value(schema::kParentSlot, article.id);
    json data = ArticleData(article);
    data["quote"] = {
        {"index", i}, {"speaker", quote.speaker}, {"text", quote.text}};
    doc.set_data(DumpData(data));
    docs.push_back(std::move(doc));
  }
  return docs;
}

StoredArticle ParseDocumentData(const std::string& data) {
  StoredArticle out;
  json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  auto str = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>()
                                            : std::string();
  };
  auto list = [&j](const char* key) {
    std::vector<std::string> v;
    auto it = j.find(key);
    if (it != j.end() && it->is_array()) {
      for (const json& e : *it) {
        if (e.is_string()) v.push_back(e.get<std::string>());
      }
    }
    return v;
  };
  out.id = str("id");
  out.title = str("title");
  out.date = str("date");
  out.outlet = str("outlet");
  out.url = str("url");
  out.source = str("source");
  out.speakers = list("speakers");
  out.topics = list("topics");
  out.keywords = list("keywords");
  out.text = str("text");
  auto quote = j.find("quote");
  if (quote != j.end() && quote->is_object()) {
    out.is_quote = true;
    out.quote_index = quote->value("index", 0);
    out.quote_speaker = quote->value("speaker", "");
    out.quote_text = quote->value("text", "");
  }
  return out;
}

}  // namespace hpnews
