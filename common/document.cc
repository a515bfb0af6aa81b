#include "common/document.h"

#include <nlohmann/json.hpp>

#include "common/schema.h"

namespace hpnews {

namespace {

using nlohmann::json;

void AddBooleanTerm(Xapian::Document* doc, const char* prefix, const std::string& value) {
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

}  // namespace

std::string IdTerm(const std::string& id) {
  // The id is kept as given (case matters for ids), so no normalisation.
  return std::string(schema::kIdPrefix) + id;
}

Xapian::Document DocumentFromArticle(const Article& article, Xapian::TermGenerator* termgen) {
  Xapian::Document doc;
  termgen->set_document(doc);

  // Title: once under S for title:, and unprefixed with a higher wdf so that
  // plain words rank title matches above body matches.
  termgen->index_text(article.title, schema::kTitleWeight, schema::kTitlePrefix);
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
  AddBooleanTerm(&doc, schema::kOutletPrefix, article.outlet);
  for (const std::string& speaker : article.speakers) {
    AddBooleanTerm(&doc, schema::kSpeakerPrefix, speaker);
    for (const std::string& word : NameWords(speaker)) {
      AddBooleanTerm(&doc, schema::kSpeakerWordPrefix, word);
    }
  }
  for (const std::string& topic : article.topics) {
    AddBooleanTerm(&doc, schema::kTopicPrefix, topic);
  }

  if (article.date) {
    const Date& d = *article.date;
    std::string ymd = d.Iso();  // YYYY-MM-DD
    std::string compact = ymd.substr(0, 4) + ymd.substr(5, 2) + ymd.substr(8, 2);
    doc.add_boolean_term(schema::kDayPrefix + compact);
    doc.add_boolean_term(schema::kMonthPrefix + compact.substr(0, 6));
    doc.add_boolean_term(schema::kYearPrefix + compact.substr(0, 4));
    doc.add_value(schema::kDateSlot, compact);
    doc.add_value(schema::kYearSlot, ymd.substr(0, 4));
    doc.add_value(schema::kMonthSlot, ymd.substr(0, 7));
  }
  if (!article.outlet.empty()) doc.add_value(schema::kOutletSlot, article.outlet);
  if (!article.speakers.empty()) {
    doc.add_value(schema::kSpeakersSlot, schema::EncodeList(article.speakers));
  }
  if (!article.topics.empty()) {
    doc.add_value(schema::kTopicsSlot, schema::EncodeList(article.topics));
  }

  json data = {
      {"id", article.id},
      {"title", article.title},
      {"date", article.date ? json(article.date->Iso()) : json(nullptr)},
      {"outlet", article.outlet.empty() ? json(nullptr) : json(article.outlet)},
      {"url", article.url},
      {"source", article.source},
      {"speakers", article.speakers},
      {"topics", article.topics},
      {"text", article.Body()},
  };
  // Replace invalid UTF-8 rather than throw: readers repair input, but the
  // mapping must never be the place an article is lost.
  doc.set_data(data.dump(-1, ' ', false, json::error_handler_t::replace));
  return doc;
}

StoredArticle ParseDocumentData(const std::string& data) {
  StoredArticle out;
  json j = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return out;
  auto str = [&j](const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
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
  out.text = str("text");
  return out;
}

}  // namespace hpnews
