// Speakers and quotes; see extract_speakers.h.
//
// How it works, per paragraph:
//  1. The paragraph is cut into tokens (extract_topics.h) and its quotes are
//     found: typographic and straight, nested quotes kept inside the outer
//     one, apostrophes told apart from closing single quotes, a quote left
//     open at the paragraph's end continuing into the next paragraph.
//  2. Outside the quotes, every reporting verb ("said", "argues", "according
//     to", "X:" before a quote) gets a subject: the noun phrase before it,
//     or after it in the inverted order ("..., said Dr Meldrum"). The phrase
//     is classified as a person (honorific, or two or more name words), a
//     body (acronym or organisation word), a pronoun, a generic body noun
//     ("the statement"), or an unnamed person ("a GP").
//  3. Short forms, pronouns and generic nouns are resolved against what the
//     article has named so far (people with their surname and gender, the
//     most recent body).
//  4. Each quote goes to the attribution of its own sentence; a quote that
//     opens a paragraph with none continues the speaker of the paragraph
//     before, or of the last full-sentence quote.

#include "common/extract_speakers.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <functional>
#include <unordered_map>
#include <unordered_set>

#include "common/extract_topics.h"
#include "common/text_util.h"

namespace hpnews {
namespace {

// Positions in an article: paragraph i's token k is at i * kParagraphSpan +
// k.
constexpr long kParagraphSpan = 1000000;
// How many tokens after a person's name opening a sentence "he" or "she"
// is still that person's, named in passing or not.
constexpr long kSubjectReach = 12;

using Tokens = std::vector<MatchToken>;
using WordSet = std::unordered_set<std::string_view, WordHash>;

// Case-sensitive: honorifics are capitalised in running text.
const WordSet& Honorifics() {
  static const WordSet s = {
      "Dr",         "Mr",          "Mrs",           "Ms",      "Miss",
      "Mx",         "Sir",         "Dame",          "Lord",    "Lady",
      "Baroness",   "Baron",       "Professor",     "Prof",    "Cllr",
      "Councillor", "Coun",        "Rev",           "Revd",    "Reverend",
      "Rt",         "Hon",         "Father",        "Rabbi",   "Judge",
      "Bishop",     "Archbishop",  "Sen",           "Rep",     "Gov",
      "Senator",    "Congressman", "Congresswoman", "Mme",     "Mlle",
      "Herr",       "Frau",        "Capt",          "Captain", "Col",
      "Colonel",    "Gen",         "General",       "Maj",     "Major",
      "Sgt",        "Insp",        "Inspector",     "Supt",    "Nurse",
      "Sister"};
  return s;
}

// The titles a peer is known by, with the title's one word after them.
bool IsPeerTitle(std::string_view w) {
  return w == "Lord" || w == "Lady" || w == "Baroness";
}

// Whether the lower-case phrase ending at `e` is one person not named:
// "an executive spokeswoman", "a GP", "one official" (not "the minister",
// who is usually someone named before).
bool IndefiniteOne(const std::vector<MatchToken>& t, std::size_t lo,
                   std::size_t e) {
  for (std::size_t i = e; i-- > lo && i + 5 > e;) {
    if (!t[i].is_word) return false;
    if (t[i].lower == "a" || t[i].lower == "an" || t[i].lower == "one" ||
        t[i].lower == "another")
      return true;
  }
  return false;
}

// The gender a role's head word gives: "spokeswoman" 'f', "chairman" 'm'.
char HeadGender(std::string_view w) {
  auto ends = [&](std::string_view tail) {
    return w.size() >= tail.size() &&
           w.compare(w.size() - tail.size(), tail.size(), tail) == 0;
  };
  if (ends("woman")) return 'f';
  if (ends("man")) return 'm';
  return 0;
}

bool MaleHonorific(std::string_view w) {
  return w == "Mr" || w == "Sir" || w == "Lord" || w == "Baron" ||
         w == "Father" || w == "Herr";
}
bool FemaleHonorific(std::string_view w) {
  return w == "Mrs" || w == "Ms" || w == "Miss" || w == "Dame" || w == "Lady" ||
         w == "Baroness" || w == "Mme" || w == "Mlle" || w == "Frau" ||
         w == "Sister";
}

// Letters after a name, dropped from the canonical form.
const WordSet& PostNominals() {
  // (MS: a Member of the Senedd, "Darren Millar MS".)
  static const WordSet s = {
      "MP",  "QC",  "KC",  "MEP", "MSP",     "AM",   "MS",    "MLA",  "TD",
      "OBE", "CBE", "MBE", "KBE", "DBE",     "FRCP", "FRCGP", "FRCS", "PhD",
      "MD",  "Jr",  "Sr",  "FRS", "FMedSci", "RN",   "DO",    "MPH"};
  return s;
}

// Sentence furniture: function words, weekdays, press-release headings
// ("Media Contact:", a release's "About Vanda" section), web page furniture
// ("Continue reading"), a verb opening an inverted attribution ("Said
// Williams:") and adverbs that open a sentence ("Again Roddick"). Never part
// of a name, and they also end an organisation's ("The BMA"). Also the
// words of a picture credit ("Courtesy Tara Smith").
constexpr std::string_view kSentenceFurniture[] = {
    "The",        "A",           "An",          "But",       "And",
    "Or",         "So",          "Yet",         "However",   "Meanwhile",
    "Yesterday",  "Today",       "Tonight",     "Now",       "Then",
    "Also",       "In",          "On",          "At",        "As",
    "When",       "While",       "After",       "Before",    "Since",
    "If",         "Although",    "Though",      "Speaking",  "Asked",
    "Writing",    "Earlier",     "Later",       "Last",      "This",
    "That",       "These",       "Those",       "He",        "She",
    "It",         "They",        "We",          "I",         "You",
    "His",        "Her",         "Their",       "Our",       "My",
    "Its",        "Both",        "Other",       "Former",    "Exclusive",
    "Instead",    "Indeed",      "Still",       "Even",      "Only",
    "Why",        "What",        "How",         "Where",     "Who",
    "Here",       "There",       "Under",       "Over",      "With",
    "Without",    "For",         "From",        "By",        "Of",
    "To",         "Despite",     "During",      "Following", "According",
    "Monday",     "Tuesday",     "Wednesday",   "Thursday",  "Friday",
    "Saturday",   "Sunday",      "Is",          "Was",       "Are",
    "Will",       "Would",       "Should",      "Could",     "Can",
    "Did",        "Does",        "Do",          "Has",       "Have",
    "Had",        "Not",         "No",          "Yes",       "All",
    "Some",       "Many",        "Most",        "Every",     "Each",
    "Any",        "Such",        "Just",        "Because",   "Unless",
    "Until",      "Whether",     "Let",         "Nor",       "Against",
    "Into",       "Upon",        "Across",      "Among",     "Between",
    "Beyond",     "Contact",     "Contacts",    "Resources", "Information",
    "Notes",      "Editors",     "Background",  "Summary",   "Methods",
    "Results",    "Conclusions", "Disclosures", "Sources",   "References",
    "Additional", "Continue",    "About",       "Said",      "Says",
    "Added",      "Adds",        "Again",       "Soon",      "Too",
    "Courtesy",   "Photo",       "Photograph",  "Picture"};

// Capitalised words that open places and the bodies named after them ("New
// York City", "North American Menopause Society", "Los Angeles"), never a
// person's name.
constexpr std::string_view kPlaceOpeners[] = {
    "New",      "North",   "South",   "East",  "West", "Northern",
    "Southern", "Eastern", "Western", "Mount", "Los",  "Las"};

// Capitalised words that are roles or sentence furniture, never part of a
// name: "Prime Minister Tony Blair", "Yesterday Tony Blair".
const WordSet& NameStops() {
  static const WordSet s = [] {
    WordSet w(std::begin(kSentenceFurniture), std::end(kSentenceFurniture));
    w.insert(std::begin(kPlaceOpeners), std::end(kPlaceOpeners));
    // Roles, months, parties, honorifics and page chrome: not function
    // stops, so a body's name may run over them ("the Home Office").
    w.insert({"Ex",           "Senior",       "Junior",     "Top",
              "January",      "February",     "March",      "April",
              "May",          "June",         "July",       "August",
              "September",    "October",      "November",   "December",
              "Secretary",    "Minister",     "Chancellor", "Leader",
              "Chairman",     "Chairwoman",   "Chair",      "Chief",
              "Executive",    "President",    "Director",   "Commissioner",
              "Mayor",        "Governor",     "Deputy",     "Prime",
              "Premier",      "Officer",      "Editor",     "Spokesman",
              "Spokeswoman",  "Spokesperson", "Home",       "Foreign",
              "Education",    "Attorney",     "Opposition", "Vice",
              "Assistant",    "Acting",       "Interim",    "Managing",
              "Medical",      "Clinical",     "Head",       "Chairperson",
              "Lead",         "Founder",      "Ambassador", "Representative",
              "Pope",         "King",         "Queen",      "Prince",
              "Princess",     "Shadow",       "Labour",     "Tory",
              "Conservative", "Liberal",      "Democrat",   "Lib",
              "Dem",          "Dems",         "Green",      "Republican",
              "Democratic",   "Health",       "Professor",  "Researcher",
              "Author",       "Study",        "Dear",       "Read",
              "Click",        "Share",        "More",       "Related",
              "See",          "Sign",         "Like",       "Please",
              "Mr",           "Dr",           "Ms",         "Your",
              "Meet"});
    return w;
  }();
  return s;
}

bool OpensAPlace(std::string_view w) {
  return std::find(std::begin(kPlaceOpeners), std::end(kPlaceOpeners), w) !=
         std::end(kPlaceOpeners);
}

// Sentence furniture, and the openings of press statements ("Commenting on
// the report, ..."): these end an organisation's name, while roles do not.
bool IsFunctionStop(std::string_view w) {
  static const WordSet s = [] {
    WordSet f(std::begin(kSentenceFurniture), std::end(kSentenceFurniture));
    f.insert({"Responding", "Commenting", "Launching", "Announcing", "Opening",
              "Closing"});
    return f;
  }();
  return s.count(w) > 0;
}

// Words that make a capitalised phrase an organisation ("Department of
// Health", "Nuffield Trust", "NHS England"), compared without a plural "s".
const WordSet& BodyWords() {
  static const WordSet s = {
      "Association", "Department", "Council", "Trust", "Board", "Group",
      "Party", "Government", "College", "Committee", "Commission", "Union",
      "Institute", "Foundation", "Society", "Agency", "Service", "Authority",
      "Office", "Ministry", "Confederation", "Federation", "Fund",
      "Organisation", "Organization", "Centre", "Center", "Network", "Alliance",
      "University", "Hospital", "School", "Academy", "Club", "Forum", "Court",
      "Parliament", "Assembly", "Treasury", "Street", "House", "Labour",
      "Conservative", "Tory", "Tories", "Democrat", "Company", "Ltd", "Inc",
      "Corporation", "Partnership", "Bureau", "Programme", "Panel", "Review",
      "Research", "Health", "Care", "England", "Scotland", "Wales", "Britain",
      "Ireland", "Monitor", "Act", "Bill", "Paper", "State", "Society", "Fund",
      "Times", "Guardian", "Telegraph", "Independent", "Journal", "News",
      "Pulse", "Clinic", "Laboratory", "Laboratories", "Cabinet", "Whitehall",
      "Commons", "Lords", "Congress", "Senate", "Administration", "Bank",
      "Medicine", "Pharmaceuticals", "Pharma", "Coalition", "Campaign",
      "Charity", "Trade", "Unit", "Consortium", "Practice", "Surgery",
      "Nursing", "Kingdom", "Europe", "Commons", "Conference", "Watch",
      "Institution", "Industry", "Services", "Insurance", "Systems", "Press",
      "Magazine", "Today", "Post", "League", "Sports", "Action", "Friends",
      "Aid", "Rights", "Partners", "Initiative", "Project", "Movement", "Front",
      "Mission", "Executive", "Alliance", "Airlines", "Railways", "Police",
      "Army", "Navy", "Force", "Bill", "Provisions", "Programme", "Morning",
      "Daily", "Herald", "Gazette", "Tribune", "Chronicle", "Radio",
      "Television", "TV", "Broadcasting", "Securities", "Capital", "Holdings",
      "Group", "Bank", "Motors", "Telecom", "Technologies", "Software",
      "Mobile", "Airways", "Energy", "Fellowship",
      // Share buttons scraped with the page ("Facebook Twitter Pinterest
      // Stephen Fry said"), and the networks as bodies.
      "Facebook", "Twitter", "Pinterest", "LinkedIn", "WhatsApp", "Reddit",
      "Instagram", "YouTube",
      // Places and agencies that read like two names ("New York City",
      // "Centers for Disease Control and Prevention").
      "City", "County", "Control", "Prevention", "Statistics", "Cancer",
      "Therapeutics", "Diagnostics", "Biotech", "Reuters", "Assn", "Ballet",
      "Orchestra", "Opera", "Theatre", "Theater", "Museum", "Gallery",
      "International", "Nutrition", "Disease", "Re",
      // "Royal Mail", "Royal College of Nursing", "Mail on Sunday".
      "Royal", "Mail", "Healthcare", "Prison", "Jail", "Gaol", "Pictures",
      "Studios", "Records", "Reports", "Entertainment", "Games",
      // Plurals in "-ies", which the plain "s" rule misses ("Red Cross and
      // Red Crescent Societies").
      "Societies", "Agencies", "Authorities", "Charities", "Industries",
      "Academies", "Ministries", "Companies", "Universities",
      // Parties named in Welsh and Irish: "Plaid Cymru said it "begs the
      // question"", "Sinn Féin", "Fianna Fáil" (not "Sinn" or "Gael", which
      // are also people's names: "Hans-Werner Sinn", "Gael Monfils").
      "Plaid", "Cymru", "F\u00e9in", "Fianna", "F\u00e1il"};
  return s;
}

// Words that end a newspaper's title ("Credit: Liverpool Echo", "the
// Evening Standard"): a capitalised run ending in one names no person. It
// may be a middle name ("Valerie Echo Duckett"). (Taking the run for a
// body as well made it a speaker: "A letter seen by the Express said".)
bool IsNewspaperWord(std::string_view w) {
  static const WordSet s = {"Echo",     "Mirror",   "Express",  "Courier",
                            "Argus",    "Sentinel", "Observer", "Advertiser",
                            "Examiner", "Standard", "Bulletin", "Dispatch",
                            "Spectator"};
  return s.count(w) > 0;
}

// Acronyms that name a person's role, not a body ("a GP said", "Labour MP").
const WordSet& PersonAcronyms() {
  static const WordSet s = {"GP",  "GPs", "MP", "MPs", "MEP",  "MSP", "QC",
                            "CEO", "PM",  "AM", "MLA", "MLAs", "MSPs"};
  return s;
}

// Lower-case nouns for a body's voice: "the statement", "a DH spokesperson".
const WordSet& GenericHeads() {
  static const WordSet s = {
      "spokesperson", "spokesman",   "spokeswoman", "spokespeople",
      "spokesmen",    "spokeswomen", "statement",   "document",
      "report",       "submission",  "release",     "letter",
      "briefing",     "guidance",    "memo",        "bulletin",
      "announcement", "website",     "paper",       "department",
      "email",        "blog",        "tweet",       "column",
      "party",        "union",       "council",     "association",
      "trust",        "board",       "college",     "committee",
      "commission",   "regulator",   "watchdog",    "ministry",
      "agency",       "institute",   "authority",   "charity",
      "organisation", "organization"};
  return s;
}

// Lower-case words that name a person's role before the name: "health
// secretary Andrew Lansley", "party leader Ed Miliband".
const WordSet& RoleWords() {
  static const WordSet s = {
      "secretary", "minister", "chair", "chairman", "chairwoman", "leader",
      "chief", "executive", "director", "president", "spokesman", "spokeswoman",
      "spokesperson", "author", "researcher", "officer", "head", "member",
      "candidate", "adviser", "advisor", "deputy", "commissioner", "mayor",
      "governor", "senator", "chancellor", "premier", "editor", "economist",
      "analyst", "expert", "consultant", "surgeon", "doctor", "nurse",
      "manager", "founder", "partner", "lead", "co-author", "investigator",
      "scientist", "specialist", "physician", "psychologist", "epidemiologist",
      "campaigner", "lawyer", "solicitor", "colleague", "professor", "dean",
      "lord", "cardiologist", "oncologist", "pediatrician", "paediatrician",
      "psychiatrist", "neurologist", "radiologist", "surgeon", "pharmacist",
      "obstetrician", "dermatologist", "gynecologist", "endocrinologist",
      "urologist", "coordinator", "administrator", "registrar", "boss",
      "spokesperson", "whip", "mp", "peer", "backbencher", "councillor",
      "activist", "critic", "founder", "fellow", "co-founder", "strategist",
      "pollster", "historian", "writer", "journalist", "columnist", "reporter",
      "ceo", "goalscorer", "scorer", "producer", "presenter", "broadcaster",
      "owner", "gp", "medic", "clinician", "academic", "lecturer", "student",
      "correspondent", "official", "aide", "negotiator", "diplomat",
      "ambassador", "envoy", "worker", "employee", "constable",
      "superintendent", "sergeant", "briton", "scot", "trustee", "inspector",
      "ombudsman", "organiser", "organizer", "treasurer", "prosecutor",
      "barrister", "witness", "convener", "convenor",
      // Occupations that open a sentence before a
      // name: "Nutritionist Jane Smith said".
      "actor", "actress", "singer", "rapper", "musician", "comedian", "star",
      "chef", "artist", "designer", "novelist", "poet", "guitarist", "drummer",
      "frontman", "dancer", "coach", "striker", "defender", "midfielder",
      "goalkeeper", "skipper", "winger", "athlete", "mum", "mom", "dad",
      "patient", "teacher", "engineer", "architect", "pilot", "detective",
      "resident", "volunteer", "pensioner", "grandmother", "grandfather",
      "shopkeeper", "businessman", "businesswoman", "fundraiser", "paramedic",
      "midwife", "carer", "therapist", "dentist", "optician", "nutritionist",
      "dietitian", "dietician", "physiotherapist", "physio", "chiropractor",
      "podiatrist", "pathologist", "anaesthetist", "anesthesiologist",
      "geneticist", "biologist", "chemist", "physicist", "statistician",
      "neuroscientist", "immunologist", "virologist", "microbiologist",
      "hematologist", "haematologist", "nephrologist", "gastroenterologist",
      "pulmonologist", "ophthalmologist", "orthopedist", "rheumatologist",
      "internist", "psychotherapist", "counsellor", "counselor",
      "pharmacologist", "toxicologist", "bioethicist", "ethicist",
      "sociologist", "blogger", "entrepreneur", "investor", "banker",
      "accountant", "volunteer", "survivor",
      // Nationalities before a name: "American Serena Williams said".
      "american", "british", "english", "scottish", "welsh", "irish", "french",
      "german", "italian", "spanish", "dutch", "australian", "canadian",
      "chinese", "japanese", "indian", "russian", "swedish", "swiss", "belgian",
      "brazilian", "argentine", "argentinian", "mexican", "african", "european",
      "israeli", "palestinian", "iraqi", "iranian", "pakistani", "nigerian",
      "kenyan"};
  return s;
}

// Reporting verbs (lower case). "saying" and "according to" are handled
// on their own.
const WordSet& ReportingVerbs() {
  static const WordSet s = {
      "said", "says", "say", "told", "tells", "added", "adds", "warned",
      "warns", "argued", "argues", "claimed", "claims", "admitted", "admits",
      "insisted", "insists", "explained", "explains", "stressed", "stresses",
      "noted", "notes", "commented", "continued", "concluded", "concludes",
      "suggested", "suggests", "acknowledged", "acknowledges", "conceded",
      "concedes", "replied", "responded", "urged", "urges", "predicted",
      "predicts", "asserted", "asserts", "maintained", "maintains", "wrote",
      "writes", "agreed", "agrees", "cautioned", "cautions", "emphasised",
      "emphasized", "emphasises", "emphasizes", "observed", "recalled",
      "remarked", "announced", "declared", "confirmed", "confirms", "states",
      "stated", "believes", "reckons", "countered", "protested", "complained",
      "complains", "hopes", "accepted", "accepts", "denied", "denies", "asked",
      // Present tenses of the above, and verbs of reply and confession.
      "replies", "responds", "answered", "answers", "confesses", "confessed",
      "recalls", "remarks", "observes", "announces", "declares", "continues",
      "comments", "reiterated", "reiterates", "joked", "jokes", "quipped",
      "quips", "contended", "contends", "counters", "protests", "recounted",
      "recounts", "boasted", "boasts", "mused", "muses", "pleaded",
      "speculated", "speculates", "summarised", "summarized", "summarises",
      "summarizes",
      // Manners of speaking: "“...,” Mr Burnham laughs".
      "laughs", "laughed", "sighs", "sighed", "smiles", "smiled", "chuckles",
      "chuckled",
      // Words published rather than spoken.
      "tweeted", "tweets", "blogged"};
  return s;
}

// Base forms of reporting verbs, which report only after a modal or an
// infinitive of intent ("he will argue", "is expected to warn"): alone
// they are as often nouns or commands ("the claim", "stress").
const WordSet& BaseFormReportingVerbs() {
  static const WordSet s = {
      "argue",     "warn",      "claim",     "admit", "insist",      "explain",
      "stress",    "add",       "tell",      "urge",  "acknowledge", "concede",
      "reply",     "predict",   "suggest",   "note",  "comment",     "confirm",
      "announce",  "declare",   "maintain",  "agree", "deny",        "accept",
      "emphasise", "emphasize", "reiterate", "write", "reveal"};
  return s;
}

// Progressive forms of reporting verbs, which report after a form of "be"
// ("He is also claiming Labour is united", "was telling reporters") or
// after a comma, of the quote that follows ("shared his worries,
// remarking: "...""; "saying" is handled on its own). "Jones is calling on
// BASW to be "more credible"", ", calling award shows "idiotic"" (not the
// leaflets "calling for a "day of reckoning"").
const WordSet& ProgressiveReportingVerbs() {
  static const WordSet s = {
      "saying",    "telling",       "arguing",   "warning",     "claiming",
      "insisting", "suggesting",    "stressing", "explaining",  "adding",
      "urging",    "predicting",    "admitting", "maintaining", "remarking",
      "noting",    "commenting",    "declaring", "stating",     "observing",
      "conceding", "acknowledging", "calling",   "assuring"};
  return s;
}

bool IsBe(std::string_view w) {
  return w == "is" || w == "are" || w == "was" || w == "were" || w == "been";
}

// Whether the word at token i follows a form of "be", perhaps with an
// adverb between ("is also claiming", "was still insisting").
bool AfterBe(const Tokens& t, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && t[j - 1].is_word &&
         (t[j - 1].text == "also" || t[j - 1].text == "now" ||
          t[j - 1].text == "still" || t[j - 1].text == "again"))
    --j;
  return j > 0 && t[j - 1].is_word && IsBe(t[j - 1].text);
}

// Words before "to" that announce what someone will do: "is expected to
// warn", "are set to say".
const WordSet& IntentWords() {
  static const WordSet s = {"expected", "due",   "set",  "going",
                            "poised",   "about", "ready"};
  return s;
}

bool IsCapitalised(const MatchToken& t);

// Whether the base-form verb at token i follows a modal whose subject is a
// person ("Mr Howard will argue", "he would also warn") or an infinitive of
// intent ("is expected to warn"). Not after "not" ("would not respond"),
// nor with another subject ("that might explain", "the system can reply",
// "Whilst I would warn").
bool IsModal(std::string_view w) {
  // Compared directly: asked of nearly every word, a hash look-up each
  // time cost 2% of extraction.
  switch (w.size()) {
    case 3:
      return w == "may" || w == "can";
    case 4:
      return w == "will" || w == "must";
    case 5:
      return w == "would" || w == "shall" || w == "might" || w == "could";
    case 6:
      return w == "should";
    default:
      return false;
  }
}

// "who" or "whose" opening a relative clause about a person: "Taylor,
// whose organisation represents hospitals, said".
bool IsWho(std::string_view w) { return w == "who" || w == "whose"; }

bool AfterModal(const Tokens& t, std::size_t i) {
  std::size_t j = i;
  while (j > 0 && t[j - 1].is_word &&
         (t[j - 1].text == "also" || t[j - 1].text == "again" ||
          t[j - 1].text == "later" || t[j - 1].text == "today" ||
          t[j - 1].text == "tomorrow"))
    --j;
  if (j < 2 || !t[j - 1].is_word) return false;
  static const WordSet kNotPeople = {"i",    "we",   "it",    "they",
                                     "this", "that", "there", "you"};
  // "He was to add:", a speech's text given out before it was made.
  const bool be_to = t[j - 1].text == "to" && j >= 3 &&
                     (t[j - 2].text == "was" || t[j - 2].text == "is");
  if (t[j - 1].text == "to" && !be_to)
    return IntentWords().count(t[j - 2].text) > 0;
  // Or an emphatic "did" ("NHS West Kent's Wilson Bolsover did admit:").
  if (!be_to && !IsModal(t[j - 1].text) && t[j - 1].text != "did" &&
      t[j - 1].text != "does")
    return false;
  const MatchToken& subject = t[j - (be_to ? 3 : 2)];
  // ("Dr Chand Nagpaul, chair of the BMA's GPs committee, is to tell".)
  if (be_to && subject.text == ",") return true;
  return subject.is_word &&
         (subject.lower == "he" || subject.lower == "she" ||
          (IsCapitalised(subject) && !kNotPeople.count(subject.lower)));
}

// Verbs that report someone's words only when the words are quoted after
// them in the sentence: "described Africa as a "scar"", "accused him of
// trying to score "cheap political points"".
const WordSet& QuotingVerbs() {
  static const WordSet s = {
      "accused", "accuses", "described", "describes", "called", "calls",
      "branded", "brands", "dubbed", "dubs", "hailed", "hails", "praised",
      "praises", "criticised", "criticized", "criticises", "condemned",
      "condemns", "welcomed", "welcomes", "attacked", "attacks", "labelled",
      "labeled", "defended", "defends", "dismissed", "dismisses", "rejected",
      "rejects", "implored", "implores", "begged", "slammed", "slams",
      "blasted", "demanded", "cited", "likened", "questioned", "mocked",
      "lambasted", "characterised", "apologised", "apologized",
      // "has raised “deep concerns” about the restructure"
      "raised"};
  return s;
}

// Verbs of promising and of belief report the words they quote, in a
// sentence that quotes nothing before them: "promised to ensure the rebate
// was "fully justified"", "pledged a "sizable" contribution", "He suspects
// the chips will be used to "complement and supplement" animal studies",
// "She also revealed the CQC planned a "massive increase"" (not "the
// "bonfire of quangos" New Labour had promised, there had been an
// "explosion"", nor "X said talks revealed there was "..."").
const WordSet& PromiseVerbs() {
  static const WordSet s = {"promised",  "promises", "pledged", "pledges",
                            "vowed",     "vows",     "thinks",  "suspects",
                            "suspected", "revealed", "reveals"};
  return s;
}

// Reporting verbs that are also plural nouns ("food recalls", "his
// remarks"): a verb only after a person.
bool IsAlsoANoun(std::string_view w) {
  static const WordSet s = {
      "recalls",  "remarks", "comments", "answers", "protests", "counters",
      "jokes",    "quips",   "muses",    "boasts",  "replies",  "tweets",
      "promises", "pledges", "vows",     "laughs",  "sighs",    "smiles"};
  return s.count(w) > 0;
}

// Words between a subject and its verb: "has previously said".
bool IsSkippableBeforeVerb(const MatchToken& t) {
  static const WordSet s = {
      "has",    "have",       "had",     "also",      "previously", "already",
      "then",   "later",      "today",   "yesterday", "recently",   "once",
      "again",  "would",      "will",    "earlier",   "now",        "further",
      "only",   "always",     "often",   "never",     "even",       "still",
      "just",   "since",      "himself", "herself",   "itself",     "last",
      "night",  "week",       "tonight", "this",      "morning",    "has",
      "did",    "does",       "may",     "might",     "could",      "can",
      "should", "repeatedly", "simply",  "meanwhile", "however",    "instead"};
  if (!t.is_word) return false;
  if (s.count(t.text)) return true;
  // Adverbs: "persuasively argues", "publicly said".
  return t.text.size() >= 5 &&
         t.text.compare(t.text.size() - 2, 2, "ly") == 0 && t.text[0] >= 'a' &&
         t.text[0] <= 'z';
}

bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

bool IsCapitalised(const MatchToken& t) {
  if (!t.is_word || t.text.empty()) return false;
  unsigned char c = static_cast<unsigned char>(t.text[0]);
  return IsUpperAscii(static_cast<char>(c)) ||
         (c >= 0xC3 && c <= 0xC5 && t.text.size() > 1);
}

// "BMA", "NHS", "DH", "CCGs".
bool IsAcronym(const MatchToken& t) {
  if (!t.is_word || t.text.size() < 2) return false;
  int upper = 0;
  for (std::size_t i = 0; i < t.text.size(); ++i) {
    char c = t.text[i];
    if (IsUpperAscii(c)) {
      ++upper;
    } else if (!(c == 's' && i + 1 == t.text.size()) &&
               !(c >= '0' && c <= '9')) {
      // "MiP", "DoH": a lower-case letter inside, but mostly capitals.
      if (!(IsLowerAscii(c) && i > 0 && i + 1 < t.text.size())) return false;
    }
  }
  return upper >= 2 && upper * 2 > static_cast<int>(t.text.size());
}

std::string_view Singular(std::string_view w) {
  if (w.size() > 3 && w.back() == 's') w.remove_suffix(1);
  return w;
}

// The word lists a word is on, as bits: one hash lookup answers what
// several set lookups would (IsNameWord asks about every capitalised
// token several times).
enum WordClass : unsigned {
  kHonorificClass = 1,
  kPostNominalClass = 2,
  kNameStopClass = 4,
  kBodyClass = 8,
  kRoleClass = 16,
  kPersonAcronymClass = 32,
};

unsigned WordClasses(std::string_view w) {
  static const std::unordered_map<std::string_view, unsigned, WordHash> table =
      [] {
        std::unordered_map<std::string_view, unsigned, WordHash> t;
        for (std::string_view x : Honorifics()) t[x] |= kHonorificClass;
        for (std::string_view x : PostNominals()) t[x] |= kPostNominalClass;
        for (std::string_view x : NameStops()) t[x] |= kNameStopClass;
        for (std::string_view x : BodyWords()) t[x] |= kBodyClass;
        for (std::string_view x : RoleWords()) t[x] |= kRoleClass;
        for (std::string_view x : PersonAcronyms()) t[x] |= kPersonAcronymClass;
        return t;
      }();
  auto it = table.find(w);
  return it == table.end() ? 0 : it->second;
}

bool IsBodyWord(const MatchToken& t) {
  if (WordClasses(t.text) & kBodyClass) return true;
  std::string_view singular = Singular(t.text);
  return singular.size() != t.text.size() &&
         (WordClasses(singular) & kBodyClass);
}

// A word that can be part of a person's name: capitalised, with lower-case
// letters, not a role, stop or organisation word.
bool IsNameWord(const MatchToken& t) {
  if (!IsCapitalised(t) || t.text.size() > 30 || IsAcronym(t)) return false;
  if (t.text.size() == 1) return true;  // an initial: "J Smith"
  bool has_lower = std::any_of(t.text.begin(), t.text.end(), IsLowerAscii) ||
                   static_cast<unsigned char>(t.text[1]) >= 0x80;
  if (!has_lower) return false;
  if (WordClasses(t.text) &
      (kNameStopClass | kBodyClass | kHonorificClass | kPostNominalClass)) {
    return false;
  }
  std::string_view singular = Singular(t.text);
  return singular.size() == t.text.size() ||
         !(WordClasses(singular) & kBodyClass);
}

// Lower-case nouns for kinds of organisation, which name what follows
// them as one ("the insurer Marsh", "newspaper Nihon Keizai Shimbun"), and
// for works.
bool IsOrganisationNoun(const MatchToken& t) {
  static const WordSet s = {
      "newspaper", "paper", "magazine", "broadcaster", "firm", "company",
      "companies", "insurer", "lender", "bank", "retailer", "carrier",
      "airline", "giant", "maker", "manufacturer", "brand", "station",
      "channel", "publisher", "operator", "provider", "supplier", "website",
      "site", "agency", "group", "conglomerate", "chain", "brokerage", "broker",
      "regulator", "watchdog", "charity", "union", "distributor", "firms",
      "daily", "weekly", "tabloid", "network", "start-up", "startup",
      "subsidiary", "unit", "division", "studio", "label",
      // Works named like people: "Joni Mitchell's song Big Yellow Taxi".
      "song", "album", "film", "movie", "novel", "documentary", "sitcom",
      "poem", "anthem"};
  return t.is_word && !t.text.empty() && IsLowerAscii(t.text[0]) &&
         s.count(t.text) > 0;
}

bool IsApostrophe(const MatchToken& t) {
  return t.text == "'" || t.text == "\xE2\x80\x99";
}
bool Adjacent(const MatchToken& a, const MatchToken& b) {
  return a.end == b.begin;
}

// Prepositions, whose object is not the subject of a clause.
const WordSet& Prepositions() {
  static const WordSet s = {
      "with", "of",    "to",      "for",   "by",     "against", "about",
      "from", "at",    "on",      "in",    "into",   "like",    "than",
      "over", "under", "between", "among", "behind", "toward",  "towards"};
  return s;
}

// Lower-case words inside names: "van", "de la".
bool IsNameParticle(const MatchToken& t) {
  static const WordSet s = {"van", "von", "de",  "der",   "den", "da",
                            "di",  "du",  "del", "della", "la",  "le",
                            "ter", "ten", "bin", "ibn",   "ap"};
  return s.count(t.text) > 0;
}

// The dot of a middle initial: "Stephen J. Kominsky".
bool IsInitialDot(const Tokens& t, std::size_t i) {
  // The first dot of run-together initials after a given name: "M." in
  // "Bernard M.Y. Cheung".
  if (i >= 2 && i + 3 < t.size() && t[i].text == "." &&
      t[i - 1].text.size() == 1 && IsUpperAscii(t[i - 1].text[0]) &&
      t[i + 1].text.size() == 1 && IsUpperAscii(t[i + 1].text[0]) &&
      Adjacent(t[i - 1], t[i]) && Adjacent(t[i], t[i + 1]) &&
      !Adjacent(t[i - 2], t[i - 1]) && IsNameWord(t[i - 2]) &&
      IsInitialDot(t, i + 2))
    return true;
  return i > 0 && i + 1 < t.size() && t[i].text == "." &&
         t[i - 1].text.size() == 1 && IsUpperAscii(t[i - 1].text[0]) &&
         Adjacent(t[i - 1], t[i]) && !Adjacent(t[i], t[i + 1]) &&
         IsNameWord(t[i + 1]) &&
         // Not the end of a dotted acronym ("U.S. Marine Chris Merkle"),
         // unless a name comes before it ("Bernard M.Y. Cheung").
         !(i >= 2 && t[i - 2].text == "." && Adjacent(t[i - 2], t[i - 1]) &&
           !(i >= 4 && IsNameWord(t[i - 4])));
}

// Titles and other stop words that are also surnames ("John Major", "Julie
// Bishop", "Sir Paul Nurse", "Mr Major", "Theresa May", "Dr Michele
// Green", "Dr Mike More", "Mike Read"): the surname when they end a name.
char GivenNameGender(std::string_view name);

bool SurnameAfterName(const Tokens& t, std::size_t i) {
  const std::string_view w = t[i].text;
  static const WordSet kSurnames = {
      "Major", "Judge", "Bishop", "Nurse", "May",  "March", "Green", "King",
      "Head",  "North", "South",  "East",  "West", "More",  "Read"};
  // "Witney MP Robert Courts", "Mr Banks": the plural of a body's word
  // ("court", "bank") after a title or a common given name.
  const std::string_view singular = Singular(w);
  const bool plural_body =
      !kSurnames.count(w) && IsCapitalised(t[i]) && !IsAcronym(t[i]) &&
      singular.size() != w.size() && (WordClasses(singular) & kBodyClass) &&
      !(WordClasses(w) &
        (kNameStopClass | kBodyClass | kHonorificClass | kPostNominalClass));
  if (!kSurnames.count(w) && !plural_body) return false;
  if (i == 0 || !t[i - 1].is_word || Adjacent(t[i - 1], t[i])) return false;
  if (plural_body) {
    if (!Honorifics().count(t[i - 1].text) &&
        GivenNameGender(std::string(t[i - 1].text) + " x") == 0)
      return false;
  } else if (!IsNameWord(t[i - 1]) && !Honorifics().count(t[i - 1].text)) {
    return false;
  }
  return i + 1 == t.size() || !IsNameWord(t[i + 1]);
}

// Months that are also given names ("May Griffith", "April Ryan"): the
// given name when a surname follows that ends the name, and no
// preposition or number stands before ("in May Blair said", "3 May").
bool GivenNameThatIsAMonth(const Tokens& t, std::size_t i) {
  const std::string_view w = t[i].text;
  if (w != "May" && w != "April" && w != "June") return false;
  if (i + 1 >= t.size() || !IsNameWord(t[i + 1]) || t[i + 1].text.size() < 2 ||
      Adjacent(t[i], t[i + 1])) {
    return false;
  }
  if (i + 2 < t.size() && IsNameWord(t[i + 2]) &&
      !Adjacent(t[i + 1], t[i + 2])) {
    return false;
  }
  if (i == 0) return true;
  const MatchToken& b = t[i - 1];
  return !(b.is_word &&
           (Prepositions().count(b.lower) ||
            std::isdigit(static_cast<unsigned char>(b.text[0])) ||
            b.lower == "last" || b.lower == "next" || b.lower == "early" ||
            b.lower == "late" || b.lower == "mid" || b.lower == "this"));
}

// "Bill" before a surname is a given name ("Bill Gates", "chief executive
// Bill Gammell"), not the end of a bill's name ("the Mental Capacity
// Bill"); so is "Will" ("said Will Warrender"), not a question's verb
// ("Will the plan work?", "Will Labour win?": no name word follows).
bool GivenNameBill(const Tokens& t, std::size_t i) {
  return (t[i].text == "Bill" || t[i].text == "Will") && i + 1 < t.size() &&
         !Adjacent(t[i], t[i + 1]) && IsNameWord(t[i + 1]) &&
         !(i > 0 && t[i - 1].lower == "the");
}

// Initials written together with no dots, between an honorific and a name:
// "Dr PK Shah", "Mr AJ Smith" (not "the PK Shah fund"; "JK Rowling" alone
// stays an acronym's).
bool InitialsAfterHonorific(const Tokens& t, std::size_t i) {
  const std::string_view w = t[i].text;
  if (!t[i].is_word || w.size() < 2 || w.size() > 3 ||
      !std::all_of(w.begin(), w.end(), IsUpperAscii))
    return false;
  std::size_t h = i;
  if (h >= 2 && t[h - 1].text == "." && Adjacent(t[h - 2], t[h - 1])) --h;
  return h >= 1 && Honorifics().count(t[h - 1].text) && i + 1 < t.size() &&
         !Adjacent(t[i], t[i + 1]) && IsNameWord(t[i + 1]);
}

// A name word where it stands: IsNameWord, or a title ending a name, or a
// month that is a given name, or initials after an honorific.
bool IsNameWordAt(const Tokens& t, std::size_t i) {
  // "A" and "I" opening a phrase, with no initial's dot, are words ("A
  // Peoplesoft sign"); after a given name they are initials ("Charles A
  // Blixt"), and "I'Anson" is a name.
  if ((t[i].text == "A" || t[i].text == "I") && !IsInitialDot(t, i + 1) &&
      (i == 0 || !t[i - 1].is_word || !IsNameWord(t[i - 1])) &&
      !(i + 1 < t.size() && Adjacent(t[i], t[i + 1])))
    return false;
  return IsNameWord(t[i]) || SurnameAfterName(t, i) ||
         GivenNameThatIsAMonth(t, i) || InitialsAfterHonorific(t, i) ||
         GivenNameBill(t, i);
}

// ---------------------------------------------------------------------------
// Quotes in a paragraph.

enum class QuoteChar {
  kNone,
  kOpenDouble,
  kCloseDouble,
  kOpenSingle,
  kCloseSingle,
  kStraightDouble,
  kStraightSingle
};

QuoteChar QuoteKind(const MatchToken& t) {
  if (t.is_word) return QuoteChar::kNone;
  if (t.text == "\xE2\x80\x9C" || t.text == "\xE2\x80\x9E")
    return QuoteChar::kOpenDouble;
  if (t.text == "\xE2\x80\x9D") return QuoteChar::kCloseDouble;
  if (t.text == "\xE2\x80\x98") return QuoteChar::kOpenSingle;
  if (t.text == "\xE2\x80\x99") return QuoteChar::kCloseSingle;
  if (t.text == "\"") return QuoteChar::kStraightDouble;
  if (t.text == "'") return QuoteChar::kStraightSingle;
  return QuoteChar::kNone;
}

struct QuoteSpan {
  std::size_t open =
      0;  // token index of the opening mark (or 0 for a continuation)
  std::size_t close =
      0;  // token index of the closing mark, tokens.size() if open at end
  std::size_t text_begin = 0, text_end = 0;  // byte offsets of the quoted words
  bool continues =
      false;  // no opening mark: continues the previous paragraph's quote
  bool open_at_end = false;
};

// Whether a quote mark at token i can open (space or bracket before, word
// after) or close (word or punctuation before, space or punctuation after).
bool CanOpen(const Tokens& t, std::size_t i) {
  bool before_ok = i == 0 || !Adjacent(t[i - 1], t[i]) ||
                   t[i - 1].text == "(" || t[i - 1].text == "[" ||
                   t[i - 1].text == "-" || t[i - 1].text == "\xE2\x80\x94" ||
                   t[i - 1].text == "\xE2\x80\x93" ||
                   QuoteKind(t[i - 1]) != QuoteChar::kNone;
  // "Dr Vautrey: ' Pooling budgets ...’": a stray space after a mark
  // that follows a colon.
  bool after_ok = i + 1 < t.size() &&
                  (Adjacent(t[i], t[i + 1]) ||
                   (i > 0 && t[i - 1].text == ":" && IsCapitalised(t[i + 1])));
  return before_ok && after_ok;
}
bool CanClose(const Tokens& t, std::size_t i) {
  bool after_ok =
      i + 1 == t.size() || !Adjacent(t[i], t[i + 1]) || !t[i + 1].is_word;
  // "... in meeting our cash obligations to suppliers, ' he said.": a stray
  // space before a mark that follows a sentence's punctuation, with a
  // space after it too.
  bool before_ok =
      i > 0 && (Adjacent(t[i - 1], t[i]) ||
                ((t[i - 1].text == "," || t[i - 1].text == "." ||
                  t[i - 1].text == "?" || t[i - 1].text == "!") &&
                 (i + 1 == t.size() || !Adjacent(t[i], t[i + 1]))));
  return before_ok && after_ok;
}

// Whether a closing mark like the one at token `i` (`q`) closes a span
// later in the paragraph: a word before it, no word right after it.
bool ClosedLater(const Tokens& t, std::size_t i, QuoteChar q) {
  for (std::size_t j = i + 2; j < t.size(); ++j) {
    if (QuoteKind(t[j]) == q && t[j - 1].is_word && Adjacent(t[j - 1], t[j]) &&
        (j + 1 == t.size() || !Adjacent(t[j], t[j + 1]) || !t[j + 1].is_word))
      return true;
  }
  return false;
}

// Whether the single closing mark at token i is the apostrophe of a plural
// possessive inside a quote (‘Given the Tories’ reduced support, ... ,’ said
// Mr Hughes): it follows a word ending in s, a lower-case word follows it,
// and the next single mark that is not inside a word closes a sentence.
bool PluralPossessive(const Tokens& t, std::size_t i) {
  if (i == 0 || i + 1 >= t.size() || !t[i - 1].is_word ||
      t[i - 1].lower.back() != 's' || !t[i + 1].is_word ||
      Adjacent(t[i], t[i + 1]) ||
      !std::islower(static_cast<unsigned char>(t[i + 1].text.front())))
    return false;
  for (std::size_t j = i + 2; j < t.size(); ++j) {
    QuoteChar q = QuoteKind(t[j]);
    if (q != QuoteChar::kOpenSingle && q != QuoteChar::kCloseSingle &&
        q != QuoteChar::kStraightSingle)
      continue;
    if (t[j - 1].is_word && j + 1 < t.size() && t[j + 1].is_word &&
        Adjacent(t[j - 1], t[j]) && Adjacent(t[j], t[j + 1]))
      continue;  // an apostrophe inside a word
    if (q == QuoteChar::kOpenSingle || !CanClose(t, j)) return false;
    std::string_view before = t[j - 1].text;
    return before == "." || before == "," || before == "?" || before == "!";
  }
  return false;
}

std::vector<QuoteSpan> FindQuotes(const std::string& text, const Tokens& t,
                                  bool starts_inside_quote) {
  std::vector<QuoteSpan> spans;
  enum class State { kOut, kDouble, kSingle } state = State::kOut;
  QuoteSpan cur;
  if (starts_inside_quote && !t.empty() &&
      QuoteKind(t[0]) == QuoteChar::kNone) {
    // A paragraph that continues a quote without repeating the opening
    // mark (rare in print, common in scraped text).
    cur.continues = true;
    cur.text_begin = 0;
    state = State::kDouble;  // closes on either kind below
  }
  bool continuation_any_close = cur.continues;
  int nested = 0;        // quotes of the same kind open inside the current one
  int inner_double = 0;  // double-quoted spans open inside a single one
  for (std::size_t i = 0, next = 1; i < t.size(); i = next) {
    next = i + 1;
    QuoteChar q = QuoteKind(t[i]);
    if (q == QuoteChar::kNone) continue;
    // Two single marks together are one double mark (‘‘...’’ and ''...''
    // from typewriter quotes: “Nobody really knows,’’ said Shane).
    std::size_t last = i;
    if (i + 1 < t.size() && Adjacent(t[i], t[i + 1]) &&
        QuoteKind(t[i + 1]) == q) {
      if (q == QuoteChar::kOpenSingle) q = QuoteChar::kOpenDouble;
      if (q == QuoteChar::kCloseSingle) q = QuoteChar::kCloseDouble;
      if (q == QuoteChar::kStraightSingle) q = QuoteChar::kStraightDouble;
      if (q == QuoteChar::kOpenDouble || q == QuoteChar::kCloseDouble ||
          q == QuoteChar::kStraightDouble) {
        last = i + 1;
        next = i + 2;
      }
    }
    // (Also an opening mark typed for it: "Management in Practice‘s
    // sister title Pulse".)
    bool apostrophe =
        (q == QuoteChar::kCloseSingle || q == QuoteChar::kStraightSingle ||
         q == QuoteChar::kOpenSingle) &&
        i > 0 && i + 1 < t.size() && Adjacent(t[i - 1], t[i]) &&
        Adjacent(t[i], t[i + 1]) && t[i - 1].is_word && t[i + 1].is_word;
    if (apostrophe) continue;
    if (continuation_any_close &&
        (q == QuoteChar::kOpenDouble || q == QuoteChar::kOpenSingle ||
         (CanOpen(t, i) && !CanClose(t, i)))) {
      // The first mark opens a quote: the previous paragraph's quote was
      // left unclosed (a lost mark), and this one starts afresh ("Simon
      // Gardner said: \"We ...").
      return FindQuotes(text, t, false);
    }
    if (state == State::kOut) {
      // A closing mark typed for an opening one, where only a quote can
      // start: a paragraph's first mark, or after a colon, before a
      // capitalised word ("said in a statement: ’Following the ...").
      // Or after a space before a word, when a closing mark of its kind
      // follows in the paragraph ("is due to have an ’emergency meeting’
      // on Thursday"; not "the ’90s").
      const bool misturned =
          (q == QuoteChar::kCloseSingle || q == QuoteChar::kCloseDouble) &&
          i + 1 < t.size() && Adjacent(t[i], t[i + 1]) &&
          (((i == 0 || t[i - 1].text == ":") && IsCapitalised(t[i + 1])) ||
           (i > 0 && !Adjacent(t[i - 1], t[i]) && t[i + 1].is_word &&
            !std::isdigit(static_cast<unsigned char>(t[i + 1].text[0])) &&
            ClosedLater(t, i, q)));
      bool opens = q == QuoteChar::kOpenDouble || q == QuoteChar::kOpenSingle ||
                   misturned ||
                   ((q == QuoteChar::kStraightDouble ||
                     q == QuoteChar::kStraightSingle) &&
                    CanOpen(t, i));
      if (!opens) continue;
      cur = QuoteSpan();
      cur.open = i;
      cur.text_begin = t[last].end;
      state = (q == QuoteChar::kOpenDouble || q == QuoteChar::kStraightDouble ||
               q == QuoteChar::kCloseDouble)
                  ? State::kDouble
                  : State::kSingle;
      inner_double = 0;
      continue;
    }
    // A quote opened with a straight single mark and closed with a
    // straight double one, a typo in the page ('Networks like eDonkey ...
    // advertising revenue," it said): the double mark closes it unless it
    // closes a quote opened inside.
    if (state == State::kSingle &&
        QuoteKind(t[cur.open]) == QuoteChar::kStraightSingle &&
        (q == QuoteChar::kStraightDouble || q == QuoteChar::kOpenDouble ||
         q == QuoteChar::kCloseDouble)) {
      const bool can_close = q != QuoteChar::kOpenDouble && CanClose(t, i);
      if (!can_close || inner_double > 0) {
        if (q == QuoteChar::kOpenDouble || (CanOpen(t, i) && !can_close))
          ++inner_double;
        else if (can_close)
          --inner_double;
        continue;
      }
      cur.close = last;
      cur.text_end = t[i].begin;
      spans.push_back(cur);
      state = State::kOut;
      continue;
    }
    // A straight mark with spaces on both sides ("a sixth, " said Dr
    // Roberts) can only close: a typo in the page, not a new quote.
    bool free_standing = i > 0 && i + 1 < t.size() &&
                         !Adjacent(t[i - 1], t[i]) && !Adjacent(t[i], t[i + 1]);
    bool double_close =
        q == QuoteChar::kCloseDouble ||
        (q == QuoteChar::kStraightDouble && (CanClose(t, i) || free_standing));
    bool single_close =
        (q == QuoteChar::kCloseSingle || q == QuoteChar::kStraightSingle) &&
        CanClose(t, i) && !PluralPossessive(t, i);
    bool closes = state == State::kDouble ? double_close : single_close;
    // An opening mark of the quote's own kind inside it. A double mark, or
    // a single one after a sentence, starts a new quote, the closing mark of
    // the first lost (paragraphs run together in the page: ‘right. "But
    // those’, “health. “They all”, ‘smoke. ‘It is’). A single mark elsewhere
    // opens a quote nested in this one, as writers who have only the one
    // mark nest them ('transfer of the 'good' microbiota,' Man said): its
    // closing mark does not close this one.
    bool same_kind_opens =
        CanOpen(t, i) && i > 0 && t[i - 1].text != ":" &&
        (state == State::kDouble
             ? q == QuoteChar::kOpenDouble ||
                   (q == QuoteChar::kStraightDouble && !closes)
             : q == QuoteChar::kOpenSingle ||
                   (q == QuoteChar::kStraightSingle && !closes));
    if (same_kind_opens) {
      std::string_view before = t[i - 1].text;
      // (Or a curly one after a comma: "is ‘deeply concerning’,
      // ‘irresponsible, ‘extremely unhelpful’ and ‘irritating’".)
      bool after_sentence = before == "." || before == "?" || before == "!" ||
                            before == "\xE2\x80\xA6" ||
                            (before == "," && q == QuoteChar::kOpenSingle);
      if (after_sentence || state == State::kDouble) {
        cur.close = i;
        cur.text_end = t[i].begin;
        spans.push_back(cur);
        cur = QuoteSpan();
        cur.open = i;
        cur.text_begin = t[last].end;
        nested = 0;
      } else if (!std::isdigit(
                     static_cast<unsigned char>(t[i + 1].text.front()))) {
        ++nested;  // not an elided year ("class of '83", "the ‘90s")
      }
      continue;
    }
    if (closes && nested > 0) {
      --nested;
      continue;
    }
    if (continuation_any_close) closes = double_close || single_close;
    if (closes) {
      continuation_any_close = false;
      cur.close = last;
      cur.text_end = t[i].begin;
      spans.push_back(cur);
      state = State::kOut;
    }
  }
  if (state != State::kOut) {
    cur.close = t.size();
    cur.text_end = text.size();
    cur.open_at_end = true;
    spans.push_back(cur);
  }
  return spans;
}

std::string QuoteText(const std::string& text, const QuoteSpan& q) {
  std::string_view s(text);
  s = s.substr(q.text_begin, q.text_end - q.text_begin);
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  // "‘...were met,’ said Dr Meldrum": the comma belongs to the sentence.
  while (!s.empty() && (space(s.back()) || s.back() == ',')) s.remove_suffix(1);
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (char c : s) {
    if (space(c)) {
      in_space = true;
      continue;
    }
    if (in_space && !out.empty()) out += ' ';
    in_space = false;
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Mentions: what a noun phrase names.

enum class MentionKind {
  kNone,
  kPerson,
  kSurname,
  kPronoun,
  kBody,
  kBodyPronoun,
  kGeneric,
  kUnnamed
};

struct Mention {
  MentionKind kind = MentionKind::kNone;
  std::string
      name;  // person: canonical full name or surname; body: canonical body
  char gender = 0;  // 'm', 'f' or 0
  // kSurname: the word is a given name ("Sir Digby", "Dame Clare": knights
  // and dames are called by theirs).
  bool given_name = false;
  // kSurname after a peer's title ("Lord", "Baroness"): the title.
  std::string peer_title;
  // kUnnamed, kGeneric: one person not named ("a spokeswoman", "a GP").
  bool unnamed_one = false;
  // kSurname: the owner of a document ("Buckman's email says"): a person
  // of that name, or else a body.
  bool owns_document = false;
  // kSurname: the name before ", who": a person, perhaps called by the
  // given name ("Dyfed, who is a former leader of Gwynedd Council,
  // said").
  bool who_clause = false;
  // kBody: named for the holder of one of its offices ("the new chair of
  // the GPC", "the chief nursing officer for England").
  bool office = false;
  // kUnnamed: a definite role ("the culture secretary", "our
  // correspondent"), its words in lower case, the head last; the person
  // the article gave that role, if any, is meant.
  std::vector<std::string> role;
  std::size_t first = 0;  // first token of the phrase
  std::size_t end = 0;    // ParseForward: one past the phrase's last token
};

std::string Span(const std::string& text, const Tokens& t, std::size_t first,
                 std::size_t last) {
  return std::string(text.substr(t[first].begin, t[last].end - t[first].begin));
}

// Name words may be joined by apostrophes and hyphens: "O’Neill",
// "Smith-Jones". Returns the first token of the name word ending at `e`.
std::size_t NameWordStart(const Tokens& t, std::size_t e) {
  std::size_t i = e;
  while (i >= 2 && (IsApostrophe(t[i - 1]) || t[i - 1].text == "-") &&
         Adjacent(t[i - 2], t[i - 1]) && Adjacent(t[i - 1], t[i]) &&
         IsCapitalised(t[i - 2])) {
    i -= 2;
  }
  return i;
}

// Whether "the" stands before the run of up to three capitalised words
// that ends at token `e`.
bool TheBeforeCapitalised(const Tokens& t, std::size_t lo, std::size_t e) {
  for (std::size_t k = e; k > lo && e - k < 3 && IsCapitalised(t[k]); --k) {
    if (t[k - 1].lower == "the") return true;
  }
  return false;
}

// A nationality ("American", "Welsh"), never a person's first name
// ("German" is one: the Russian minister German Gref).
bool IsDemonym(std::string_view w) {
  static const WordSet s = {
      "American",   "British",    "English",   "Scottish",    "Welsh",
      "Irish",      "French",     "Spanish",   "Italian",     "Dutch",
      "Belgian",    "Swiss",      "Austrian",  "Swedish",     "Norwegian",
      "Danish",     "Finnish",    "Russian",   "Polish",      "Czech",
      "Slovak",     "Hungarian",  "Romanian",  "Bulgarian",   "Croatian",
      "Serbian",    "Greek",      "Turkish",   "Portuguese",  "Chinese",
      "Japanese",   "Korean",     "Indian",    "Pakistani",   "Afghan",
      "Iraqi",      "Iranian",    "Israeli",   "Palestinian", "Egyptian",
      "Nigerian",   "Kenyan",     "Ghanaian",  "Australian",  "Canadian",
      "Mexican",    "Brazilian",  "Argentine", "Argentinian", "Chilean",
      "Colombian",  "Cuban",      "Ukrainian", "Georgian",    "Thai",
      "Vietnamese", "Indonesian", "Briton",    "Swede",       "Spaniard",
      "Dane",       "Dutchman",   "Frenchman", "Englishman",  "Scotsman",
      "Welshman",   "Irishman"};
  // And in the plural: "Americans Andy Roddick and Andre Agassi".
  return s.count(w) > 0 || (w.size() > 1 && w.back() == 's' &&
                            s.count(w.substr(0, w.size() - 1)) > 0);
}

// The sex a common English given name almost always has: 'm', 'f', or 0
// (unknown, or used by both: Chris, Sam, Jo). For pronouns: "Dr Maureen
// Baker ... against Dr Steve Mowle's 21 votes. She said: ..." is Baker.
char GivenNameGender(std::string_view name) {
  static const WordSet kMale = {
      "Adam", "Alan", "Alastair", "Alistair", "Andrew", "Andy", "Anthony",
      "Barry", "Ben", "Bernard", "Bill", "Bob", "Brian", "Bruce", "Carl",
      "Charles", "Clive", "Colin", "Craig", "Dan", "Daniel", "Dave", "David",
      "Dean", "Dennis", "Derek", "Donald", "Douglas", "Duncan", "Edward",
      "Eric", "Frank", "Fred", "Gareth", "Gary", "Gavin", "Geoff", "Geoffrey",
      "George", "Gerald", "Gordon", "Graeme", "Graham", "Greg", "Gregory",
      "Hamish", "Harry", "Henry", "Howard", "Hugh", "Iain", "Ian", "Jack",
      "James", "Jason", "Jeff", "Jeffrey", "Jeremy", "Jim", "Joe", "John",
      "Jon", "Jonathan", "Joseph", "Keith", "Ken", "Kenneth", "Kevin",
      "Laurence", "Lawrence", "Liam", "Luke", "Malcolm", "Mark", "Martin",
      "Matthew", "Michael", "Mike", "Neil", "Nicholas", "Nick", "Nigel",
      "Norman", "Oliver", "Owen", "Patrick", "Paul", "Peter", "Philip", "Phil",
      "Ralph", "Raymond", "Richard", "Rob", "Robert", "Roger", "Ronald", "Roy",
      "Rupert", "Russell", "Ryan", "Scott", "Sean", "Simon", "Stephen", "Steve",
      "Steven", "Stuart", "Terry", "Thomas", "Tim", "Timothy", "Tom", "Tony",
      "Trevor", "Victor", "Vincent", "Walter", "William",
      // More that UK news names often.
      "Aaron", "Adrian", "Aidan", "Alexander", "Alfred", "Allan", "Alun",
      "Ahmed", "Angus", "Arthur", "Benjamin", "Boris", "Bradley", "Callum",
      "Christopher", "Conor", "Connor", "Cormac", "Damian", "Darren", "Declan",
      "Dominic", "Dylan", "Ed", "Edwin", "Elliot", "Euan", "Ewan", "Gerry",
      "Grant", "Guy", "Harold", "Hywel", "Ivan", "Jacob", "Jake", "Jonny",
      "Josh", "Joshua", "Julian", "Justin", "Keir", "Kieran", "Kwasi", "Leo",
      "Leon", "Lewis", "Lloyd", "Louis", "Marcus", "Matt", "Max", "Mervyn",
      "Mohammed", "Muhammad", "Nadhim", "Nathan", "Neville", "Niall", "Noel",
      "Oscar", "Rhys", "Ricky", "Rishi", "Rory", "Ross", "Sadiq", "Sajid",
      "Sebastian", "Shaun", "Stewart", "Sunil", "Ted", "Theo", "Toby",
      "Tristan", "Vernon", "Warren", "Wayne", "Wes", "Will"};
  static const WordSet kFemale = {
      "Alison", "Amanda", "Angela", "Ann", "Anna", "Anne", "Barbara", "Carol",
      "Caroline", "Catherine", "Charlotte", "Christine", "Claire", "Clare",
      "Deborah", "Diane", "Elaine", "Eleanor", "Elizabeth", "Emily", "Emma",
      "Fiona", "Gill", "Gillian", "Hannah", "Harriet", "Heather", "Heidi",
      "Helen", "Helena", "Hilary", "Jackie", "Jacqueline", "Jane", "Janet",
      "Jennifer", "Jenny", "Jessica", "Joan", "Joanna", "Judith", "Julia",
      "Julie", "Karen", "Kate", "Katherine", "Kathleen", "Laura", "Linda",
      "Lisa", "Liz", "Louise", "Lucy", "Margaret", "Maria", "Marie", "Marion",
      "Mary", "Maureen", "Melanie", "Michelle", "Natalie", "Nicola", "Pamela",
      "Patricia", "Paula", "Penny", "Rachel", "Rebecca", "Rosemary", "Ruth",
      "Sally", "Samantha", "Sandra", "Sarah", "Serena", "Sharon", "Sophie",
      "Susan", "Sue", "Teresa", "Theresa", "Tessa", "Tracey", "Valerie",
      "Victoria", "Wendy", "Yvonne", "Zoe",
      // More that UK news names often.
      "Abigail", "Alice", "Amy", "Anita", "Annie", "Becky", "Beth", "Bethany",
      "Beverley", "Bridget", "Carmen", "Cecilia", "Cheryl", "Chloe",
      "Christina", "Clara", "Claudia", "Colette", "Collette", "Dawn", "Debbie",
      "Denise", "Diana", "Dido", "Donna", "Dorothy", "Edith", "Eileen", "Eleri",
      "Elena", "Ella", "Ellen", "Eluned", "Esther", "Eva", "Eve", "Felicity",
      "Frances", "Gemma", "Georgia", "Geraldine", "Grace", "Gwen", "Hayley",
      "Holly", "Imogen", "Irene", "Isabel", "Jacqui", "Janice", "Jayne",
      "Jeanette", "Jill", "Josephine", "Judy", "June", "Kathryn", "Katie",
      "Katy", "Kelly", "Kirsty", "Lauren", "Leah", "Lorraine", "Lydia", "Lynn",
      "Lynne", "Madeleine", "Maggie", "Mandy", "Marian", "Marianne", "Martha",
      "Megan", "Mhairi", "Miriam", "Molly", "Monica", "Nadine", "Naomi",
      "Natasha", "Nicole", "Nina", "Olivia", "Pauline", "Philippa", "Polly",
      "Priti", "Rosa", "Rose", "Rosie", "Shona", "Sian", "Siobhan", "Sonia",
      "Stella", "Stephanie", "Suella", "Suzanne", "Sylvia", "Tanya", "Therese",
      "Th\u00e9r\u00e8se", "Tina", "Vanessa", "Veronica", "Vicky", "Yasmin",
      "Yvette"};
  const std::string_view given = name.substr(0, name.find(' '));
  if (given.size() == name.size()) return 0;  // a surname alone
  if (kMale.count(given)) return 'm';
  if (kFemale.count(given)) return 'f';
  return 0;
}

// Classifies the capitalised phrase ending at token `e` (inclusive), reading
// leftwards. `lo` is the first token it may use.
Mention ClassifyCapitalised(const std::string& text, const Tokens& t,
                            std::size_t lo, std::size_t e);
std::vector<std::string> DefiniteRole(const Tokens& t, std::size_t lo,
                                      std::size_t e);

// The person named right before the preposition at token `prep` ("of",
// "at", "from"), with a title or in full; kNone when there is none.
Mention PersonFrom(const std::string& text, const Tokens& t, std::size_t lo,
                   std::size_t prep) {
  if (prep < lo + 1 || !IsNameWordAt(t, prep - 1)) return Mention();
  Mention person = ClassifyCapitalised(text, t, lo, prep - 1);
  if (person.kind != MentionKind::kPerson &&
      !(person.kind == MentionKind::kSurname && person.gender != 'x')) {
    return Mention();
  }
  // Not words inside a longer name ("the Department of Ophthalmology and
  // Vision Science at", "the Institute of Healthy Ageing at", "the U.S.
  // National Library of Medicine"), nor a capitalised role ("Consultant
  // Urologist at Southmead Hospital").
  if (!Honorifics().count(t[person.first].text) &&
      RoleWords().count(t[person.first].lower)) {
    return Mention();
  }
  if (person.first > lo) {
    const MatchToken& b = t[person.first - 1];
    if (b.text == "." || (IsCapitalised(b) && !IsFunctionStop(b.text)) ||
        b.lower == "the" || b.text == "of" || b.text == "and" ||
        b.text == "for" || b.text == "&" || b.text == "journal") {
      return Mention();
    }
  }
  return person;
}

// The person named before "from", "of" or "at" and a body described by a
// lower-case noun ending at token `e`: "Cllr Helen Brown from the
// Flintshire Independents group said", "Ann Lee of the campaign group
// said". kNone when no person is named there.
Mention PersonBeforeBodyNoun(const std::string& text, const Tokens& t,
                             std::size_t lo, std::size_t e) {
  // Nouns for the bodies and places people work in, and "... and
  // colleagues said". Not any word: "people on Bells Line of Road are
  // told".
  static const WordSet kPlaces = {
      "colleagues", "campaign",    "team",      "hospital",    "practice",
      "surgery",    "service",     "services",  "university",  "school",
      "clinic",     "centre",      "center",    "foundation",  "federation",
      "alliance",   "partnership", "forum",     "coalition",   "society",
      "tank",       "think-tank",  "thinktank", "campaigners", "club"};
  if (!t[e].is_word || !(kPlaces.count(t[e].text) || IsOrganisationNoun(t[e]) ||
                         GenericHeads().count(t[e].text)))
    return Mention();
  auto preposition = [](const MatchToken& w) {
    return w.text == "from" || w.text == "of" || w.text == "at";
  };
  for (std::size_t j = e; j > lo && j + 6 > e; --j) {
    const MatchToken& p = t[j - 1];
    if (preposition(p))
      return j < e ? PersonFrom(text, t, lo, j - 1) : Mention();
    if (p.lower == "the" || p.lower == "a" || p.lower == "an") {
      if (j - 1 > lo && preposition(t[j - 2]))
        return PersonFrom(text, t, lo, j - 2);
      return Mention();
    }
    // Modifiers: words, and the apostrophes and hyphens inside them ("the
    // BMA's GP committee", "the cross-party group").
    if (!p.is_word && !IsApostrophe(p) && p.text != "-") return Mention();
    if (p.is_word && IsFunctionStop(p.text)) return Mention();
  }
  return Mention();
}

Mention ClassifyCapitalised(const std::string& text, const Tokens& t,
                            std::size_t lo, std::size_t e) {
  Mention m;
  // Post-nominals: "Andrew Lansley MP", and one spelled with dots after
  // the surname, "Alessandro Napoli M.D." (not an initial: "M", ".", "D").
  while (e > lo && PostNominals().count(t[e].text)) --e;
  if (e > lo && t[e].text.size() == 1 && IsCapitalised(t[e]) &&
      e + 2 < t.size() && t[e + 1].text == "." && Adjacent(t[e], t[e + 1]) &&
      Adjacent(t[e + 1], t[e + 2]) && t[e + 2].is_word &&
      IsCapitalised(t[e + 2]) && t[e - 1].is_word && t[e - 1].text.size() > 1)
    --e;
  // Name words from the right.
  std::vector<std::pair<std::size_t, std::size_t>>
      words;  // [first, last] token of each
  std::size_t i = e + 1;
  while (i > lo && words.size() < 4) {
    std::size_t last = i - 1;
    if (!IsNameWordAt(t, last) || (last == e && IsNewspaperWord(t[last].text)))
      break;
    std::size_t first = NameWordStart(t, last);
    if (first < lo) break;
    words.emplace_back(first, last);
    i = first;
    // "Steven T. DeKosky": read on past an initial's dot.
    if (i > lo + 1 && IsInitialDot(t, i - 1)) --i;
    // "Menno van Lookeren Campagne", "Juan de la Cruz": particles between
    // name words.
    std::size_t p = i;
    while (p > lo + 1 && IsNameParticle(t[p - 1])) --p;
    if (p < i && IsNameWordAt(t, p - 1)) {
      i = p;
    } else if (p < i && Honorifics().count(t[p - 1].text)) {
      // After an honorific the particles open the surname: "Mr de
      // Vabres", "Mr van Gaal".
      words.back().first = p;
      i = p;
      break;
    }
    // Words of a name are separated by spaces, not punctuation.
    if (i > lo && !t[i - 1].is_word && t[i - 1].text != ".") break;
  }
  std::reverse(words.begin(), words.end());
  // "Andrew Lansley Andrew Lansley has asked": a caption's name run into
  // the caption (lines joined into one paragraph) is one name.
  if (words.size() == 4 && t[words[0].first].text == t[words[2].first].text &&
      t[words[1].first].text == t[words[3].first].text) {
    i = words[1].second + 1;
    words.erase(words.begin(), words.begin() + 2);
  }
  // A role capitalised at the start of a sentence is not a first name:
  // "Economist Colen Garrow said". Nor is a nationality: "American
  // Davenport will now face ..." (but "the Czech Republic").
  if (words.size() >= 2 && words.front().first == words.front().second &&
      ((words.size() >= 3 &&
        (RoleWords().count(t[words.front().first].lower) ||
         // "Reader Paul Biggs said" (not a role: "one reader of the blog").
         t[words.front().first].text == "Reader" ||
         t[words.front().first].text == "Viewer" ||
         t[words.front().first].text == "Listener")) ||
       (IsDemonym(t[words.front().first].text) &&
        !IsBodyWord(t[words[1].first]) &&
        t[words[1].first].text != "Republic"))) {
    i = words.front().second + 1;
    words.erase(words.begin());
  }
  // "the chief executive of NHS Providers Daniel Elkeles said": a word
  // after an organisation's acronym ends the organisation's name (but
  // initials are a name's: "MSF Jesper H. Brix").
  if (words.size() >= 3 && words.front().first > lo &&
      std::none_of(
          words.begin(), words.end(),
          [&](const auto& w) { return t[w.second].text.size() == 1; }) &&
      t[words.front().first - 1].is_word &&
      IsAcronym(t[words.front().first - 1]) &&
      !PersonAcronyms().count(t[words.front().first - 1].text) &&
      !Honorifics().count(t[words.front().first - 1].text)) {
    i = words.front().second + 1;
    words.erase(words.begin());
  }
  // "The MP for Ealing North claimed", "the lawyer for Michael Jackson
  // said": the role speaks, not the place or person it is for. Also
  // "director at Silver Voices": where the role is held.
  if (!words.empty() && words.front().first >= lo + 2 &&
      (t[words.front().first - 1].text == "for" ||
       t[words.front().first - 1].text == "of" ||
       t[words.front().first - 1].text == "at")) {
    const std::size_t r = words.front().first - 2;
    if (t[r].is_word &&
        (RoleWords().count(t[r].text) || PersonAcronyms().count(t[r].text))) {
      m.kind = MentionKind::kUnnamed;
      m.first = r;
      m.role = DefiniteRole(t, lo, r);
      return m;
    }
  }
  // "Ashok Vishwanathan of Operation Black Vote said": capitalised words
  // after a person's name and "of" or "from" say where the person is from.
  if (words.size() >= 2 && words.front().first >= lo + 2 &&
      (t[words.front().first - 1].text == "of" ||
       t[words.front().first - 1].text == "from")) {
    Mention person = PersonFrom(text, t, lo, words.front().first - 1);
    if (person.kind != MentionKind::kNone) return person;
  }
  // "San Francisco", "Santa Fe": a place, when it opens the name.
  if (!words.empty() && (t[words.front().first].text == "San" ||
                         t[words.front().first].text == "Santa")) {
    m.kind = MentionKind::kBody;
    m.name = Span(text, t, words.front().first, e);
    m.first = words.front().first;
    return m;
  }
  // What stands before the name: an honorific ("Dr", "Dr.", "the Rt Hon")?
  std::size_t before = i;  // tokens [lo, before) precede the name words
  // A kind of organisation before the name makes it the organisation's:
  // "financial newspaper Nihon Keizai Shimbun", "UK broadcaster Virgin
  // Radio", "technology firm Sydus".
  if (!words.empty() && before > lo && IsOrganisationNoun(t[before - 1])) {
    // "Patrick Mulholland from public service union Nipsa said": the
    // person named before it.
    if (Mention person = PersonBeforeBodyNoun(text, t, lo, before - 1);
        person.kind != MentionKind::kNone)
      return person;
    m.kind = MentionKind::kBody;
    m.name = CanonicalBodyName(Span(text, t, words.front().first, e));
    m.first = words.front().first;
    return m;
  }
  std::size_t h = before;
  if (h > lo && t[h - 1].text == "." && h - 1 > lo &&
      Honorifics().count(t[h - 2].text))
    --h;
  bool honorific =
      h > lo && Honorifics().count(t[h - 1].text) > 0 && !words.empty();
  if (honorific) {
    std::string_view hon = t[h - 1].text;
    // "Sir John", "Lord Darzi": the nearest honorific decides the gender.
    m.gender = MaleHonorific(hon) ? 'm' : FemaleHonorific(hon) ? 'f' : 0;
  }
  // "The Weakest Link tells", "the Daily Telegraph said": after an article,
  // capitalised words are a title or a body, not a person.
  if (!honorific && words.size() >= 2 && before > lo &&
      t[before - 1].lower == "the") {
    m.kind = MentionKind::kBody;
    m.name = CanonicalBodyName(Span(text, t, words.front().first, e));
    m.first = words.front().first;
    return m;
  }
  // "the Royal College of Occupational Therapists": capitalised words
  // after "of" and a capitalised word end an organisation's name.
  const bool tail_of_name = !honorific && !words.empty() &&
                            words.front().first >= lo + 2 &&
                            (t[words.front().first - 1].text == "of" ||
                             t[words.front().first - 1].text == "for") &&
                            IsCapitalised(t[words.front().first - 2]);
  if (!words.empty() && !tail_of_name && (honorific || words.size() >= 2)) {
    // "a spokesman for Mr Prescott", "an aide to Tony Blair", "sources
    // close to Mr Brown": someone who speaks for the person, unnamed.
    const std::size_t start = honorific ? h - 1 : words.front().first;
    if (start >= lo + 2 &&
        (t[start - 1].text == "for" || t[start - 1].text == "to") &&
        (GenericHeads().count(t[start - 2].text) ||
         t[start - 2].text == "aide" || t[start - 2].text == "adviser" ||
         t[start - 2].text == "advisor" || t[start - 2].text == "close")) {
      m.kind = MentionKind::kUnnamed;
      m.first = start - 2;
      return m;
    }
    // Initials alone are not a name: "J" in "J said".
    m.kind = words.size() >= 2 ? MentionKind::kPerson : MentionKind::kSurname;
    m.name = Span(text, t, words.front().first, words.back().second);
    // "Lord Falconer": a peer is known by the title.
    if (honorific && words.size() == 1 && IsPeerTitle(t[h - 1].text))
      m.peer_title = std::string(t[h - 1].text);
    m.first = honorific ? h - 1 : words.front().first;
    // "Professor Sir Mike Richards": the phrase opens at the first of
    // stacked honorifics.
    while (honorific && m.first > lo && Honorifics().count(t[m.first - 1].text))
      --m.first;
    m.given_name = honorific && words.size() == 1 &&
                   (t[h - 1].text == "Sir" || t[h - 1].text == "Dame");
    if (words.size() == 1 && t[words.front().first].text.size() == 1)
      m.kind = MentionKind::kNone;
    return m;
  }
  // An organisation: the capitalised run with "of", "and", "for", "the".
  std::size_t j = e + 1;
  bool body = false;
  while (j > lo) {
    const MatchToken& w = t[j - 1];
    bool connector = (w.text == "of" || w.text == "and" || w.text == "for" ||
                      w.text == "&" || w.text == "the" || w.text == "on" ||
                      w.text == "in") &&
                     j - 1 > lo &&
                     (IsCapitalised(t[j - 2]) || t[j - 2].text == "of");
    if (IsCapitalised(w) && !IsFunctionStop(w.text)) {
      if ((IsAcronym(w) && !PersonAcronyms().count(w.text)) ||
          (IsBodyWord(w) && !GivenNameBill(t, j - 1)))
        body = true;
      // "the Royal College of GPs": a role's acronym after "of" ends a
      // body's name, and one before a body's word is part of it ("the BMA's
      // GP Committee"); elsewhere it names a person ("Labour MP").
      if (PersonAcronyms().count(w.text) &&
          !(j == e + 1 && j >= lo + 2 && t[j - 2].text == "of") &&
          !(j <= e && IsBodyWord(t[j])))
        break;
      --j;
    } else if (w.text == "s" && j >= lo + 4 && IsApostrophe(t[j - 2]) &&
               Adjacent(t[j - 2], w) && IsCapitalised(t[j - 3]) &&
               TheBeforeCapitalised(t, lo, j - 3)) {
      // "the King's Fund", "the Information Commissioner's Office": a
      // possessive inside the name
      j -= 2;
    } else if (connector) {
      // "Dr Chaand Nagpaul of the BMA": a person, from the body.
      if (w.text == "of") {
        Mention person = PersonFrom(text, t, lo, j - 1);
        if (person.kind != MentionKind::kNone) return person;
      }
      --j;
    } else {
      break;
    }
  }
  while (j <= e && !IsCapitalised(t[j])) ++j;  // no leading connector
  // "Martin Roland at the Nuffield Trust", "... from the King's Fund".
  if (j <= e) {
    std::size_t k = j;
    if (k > lo && t[k - 1].text == "the") --k;
    if (k > lo && (t[k - 1].text == "at" || t[k - 1].text == "from" ||
                   t[k - 1].text == "of")) {
      Mention person = PersonFrom(text, t, lo, k - 1);
      if (person.kind != MentionKind::kNone) return person;
      // "Matthew Taylor chief executive of the NHS Confederation said:":
      // the person before a role of the body, the comma left out.
      std::size_t r = k - 1;
      if (r > lo + 1 && t[k - 1].text == "of" && t[r - 1].is_word &&
          RoleWords().count(t[r - 1].text)) {
        std::size_t q = r - 1;
        while (q > lo && q + 4 > r && t[q - 1].is_word &&
               IsLowerAscii(t[q - 1].text[0]))
          --q;
        person = PersonFrom(text, t, lo, q);
        if (person.kind != MentionKind::kNone) return person;
      }
    }
  }
  // "The President of the Royal College of Emergency Medicine": the office
  // capitalised, as the start of the name.
  bool head_of = false;
  const std::size_t role_first = j;
  if (body && j + 3 <= e && t[j + 1].text == "of") {
    static const WordSet kHeads = {"President",  "Chair", "Chairman",
                                   "Chairwoman", "Head",  "Director",
                                   "Leader",     "Dean",  "Principal"};
    const std::size_t after = t[j + 2].text == "the" ? j + 3 : j + 2;
    if (kHeads.count(t[j].text) && after <= e && IsCapitalised(t[after])) {
      j = after;
      head_of = true;
    }
  }
  if (body && j <= e) {
    m.kind = MentionKind::kBody;
    m.name = CanonicalBodyName(Span(text, t, j, e));
    // (The mention starts at the office: "Cllr Ricky Henderson, Chair of
    // the Edinburgh Integration Joint Board said" is the body alone after
    // the comma.)
    m.first = role_first;
    std::size_t k = j;
    if (k > lo && t[k - 1].text == "the") --k;
    // "the new chair of the GPC": the body named for one of its offices.
    m.office = head_of || (k >= lo + 2 &&
                           (t[k - 1].text == "of" || t[k - 1].text == "for") &&
                           RoleWords().count(t[k - 2].lower) > 0);
    if (m.office) m.role = {std::string(t[head_of ? role_first : k - 2].lower)};
    // "a spokeswoman for NHS England": one unnamed person speaks for it.
    if (k >= lo + 2 && t[k - 1].text == "for" &&
        GenericHeads().count(t[k - 2].text)) {
      m.unnamed_one = IndefiniteOne(t, lo, k - 2);
      m.gender = HeadGender(t[k - 2].text);
    }
    return m;
  }
  if (words.size() == 1 && words.front().second == e) {
    m.kind = MentionKind::kSurname;  // resolved only against known people
    m.name = Span(text, t, words.front().first, e);
    m.first = words.front().first;
    // A bare single word is weak evidence: mark it so the caller only
    // accepts a known surname.
    m.gender = 'x';
  }
  return m;
}

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "a" || w == "an" || w == "our" || w == "his" ||
         w == "her" || w == "their" || w == "its" || w == "this";
}

// Short words a title leaves in lower case ("Battle of the Bulge").
bool IsFunctionWord(std::string_view w) {
  return w == "of" || w == "the" || w == "and" || w == "for" || w == "to" ||
         w == "a" || w == "an" || w == "in" || w == "on" || w == "with" ||
         w == "at" || w == "by" || w == "or" || w == "s";
}

// Kinship in apposition makes a name a person the story is about:
// "Azmat Begg, father of Moazzam, thanked his lawyers. He added: ...".
bool IsKinWord(std::string_view w) {
  static const WordSet s = {"father",  "mother",  "son",         "daughter",
                            "brother", "sister",  "husband",     "wife",
                            "widow",   "widower", "grandmother", "grandfather",
                            "uncle",   "aunt",    "cousin",      "parent"};
  return s.count(w) > 0;
}

// Verbs of reply, which give the floor to someone new.
bool IsReplyVerb(const MatchToken& w) {
  return w.lower == "agreed" || w.lower == "agrees" || w.lower == "replied" ||
         w.lower == "replies" || w.lower == "responded" ||
         w.lower == "responds" || w.lower == "countered" ||
         w.lower == "counters" || w.lower == "answered" ||
         w.lower == "disagreed";
}

// Whether a lower-case noun names people: a role ("researchers"), a
// body's voice ("spokesman"), or one of a few plural nouns for people.
bool IsPersonNoun(const MatchToken& w) {
  static const WordSet kPeople = {
      "people",    "residents",   "parents",   "voters",  "staff",  "workers",
      "others",    "sources",     "insiders",  "friends", "allies", "ministers",
      "doctors",   "nurses",      "patients",  "women",   "men",    "children",
      "families",  "campaigners", "officials", "many",    "some",   "both",
      "assistant", "assistants"};
  if (!w.is_word) return false;
  return kPeople.count(w.lower) || RoleWords().count(w.lower) ||
         RoleWords().count(Singular(w.lower)) ||
         GenericHeads().count(w.lower) || PersonAcronyms().count(w.text) ||
         HeadGender(w.lower) != 0;
}

// The words of a definite role ending at token `e`, in lower case ("the
// shadow chancellor" -> shadow, chancellor; "our correspondent"), or none:
// a role word (or "MP") after "the", "our" or "this" and at most three
// modifiers.
std::vector<std::string> DefiniteRole(const Tokens& t, std::size_t lo,
                                      std::size_t e) {
  std::vector<std::string> role;
  if (!RoleWords().count(t[e].lower) && !PersonAcronyms().count(t[e].text)) {
    // "the chief inspector of hospitals": the role before "of" and a
    // lower-case word or two.
    for (std::size_t k = e; k > lo + 1 && k + 3 > e; --k) {
      if (!t[k].is_word || IsCapitalised(t[k])) return role;
      if (t[k - 1].text == "of" && RoleWords().count(t[k - 2].lower))
        return DefiniteRole(t, lo, k - 2);
    }
    return role;
  }
  for (std::size_t i = e + 1; i-- > lo && i + 5 > e;) {
    // "the BMA's GP leader", "Hull City Council's leader": a body's role;
    // the words after the possessive.
    // (Not a role that runs on, "the group's president-elect David
    // Beyer", where the name is the mention.)
    // (The body may open the sentence: "Scotland's former health
    // secretary has said".)
    if (i < e && t[i].lower == "s" && i >= lo + 2 &&
        !(i + 1 == e && e + 1 < t.size() &&
          (t[e + 1].text == "-" || IsNameWordAt(t, e + 1))) &&
        IsApostrophe(t[i - 1])) {
      bool owned = false;
      if (IsCapitalised(t[i - 2])) {
        std::size_t k = i - 2;
        while (k > lo && k + 4 > i && IsCapitalised(t[k - 1])) --k;
        // Also a body without the article opening the clause: "..., NHS
        // England's chief executive has said".
        owned = (k > lo && t[k - 1].lower == "the") ||
                (IsCapitalised(t[k]) && (k == lo || t[k - 1].text == ","));
        if (!owned) return {};
      } else {
        // "the regulator's chief executive": a body named by a noun.
        owned = i >= lo + 3 && t[i - 2].is_word &&
                IsLowerAscii(t[i - 2].text[0]) && t[i - 3].lower == "the";
      }
      if (owned) {
        for (std::size_t j = i + 1; j <= e; ++j) role.emplace_back(t[j].lower);
        return role;
      }
    }
    if (!t[i].is_word) return {};
    if (i < e &&
        (t[i].lower == "the" || t[i].lower == "our" || t[i].lower == "this")) {
      for (std::size_t k = i + 1; k <= e; ++k) role.emplace_back(t[k].lower);
      return role;
    }
  }
  return {};
}

// The words of a role after "a" or "an" ending at token `e`, in lower case
// ("A hospital boss has apologised" -> hospital, boss), or none: a role
// word after at most three lower-case modifiers.
std::vector<std::string> IndefiniteRole(const Tokens& t, std::size_t e) {
  if (e >= t.size() || !RoleWords().count(t[e].text) ||
      GenericHeads().count(t[e].text))
    return {};
  for (std::size_t i = e; i-- > 0 && i + 4 > e;) {
    if (t[i].lower == "a" || t[i].lower == "an") {
      std::vector<std::string> role;
      for (std::size_t k = i + 1; k <= e; ++k) role.emplace_back(t[k].lower);
      return role;
    }
    if (!t[i].is_word || IsCapitalised(t[i])) return {};
  }
  return {};
}

// A dash that opens or closes an aside: an en or em dash, or a hyphen
// with spaces around it (not the one inside "co-ordinator").
bool IsApposingDash(const MatchToken& w) {
  return w.text == "\u2013" || w.text == "\u2014" || w.text == "--" ||
         (w.text == "-" && w.begin > 0 && w.text.data()[-1] == ' ');
}

// The noun phrase ending at token `e` (inclusive), reading leftwards.
Mention ParseBackward(const std::string& text, const Tokens& t, std::size_t lo,
                      std::size_t e) {
  Mention m;
  const MatchToken& w = t[e];
  if (!w.is_word) return m;
  if (w.lower == "he" || w.lower == "she") {
    m.kind = MentionKind::kPronoun;
    m.gender = w.lower == "he" ? 'm' : 'f';
    m.first = e;
    return m;
  }
  if (w.lower == "it") {
    m.kind = MentionKind::kBodyPronoun;
    m.first = e;
    return m;
  }
  // "The Prime Minister", "the Health Secretary": a capitalised office,
  // which a person named with the role may hold. Not a body ("the
  // Scottish Executive") nor a nationality ("the American").
  static const WordSet kOffices = {
      "Minister",   "Secretary", "Chancellor", "Chair",        "Chairman",
      "Chairwoman", "President", "Director",   "Commissioner", "Mayor",
      "Governor",   "Officer",   "Leader",     "Inspector",    "Ombudsman"};
  static const WordSet kOfficeModifiers = {
      "Prime",      "Home",      "Foreign",  "Health",    "Deputy",
      "Shadow",     "Chief",     "Vice",     "Acting",    "Interim",
      "Medical",    "Clinical",  "Managing", "Attorney",  "Education",
      "Opposition", "Assistant", "Culture",  "Business",  "Justice",
      "Care",       "Social",    "Nursing",  "Executive", "General",
      "First",      "Junior",    "Senior",   "Public"};
  if (kOffices.count(w.text) ||
      (w.text == "Executive" && e > lo && t[e - 1].text == "Chief")) {
    std::size_t f = e;
    while (f > lo && t[f - 1].is_word &&
           (kOfficeModifiers.count(t[f - 1].text) ||
            kOffices.count(t[f - 1].text)))
      --f;
    if (f > lo && t[f - 1].lower == "the") {
      m.kind = MentionKind::kUnnamed;
      m.first = f;
      m.role = DefiniteRole(t, lo, e);
      return m;
    }
  }
  // "A senior Conservative MP has hit out", "one Labour GP": someone
  // unnamed described by a party or place, not the party.
  if (PersonAcronyms().count(w.text) && e > lo && IsCapitalised(t[e - 1]) &&
      !Honorifics().count(t[e - 1].text)) {
    std::size_t f = e - 1;
    while (f > lo && f + 3 > e && IsCapitalised(t[f - 1]) && t[f - 1].is_word)
      --f;
    if (f > lo &&
        (t[f - 1].lower == "a" || t[f - 1].lower == "an" ||
         t[f - 1].lower == "one" || t[f - 1].lower == "another" ||
         t[f - 1].text == "senior" || t[f - 1].text == "former" ||
         t[f - 1].text == "backbench" || t[f - 1].text == "veteran")) {
      m.kind = MentionKind::kUnnamed;
      m.first = f;
      m.unnamed_one = true;
      return m;
    }
  }
  // "The MP said": the one the article named with the role.
  if (PersonAcronyms().count(w.text) && e > lo && t[e - 1].lower == "the") {
    m.kind = MentionKind::kUnnamed;
    m.first = e - 1;
    m.role = DefiniteRole(t, lo, e);
    return m;
  }
  // "The 67-year-old said": an age for the person last named, of either
  // sex.
  if (w.lower == "old" && e >= lo + 5 && t[e - 1].text == "-" &&
      t[e - 2].lower == "year" && t[e - 3].text == "-" &&
      !t[e - 4].text.empty() && t[e - 4].text[0] >= '0' &&
      t[e - 4].text[0] <= '9' && t[e - 5].lower == "the") {
    m.kind = MentionKind::kPronoun;
    m.gender = 0;
    m.first = e - 5;
    return m;
  }
  if (IsCapitalised(w)) return ClassifyCapitalised(text, t, lo, e);
  // "his paper argued", "her letter says": the writing of the man or woman
  // last named.
  static const WordSet kOwnWritings = {
      "paper",  "letter", "report",     "article", "memo",     "blog",
      "column", "email",  "submission", "speech",  "statement"};
  if (e > lo && kOwnWritings.count(w.text) &&
      (t[e - 1].lower == "his" || t[e - 1].lower == "her")) {
    m.kind = MentionKind::kPronoun;
    m.gender = t[e - 1].lower == "his" ? 'm' : 'f';
    m.first = e - 1;
    return m;
  }
  if (Mention person = PersonBeforeBodyNoun(text, t, lo, e);
      person.kind != MentionKind::kNone)
    return person;
  if (GenericHeads().count(w.text) || w.text == "government" ||
      w.text == "spokesmen") {
    // A spokesman is one person, with or without "a": "the prime
    // minister's official spokesman said ... he added" is not the man named
    // before.
    const bool spokes = w.text == "spokesman" || w.text == "spokeswoman" ||
                        w.text == "spokesperson";
    // Modifiers: "a DH spokesperson", "the BMA’s statement", "the Labour
    // party".
    std::size_t k = e;
    // "the BMA's GP committee": a role acronym qualifying the head.
    if (k > lo + 1 && PersonAcronyms().count(t[k - 1].text) &&
        (IsApostrophe(t[k - 2]) || t[k - 2].text == "s"))
      --k;
    if (k >= lo + 2 && t[k - 1].text == "s" && IsApostrophe(t[k - 2])) k -= 2;
    if (k > lo && IsCapitalised(t[k - 1]) && !IsFunctionStop(t[k - 1].text)) {
      Mention mod = ClassifyCapitalised(text, t, lo, k - 1);
      // "Dr Nagpaul's letter said", "Buckman's email says": a person's
      // own writing is theirs.
      static const WordSet kWritings = {"statement",  "letter", "memo",
                                        "submission", "email",  "blog",
                                        "tweet",      "column", "report"};
      if (k < e && kWritings.count(w.text) &&
          (mod.kind == MentionKind::kPerson ||
           mod.kind == MentionKind::kSurname)) {
        mod.owns_document = mod.kind == MentionKind::kSurname;
        return mod;
      }
      if (mod.kind == MentionKind::kSurname && mod.gender == 'x') {
        // "a Labour spokesman", "a Downing Street spokesman": one or two
        // capitalised words that are not a person's name.
        mod.kind = MentionKind::kBody;
        mod.name = CanonicalBodyName(mod.name);
      }
      if (mod.kind == MentionKind::kBody) {
        mod.first = std::min(mod.first, e);
        // "a DH spokeswoman": one unnamed person speaks for the body.
        mod.unnamed_one = IndefiniteOne(t, lo, e) || spokes;
        mod.gender = HeadGender(w.text);
        return mod;
      }
      m.kind = MentionKind::kUnnamed;  // "Mr Blair’s spokesman"
      m.unnamed_one = spokes;
      m.gender = HeadGender(w.text);
      return m;
    }
    m.first = e;
    if (w.text == "government") {
      m.kind = MentionKind::kBody;
      m.name = "Government";
    } else {
      m.kind = MentionKind::kGeneric;
      m.unnamed_one = IndefiniteOne(t, lo, e) || spokes;
      m.gender = HeadGender(w.text);
    }
    return m;
  }
  m.kind =
      MentionKind::kUnnamed;  // "a GP", "researchers", "one former enthusiast"
  m.first = e;
  m.unnamed_one = IndefiniteOne(t, lo, e);
  m.gender = HeadGender(w.text);
  m.role = DefiniteRole(t, lo, e);
  return m;
}

// Whether tokens from `i` are lower-case words ending in a role word right
// before a capitalised one, within four words: the modifiers of a role
// that names who follows ("shadow health secretary Andy Burnham", "labour
// affairs correspondent Stephen Cape").
bool RoleModifiersAt(const Tokens& t, std::size_t i, std::size_t hi) {
  for (std::size_t j = i; j < hi && j < i + 4; ++j) {
    if (!t[j].is_word || IsCapitalised(t[j])) return false;
    // "division chief Rama Mallampalli", "division chief, Rama ...", and
    // a role of two words: "chief executive Chris Hopson".
    if (RoleWords().count(t[j].text)) {
      if (j + 1 < hi && t[j + 1].is_word && !IsCapitalised(t[j + 1]) &&
          RoleWords().count(t[j + 1].text))
        continue;
      return j + 1 < hi &&
             (IsCapitalised(t[j + 1]) ||
              (t[j + 1].text == "," && j + 2 < hi &&
               (IsNameWord(t[j + 2]) || Honorifics().count(t[j + 2].text))));
    }
  }
  return false;
}

// "reader", "viewer" or "listener" at token i before a name: "said Star
// reader Shiree Varley" (not "one reader of the blog", which names
// nobody).
bool IsAudienceRoleAt(const Tokens& t, std::size_t i, std::size_t hi) {
  return (t[i].text == "reader" || t[i].text == "viewer" ||
          t[i].text == "listener") &&
         i + 1 < hi && IsNameWordAt(t, i + 1);
}

// The first part of a hyphened role at token i: "co" in "co-author",
// "ex" in "ex-chairman".
bool IsHyphenedRolePrefix(const Tokens& t, std::size_t i, std::size_t hi) {
  return i + 2 < hi && t[i].is_word && t[i + 1].text == "-" &&
         Adjacent(t[i], t[i + 1]) && Adjacent(t[i + 1], t[i + 2]) &&
         RoleWords().count(t[i + 2].text);
}

// The noun phrase starting at token `b`: "said Dr Meldrum.", "said the
// statement", "said a spokesman for the Department of Health".
Mention ParseForward(const std::string& text, const Tokens& t, std::size_t b,
                     std::size_t hi) {
  std::size_t i = b;
  bool seen_cap = false;
  std::size_t last = b;
  bool any = false;
  while (i < hi && i < b + 12) {
    const MatchToken& w = t[i];
    if (!w.is_word) {
      // Honorific dots, apostrophes and hyphens inside names.
      bool inner =
          (w.text == "." && i > b &&
           (Honorifics().count(t[i - 1].text) || IsInitialDot(t, i))) ||
          ((IsApostrophe(w) || w.text == "-") && i > b && i + 1 < hi &&
           Adjacent(t[i - 1], w) && Adjacent(w, t[i + 1]));
      if (!inner) break;
      ++i;
      continue;
    }
    if (IsCapitalised(w)) {
      seen_cap = true;
    } else if (seen_cap) {
      // Name particles: "Menno van Lookeren Campagne", "Renaud Donnedieu de
      // Vabres".
      if ((w.text == "van" || w.text == "von" || w.text == "de" ||
           w.text == "der" || w.text == "da" || w.text == "di" ||
           w.text == "le" || w.text == "la") &&
          i + 1 < hi && IsNameWord(t[i + 1])) {
        last = i;
        ++i;
        continue;
      }
      // "said the Observer's Philip French": the body's person (not its
      // title, "according to the Society's Endocrine Facts and Figures
      // Report").
      if (w.text == "s" && IsApostrophe(t[i - 1]) && i + 2 < hi &&
          IsNameWord(t[i + 1]) && IsNameWord(t[i + 2])) {
        std::size_t k = i + 1;
        while (k < hi && IsNameWordAt(t, k)) ++k;
        if (!(k < hi && (IsBodyWord(t[k]) || t[k].text == "and"))) {
          last = i;
          ++i;
          continue;
        }
      }
      // "according to England's chief nursing officer Jane Cummings": the
      // role's owner.
      if (w.text == "s" && IsApostrophe(t[i - 1]) && i + 1 < hi &&
          (RoleWords().count(t[i + 1].text) || RoleModifiersAt(t, i + 1, hi))) {
        last = i;
        ++i;
        continue;
      }
      // "said Dr. Matthew Hellmann of the Memorial Sloan Kettering Cancer
      // Center": once a person is named, "of ..." is their affiliation.
      // But capitalised words before a role and a name are the role's:
      // "said Final Wars producer Shogo Tomiyama".
      if ((ClassifyCapitalised(text, t, b, last).kind == MentionKind::kPerson ||
           (last > b && Honorifics().count(t[last - 1].text) &&
            IsNameWord(t[last]))) &&
          !RoleModifiersAt(t, i, hi)) {
        break;
      }
      bool connector = (w.text == "of" || w.text == "for" || w.text == "from" ||
                        w.text == "and" || w.text == "the" || w.text == "at") &&
                       i + 1 < hi &&
                       (IsCapitalised(t[i + 1]) || t[i + 1].text == "the");
      if (!connector && !RoleWords().count(w.text) &&
          !RoleModifiersAt(t, i, hi) && !IsAudienceRoleAt(t, i, hi))
        break;
    } else if (!(RoleModifiersAt(t, i, hi) || w.text == "the" ||
                 w.text == "a" || w.text == "an" || w.text == "one" ||
                 GenericHeads().count(w.text) || RoleWords().count(w.text) ||
                 w.text == "he" || w.text == "she" || w.text == "it" ||
                 w.text == "from" || w.text == "for" || w.text == "of" ||
                 w.text == "government" || w.text == "study" ||
                 w.text == "senior" || w.text == "principal" ||
                 w.text == "assistant" ||
                 // "said first author Dimitris Vlachopoulos"
                 w.text == "first" || w.text == "last" ||
                 w.text == "corresponding" || w.text == "joint" ||
                 w.text == "associate" || w.text == "former" ||
                 w.text == "general" || w.text == "trial" ||
                 w.text == "research" || w.text == "project" ||
                 w.text == "retina" || w.text == "health" ||
                 // "the study's principal investigator, R. Scott Turner"
                 (w.text == "s" && i > b && IsApostrophe(t[i - 1])) ||
                 // "said the hospital's chief executive Sian Cotton": the
                 // role's owner.
                 (i + 3 < hi && IsApostrophe(t[i + 1]) &&
                  t[i + 2].text == "s" && Adjacent(w, t[i + 1]) &&
                  Adjacent(t[i + 1], t[i + 2]) &&
                  (RoleWords().count(t[i + 3].text) ||
                   RoleModifiersAt(t, i + 3, hi))) ||
                 // "said co-author Sian Cotton", "said ex-chairman ...".
                 IsHyphenedRolePrefix(t, i, hi) || IsAudienceRoleAt(t, i, hi) ||
                 (i == b && IsSkippableBeforeVerb(w)))) {
      break;
    }
    last = i;
    any = true;
    ++i;
  }
  if (!any) return Mention();
  // Pronoun right after the verb: "said he".
  if (t[b].lower == "he" || t[b].lower == "she" || t[b].lower == "it") {
    // "said he." but not "..., said he was".
    if (b + 1 < hi && t[b + 1].is_word) return Mention();
    return ParseBackward(text, t, b, b);
  }
  // Trailing connectors are not part of the phrase.
  while (last > b && !IsCapitalised(t[last]) &&
         !GenericHeads().count(t[last].text) && t[last].text != "government" &&
         !RoleWords().count(t[last].text)) {
    --last;
  }
  Mention m = ParseBackward(text, t, b, last);
  m.end = last + 1;
  // "said the committee chairman, MP Edward Leigh": the role's name in
  // apposition; also after the body the role belongs to ("said the chief
  // executive of the NHS Confederation, Niall Dickson", "the chair of the
  // BMA's GP committee, Dr Chaand Nagpaul").
  std::size_t comma = m.end;
  if (m.kind == MentionKind::kBody || m.kind == MentionKind::kUnnamed) {
    bool role = false;
    for (std::size_t j = b; j < hi && j < b + 6 && !role; ++j)
      role =
          t[j].is_word && !IsCapitalised(t[j]) && RoleWords().count(t[j].text);
    const bool article = t[b].lower == "the" || t[b].lower == "a";
    if (m.kind == MentionKind::kBody && !(article && role)) comma = hi;
    while (comma < hi && comma < m.end + 12 && t[comma].text != "," &&
           (t[comma].is_word || IsApostrophe(t[comma])))
      ++comma;
  }
  if ((m.kind == MentionKind::kUnnamed || m.kind == MentionKind::kBody) &&
      comma + 1 < hi && t[comma].text == ",") {
    Mention name = ParseForward(text, t, comma + 1, hi);
    if ((name.kind == MentionKind::kPerson ||
         (name.kind == MentionKind::kSurname && name.gender != 'x')) &&
        name.first <= comma + 3 && (name.end >= hi || !t[name.end].is_word)) {
      return name;
    }
  }
  return m;
}

// ---------------------------------------------------------------------------
// The article-wide state: who has been named so far.

struct Person {
  std::string name;     // canonical
  std::string surname;  // last word of the name
  char gender = 0;
  bool speaker = false;
  // Known only by the given name so far ("Sir Digby"): takes the first full
  // name that starts with it.
  bool given_only = false;
  // Named only in passing, without a title or role: found by surname, but
  // never the antecedent of a pronoun ("He said" after "Vladimir Putin"
  // in a subordinate clause is rarely Putin).
  bool weak = false;
  // Every mention's position: a paragraph's mentions are all read before
  // its attributions, so a pronoun looks for the latest one before it.
  std::vector<long> seen;
  // The words of the roles the article gives the person, in lower case
  // ("culture", "secretary"), for "the culture secretary said".
  std::vector<std::string> role_words;
  // The public offices the person held on the article's date, as
  // corpus/offices.tsv names them ("health secretary"), for "the health
  // secretary said" when the article never says that they hold it.
  std::vector<const OfficeHolders::Phrase*> offices;
  // The positions of mentions that open their sentence ("Lesley Croft, who
  // lives with Parkinson's disease, voiced his worries"): a person named
  // in passing there may be "the 67-year-old" who speaks next.
  std::vector<long> opens;

  // The latest mention's position (-1: none).
  long LastSeen() const {
    return seen.empty() ? -1 : *std::max_element(seen.begin(), seen.end());
  }
  // The latest mention before `pos` (-1: none).
  long LastSeenBefore(long pos) const {
    long latest = -1;
    for (long at : seen) {
      if (at < pos) latest = std::max(latest, at);
    }
    return latest;
  }
  // Mentions that pronouns see only up to a position: (at, until).
  std::vector<std::pair<long, long>> local;
  long LatestAtOrBefore(long pos) const {
    long latest = -1;
    for (long at : seen) {
      if (at <= pos && at > latest &&
          std::none_of(local.begin(), local.end(), [&](const auto& l) {
            return l.first == at && pos >= l.second;
          })) {
        latest = at;
      }
    }
    return latest;
  }
};

class Registry {
 public:
  // The people named hold their offices: those of the article's date, or
  // without one, every office they held.
  Registry(const OfficeHolders* offices, std::optional<Date> date)
      : office_holders_(offices), date_(date) {}

  // A fully named person: the existing entry for the name, or a new one.
  int Person(const std::string& name, char gender, long pos,
             bool weak = false) {
    std::string canonical = CanonicalPersonName(name);
    std::string surname = canonical.substr(canonical.rfind(' ') + 1);
    int found = -1;
    for (std::size_t i = 0; i < people_.size(); ++i) {
      if (people_[i].name == canonical) found = static_cast<int>(i);
    }
    if (found < 0) {
      // A person first met by surname alone ("Mr Smith") gets the full name,
      // and one met by given name alone ("Sir Digby") too.
      const std::string given = canonical.substr(0, canonical.find(' '));
      for (std::size_t i = 0; i < people_.size(); ++i) {
        hpnews::Person& p = people_[i];
        if ((p.name == surname && p.surname == surname && !p.given_only) ||
            (p.given_only && p.name == given)) {
          found = static_cast<int>(i);
          p.name = canonical;
          p.surname = surname;
          p.given_only = false;
          if (p.gender == 0) p.gender = GivenNameGender(canonical);
          if (office_holders_ != nullptr)
            p.offices = office_holders_->Held(canonical, date_);
        }
      }
    }
    if (found < 0) {
      found = Add(canonical, surname, gender);
      people_[found].weak = weak;
    }
    if (!weak) people_[found].weak = false;
    Touch(found, gender, pos);
    return found;
  }

  // "Sir Digby": the latest person whose name starts with that given name,
  // compatible gender. `create` adds one known by it alone when nobody
  // matches.
  // `known` takes only someone who has spoken already or has a common
  // given name.
  int GivenName(const std::string& given, char gender, long pos, bool create,
                bool known = false) {
    int best = -1;
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const hpnews::Person& p = people_[i];
      if (p.name.compare(0, p.name.find(' '), given) != 0 ||
          !Compatible(p.gender, gender) ||
          (known && !p.speaker && GivenNameGender(p.name) == 0)) {
        continue;
      }
      if (best < 0 || p.LastSeen() > people_[best].LastSeen())
        best = static_cast<int>(i);
    }
    if (best < 0) {
      if (!create) return -1;
      best = Add(given, given, gender);
      people_[best].given_only = true;
    }
    people_[best].weak = false;
    Touch(best, gender, pos);
    return best;
  }

  // "Dr Porter": the latest person with that surname, compatible gender.
  // `create` adds a surname-only person when nobody matches. A peer
  // ("Lord Falconer": `peer_title` "Lord") is someone already named only if
  // that one was more than named in passing ("Betty Boothroyd has said ...
  // Baroness Boothroyd"; not "one man, Sion Roberts, ... Lord Roberts"),
  // and is otherwise known by the title.
  int Surname(std::string_view surname, char gender, long pos, bool create,
              std::string_view peer_title = {}) {
    // "van Gaal": a surname with its particles ends the full name.
    const bool particles = surname.find(' ') != std::string_view::npos;
    auto matches = [&](const hpnews::Person& p) {
      if (!particles) return p.surname == surname;
      return p.name.size() > surname.size() &&
             p.name.compare(p.name.size() - surname.size(), surname.size(),
                            surname) == 0 &&
             p.name[p.name.size() - surname.size() - 1] == ' ';
    };
    int best = -1;
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const hpnews::Person& p = people_[i];
      if (!matches(p) || !Compatible(p.gender, gender)) continue;
      if (!peer_title.empty() && p.weak) continue;
      if (best < 0 || p.LastSeen() > people_[best].LastSeen())
        best = static_cast<int>(i);
    }
    if (best < 0 && create) {
      std::string name(surname);
      if (!peer_title.empty()) name = std::string(peer_title) + " " + name;
      best = Add(std::move(name), std::string(surname), gender);
    }
    if (best >= 0 && create) people_[best].weak = false;
    if (best >= 0) Touch(best, gender, pos);
    return best;
  }

  // Whether someone with the surname `surname` has been named.
  bool KnowsSurname(std::string_view surname) const {
    for (const hpnews::Person& p : people_)
      if (p.surname == surname && !p.given_only) return true;
    return false;
  }

  // "He said": the person mentioned last, of a compatible gender; nobody
  // when an unnamed one spoke since ("an executive spokeswoman insisted
  // ... "...," she said").
  // When the pronoun is an unnamed one who spoke for a body ("a DH
  // spokeswoman said ... She added"), *body is set to the body.
  // `named_in_passing` also takes a person named in passing: "Lesley
  // Croft, who lives with Parkinson's disease, voiced his worries" then
  // "The 67-year-old said".
  // With `reported_from`, a person named last as an object in the words
  // reported since then (`object_at` their mention) is passed over for one
  // who has spoken before.
  int Pronoun(char gender, long pos, std::string* body = nullptr,
              bool named_in_passing = false, long reported_from = -1,
              const std::function<bool(long)>& object_at = nullptr) {
    int best = -1;
    long best_at = -1;
    int speaker = -1;  // the latest who has spoken, named before
    long speaker_at = -1;
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const hpnews::Person& p = people_[i];
      if (!Compatible(p.gender, gender)) continue;
      const long at = p.LatestAtOrBefore(pos);
      // A person named in passing may be a film or a firm ("Million Dollar
      // Baby"), but not a woman by her given name, for "she": "One woman,
      // Victoria Lapete, found her sister ... "When we saw each other,"".
      // (For "he" it as often took a man named in passing as the speaker:
      // "the Bishop ... he said" going to Dan Brown.) With
      // `named_in_passing`, one whose mention opened its sentence may be.
      // So may one whose mention opened the pronoun's own sentence a few
      // words before, whose given name says the sex: "Niall Dickson has
      // only been at what he describes as ..." (not "Praising Celtic and
      // Rangers ..., she said").
      const bool opened =
          std::find(p.opens.begin(), p.opens.end(), at) != p.opens.end();
      if (p.weak && !(gender == 'f' && p.gender == 'f') &&
          !(named_in_passing && opened) &&
          !(opened && p.gender == gender && at < pos &&
            pos - at <= kSubjectReach))
        continue;
      if (at >= 0 && (best < 0 || at > best_at)) {
        best = static_cast<int>(i);
        best_at = at;
      }
      const long before = p.LatestAtOrBefore(reported_from - 1);
      if (reported_from >= 0 && p.speaker && before >= 0 &&
          before > speaker_at) {
        speaker = static_cast<int>(i);
        speaker_at = before;
      }
    }
    if (best >= 0 && best_at >= reported_from && speaker >= 0 &&
        !people_[best].speaker && object_at && object_at(best_at)) {
      best = speaker;
      best_at = speaker_at;
    }
    // The latest unnamed one since the named antecedent, if any.
    const Unnamed* last = nullptr;
    for (const Unnamed& u : unnamed_) {
      // "a spokesperson for NHS England ... she added": a body's
      // spokesperson of either sex.
      if (u.at > best_at && u.at <= pos &&
          (u.gender == gender || (u.gender == 0 && !u.body.empty())) &&
          (last == nullptr || u.at > last->at))
        last = &u;
    }
    if (last != nullptr) {
      if (body != nullptr) *body = last->body;
      return -1;
    }
    if (best >= 0) Touch(best, gender, pos);
    return best;
  }

  // An unnamed person spoke at `pos`; only a known gender ("a
  // spokeswoman") can overrule a named antecedent.
  void NoteUnnamed(long pos, char gender, std::string body = "") {
    if (gender != 0 || !body.empty())
      unnamed_.push_back({pos, gender, std::move(body)});
  }

  // The role words `words` are the person's.
  void AddRole(int i, std::vector<std::string> words) {
    std::vector<std::string>& mine = people_[i].role_words;
    for (std::string& w : words) {
      if (std::find(mine.begin(), mine.end(), w) == mine.end())
        mine.push_back(std::move(w));
    }
  }

  // The person named who holds the office `role` names as a whole
  // (corpus/offices.tsv; "the new health secretary" too), the one last
  // seen before `pos` (*at: when; -1 if none was), or -1. With no date, only
  // when one person named ever held it: not Andrew Lansley's successor.
  int OfficeHolder(const std::vector<std::string>& role_words, long pos,
                   long* at) const {
    // A party's name is not the office's: "the former Labour health
    // secretary".
    static const WordSet kParties = {"labour", "conservative", "tory",
                                     "snp",    "plaid",        "green"};
    // (Not "the Labour leader": the party names that office.)
    std::vector<std::string> role;
    for (const std::string& w : role_words)
      if (!kParties.count(w)) role.push_back(w);
    if (role.size() < 2 ||
        (role.size() == 2 && (role[0] == "former" || role[0] == "new")))
      role = role_words;
    const bool is_new = role.size() >= 2 && role[0] == "new";
    const bool former = role.size() >= 2 && role[0] == "former";
    int holder = -1;
    int holders = 0;
    *at = -1;
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const hpnews::Person& p = people_[i];
      // (The offices a person had left, "the former health secretary",
      // are looked up only for such a role.)
      const std::vector<const OfficeHolders::Phrase*> left =
          former && office_holders_ != nullptr
              ? office_holders_->Held(p.name, date_, true)
              : std::vector<const OfficeHolders::Phrase*>();
      const auto& offices = former ? left : p.offices;
      if (std::none_of(offices.begin(), offices.end(),
                       [&](const OfficeHolders::Phrase* office) {
                         return std::equal(
                             role.begin() + (is_new || former ? 1 : 0),
                             role.end(), office->begin(), office->end());
                       }))
        continue;
      ++holders;
      const long seen = p.LastSeenBefore(pos);
      if (holder < 0 || seen > *at) {
        holder = static_cast<int>(i);
        *at = seen;
      }
    }
    return date_ || holders == 1 ? holder : -1;
  }

  // The person last seen before `pos` whose roles hold every word of
  // `role` ("the culture secretary": culture and secretary), or -1.
  int ByRole(const std::vector<std::string>& role, long pos) {
    int best = -1;
    long best_at = -1;
    int head_only = -1;  // the one person with the role's head (-2: more)
    // An office a person named holds: "the health secretary" after "Wes
    // Streeting has ordered ..." on a day he held it.
    long holder_at = -1;
    const int holder = OfficeHolder(role, pos, &holder_at);
    if (holder >= 0 && holder_at >= 0) {
      Touch(holder, 0, pos);
      return holder;
    }
    for (std::size_t i = 0; i < people_.size(); ++i) {
      const hpnews::Person& p = people_[i];
      // "the mayor" is not the deputy mayor, nor "the chancellor" the
      // shadow chancellor.
      static const char* const kChangers[] = {"deputy",    "shadow",  "vice",
                                              "assistant", "former",  "acting",
                                              "junior",    "interim", "ex"};
      const bool changed = std::any_of(
          std::begin(kChangers), std::end(kChangers), [&](const char* c) {
            return std::find(p.role_words.begin(), p.role_words.end(), c) !=
                       p.role_words.end() &&
                   std::find(role.begin(), role.end(), c) == role.end();
          });
      if (changed) continue;
      const bool all =
          std::all_of(role.begin(), role.end(), [&](const std::string& w) {
            return std::find(p.role_words.begin(), p.role_words.end(), w) !=
                   p.role_words.end();
          });
      if (!all) {
        // "The RCGP chair" after "college chair Professor Martin Marshall":
        // the head alone, when only one person has it.
        if (!role.empty() && p.LastSeenBefore(pos) >= 0 &&
            std::find(p.role_words.begin(), p.role_words.end(), role.back()) !=
                p.role_words.end()) {
          head_only = head_only == -1 ? static_cast<int>(i) : -2;
        }
        continue;
      }
      const long at = p.LastSeenBefore(pos);
      if (at >= 0 && at > best_at) {
        best = static_cast<int>(i);
        best_at = at;
      }
    }
    if (best < 0 && head_only >= 0) best = head_only;
    if (best >= 0) Touch(best, 0, pos);
    return best;
  }

  // The mention at `pos` is looked back to only by pronouns before
  // `until` (the end of its sentence).
  void SeeUntil(int i, long pos, long until) {
    people_[i].local.push_back({pos, until});
  }

  // Drops the mention at `pos` from what pronouns look back to.
  void Unsee(int i, long pos) {
    std::vector<long>& seen = people_[i].seen;
    seen.erase(std::remove(seen.begin(), seen.end(), pos), seen.end());
  }

  // The mention at `pos` opens its sentence.
  void Opens(int i, long pos) { people_[i].opens.push_back(pos); }

  // The person is more than a passing name: pronouns may look back to
  // them.
  void Strengthen(int i) { people_[i].weak = false; }

  void MarkSpeaker(int i) {
    people_[i].weak = false;
    if (!people_[i].speaker) {
      people_[i].speaker = true;
      speaker_order_.push_back(i);
    }
  }
  const hpnews::Person& person(int i) const { return people_[i]; }
  std::size_t people() const { return people_.size(); }
  std::vector<std::string> Speakers() const {
    std::vector<std::string> out;
    for (int i : speaker_order_) {
      if (std::find(out.begin(), out.end(), people_[i].name) == out.end()) {
        out.push_back(people_[i].name);
      }
    }
    return out;
  }

  std::string last_body;
  // The person last reported as writing ("Ms Cummings writes: ..."), whom
  // "the letter continues" quotes; -1 for none.
  int last_writer = -1;
  // The writer of the letter the last attribution quoted, whom its "It
  // concludes" quotes too; -1 for none.
  int letter_writer = -1;

 private:
  static bool Compatible(char a, char b) { return a == 0 || b == 0 || a == b; }
  // A new person; the caller Touch()es it at the mention's position.
  int Add(std::string name, std::string surname, char gender) {
    hpnews::Person p;
    if (gender == 0) gender = GivenNameGender(name);
    p.name = std::move(name);
    p.surname = std::move(surname);
    p.gender = gender;
    if (office_holders_ != nullptr)
      p.offices = office_holders_->Held(p.name, date_);
    people_.push_back(std::move(p));
    return static_cast<int>(people_.size()) - 1;
  }
  void Touch(int i, char gender, long pos) {
    if (people_[i].gender == 0 && (gender == 'm' || gender == 'f'))
      people_[i].gender = gender;
    if (pos >= 0) people_[i].seen.push_back(pos);
  }

  const OfficeHolders* office_holders_;  // may be null
  std::optional<Date> date_;
  std::vector<hpnews::Person> people_;
  std::vector<int> speaker_order_;
  struct Unnamed {
    long at = 0;
    char gender = 0;
    std::string body;  // the body spoken for, if any
  };
  std::vector<Unnamed> unnamed_;
};

// Who an attribution names, once resolved.
struct Speaker {
  bool named = false;  // false: unnamed or unknown
  bool person = false;
  std::string name;
  int id = -1;  // a person's index in the Registry
  // An office not yet given a name: "the BMA GP Committee chair has
  // said", "the new chair of the GPC has urged" (named: the body).
  bool office = false;
  std::vector<std::string> office_role;  // its role's words: "chair"
};

// ---------------------------------------------------------------------------
// One paragraph.

struct Unit {
  bool is_quote = false;
  std::size_t token = 0;  // first token (the opening mark for a quote)
  int quote = -1;         // index into the paragraph's quotes
  int sentence = 0;
};

struct Attribution {
  std::size_t unit = 0;  // the verb's unit (or the colon's)
  int sentence = 0;
  Speaker speaker;
  bool colon = false;  // "X said:" / "X:" just before a quote
  // Only for quotes after it: "sent out a stark warning:" is not about the
  // "new deal" quoted before it in the sentence.
  bool only_after = false;
  // A participle whose subject stands before a quote in its sentence:
  // "played down the incident as "sticks and stones", saying". A quote
  // there after "a" or "an" is a term, not the subject's words ("joined
  // criticism of a government 'rescue plan' - arguing").
  bool across_quote = false;
};

bool EndsSentence(const std::string& q) {
  if (q.empty()) return false;
  char c = q.back();
  return c == '.' || c == '!' || c == '?';
}

// Quoted words without the punctuation a quote mark may close after:
// "‘outstanding,’".
std::string_view WithoutTrailingStops(std::string_view words) {
  while (!words.empty() &&
         (words.back() == ',' || words.back() == '.' || words.back() == ' '))
    words.remove_suffix(1);
  return words;
}

// Whether quoted words name the regime of special measures, a term
// wherever it is quoted.
bool IsSpecialMeasures(std::string_view words) {
  words = WithoutTrailingStops(words);
  return words == "special measures" || words == "Special measures";
}

// Whether quoted words are an inspector's rating: "outstanding", "good",
// "requires improvement", "inadequate", and the CQC's question "well led".
bool IsRating(std::string_view words) {
  words = WithoutTrailingStops(words);
  static const WordSet kRatings = {"outstanding",
                                   "Outstanding",
                                   "good",
                                   "Good",
                                   "requires improvement",
                                   "Requires improvement",
                                   "Requires Improvement",
                                   "inadequate",
                                   "Inadequate",
                                   "well led",
                                   "well-led",
                                   "Well-led"};
  return kRatings.count(words) > 0;
}

class ParagraphReader {
 public:
  ParagraphReader(const std::string& text, const Tokens& tokens, long base,
                  Registry* reg)
      : text_(text), base_(base), reg_(reg), t_(tokens) {}

  // Reads the paragraph; `open_quote_speaker` is set when the previous
  // paragraph ended inside a quote (nullptr otherwise).
  void Read(const Speaker* open_quote_speaker, const Speaker* previous_speaker,
            const Speaker* thread_speaker, SpeakerResult* out,
            std::vector<int>* quote_people);

  bool ends_in_open_quote() const { return ends_open_; }
  // The speaker of the paragraph's last attribution or attributed quote.
  const Speaker& last_speaker() const { return last_; }
  bool has_last_speaker() const { return has_last_; }
  // The speaker of the last full-sentence quote, if any.
  const Speaker& thread_speaker() const { return thread_; }
  bool has_thread_speaker() const { return has_thread_; }
  // The paragraph ends with an attribution and a colon ("X told Pulse:").
  bool ends_with_colon_attribution() const { return ends_colon_; }
  // Whether the paragraph is an item of a list, in sentence case with no
  // closing punctuation, no quote and no attribution: "A robust call to
  // recruit, support and retain more GPs". The speaker before the list
  // speaks after it.
  // Whether the paragraph has no quote and no attribution.
  bool IsNarrativeOnly() const { return quotes_.empty() && attrs_.empty(); }
  // Whether the paragraph quotes nothing and reports no person: "It comes
  // after the government urged GPs to open seven days a week."
  bool ReportsNoPerson() const {
    return quotes_.empty() &&
           std::none_of(attrs_.begin(), attrs_.end(),
                        [](const Attribution& a) { return a.speaker.person; });
  }
  bool IsListItem() const {
    return IsNarrativeOnly() && !t_.empty() && t_.back().is_word &&
           !IsHeadingLike();
  }
  // Whether the paragraph is an item of a list that quotes something: "A
  // 'climate of fear' ruling wards, with doctors afraid;".
  bool IsQuotingItem() const { return !quotes_.empty() && IsShortItem(); }
  // Whether the paragraph is a short item of a list, quoting or not: one
  // sentence of at most 60 tokens with no attribution, not ending in a
  // quote, and quoting only phrases of under ten words. "Compared the
  // dangers of too few doctors at weekends to flying without a co-pilot;"
  // keeps a list going.
  bool IsShortItem() const {
    if (!attrs_.empty() || units_.empty() ||
        units_.back().sentence != units_[0].sentence ||
        units_.back().is_quote || t_.size() > 60)
      return false;
    for (const QuoteSpan& q : quotes_) {
      const std::string words = QuoteText(text_, q);
      if (std::count(words.begin(), words.end(), ' ') >= 10) return false;
    }
    return true;
  }
  // The speaker whose attribution ended the paragraphs before, a list of
  // items after its colon ("In a letter ..., he warns of:"), or nullptr.
  // The items' quotes are theirs.
  void set_list_speaker(const Speaker* s) { list_speaker_ = s; }
  // Whether the paragraph is the story's lede, before anyone is named: "A
  // hospital boss has apologised for ..." is an office there, whose holder
  // the next paragraph names; later, "a hospital boss said" is anonymous.
  void set_lede(bool lede) { lede_ = lede; }
  // Quotes given to an office with no name yet ("the GPC chair has said"):
  // where they are in the output, whether they were put there (given to
  // the office's body), and their words.
  struct OfficeQuote {
    std::size_t at;
    bool placed;
    std::string text;
    std::string body;  // the office's body ("NHS Confederation"), if named
  };
  const std::vector<OfficeQuote>& office_quotes() const {
    return office_quotes_;
  }
  // The role of an office nobody is named for that speaks in the first
  // sentence, quoting or not ("..., Hull City Council's leader has
  // claimed."): "leader". Empty if none.
  std::vector<std::string> FirstSentenceOffice() const {
    if (units_.empty()) return {};
    for (const Attribution& a : attrs_) {
      if (a.sentence == units_[0].sentence && a.speaker.office)
        return a.speaker.office_role;
    }
    return {};
  }
  // The person named in full, with a role in apposition, who is the
  // subject of a paragraph of one sentence with no quote and no
  // attribution: "Peggy Pryer, a nurse with decades of experience ...,
  // also condemned the trust's position." A quote opening the next
  // paragraph with no attribution is theirs. Sets *s and returns true.
  bool NarrativeSubject(Speaker* s) {
    if (units_.empty() || !quotes_.empty() || !attrs_.empty() ||
        units_.back().sentence != units_[0].sentence)
      return false;
    const std::size_t lo = units_[0].token;
    const Mention m = MainSubject(lo, t_.size());
    if (m.kind != MentionKind::kPerson || m.first != lo) return false;
    // The name, then a comma and a role: "Peggy Pryer, a nurse".
    std::size_t k = lo;
    while (k < t_.size() && IsNameWordAt(t_, k)) ++k;
    // Or a relative clause: "Gary Bowman, who lives on the tenth floor of
    // a tower block, suffered chest pains ...".
    const bool who_clause =
        k + 1 < t_.size() && t_[k].text == "," && t_[k + 1].lower == "who";
    if (k == lo || !(RoleInApposition(lo, k) || who_clause)) return false;
    *s = PersonSpeaker(m, base_ + static_cast<long>(lo));
    return true;
  }

  // The person the first sentence names with a role of `body`: "RCGP
  // chair Professor Maureen Baker will outline ...", "NHS Confederation
  // chairman Stephen Dorrell said ..." (the body's words, up to four
  // lower-case role words, honorifics, then the name).
  const Speaker* BodyPerson(std::string_view body) {
    const std::vector<std::string> words = SplitWords(body);
    if (words.empty() || units_.empty()) return nullptr;
    const int first = units_[0].sentence;
    for (std::size_t k = 0; k + words.size() < t_.size(); ++k) {
      if (unit_of_token_[k] < 0 || units_[unit_of_token_[k]].sentence != first)
        break;
      std::size_t n = 0;
      while (n < words.size() && t_[k + n].text == words[n]) ++n;
      if (n < words.size()) continue;
      std::size_t j = k + n;
      const std::size_t roles = j;
      while (j < t_.size() && j < roles + 4 && t_[j].is_word &&
             !IsCapitalised(t_[j]))
        ++j;
      if (j == roles || !RoleWords().count(t_[j - 1].lower)) continue;
      const std::size_t name = j;
      while (j < t_.size() && Honorifics().count(t_[j].text)) ++j;
      const std::size_t given = j;
      while (j < t_.size() && IsNameWordAt(t_, j)) ++j;
      if (j < given + 2) continue;
      const Mention m = ClassifyCapitalised(text_, t_, name, j - 1);
      if (m.kind != MentionKind::kPerson) continue;
      subject_ = PersonSpeaker(m, base_ + static_cast<long>(name));
      return &subject_;
    }
    return nullptr;
  }

  // The person named in full who opens the paragraph as its subject:
  // "Jane Cummings set out these aims in a wide ranging statement", "Jon
  // Melbourne, chief operating officer at the trust, made the statement".
  const Speaker* FirstSentenceSubject() {
    if (units_.empty() || units_[0].is_quote || t_.empty()) return nullptr;
    // After an opening participle's phrase: "Addressing the inaugural
    // lecture yesterday, Dr Jennifer Dixon, head of the Health Foundation,
    // pointed to ...".
    std::size_t start = 0;
    if (t_[0].is_word && t_[0].text.size() > 5 && EndsWith(t_[0].text, "ing") &&
        IsCapitalised(t_[0])) {
      start = t_.size();
      for (std::size_t c = 1; c < t_.size() && c < 20; ++c) {
        if (!t_[c].is_word && t_[c].text != "," && t_[c].text != "'" &&
            !IsApostrophe(t_[c]) && t_[c].text != "(" && t_[c].text != ")")
          break;
        if (t_[c].text == ",") {
          start = c + 1;
          break;
        }
      }
      if (start >= t_.size()) return nullptr;
    }
    // (After an honorific: "Dr Tristan Cope was responding ...".)
    const std::size_t first =
        start + (Honorifics().count(t_[start].text) ? 1 : 0);
    std::size_t k = first;
    while (k < t_.size() && IsNameWordAt(t_, k)) ++k;
    const bool verb = start == 0 ? SubjectAt(0, k)
                                 : k < t_.size() && t_[k].is_word &&
                                       IsLowerAscii(t_[k].text[0]);
    if (k < first + 2 || !(verb || RoleInApposition(start, k))) return nullptr;
    const Mention m = ClassifyCapitalised(text_, t_, start, k - 1);
    if (m.kind != MentionKind::kPerson || m.first > first) return nullptr;
    subject_ = PersonSpeaker(m, base_ + static_cast<long>(start));
    return &subject_;
  }

  // The person who speaks in the paragraph's first sentence, named in full,
  // if any.
  const Speaker* FirstSentencePerson() const {
    if (units_.empty()) return nullptr;
    for (const Attribution& a : attrs_) {
      if (a.sentence == units_[0].sentence && a.speaker.person)
        return &a.speaker;
    }
    return nullptr;
  }

 private:
  void BuildUnits();
  void ScanMentions();
  bool SubjectAt(std::size_t first, std::size_t end) const;
  // The person after "by" past a quote, when the quoting verb at unit `u`
  // is in the passive: "She was accused of plunging families into
  // “unbearable uncertainty” by Sir Andrew Dilnot". Not a body, nor a
  // body's person named after a comma ("by the Association of Directors
  // of Adult Social Services, whose president, John Dixon, said").
  Mention PassiveAgent(std::size_t u) const;
  // Whether a noun of speech ("warning", "message") comes before token
  // `ti` in its sentence.
  bool SpeechNounBefore(std::size_t ti) const;
  // Whether a sentence of narrative, with no quote, stands between the
  // quote at unit `u` and the later attribution `a`.
  bool NarrativeBetween(std::size_t u, const Attribution& a) const;
  // Whether the paragraph is a short title in capitals with no quote and
  // no closing punctuation: a heading or a link, not prose.
  bool IsHeadingLike() const;
  void FindAttributions();
  // `reported_from`: where the words a trailing "he said" reports begin
  // (-1: none), for a pronoun (see Registry::Pronoun).
  Speaker Resolve(const Mention& m, long pos, long reported_from = -1);
  // The person named in full by `m` at `pos`, registered (not yet marked
  // as a speaker).
  Speaker PersonSpeaker(const Mention& m, long pos) {
    Speaker s;
    s.named = s.person = true;
    s.id = reg_->Person(m.name, m.gender, pos);
    s.name = reg_->person(s.id).name;
    return s;
  }
  std::size_t PrevOutside(std::size_t u, std::size_t lo_unit) const;
  // Whether a role follows the name in tokens [i, k) between commas, the
  // name not the object of a preposition: "Laura Bono, the former chair of
  // the association, ..." but not "compared with Berti Vogts, recently
  // sacked as manager".
  bool RoleInApposition(std::size_t i, std::size_t k) const;
  // The words of a role, in lower case: the role word at `i` and up to
  // three words before it, back to a determiner; the words of an
  // apposition after the comma at `k`; the words of the sentence before
  // the comma at `comma`.
  std::vector<std::string> RoleWordsBefore(std::size_t i) const;
  // The subject of the main clause of the sentence whose words outside
  // quotes begin at `lo_tok`, before the verb at `ti` ("Mr Blair refused
  // ..., saying", "Tory leader Michael Howard backed the plan but said").
  // `opener` skips an opening phrase of time or place up to its comma.
  Mention MainSubject(std::size_t lo_tok, std::size_t ti,
                      bool opener = true) const;
  std::vector<std::string> WordsBetweenCommas(std::size_t k) const;
  std::vector<std::string> WordsOfSentenceBefore(std::size_t comma) const;
  // Whether the name in tokens [i, k) stands between commas after the
  // role phrase that opens its sentence: "Computer specialist at the IAEA,
  // Peter Smith, would like ...".
  bool RoleBeforeApposition(std::size_t i, std::size_t k) const;
  // Whether a role is predicated of the name ending before token k:
  // "Piers Freelove is senior benefit officer", "X was a professor".
  bool RolePredicate(std::size_t k) const;
  // The unit after the nearest comma before unit `from`, looking back at
  // most `max` units and not before `lo_unit` (then `lo_unit`, or a unit
  // not after a comma: callers check that units_[result - 1] is one).
  std::size_t AfterCommaBefore(std::size_t from, std::size_t lo_unit,
                               std::size_t max) const;
  // Whether a quote follows unit `u` in its sentence.
  bool QuoteFollows(std::size_t u) const;
  // A word alone that is a common given name and no known person's surname
  // is someone known by it (a case study's first name): marks `m` so.
  void AsGivenName(Mention* m) const;
  // The person before a relative clause that runs up to token `last`,
  // just before the verb: "Angela Appleby, who has worked as a nurse for
  // 34 years said:" (the closing comma left out). Either way the clause
  // is read, the person is the verb's subject.
  Mention RelativeClauseSubject(std::size_t lo_tok, std::size_t last) const;
  // Whether a quote follows unit u in its sentence and none comes before.
  bool QuoteOnlyAfter(std::size_t u) const;
  // Whether a quote ends at most a few words before unit u, with nothing
  // but its speaker between ("...," he will argue).
  bool QuoteJustBefore(std::size_t u) const;
  // Whether the quote at unit u is what a thing says or is, introduced by
  // a colon after "is", "was" or "reads" in a clause about something, not
  // someone ("The proposed question is: "Should the United Kingdom
  // ...?"").
  bool QuotesAThing(std::size_t u) const;
  // Whether sentence `sentence` speaks of inspectors' ratings ("rated",
  // "ratings", "CQC", "Ofsted", "inspectors").
  bool SentenceRates(int sentence) const {
    static const WordSet kRating = {
        "rated",      "rating",   "ratings",    "rates",      "rate",
        "CQC",        "Ofsted",   "inspectors", "inspection", "inspections",
        "downgraded", "upgraded", "regulator",  "watchdog"};
    for (std::size_t k = 0; k < t_.size(); ++k) {
      if (unit_of_token_[k] >= 0 &&
          units_[unit_of_token_[k]].sentence == sentence &&
          (kRating.count(t_[k].text) || kRating.count(t_[k].lower)))
        return true;
    }
    return false;
  }
  // Whether a quote follows `a` in its sentence before another attribution.
  bool OwnsAQuote(const Attribution& a) const;
  // Whether nothing but punctuation, a quote or the speaker's name follows
  // `a` in its sentence ("Dr Porter said." or "said Dr Porter:").
  bool EndsItsSentence(const Attribution& a) const;
  // Whether punctuation ends `q` or comes between it and `a`, which
  // follows it ("...," said X; "...” about posture, adds Dr X).
  bool BreakBetween(const QuoteSpan& q, const Attribution& a) const;

  const std::string& text_;
  long base_;
  Registry* reg_;
  const Tokens& t_;
  std::vector<QuoteSpan> quotes_;
  std::vector<Unit> units_;
  std::vector<int> unit_of_token_;
  std::vector<Attribution> attrs_;
  bool ends_open_ = false;
  std::vector<OfficeQuote> office_quotes_;
  Speaker last_, thread_;
  bool has_last_ = false, has_thread_ = false, ends_colon_ = false;
  // The previous paragraph's last speaker, if any.
  const Speaker* previous_ = nullptr;
  const Speaker* list_speaker_ = nullptr;
  bool lede_ = false;
  Speaker subject_;
};

Mention ParagraphReader::PassiveAgent(std::size_t u) const {
  const std::size_t ti = units_[u].token;
  const MatchToken& w = t_[ti];
  if (ti == 0 || !IsBe(t_[ti - 1].lower) || !QuotingVerbs().count(w.text))
    return Mention();
  std::size_t agent = 0;
  bool quoted = false;
  for (std::size_t k = ti + 1;
       k < t_.size() && k < ti + 30 && unit_of_token_[k] >= 0 &&
       units_[unit_of_token_[k]].sentence == units_[u].sentence;
       ++k) {
    if (units_[unit_of_token_[k]].is_quote) {
      quoted = true;
    } else if (quoted && t_[k].lower == "by") {
      agent = k + 1;
      break;
    }
  }
  if (agent == 0) return Mention();
  const Mention m = ParseForward(text_, t_, agent, t_.size());
  if (m.kind != MentionKind::kPerson || m.end > agent + 12 ||
      std::any_of(t_.begin() + static_cast<long>(agent),
                  t_.begin() + static_cast<long>(m.first),
                  [](const MatchToken& x) { return x.text == ","; }))
    return Mention();
  return m;
}

Mention ParagraphReader::MainSubject(std::size_t lo_tok, std::size_t ti,
                                     bool opener) const {
  Mention m;
  std::size_t s = lo_tok;
  // An opening phrase of time or place: "In April, health secretary
  // Jeremy Hunt gave his backing to the GPs, telling them ...".
  // (Not "For Mette Kristensen, one of the authors, the message is".)
  // Also a concession: "Despite the claim that the royal colleges support
  // his plans, RCGP chair Dr Maureen Baker took a stronger tone by saying".
  static const WordSet kOpeners = {"in",      "on",    "at",     "after",
                                   "during",  "since", "before", "last",
                                   "earlier", "later", "despite"};
  // If that leaves no subject, the opener was one word without its comma:
  // "Later the Health Secretary played down the incident, saying".
  if (opener && s < ti && t_[s].is_word && IsCapitalised(t_[s]) &&
      kOpeners.count(t_[s].lower)) {
    for (std::size_t k = s + 1; k < ti && k < s + 12; ++k) {
      if (!t_[k].is_word && t_[k].text != "," && t_[k].text != "'" &&
          !IsApostrophe(t_[k]))
        break;
      if (t_[k].text == ",") {
        s = k + 1;
        break;
      }
    }
    if (s != lo_tok) {
      m = MainSubject(s, ti, false);
      if (m.kind == MentionKind::kNone) m = MainSubject(lo_tok, ti, false);
      return m;
    }
  }
  // Sentence furniture, but not a pronoun subject ("He refused to
  // answer, saying ...").
  std::size_t participle = ti;  // an opening participle, if any
  while (s < ti && t_[s].is_word && IsFunctionStop(t_[s].text) &&
         t_[s].text != "The" && t_[s].text != "He" && t_[s].text != "She") {
    if (EndsWith(t_[s].text, "ing")) participle = s;  // "Speaking"
    ++s;
  }
  if (s < ti && t_[s].text == ",") ++s;
  // An opening participle's phrase: "However, publishing it last week,
  // care services minister Ivan Lewis summed up its importance by saying",
  // "Speaking at the Expo in Liverpool, Nikki Kanani talked about ...,
  // saying". (In lower case: "Groening recently heaped praise on The
  // Office, saying" names the subject.)
  if (s < ti && t_[s].is_word && t_[s].text.size() > 5 &&
      IsLowerAscii(t_[s].text[0]) && EndsWith(t_[s].text, "ing"))
    participle = s;
  for (std::size_t k = participle + 1;
       participle < ti && k < ti && k < participle + 12; ++k) {
    if (!t_[k].is_word && t_[k].text != "," && !IsApostrophe(t_[k])) break;
    if (t_[k].text == ",") {
      s = std::max(s, k + 1);
      break;
    }
  }
  // A section label: "WORKFORCE: The chair of James Paget ... has
  // resigned, claiming ...".
  if (s + 2 < ti && t_[s + 1].text == ":" && t_[s].is_word) s += 2;
  std::size_t e = s;
  for (bool more = true; more;) {
    more = false;
    while (e + 1 < ti && (t_[e + 1].is_word || t_[e + 1].text == ".") &&
           (IsCapitalised(t_[e + 1]) || t_[e + 1].text == "of" ||
            t_[e + 1].text == "." || GenericHeads().count(t_[e + 1].text))) {
      ++e;
    }
    // "Helen Stokes-Lampard": a hyphen inside a name.
    if (e + 2 < ti && t_[e + 1].text == "-" && Adjacent(t_[e], t_[e + 1]) &&
        Adjacent(t_[e + 1], t_[e + 2]) && IsCapitalised(t_[e + 2])) {
      e += 2;
      more = true;
      continue;
    }
    // "Moazzam Begg's Labour MP Roger Godsiff": a possessive.
    if (e + 3 < ti && IsApostrophe(t_[e + 1]) && t_[e + 2].text == "s" &&
        IsCapitalised(t_[e + 3])) {
      e += 2;
      more = true;
      continue;
    }
    // "Tory leader Michael Howard": a role between capitalised words.
    if (e + 1 < ti && RoleModifiersAt(t_, e + 1, ti)) {
      while (!RoleWords().count(t_[e + 1].text)) ++e;
      ++e;
      more = true;
    }
  }
  // "The England coach went on to claim": a role after capitalised words.
  if (e > s && t_[s].lower == "the" && e + 1 < ti && t_[e + 1].is_word &&
      RoleWords().count(t_[e + 1].text))
    ++e;
  // "The actor repeatedly refused, ... saying": a definite role.
  if (e == s && t_[s].lower == "the") {
    std::size_t j = s + 1;
    while (j < ti && j <= s + 3 && t_[j].is_word && !IsCapitalised(t_[j]) &&
           !RoleWords().count(t_[j].lower))
      ++j;
    if (j < ti && t_[j].is_word && RoleWords().count(t_[j].lower)) e = j;
  }
  if (e < ti) m = ParseBackward(text_, t_, s, e);
  // "Amanda's uncle, Lewis Champion, told ...": the possessive's owner is
  // not the subject, the kin or aide it owns is (but "Mr Maclean's
  // statement read" is his).
  const bool owner =
      e + 3 < ti && IsApostrophe(t_[e + 1]) && t_[e + 2].text == "s" &&
      !IsCapitalised(t_[e + 3]) &&
      (IsKinWord(t_[e + 3].lower) || RoleWords().count(t_[e + 3].lower) ||
       HeadGender(t_[e + 3].lower) != 0);
  if (owner) m = Mention();
  // "The EU's Humanitarian Aid Commissioner, Louis Michel, was quoted
  // as saying": the name in apposition to the subject.
  if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kPronoun) {
    for (std::size_t c = e + 1; c + 2 < ti; ++c) {
      if (t_[c].text != ",") {
        if (t_[c].is_word && !IsCapitalised(t_[c]) &&
            !RoleWords().count(t_[c].lower) &&
            !(owner && IsKinWord(t_[c].lower)) &&
            !(t_[c].text == "s" && IsApostrophe(t_[c - 1])))
          break;  // the subject has ended
        continue;
      }
      // "The committee's convener, Labour's Neil Findlay, quizzed": a party
      // before the name.
      std::size_t n = c + 1;
      if (n + 3 < ti && IsCapitalised(t_[n]) && IsApostrophe(t_[n + 1]) &&
          t_[n + 2].text == "s" && IsNameWordAt(t_, n + 3))
        n += 3;
      std::size_t k = n;
      while (k < ti && IsNameWordAt(t_, k)) ++k;
      if (k < ti && k > n + 1 && t_[k].text == ",") {
        Mention inner = ClassifyCapitalised(text_, t_, n, k - 1);
        if (inner.kind == MentionKind::kPerson) m = inner;
      }
      break;
    }
  }
  return m;
}

std::vector<std::string> ParagraphReader::RoleWordsBefore(std::size_t i) const {
  std::vector<std::string> words;
  for (std::size_t j = i + 1; j-- > 0 && j + 4 > i;) {
    const MatchToken& w = t_[j];
    if (!w.is_word || unit_of_token_[j] < 0 ||
        units_[unit_of_token_[j]].is_quote || IsDeterminer(w.lower)) {
      break;
    }
    words.emplace_back(w.lower);
  }
  return words;
}

std::vector<std::string> ParagraphReader::WordsBetweenCommas(
    std::size_t k) const {
  std::vector<std::string> words;
  for (std::size_t j = k + 1; j < t_.size() && j <= k + 12; ++j) {
    if (!t_[j].is_word) break;
    words.emplace_back(t_[j].lower);
  }
  return words;
}

std::vector<std::string> ParagraphReader::WordsOfSentenceBefore(
    std::size_t comma) const {
  std::vector<std::string> words;
  const int sentence = units_[unit_of_token_[comma]].sentence;
  for (std::size_t j = comma; j-- > 0 && j + 16 > comma;) {
    if (unit_of_token_[j] < 0 || units_[unit_of_token_[j]].is_quote ||
        units_[unit_of_token_[j]].sentence != sentence)
      break;
    if (t_[j].is_word) words.emplace_back(t_[j].lower);
  }
  return words;
}

bool ParagraphReader::RoleInApposition(std::size_t i, std::size_t k) const {
  if (k >= t_.size() || t_[k].text != ",") return false;
  // Not a preposition's object, but for an example given ("experts like
  // J. Lee Westmaas, strategic director of ...").
  if (i > 0 && Prepositions().count(t_[i - 1].text) &&
      t_[i - 1].text != "like" && t_[i - 1].text != "including")
    return false;
  // "University of California, San Francisco, neuroscientist": a place
  // in a list of capitalised words.
  if (i > 1 && t_[i - 1].text == "," && IsCapitalised(t_[i - 2])) return false;
  // The role among the first ten words, and a comma closing the
  // apposition ("San Francisco, scientist heads a project" has none).
  bool role = false;
  for (std::size_t j = k + 1; j < t_.size() && j <= k + 30; ++j) {
    if (unit_of_token_[j] < 0 || units_[unit_of_token_[j]].is_quote)
      return false;
    const std::string_view w = t_[j].text;
    if (w == ",") return role;
    if (w == ";" || w == ":" || w == "!" || w == "?" ||
        (w == "." && (j + 1 == t_.size() || !Adjacent(t_[j], t_[j + 1])))) {
      return false;
    }
    if (j <= k + 10 &&
        (RoleWords().count(t_[j].lower) || IsKinWord(t_[j].lower))) {
      // "..., scientist Max Krummel poses": the role names who follows.
      if (j + 1 < t_.size() && IsNameWord(t_[j + 1])) return false;
      role = true;
    }
  }
  return false;
}

bool ParagraphReader::RoleBeforeApposition(std::size_t i, std::size_t k) const {
  // Also the role after an opening phrase, the name the subject of the verb
  // after it: "Addressing board members, chief executive of the service,
  // Jason Killens expressed his concerns".
  const bool verb_after =
      k < t_.size() && t_[k].is_word && IsLowerAscii(t_[k].text[0]);
  if (i < 2 || k >= t_.size() || t_[i - 1].text != "," ||
      (t_[k].text != "," && !verb_after))
    return false;
  // The sentence opens with the role phrase, within ten words of the
  // comma, the role among its first three words (not "coach Andy Robinson
  // has been deprived of Richard Hill, Jonny Wilkinson, ..."). A comma in
  // a list of capitalised words is the role's own, and its words do not
  // count: "The Secretary of State for Culture, Media and Sport, Tessa
  // Jowell, has".
  const int sentence = units_[unit_of_token_[i]].sentence;
  std::size_t start = i - 1;
  std::size_t listed = 0;
  while (start > 0 && unit_of_token_[start - 1] >= 0 &&
         !units_[unit_of_token_[start - 1]].is_quote &&
         units_[unit_of_token_[start - 1]].sentence == sentence) {
    --start;
    const std::string_view w = t_[start].text;
    if (w == "," && start > 0 && start + 1 < i - 1 &&
        IsCapitalised(t_[start - 1]) && IsCapitalised(t_[start + 1])) {
      listed += 2;
      continue;
    }
    if (w == "," && verb_after && start + 1 < i - 1) {
      ++start;
      break;
    }
    if (w == "," || w == ";" || w == ":" || i - 1 - start > 10 + listed)
      return false;
  }
  for (std::size_t j = start; j < start + 3 && j + 1 < i; ++j) {
    if (RoleWords().count(t_[j].lower)) return true;
  }
  return false;
}

bool ParagraphReader::RolePredicate(std::size_t k) const {
  if (k >= t_.size() || (t_[k].text != "is" && t_[k].text != "was"))
    return false;
  // The role heads a noun phrase right after the verb: "is senior benefit
  // officer", "was a professor", not "was nominated for best actress".
  for (std::size_t j = k + 1; j < t_.size() && j <= k + 4; ++j) {
    const MatchToken& w = t_[j];
    if (!w.is_word || unit_of_token_[j] < 0 ||
        units_[unit_of_token_[j]].is_quote || Prepositions().count(w.lower) ||
        (w.lower.size() > 3 &&
         w.lower.compare(w.lower.size() - 2, 2, "ed") == 0)) {
      return false;
    }
    if (RoleWords().count(w.lower)) return true;
  }
  return false;
}

bool ParagraphReader::EndsItsSentence(const Attribution& a) const {
  for (std::size_t v = a.unit + 1;
       v < units_.size() && units_[v].sentence == a.sentence; ++v) {
    if (units_[v].is_quote) return true;
    const MatchToken& w = t_[units_[v].token];
    // "said Dr Porter": capitalised words, honorifics' dots.
    if (w.is_word && !IsCapitalised(w)) return false;
  }
  return true;
}

std::size_t ParagraphReader::AfterCommaBefore(std::size_t from,
                                              std::size_t lo_unit,
                                              std::size_t max) const {
  std::size_t c = from;
  while (c > lo_unit && t_[units_[c - 1].token].text != "," && from - c < max)
    --c;
  return c;
}

bool ParagraphReader::SpeechNounBefore(std::size_t ti) const {
  // And acts done in words: "She thanked pharmacy teams for their efforts:
  // "..."", "paid tribute to him:".
  static const WordSet kNouns = {"warning", "message", "plea",    "statement",
                                 "verdict", "appeal",  "reply",   "response",
                                 "thanked", "tribute", "apology", "apologised"};
  const int sentence = units_[unit_of_token_[ti]].sentence;
  for (std::size_t k = ti; k-- > 0;) {
    const int u = unit_of_token_[k];
    if (u < 0 || units_[u].is_quote || units_[u].sentence != sentence) break;
    if (kNouns.count(t_[k].text)) return true;
  }
  return false;
}

bool ParagraphReader::NarrativeBetween(std::size_t u,
                                       const Attribution& a) const {
  for (std::size_t v = u + 1; v < a.unit; ++v) {
    const Unit& w = units_[v];
    if (!w.is_quote && w.sentence != units_[u].sentence &&
        w.sentence != a.sentence && t_[w.token].is_word)
      return true;
  }
  return false;
}

void ParagraphReader::AsGivenName(Mention* m) const {
  if (m->kind != MentionKind::kSurname || m->gender != 'x' ||
      m->first >= t_.size() || !IsNameWordAt(t_, m->first))
    return;
  const char g = GivenNameGender(m->name + " X");
  if (g != 0 && !reg_->KnowsSurname(m->name)) {
    m->given_name = true;
    m->gender = g;
  }
}

Mention ParagraphReader::RelativeClauseSubject(std::size_t lo_tok,
                                               std::size_t last) const {
  // The clause ends in a word of its own, not "who co-wrote".
  if (!t_[last].is_word) return Mention();
  for (std::size_t k = last; k > lo_tok + 1 && last - k < 16; --k) {
    const MatchToken& w = t_[k];
    if (unit_of_token_[k] < 0 || units_[unit_of_token_[k]].is_quote)
      return Mention();
    if (w.lower != "who") {
      const bool number =
          !w.text.empty() && w.text[0] >= '0' && w.text[0] <= '9';
      if (!w.is_word && !number && !IsApostrophe(w) && w.text != "-")
        return Mention();
      continue;
    }
    // The clause opens with a verb or an adverb, not "who Mr Smith said
    // was".
    if (k == last || !t_[k + 1].is_word || IsCapitalised(t_[k + 1]))
      return Mention();
    std::size_t end = k - 1;
    if (t_[end].text == ",") {
      if (end == lo_tok) return Mention();
      --end;
    } else if (!IsNameWordAt(t_, end)) {
      return Mention();
    }
    Mention m = ParseBackward(text_, t_, lo_tok, end);
    if (m.kind == MentionKind::kPerson ||
        (m.kind == MentionKind::kSurname && m.gender != 'x'))
      return m;
    return Mention();
  }
  return Mention();
}

bool ParagraphReader::QuoteFollows(std::size_t u) const {
  for (std::size_t v = u + 1;
       v < units_.size() && units_[v].sentence == units_[u].sentence; ++v) {
    if (units_[v].is_quote) return true;
  }
  return false;
}

bool ParagraphReader::QuoteOnlyAfter(std::size_t u) const {
  for (std::size_t v = u; v > 0 && units_[v - 1].sentence == units_[u].sentence;
       --v) {
    if (units_[v - 1].is_quote) return false;
  }
  return QuoteFollows(u);
}

bool ParagraphReader::QuoteJustBefore(std::size_t u) const {
  constexpr std::size_t kMaxUnits = 6;
  for (std::size_t v = u; v > 0 && u - v < kMaxUnits &&
                          units_[v - 1].sentence == units_[u].sentence;
       --v) {
    const Unit& p = units_[v - 1];
    if (p.is_quote) return true;
    const std::string_view w = t_[p.token].text;
    if (w == "and" || w == "but" || w == "that" || w == ";" ||
        ReportingVerbs().count(w))
      return false;
  }
  return false;
}

bool ParagraphReader::OwnsAQuote(const Attribution& a) const {
  for (std::size_t v = a.unit + 1;
       v < units_.size() && units_[v].sentence == a.sentence; ++v) {
    if (units_[v].is_quote) return true;
    for (const Attribution& other : attrs_) {
      if (other.unit == v) return false;
    }
  }
  return false;
}

bool ParagraphReader::BreakBetween(const QuoteSpan& q,
                                   const Attribution& a) const {
  std::string_view inside(text_);
  inside = inside.substr(q.text_begin, q.text_end - q.text_begin);
  while (!inside.empty() && (inside.back() == ' ' || inside.back() == '\n'))
    inside.remove_suffix(1);
  if (!inside.empty() &&
      std::string_view(",.!?;:").find(inside.back()) != std::string_view::npos)
    return true;
  for (std::size_t i = q.close + 1; i < t_.size() && i < units_[a.unit].token;
       ++i) {
    const std::string_view w = t_[i].text;
    if (w == "," || w == ";" || w == ":" || w == "-" || w == "\u2013" ||
        w == "\u2014") {
      return true;
    }
  }
  return false;
}

void ParagraphReader::BuildUnits() {
  unit_of_token_.assign(t_.size(), -1);
  std::size_t qi = 0;
  int sentence = 0;
  for (std::size_t i = 0; i < t_.size();) {
    if (qi < quotes_.size() &&
        (quotes_[qi].continues ? i == 0 : i == quotes_[qi].open)) {
      const QuoteSpan& q = quotes_[qi];
      Unit u;
      u.is_quote = true;
      u.token = i;
      u.quote = static_cast<int>(qi);
      u.sentence = sentence;
      std::size_t end = std::min(t_.size(), q.close + 1);
      // A mark that closes one quote and opens the next belongs to the next.
      if (qi + 1 < quotes_.size() && quotes_[qi + 1].open == q.close)
        end = q.close;
      for (std::size_t k = i; k < end; ++k)
        unit_of_token_[k] = static_cast<int>(units_.size());
      units_.push_back(u);
      // A quote that ends a sentence ("...the ball.’ He said") ends it
      // outside too when a capitalised word follows.
      std::string qt = QuoteText(text_, q);
      if (EndsSentence(qt) && end < t_.size() && IsCapitalised(t_[end]))
        ++sentence;
      i = end;
      ++qi;
      continue;
    }
    Unit u;
    u.token = i;
    u.sentence = sentence;
    unit_of_token_[i] = static_cast<int>(units_.size());
    units_.push_back(u);
    const MatchToken& w = t_[i];
    if (w.text == "." || w.text == "!" || w.text == "?") {
      // Not after an honorific ("Dr.") or an initial ("J. Smith"), nor
      // inside a word ("BA.4", "Amazon.com").
      bool abbrev = i > 0 && t_[i - 1].is_word && Adjacent(t_[i - 1], w) &&
                    (Honorifics().count(t_[i - 1].text) ||
                     (t_[i - 1].text.size() == 1 && IsCapitalised(t_[i - 1])) ||
                     (w.text == "." && i + 1 < t_.size() && t_[i + 1].is_word &&
                      Adjacent(w, t_[i + 1])));
      if (!abbrev) ++sentence;
    }
    ++i;
  }
}

bool ParagraphReader::QuotesAThing(std::size_t u) const {
  if (u < 2 || units_[u - 1].is_quote || t_[units_[u - 1].token].text != ":")
    return false;
  // "under the headline: "Harry the Nazi."", "the old maxim: "No pain, no
  // gain."".
  static const WordSet kThings = {
      "headline",  "slogan",  "title",    "caption",  "motto",       "banner",
      "maxim",     "proverb", "adage",    "wording",  "inscription", "placard",
      "headlined", "titled",  "entitled", "captioned"};
  if (!units_[u - 2].is_quote && kThings.count(t_[units_[u - 2].token].lower))
    return true;
  if (u < 3) return false;
  static const WordSet kBe = {"is", "was", "are", "were", "reads", "read"};
  const Unit& verb = units_[u - 2];
  if (verb.is_quote || !kBe.count(t_[verb.token].lower)) return false;
  // The clause opens with an article, and no one's: not "The Tory leader's
  // message was:".
  std::size_t lo = u - 2;
  while (lo > 0 && !units_[lo - 1].is_quote &&
         units_[lo - 1].sentence == verb.sentence)
    --lo;
  const std::string_view first = t_[units_[lo].token].text;
  if (first != "The" && first != "A" && first != "An") return false;
  for (std::size_t k = lo; k < u - 2; ++k) {
    const MatchToken& w = t_[units_[k].token];
    if (IsApostrophe(w) || IsPersonNoun(w) || w.lower == "he" ||
        w.lower == "she" || w.lower == "they")
      return false;
  }
  return true;
}

bool ParagraphReader::IsHeadingLike() const {
  if (!quotes_.empty() || t_.empty()) return false;
  const std::string_view last = t_.back().text;
  if (!t_.back().is_word && last != ")") return false;
  std::size_t words = 0, capitalised = 0;
  for (const MatchToken& w : t_) {
    if (!w.is_word) continue;
    ++words;
    if (IsCapitalised(w) || IsFunctionWord(w.lower)) ++capitalised;
  }
  return words >= 3 && words <= 12 && capitalised * 10 >= words * 9;
}

// Whether the name at tokens [first, end) is its sentence's subject: it
// opens the sentence (after "But", "And" or the like) and a lower-case
// word, its verb, follows. A person named in full in passing ("now faces
// Serena Williams") and then by surname as a subject ("Williams was also
// far from content. "...," she said") is one pronouns look back to.
bool ParagraphReader::SubjectAt(std::size_t first, std::size_t end) const {
  if (end >= t_.size() || !t_[end].is_word || !IsLowerAscii(t_[end].text[0]))
    return false;
  std::size_t b = first;
  if (b > 0 && (t_[b - 1].text == "But" || t_[b - 1].text == "And" ||
                t_[b - 1].text == "Meanwhile"))
    --b;
  if (b == 0) return true;
  const int u = unit_of_token_[b - 1];
  const int v = unit_of_token_[first];
  return u >= 0 && v >= 0 && units_[u].sentence != units_[v].sentence;
}

// People named with an honorific or a role are remembered, so that later
// pronouns and short forms find them even if they never spoke before.
void ParagraphReader::ScanMentions() {
  // The mentions found: who, and the tokens [first, end) of the name.
  struct SeenAt {
    int person;
    std::size_t first, end;
  };
  std::vector<SeenAt> seen;
  // Whether each token can be part of a name, asked once per token.
  std::vector<char> name_word(t_.size());
  for (std::size_t i = 0; i < t_.size(); ++i)
    name_word[i] = IsCapitalised(t_[i]) && IsNameWordAt(t_, i);
  auto is_name = [&](std::size_t i) { return name_word[i] != 0; };
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (unit_of_token_[i] < 0 || units_[unit_of_token_[i]].is_quote) continue;
    const MatchToken& w = t_[i];
    if (!w.is_word) continue;
    // An initial ("R. Scott Turner") starts a name; it introduces none.
    if (w.text.size() == 1 && IsInitialDot(t_, i + 1)) continue;
    unsigned cls = WordClasses(w.text);
    bool cap = IsCapitalised(w);
    bool trigger = (cap && (cls & kHonorificClass)) ||
                   (!cap && (cls & kRoleClass)) ||
                   (cap && (cls & kNameStopClass) && !IsBodyWord(w) &&
                    w.text != "The" && w.text != "A" && !OpensAPlace(w.text) &&
                    (!Prepositions().count(w.lower) || w.text == "For")) ||
                   (cls & kPersonAcronymClass);
    if (!trigger) continue;
    // The name words right after the trigger.
    std::size_t j = i + 1;
    // "the party's leader, Nicola Sturgeon, welcomed".
    if (j + 1 < t_.size() && t_[j].text == "," && !Honorifics().count(w.text))
      ++j;
    while (j < t_.size() &&
           (Honorifics().count(t_[j].text) || t_[j].text == ".") && !is_name(j))
      ++j;
    std::size_t k = j;
    while (k < t_.size() && units_[unit_of_token_[k]].is_quote == false &&
           is_name(k)) {
      ++k;
      // "O’Neill": apostrophe or hyphen joined name parts.
      while (k + 1 < t_.size() && (IsApostrophe(t_[k]) || t_[k].text == "-") &&
             Adjacent(t_[k - 1], t_[k]) && Adjacent(t_[k], t_[k + 1]) &&
             IsCapitalised(t_[k + 1])) {
        k += 2;
      }
      // "Stephen J. Kominsky": an initial's dot.
      if (IsInitialDot(t_, k)) ++k;
      // "Renaud Donnedieu de Vabres": particles inside the name.
      while (k + 1 < t_.size() && IsNameParticle(t_[k]) && is_name(k + 1)) ++k;
    }
    if (k == j) continue;
    Mention m = ClassifyCapitalised(text_, t_, i, k - 1);
    long pos = base_ + static_cast<long>(i);
    int p = -1;
    if (m.kind == MentionKind::kPerson) {
      p = reg_->Person(m.name, m.gender, pos);
    } else if (m.kind == MentionKind::kSurname && m.given_name) {
      p = reg_->GivenName(CanonicalPersonName(m.name), m.gender, pos, true);
    } else if (m.kind == MentionKind::kSurname && m.gender != 'x') {
      p = reg_->Surname(CanonicalPersonName(m.name), m.gender, pos, true,
                        m.peer_title);
    }
    if (p >= 0) {
      seen.push_back({p, i, k});
      // "BBC labour affairs correspondent Stephen Cape", "Culture
      // Secretary Tessa Jowell": the role, for "our correspondent said".
      if (RoleWords().count(w.lower) || (cls & kPersonAcronymClass))
        reg_->AddRole(p, RoleWordsBefore(i));
    }
    i = k - 1;
  }
  // Full names without a title ("Shani Rhys James is worried"), so that a
  // later "Ms James" is known by her full name.
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (unit_of_token_[i] < 0 || units_[unit_of_token_[i]].is_quote ||
        !is_name(i)) {
      continue;
    }
    // Not after a name, an honorific, an apostrophe, or an article: "The
    // Weakest Link" and "the Daily Mail" are titles, not people.
    if (i > 0 && (is_name(i - 1) || Honorifics().count(t_[i - 1].text) ||
                  (IsApostrophe(t_[i - 1]) && Adjacent(t_[i - 1], t_[i])) ||
                  t_[i - 1].lower == "the")) {
      continue;
    }
    // "J. Lee Westmaas": the initial is part of the name.
    const std::size_t first = i >= 2 && IsInitialDot(t_, i - 1) ? i - 2 : i;
    std::size_t k = i;
    int words = 0;
    while (k < t_.size() && !units_[unit_of_token_[k]].is_quote && is_name(k)) {
      ++k;
      ++words;
      while (k + 1 < t_.size() && (IsApostrophe(t_[k]) || t_[k].text == "-") &&
             Adjacent(t_[k - 1], t_[k]) && Adjacent(t_[k], t_[k + 1]) &&
             IsCapitalised(t_[k + 1])) {
        k += 2;
      }
      // Middle initials: "Stephen J. Kominsky", "Bernard M.Y. Cheung".
      while (k + 2 < t_.size() && t_[k].text.size() == 1 &&
             IsInitialDot(t_, k + 1) &&
             !units_[unit_of_token_[k + 2]].is_quote) {
        k += 2;
      }
    }
    if (words >= 2 && words <= 4) {
      Mention m = ClassifyCapitalised(text_, t_, first, k - 1);
      if (m.kind == MentionKind::kPerson) {
        const bool after = RoleInApposition(first, k);
        const bool before = !after && RoleBeforeApposition(first, k);
        int p = reg_->Person(m.name, m.gender, base_ + static_cast<long>(first),
                             /*weak=*/!after && !before && !RolePredicate(k));
        seen.push_back({p, first, k});
        if (first == 0 || unit_of_token_[first - 1] < 0 ||
            units_[unit_of_token_[first - 1]].sentence !=
                units_[unit_of_token_[first]].sentence)
          reg_->Opens(p, base_ + static_cast<long>(first));
        // "Oliver Letwin, the shadow chancellor,", "The Secretary of State
        // for Culture, Media and Sport, Tessa Jowell,".
        if (after) reg_->AddRole(p, WordsBetweenCommas(k));
        if (before) reg_->AddRole(p, WordsOfSentenceBefore(first - 1));
        // "Brian and Nicola Valentine": a couple shares the surname.
        if (first >= 2 && t_[first - 1].lower == "and" && is_name(first - 2) &&
            (first < 3 || !is_name(first - 3))) {
          const std::string partner = std::string(t_[first - 2].text) + " " +
                                      m.name.substr(m.name.find(' ') + 1);
          // (One-word surnames only: "Charles and Camilla Parker Bowles"
          // does not make a "Charles Parker Bowles".)
          if (GivenNameGender(partner) != 0 &&
              std::count(m.name.begin(), m.name.end(), ' ') == 1) {
            const int q =
                reg_->Person(partner, 0, base_ + static_cast<long>(first - 2),
                             /*weak=*/true);
            seen.push_back({q, first - 2, first - 1});
          }
        }
      }
    }
    i = k - 1;
  }
  // Known surnames mentioned bare ("Markar is from Imperial College").
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (!IsCapitalised(t_[i])) continue;
    if (unit_of_token_[i] < 0 || units_[unit_of_token_[i]].is_quote) continue;
    if (is_name(i) && (i + 1 == t_.size() || !is_name(i + 1)) &&
        (i == 0 || !is_name(i - 1))) {
      int p = reg_->Surname(t_[i].text, 0, base_ + static_cast<long>(i), false);
      if (p >= 0) seen.push_back({p, i, i + 1});
      if (p >= 0 && SubjectAt(i, i + 1)) reg_->Strengthen(p);
    }
  }
  // A later "he" means the subject of a sentence, not the others it names:
  // in "Lord Woolf said it was Lord Scarman's "pioneering work". "He was a
  // lawyer ...," he said.", he is Lord Woolf; in "Roger Knapman has said he
  // is glad to see the back of Mr Kilroy-Silk. "...," he said.", Knapman.
  // A mention after the sentence's first plain one (not possessive, not a
  // preposition's object) is not looked back to, nor a possessive after a
  // preposition ("Commenting on Mr Makarov's case, he said").
  auto possessive = [&](const SeenAt& a) {
    const std::size_t k = a.end;
    return k + 1 < t_.size() && IsApostrophe(t_[k]) &&
           Adjacent(t_[k - 1], t_[k]) && t_[k + 1].text == "s" &&
           Adjacent(t_[k], t_[k + 1]);
  };
  // (Past an honorific: "to Mr Hunt" is seen as "Mr Hunt" and as "Hunt".)
  auto after_preposition = [&](const SeenAt& a) {
    std::size_t k = a.first;
    while (k > 0 && (Honorifics().count(t_[k - 1].text) ||
                     (t_[k - 1].text == "." && k > 1 &&
                      Honorifics().count(t_[k - 2].text))))
      --k;
    return k > 0 && Prepositions().count(t_[k - 1].lower) > 0;
  };
  auto sentence_of = [&](const SeenAt& a) {
    return units_[unit_of_token_[a.first]].sentence;
  };
  // Nor is the subject of a reported clause: in "But he said Mr Blair had
  // lost the trust of the people. "...," he said.", he is not Mr Blair.
  // (Not "..., said Dr Meldrum", where a quote or a comma comes before
  // the verb and the name is its subject.)
  auto sentence_end = [&](const SeenAt& a) {
    std::size_t k = a.end;
    while (k < t_.size() &&
           (unit_of_token_[k] < 0 ||
            units_[unit_of_token_[k]].sentence == sentence_of(a)))
      ++k;
    return base_ + static_cast<long>(k);
  };
  auto reported = [&](const SeenAt& a) {
    // A verb's object is no clause's subject, and may answer next ("asked
    // Mr McConnell how ... He said:"); what follows its "that" is reported.
    static const WordSet kTakesObject = {
        "told",  "tells",     "asked",    "urged",    "urges",  "warned",
        "warns", "cautioned", "cautions", "answered", "answers"};
    bool that = false;
    const int sentence = sentence_of(a);
    // Not a passive's agent ("was denied by Mr Mandelson, who said"), nor
    // the subject of a verb of its own ("..., but Dr Porter said").
    if (a.first > 0 && t_[a.first - 1].lower == "by") return false;
    // (But "less than half of what Mrs May suggests" is inside the
    // clause.)
    const std::size_t after = a.end;
    std::size_t start = a.first;
    if (start > 0 && Honorifics().count(t_[start - 1].text)) --start;
    const bool what = start > 0 && t_[start - 1].lower == "what";
    for (std::size_t k = after; k < t_.size() && k < after + 3 && !what; ++k) {
      if (ReportingVerbs().count(t_[k].lower)) return false;
      if (!t_[k].is_word) break;
    }
    for (std::size_t v = a.first; v >= 2 && v + 40 > a.first; --v) {
      const std::size_t j = v - 1;
      if (unit_of_token_[j] < 0 || units_[unit_of_token_[j]].is_quote ||
          units_[unit_of_token_[j]].sentence != sentence)
        return false;
      // Nor past a clause of its own (", but", ", while", ";").
      if (t_[j].text == ";" ||
          (t_[j].text == "," && j + 1 < v &&
           (t_[j + 1].lower == "but" || t_[j + 1].lower == "while" ||
            t_[j + 1].lower == "and" || t_[j + 1].lower == "although")))
        return false;
      if (t_[j].lower == "that") that = true;
      // Verbs that are never nouns ("Her comments did not impress Tim
      // Collins" reports nothing); right before the name, any.
      static const WordSet kClauseVerbs = {
          "said",      "says",       "added",     "adds",         "insisted",
          "insists",   "argued",     "argues",    "claimed",      "believes",
          "stated",    "suggested",  "admitted",  "acknowledged", "conceded",
          "explained", "maintained", "confirmed", "denied",       "predicted",
          "warned",    "told",       "asked",     "urged",        "stressed",
          "stresses",  "noted",      "notes",     "emphasised",   "emphasized",
          "pointed"};
      if (!(j + 1 == v && v == a.first ? ReportingVerbs().count(t_[j].lower)
                                       : kClauseVerbs.count(t_[j].lower)))
        continue;
      // "That said, Dr. Moses Rodriguez ...": no clause follows.
      if (j + 1 < t_.size() && t_[j + 1].text == ",") return false;
      // The verb has a subject before it: "he said Mr Blair ...", not
      // "..., said Dr Meldrum"; or "that" after it: "The former GP, 54,
      // stated that ...".
      const std::size_t b = j - 1;
      if (j + 1 < t_.size() && t_[j + 1].lower == "that") return true;
      if (!t_[b].is_word || unit_of_token_[b] < 0 ||
          units_[unit_of_token_[b]].is_quote ||
          units_[unit_of_token_[b]].sentence != sentence)
        return false;
      return !kTakesObject.count(t_[j].lower) || that;
    }
    return false;
  };
  for (const SeenAt& a : seen) {
    // Within its own sentence it still is: "He said Mr Straw was "naive"
    // when he claimed otherwise".
    if (reported(a)) {
      reg_->SeeUntil(a.person, base_ + static_cast<long>(a.first),
                     sentence_end(a));
      continue;
    }
    // Nor, after its sentence, a name after the sentence's own "He" or
    // "She", which the next pronoun of that sex continues: "He defeated
    // GPC deputy chair Dr Vautrey, ..." then "he said" is not Dr Vautrey.
    // (A person of the other sex is still seen.)
    if (!(possessive(a) && after_preposition(a))) {
      std::size_t k = a.first;
      while (k > 0 &&
             (unit_of_token_[k - 1] < 0 ||
              units_[unit_of_token_[k - 1]].sentence == sentence_of(a)))
        --k;
      // (The sentence's own first word, not a quote's.)
      while (k < a.first && (!t_[k].is_word || unit_of_token_[k] < 0 ||
                             units_[unit_of_token_[k]].is_quote))
        ++k;
      const char he = t_[k].text == "He" ? 'm' : t_[k].text == "She" ? 'f' : 0;
      const char g = reg_->person(a.person).gender;
      if (k < a.first && he != 0 && (g == 0 || g == he)) {
        reg_->SeeUntil(a.person, base_ + static_cast<long>(a.first),
                       sentence_end(a));
        continue;
      }
    }
    bool drop = possessive(a) && after_preposition(a);
    // Nor a preposition's object in a phrase that opens the sentence before
    // its main clause's "he" or "she": "In a letter sent to fellow
    // hospital bosses and to Mr Hunt, ..., he warns of:" is not Mr Hunt.
    if (!drop && after_preposition(a)) {
      std::size_t k = a.first;
      while (k > 0 && unit_of_token_[k - 1] >= 0 &&
             !units_[unit_of_token_[k - 1]].is_quote &&
             units_[unit_of_token_[k - 1]].sentence == sentence_of(a))
        --k;
      const std::string_view opener = t_[k].lower;
      const bool fronted = k < a.first && IsCapitalised(t_[k]) &&
                           (Prepositions().count(opener) > 0 ||
                            (opener.size() > 5 &&
                             opener.compare(opener.size() - 3, 3, "ing") == 0));
      const char g = reg_->person(a.person).gender;
      for (std::size_t j = a.end; fronted && j + 1 < t_.size(); ++j) {
        if (unit_of_token_[j] < 0 || units_[unit_of_token_[j]].is_quote ||
            units_[unit_of_token_[j]].sentence != sentence_of(a))
          break;
        const char he = t_[j + 1].lower == "he"    ? 'm'
                        : t_[j + 1].lower == "she" ? 'f'
                                                   : 0;
        if (t_[j].text == "," && he != 0 && (g == 0 || g == he)) {
          drop = true;
          break;
        }
      }
    }
    for (const SeenAt& b : seen) {
      if (drop) break;
      drop = b.person != a.person && b.first < a.first &&
             sentence_of(b) == sentence_of(a) && !possessive(b) &&
             !after_preposition(b);
    }
    if (drop) reg_->Unsee(a.person, base_ + static_cast<long>(a.first));
  }
}

Speaker ParagraphReader::Resolve(const Mention& m, long pos,
                                 long reported_from) {
  Speaker s;
  int p = -1;
  const int letter_writer = reg_->letter_writer;
  reg_->letter_writer = -1;
  switch (m.kind) {
    case MentionKind::kPerson:
      p = reg_->Person(m.name, m.gender, pos);
      break;
    case MentionKind::kSurname:
      if (m.given_name) {
        p = reg_->GivenName(CanonicalPersonName(m.name), m.gender, pos, true);
        break;
      }
      // A bare single word must be a known surname; with an honorific it
      // may introduce the person.
      p = reg_->Surname(CanonicalPersonName(m.name),
                        m.gender == 'x' ? 0 : m.gender, pos, m.gender != 'x',
                        m.peer_title);
      // "said Gill" after "Gill Walton" has spoken: some outlets use the
      // given name. Not for a firm ("Novo said" after "Novo Nordisk").
      // A word before ", who" is a person's: any named by that given name.
      if (p < 0 && m.gender == 'x')
        p = reg_->GivenName(m.name, 0, pos, false, /*known=*/!m.who_clause);
      // "His wife Susan says": a common given name after a word of kinship
      // is someone known by it.
      if (p < 0 && m.gender == 'x' && m.first > 0 && m.first < t_.size() &&
          IsKinWord(t_[m.first - 1].lower)) {
        const char g = GivenNameGender(m.name + " X");
        if (g != 0) p = reg_->GivenName(m.name, g, pos, true);
      }
      if (p < 0 && m.gender == 'x') {
        // "Labour said", "Monitor said": a one-word organisation.
        MatchToken probe;
        probe.text = m.name;
        probe.is_word = true;
        if (IsBodyWord(probe) || m.owns_document) {
          s.named = true;
          s.name = CanonicalBodyName(m.name);
          reg_->last_body = s.name;
        }
        return s;
      }
      break;
    case MentionKind::kPronoun: {
      std::string body;
      // (An age, "the 67-year-old", is the only pronoun of either sex.)
      // An object: "reached out to pharmacy minister Steve Brine" (not
      // "Francis's report does not blame anyone ..., he said").
      auto object_at = [&](long at) {
        static const WordSet kPrepositions = {
            "to",      "with", "from", "by", "for",  "on",  "about",
            "against", "and",  "at",   "of", "than", "like"};
        const long k = at - base_;
        if (k <= 0 || k >= static_cast<long>(t_.size())) return false;
        for (long j = k - 1; j >= 0 && j >= k - 6; --j) {
          const MatchToken& w = t_[static_cast<std::size_t>(j)];
          if (!w.is_word) return false;
          if (kPrepositions.count(w.lower)) return true;
          if (IsCapitalised(w) && !RoleWords().count(w.text) &&
              !RoleModifiersAt(t_, static_cast<std::size_t>(j), t_.size()))
            continue;  // the name's own words
          if (!RoleWords().count(w.lower) &&
              !RoleModifiersAt(t_, static_cast<std::size_t>(j), t_.size()) &&
              !IsDeterminer(w.lower) && w.lower != "recently" &&
              w.lower != "appointed" && w.lower != "new")
            return false;
        }
        return false;
      };
      p = reg_->Pronoun(m.gender, pos, &body,
                        /*named_in_passing=*/m.gender == 0, reported_from,
                        object_at);
      if (p < 0 && !body.empty()) {
        s.named = true;
        s.name = std::move(body);
        return s;
      }
      break;
    }
    case MentionKind::kBody:
      s.named = true;
      s.name = m.name;
      s.office = m.office;
      if (s.office) s.office_role = m.role;
      reg_->last_body = m.name;
      if (m.unnamed_one) reg_->NoteUnnamed(pos, m.gender, m.name);
      return s;
    case MentionKind::kBodyPronoun:
    case MentionKind::kGeneric:
      // "Ms Cummings writes: ..." then "The letter continues: ...": the
      // writer's letter.
      if (m.kind == MentionKind::kGeneric && reg_->last_writer >= 0 &&
          m.first > 0 && m.first < t_.size() &&
          (t_[m.first].text == "letter" || t_[m.first].text == "email" ||
           t_[m.first].text == "memo") &&
          t_[m.first - 1].lower == "the") {
        p = reg_->last_writer;
        reg_->letter_writer = p;
        break;
      }
      // "It concludes: ...": the letter quoted just before goes on.
      if (m.kind == MentionKind::kBodyPronoun && letter_writer >= 0) {
        p = reg_->letter_writer = letter_writer;
        break;
      }
      // "The band's spokesman said ... he added": the body's words.
      if (m.unnamed_one) reg_->NoteUnnamed(pos, m.gender, reg_->last_body);
      if (!reg_->last_body.empty()) {
        s.named = true;
        s.name = reg_->last_body;
      }
      return s;
    case MentionKind::kUnnamed:
      if (m.unnamed_one) reg_->NoteUnnamed(pos, m.gender);
      if (m.role.empty() && lede_) {
        s.office_role = IndefiniteRole(t_, m.first);
        s.office = !s.office_role.empty();
      }
      if (m.role.empty()) return s;
      p = reg_->ByRole(m.role, pos);
      s.office = p < 0;
      if (p < 0) {
        s.office_role = m.role;
        return s;
      }
      break;
    case MentionKind::kNone:
      return s;
  }
  if (p < 0) return s;
  s.named = true;
  s.person = true;
  s.name = reg_->person(p).name;
  s.id = p;
  reg_->MarkSpeaker(p);
  return s;
}

// The unit before `u` skipping words that sit between subject and verb.
std::size_t ParagraphReader::PrevOutside(std::size_t u,
                                         std::size_t lo_unit) const {
  std::size_t v = u;
  int skipped = 0;
  // "is expected to say", "are set to warn": the subject is before them.
  static const WordSet kBe = {"is", "are", "was", "were"};
  if (v >= lo_unit + 3 && t_[units_[v - 1].token].text == "to" &&
      IntentWords().count(t_[units_[v - 2].token].text) &&
      kBe.count(t_[units_[v - 3].token].text)) {
    v -= 3;
  } else if (v >= lo_unit + 2 && t_[units_[v - 1].token].text == "to" &&
             kBe.count(t_[units_[v - 2].token].text) &&
             BaseFormReportingVerbs().count(t_[units_[u].token].text)) {
    v -= 2;  // "He was to add:"
  }
  // "He is also claiming": the form of "be" before a progressive too.
  const std::string_view verb = t_[units_[u].token].text;
  const bool progressive = ProgressiveReportingVerbs().count(verb) > 0;
  while (v > lo_unit && skipped < 4) {
    const Unit& p = units_[v - 1];
    if (p.is_quote || (!IsSkippableBeforeVerb(t_[p.token]) &&
                       !(progressive && IsBe(t_[p.token].text))))
      break;
    --v;
    ++skipped;
  }
  return v;  // units [.., v) precede; v - 1 is the subject's last unit
}

void ParagraphReader::FindAttributions() {
  for (std::size_t u = 0; u < units_.size(); ++u) {
    const Unit& unit = units_[u];
    if (unit.is_quote) continue;
    const MatchToken& w = t_[unit.token];
    std::size_t ti = unit.token;
    bool verb = w.is_word && w.text.size() >= 3 && IsLowerAscii(w.text[0]) &&
                ReportingVerbs().count(w.text);
    // "It sets family against family," he will argue: a verb of the future
    // reports only words it quotes ("will announce his line-up" does not).
    if (!verb && w.is_word && AfterModal(t_, ti) &&
        BaseFormReportingVerbs().count(w.text))
      verb = QuoteFollows(u) || QuoteJustBefore(u);
    // "Dr Baker used her conference speech to warn that the plans are
    // 'totally unrealistic'": an infinitive of purpose after "used" or
    // "took" reports for the sentence's subject.
    bool purpose = false;
    // "He went on to say that he 'recognised a problem'": the same.
    if (w.is_word && ti > 2 && t_[ti - 1].text == "to" &&
        t_[ti - 2].text == "on" &&
        (t_[ti - 3].text == "went" || t_[ti - 3].text == "goes" ||
         t_[ti - 3].text == "go") &&
        (w.text == "say" || BaseFormReportingVerbs().count(w.text))) {
      purpose = QuoteFollows(u);
      verb = false;
    }
    if (!verb && !purpose && w.is_word && ti > 0 && t_[ti - 1].text == "to" &&
        BaseFormReportingVerbs().count(w.text) && QuoteFollows(u)) {
      static const WordSet kUse = {"used", "uses", "took", "takes", "seized"};
      for (std::size_t k = ti - 1; k-- > 0 && k + 10 > ti;) {
        if (!t_[k].is_word) break;
        if (kUse.count(t_[k].text)) {
          purpose = true;
          break;
        }
      }
    }
    // "He is saying that prosperity means "radically improved" services":
    // a progressive after "be" reports the words it quotes. (The ending is
    // tested before the table: this runs for every word.)
    const bool ing = w.is_word && w.text.size() > 5 &&
                     w.text.compare(w.text.size() - 3, 3, "ing") == 0;
    const bool progressive = ing && ProgressiveReportingVerbs().count(w.text);
    if (!verb && progressive && AfterBe(t_, ti))
      verb = QuoteFollows(u) || QuoteJustBefore(u);
    // "Despite GPC chairman Dr Richard Vautrey assuring GPs that '...'": a
    // progressive right after a name reports for that person; also past a
    // role in apposition: "with Dave Prentis, general secretary, saying
    // that the government "won't know what hit them"".
    bool after_name = false;
    if (!verb && ti > 0 && (progressive || (ing && w.text == "saying"))) {
      std::size_t k = ti - 1;
      if (t_[k].text == "," && k > 2) {
        std::size_t j = k;
        while (j > 0 && j + 5 > k && t_[j - 1].is_word &&
               !IsCapitalised(t_[j - 1]))
          --j;
        if (j + 1 < k && j > 1 && t_[j - 1].text == "," &&
            RoleWords().count(t_[k - 1].lower))
          k = j - 2;
      }
      // Also a body or an office after "with": "with the head of the NHS
      // Confederation saying it was "disappointing"".
      bool with = false;
      if (w.text == "saying" && t_[k].is_word &&
          (IsCapitalised(t_[k]) || RoleWords().count(t_[k].lower))) {
        for (std::size_t j = k; j-- > 0 && j + 10 > k;) {
          if (!t_[j].is_word && !IsApostrophe(t_[j])) break;
          if (t_[j].lower == "with") {
            with = j + 1 < k;
            break;
          }
        }
      }
      if (IsNameWordAt(t_, k) || with) after_name = verb = QuoteFollows(u);
    }
    // "Darren Millar, AM for Clwyd West, hit out that it shouldn't have
    // taken a judicial review to "do the right thing"": a phrasal verb of
    // speech, for the quote after it.
    if (!verb && w.is_word && ti + 1 < t_.size() && t_[ti + 1].text == "out" &&
        (w.text == "hit" || w.text == "hits" || w.text == "lashed" ||
         w.text == "lashes" || w.text == "spoke" || w.text == "speaks"))
      verb = QuoteFollows(u);
    // "Boris Johnson spoke of his "own huge personal debt" to nurses", "Dr
    // Jennifer Dixon ... pointed to a "bleedin' obvious" lack of funding":
    // a quote within four words (not "he talks of those eyes ..., before
    // the finale of a ... shout of "free education"").
    if (!verb && w.is_word && ti + 1 < t_.size() &&
        (((t_[ti + 1].text == "of" || t_[ti + 1].text == "about") &&
          (w.text == "spoke" || w.text == "speaks" || w.text == "talked" ||
           w.text == "talks")) ||
         (t_[ti + 1].text == "to" &&
          (w.text == "pointed" || w.text == "points")))) {
      for (std::size_t v = u + 1;
           v < units_.size() && units_[v].sentence == unit.sentence &&
           units_[v].token <= ti + 5;
           ++v) {
        if (units_[v].is_quote) {
          verb = true;
          break;
        }
      }
    }
    // A quoting verb's speaker is its subject, never what follows it.
    const bool promising = !verb && w.is_word && PromiseVerbs().count(w.text);
    const bool quoting =
        promising || (!verb && w.is_word && QuotingVerbs().count(w.text));
    // "accused him of trying to score "cheap political points"": a verb
    // that reports words only when it quotes them.
    if (quoting) verb = promising ? QuoteOnlyAfter(u) : QuoteFollows(u);
    // "... leaving an "unprecedented demand" on hospitals, Jeremy Hunt has
    // revealed.": a verb of revealing that ends its sentence after a name
    // reports what comes before it.
    if (promising && !verb && (w.text == "revealed" || w.text == "reveals") &&
        ti + 1 < t_.size() && t_[ti + 1].text == "." && ti >= 2 &&
        (t_[ti - 1].lower == "has" || t_[ti - 1].lower == "have" ||
         IsCapitalised(t_[ti - 1])))
      verb = true;
    // "has raised “deep concerns”": only with the quote right after it,
    // and not a participle ("concerns raised", "had been raised", "raised
    // voices and "throwing crockery"").
    if (quoting && w.text == "raised")
      verb = ti + 1 < t_.size() && QuoteKind(t_[ti + 1]) != QuoteChar::kNone &&
             ti > 0 &&
             (t_[ti - 1].lower == "has" || t_[ti - 1].lower == "have" ||
              t_[ti - 1].lower == "had" || IsCapitalised(t_[ti - 1]));
    // "He added the government had pledged "...": a promise reported in
    // someone's words is theirs to quote.
    if (promising && !attrs_.empty() && attrs_.back().sentence == unit.sentence)
      verb = false;
    // "according to X", also opening its sentence ("According to X, ...").
    bool according =
        w.lower == "according" && ti + 1 < t_.size() && t_[ti + 1].text == "to";
    // ", saying ..." and ", remarking: "..."": the main clause's subject.
    // Also after a dash: "has raised the problems in parliament – warning
    // of a 'collapse of public confidence'".
    // And after "by": "took a stronger tone by saying GPs are already
    // 'being pushed to our limits'", unless a verb has reported in the
    // sentence; or a clause's "he" or "she" is the subject since ("has
    // criticised the chairman after he reprehended politicians by
    // suggesting "..."").
    std::size_t by_pronoun = t_.size();
    const bool by = u > 0 && !units_[u - 1].is_quote &&
                    t_[units_[u - 1].token].text == "by" &&
                    ProgressiveReportingVerbs().count(w.text);
    for (std::size_t k = ti - 1; by && k-- > 0 && k + 10 > ti;) {
      if (!t_[k].is_word || unit_of_token_[k] < 0 ||
          units_[unit_of_token_[k]].sentence != unit.sentence)
        break;
      if (t_[k].lower == "he" || t_[k].lower == "she") {
        by_pronoun = k;
        break;
      }
    }
    const bool since_attribution =
        attrs_.empty() || attrs_.back().sentence != unit.sentence ||
        (by_pronoun < t_.size() &&
         by_pronoun > units_[attrs_.back().unit].token);
    const bool after_comma =
        u > 0 && !units_[u - 1].is_quote &&
        (t_[units_[u - 1].token].text == "," ||
         IsApposingDash(t_[units_[u - 1].token]) || (by && since_attribution));
    // Also ", asking if it was a "glowing endorsement"", where "asking"
    // after "be" does not report ("patients are asking about Pradaxa"), and
    // "stepped down suddenly last week, citing "a number of very serious
    // challenges"".
    const bool participle = after_comma && !verb && w.text != "saying" &&
                            (ProgressiveReportingVerbs().count(w.text) ||
                             w.text == "asking" || w.text == "citing") &&
                            QuoteFollows(u);
    // "Theresa May has apologised for the delay in scheduled operations
    // saying she knows that cancelled operations were "difficult"": the
    // comma left out, for the sentence's subject if a person (not "a letter
    // saying", "banners saying").
    static const WordSet kWritten = {
        "letter", "statement", "message", "banner",  "banners", "sign",
        "signs",  "note",      "email",   "tweet",   "post",    "report",
        "notice", "leaflet",   "poster",  "posters", "text",    "headline"};
    const bool bare_saying = w.text == "saying" && !after_comma &&
                             !after_name && u > 0 && !units_[u - 1].is_quote &&
                             t_[units_[u - 1].token].is_word &&
                             !IsCapitalised(t_[units_[u - 1].token]) &&
                             !kWritten.count(t_[units_[u - 1].token].lower) &&
                             !AfterBe(t_, ti) && QuoteFollows(u);
    bool saying = !after_name && (participle || purpose || bare_saying ||
                                  (after_comma && w.text == "saying"));
    // "Mr Houston was quoted in the Herald newspaper saying:", "was
    // quoted as saying".
    // "the Interfax news agency quoted Mr Khodorkovsky as saying": who was
    // quoted, the verb's object, speaks.
    std::size_t quoted_object = 0;
    for (std::size_t k = ti;
         w.text == "saying" && !saying && k-- > 0 && k + 8 > ti;) {
      if (unit_of_token_[k] < 0 || units_[unit_of_token_[k]].is_quote ||
          units_[unit_of_token_[k]].sentence != unit.sentence)
        break;
      if (t_[k].lower != "quoted") continue;
      saying = true;
      const std::string_view aux = k > 0 ? t_[k - 1].lower : "";
      if (aux != "was" && aux != "is" && aux != "were" && aux != "are" &&
          aux != "been" && aux != "being" && aux != "be")
        quoted_object = k + 1;
    }
    bool colon =
        w.text == ":" && u + 1 < units_.size() && units_[u + 1].is_quote;
    // A heading's speaker, a colon and their words in brief: "Dr Alex
    // Freeman: GPs 'squeezed harder and harder'", "Hunt: GPs 'must work
    // harder'" (a short line with no full stop).
    if (!colon && w.text == ":" && t_.size() <= 24 &&
        std::none_of(t_.begin(), t_.end(),
                     [](const MatchToken& x) { return x.text == "."; })) {
      for (std::size_t v = u + 1; v < units_.size() && v <= u + 5 &&
                                  units_[v].sentence == unit.sentence;
           ++v) {
        if (!units_[v].is_quote) continue;
        colon = v + 1 == units_.size();  // the quote ends the line
        break;
      }
    }
    bool colon_at_end = w.text == ":" && u + 1 == units_.size();
    // "echoed a warning from NHS England chief executive Simon Stevens
    // this week that the budget is 'simply too small'": words sent from
    // someone, for the quote after them.
    static const WordSet kSent = {
        "warning", "message", "plea", "appeal", "call", "statement", "letter",
        "email", "remarks", "warnings",
        // "hints from prime minister Boris Johnson that the NHS would be
        // set new "tough" targets"
        "hint", "hints", "suggestion", "promise", "pledge"};
    const bool sent_from = w.lower == "from" && ti > 0 &&
                           kSent.count(t_[ti - 1].lower) && QuoteFollows(u);
    if (!verb && !according && !saying && !colon && !colon_at_end && !sent_from)
      continue;
    // Bounds: the verb's sentence, and never across a quote.
    std::size_t lo_unit = u;
    while (lo_unit > 0 && units_[lo_unit - 1].sentence == unit.sentence &&
           !units_[lo_unit - 1].is_quote) {
      --lo_unit;
    }
    std::size_t hi_unit = u + 1;
    while (hi_unit < units_.size() &&
           units_[hi_unit].sentence == unit.sentence &&
           !units_[hi_unit].is_quote) {
      ++hi_unit;
    }
    std::size_t lo_tok = lo_unit < u ? units_[lo_unit].token : ti;
    std::size_t hi_tok =
        hi_unit < units_.size() ? units_[hi_unit].token : t_.size();
    Mention m;
    bool speech_noun = false;
    bool across_quote = false;
    const Mention agent = verb ? PassiveAgent(u) : Mention();
    if (agent.kind == MentionKind::kPerson) {
      m = agent;
    } else if (according) {
      m = ParseForward(text_, t_, ti + 2, hi_tok);
    } else if (sent_from) {
      m = ParseForward(text_, t_, ti + 1, hi_tok);
      if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kSurname)
        continue;
      speech_noun = true;  // for the quote after it only
    } else if (saying && quoted_object > 0) {
      m = ParseForward(text_, t_, quoted_object, ti);
      if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kSurname &&
          m.kind != MentionKind::kPronoun)
        continue;
    } else if (saying) {
      // "Sir John said "substantial progress" had been made, adding that
      // ...": the sentence's speaker goes on.
      if (participle && by_pronoun == t_.size() && !attrs_.empty() &&
          attrs_.back().sentence == unit.sentence &&
          attrs_.back().speaker.named) {
        Attribution a = attrs_.back();
        a.unit = u;
        attrs_.push_back(a);
        continue;
      }
      // ", saying ...": the subject of the sentence's main clause, which
      // may stand before a quote: "Later the Health Secretary played down
      // the incident as "sticks and stones", saying: "..."".
      std::size_t subject_unit = lo_unit;
      while (subject_unit > 0 &&
             units_[subject_unit - 1].sentence == unit.sentence)
        --subject_unit;
      if (subject_unit < lo_unit && !units_[subject_unit].is_quote) {
        m = MainSubject(units_[subject_unit].token, ti);
        across_quote = m.kind != MentionKind::kNone;
      }
      if (m.kind == MentionKind::kNone) m = MainSubject(lo_tok, ti);
      if (by_pronoun < t_.size())
        m = ParseBackward(text_, t_, by_pronoun, by_pronoun);
      if ((participle || purpose) && m.kind == MentionKind::kNone) continue;
      if (bare_saying && m.kind != MentionKind::kPerson &&
          m.kind != MentionKind::kPronoun &&
          !(m.kind == MentionKind::kSurname && m.gender != 'x'))
        continue;
    } else {
      bool inverted = false;
      std::size_t v = PrevOutside(u, lo_unit);
      if (colon || colon_at_end) {
        // "Dr Porter:" — only a name, not "an uphill struggle:".
        if (v > lo_unit) {
          m = ParseBackward(text_, t_, lo_tok, units_[v - 1].token);
          if (m.kind != MentionKind::kPerson &&
              m.kind != MentionKind::kSurname && m.kind != MentionKind::kBody) {
            m = Mention();
          }
          // A verb just before the colon does the work instead, and the
          // object of one is not the speaker ("told Pulse:").
          if (ReportingVerbs().count(t_[units_[v - 1].token].text))
            m = Mention();
          // Nor is a preposition's object ("told BBC Sport from Rio de
          // Janeiro:"), nor the end of a longer capitalised name ("told
          // BBC Radio Five Live:").
          std::size_t run = m.first;
          auto in_name = [&](std::size_t x) {
            const MatchToken& tok = t_[x];
            // "BBC Radio 4's Today Programme": numbers and possessives
            // inside a programme's or a paper's name.
            if (IsApostrophe(tok) ||
                (tok.text == "s" && x > 0 && IsApostrophe(t_[x - 1]))) {
              return true;
            }
            if (!tok.text.empty() && tok.text[0] >= '0' && tok.text[0] <= '9')
              return true;
            return tok.is_word && (IsCapitalised(tok) || IsAcronym(tok));
          };
          while (run > lo_tok && in_name(run - 1)) --run;
          // "told the Commons:".
          if (run > lo_tok + 1 && t_[run - 1].lower == "the") --run;
          if (m.kind != MentionKind::kNone && run > 0 &&
              (ReportingVerbs().count(t_[run - 1].text) ||
               Prepositions().count(t_[run - 1].text))) {
            m = Mention();
          }
          // Nor a name further into a clause that "told" opens, which
          // names whom: "He told the dinner organised by headhunters
          // Odgers Berndtson:".
          for (std::size_t k = lo_tok; k < run && m.kind != MentionKind::kNone;
               ++k) {
            if (t_[k].is_word &&
                (t_[k].lower == "told" || t_[k].lower == "tells"))
              m = Mention();
          }
        }
        // "Dr Baker sent out a stark warning to the health secretary:": a
        // message the subject sends is theirs.
        // (Not after a verb: "Writing his Christmas message ..., the Bishop
        // said:" is the verb's.)
        speech_noun = m.kind == MentionKind::kNone && colon && v > lo_unit &&
                      !ReportingVerbs().count(t_[units_[v - 1].token].text) &&
                      SpeechNounBefore(ti);
        if (speech_noun) {
          m = MainSubject(lo_tok, ti);
          // After an opening clause: "Condemning the 'new deal', Dr Baker
          // sent out a stark warning:".
          for (std::size_t k = lo_tok; k < ti && m.kind == MentionKind::kNone;
               ++k) {
            if (t_[k].text == ",") {
              m = MainSubject(k + 1, ti);
              break;
            }
          }
          if (m.kind != MentionKind::kPerson &&
              m.kind != MentionKind::kSurname &&
              m.kind != MentionKind::kPronoun && m.kind != MentionKind::kBody)
            m = Mention();
        }
        // "Mr Barclay's opening message to the meeting today was: "..."",
        // "His answer was:": the words of the owner of what was said.
        if (m.kind == MentionKind::kNone && colon && v > lo_unit) {
          static const WordSet kBe = {"was", "is", "read", "reads", "were"};
          static const WordSet kSaid = {
              "message",  "words",     "response", "reply",  "answer",
              "advice",   "verdict",   "view",     "retort", "comment",
              "comments", "statement", "warning",  "plea",   "conclusion"};
          const std::size_t be = units_[v - 1].token;
          auto said_after = [&](std::size_t k) {
            for (std::size_t j = k + 1; j < be && j < k + 4; ++j)
              if (kSaid.count(t_[j].text)) return true;
            return false;
          };
          for (std::size_t k = be;
               kBe.count(t_[be].text) && k-- > lo_tok && k + 12 > be;) {
            if (!t_[k].is_word && !IsApostrophe(t_[k])) break;
            if (t_[k].text == "s" && k >= lo_tok + 2 &&
                IsApostrophe(t_[k - 1]) && said_after(k)) {
              const Mention owner =
                  ClassifyCapitalised(text_, t_, lo_tok, k - 2);
              if (owner.kind == MentionKind::kPerson ||
                  (owner.kind == MentionKind::kSurname && owner.gender != 'x'))
                m = owner;
              break;
            }
            if ((t_[k].lower == "his" || t_[k].lower == "her") &&
                said_after(k)) {
              m.kind = MentionKind::kPronoun;
              m.gender = t_[k].lower == "his" ? 'm' : 'f';
              m.first = k;
              break;
            }
          }
          speech_noun = m.kind != MentionKind::kNone;
        }
        // A caption: "BHRUT chief executive Matthew Trainer on the trust's
        // emergency performance: '...'".
        if (m.kind == MentionKind::kNone && colon && lo_tok == 0) {
          const Mention who = ParseForward(text_, t_, lo_tok, ti);
          if (who.kind == MentionKind::kPerson && who.end < ti &&
              t_[who.end].lower == "on")
            m = who;
        }
        if (m.kind == MentionKind::kNone) {
          // "... told Pulse:" — the attribution before the colon carries on.
          if (colon_at_end)
            ends_colon_ =
                !attrs_.empty() && attrs_.back().sentence == unit.sentence;
          continue;
        }
      } else if (u > 0 && units_[u - 1].is_quote) {
        inverted = true;  // "’ said Dr Meldrum"
      } else if (v > lo_unit && t_[units_[v - 1].token].text == ",") {
        // "..., said Dr Meldrum." or "Dr Hamish Meldrum, Chairman of the
        // BMA Council, said": try the inverted order first.
        // "Dr Chaand Nagpaul, chair of the GP committee, told Pulse:": the
        // phrase after "told" or "asked" is whom, never who.
        const bool addressee = w.lower == "told" || w.lower == "tells" ||
                               w.lower == "asked" || w.lower == "asks";
        Mention fwd = quoting || addressee
                          ? Mention()
                          : ParseForward(text_, t_, ti + 1, hi_tok);
        // Inverted only when the phrase ends the clause: "..., said Dr
        // Meldrum." but not "..., said Lord Scarman was".
        bool ends_clause = fwd.end >= hi_tok || !t_[fwd.end].is_word;
        if (fwd.kind != MentionKind::kNone &&
            fwd.kind != MentionKind::kUnnamed && ends_clause) {
          m = fwd;
        } else if (v - 1 > lo_unit && units_[v - 2].is_quote) {
          inverted = true;
        } else {
          // Apposition: "Dr Hamish Meldrum, Chairman of the BMA Council,
          // said" (the name before the commas) or "the party's health
          // spokeswoman, Eleanor Scott, said" (the name between them).
          std::size_t c = AfterCommaBefore(v - 1, lo_unit, 25);
          if (c > lo_unit && t_[units_[c - 1].token].text == ",") {
            std::size_t comma = units_[c - 1].token;
            std::size_t e = units_[v - 1].token;
            if (e > comma + 1) {
              Mention inner = ParseBackward(text_, t_, comma + 1, e - 1);
              if ((inner.kind == MentionKind::kPerson ||
                   (inner.kind == MentionKind::kSurname &&
                    inner.gender != 'x')) &&
                  inner.first == comma + 1) {
                m = inner;
              }
            }
            if (m.kind == MentionKind::kNone && comma > lo_tok) {
              m = ParseBackward(text_, t_, lo_tok, comma - 1);
              // "Clare, one of the nurses who joined the picket line, said:"
              // and "Sue, 48, said": a given name opening the sentence,
              // before a description.
              if (m.first == lo_tok && comma + 1 < t_.size() &&
                  !IsCapitalised(t_[comma + 1]) && t_[comma + 1].lower != "who")
                AsGivenName(&m);
              m.who_clause =
                  m.kind == MentionKind::kSurname && IsWho(t_[comma + 1].lower);
              // More than one apposition: "Dr. Kenneth W. Mahaffey,
              // co-director of ... at the Duke Clinical Research
              // Institute, and associate professor ..., said": the
              // person before an earlier comma, within the sentence.
              // Or a surname before ", who": "O'Shaughnessy, who is
              // co-director of ... at Baylor, US Oncology, and Texas
              // Oncology in Dallas, said" (a body would be "which").
              auto someone = [](const Mention& x) {
                return x.kind == MentionKind::kPerson ||
                       (x.kind == MentionKind::kSurname && x.gender != 'x');
              };
              // Not where a person is from, in apposition: "Sue Sibbald,
              // 48, of Norfolk Park, who lives with ..., said" (but "on
              // behalf of Robert Zoellick, US Trade Representative, said",
              // "..., with Dave Prentis, general secretary, saying").
              auto after_preposition = [&](const Mention& x) {
                static const WordSet kFrom = {"of", "from", "in", "at"};
                return x.first > lo_tok + 1 && x.first < t_.size() &&
                       kFrom.count(t_[x.first - 1].lower) > 0 &&
                       t_[x.first - 2].text == ",";
              };
              if (after_preposition(m)) m = Mention();
              std::size_t earlier = c - 1;
              for (int hops = 0; hops < 8 && !someone(m) && earlier > lo_unit;
                   ++hops) {
                std::size_t d = AfterCommaBefore(earlier, lo_unit, 15);
                if (d <= lo_unit || t_[units_[d - 1].token].text != ",") break;
                std::size_t before = units_[d - 1].token;
                if (before <= lo_tok) break;
                earlier = d - 1;
                // Not inside a list of capitalised words ("the National
                // Heart, Lung, and Blood Institute"): look further back.
                if (before + 3 < t_.size() && IsCapitalised(t_[before + 1]) &&
                    t_[before + 2].text == "," && t_[before + 3].lower == "and")
                  continue;
                Mention person = ParseBackward(text_, t_, lo_tok, before - 1);
                if (after_preposition(person)) continue;
                if (someone(person) || (person.kind == MentionKind::kSurname &&
                                        IsWho(t_[before + 1].lower))) {
                  m = person;
                  m.who_clause = IsWho(t_[before + 1].lower);
                }
              }
            }
          } else if (c == lo_unit && units_[v - 1].token > lo_tok &&
                     (QuoteFollows(u) ||
                      (lo_unit > 0 && units_[lo_unit - 1].is_quote)) &&
                     ti + 1 < t_.size() && t_[ti + 1].lower != "to" &&
                     t_[ti + 1].lower != "by") {
            // "Shadow Health Secretary Miles Briggs, said he was "very
            // pleased"", "Dr Sarah Mongomery who chaired the review group,
            // said": a stray comma, the sentence's first, between the
            // subject and its verb, for a quote beside them (not "Szilard
            // Nemeth, recalled in place of ...", nor "Mr Brown, said to be
            // furious").
            std::size_t e = units_[v - 1].token;
            for (std::size_t k = lo_tok + 1; k < e; ++k) {
              if (t_[k].lower == "who" && IsNameWordAt(t_, k - 1)) {
                e = k;
                break;
              }
            }
            Mention subject = ParseBackward(text_, t_, lo_tok, e - 1);
            // ("BMA council chair Dr Chaand Nagpaul, said": a role's
            // modifiers too.)
            bool opens = subject.first >= lo_tok;
            for (std::size_t k = lo_tok; k < subject.first && opens; ++k) {
              opens = t_[k].is_word &&
                      (IsCapitalised(t_[k]) || RoleWords().count(t_[k].lower) ||
                       RoleModifiersAt(t_, k, e));
            }
            if (opens && (subject.kind == MentionKind::kPerson ||
                          (subject.kind == MentionKind::kSurname &&
                           subject.gender != 'x')))
              m = subject;
          }
        }
      } else if (v > lo_unit) {
        const MatchToken& prev = t_[units_[v - 1].token];
        if (prev.lower == "and" || prev.lower == "but") {
          // "the BMA said ... and argued that": the same subject.
          if (!attrs_.empty() && attrs_.back().sentence == unit.sentence) {
            Attribution a = attrs_.back();
            a.unit = u;
            attrs_.push_back(a);
            continue;
          }
          // "Tory leader Michael Howard also backed the proposals but said
          // ...": the main clause's subject, when it names someone and the
          // verb reports ("... and writes the paper's column" does not).
          static const WordSet kSays = {
              "said", "says", "told", "tells", "added", "adds", "insisted",
              "insists", "argued", "argues", "claimed", "warned", "warns",
              "admitted", "admits", "denied", "denies", "stressed", "conceded",
              // "Neil Cooper also attended the meeting and agrees that"
              "agrees", "agreed", "believes", "explained", "explains",
              "acknowledged", "acknowledges"};
          if (!kSays.count(w.lower)) continue;
          m = MainSubject(lo_tok, ti);
          if (m.kind != MentionKind::kPerson && m.kind != MentionKind::kBody &&
              m.kind != MentionKind::kPronoun &&
              !(m.kind == MentionKind::kSurname && m.gender != 'x'))
            continue;
        } else if (IsApposingDash(prev)) {
          // "Lord Bingham - a senior law lord - said": the name before an
          // apposition between dashes.
          const std::size_t close = units_[v - 1].token;
          std::size_t open = close;
          for (std::size_t j = close; j > lo_tok + 1 && close - j < 20; --j) {
            if (unit_of_token_[j - 1] < 0 ||
                units_[unit_of_token_[j - 1]].is_quote) {
              break;
            }
            if (IsApposingDash(t_[j - 1])) {
              open = j - 1;
              break;
            }
          }
          if (open == close) continue;
          // "the vice chair of the college in Northern Ireland – Dr Michael
          // Perry – said": the name between the dashes, after a role.
          Mention inner = close > open + 1
                              ? ParseBackward(text_, t_, open + 1, close - 1)
                              : Mention();
          if ((inner.kind == MentionKind::kPerson ||
               (inner.kind == MentionKind::kSurname && inner.gender != 'x')) &&
              inner.first == open + 1) {
            for (std::size_t j = open; j > lo_tok && open - j < 15; --j) {
              if (RoleWords().count(t_[j - 1].text)) {
                m = inner;
                break;
              }
            }
          }
          if (m.kind == MentionKind::kNone) {
            m = ParseBackward(text_, t_, lo_tok, open - 1);
            // A person's aside names a role, or the person has a title: not
            // "Million Dollar Baby - recipient of four Academy Awards -
            // continued".
            bool role =
                m.first < t_.size() && Honorifics().count(t_[m.first].text);
            for (std::size_t j = open + 1; j < close && !role; ++j) {
              role = RoleWords().count(t_[j].lower) ||
                     PersonAcronyms().count(t_[j].text);
            }
            // And the name opens its clause: not "wrote for Science-Based
            // Medicine - a website - says".
            const bool opens =
                m.first == lo_tok ||
                (m.first > lo_tok &&
                 (t_[m.first - 1].text == "," ||
                  (m.first == lo_tok + 1 && t_[lo_tok].lower == "the")));
            if (!opens || (m.kind != MentionKind::kBody &&
                           !(role && (m.kind == MentionKind::kPerson ||
                                      (m.kind == MentionKind::kSurname &&
                                       m.gender != 'x'))))) {
              continue;
            }
          }
        } else if (prev.lower == "who" && v - 1 > lo_unit &&
                   t_[units_[v - 2].token].text == "," &&
                   units_[v - 2].token > lo_tok) {
          // "Mr Barber, who said the "problem is far worse"": the name
          // before the relative clause, when a quote follows in the
          // sentence (not "Sir John Oldham, who said little").
          if (!QuoteFollows(u)) continue;
          m = ParseBackward(text_, t_, lo_tok, units_[v - 2].token - 1);
          // Or the name before an apposition: "from Matthew Taylor, chief
          // executive of the NHS Confederation, who said".
          if (m.kind != MentionKind::kPerson &&
              !(m.kind == MentionKind::kSurname && m.gender != 'x')) {
            const std::size_t c = AfterCommaBefore(v - 2, lo_unit, 15);
            const std::size_t comma =
                c > lo_unit ? units_[c - 1].token : units_[v - 2].token;
            bool role = false;
            for (std::size_t j = comma + 1;
                 j < units_[v - 2].token && j <= comma + 6 && !role; ++j)
              role = RoleWords().count(t_[j].lower) > 0;
            if (role && t_[comma].text == "," && comma > lo_tok)
              m = ParseBackward(text_, t_, lo_tok, comma - 1);
          }
          if (m.kind != MentionKind::kPerson &&
              !(m.kind == MentionKind::kSurname && m.gender != 'x')) {
            continue;
          }
        } else if (prev.lower == "who" && v - 1 > lo_unit &&
                   units_[v - 2].token > lo_tok &&
                   IsNameWordAt(t_, units_[v - 2].token)) {
          // "backed by Culture Secretary Tessa Jowell who said: ...": the
          // comma left out.
          if (!QuoteFollows(u)) continue;
          m = ParseBackward(text_, t_, lo_tok, units_[v - 2].token);
          if (m.kind != MentionKind::kPerson &&
              !(m.kind == MentionKind::kSurname && m.gender != 'x')) {
            continue;
          }
        } else if (prev.text == ")") {
          // "Councillor Georgia Power (Lab) said:": a short aside in
          // brackets after the name (a party, a ward, an age).
          const std::size_t close = units_[v - 1].token;
          std::size_t open = close;
          for (std::size_t j = close; j > lo_tok + 1 && close - j < 6; --j) {
            if (t_[j - 1].text == "(") {
              open = j - 1;
              break;
            }
          }
          if (open == close) continue;
          m = ParseBackward(text_, t_, lo_tok, open - 1);
          if (m.kind != MentionKind::kPerson &&
              !(m.kind == MentionKind::kSurname && m.gender != 'x'))
            continue;
        } else {
          m = ParseBackward(text_, t_, lo_tok, units_[v - 1].token);
          // A place after a noun is not the subject: "A hospital in Greater
          // Manchester has declared a "black alert"".
          if ((m.kind == MentionKind::kPerson ||
               m.kind == MentionKind::kSurname) &&
              m.first >= lo_tok + 2 && m.first < t_.size()) {
            static const WordSet kWhere = {"in",     "at",     "near",
                                           "across", "around", "outside"};
            const MatchToken& noun = t_[m.first - 2];
            if (kWhere.count(t_[m.first - 1].lower) && noun.is_word &&
                IsLowerAscii(noun.text[0]))
              m = Mention();
          }
          // The last words of a relative clause ("..., who has worked as
          // a nurse for 34 years said", "Cllr Taylor, who is also the
          // group leader ... at Cardiff Council said") are not the speaker.
          std::size_t before = m.first;
          if (m.kind == MentionKind::kBody && before > lo_tok &&
              before < t_.size() && t_[before - 1].lower == "the")
            --before;
          const bool object = m.kind == MentionKind::kBody && before > lo_tok &&
                              before < t_.size() &&
                              Prepositions().count(t_[before - 1].lower) > 0;
          if ((m.kind == MentionKind::kNone ||
               m.kind == MentionKind::kUnnamed || object) &&
              QuoteFollows(u)) {
            const Mention who =
                RelativeClauseSubject(lo_tok, units_[v - 1].token);
            if (who.kind != MentionKind::kNone) m = who;
          }
        }
        if (m.kind == MentionKind::kUnnamed &&
            RoleWords().count(t_[units_[v - 1].token].lower)) {
          // "Armando Falcon, OFHEO director said", "Mr Warrender, the
          // service's chief executive told the BBC:": the name before the
          // role in apposition.
          std::size_t c = AfterCommaBefore(v - 1, lo_unit, 8);
          std::size_t comma = units_[c - 1 < units_.size() ? c - 1 : 0].token;
          if (c > lo_unit && t_[comma].text == "," && comma > lo_tok) {
            Mention name = ParseBackward(text_, t_, lo_tok, comma - 1);
            if (name.kind == MentionKind::kPerson ||
                (name.kind == MentionKind::kSurname && name.gender != 'x' &&
                 name.first < t_.size() &&
                 Honorifics().count(t_[name.first].text)))
              m = name;
          }
        } else if (m.kind == MentionKind::kBody ||
                   m.kind == MentionKind::kUnnamed ||
                   m.kind == MentionKind::kGeneric ||
                   m.kind == MentionKind::kNone) {
          // "Mark Serwotka, the leader of the Public and Commercial Services
          // Union said" (the closing comma left out): the name before a
          // role phrase that opens with "the" or "a" after a comma.
          std::size_t c = AfterCommaBefore(v - 1, lo_unit, 15);
          if (c > lo_unit && t_[units_[c - 1].token].text == ",") {
            const std::size_t comma = units_[c - 1].token;
            std::size_t r = comma + 1;
            const bool article =
                r < t_.size() && (t_[r].text == "the" || t_[r].text == "a" ||
                                  t_[r].text == "an");
            ++r;
            // (Past a possessive: "Kevin Baber, the hospital's CEO said".)
            while (r < t_.size() && r < comma + 6 &&
                   !RoleWords().count(t_[r].lower) &&
                   ((t_[r].is_word && !IsCapitalised(t_[r])) ||
                    IsApostrophe(t_[r])))
              ++r;
            // Or a role with no article: "Peter Misselbrook, executive
            // partner of Tods Murray said", "Marvin Hier, founder of ...
            // the Simon Wiesenthal Center said".
            // An acronym role too: "Julia Scott, CEO of the Royal College of
            // Occupational Therapists said".
            const bool bare =
                comma + 1 < t_.size() && t_[comma + 1].is_word &&
                (!IsCapitalised(t_[comma + 1]) || IsAcronym(t_[comma + 1]));
            if (bare && RoleWords().count(t_[comma + 1].lower)) r = comma + 1;
            // A capitalised role before "at", "of" or "for": "Jennifer
            // Dixon, Chief Executive at the Health Foundation said".
            bool capital_role = false;
            {
              std::size_t q = comma + 1;
              while (q < t_.size() && q < comma + 5 && t_[q].is_word &&
                     IsCapitalised(t_[q]) && RoleWords().count(t_[q].lower))
                ++q;
              capital_role = q > comma + 1 && q < t_.size() &&
                             (t_[q].text == "at" || t_[q].text == "of" ||
                              t_[q].text == "for");
            }
            // Or the body alone: "Colin Asplin, Blackpool Hotel Association
            // said".
            const bool body_alone =
                m.kind == MentionKind::kBody && m.first == comma + 1;
            if (((article || bare) && r < t_.size() &&
                 (!IsCapitalised(t_[r]) || IsAcronym(t_[r])) &&
                 RoleWords().count(t_[r].lower)) ||
                body_alone || capital_role) {
              Mention name = comma > lo_tok
                                 ? ParseBackward(text_, t_, lo_tok, comma - 1)
                                 : Mention();
              // The name opens the clause: not "..., Faculty of Medicine,
              // Health & Life Sciences, Queens University Belfast said".
              const bool opens =
                  name.first == lo_tok ||
                  (name.first > lo_tok && !t_[name.first - 1].is_word &&
                   t_[name.first - 1].text != "&");
              if (name.kind == MentionKind::kPerson && (!body_alone || opens))
                m = name;
            }
          }
        }
      } else if (u == lo_unit) {
        inverted = true;  // "Said the statement: ..." / sentence after a quote
      }
      if (inverted && quoting) {
        continue;
      } else if (inverted) {
        m = ParseForward(text_, t_, ti + 1, hi_tok);
        // ""I was looking after two very sick patients," says Janet, who
        // works in a hospital": a common given name alone after a quote
        // is someone known by it (a case study's first name), unless a
        // surname is known by that word.
        AsGivenName(&m);
      } else if (verb && IsAlsoANoun(w.text) &&
                 m.kind != MentionKind::kPerson &&
                 m.kind != MentionKind::kSurname &&
                 m.kind != MentionKind::kPronoun) {
        // "a leading cause of food recalls": a noun, unless a person's.
        continue;
      }
    }
    if (m.kind == MentionKind::kNone) continue;
    // "He says evidence from local parties suggests there are "significant"
    // numbers": a thing that "suggests" or "shows" is not a second speaker
    // in a sentence that has one.
    static const WordSet kEvidenceVerbs = {
        "suggests",  "suggested", "shows",    "showed",   "indicates",
        "indicated", "finds",     "found",    "reveals",  "revealed",
        "concludes", "concluded", "predicts", "predicted"};
    if (m.kind == MentionKind::kUnnamed && m.role.empty() &&
        kEvidenceVerbs.count(w.lower) && m.first < t_.size() &&
        !IsPersonNoun(t_[m.first]) && !attrs_.empty() &&
        attrs_.back().sentence == unit.sentence) {
      continue;
    }
    // "less than half of what Mrs May suggests": the object of a clause
    // about her words, not a speaker, unless her words follow ("This is
    // what Dr Smith told Pulse: ...").
    if (m.first > 0 && m.first < t_.size() && t_[m.first - 1].lower == "what" &&
        !QuoteFollows(u))
      continue;
    Attribution a;
    a.unit = u;
    a.sentence = unit.sentence;
    a.only_after = speech_noun;
    a.across_quote = across_quote;
    a.colon = colon ||
              (u + 2 < units_.size() && t_[units_[u + 1].token].text == ":" &&
               units_[u + 2].is_quote);
    // "The NPA has already "reached" out to pharmacy minister Steve Brine
    // ... for a meeting "very soon", he said.": after the words reported,
    // "he" is rather the one who spoke before than one they name.
    long reported_from = -1;
    if (m.kind == MentionKind::kPronoun) {
      std::size_t first = u;
      while (first > 0 && units_[first - 1].sentence == unit.sentence) --first;
      for (std::size_t v = first; v < u; ++v) {
        if (units_[v].is_quote) {
          reported_from = base_ + static_cast<long>(units_[first].token);
          break;
        }
      }
    }
    a.speaker = Resolve(m, base_ + static_cast<long>(m.first), reported_from);
    if (a.speaker.person &&
        (w.lower == "writes" || w.lower == "wrote" || w.lower == "written"))
      reg_->last_writer = a.speaker.id;
    // "a statement from Professor Cox, which said: "..."": the relative
    // pronoun's antecedent already speaks in the sentence.
    if (!a.speaker.named && m.first < t_.size() &&
        t_[m.first].lower == "which" && !attrs_.empty() &&
        attrs_.back().sentence == unit.sentence && attrs_.back().speaker.named)
      a.speaker = attrs_.back().speaker;
    // "Gordon Brown said yesterday that he backed the campaign." then "The
    // Prime Minister added: "..."": an office nobody is known to hold,
    // adding to the last speaker's words, is that speaker, if no other
    // role of theirs is known.
    if (!a.speaker.named && a.speaker.office &&
        (w.lower == "added" || w.lower == "adds")) {
      const Speaker* last = !attrs_.empty() ? &attrs_.back().speaker
                            : has_last_     ? &last_
                                            : previous_;
      if (last != nullptr && last->person &&
          reg_->person(last->id).role_words.empty())
        a.speaker = *last;
    }
    attrs_.push_back(a);
    if (colon_at_end) ends_colon_ = true;
  }
}

void ParagraphReader::Read(const Speaker* open_quote_speaker,
                           const Speaker* previous_speaker,
                           const Speaker* thread_speaker, SpeakerResult* out,
                           std::vector<int>* quote_people) {
  quotes_ = FindQuotes(text_, t_, open_quote_speaker != nullptr);
  BuildUnits();
  // A heading or a link to another story ("More The Food That Helps Battle
  // Depression") names nobody: its capitalised words are a title.
  if (IsHeadingLike()) return;
  ScanMentions();
  previous_ = previous_speaker;
  FindAttributions();
  // Attributions and quotes in order; each quote takes its sentence's
  // nearest attribution. A quote between two goes to the one before when
  // the one after has a quote of its own ("Labour say it would "let the
  // Tories in", while the Tories say it would mean "higher taxes""), or
  // when the sentence runs on past the quote without a break ("He said Mr
  // Straw was "naive" if he accepted the claim").
  for (std::size_t u = 0; u < units_.size(); ++u) {
    if (!units_[u].is_quote) continue;
    const QuoteSpan& q = quotes_[units_[u].quote];
    std::string qtext = QuoteText(text_, q);
    if (qtext.empty()) continue;
    const Attribution* before = nullptr;
    const Attribution* after = nullptr;
    for (const Attribution& a : attrs_) {
      if (a.sentence != units_[u].sentence) continue;
      if (a.unit < u && (before == nullptr || a.unit > before->unit))
        before = &a;
      if (a.unit > u && !a.only_after &&
          (after == nullptr || a.unit < after->unit))
        after = &a;
    }
    if (after != nullptr && after->across_quote && q.open >= 1 &&
        std::any_of(t_.begin() + (q.open >= 2 ? q.open - 2 : 0),
                    t_.begin() + q.open, [](const MatchToken& x) {
                      return x.lower == "a" || x.lower == "an";
                    }))
      after = nullptr;
    const Speaker* who = nullptr;
    if (before != nullptr && after != nullptr) {
      who = u - before->unit <= after->unit - u || OwnsAQuote(*after) ||
                    !BreakBetween(q, *after)
                ? &before->speaker
                : &after->speaker;
    } else if (before != nullptr || after != nullptr) {
      const Attribution& a = before != nullptr ? *before : *after;
      who = &a.speaker;
    }
    if (who == nullptr && QuotesAThing(u)) continue;
    // An inspector's rating in a sentence about ratings: "the lowest in the
    // league of four ratings topped by 'outstanding', with 'good' in
    // second place", "rated 'inadequate' by the CQC" (not "paid tribute to
    // staff for their "outstanding" work").
    if (IsSpecialMeasures(qtext) ||
        (IsRating(qtext) && SentenceRates(units_[u].sentence)))
      continue;
    // "a high number of so-called "never events"": a term, nobody's words.
    if (!q.continues && q.open >= 1 && t_[q.open - 1].lower == "called" &&
        ((q.open >= 3 && t_[q.open - 2].text == "-" &&
          t_[q.open - 3].lower == "so") ||
         (q.open >= 2 && t_[q.open - 2].lower == "so")))
      continue;
    // A sentence: five words or more, or two or more that end with the
    // sentence's stop inside the marks ("Biology is very complex.").
    const auto spaces = std::count(qtext.begin(), qtext.end(), ' ');
    // "[The letter] doesn't recognise ...": an editor's bracket starts it.
    const std::size_t first = qtext.find_first_not_of("[(");
    // A quote left open at the paragraph's end runs on into the next: a
    // speaker's words however short its first part ("he said. "I think
    // we" and a page cut there).
    bool full_sentence = first != std::string::npos &&
                         IsUpperAscii(qtext[first]) &&
                         (spaces >= 4 || (spaces >= 1 && EndsSentence(qtext)) ||
                          (q.open_at_end && u > 0));
    bool opens_paragraph = u == 0;
    if (who == nullptr && opens_paragraph &&
        (q.continues || open_quote_speaker != nullptr)) {
      // The previous paragraph's quote goes on.
      who = open_quote_speaker;
    }
    // Only quotes before it in the paragraph, the first of them given a
    // speaker: the speaker goes on ("...own lives." "These highly
    // vulnerable people ...").
    bool only_quotes_before = has_last_;
    for (std::size_t v = 0; v < u && only_quotes_before; ++v)
      only_quotes_before = units_[v].is_quote || !t_[units_[v].token].is_word;
    if (who == nullptr && only_quotes_before && full_sentence) who = &last_;
    if (who == nullptr && full_sentence) {
      // "‘Quote one.’ Dr Porter said. ‘Quote two.’": the paragraph's
      // nearest attribution; one after the quote only if it is a sentence
      // of its own, not one reporting something else ("“...” A police
      // spokeswoman confirmed that they were looking at it").
      std::size_t best = 0;
      for (const Attribution& a : attrs_) {
        // Nor a reply whose colon introduces the quote after it ("Mr
        // Gardner agreed: ..."); "Harris added:" goes on with the speaker.
        if (a.unit > u && (!EndsItsSentence(a) ||
                           (a.colon && IsReplyVerb(t_[units_[a.unit].token]))))
          continue;
        // Nor, for a quote opening the paragraph after its speaker's
        // paragraph, one past a sentence of narrative: ""I saw the massive
        // potential ..." Wolves chief executive Jez Moxey defended the
        // decision. "We hope it will work out," he said." (the first quote
        // is still Hoddle's).
        // Nor one whose colon introduces a quote of its own: ""(When they
        // went) back ...," Interrupting Mr Sukul, Mr Mawrey said: "..."".
        if (a.unit > u && opens_paragraph && previous_speaker != nullptr &&
            previous_speaker->named && (NarrativeBetween(u, a) || a.colon))
          continue;
        std::size_t d = a.unit > u ? a.unit - u : u - a.unit;
        if (who == nullptr || d < best) {
          who = &a.speaker;
          best = d;
        }
      }
    }
    // "Ms Donovan recognised that the problems needed investment. 'The
    // financial problems facing the trust are historical ...'": in a
    // paragraph no verb reports in, a sentence quoted after a sentence
    // about a person is theirs.
    Speaker narrated;
    if (who == nullptr && full_sentence && !opens_paragraph && attrs_.empty() &&
        !units_[u - 1].is_quote &&
        units_[u - 1].sentence < units_[u].sentence) {
      std::size_t lo = u - 1;
      while (lo > 0 && !units_[lo - 1].is_quote &&
             units_[lo - 1].sentence == units_[u - 1].sentence)
        --lo;
      if (lo == 0 || units_[lo - 1].sentence < units_[lo].sentence) {
        // Only "he", "she" or a person with a title: not "Armand Marie
        // Leroi ... scooped the prize. "It is profoundly cultured ..."" (a
        // judge's words), nor "Vitamin A can be found ...".
        const Mention m = MainSubject(units_[lo].token, units_[u].token);
        const bool titled = (m.kind == MentionKind::kPerson ||
                             m.kind == MentionKind::kSurname) &&
                            m.first < t_.size() &&
                            Honorifics().count(t_[m.first].text) > 0;
        if (m.kind == MentionKind::kPronoun || titled) {
          narrated = Resolve(m, base_ + static_cast<long>(m.first));
          if (narrated.person) who = &narrated;
        }
      }
    }
    if (who == nullptr && list_speaker_ != nullptr && IsQuotingItem())
      who = list_speaker_;
    if (who == nullptr && opens_paragraph) {
      if (previous_speaker != nullptr) {
        who = previous_speaker;
      } else if (thread_speaker != nullptr) {
        who = thread_speaker;
      }
    }
    if (who == nullptr) continue;
    Speaker s = *who;
    // (A previous paragraph's narrative subject may speak first here.)
    if (s.person && s.id >= 0) reg_->MarkSpeaker(s.id);
    last_ = s;
    has_last_ = true;
    if (q.open_at_end) ends_open_ = true;
    if (full_sentence || opens_paragraph) {
      thread_ = s;
      has_thread_ = true;
    }
    if (s.office)
      office_quotes_.push_back(
          {out->quotes.size(), s.named, qtext, s.named ? s.name : ""});
    if (s.named) {
      out->quotes.push_back({s.name, std::move(qtext)});
      quote_people->push_back(s.id);
    }
  }
  if (!attrs_.empty()) {
    // The last attribution counts when it comes after the last quote.
    const Attribution& a = attrs_.back();
    bool after_quotes = true;
    for (std::size_t u = a.unit; u < units_.size(); ++u)
      after_quotes &= !units_[u].is_quote;
    if (after_quotes || !has_last_) {
      last_ = a.speaker;
      has_last_ = true;
    }
  }
  if (!quotes_.empty() && quotes_.back().open_at_end && !has_last_)
    ends_open_ = true;
}

}  // namespace

std::string CanonicalPersonName(std::string_view name) {
  TokenizedText tokenized(name);
  const Tokens& t = tokenized.tokens();
  std::size_t b = 0, e = t.size();
  // Leading articles, honorifics and their dots: "the Rt Hon", "Dr.".
  while (b < e && (Honorifics().count(t[b].text) || t[b].text == "." ||
                   t[b].lower == "the"))
    ++b;
  // Trailing post-nominals and commas: "Andrew Lansley MP", "Jane Doe, MD".
  while (e > b && (PostNominals().count(t[e - 1].text) ||
                   t[e - 1].text == "," || t[e - 1].text == ".")) {
    --e;
  }
  if (b >= e) return std::string(TrimView(name));
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (i > b && !Adjacent(t[i - 1], t[i])) out += ' ';
    // One spelling of "O'Shaughnessy" whichever apostrophe the page used.
    out += IsApostrophe(t[i]) ? "'" : t[i].text;
  }
  return out;
}

std::string CanonicalBodyName(std::string_view name) {
  static const std::unordered_map<std::string_view, std::string_view> kAliases =
      {{"DH", "Department of Health"},
       {"DoH", "Department of Health"},
       {"Department of Health", "Department of Health"},
       {"DHSC", "Department of Health and Social Care"},
       {"British Medical Association", "BMA"},
       {"Royal College of General Practitioners", "RCGP"},
       {"Royal College of GPs", "RCGP"},
       {"General Practitioners Committee", "GPC"},
       {"Care Quality Commission", "CQC"},
       {"National Institute for Health and Care Excellence", "NICE"},
       {"National Institute for Health and Clinical Excellence", "NICE"},
       {"Royal College of Nursing", "RCN"},
       {"Government", "Government"},
       {"government", "Government"},
       {"Labour Party", "Labour"},
       {"Labour party", "Labour"},
       {"Conservative Party", "Conservatives"},
       {"Conservative party", "Conservatives"},
       {"Tories", "Conservatives"},
       {"NHSE", "NHS England"},
       {"PHE", "Public Health England"},
       {"FDA", "Food and Drug Administration"},
       {"CDC", "Centers for Disease Control and Prevention"}};
  TokenizedText tokenized(name);
  const Tokens& t = tokenized.tokens();
  std::size_t b = 0, e = t.size();
  while (b < e &&
         (t[b].lower == "the" || t[b].lower == "a" || t[b].lower == "an"))
    ++b;
  // Possessives: "the BMA’s".
  if (e >= b + 2 && t[e - 1].text == "s" && IsApostrophe(t[e - 2])) e -= 2;
  if (b >= e) return std::string(TrimView(name));
  std::string out;
  for (std::size_t i = b; i < e; ++i) {
    if (i > b && !Adjacent(t[i - 1], t[i])) out += ' ';
    out += IsApostrophe(t[i]) ? "'" : t[i].text;  // "King’s Fund"
  }
  auto it = kAliases.find(out);
  return it == kAliases.end() ? out : std::string(it->second);
}

SpeakerResult ExtractSpeakers(const std::vector<std::string>& paragraphs) {
  std::vector<TokenizedText> tokens;
  tokens.reserve(paragraphs.size());
  for (const std::string& p : paragraphs) tokens.emplace_back(p);
  return ExtractSpeakers(paragraphs, tokens);
}

// Whether a quote left open at the end of paragraph `i - 1` goes on into
// paragraph `i`. A paragraph that opens with a mark goes on with its
// speaker, as print repeats the opening mark of a quote paragraph after
// paragraph. One with no mark must close the quote there or within the two
// paragraphs after, themselves without a mark: a quote whose closing mark
// the page lost ("... a better option than other tests.) does not run on
// through the press release's boilerplate to its end.
bool QuoteContinuesInto(const std::vector<std::string>& paragraphs,
                        const std::vector<TokenizedText>& tokens,
                        std::size_t i) {
  constexpr std::size_t kMaxParagraphs = 3;
  for (std::size_t j = i; j < paragraphs.size() && j < i + kMaxParagraphs;
       ++j) {
    std::vector<QuoteSpan> spans =
        FindQuotes(paragraphs[j], tokens[j].tokens(), true);
    if (spans.empty() || !spans[0].continues) return j == i;
    if (!spans[0].open_at_end) return true;
  }
  return false;
}

// A pull quote: a paragraph that is one quote and nothing else, marks and
// all ("“Progress can’t be allowed to slide”").
bool IsPullQuote(const std::string& text, const Tokens& t) {
  std::vector<QuoteSpan> spans = FindQuotes(text, t, false);
  if (spans.size() != 1 || spans[0].continues || spans[0].open_at_end ||
      spans[0].open != 0)
    return false;
  for (std::size_t i = spans[0].close + 1; i < t.size(); ++i) {
    if (t[i].is_word) return false;
  }
  return true;
}

// A crosshead that opens with a few quoted words: "‘Turning point’ for
// NHS", "‘More pressure’ on CCGs". At most eight words, no reporting verb,
// no full stop. Returns the quote, or nothing.
std::optional<QuoteSpan> QuotedCrosshead(const std::string& text,
                                         const Tokens& t) {
  if (t.size() < 4 || t.size() > 14) return std::nullopt;
  std::vector<QuoteSpan> spans = FindQuotes(text, t, false);
  if (spans.size() != 1 || spans[0].continues || spans[0].open_at_end ||
      spans[0].open != 0 || spans[0].close + 1 >= t.size())
    return std::nullopt;
  std::size_t words = 0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!t[i].is_word) {
      if (i > spans[0].close && !IsApostrophe(t[i])) return std::nullopt;
      continue;
    }
    if (ReportingVerbs().count(t[i].lower)) return std::nullopt;
    ++words;
  }
  // (A phrase: "‘Doctors are very worried patients’ lives ..." is a
  // possessive's mark.)
  if (words > 8 || !IsCapitalised(t[1]) || spans[0].close > 5)
    return std::nullopt;
  return spans[0];
}

// Whether folded `words` are whole words of folded `text`.
bool ContainsWords(const std::string& text, const std::string& words) {
  if (words.empty()) return false;
  for (std::size_t at = text.find(words); at != std::string::npos;
       at = text.find(words, at + 1)) {
    const std::size_t end = at + words.size();
    if ((at == 0 || text[at - 1] == ' ') &&
        (end == text.size() || text[end] == ' '))
      return true;
  }
  return false;
}

// How many paragraphs after a heading in quote marks the quote it echoes
// may be.
constexpr std::size_t kHeadingReach = 4;
// And for a pull quote opening the page.
constexpr std::size_t kPullQuoteReach = 20;

// Whether a pull quote is a heading in quote marks: one to six words, the
// first capitalised, with no punctuation at all.
bool IsHeadingInMarks(const Tokens& t) {
  int words = 0;
  for (std::size_t i = 1; i + 1 < t.size(); ++i) {
    if (!t[i].is_word) {
      if (IsApostrophe(t[i]) && Adjacent(t[i - 1], t[i])) continue;
      return false;
    }
    ++words;
  }
  return words >= 1 && words <= 6 && t.size() > 1 && IsCapitalised(t[1]);
}

// The person a paragraph names and nothing else: the name line under a
// pull quote ("Obi Amadi", "Dr Jane Smith").
Mention NameLine(const std::string& text, const Tokens& t) {
  if (t.empty() || t.size() > 8 || !t.back().is_word) return Mention();
  // Not a page's links ("Follow Us", "Read More").
  static const WordSet kLinks = {
      "Follow", "Us",    "Share", "Read",     "More",  "Sign",
      "Join",   "Email", "Print", "Related",  "Watch", "Listen",
      "Click",  "Like",  "Login", "Register", "Home",  "Subscribe"};
  for (const MatchToken& w : t) {
    if (kLinks.count(w.text)) return Mention();
  }
  Mention m = ClassifyCapitalised(text, t, 0, t.size() - 1);
  if (m.kind != MentionKind::kPerson || m.first != 0) return Mention();
  return m;
}

// The person a heading line names with a role and nothing else, over the
// quotes that follow it: "Su Long, Bolton CCG chief officer" (a round-up
// of reactions). Not a reporter's byline ("Jo Carlowe, health
// correspondent").
Mention NameRoleLine(const std::string& text, const Tokens& t) {
  if (t.size() < 4 || t.size() > 16 || !t.back().is_word) return Mention();
  // The name ends at a comma or a dash ("Sue Jennings – practice manager
  // at Teams Medical Practice, Gateshead").
  std::size_t comma = 0;
  while (comma < t.size() && t[comma].text != "," && !IsApposingDash(t[comma]))
    ++comma;
  if (comma < 2 || comma + 1 >= t.size()) return Mention();
  bool role = false;
  for (std::size_t i = comma + 1; i < t.size(); ++i) {
    if (!t[i].is_word) {
      if (t[i].text == "." || t[i].text == ":") return Mention();
      continue;
    }
    static const WordSet kPress = {"correspondent", "reporter", "editor",
                                   "writer", "journalist"};
    if (kPress.count(t[i].lower) || ReportingVerbs().count(t[i].text))
      return Mention();
    role = role || RoleWords().count(t[i].lower) > 0;
  }
  if (!role) return Mention();
  Mention m = ClassifyCapitalised(text, t, 0, comma - 1);
  if (m.kind != MentionKind::kPerson || m.first != 0) return Mention();
  return m;
}

// Whether a paragraph is one quote and, after a dash, who said it: "“This
// is a bitter blow to community pharmacy” – Pharmacy Voice chair Claire
// Ward" (a round-up's heading, the full quote under it), "“...” — Carmen
// Hersoota, Author of ‘The Fanciest Table’". Sets `who` to the person, if
// the words before any comma name one ("— Some Goat" names nobody).
bool QuoteDashName(const std::string& text, const Tokens& t, Mention* who) {
  *who = Mention();
  // Most paragraphs do not open with a quote mark: skip finding quotes.
  if (t.empty() || QuoteKind(t.front()) == QuoteChar::kNone) return false;
  const std::vector<QuoteSpan> spans = FindQuotes(text, t, false);
  if (spans.empty() || spans[0].open != 0 || spans[0].open_at_end ||
      spans[0].close + 2 >= t.size() || t.size() > spans[0].close + 20 ||
      !IsApposingDash(t[spans[0].close + 1]))
    return false;
  std::size_t from = spans[0].close + 2;
  while (from < t.size() && t[from].text == "-") ++from;  // "--"
  // The name ends at a comma: "Dan D'Lyon, Plant Expert".
  std::size_t end = t.size();
  for (std::size_t i = from; i < t.size(); ++i) {
    if (t[i].text == "," && end == t.size()) end = i;
    if (i < end && !t[i].is_word && !IsApostrophe(t[i]) && t[i].text != "-" &&
        t[i].text != ".")
      return false;
  }
  if (end == from || !t[end - 1].is_word || !IsCapitalised(t[from]))
    return false;
  Mention m = ParseBackward(text, t, from, end - 1);
  if (m.kind == MentionKind::kPerson) *who = m;
  return true;
}

// How many paragraphs after the lede its body's office may still be named
// with its holder.
constexpr std::size_t kLateOfficeReach = 10;
// How many bytes after the holder's name the body may be named.
constexpr std::size_t kLateOfficeNear = 40;

// The tokens without a picture's note after a name, "(pictured)" or
// "(left)": "Nancy Kirkland (pictured), NMC President, commented: ...".
// Empty when there is none.
Tokens WithoutPictureNotes(const Tokens& t) {
  static const WordSet kNotes = {"pictured", "picture", "left",  "right",
                                 "above",    "below",   "inset", "centre",
                                 "center",   "top",     "bottom"};
  auto note_at = [&](std::size_t i) {
    return i > 0 && i + 2 < t.size() && t[i].text == "(" &&
           kNotes.count(t[i + 1].lower) && t[i + 2].text == ")" &&
           IsCapitalised(t[i - 1]);
  };
  std::size_t i = 0;
  while (i < t.size() && !note_at(i)) ++i;
  if (i == t.size()) return {};
  Tokens out(t.begin(), t.begin() + static_cast<std::ptrdiff_t>(i));
  while (i < t.size()) {
    if (note_at(i)) {
      i += 3;
    } else {
      out.push_back(t[i++]);
    }
  }
  return out;
}

// Whether a paragraph's tokens end as a sentence does: a full stop, a
// question or an exclamation mark, perhaps inside closing quote marks or a
// bracket.
bool EndsLikeASentence(const Tokens& t) {
  for (std::size_t k = t.size(); k-- > 0;) {
    if (QuoteKind(t[k]) != QuoteChar::kNone || t[k].text == ")") continue;
    return t[k].text == "." || t[k].text == "?" || t[k].text == "!";
  }
  return false;
}

SpeakerResult ExtractSpeakers(const std::vector<std::string>& paragraphs,
                              const std::vector<TokenizedText>& tokens,
                              const OfficeHolders* offices,
                              std::optional<Date> date) {
  SpeakerResult out;
  Registry reg(offices, date);
  Speaker open_speaker, previous, thread, list;
  bool has_open = false, has_previous = false, has_thread = false;
  bool has_list = false;  // items after "he warns of:" are quoting its speaker
  std::vector<int> quote_people;  // per quote: its speaker's id, or -1
  std::vector<std::size_t> quote_paragraph;  // per quote: where it is
  // The lede's quotes given to an office ("..., the GPC chair has said."),
  // until the next paragraph names who holds it.
  std::vector<ParagraphReader::OfficeQuote> lede;
  // The lede's office's role words, for its holder ("Hull City Council's
  // leader has claimed ..." then "Cllr Mike Ross told LDRS ...": later,
  // "The council leader said" is Mike Ross).
  std::vector<std::string> lede_role;
  bool lede_pending = false;
  // How many people were named before the lede's paragraph: one of them
  // may hold its office only if the next paragraph names them again.
  int lede_known = 0;
  bool lede_waited = false;  // a paragraph has come between it and a name
  // Whether every paragraph so far is a summary's point, with no full stop
  // ("Chris Hopson describes winter pressure as “test” ...", "Treasury
  // attitude ... “smacks of one rule for the rich ...”, he adds"): the
  // lede may come after any number of them.
  bool summary_only = true;
  bool lede_open = true;
  struct Heading {
    std::size_t at;         // where its quote goes in out.quotes
    std::size_t paragraph;  // its own
    std::string text;
    std::size_t reach = kHeadingReach;  // paragraphs after it to look in
  };
  std::vector<Heading> headings;
  // The lede's office no one held in the next paragraph, while its body may
  // still name its holder.
  std::vector<ParagraphReader::OfficeQuote> late;
  std::vector<std::string> late_role;
  std::size_t late_until = 0;
  bool late_by_office = false;  // `late` waits for the office's holder
  // The person who holds an office: its quotes and its role are theirs.
  auto hold_office = [&](const Speaker& who,
                         std::vector<ParagraphReader::OfficeQuote>* quotes,
                         const std::vector<std::string>& role, std::size_t i) {
    if (!quotes->empty()) reg.MarkSpeaker(who.id);
    reg.AddRole(who.id, role);
    std::size_t inserted = 0;
    for (ParagraphReader::OfficeQuote& q : *quotes) {
      const std::size_t at = q.at + inserted;
      if (q.placed) {
        out.quotes[at].speaker = who.name;
        quote_people[at] = who.id;
      } else {
        out.quotes.insert(out.quotes.begin() + static_cast<long>(at),
                          {who.name, std::move(q.text)});
        quote_people.insert(quote_people.begin() + static_cast<long>(at),
                            who.id);
        quote_paragraph.insert(quote_paragraph.begin() + static_cast<long>(at),
                               i);
        for (Heading& h : headings) h.at += h.at >= at;
        ++inserted;
      }
    }
    quotes->clear();
  };
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    if (has_open && !QuoteContinuesInto(paragraphs, tokens, i))
      has_open = false;
    // A pull quote, and the person the line under it names, if that is
    // all it does.
    const bool pull = IsPullQuote(paragraphs[i], tokens[i].tokens());
    const Mention name_line =
        pull && i + 1 < paragraphs.size()
            ? NameLine(paragraphs[i + 1], tokens[i + 1].tokens())
            : Mention();
    // A heading in quote marks ("‘Keep momentum going’") leaves the
    // speaker before it speaking after it. It is the words of whoever says
    // them in the paragraphs after it, if anyone does.
    if (pull && name_line.kind == MentionKind::kNone &&
        IsHeadingInMarks(tokens[i].tokens())) {
      const QuoteSpan span =
          FindQuotes(paragraphs[i], tokens[i].tokens(), false).front();
      headings.push_back(
          {out.quotes.size(), i, QuoteText(paragraphs[i], span)});
      continue;
    }
    // So is a pull quote opening the page before anyone is named:
    // "“This is the most challenging week of the most challenging winter
    // we've had to date.”", said by the medical director the story names
    // later.
    if (pull && name_line.kind == MentionKind::kNone && i < 3 &&
        reg.people() == 0 && out.quotes.empty()) {
      const QuoteSpan span =
          FindQuotes(paragraphs[i], tokens[i].tokens(), false).front();
      headings.push_back({out.quotes.size(), i, QuoteText(paragraphs[i], span),
                          kPullQuoteReach});
      continue;
    }
    if (!pull) {
      if (auto span = QuotedCrosshead(paragraphs[i], tokens[i].tokens())) {
        headings.push_back(
            {out.quotes.size(), i, QuoteText(paragraphs[i], *span)});
        continue;
      }
    }
    // A line naming a person and a role over a paragraph that opens with
    // a quote: the quotes after it are theirs until someone else speaks.
    Mention header;
    if (!pull && i + 1 < paragraphs.size() && !tokens[i + 1].tokens().empty() &&
        QuoteKind(tokens[i + 1].tokens().front()) != QuoteChar::kNone)
      header = NameRoleLine(paragraphs[i], tokens[i].tokens());
    // The person a line names speaks next.
    auto speaks_next = [&](const Mention& m, std::size_t line) {
      const int p = reg.Person(m.name, m.gender,
                               static_cast<long>(line) * kParagraphSpan);
      reg.MarkSpeaker(p);
      previous = Speaker{true, true, reg.person(p).name, p, false, {}};
      has_previous = true;
      has_open = false;
    };
    if (header.kind == MentionKind::kPerson) {
      speaks_next(header, i);
      has_thread = false;
      continue;
    }
    // A pull quote with the speaker's name on the line under it, or after
    // a dash on its own line.
    if (name_line.kind == MentionKind::kPerson) speaks_next(name_line, i + 1);
    Mention dash_name;
    if (name_line.kind == MentionKind::kNone &&
        QuoteDashName(paragraphs[i], tokens[i].tokens(), &dash_name)) {
      if (dash_name.kind == MentionKind::kPerson) {
        speaks_next(dash_name, i);
      } else {
        has_previous = has_open = has_thread = false;  // someone else's
      }
    }
    const int people_before = static_cast<int>(reg.people());
    const Tokens without_pictured =
        paragraphs[i].find('(') == std::string::npos
            ? Tokens()
            : WithoutPictureNotes(tokens[i].tokens());
    ParagraphReader reader(
        paragraphs[i],
        without_pictured.empty() ? tokens[i].tokens() : without_pictured,
        static_cast<long>(i) * kParagraphSpan, &reg);
    reader.set_list_speaker(has_list ? &list : nullptr);
    reader.set_lede(people_before == 0);
    reader.Read(has_open ? &open_speaker : nullptr,
                has_previous ? &previous : nullptr,
                has_thread ? &thread : nullptr, &out, &quote_people);
    quote_paragraph.resize(out.quotes.size(), i);
    // "Working with the Government is 'a real challenge', the BMA GP
    // Committee chair has said." then "Speaking at the conference, Dr
    // Richard Vautrey said ...": news names the lede's office holder in
    // the next paragraph's first sentence.
    if (lede_pending) {
      // (The subject opening the paragraph first: "Dr Tristan Cope was
      // responding to an article by ..., Frazer Nelson, who suggested".)
      const Speaker* who = reader.FirstSentenceSubject();
      if (who == nullptr) who = reader.FirstSentencePerson();
      if (who != nullptr && (lede_known == 0 || who->id < lede_known)) {
        hold_office(*who, &lede, lede_role, i);
        lede_pending = false;
      } else if (who == nullptr && !lede_waited && reader.ReportsNoPerson() &&
                 static_cast<int>(reg.people()) == people_before) {
        // "The Norfolk and Suffolk NHS Foundation Trust has faced criticism
        // ..." between the lede and "And chief executive Jonathan Warren
        // has described ...": one paragraph that quotes nobody and names
        // nobody new may come first ("It comes after the government urged
        // GPs to ...": a body may be reported in it).
        lede_waited = true;
      } else {
        // The body's office may be named later with its holder: "..., with
        // the head of the NHS Confederation saying it was "disappointing"",
        // then paragraphs on, "NHS Confederation chairman Stephen Dorrell
        // said".
        late.clear();
        for (ParagraphReader::OfficeQuote& q : lede) {
          if (!q.body.empty() && (late.empty() || q.body == late[0].body))
            late.push_back(std::move(q));
        }
        // A public office's holder may be named later too: "The shadow
        // health secretary accused the BMA of 'spoiling for a fight'",
        // then the BMA's reply, then "Labour's Wes Streeting has accused"
        // (corpus/offices.tsv).
        late_by_office = late.empty() && !lede_role.empty();
        if (late_by_office) late = std::move(lede);
        late_role = lede_role;
        late_until = i + kLateOfficeReach;
        lede.clear();
        lede_pending = false;
      }
    } else if (!late.empty() && i <= late_until && late_by_office) {
      long seen = -1;
      const int holder = reg.OfficeHolder(
          late_role, static_cast<long>(i + 1) * kParagraphSpan, &seen);
      if (holder >= 0 && seen >= 0)
        hold_office(
            Speaker{true, true, reg.person(holder).name, holder, false, {}},
            &late, late_role, i);
    } else if (!late.empty() && i <= late_until) {
      // The body's person ("RCGP chair Professor Maureen Baker"), or the
      // person reported in the first sentence with the body named before
      // or just after them ("Stephen Dorrell, chairman of the NHS
      // Confederation, said").
      const Speaker* who = reader.BodyPerson(late[0].body);
      const std::size_t body_at = paragraphs[i].find(late[0].body);
      if (who == nullptr && body_at != std::string::npos) {
        who = reader.FirstSentencePerson();
        const std::size_t name_at =
            who != nullptr ? paragraphs[i].find(who->name) : std::string::npos;
        if (name_at == std::string::npos ||
            body_at > name_at + who->name.size() + kLateOfficeNear)
          who = nullptr;
      }
      if (who != nullptr) hold_office(*who, &late, late_role, i);
    }
    // Only while nobody has been quoted. Someone named before may hold the
    // office if the next paragraph names them ("Rock star Ozzy Osbourne
    // has said ...", then ""...," the Black Sabbath singer told
    // reporters", then "Ozzy Osbourne said"); not someone new ("Labour
    // backbencher Stephen Pound spoke. The MP for Ealing North claimed
    // ..." then "Peter Misselbrook ... said").
    // (Or in the first three paragraphs: a standfirst may quote the person
    // before the lede names the office, "Ruth May says nursing must be
    // "valued"" then "..., the new chief nursing officer for England has
    // said.")
    std::vector<std::string> office_role = reader.FirstSentenceOffice();
    if ((lede_open || i < 3 || summary_only || people_before == 0) &&
        (!reader.office_quotes().empty() || !office_role.empty()) &&
        reader.FirstSentencePerson() == nullptr) {
      late.clear();
      lede = reader.office_quotes();
      lede_role = std::move(office_role);
      lede_pending = true;
      lede_known = people_before;
      lede_waited = false;
    }
    if (!out.quotes.empty() || !reader.office_quotes().empty())
      lede_open = false;
    summary_only = summary_only && !EndsLikeASentence(tokens[i].tokens());
    if (reader.IsListItem()) continue;
    has_open = reader.ends_in_open_quote() && reader.has_last_speaker();
    if (has_open) open_speaker = reader.last_speaker();
    has_previous = reader.has_last_speaker();
    if (has_previous) previous = reader.last_speaker();
    if (!has_previous && reader.NarrativeSubject(&previous)) {
      has_previous = true;
      has_thread = false;
    }
    has_list = has_list && reader.IsShortItem();
    if (reader.ends_with_colon_attribution()) {
      // "As one former enthusiast told Pulse:" — the next quote is theirs,
      // named or not.
      has_previous = true;
      previous = reader.last_speaker();
      has_thread = false;
      // (A person's: not a heading's, "NOTES TO EDITORS:".)
      has_list = previous.person;
      list = previous;
    }
    if (reader.has_thread_speaker()) {
      thread = reader.thread_speaker();
      has_thread = true;
    }
  }
  // "‘Horrendous’" over "David Wood ... told BBC Radio Devon their
  // experience was "horrendous"": a heading echoes a quote of the next few
  // paragraphs (quote_paragraph says which each quote is in).
  for (std::size_t h = headings.size(); h-- > 0;) {
    const Heading& heading = headings[h];
    const std::string words = FoldedWords(heading.text, ' ', "'");
    for (std::size_t q = heading.at; q < out.quotes.size(); ++q) {
      if (quote_paragraph[q] > heading.paragraph + heading.reach) break;
      if (quote_people[q] < 0 ||
          !ContainsWords(FoldedWords(out.quotes[q].text, ' ', "'"), words))
        continue;
      const long at = static_cast<long>(heading.at);
      out.quotes.insert(out.quotes.begin() + at,
                        {out.quotes[q].speaker, heading.text});
      quote_people.insert(quote_people.begin() + at, quote_people[q]);
      quote_paragraph.insert(quote_paragraph.begin() + at, heading.paragraph);
      break;
    }
  }
  out.speakers = reg.Speakers();
  // A person quoted as "Sir Bruce" or "Mr Smith" before the full name
  // came: their quotes carry the name they ended with.
  for (std::size_t q = 0; q < out.quotes.size(); ++q) {
    if (quote_people[q] >= 0)
      out.quotes[q].speaker = reg.person(quote_people[q]).name;
  }
  return out;
}

}  // namespace hpnews
