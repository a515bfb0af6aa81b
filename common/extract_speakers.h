// Speakers and quotes: who is quoted or reported in an article's body, and
// the words attributed to them.
//
// For: people quoted directly ("Dr Porter said: ‘...’", "‘...,’ said Dr
// Meldrum.") or reported with a reporting verb ("Mr Lansley argues that"),
// with canonical names (titles, honorifics and roles stripped); later short
// forms and pronouns resolved to the person already named; quotes from
// bodies ("the BMA said", "a DH spokesperson said") attributed to the body.
// Not for: reader comments (the caller passes the body only), unnamed
// people ("a GP said"), people merely mentioned, or the title. The rules
// are English newspaper conventions, not a parser: they prefer missing a
// speaker to inventing one.

#ifndef HPNEWS_COMMON_EXTRACT_SPEAKERS_H_
#define HPNEWS_COMMON_EXTRACT_SPEAKERS_H_

#include <string>
#include <string_view>
#include <vector>

#include "common/article.h"
#include "common/extract_topics.h"
#include "common/offices.h"

namespace hpnews {

struct SpeakerResult {
  // Canonical names of the people quoted or reported, in order of their
  // first attribution; never a body.
  std::vector<std::string> speakers;
  // Direct quotes (text without the quote marks) in text order. The speaker
  // is a person's canonical name or a body's ("BMA", "Department of
  // Health"); quotes nobody can be named for are left out.
  std::vector<Quote> quotes;
};

// Finds speakers and quotes in the body paragraphs, in order.
SpeakerResult ExtractSpeakers(const std::vector<std::string>& paragraphs);
// The same, with the paragraphs already tokenized (`tokens[i]` is
// `paragraphs[i]`'s; the sizes must agree). With `offices` and the
// article's `date`, a person the article names holds the offices they held
// that day ("The health secretary said" after "Wes Streeting has ordered").
SpeakerResult ExtractSpeakers(const std::vector<std::string>& paragraphs,
                              const std::vector<TokenizedText>& tokens,
                              const OfficeHolders* offices = nullptr,
                              std::optional<Date> date = std::nullopt);

// The canonical form of a person's name as written in running text:
// honorifics, titles and post-nominals stripped, whitespace collapsed
// ("Dr Mark Porter" -> "Mark Porter", "Sir John Oldham MP" -> "John
// Oldham"). Returns the input trimmed when nothing is to be stripped.
std::string CanonicalPersonName(std::string_view name);

// The canonical name of a body as written ("the British Medical
// Association" -> "BMA", "the DH" -> "Department of Health").
std::string CanonicalBodyName(std::string_view name);

}  // namespace hpnews

#endif  // HPNEWS_COMMON_EXTRACT_SPEAKERS_H_
