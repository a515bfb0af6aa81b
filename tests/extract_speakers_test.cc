// Speakers and quotes: one case per convention of news prose.

#include "common/extract_speakers.h"

#include <gtest/gtest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "common/offices.h"

namespace hpnews {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

std::string JoinQuotes(const std::vector<Quote>& v) {
  std::string out;
  for (const Quote& q : v)
    out += (out.empty() ? "" : "|") + q.speaker + ": " + q.text;
  return out;
}

struct Case {
  std::vector<std::string> paragraphs;
  std::string speakers;  // "|"-joined, in order
  std::string quotes;    // "|"-joined "speaker: text"
};

std::string Show(const Case& c) {
  std::string out;
  for (const std::string& p : c.paragraphs) out += "\n  [" + p + "]";
  return out;
}

TEST(ExtractSpeakersTest, Cases) {
  const Case kCases[] = {
      // Honorific and role before the name; colon form.
      {{"BMA chair Dr Mark Porter said: ‘We want stability.’"},
       "Mark Porter",
       "Mark Porter: We want stability."},
      {{"Shadow health secretary Andy Burnham has previously said that it will "
        "‘repeal’ the Act."},
       "Andy Burnham",
       "Andy Burnham: repeal"},
      {{"The review is led by Glossop GP Sir John Oldham, who said little."},
       "",
       ""},
      // "said X" after a quote; surname resolved to the full name.
      {{"Dr Hamish Meldrum, Chairman of the BMA Council, said the plans were "
        "wrong.",
        "“The plans are wrong,” said Dr Meldrum."},
       "Hamish Meldrum",
       "Hamish Meldrum: The plans are wrong"},
      // Name between commas after a role.
      {{"The party's health spokeswoman, Eleanor Scott, said she was pleased."},
       "Eleanor Scott",
       ""},
      // Pronouns resolve to the most recent person of a compatible gender.
      {{"In an interview, GPC chair Dr Chaand Nagpaul refused to be drawn.",
        "He said: ‘We talk to all parties.’"},
       "Chaand Nagpaul",
       "Chaand Nagpaul: We talk to all parties."},
      {{"Mr Burnham said in January that he would act, but Dr Porter said that "
        "was premature.",
        "He said: ‘It is insane.’"},
       "Burnham|Porter",
       "Porter: It is insane."},
      // Present tense reporting verb and an adverb; earlier role mention.
      {{"The grandees assumed that health secretary Andrew Lansley had defused "
        "the issue.",
        "Mr Lansley persuasively argues that the NHS must answer the questions "
        "itself."},
       "Andrew Lansley",
       ""},
      // Bodies are quoted but are not speakers; generic nouns resolve to
      // the latest body.
      {{"The BMA has “misunderstood” the plans, the Department of Health has "
        "claimed.",
        "In a statement a spokesperson from the DH said it was wrong.",
        "“The BMA has misunderstood our plans,” said the statement."},
       "",
       "Department of Health: misunderstood|Department of Health: The BMA has "
       "misunderstood our "
       "plans"},
      {{"But the BMA warned that Labour should think again.",
        "The document says: ‘The BMA does not believe in integration.’"},
       "",
       "BMA: The BMA does not believe in integration."},
      {{"The BMA has rejected the proposals, saying they are neither "
        "‘necessary nor desirable’."},
       "",
       "BMA: necessary nor desirable"},
      // Unnamed people are not speakers, and their quotes are dropped.
      {{"As one former enthusiast for change told Pulse:",
        "\"When commissioning was announced it sounded good.\""},
       "",
       ""},
      {{"A GP said the changes were unwelcome."}, "", ""},
      // Merely mentioned people are not speakers.
      {{"A call that was echoed by party leader Ed Miliband in his speech "
        "yesterday."},
       "",
       ""},
      // Multi-paragraph quote: the opening paragraph has no closing mark.
      {{"“A key plank was trust,” said Dr Jane Smith.",
        "“These proposals undermine this role.",
        "“Doctors tell us about the chaos.”"},
       "Jane Smith",
       "Jane Smith: A key plank was trust|Jane Smith: These proposals "
       "undermine this role.|Jane "
       "Smith: Doctors tell us about the chaos."},
      // A quote paragraph after an unrelated paragraph keeps the thread of
      // the last full-sentence quote.
      {{"Dr Porter said: ‘We want to talk about what reorganisations can do.’",
        "‘Let us not reform all of the organisations again.’"},
       "Porter",
       "Porter: We want to talk about what reorganisations can do.|Porter: Let "
       "us not reform all "
       "of the organisations again."},
      // Nested quotes stay inside the outer one; apostrophes are not quotes.
      {{"Dr Porter said: ‘It is a message, the one of “please don’t change”, "
        "to sell.’"},
       "Porter",
       "Porter: It is a message, the one of “please don’t change”, to sell."},
      // Straight quotes, one per sentence (the closing mark lost).
      {{"Ms Kelly said: \"I do have support and that is right. \"But those are "
        "private "
        "matters.\""},
       "Kelly",
       "Kelly: I do have support and that is right.|Kelly: But those are "
       "private matters."},
      // "says X, role" with "Dr." and an affiliation.
      {{"“The benefit was great,” says Dr. Leena Gandhi of NYU Langone Medical "
        "Center."},
       "Leena Gandhi",
       "Leena Gandhi: The benefit was great"},
      // An apposition whose inverted reading is a clause is not inverted.
      {{"Dame Elizabeth Butler-Sloss, the president of the division, said Lord "
        "Scarman was "
        "great."},
       "Elizabeth Butler-Sloss",
       ""},
      // A bare single capitalised word is a speaker only if already named.
      {{"Study author Dr. Sheraz Markar said the test works.",
        "Markar said it was cheap."},
       "Sheraz Markar",
       ""},
      {{"Brighton said it was sunny."}, "", ""},
      // A capitalised role opening the sentence is not a first name.
      {{"Economist Colen Garrow said the budget would help growth."},
       "Colen Garrow",
       ""},
      // A kind of organisation before a name makes it the organisation's.
      {{"Financial newspaper Nihon Keizai Shimbun claimed that the firms "
        "will merge."},
       "",
       ""},
      {{"UK broadcaster Virgin Radio says it will offer radio via 3G."},
       "",
       ""},
      {{"China Daily said the market was enjoying steady growth."}, "", ""},
      // The name before a role in apposition: "NAME, ROLE said".
      {{"\"We are encouraged,\" Armando Falcon, OFHEO director said."},
       "Armando Falcon",
       "Armando Falcon: We are encouraged"},
      // A paragraph that opens its own quote does not continue the previous
      // paragraph's unclosed one.
      {{"He added: \"We have been through five transitions and survived.",
        "Simon Gardner, president of Climax's Action studio, said: \"We are "
        "investing in tools.\""},
       "Simon Gardner",
       "Simon Gardner: We are investing in tools."},
      // Scare quotes with no reporting verb are not quotes.
      {{"The BMA is making a bid to avoid another ‘damaging’ reorganisation, "
        "Pulse has learnt."},
       "",
       ""},
      // Knights and dames are called by their given name: "Sir Bruce" is
      // Sir Bruce Keogh, whether he was named in full before or after.
      {{"Sir Bruce Keogh, NHS England's medical director, spoke first.",
        "Sir Bruce said: “Seven-day services are coming.”"},
       "Bruce Keogh",
       "Bruce Keogh: Seven-day services are coming."},
      {{"Dame Clare said: “We need more GPs.”",
        "Dame Clare Gerada, a former RCGP chair, has long argued the point."},
       "Clare Gerada",
       "Clare Gerada: We need more GPs."},
      // Titles that are also surnames end a name: "John Major", "Sir Paul
      // Nurse", "Mr Major"; "Dean" before a name is a first name.
      {{"Former prime minister John Major said: “It was a mistake.”",
        "Mr Major added: “We must learn from it.”"},
       "John Major",
       "John Major: It was a mistake.|John Major: We must learn from it."},
      {{"Sir Paul Nurse told MPs: “Science needs funding.”"},
       "Paul Nurse",
       "Paul Nurse: Science needs funding."},
      {{"Dean Smith said: “It works.”"}, "Dean Smith", "Dean Smith: It works."},
      // A pronoun finds the latest person named before it, even one named
      // again later in the paragraph.
      {{"Health secretary Jeremy Hunt spoke to NHS Providers.",
        "Chief executive Chris Hopson said funding was short. He said the "
        "deficit was “unsustainable”, and Mr Hopson later repeated it."},
       "Chris Hopson",
       "Chris Hopson: unsustainable"},
      // A quote between two attributions goes to the one before when the
      // one after has its own quote, or when no break comes between them.
      {{"Labour say a vote for the Liberal Democrats could “let the Tories "
        "in”, while the Tories say it would mean “higher taxes”."},
       "",
       "Labour: let the Tories in|Conservatives: higher taxes"},
      {{"Tory spokesman Michael Ancram said lifting the embargo would be "
        "wrong. He said Mr Straw was “naive beyond belief” when he claimed "
        "otherwise."},
       "Michael Ancram|Straw",
       "Michael Ancram: naive beyond belief"},
      // A name with its role in apposition is the subject a pronoun finds
      // next; one after a preposition, or before a role that names someone
      // else, is named only in passing.
      {{"Dr Janet Lainhart said the work was important.",
        "For her part, Laura Bono, the former chair of the National Autism "
        "Association, expressed some hesitancy.",
        "“I'm always glad to see more research,” she said."},
       "Janet Lainhart|Laura Bono",
       "Laura Bono: I'm always glad to see more research"},
      {{"Matt Williams says he will not quit as coach.",
        "He rejected the comparison with Berti Vogts, recently sacked as "
        "Scotland manager, made by some papers.",
        "“It is a bizarre analogy,” he said."},
       "Matt Williams",
       "Matt Williams: It is a bizarre analogy"},
      // Middle initials and particles are part of a name; an occupation
      // opening the sentence is not.
      {{"“We saw no effect,” said lead researcher Dr. Steven T. DeKosky, "
        "dean of the school."},
       "Steven T. DeKosky",
       "Steven T. DeKosky: We saw no effect"},
      {{"The damage spreads, explained Genentech immunologist Menno van "
        "Lookeren Campagne."},
       "Menno van Lookeren Campagne",
       ""},
      {{"Nutritionist Jane Smith Jones said: “Eat more fibre.”"},
       "Jane Smith Jones",
       "Jane Smith Jones: Eat more fibre."},
      // Before a colon, a preposition's object is no speaker.
      {{"Gilmar Rinaldi told BBC Sport from Rio de Janeiro: “There have been "
        "no dealings.”"},
       "Gilmar Rinaldi",
       "Gilmar Rinaldi: There have been no dealings."},
      {{"He told BBC Radio Five Live: “We are ready.”"}, "", ""},
      // Months and party words that are surnames end a name.
      {{"Home secretary Theresa May said: “It will not stand.”",
        "Mrs May added: “Nor should it.”"},
       "Theresa May",
       "Theresa May: It will not stand.|Theresa May: Nor should it."},
      {{"Dr Michele Green is a dermatologist at Lenox Hill Hospital in New "
        "York City.",
        "“It is amazing,” she said."},
       "Michele Green",
       "Michele Green: It is amazing"},
      // Places are not people, nor is a nationality part of a name.
      {{"Dr Margery Gass, director of the North American Menopause Society, "
        "spoke. The society met in South Korea.",
        "“It is safe,” she said."},
       "Margery Gass",
       "Margery Gass: It is safe"},
      {{"American Serena Williams said: “I played well.”"},
       "Serena Williams",
       "Serena Williams: I played well."},
      // A paragraph opening with a quote goes on with the last speaker, not
      // with someone who reports something else later in it.
      {{"Taha Idris, director of the council, said he contacted police. "
        "“I'm shocked,” he said.",
        "“The BNP has tried this before.” A police spokeswoman confirmed "
        "that they were looking at the leaflet."},
       "Taha Idris",
       "Taha Idris: I'm shocked|Taha Idris: The BNP has tried this before."},
      // Press-release headings are nobody.
      {{"Media Contact:", "“Jane Doe, 555-0100.”"}, "", ""},
      // A name after a preposition is a place or an object, never the
      // antecedent of "he" ("In Bethnal Green, former Labour MP ...").
      {{"Professor John Curtice said the vote mattered. The seats most at "
        "risk were Bethnal Green, in east London, and Rochdale, he added. In "
        "Bethnal Green, former Labour MP George Galloway, who founded "
        "Respect, is standing."},
       "John Curtice",
       ""},
      // A closing mark with a space before it still closes.
      {{"\"This treatment reduces deaths from bleeding by a sixth, \" said "
        "researcher Dr. Ian Roberts, a professor of epidemiology."},
       "Ian Roberts",
       "Ian Roberts: This treatment reduces deaths from bleeding by a sixth"},
      // Peers are known by their title, unless already named in full.
      {{"Betty Boothroyd has said peers should lead the way.",
        "Baroness Boothroyd, the first woman Speaker, said she believed it. "
        "Lord Falconer said: \"We need to look carefully.\""},
       "Betty Boothroyd|Lord Falconer",
       "Lord Falconer: We need to look carefully."},
      {{"One man, Sion Roberts, was convicted in 1993. Lord Roberts said: "
        "\"Nobody knew who did it.\""},
       "Lord Roberts",
       "Lord Roberts: Nobody knew who did it."},
      // "X, who said" with a quote: X's words.
      {{"General secretary Brendan Barber said: \"It is wrong.\" Mr Barber, "
        "who said the \"problem is far worse than statistics show\", called "
        "for a new law."},
       "Brendan Barber",
       "Brendan Barber: It is wrong.|Brendan Barber: problem is far worse than "
       "statistics show"},
      // Nor is anyone named after the subject of a sentence, nor a
      // possessive after a preposition.
      {{"UKIP leader Roger Knapman has said he is glad to see the back of Mr "
        "Robert Kilroy-Silk. \"He was more interested in his own party,\" "
        "he said."},
       "Roger Knapman",
       "Roger Knapman: He was more interested in his own party"},
      {{"Former spy Oleg Gordievsky said he was happy. Commenting on Mr "
        "Viktor Makarov's case, he said: \"The state is not a fat cow.\""},
       "Oleg Gordievsky",
       "Oleg Gordievsky: The state is not a fat cow."},
      // A possessive after someone else in its sentence is not "he"; one
      // that opens its sentence may be.
      {{"Lord Woolf said it was Lord Scarman's \"pioneering work\". \"He "
        "was a great judge,\" he said."},
       "Lord Woolf",
       "Lord Woolf: pioneering work|Lord Woolf: He was a great judge"},
      {{"Dr Jane Smith's team studied 400 patients. \"It works,\" she said."},
       "Jane Smith",
       "Jane Smith: It works"},
      // A name with a role predicated of it ("is senior benefit officer")
      // is who "he" means next; "was nominated for best actress" is not
      // such a role.
      {{"Union spokesman Jeff Evans said: \"We are defending jobs.\" Piers "
        "Freelove is senior benefit officer at Companies House. He said: "
        "\"Most people have not come in.\""},
       "Jeff Evans|Piers Freelove",
       "Jeff Evans: We are defending jobs.|Piers Freelove: Most people have "
       "not come in."},
      {{"Director Mike Leigh was praised. Imelda Staunton was nominated for "
        "best actress. He said: \"I never expected it.\""},
       "Mike Leigh",
       "Mike Leigh: I never expected it."},
      // "told <programme or paper>:" goes on with the teller, whatever the
      // name holds ("Radio 4's", "Today", "The").
      {{"Mr Alun Michael told BBC Radio 4's Today Programme: \"There has "
        "been a lot of spin.\"",
        "Tessa Jowell told The Times: \"Casinos will be regulated.\""},
       "Alun Michael|Tessa Jowell",
       "Alun Michael: There has been a lot of spin.|Tessa Jowell: Casinos "
       "will be regulated."},
      // Verbs that quote what they report ("described ... as", "praised",
      // "called"): the subject's words when a quote follows, nothing
      // otherwise, and never the object's.
      {{"Dr Gavin Giovannoni described Lemtrada as an immune system "
        "\"rebooter\".",
        "Trevor Phillips, chair of the commission, praised Lord Scarman's "
        "\"ability to listen\".",
        "Mr John Smith called his mother."},
       "Gavin Giovannoni|Trevor Phillips",
       "Gavin Giovannoni: rebooter|Trevor Phillips: ability to listen"},
      // Reinsurers, "International" bodies, "Los Angeles" and web page
      // furniture are not people.
      {{"Swiss Re said losses were \"significant\". Amnesty International "
        "has called the camp an \"icon of lawlessness\".",
        "Researchers in Los Angeles said it worked. Scroll Up Continue "
        "reading the main story."},
       "",
       "Swiss Re: significant|Amnesty International: icon of lawlessness"},
      // Share buttons scraped with the page are not part of a name.
      {{"Facebook Twitter Pinterest Stephen Fry said the breakthrough was "
        "exciting."},
       "Stephen Fry",
       ""},
      // Capitalised words after "the" are a title or a body, not a person.
      {{"Ms Anne Robinson, who presents The Weakest Link tells Cockerell "
        "that she despaired. \"I used to sit on my hands,\" she said.",
        "The Evening Standard said the club was for sale. The United Nations "
        "warned of famine."},
       "Anne Robinson",
       "Anne Robinson: I used to sit on my hands"},
      // A name between commas after the role phrase opening its sentence
      // is who "he" means next.
      {{"\"It is old,\" said project manager Livio Costantini.",
        "Computer specialist at the agency, Peter Smith, would like better "
        "tools. \"We need them,\" he said."},
       "Livio Costantini|Peter Smith",
       "Livio Costantini: It is old|Peter Smith: We need them"},
      // Verbs of reply, recollection and confession report speech too.
      {{"Tory leader Michael Howard was asked about his parents.",
        "He replies: \"What is the inference of that?\"",
        "\"He turned blue,\" Delia Cagle recalls."},
       "Michael Howard|Delia Cagle",
       "Michael Howard: What is the inference of that?|Delia Cagle: He turned "
       "blue"},
      // A reporting verb that is also a plural noun is a verb only after a
      // person: "product recalls" reports nothing.
      {{"Toys are a leading cause of product recalls, \"a real problem\" for "
        "shops, Dr Jane Smith said."},
       "Jane Smith",
       "Jane Smith: a real problem"},
      // "he" or "she" after an unnamed man or woman spoke is that one, not
      // the last person named.
      {{"SNP leader Nicola Sturgeon said: \"This is a gaffe.\" But an "
        "executive spokeswoman insisted he meant adults. \"He was talking "
        "about adults,\" she said."},
       "Nicola Sturgeon",
       "Nicola Sturgeon: This is a gaffe."},
      {{"\"There are no reasons,\" said RNID director Guido Gybels.",
        "But a spokesman said its powers were limited. \"Any proposals would "
        "be for government,\" he said."},
       "Guido Gybels",
       "Guido Gybels: There are no reasons"},
      // "said <role>, <name>": the name in apposition speaks.
      {{"\"Our aim is to ensure the BBC is accountable,\" said the committee "
        "chairman, MP Edward Leigh.",
        "\"The evidence suggests rates helped,\" said EEF chief economist, "
        "Steve Radley."},
       "Edward Leigh|Steve Radley",
       "Edward Leigh: Our aim is to ensure the BBC is accountable|Steve "
       "Radley: The evidence suggests rates helped"},
      // A quote that follows only quotes in its paragraph goes on with
      // their speaker.
      {{"Committee chairman Jean Corston said: \"Each death in custody is a "
        "death too many.",
        "\"Yet we see vulnerable people entering custody again and again.\" "
        "\"These people are held in a structure ill-suited to their needs."},
       "Jean Corston",
       "Jean Corston: Each death in custody is a death too many.|Jean Corston: "
       "Yet we see vulnerable people entering custody again and again.|Jean "
       "Corston: These people are held in a structure ill-suited to their "
       "needs."},
      // Paragraphs run together: an opening mark of the quote's own kind
      // starts a new quote (a nested quote takes the other kind), with
      // curly single marks as British trade papers print them, or double.
      {{"Nicola Sturgeon said: ‘The time has come for a ban. ‘There is "
        "evidence a ban can cut deaths. ‘But some people have concerns.’ "
        "David McLetchie asked: ‘Would it not be ironic?’"},
       "Nicola Sturgeon|David McLetchie",
       "Nicola Sturgeon: The time has come for a ban.|Nicola Sturgeon: There "
       "is evidence a ban can cut deaths.|Nicola Sturgeon: But some people "
       "have concerns.|David McLetchie: Would it not be ironic?"},
      {{"Jack McConnell said: “Health rates are lamentable. “They all make "
        "us unhealthy.”"},
       "Jack McConnell",
       "Jack McConnell: Health rates are lamentable.|Jack McConnell: They "
       "all make us unhealthy."},
      // With straight single marks only, the same: a mark after a sentence
      // starts a new quote, one elsewhere nests a quote in this one, and
      // an elided year is neither, in straight marks or curly.
      {{"Jack McConnell said: 'Health rates are lamentable. 'They all make "
        "us unhealthy, like the class of '83 and over that time the world "
        "changed.'",
        "'Transfer of the 'good' microbiota offers protection,' Dr Si Ming "
        "Man said.",
        "Sir Digby Jones added: ‘It was like the ‘90s all over again.’"},
       "Jack McConnell|Si Ming Man|Digby Jones",
       "Jack McConnell: Health rates are lamentable.|Jack McConnell: They "
       "all make us unhealthy, like the class of '83 and over that time the "
       "world changed.|Si Ming Man: Transfer of the 'good' microbiota offers "
       "protection|Digby Jones: It was like the ‘90s all over again."},
      // "According to X" opening its sentence gives X the quote, as it does
      // after the quote.
      {{"According to Dr Peter Holden, the plans were drawn up ‘in a "
        "hurry’."},
       "Peter Holden",
       "Peter Holden: in a hurry"},
      // Words published rather than spoken: "tweeted", "blogged"; "his
      // tweets" is a noun.
      {{"Dr Kailash Chand, deputy chair of the BMA council, tweeted: "
        "‘Shameful.’",
        "His tweets were ‘offensive’, said Dr John Smith."},
       "Kailash Chand|John Smith",
       "Kailash Chand: Shameful.|John Smith: offensive"},
      // "Royal Mail" and "Financial Mail" are bodies, not people.
      {{"A Royal Mail spokesman said: ‘We are investigating.’",
        "Royal Mail said it had found the ballot papers."},
       "",
       "Royal Mail: We are investigating."},
      // A role with a possessive before its name in apposition: "the
      // study's principal investigator, R. Scott Turner".
      {{"The results \"are very interesting,\" says the study's principal "
        "investigator, R. Scott Turner, MD, director of the program."},
       "R. Scott Turner",
       "R. Scott Turner: are very interesting"},
      // A quote left open at a paragraph's end goes on into paragraphs
      // without a mark only if it closes within three of them: a page that
      // lost the closing mark does not make its boilerplate the speaker's.
      {{"\"It is harder to detect,\" said the lead author, Susan Weinstein. "
        "\"These results suggest it may be a better option.",
        "The most common exam offered is an ultrasound.",
        "Based on the results, the test may be a better option.", "###",
        "Penn Medicine is one of the world's leading medical centers."},
       "Susan Weinstein",
       "Susan Weinstein: It is harder to detect|Susan Weinstein: These "
       "results suggest it may be a better option."},
      {{"Dr Jane Smith said: \"We saw it first in March.",
        "It was a surprise to all of us.", "Then it spread to every ward.\"",
        "The hospital has since closed."},
       "Jane Smith",
       "Jane Smith: We saw it first in March.|Jane Smith: It was a surprise "
       "to all of us.|Jane Smith: Then it spread to every ward."},
      // A reporting verb after a modal reports the words it quotes ("he
      // will argue"), not a plan ("will announce his line-up"), nor with a
      // subject that is no person ("the results may suggest").
      {{"Tory leader Michael Howard will speak on Monday. \"It sets family "
        "against family,\" he will argue.",
        "Clive Woodward will announce his line-up on Tuesday."},
       "Michael Howard",
       "Michael Howard: It sets family against family"},
      {{"\"It is worth striving for,\" Dr Basil Hume would later explain."},
       "Basil Hume",
       "Basil Hume: It is worth striving for"},
      {{"The results may suggest a \"new route\" to treatment.",
        "This would suggest a \"second route\" too."},
       "",
       ""},
      // Initials are part of a name, before it or in the middle: "R. Scott
      // Turner" is not also a "Scott Turner" whom "Turner" then means.
      // "U.S." is no initial.
      {{"The results \"are very interesting,\" says the study's principal "
        "investigator, R. Scott Turner, MD, director of the program. "
        "Turner, who treats patients, cautions against it. \"This is a "
        "single study,\" Turner said."},
       "R. Scott Turner",
       "R. Scott Turner: are very interesting|R. Scott Turner: This is a "
       "single study"},
      {{"The tests were developed by Stephen J. Kominsky and others. \"It "
        "works,\" Kominsky said.",
        "When U.S. Marine Chris Merkle came home, he was changed.",
        "\"It was hard,\" Merkle said."},
       "Stephen J. Kominsky|Marine Chris Merkle",
       "Stephen J. Kominsky: It works|Marine Chris Merkle: It was hard"},
      {{"Experts like J. Lee Westmaas, strategic director of tobacco control "
        "research at the American Cancer Society, recommend many approaches. "
        "\"I would say use as many aids as you can,\" he says."},
       "J. Lee Westmaas",
       "J. Lee Westmaas: I would say use as many aids as you can"},
      // "said first author X", "corresponding author": an ordinal before
      // the role.
      {{"\"Our research shows it,\" said first author Dimitris "
        "Vlachopoulos, of the University of Exeter."},
       "Dimitris Vlachopoulos",
       "Dimitris Vlachopoulos: Our research shows it"},
      // More than one apposition between the name and the verb: the
      // person before the first comma, not the body named last; a list of
      // capitalised words is read through.
      {{"\"Patients have options,\" study lead author Dr. Kenneth W. "
        "Mahaffey, co-director of cardiovascular research at the Duke "
        "Clinical Research Institute, and associate professor of medicine at "
        "Duke University Medical Center, said.",
        "Gary Gibbons, director of the National Heart, Lung, and Blood "
        "Institute, says the study was a \"breakthrough\"."},
       "Kenneth W. Mahaffey|Gary Gibbons",
       "Kenneth W. Mahaffey: Patients have options|Gary Gibbons: "
       "breakthrough"},
      // "X, the leader of the Y Union said" without the closing comma: X,
      // not the union; a list of bodies is no apposition.
      {{"Mark Serwotka, the leader of the Public and Commercial Services "
        "Union said: \"We had the day of the long knives.\"",
        "The Council of Mortgage Lenders, British Bankers Association and "
        "Building Societies Association said lending was slowing."},
       "Mark Serwotka",
       "Mark Serwotka: We had the day of the long knives."},
      // A progressive after "be" reports the words it quotes.
      {{"Dr Jane Smith was telling reporters the plan was \"doomed\".",
        "Tory leader Michael Howard spoke in Kent. He is also claiming "
        "Labour has \"lost its way\"."},
       "Jane Smith|Michael Howard",
       "Jane Smith: doomed|Michael Howard: lost its way"},
      // A plural possessive inside a single-quoted sentence does not close
      // it; a closing mark after a plural word, with no sentence to close
      // later, does.
      {{"‘Given the Tories’ reduced support in urban areas, it is wrong,’ "
        "said Simon Hughes.",
        "Simon Hughes called for ‘more nurses’ on the wards."},
       "Simon Hughes",
       "Simon Hughes: Given the Tories’ reduced support in urban areas, it "
       "is wrong|Simon Hughes: more nurses"},
      // Two single marks are one double mark (typewriter quotes).
      {{"“Nobody really knows,’’ said Elizabeth Shane, a professor. “Every "
        "patient has to be evaluated.’’",
        "''We were surprised,'' said Dr Tom Gill."},
       "Elizabeth Shane|Tom Gill",
       "Elizabeth Shane: Nobody really knows|Elizabeth Shane: Every patient "
       "has to be evaluated.|Tom Gill: We were surprised"},
      // A person "of", "at" or "from" a body, before the verb: the person
      // speaks, not the body ("Dr Chaand Nagpaul of the BMA" was a body).
      {{"Dr Chaand Nagpaul of the BMA said: \"It works.\"",
        "Martin Roland at the Nuffield Trust said: \"It costs.\"",
        "Ashok Vishwanathan of Operation Black Vote said: \"It fails.\""},
       "Chaand Nagpaul|Martin Roland|Ashok Vishwanathan",
       "Chaand Nagpaul: It works.|Martin Roland: It costs.|Ashok "
       "Vishwanathan: It fails."},
      // But not words inside a longer name, nor a role.
      {{"Research in the journal Molecular Aspects of Medicine says that "
        "\"deficiency matters\".",
        "Mr Raj Prasad, Consultant Urologist at Southmead Hospital, said: "
        "\"It will revolutionise diagnostics.\""},
       "Raj Prasad",
       "Molecular Aspects of Medicine: deficiency matters|Raj Prasad: It "
       "will revolutionise diagnostics."},
      // Someone who speaks for a person is not that person.
      {{"A spokesman for Mr Prescott said: \"The changes will go ahead.\""},
       "",
       ""},
      // Lower-case words before a role that names who follows.
      {{"\"It is a mistake,\" said shadow health secretary Andy Burnham.",
        "\"All sides are anxious,\" said BBC labour affairs correspondent "
        "Stephen Cape."},
       "Andy Burnham|Stephen Cape",
       "Andy Burnham: It is a mistake|Stephen Cape: All sides are anxious"},
      // A role whose title lists capitalised words between commas.
      {{"The Secretary of State for Culture, Media and Sport, Tessa Jowell, "
        "has hit out at critics of the Gambling Bill.",
        "She told the Guardian there would be no \"Las Vegas-style\" "
        "casinos."},
       "Tessa Jowell",
       "Tessa Jowell: Las Vegas-style"},
      // Bodies: prisons, plurals in "-ies", possessives after "the".
      {{"The Red Cross and Red Crescent Societies said it needed $6.5m.",
        "The King's Fund said: \"It works.\""},
       "",
       "King's Fund: It works."},
      // The name before an aside between dashes, when the aside names a
      // role or the name has a title; not a film's name before an aside.
      {{"On Thursday, Lord Bingham - a senior law lord - said the rules were "
        "\"incompatible\".",
        "Jane Smith \u2013 a GP in Leeds \u2013 said the plans were "
        "\"dangerous\".",
        "The drama Million Dollar Baby - recipient of four awards - "
        "continued to perform \"well\"."},
       "Lord Bingham|Jane Smith",
       "Lord Bingham: incompatible|Jane Smith: dangerous"},
      // The subject of a reported clause is not what a later "he" means;
      // within its own sentence it still is.
      {{"Mr Kennedy spoke in London.",
        "But he said Mr Blair had lost the trust of the people. \"There is a "
        "lack of trust in Tony Blair,\" he said.",
        "Tory spokesman Michael Ancram said lifting the embargo would be "
        "wrong. He said Mr Straw was \u201cnaive beyond belief\u201d when "
        "he claimed otherwise."},
       "Kennedy|Michael Ancram|Straw",
       "Kennedy: There is a lack of trust in Tony Blair|Michael Ancram: naive "
       "beyond belief"},
      // A definite role means the person the article gave it to, before
      // the name or in apposition; a deputy is not the mayor.
      {{"BBC correspondent James Hardy said Mr Brown would draw \"sharp "
        "dividing lines\". \"Mr Brown will lay out his credentials,\" our "
        "correspondent said.",
        "Oliver Letwin, the shadow chancellor, spoke.",
        "The shadow chancellor said the rule had \"turned to dross\"."},
       "James Hardy|Oliver Letwin",
       "James Hardy: sharp dividing lines|James Hardy: Mr Brown will lay out "
       "his credentials|Oliver Letwin: turned to dross"},
      {{"Mayor Ken Livingstone spoke. Deputy mayor Nicky Gavron said she was "
        "sad.",
        "The mayor accused the reporter of \"doorstepping\" him."},
       "Nicky Gavron|Ken Livingstone",
       "Ken Livingstone: doorstepping"},
      // The role speaks, not the place or person it is for; a role after a
      // comma with no article still follows its name.
      {{"Labour backbencher Stephen Pound spoke.",
        "The MP for Ealing North claimed the bill would bring \"vice\".",
        "Peter Misselbrook, executive partner of Tods Murray said Mr McLetchie "
        "was retiring. He added: \"David has decided.\""},
       "Peter Misselbrook",
       "Peter Misselbrook: David has decided."},
      // A pronoun subject of ", saying"; evidence that "suggests" is no
      // second speaker in a sentence that has one.
      {{"Mr Blair spoke. He refused to answer questions, saying it had been "
        "dealt with \"literally scores of times\".",
        "Lib Dem chairman Matthew Taylor wrote to the watchdog. He says "
        "evidence from local parties suggests there are \"significant\" "
        "numbers of calls."},
       "Blair|Matthew Taylor",
       "Blair: literally scores of times|Matthew Taylor: significant"},
      // Words that open a sentence or a section are not given names.
      {{"About Vanda Pharmaceuticals",
        "Lib Dems David Laws said: \"It is built on debt.\"",
        "Andy Roddick lost in four sets. Again Roddick said: \"I'm mad.\""},
       "David Laws|Andy Roddick",
       "David Laws: It is built on debt.|Andy Roddick: I'm mad."},
      // A month that is a given name; "A" opening a phrase is a word.
      {{"\"It is the first,\" said May Griffith of the Ottawa Hospital "
        "Research Institute.",
        "A Peoplesoft sign had been turned into a shrine.",
        "\"It works,\" said Charles A Blixt."},
       "May Griffith|Charles A Blixt",
       "May Griffith: It is the first|Charles A Blixt: It works"},
      // Who is quoted as saying: the passive's subject, the active's object.
      {{"Mr Houston was quoted in the Herald saying: \"I feel UKIP have "
        "over-reacted.\"",
        "\"We are mourning,\" the agency quoted Peoplesoft worker David "
        "Ogden as saying."},
       "Houston|David Ogden",
       "Houston: I feel UKIP have over-reacted.|David Ogden: We are "
       "mourning"},
      // A person named inside what someone said is no antecedent after the
      // sentence ("He said they ... would not have been matched to Mr
      // Houston"); not after "That said," nor as a passive's agent.
      {{"UKIP spokesman Mark Croucher spoke. He said the views would not have "
        "been matched "
        "to Mr Houston when he was standing. He told BBC News: \"He "
        "appears to have said these things.\"",
        "That said, Dr. Moses Rodriguez disputed the premise. \"There is "
        "nothing novel,\" he said."},
       "Mark Croucher|Moses Rodriguez",
       "Mark Croucher: He appears to have said these things.|Moses "
       "Rodriguez: There is nothing novel"},
      // "... but said" with no attribution before it: the main clause's
      // subject, a possessive inside it read past; "who said" with no
      // comma; kinship in apposition makes a later "he" the person's.
      {{"Tory leader Michael Howard also backed the proposals but said "
        "ministers had been \"playing catch-up\".",
        "Moazzam Begg's Labour MP Roger Godsiff welcomed his release, but "
        "said questions remained \"unanswered\".",
        "Her call was backed by Culture Secretary Tessa Jowell who said: "
        "\"You would not let your child watch it.\""},
       "Michael Howard|Roger Godsiff|Tessa Jowell",
       "Michael Howard: playing catch-up|Roger Godsiff: unanswered|Tessa "
       "Jowell: You would not let your child watch it."},
      {{"Sir Menzies Campbell said it was \"wrong\".",
        "Azmat Begg, father of Moazzam, thanked his lawyers. He added: \"If "
        "they have done wrong, they should be punished.\"",
        "Mr Armes warned that developers still had to learn. \"We are "
        "trying to forget the hardware.\" Mr Gardner agreed: \"We can throw "
        "more polygons around.\""},
       "Menzies Campbell|Azmat Begg|Armes|Gardner",
       "Menzies Campbell: wrong|Azmat Begg: If they have done wrong, they "
       "should be punished.|Armes: We are trying to forget the "
       "hardware.|Gardner: We can throw more polygons around."},
      // A heading names nobody a later "he" could mean (the surgeon, named
      // without a title or role, is not one either).
      {{"Surgery For Sinus Misery: Better, But Still No Cure",
        "Surgeon Ralph Metson looks at the screen.",
        "\"Her membranes will not swell,\" he says."},
       "",
       ""},
      // The holder of a role named after the body it belongs to.
      {{"\"It will be a tragedy,\" said the chief executive of the NHS "
        "Confederation, Niall Dickson.",
        "\"It is too late,\" said the chair of the BMA's GP committee, Dr "
        "Chaand Nagpaul.",
        "\"It is bad,\" said the BMA, which represents doctors."},
       "Niall Dickson|Chaand Nagpaul",
       "Niall Dickson: It will be a tragedy|Chaand Nagpaul: It is too "
       "late|BMA: It is bad"},
      // "X, role, told Pulse:": whom told, never who; a place after a
      // comma is no person ("... California, San Francisco, told ...").
      {{"Dr Chaand Nagpaul, chair of the BMA's GP committee, told Pulse: "
        "\u2018It is a disaster.\u2019",
        "Thomas Neylan, a psychiatrist at the University of California, San "
        "Francisco, told Reuters Health: \"Insomniacs lie awake.\""},
       "Chaand Nagpaul|Thomas Neylan",
       "Chaand Nagpaul: It is a disaster.|Thomas Neylan: Insomniacs lie "
       "awake."},
      {{"Prime Minister David Cameron told the Commons: \u2018We will "
        "protect the NHS.\u2019"},
       "David Cameron",
       "David Cameron: We will protect the NHS."},
      // "GPs" after "of" ends a body's name; the RCGP is one body.
      {{"The Royal College of GPs said it was \u2018deeply concerned\u2019.",
        "Labour MP Frank Dobson said it was \u2018wrong\u2019."},
       "Frank Dobson",
       "RCGP: deeply concerned|Frank Dobson: wrong"},
      {{"The BMA\u2019s GP committee said the deal was \u2018a step in the "
        "right direction\u2019."},
       "",
       "BMA: a step in the right direction"},
      // A named person before a relative clause with commas of its own.
      {{"\u2018We were surprised,\u2019 said study lead author Dr Joyce "
        "O'Shaughnessy.",
        "The editorial is by Dr Lisa Carey of the University of North "
        "Carolina.",
        "O'Shaughnessy, who is co-director of research at Baylor, US "
        "Oncology, and Texas Oncology in Dallas, said the results were due.",
        "\u2018The whole field is still preliminary,\u2019 she said."},
       "Joyce O'Shaughnessy",
       "Joyce O'Shaughnessy: We were surprised|Joyce O'Shaughnessy: The whole "
       "field is still preliminary"},
      // An adverb between the name and the verb; a hyphened role, and a
      // role's owner, between the verb and the name.
      {{"Lib Dem health spokesman Norman Lamb meanwhile said there had been "
        "an \u2018explosion\u2019 of managers.",
        "\u2018It works,\u2019 said co-author Dr Tom Smith.",
        "\u2018We are at breaking point,\u2019 said the trust's chief "
        "executive Sarah Jones."},
       "Norman Lamb|Tom Smith|Sarah Jones",
       "Norman Lamb: explosion|Tom Smith: It works|Sarah Jones: We are at "
       "breaking point"},
      // What a thing is or says, after a colon, is nobody's.
      {{"\u2018We cannot go on like this,\u2019 said Dr Smith. The motion "
        "before the conference is: \u2018This conference has no confidence "
        "in the health secretary.\u2019"},
       "Smith",
       "Smith: We cannot go on like this"},
      // A promise quoted is the promiser's words, unless it is reported in
      // someone else's, or quoted before the verb.
      {{"Jeremy Hunt promised the money would be \u2018ring-fenced\u2019.",
        "Andy Burnham added the government had pledged \u2018a penny on "
        "tax\u2019.",
        "Norman Lamb said that instead of the \u2018bonfire of "
        "quangos\u2019 the Tories had promised, there had been an "
        "\u2018explosion\u2019."},
       "Jeremy Hunt|Andy Burnham|Norman Lamb",
       "Jeremy Hunt: ring-fenced|Andy Burnham: a penny on tax|Norman Lamb: "
       "bonfire of quangos|Norman Lamb: explosion"},
      // So is what someone thinks or suspects, quoted.
      {{"Dr Danilo Tagle leads a similar project at the NIH. He suspects "
        "the chips will be used to \u2018complement and supplement\u2019 "
        "animal studies."},
       "Danilo Tagle",
       "Danilo Tagle: complement and supplement"},
      // "She added" after a body's spokeswoman is the body's, not the
      // woman named before; the latest spokesman speaks, and a body's name
      // may hold a possessive.
      {{"Dr Clare Gerada said: \u2018It is bad.\u2019",
        "A DH spokeswoman said: \u2018We are listening.\u2019",
        "She added: \u2018We will publish our plans.\u2019",
        "A spokesperson for NHS England said it would act. \u2018It is "
        "serious,\u2019 she said.",
        "A spokesman for the US Trade Representative's Office said it would "
        "wait. \u2018It is early,\u2019 he said."},
       "Clare Gerada",
       "Clare Gerada: It is bad.|Department of Health: We are "
       "listening.|Department of Health: We will publish our plans.|NHS "
       "England: It is serious|US Trade Representative's Office: It is "
       "early"},
      // The name before an apposition with no closing comma: a body
      // alone, or one role word.
      {{"Colin Asplin, Blackpool Hotel Association said: \u2018We tried "
        "hard.\u2019",
        "Harry should see \u2018the results of the hated symbol\u2019, "
        "Rabbi Marvin Hier, founder of the Simon Wiesenthal Center said."},
       "Colin Asplin|Marvin Hier",
       "Colin Asplin: We tried hard.|Marvin Hier: the results of the hated "
       "symbol"},
      // Given names that look like other things: "Bill" before a surname,
      // initials with no dots after an honorific; a picture credit is no
      // part of a name.
      {{"Bill Gates said: \u2018It is good.\u2019",
        "The Health and Social Care Bill said nothing of the kind.",
        "Dr PK Shah, a cardiologist, said it was \u2018safe\u2019.",
        "Tara Smith and her husband have tried for years. Courtesy Tara "
        "Smith",
        "Mrs Smith said: \u2018It is gut-wrenching.\u2019"},
       "Bill Gates|PK Shah|Tara Smith",
       "Bill Gates: It is good.|PK Shah: safe|Tara Smith: It is "
       "gut-wrenching."},
      // A spokesman is one person with or without "a": "he added" after
      // one is not the man named before.
      {{"Dr John Reid said: \u2018It is wrong.\u2019 The prime minister's "
        "official spokesman said the plan would go ahead.",
        "He added: \u2018There will be no delay.\u2019"},
       "John Reid",
       "John Reid: It is wrong."},
      // A quote opened with a straight single mark and closed with a
      // double one (a typo) ends there, and the paragraph's other quotes
      // are found.
      {{"'Networks like eDonkey facilitate illegal filesharing,\" the BPI "
        "said in a statement. \"Illegal file-sharers steal millions,\" it "
        "said. But the issue is complicated, said Mark Mulligan, an analyst. "
        "\"This has been a problem for a long time,\" he said."},
       "Mark Mulligan",
       "BPI: Networks like eDonkey facilitate illegal filesharing|BPI: "
       "Illegal file-sharers steal millions|Mark Mulligan: This has been a "
       "problem for a long time"},
      // Run-together initials, particles in a surname, and a role before a
      // comma and the name.
      {{"\u2018It is bad,\u2019 said Professor Bernard M.Y. Cheung of the "
        "University of Hong Kong.",
        "He was honoured by French Culture Minister Renaud Donnedieu de "
        "Vabres. \u2018You have explored film,\u2019 Mr de Vabres said.",
        "\u2018The findings are clear,\u2019 said division chief, Rama "
        "Mallampalli, M.D."},
       "Bernard M.Y. Cheung|Renaud Donnedieu de Vabres|Rama Mallampalli",
       "Bernard M.Y. Cheung: It is bad|Renaud Donnedieu de Vabres: You have "
       "explored film|Rama Mallampalli: The findings are clear"},
      // A short sentence after a speaker's quote goes on with the speaker;
      // a headline or a maxim after a colon is nobody's.
      {{"\u2018You can go forward with greater confidence,\u2019 says Dr "
        "Tagle. \u2018Biology is complex.\u2019",
        "\u2018It was stupid,\u2019 said Mr Clarke. The picture appears "
        "under the headline: \u2018Harry the Nazi.\u2019"},
       "Tagle|Clarke",
       "Tagle: You can go forward with greater confidence|Tagle: Biology is "
       "complex.|Clarke: It was stupid"},
      // A participle after a comma reports the quote that follows it, for
      // the main clause's subject (a role of two words before the name,
      // a hyphened surname), or for the sentence's speaker already named.
      {{"Trust chief executive Jane Harlow voiced her worries about the "
        "winter, remarking: ‘We are running hot.’",
        "Dr Helen Stokes-Lampard spoke after the vote, noting that it was "
        "‘a step forward’.",
        "Sir John said ‘real progress’ had been made, adding that "
        "this was ‘only the start’."},
       "Jane Harlow|Helen Stokes-Lampard|John",
       "Jane Harlow: We are running hot.|Helen Stokes-Lampard: a step "
       "forward|John: real progress|John: only the start"},
      // A person's own writing speaks for them; a company's for the
      // company.
      {{"Dr Laurence Buckman wrote to GPs on Friday.",
        "Buckman\u2019s email also says, \u201cWe will need the best "
        "managers.\u201d",
        "Dr Nagpaul\u2019s letter said: \u2018Practices are at breaking "
        "point.\u2019",
        "Pfizer\u2019s statement said: \u2018The drug is safe.\u2019"},
       "Laurence Buckman|Nagpaul",
       "Laurence Buckman: We will need the best managers.|Nagpaul: Practices "
       "are at breaking point.|Pfizer: The drug is safe."},
      // "calling" reports after "be" or a comma, not after a noun.
      {{"Ray Jones said the association had lost its way.",
        "Now Jones is calling on it to be \u201cmore visible\u201d.",
        "Leaflets dropped at Munich University calling for a \u201cday of "
        "reckoning\u201d were found."},
       "Ray Jones",
       "Ray Jones: more visible"},
      // A pull quote with its speaker's name on the line under it, and
      // not a page's links.
      {{"\u201cVitamin C may reduce harm to the lungs\u201d", "Follow Us",
        "Health visitors are preparing an election checklist.",
        "\u201cProgress on health visitor numbers can\u2019t be allowed to "
        "slide\u201d",
        "Obi Amadi"},
       "Obi Amadi",
       "Obi Amadi: Progress on health visitor numbers can\u2019t be allowed "
       "to slide"},
      // A nationality or a capitalised role before a name is not its first
      // word, but "German" may be; post-nominals spelled with dots.
      {{"World number one Lindsay Davenport also progressed. American "
        "Davenport will now face Conchita Martinez. \u201cI started "
        "well,\u201d said Davenport.",
        "Goalscorer Jimmy Floyd Hasselbaink added: \u201cIt was not a "
        "beautiful match.\u201d",
        "Economy minister German Gref said it was \u201cunjustified\u201d. "
        "\u201cIt hurts,\u201d said Alessandro Napoli M.D., Ph.D., a "
        "radiologist."},
       "Lindsay Davenport|Jimmy Floyd Hasselbaink|German Gref|Alessandro "
       "Napoli",
       "Lindsay Davenport: I started well|Jimmy Floyd Hasselbaink: It was not "
       "a beautiful match.|German Gref: unjustified|Alessandro Napoli: It "
       "hurts"},
      // A person named in passing, then by surname as a sentence's subject,
      // is who a later pronoun means.
      {{"Daniela Hantuchova now faces Serena Williams. World number one "
        "Lindsay Davenport also progressed.",
        "Davenport believes there is room for improvement. \u201cI started "
        "well,\u201d she said. Williams was also far from content. \u201cI "
        "don\u2019t know what I was doing there,\u201d she said. But "
        "Hantuchova is in upbeat mood. \u201cI feel I have an "
        "advantage,\u201d she said."},
       "Lindsay Davenport|Serena Williams|Daniela Hantuchova",
       "Lindsay Davenport: I started well|Serena Williams: I don\u2019t know "
       "what I was doing there|Daniela Hantuchova: I feel I have an "
       "advantage"},
      // An infinitive of purpose after "used"; a warning sent with a colon
      // (for the quote after it, not the one before); a word after an
      // organisation's acronym is the organisation's.
      {{"Dr Maureen Baker used her conference speech to warn that the plans "
        "are 'totally unrealistic'.",
        "Condemning the 'new deal' for GPs, Dr Baker sent out a stark "
        "warning to the health secretary: 'You will fail.'",
        "The chief executive of NHS Providers Daniel Elkeles said: \u201cAll "
        "trusts want to get on.\u201d"},
       "Maureen Baker|Daniel Elkeles",
       "Maureen Baker: totally unrealistic|Maureen Baker: You will "
       "fail.|Daniel "
       "Elkeles: All trusts want to get on."},
      // A lede's office ("the new chair of the GPC", "the BMA GP
      // Committee chair") is the person the next paragraph names first.
      {{"Ministers must recognise the \u2018folly of a battle\u2019 with "
        "GPs, the new chair of the GPC has urged.",
        "In an interview with Pulse, Dr Chaand Nagpaul warned that the plans "
        "would do \u2018little\u2019."},
       "Chaand Nagpaul",
       "Chaand Nagpaul: folly of a battle|Chaand Nagpaul: little"},
      {{"Working with the Government is \u2018a real challenge\u2019, the "
        "BMA GP Committee chair has said.",
        "Speaking at a conference, Dr Richard Vautrey said the minister was "
        "\u2018very new to the job\u2019."},
       "Richard Vautrey",
       "Richard Vautrey: a real challenge|Richard Vautrey: very new to the "
       "job"},
      // A paragraph reporting only a body may come between the lede's
      // office and its holder. A capitalised office ("The President of the
      // ...") is its body's office; after the lede, its holder is not
      // guessed.
      {{"The chair of the Royal College of GPs has said the plans are "
        "\"clearly preposterous\".",
        "It comes after the government urged GPs to open seven days a "
        "week.",
        "Professor Helen Stokes-Lampard told Peston doctors felt "
        "\"demoralised\".",
        "The President of the Royal College of Emergency Medicine told the "
        "BBC that hospitals are in an \"acute state of distress\".",
        "Dr Taj Hassan added: \"This is on a background of under-funding.\""},
       "Helen Stokes-Lampard|Taj Hassan",
       "Helen Stokes-Lampard: clearly preposterous|Helen Stokes-Lampard: "
       "demoralised|Royal College of Emergency Medicine: acute state of "
       "distress|Taj Hassan: This is on a background of under-funding."},
      {{"The President of the Royal College of Emergency Medicine told the "
        "BBC that hospitals are in an \"acute state of distress\".",
        "Dr Taj Hassan said: \"This is on a background of under-funding.\""},
       "Taj Hassan",
       "Taj Hassan: acute state of distress|Taj Hassan: This is on a "
       "background of under-funding."},
      // The lede's office, quoting nothing, gives its role to the person
      // the next paragraph names: "The council leader said" later is him.
      // A body's role after its possessive ("the charity's director"); not
      // one that runs on into a name ("the group's president-elect David
      // Beyer").
      {{"The pressures at Hull hospitals are as severe as in the pandemic, "
        "Hull City Council's leader has claimed.",
        "Cllr Mike Ross told LDRS the waits showed how serious it is.",
        "The council leader said: \"I visited A&E.\"",
        "\"This scandal must stop,\" Oxfam's Barbara Stocking said.",
        "\"Unless leaders act now, the year will end in failure,\" the "
        "charity's director added.",
        "\"We think radiation has a role,\" says the group's president-elect "
        "David Beyer."},
       "Mike Ross|Barbara Stocking",
       "Mike Ross: I visited A&E.|Barbara Stocking: This scandal must "
       "stop|Barbara Stocking: Unless leaders act now, the year will end in "
       "failure"},
      // A role's acronym before a body's word is inside the body's name:
      // "the BMA's GP Committee for England" is an office's body.
      {{"GPs need a \u2018new contract\u2019, the chair of the BMA\u2019s GP "
        "Committee for England has said.",
        "In a speech, Dr Katie Bramall-Stainer said GPs need "
        "\u2018ringfenced funds\u2019."},
       "Katie Bramall-Stainer",
       "Katie Bramall-Stainer: new contract|Katie Bramall-Stainer: "
       "ringfenced funds"},
      // A quote opening a paragraph goes on with the last paragraph's
      // speaker, not with an attribution after a sentence of narrative.
      {{"\u201cI'm delighted to be here,\u201d said Hoddle, who joined "
        "from Southampton. Glenn Hoddle has a six-month contract.",
        "\u201cI saw the massive potential that Wolves have got.\u201d "
        "Chief executive Jez Moxey defended the short contract. \u201cWe "
        "hope it will work out,\u201d he said."},
       "Glenn Hoddle|Jez Moxey",
       "Glenn Hoddle: I'm delighted to be here|Glenn Hoddle: I saw the "
       "massive potential that Wolves have got.|Jez Moxey: We hope it will "
       "work out"},
      // Capitalised words before a role and a name modify the role; a
      // name far back past a long affiliation; a heading in quote marks
      // is nobody's.
      {{"\u201cIt is great,\u201d said Final Wars producer Shogo Tomiyama.",
        "Oliver Sartor, MD, Cancer Research, Department of Medicine and "
        "Urology, Tulane University School of Medicine, New Orleans, LA, "
        "stated, \u201cThe end point deserves special mention.\u201d",
        "\u201cIt is real,\u201d said Sartor.",
        "\u2018This crisis is very real\u2019"},
       "Shogo Tomiyama|Oliver Sartor",
       "Shogo Tomiyama: It is great|Oliver Sartor: The end point deserves "
       "special mention.|Oliver Sartor: It is real"},
      // A common given name tells "she" from "he".
      {{"The NHS does not value GPs, Dr Maureen Baker has told Pulse.",
        "Dr Baker won by 37 votes against Dr Steve Mowle\u2019s 21 votes. "
        "She was announced chair after the board found an error with Dr "
        "Mowle\u2019s application.",
        "She said: \u2018There are a number of major challenges.\u2019",
        "Meanwhile Dutchman Peter Wessels lost. \u201cI played well,\u201d "
        "he said."},
       "Maureen Baker|Peter Wessels",
       "Maureen Baker: There are a number of major challenges.|Peter Wessels: "
       "I played well"},
      // A woman named in passing is who "she" means; a man named in
      // passing is not who "he" means.
      {{"Sergio Gera told the programme he had found his brother.",
        "One woman, Victoria Lapete, found her sister on the show. "
        "\u201cWe started to cry,\u201d she said.",
        "The bishop praised the novel by Dan Brown. \u201cIt is fun,\u201d "
        "he said."},
       "Sergio Gera|Victoria Lapete",
       "Victoria Lapete: We started to cry|Sergio Gera: It is fun"},
      // A section label before a colon is not the sentence's subject.
      {{"Dr Ian Lowe chaired the meeting.",
        "WORKFORCE: Dr Lowe has resigned, claiming he was \u201cseen as a "
        "hindrance\u201d."},
       "Ian Lowe",
       "Ian Lowe: seen as a hindrance"},
      // Capitalised words after "of" and a capitalised word end an
      // organisation's name, not a person's; "CEO" is a role.
      {{"Julia Scott, CEO of the Royal College of Occupational Therapists "
        "said: \u201cWe have documented examples.\u201d",
        "\u201cIt is a deficit,\u201d said the Institute of Fiscal "
        "Studies."},
       "Julia Scott",
       "Julia Scott: We have documented examples.|Institute of Fiscal "
       "Studies: It is a deficit"},
      // What someone speculates, quoted, is theirs.
      {{"But Mr Anandaciva also speculated that the teams could go, as they "
        "are \u2018not one of the statutory functions\u2019."},
       "Anandaciva",
       "Anandaciva: not one of the statutory functions"},
      // A sentence quoted after a sentence about a titled person or "she",
      // in a paragraph no verb reports in, is theirs; not after one about
      // someone named in passing.
      {{"Trust chief executive Maggie Donovan made her comments after a "
        "review.",
        "Ms Donovan recognised that the problems needed investment. 'The "
        "financial problems facing the trust are historical.'",
        "Armand Marie Leroi, a lecturer, scooped the prize. \"It is "
        "profoundly cultured and beautifully written.\""},
       "Maggie Donovan",
       "Maggie Donovan: The financial problems facing the trust are "
       "historical."},
      // The lede's office is the next paragraph's first person even when
      // someone was named before, while nobody has been quoted.
      {{"Rock star Ozzy Osbourne has said his family will make no more "
        "episodes.",
        "\"At the end of it I didn't like having cameras around,\" the "
        "Black Sabbath singer told reporters.",
        "Ozzy Osbourne said he had had enough of the work."},
       "Ozzy Osbourne",
       "Ozzy Osbourne: At the end of it I didn't like having cameras "
       "around"},
      // Words sent from someone, quoted after, are theirs.
      {{"Dr Richard Vautrey echoed a warning from NHS England chief "
        "executive Simon Stevens this week that the budget is 'simply too "
        "small'."},
       "Simon Stevens",
       "Simon Stevens: simply too small"},
      // "Brian and Nicola Valentine": both have the surname.
      {{"Brian and Nicola Valentine, from Shotton, joined the fight.",
        "Brian, 36, said: \u201cIt was a life-saver.\u201d"},
       "Brian Valentine",
       "Brian Valentine: It was a life-saver."},
      // A caption: a person "on" a subject, then the quote after a colon.
      {{"Chief executive Matthew Trainer on the trust's performance: 'Too "
        "many people are waiting for too long.' - Credit: BHRUT"},
       "Matthew Trainer",
       "Matthew Trainer: Too many people are waiting for too long."},
      // "slammed" quotes; a progressive after a name and its role in
      // apposition reports for the name.
      {{"Health spokesman Jackson Carlaw slammed the delays as "
        "\u201cunacceptable\u201d.",
        "Unison called on members to stand up to the cuts, with Dave Prentis, "
        "general secretary, saying that the government \u201cwon\u2019t know "
        "what hit them\u201d.",
        "Business executive Jim Bracke said the steam blasts felt like "
        "\u201cwarm water\u201d."},
       "Jackson Carlaw|Dave Prentis|Jim Bracke",
       "Jackson Carlaw: unacceptable|Dave Prentis: won\u2019t know what hit "
       "them|Jim Bracke: warm water"},
      // Someone named in what "he stressed" is not who the next "he" is.
      {{"Council leader Shaun Davies said it was a \"trust in crisis\".",
        "He stressed that the trust needs a rescue plan and Health Secretary "
        "Matt Hancock needs to show an interest.",
        "He added: \"What we need now is a stronger team.\""},
       "Shaun Davies",
       "Shaun Davies: trust in crisis|Shaun Davies: What we need now is a "
       "stronger team."},
      // "hit out" and "lashed out" report the quote after them.
      {{"Darren Millar, AM for Clwyd West, hit out that it shouldn\u2019t "
        "have taken a review to \u201cdo the right thing.\u201d",
        "Dr Jane Lee lashed out at the \u2018shambolic\u2019 plans."},
       "Darren Millar|Jane Lee",
       "Darren Millar: do the right thing.|Jane Lee: shambolic"},
      // "Coun" is a councillor's title; "Reader" and "Resident" opening a
      // sentence before a name are what the person is.
      {{"Councillor Bob Wright spoke.",
        "Coun Wright added: \u201cIt was a crisis.\u201d",
        "Reader Paul Biggs said: \"Charges are a tax.\"",
        "Resident Ann Lee said: \"We were never asked.\""},
       "Bob Wright|Paul Biggs|Ann Lee",
       "Bob Wright: It was a crisis.|Paul Biggs: Charges are a tax.|Ann Lee: "
       "We were never asked."},
      // The plural of a body's word is a surname after a title or a
      // common given name; a hospital named for a person is not one.
      {{"Witney MP Robert Courts has said the CCG must learn lessons.",
        "Mr Courts said: \u201cI am disappointed.\u201d",
        "\u201cWe are full,\u201d Queen Elizabeth Hospital said."},
       "Robert Courts",
       "Robert Courts: I am disappointed.|Queen Elizabeth Hospital: We are "
       "full"},
      // A dot inside a word ("BA.4", "OptInRealBig.com") ends no sentence.
      {{"Rob Harrison is chief executive.",
        "Mr Harrison said the BA.4 and BA.5 variants were \u201csignificantly "
        "increasing\u201d case numbers."},
       "Rob Harrison",
       "Rob Harrison: significantly increasing"},
      // "Will" before a surname is a given name; not a question's verb.
      {{"Staff were \"desperately trying to do the job\", said Will "
        "Warrender.",
        "Will the plan work? \"We doubt it,\" Mr Warrender said."},
       "Will Warrender",
       "Will Warrender: desperately trying to do the job|Will Warrender: We "
       "doubt it"},
      // A closing mark typed for an opening one, at a paragraph's start or
      // after a colon, opens a quote.
      {{"Mr Hunt had said in a statement to Parliament: \u2019Following the "
        "election, the committee refused to discuss reforms.",
        "\u2019Talks did finally start in November.\u2019",
        "Jingyuan Fu led the study.",
        "\u201dFor more complex food, we don\u2019t know the answer,\u201d "
        "Fu said."},
       "Hunt|Jingyuan Fu",
       "Hunt: Following the election, the committee refused to discuss "
       "reforms.|Hunt: Talks did finally start in November.|Jingyuan Fu: For "
       "more complex food, we don\u2019t know the answer"},
      // "which said" goes on with the person the statement is from.
      {{"The CCG has released a statement from Professor Steve Cox, which "
        "said: \u201cI wish the CCG every success.\u201d"},
       "Steve Cox",
       "Steve Cox: I wish the CCG every success."},
      // A caption's quote after a colon, with a stray space after the mark.
      {{"Dr Richard Vautrey chairs the GP committee.",
        "Dr Vautrey: ' Pooling budgets is usually an excuse.\u2019"},
       "Richard Vautrey",
       "Richard Vautrey: Pooling budgets is usually an excuse."},
      // An opening phrase of time is not the subject ("For X, ..." is);
      // a name and a role after a dash head the quotes after them.
      {{"In April, health secretary Jeremy Hunt gave his backing to the GPs, "
        "telling them to \u2018be brave\u2019.",
        "For Mette Kristensen, one of the study\u2019s authors, the message "
        "seems clear: \u201cIf you comply, you lose weight.\u201d",
        "Sue Jennings \u2013 practice manager at Teams Medical Practice, "
        "Gateshead",
        "\u2018I\u2019m definitely in favour of practices forming "
        "networks.\u2019"},
       "Jeremy Hunt|Mette Kristensen|Sue Jennings",
       "Jeremy Hunt: be brave|Mette Kristensen: If you comply, you lose "
       "weight.|Sue Jennings: I\u2019m definitely in favour of practices "
       "forming networks."},
      // Thanks given before a colon are the giver's words.
      {{"Pharmacy minister Jo Churchill spoke at the conference.",
        "She thanked pharmacy teams for their efforts during the crisis: "
        "\u201cNow more than ever, people recognise how valuable pharmacy "
        "is.\u201d"},
       "Jo Churchill",
       "Jo Churchill: Now more than ever, people recognise how valuable "
       "pharmacy is."},
      // A caption's name run into the caption is one name.
      {{"Health secretary announces a fifth wave Andrew Lansley Andrew "
        "Lansley has urged managers to \"regain the momentum\"."},
       "Andrew Lansley",
       "Andrew Lansley: regain the momentum"},
      // A round-up of reactions: a line naming a person and a role heads
      // the quotes after it; a reporter's byline does not.
      {{"Jo Carlowe, health correspondent",
        "\u201cThe plans are bold,\u201d one GP said.",
        "Su Long, Bolton CCG chief officer",
        "\u201cWe need transformation and delivery from general "
        "practice.\u201d",
        "She said the powers would be used to \u201ccommission for higher "
        "standards\u201d.",
        "Chris Ham, King\u2019s Fund chief executive",
        "\u201cThere is a strong argument for closer involvement.\u201d"},
       "Su Long|Chris Ham",
       "Su Long: We need transformation and delivery from general practice.|"
       "Su Long: commission for higher standards|Chris Ham: There is a strong "
       "argument for closer involvement."},
      // What someone reveals, quoted, is theirs; not what talks revealed
      // in someone's report.
      {{"Cynthia Bower, the CQC chief executive, spoke to MPs. She also "
        "revealed the CQC planned a \u201cmassive increase\u201d in "
        "inspectors.",
        "Carib Chief Charles Williams said talks revealed there was \"a "
        "strong element of cannibalism\"."},
       "Cynthia Bower|Charles Williams",
       "Cynthia Bower: massive increase|Charles Williams: a strong element of "
       "cannibalism"},
      // A role's head alone names the one person who has it ("The RCGP
      // chair" after "college chair Professor Martin Marshall").
      {{"College chair Professor Martin Marshall told MPs he had heard "
        "calls for this.",
        "His comments came after health secretary Sajid Javid said it was "
        "\u2018high time\u2019.",
        "The RCGP chair told the committee that GPs try to meet patients' "
        "preference.",
        "However, he told MPs: \u2018There are people who like remote "
        "care.\u2019"},
       "Martin Marshall|Sajid Javid",
       "Sajid Javid: high time|Martin Marshall: There are people who like "
       "remote care."},
      // A quote opening with an editor's bracket is a sentence; a quote
      // opening a paragraph goes on with the last paragraph's speaker, not
      // with a colon that introduces a quote of its own.
      {{"Claire Ward is chair of Pharmacy Voice. \"The letter has no evidence "
        "behind it,\" she says. \"[The letter] doesn't recognise that "
        "change has already taken place.\"",
        "\"When the officers left, all the papers were scattered,\" Mr "
        "Sukul said.",
        "\"(When they went) back to make the seizure, every paper was "
        "sealed.\" Interrupting him, Mr Mawrey said: \"You are saying it "
        "was a factory.\""},
       "Claire Ward|Sukul|Mawrey",
       "Claire Ward: The letter has no evidence behind it|Claire Ward: [The "
       "letter] doesn't recognise that change has already taken place.|Sukul: "
       "When the officers left, all the papers were scattered|Sukul: (When "
       "they went) back to make the seizure, every paper was sealed.|Mawrey: "
       "You are saying it was a factory."},
      // "the chief inspector of hospitals" is an office; the name before
      // the colon of "told ...:" is whom, not who.
      {{"One medical director has \u201cfallen on their sword\u201d, the "
        "chief inspector of hospitals has said.",
        "Sir Mike Richards added that the regime had changed.",
        "He told the dinner organised by headhunters Odgers Berndtson: "
        "\u201cI think that may happen more.\u201d"},
       "Mike Richards",
       "Mike Richards: fallen on their sword|Mike Richards: I think that may "
       "happen more."},
      // A progressive right after a name reports for that person.
      {{"Despite GPC chairman Dr Richard Vautrey assuring GPs that \u2018no "
        "practices will go down\u2019, Dr Drage said practices were in "
        "danger.",
        "Paris was subdued, with finance minister Herve Gaymard telling "
        "parliament: \"We must continue.\""},
       "Richard Vautrey|Drage|Herve Gaymard",
       "Richard Vautrey: no practices will go down|Herve Gaymard: We must "
       "continue."},
      // A body's office in the lede ("the BMA's GP leader") is the person
      // the next paragraph names; a song is not a person; "implored" quotes.
      {{"The British Medical Association\u2019s GP leader has launched an "
        "attack on the Act, saying it \u201crisks endangering the NHS\u201d.",
        "In a speech today, Dr Laurence Buckman warned that GPs will leave.",
        "Liverpool GP Andrew Taylor said general practice was dying.",
        "He quoted Joni Mitchell\u2019s song Big Yellow Taxi.",
        "And he implored the conference: \u2018Don\u2019t let politicians "
        "destroy it.\u2019"},
       "Laurence Buckman|Andrew Taylor",
       "Laurence Buckman: risks endangering the NHS|Andrew Taylor: Don\u2019t "
       "let politicians destroy it."},
      // "went on to say" reports for the subject; "The England coach" is
      // a role, not the body England.
      {{"Jeremy Hunt said the plan worked.",
        "He went on to say that he \u2018recognised a problem\u2019 with "
        "GP premises.",
        "England coach Andy Robinson is facing disciplinary action.",
        "The England coach went on to claim that \"only one side was "
        "refereed\"."},
       "Jeremy Hunt|Andy Robinson",
       "Jeremy Hunt: recognised a problem|Andy Robinson: only one side was "
       "refereed"},
      // Some outlets call a speaker by the given name; not a firm named
      // like a person. A possessive's owner is not the subject.
      {{"Midwife numbers fell, which Gill Walton described as \u201chugely "
        "worrying\u201d.",
        "\u201cHaving the right staff is essential,\u201d said Gill.",
        "Shares in Novo Nordisk rose. \u201cIt is significant,\u201d Novo "
        "said.",
        "In July Amanda Champion's killer was jailed.",
        "Amanda's uncle, Lewis Champion, told the BBC Ford did not deserve "
        "any credit, saying: \"Nothing at all is worth it.\"",
        "Colin Maclean stepped down.",
        "Mr Maclean\u2019s statement read: \u201cI am very proud.\u201d"},
       "Gill Walton|Lewis Champion|Colin Maclean",
       "Gill Walton: hugely worrying|Gill Walton: Having the right staff is "
       "essential|Lewis Champion: Nothing at all is worth it.|Colin "
       "Maclean: I am very proud."},
      // A role with a lower-case modifier, then the name after a comma.
      {{"The deal \u2018wasn\u2019t the best way to do it\u2019, said "
        "Londonwide LMCs joint chief executive, Dr Michelle Drage."},
       "Michelle Drage",
       "Michelle Drage: wasn\u2019t the best way to do it"},
      // A long apposition between the name and its verb.
      {{"Kay Marsh, practice manager at a surgery in Leeds and one of the "
        "founding members of the new representative body, told the magazine "
        "that the ‘virtual panel’ would meet monthly."},
       "Kay Marsh",
       "Kay Marsh: virtual panel"},
      // A person from a body described by a lower-case noun; not any word
      // before the verb.
      {{"Cllr Helen Brown from the Flintshire Independents group said: "
        "\u201cWe call on Welsh Government to act.\u201d",
        "Thomas Schneider of Berlin Charite hospital and colleagues said: "
        "\"It is a cure.\"",
        "People on Bells Line of Road are told: \"Leave tonight.\""},
       "Helen Brown|Thomas Schneider",
       "Helen Brown: We call on Welsh Government to act.|Thomas Schneider: It "
       "is a cure."},
      // The name between dashes after a role; ", asking" reports but
      // "are asking" does not; a party before the name in apposition.
      {{"The vice chair of the college in Northern Ireland \u2013 Dr Michael "
        "Perry \u2013 said it was \u201cimpossible to man\u201d.",
        "Patients are asking about it and want drugs \"that work\".",
        "The committee's convener, Labour's Neil Findlay, quizzed Mr Gray, "
        "asking if it was a \"glowing endorsement\"."},
       "Michael Perry|Neil Findlay",
       "Michael Perry: impossible to man|Neil Findlay: glowing endorsement"},
      // A participle of speech after a dash.
      {{"Trafford MP Kate Green has raised the problems in parliament "
        "\u2013 warning of a 'collapse of public confidence'."},
       "Kate Green",
       "Kate Green: collapse of public confidence"},
      // A capitalised office is the person who holds it, or adds to the
      // last speaker's words; a body named like one is a body.
      {{"Gordon Brown said yesterday that he backed the campaign.",
        "The Prime Minister added: \"The NHS has improved a lot.\"",
        "Health Secretary Victoria Atkins spoke at the conference.",
        "The Health Secretary said: \"It doesn't just belong to us.\"",
        "The Scottish Executive has insisted his comments were \"a "
        "recognition that people will get drunk\"."},
       "Gordon Brown|Victoria Atkins",
       "Gordon Brown: The NHS has improved a lot.|Victoria Atkins: It doesn't "
       "just belong to us.|Scottish Executive: a recognition that people will "
       "get drunk"},
      // A quote opening a paragraph after one about a named person with a
      // role is theirs, not the last speaker's.
      {{"Martin Vye, a former councillor, said: \"It is bad.\"",
        "Peggy Pryer, a nurse with decades of experience in east Kent "
        "hospitals, also condemned the trust\u2019s position.",
        "\u201cIf they close it, people will die.\u201d"},
       "Martin Vye|Peggy Pryer",
       "Martin Vye: It is bad.|Peggy Pryer: If they close it, people will "
       "die."},
      // A body's office without "the", named in the next paragraph.
      {{"GPs will consider \u2018radical\u2019 changes, NHS England\u2019s "
        "chief executive has said.",
        "Simon Stevens said general practice will change."},
       "Simon Stevens",
       "Simon Stevens: radical"},
      // A quote left open at the end, however short, runs on.
      {{"Matthew Taylor, chief executive of the NHS Confederation, told "
        "Times Radio that it was hard.",
        "\u201cThe two things were critical,\u201d he said. \u201cI think "
        "we"},
       "Matthew Taylor",
       "Matthew Taylor: The two things were critical|Matthew Taylor: I think "
       "we"},
      // An unnamed MP described by party is not the party; a named one
      // speaks.
      {{"A senior Conservative MP has hit out at the Government\u2019s "
        "\u201cdisingenuous\u201d use of statistics.",
        "Totnes MP Sarah Wollaston said it was \u201cwrong\u201d."},
       "Sarah Wollaston",
       "Sarah Wollaston: wrong"},
      // The speaker before a list speaks after it.
      {{"Professor Martin Marshall said: \u2018It is a privilege.\u2019",
        "He said there would be a series of themes to the work:",
        "A robust call to recruit and retain more GPs",
        "Practical help to realise new ways of working",
        "\u2018With an average consultation time of ten minutes, many of us "
        "struggle.\u2019"},
       "Martin Marshall",
       "Martin Marshall: It is a privilege.|Martin Marshall: With an average "
       "consultation time of ten minutes, many of us struggle."},
      // A standfirst quotes the person before the lede names the office.
      {{"Ruth May says nursing must be \u201cvalued\u201d",
        "Nursing will take \u201cits rightful place\u201d, the new chief "
        "nursing officer for England has said.",
        "In her first speech, Ruth May also said nurses should be valued."},
       "Ruth May",
       "Ruth May: valued|Ruth May: its rightful place"},
      // The owner of a message that "was:" a quote, named or "his".
      {{"Steve Barclay, the health secretary, met them.",
        "A source said Mr Barclay\u2019s opening message to the meeting was: "
        "\u201cI want to work with you.\u201d",
        "His answer was: \u201cThis is my priority.\u201d"},
       "Steve Barclay",
       "Steve Barclay: I want to work with you.|Steve Barclay: This is my "
       "priority."},
      // A given name alone after a quote is someone; not when a surname
      // is known by the word.
      {{"\u201cI was looking after two very sick patients,\u201d says "
        "Janet, who works in a hospital.",
        "Piers Morgan, the presenter, spoke next.",
        "\"It was startling,\" said Morgan."},
       "Janet|Piers Morgan",
       "Janet: I was looking after two very sick patients|Piers Morgan: It "
       "was startling"},
      // A name, then the role of a body without a comma.
      {{"Responding to the announcement, Matthew Taylor chief executive of "
        "the NHS Confederation said:",
        "\u201cLeaders have taken great strides.\u201d"},
       "Matthew Taylor",
       "Matthew Taylor: Leaders have taken great strides."},
      // The lede's office named as the next paragraph's subject; "by
      // saying" after a concession; not when a verb already reported.
      {{"Nurses need a \u201cculture of using hard evidence\u201d, the chief "
        "nursing officer for England has said.",
        "Jane Cummings set out these aims in a statement.",
        "Despite the claim that the royal colleges support his plans, RCGP "
        "chair Dr Maureen Baker took a stronger tone by saying GPs are "
        "\u2018being pushed to our limits\u2019.",
        "The lead PI on this study, Professor Vitor Pereira, concluded by "
        "saying, \"By reducing transfer times, patients can be treated "
        "sooner\"."},
       "Jane Cummings|Maureen Baker|Vitor Pereira",
       "Jane Cummings: culture of using hard evidence|Maureen Baker: being "
       "pushed to our limits|Vitor Pereira: By reducing transfer times, "
       "patients can be treated sooner"},
      // An indefinite office in the lede, before anyone is named, is held
      // by the next paragraph's subject, named with a role in apposition;
      // its role finds them later. After the lede, "a nurse" is anonymous.
      {{"A hospital boss has apologised for \"unacceptable\" delays at the "
        "infirmary.",
        "Jon Melbourne, chief operating officer at the trust, made the "
        "statement at a committee.",
        "\"We are sorry,\" the hospital boss said.",
        "A nurse said the department was \"chaos\"."},
       "Jon Melbourne",
       "Jon Melbourne: unacceptable|Jon Melbourne: We are sorry"},
      // The subject opening the paragraph holds the lede's office, even
      // with an honorific and another person reported after it; a
      // newspaper's title in a caption before the lede is nobody.
      {{"Liverpool has one of the highest rates of coronavirus in England. "
        "Credit: Liverpool Echo",
        "Hospitals are \u2018dangerously close to being overwhelmed\u2019 "
        "warns the Medical Director of the city's main NHS Trust.",
        "Dr Tristan Cope was responding to an article by the editor of the "
        "Spectator, Frazer Nelson, who suggested that the debate was a "
        "\u2018politicised\u2019 one."},
       "Frazer Nelson|Tristan Cope",
       "Tristan Cope: dangerously close to being overwhelmed|Frazer Nelson: "
       "politicised"},
      // A body's person after "said the ...'s"; a newspaper's word inside a
      // person's name; a body's report after the possessive.
      {{"\"I'm pretty sure,\" said the Observer's Philip French.",
        "\"They were covering me up,\" said Valerie Echo Duckett.",
        "Women are at risk, according to the Society's Endocrine Facts and "
        "Figures Report.",
        "A letter seen by the Express said \"it is bad\"."},
       "Philip French|Valerie Echo Duckett",
       "Philip French: I'm pretty sure|Valerie Echo Duckett: They were "
       "covering me up"},
      // A role before the name after an opening phrase, the name the
      // verb's subject: "he" is that person.
      {{"Addressing board members at their meeting, chief executive of the "
        "service, Jason Killens expressed his concerns about the delays.",
        "He said: \u201cThe current position is of concern.\u201d"},
       "Jason Killens",
       "Jason Killens: The current position is of concern."},
      // A relative clause ending in a body after a preposition, the
      // closing comma left out; a capitalised role before "at".
      {{"Cardiff Council member Rhys Taylor has called for answers.",
        "Cllr Taylor, who is also the group leader for the Liberal Democrats "
        "at Cardiff Council said: \u201cWe cannot go on.\u201d",
        "Jennifer Dixon, Chief Executive at the Health Foundation said:",
        "\u2018There is much that is encouraging.\u2019"},
       "Rhys Taylor|Jennifer Dixon",
       "Rhys Taylor: We cannot go on.|Jennifer Dixon: There is much that is "
       "encouraging."},
      // A woman named in passing, whose given name says so, is "she".
      {{"A week after Donna Ockenden published her damning report, she was "
        "contacted by families.",
        "\u201cSome have expressed concerns,\u201d she tells the Times."},
       "Donna Ockenden",
       "Donna Ockenden: Some have expressed concerns"},
      // A manner of speaking reports the quote before it.
      {{"Andy Burnham became Health Secretary in June 2009.",
        "James Purnell had quit two days earlier.",
        "\u201cI arrived at the Department of Health on 5 June,\u201d Mr "
        "Burnham laughs when reflecting on his first days."},
       "Andy Burnham",
       "Andy Burnham: I arrived at the Department of Health on 5 June"},
      // A reporting verb after "and" has the sentence's subject, who is
      // then no one named in passing: "He said" is his.
      {{"Chief executive Phil Milligan failed to provide assurances.",
        "Neil Cooper also attended the meeting and agrees that a new "
        "service is required.",
        "He said: \u201cEMAS is not fit for purpose.\u201d"},
       "Neil Cooper",
       "Neil Cooper: EMAS is not fit for purpose."},
      // A summary's points, with no full stop, may come before the lede
      // however many they are.
      {{"Chris Hopson describes winter pressure as \u201ctest\u201d",
        "NHS Providers chief calls for leaders to \u201cstep up\u201d",
        "Treasury attitude to pensions is \u201cunfair\u201d, he adds",
        "Changing the culture will be a \u201cclear test\u201d, the chief "
        "executive of NHS Providers has said.",
        "In an interview with HSJ, Chris Hopson said members were "
        "\u201ccommitted\u201d."},
       "Chris Hopson",
       "Chris Hopson: test|Chris Hopson: unfair|Chris Hopson: clear "
       "test|Chris Hopson: committed"},
      // A body's office in the lede, named with its holder paragraphs
      // later; a body or an office after "with" before "saying".
      {{"Chancellor Philip Hammond has come under fire, with the head of "
        "the NHS Confederation saying it was \"disappointing\".",
        "The Local Government Association said it was \"real\".",
        "Councils have warned of cuts.",
        "NHS Confederation chairman Stephen Dorrell said more was needed."},
       "Stephen Dorrell",
       "Stephen Dorrell: disappointing|Local Government Association: real"},
      {{"The Government needs to provide an \u2018immediate "
        "injection\u2019 of \u00a3750m, the head of the RCGP has announced.",
        "The announcement comes as the annual conference begins.",
        "It is held in Glasgow this year.",
        "RCGP chair Professor Maureen Baker will outline the demands."},
       "Maureen Baker",
       "Maureen Baker: immediate injection"},
      // "hints from X that", "spoke of": the quote right after; not one
      // far on in the sentence.
      {{"The government has faced criticism over hints from prime minister "
        "Boris Johnson that the NHS would be set new \u201ctough\u201d "
        "targets.",
        "Jonathan Baume spoke of \"competing agendas\" between them.",
        "Then he talks of those eyes, of girls advancing before the finale "
        "of a shout of \"free education for all\"."},
       "Boris Johnson|Jonathan Baume",
       "Boris Johnson: tough|Jonathan Baume: competing agendas"},
      // A heading's speaker, a colon and their words in brief.
      {{"The conference opened with a debate on funding.",
        "Dr Alex Freeman: GPs 'squeezed harder and harder'",
        "He told the conference general practice was under pressure."},
       "Alex Freeman",
       "Alex Freeman: squeezed harder and harder"},
      // An inspector's rating in a sentence about ratings is a term; the
      // same word praising someone is speech.
      {{"Dr Sheila Shribman, who chaired the CQC team, said they had found "
        "nothing inadequate, the lowest of four ratings topped by "
        "\u2018outstanding\u2019, with \u2018good\u2019 second.",
        "Health Minister Mike Nesbitt said he paid tribute to staff for "
        "their \u201coutstanding\u201d work.",
        "Jeremy Hunt said the 11 trusts placed into \u201cspecial "
        "measures\u201d will be required to act.",
        "He said a trust being rated inadequate for \u201cwell led\u201d "
        "was not doomed."},
       "Sheila Shribman|Mike Nesbitt|Jeremy Hunt",
       "Mike Nesbitt: outstanding"},
      // "his paper argued" is the man last named; an MLA is a role before
      // a name, who is then no one named in passing.
      {{"In a report, Mr David Bennett admitted there were \u201creal "
        "conflicts\u201d.",
        "\u201cMonitor will have difficult decisions to make,\u201d his "
        "paper argued.",
        "The meeting was called at the request of Upper Bann MLA Jo-Anne "
        "Dobson.",
        "She said: \"This issue needs to be urgently resolved.\""},
       "David Bennett|Jo-Anne Dobson",
       "David Bennett: real conflicts|David Bennett: Monitor will have "
       "difficult decisions to make|Jo-Anne Dobson: This issue needs to be "
       "urgently resolved."},
      // A person introduced with a relative clause, in a paragraph of one
      // sentence of narrative, speaks the quote that opens the next.
      {{"Gary Bowman, who lives on the tenth floor of a tower block, "
        "suffered chest pains at his home and called 111.",
        "\"As soon as they got me to Derriford they took me in.\""},
       "Gary Bowman",
       "Gary Bowman: As soon as they got me to Derriford they took me in."},
      // "he" a few words after a man's name opening the sentence is his,
      // though he is named in passing; not a gerund's object's.
      {{"Niall Dickson has only been at what he describes as the "
        "\u2018waterfront of healthcare organisations\u2019 since January.",
        "Praising Celtic and Rangers for their work, she said: \"It is "
        "good.\""},
       "Niall Dickson",
       "Niall Dickson: waterfront of healthcare organisations"},
      // "summarised" reports.
      {{"Niall Dickson told the audience the numbers were an opportunity.",
        "Rallying support, he summarised: \u2018In these uncertain times, "
        "we need to be united.\u2019"},
       "Niall Dickson",
       "Niall Dickson: In these uncertain times, we need to be united."},
      // The lede's holder after an opening participle's phrase; "pointed
      // to" a quote.
      {{"NHS performance is \u201cmiddling\u201d, the chief executive of "
        "the Health Foundation has said.",
        "Addressing the lecture in London yesterday, Dr Jennifer Dixon, head "
        "of the Health Foundation, pointed to a \u201cbleedin\u2019 "
        "obvious\u201d lack of funding."},
       "Jennifer Dixon",
       "Jennifer Dixon: middling|Jennifer Dixon: bleedin\u2019 obvious"},
      // A given name before ", who" is the person's; "MS" after a name.
      {{"Dyfed Edwards has been appointed as the Chair of the Health Board.",
        "Following the announcement, Dyfed, who is a former leader of "
        "Gwynedd Council, said: \"It is an honour.\"",
        "Shadow Minister for North Wales, Darren Millar MS said: \"It is a "
        "key appointment.\""},
       "Dyfed Edwards|Darren Millar",
       "Dyfed Edwards: It is an honour.|Darren Millar: It is a key "
       "appointment."},
      // "More" as a surname, not a link's "Read More".
      {{"Dr Mike More, chair of CUH, which runs Addenbrooke\u2019s Hospital, "
        "said the next phase will be \u201cmuch more complex\u201d.",
        "Read More", "\"It is hard,\" he said."},
       "Mike More",
       "Mike More: much more complex|Mike More: It is hard"},
      // A paper's reader before a name is a role.
      {{"\"The NHS has worked their socks off,\u201d said Star reader Shiree "
        "Varley.",
        "\"They are worn out,\u201d said reader Maureen Downs."},
       "Shiree Varley|Maureen Downs",
       "Shiree Varley: The NHS has worked their socks off|Maureen Downs: They "
       "are worn out"},
      // After "by", the nearer clause's "he"; ", citing" quotes.
      {{"Dyfed Edwards, the chairman, spoke.",
        "Janet Finch-Saunders has criticised the chairman after he "
        "reprehended politicians by suggesting \u201cnoise\u201d was "
        "\u201cunacceptable\u201d.",
        "Its chief executive Keith McNeil stepped down last week, citing "
        "\u201ca number of very serious challenges\u201d."},
       "Janet Finch-Saunders|Dyfed Edwards|Keith McNeil",
       "Dyfed Edwards: noise|Dyfed Edwards: unacceptable|Keith McNeil: a "
       "number of very serious challenges"},
      // A person from a body described before its name.
      {{"Patrick Mulholland from public service union Nipsa said closing it "
        "\"will create havoc\"."},
       "Patrick Mulholland",
       "Patrick Mulholland: will create havoc"},
      // A name after a sentence's own "He" is not the next "he"; within
      // the sentence it is, and a quote's "He" is not the sentence's.
      {{"Dr Chaand Nagpaul warned the Government that its plans would fail.",
        "He defeated GPC deputy chair Dr Vautrey and others.",
        "Asked how the strategy would change, he said: \u2018The Government "
        "will change.\u2019",
        "\"He was shaken,\" said Everton spokesman Ian Ross. He added: \"He "
        "did speak to the police.\""},
       "Chaand Nagpaul|Ian Ross",
       "Chaand Nagpaul: The Government will change.|Ian Ross: He was "
       "shaken|Ian Ross: He did speak to the police."},
      // "The MP" is the one named with the role.
      {{"Redcar MP Anna Turley spoke.",
        "The MP said: \u201cThis is a hollow sham.\u201d"},
       "Anna Turley",
       "Anna Turley: This is a hollow sham."},
      // "The letter continues" after someone "writes": the writer's.
      {{"Ms Jane Cummings writes: \u2018The Board has noted increased "
        "readiness.\u2019",
        "The letter continues: \u2018I am now content for it to "
        "proceed\u2019.",
        "It concludes: \u2018The Board stands ready.\u2019"},
       "Jane Cummings",
       "Jane Cummings: The Board has noted increased readiness.|Jane "
       "Cummings: I am now content for it to proceed|Jane Cummings: The "
       "Board stands ready."},
      // "what Mrs May suggests" is inside the reported clause: not a
      // speaker, nor the next "she".
      {{"Sarah Wollaston spoke.",
        "The former GP, 54, stated that the real figure is less than what "
        "Mrs May suggests.",
        "'It's only \u00a310billion if you move the goalposts,' she told The "
        "Times."},
       "Sarah Wollaston",
       "Sarah Wollaston: It's only \u00a310billion if you move the "
       "goalposts"},
      // A titled surname, then the role without its closing comma.
      {{"Staff were \"desperately trying\", said Will Warrender.",
        "Mr Warrender, the service's chief executive told the BBC: \"Response "
        "times will return.\""},
       "Will Warrender",
       "Will Warrender: desperately trying|Will Warrender: Response times "
       "will return."},
      // "the regulator's chief executive": an office of a body named by a
      // noun.
      {{"David Bennett has admitted Monitor is intervening more.",
        "Speaking to HSJ, the regulator\u2019s chief executive said trusts "
        "were \u201clargely autonomous\u201d.",
        "Mr Bennett said more evidence had been required."},
       "David Bennett",
       "David Bennett: largely autonomous"},
      // A stray space before a closing mark after punctuation.
      {{"Staff heard finance director Duncan Brodie warn of a deficit.",
        "'Our biggest concern at the moment is cash, ' he said.",
        "Committee chairman Edward Leigh said: \"There is a worrying "
        "tension. \"",
        "The committee's report also discussed the visas scandal."},
       "Duncan Brodie|Edward Leigh",
       "Duncan Brodie: Our biggest concern at the moment is cash|Edward "
       "Leigh: There is a worrying tension."},
      // The lede's office named two paragraphs on, past one that names
      // nobody new.
      {{"The trust's chief executive says it is \"failing\" patients.",
        "The Norfolk and Suffolk NHS Foundation Trust has faced criticism "
        "for years.",
        "And chief executive Jonathan Warren has described ending the "
        "practice as a \"top priority\"."},
       "Jonathan Warren",
       "Jonathan Warren: failing|Jonathan Warren: top priority"},
      // A stray comma between the subject and "said", after a name and
      // after a relative clause without its opening comma; not a
      // participle ("recalled in place of").
      {{"Shadow Health Secretary Miles Briggs, said he was \"very pleased\" "
        "with the fund.",
        "Dr Sarah Mongomery who chaired the review group, said it had been "
        "\"rigorous and comprehensive\".",
        "Szilard Nemeth, recalled in place of Job, was denied."},
       "Miles Briggs|Sarah Mongomery",
       "Miles Briggs: very pleased|Sarah Mongomery: rigorous and "
       "comprehensive"},
      // The closing comma of a relative clause left out, and a short aside
      // in brackets after the name; not a body's acronym in brackets, nor
      // a relative clause whose own verb quotes a book ("who co-wrote").
      {{"Angela Appleby, who has worked as a nurse for 34 years said: \"We "
        "don't want to strike.\"",
        "Councillor Georgia Power (Lab) said: \"It wasn't a surprise.\"",
        "The Lawyers' Christian Fellowship (LCF) said it would come by the "
        "\"back door\".",
        "Dr Jacky Davis, who co-wrote the book \u2018NHS SOS\u2019, was "
        "elected."},
       "Angela Appleby|Georgia Power",
       "Angela Appleby: We don't want to strike.|Georgia Power: It wasn't a "
       "surprise."},
      // A Welsh "ap" inside a name.
      {{"Plaid Cymru's spokesperson for health, Rhun ap Iorwerth MS said his "
        "party backed \u2018all workers fighting for fair pay\u2019."},
       "Rhun ap Iorwerth",
       "Rhun ap Iorwerth: all workers fighting for fair pay"},
      // A heading between a lede's office and its holder keeps its place
      // when the lede's quote is given to the holder.
      {{"Waits are \"horrendous\", the health secretary has said.",
        "\u2018Sorely missed\u2019",
        "Wes Streeting said staff were \"sorely missed\"."},
       "Wes Streeting",
       "Wes Streeting: horrendous|Wes Streeting: Sorely missed|Wes "
       "Streeting: sorely missed"},
      // A place after a noun is not the subject of the verb: the quotes
      // are the trust's, not a person "Greater Manchester"'s.
      {{"A hospital in Greater Manchester has declared a \"black alert\" due "
        "to \"heightened pressure,\" the Bolton NHS Foundation Trust has "
        "said."},
       "",
       "Bolton NHS Foundation Trust: black alert|Bolton NHS Foundation Trust: "
       "heightened pressure"},
      // A name, a comma and a role whose closing comma is left out: after
      // a possessive, or ending in a lower-case noun or a body's
      // possessive.
      {{"Kevin Baber, the hospital's CEO said: \"We are very sorry.\"",
        "Jonathan Fielden, chairman of the committee said \"There is a "
        "risk.\"",
        "Dr Jane Smith, chair of the BMA\u2019s consultants committee said: "
        "\u2018It is commissioning.\u2019"},
       "Kevin Baber|Jonathan Fielden|Jane Smith",
       "Kevin Baber: We are very sorry.|Jonathan Fielden: There is a "
       "risk.|Jane Smith: It is commissioning."},
      // A paragraph that is a quote and, after a dash, its speaker (a
      // round-up's heading over the full quote, an epigraph, a review):
      // the quotes after it are theirs; a name the words do not give
      // ("-- Some Goat") breaks the chain.
      {{"Pharmacy bodies reacted on Monday.",
        "\u201cThis is a bitter blow\u201d \u2013 Pharmacy Voice chair Claire "
        "Ward",
        "\u201cThis is a bitter blow to community pharmacy.\u201d",
        "\u201cA compelling approach.\u201d \u2014 Dan D\u2019Lyon, Plant "
        "Expert",
        "\u201cBAAAA!\u201d \u2014 Some Goat",
        "\u201cDeep into that darkness peering.\u201d -- Edgar Allan Poe"},
       "Claire Ward|Dan D'Lyon|Edgar Allan Poe",
       "Claire Ward: This is a bitter blow|Claire Ward: This is a bitter blow "
       "to community pharmacy.|Dan D'Lyon: A compelling "
       "approach.|Edgar Allan Poe: Deep into that darkness peering."},
      // ", who said" after a name and its role in apposition; a surname
      // before ", whose ..." is a person's.
      {{"This was the stark warning from Matthew Taylor, chief executive of "
        "the NHS Confederation, who said the government is \u201cliving in a "
        "fantasy land\u201d.",
        "Taylor, whose organisation represents hospitals, ambulance trusts, "
        "mental health care and GP services, said his members were issuing "
        "the \u201cstarkest warning\u201d."},
       "Matthew Taylor",
       "Matthew Taylor: living in a fantasy land|Matthew Taylor: starkest "
       "warning"},
      // Verbs that report the words they quote: "cited", "likened",
      // "mocked", "questioned", "apologised".
      {{"At Prime Minister's Questions, David Cameron cited \"a supportive "
        "GP\".",
        "Rifkin likened the challenge to a \"musical Rubik's cube\".",
        "Introducing the band, Bruce Springsteen mocked Bono as the man who "
        "\"single-handedly pioneered the Irish mullet\".",
        "Mr Springsteen apologised for \"a genuine mistake\"."},
       "David Cameron|Bruce Springsteen",
       "David Cameron: a supportive GP|Bruce Springsteen: single-handedly "
       "pioneered the Irish mullet|Bruce Springsteen: a genuine mistake"},
      // A given name alone opening the sentence before a description; a
      // place after a comma is not the speaker, but a person after "on
      // behalf of" is.
      {{"Clare, one of the nurses who joined the picket line in Hexham, "
        "said: \"None of us want to come out.\"",
        "Sue Sibbald, 48, of Norfolk Park, who lives with a disorder, said: "
        "\u201cMy worry is the wait.\u201d",
        "\"There is no single EU customs administration,\" a statement "
        "issued on behalf of Robert Zoellick, US Trade Representative, "
        "said."},
       "Clare|Sue Sibbald|Robert Zoellick",
       "Clare: None of us want to come out.|Sue Sibbald: My worry is the "
       "wait.|Robert Zoellick: There is no single EU customs administration"},
      // A heading in quote marks, one word or more, is the words of the
      // person who says them in the paragraphs after it; one nobody says
      // is nobody's.
      {{"The trust said: \"We apologise for the wait.\"",
        "\u2018Horrendous\u2019",
        "Those arriving by ambulance face the longest delays.",
        "David Wood told BBC Radio Devon their wait was \"horrendous\".",
        "\u2018No side effects\u2019",
        "Dr Stephen Kominsky has treated 400 patients. He says \u201cthe "
        "odds are better with the laser.\u201d"},
       "David Wood|Stephen Kominsky",
       "David Wood: Horrendous|David Wood: horrendous|Stephen Kominsky: the "
       "odds are better with the laser."},
      // Stacked honorifics in apposition to an office.
      {{"Chief Inspector of Hospitals, Professor Sir Mike Richards, said: "
        "\"The trust has a lot to be proud of.\""},
       "Mike Richards",
       "Mike Richards: The trust has a lot to be proud of."},
      // A common given name after a word of kinship.
      {{"Robert Liddell had a motorbike accident in May.",
        "His wife Susan says: \"Sometimes you're on hold for nearly an "
        "hour.\"",
        "She added: \"There's no point.\""},
       "Susan",
       "Susan: Sometimes you're on hold for nearly an hour.|Susan: There's no "
       "point."},
      // A preposition's object in the sentence's opening phrase is not its
      // "he", past an honorific too.
      {{"Viktor Makarov claims he has been betrayed.",
        "Oleg Gordievsky said he was \"very happy\" with the government.",
        "Commenting on Mr Makarov's case, he said: \"The British state is "
        "not a fat cow.\"",
        "Sir Thomas Hughes-Hallett said it was bad.",
        "In a letter sent to fellow bosses and to Mr Hunt, he warns: \"It is "
        "bad.\""},
       "Viktor Makarov|Oleg Gordievsky|Thomas Hughes-Hallett",
       "Oleg Gordievsky: very happy|Oleg Gordievsky: The British state is not "
       "a fat cow.|Thomas Hughes-Hallett: It is bad."},
      // Items after an attribution's colon quote its speaker; a full
      // quote after one is not an item.
      {{"Sir Thomas Hughes-Hallett chairs the group.",
        "In a letter to fellow hospital bosses, he warns of:",
        "A \u2018worsening financial crisis\u2019 leading to a \u2018crisis in "
        "care provision\u2019;",
        "\u2018Highly burdensome regulation\u2019 leading to \u2018abject "
        "confusion\u2019.",
        "Neena Modi said:",
        "\u201cThis statement is a stark indictment of current policy, and in "
        "saying \u201cthe crisis was predictable\u201d they make it clear."},
       "Thomas Hughes-Hallett|Neena Modi",
       "Thomas Hughes-Hallett: worsening financial crisis|Thomas "
       "Hughes-Hallett: crisis in care provision|Thomas Hughes-Hallett: "
       "Highly burdensome regulation|Thomas Hughes-Hallett: abject "
       "confusion|Neena Modi: This statement is a stark indictment of current "
       "policy, and in saying"},
      // "director at Silver Voices": where the role is held, not a person.
      {{"Dennis Reed, director at Silver Voices, a campaign group for "
        "over-60s, said the situation was \"completely unacceptable\".",
        "Matt Williams, a fund manager at Perpetual Trustees said it \"is "
        "definitely a precursor to a takeover\"."},
       "Dennis Reed|Matt Williams",
       "Dennis Reed: completely unacceptable|Matt Williams: is definitely a "
       "precursor to a takeover"},
      // A list after a person's colon goes on past an item that quotes
      // nothing; a heading's colon starts no list.
      {{"Jeremy Hunt gave an interview.",
        "Speaking to The Mail on Sunday in his study, Mr Hunt:",
        "Vowed he will not \u2018crumble\u2019 in his bid;",
        "Compared the dangers of too few doctors to flying without a "
        "co-pilot;",
        "Lambasted \u2018bullying\u2019 pro-strike doctors; and",
        "NOTES TO EDITORS:", "This study was funded by a foundation.",
        "[1] 'UbbLE' stands for 'UK Longevity Explorer'."},
       "Jeremy Hunt",
       "Jeremy Hunt: crumble|Jeremy Hunt: bullying"},
      // "demanded" reports the words it quotes.
      {{"But last night Stephen Dorrell, Health Secretary between 1995 and "
        "1997, demanded that he \u2018significantly change\u2019 his plans."},
       "Stephen Dorrell",
       "Stephen Dorrell: significantly change"},
      // A quote after "so-called" is a term.
      {{"Health Secretary Jeremy Miles told members that a number of "
        "so-called \"never events\" had caused \"unnecessary harm\"."},
       "Jeremy Miles",
       "Jeremy Miles: unnecessary harm"},
      // An emphatic "did" before a base form.
      {{"Despite putting their point, NHS West Kent's Wilson Bolsover did "
        "admit: \"I wouldn't choose to have my baby in a midwifery led "
        "unit.\""},
       "Wilson Bolsover",
       "Wilson Bolsover: I wouldn't choose to have my baby in a midwifery led "
       "unit."},
      // Parties named in Welsh and Irish are bodies; "Gael" is a person's.
      {{"The Conservatives said it was \"eye-brow raising\" while Plaid "
        "Cymru said it \"begs the question\" of control.",
        "\"This is my first win over a top 10 player,\" said Gael Monfils."},
       "Gael Monfils",
       "Conservatives: eye-brow raising|Plaid Cymru: begs the question|Gael "
       "Monfils: This is my first win over a top 10 player"},
      // "The 67-year-old said": the person last named, even in passing
      // when the name opened its sentence; not a film's title.
      {{"Practice manager George Ahad said the surgery may close.",
        "Lesley Croft, who lives with Parkinson\u2019s disease, voiced his "
        "worries.",
        "The 67-year-old said: \u201cIt would be a mobility issue for "
        "me.\u201d",
        "Dustin Hoffman has hit out at current films.",
        "The star of Rain Man said the culture was bad. The 67-year-old also "
        "said he lost his \"spark\" for acting."},
       "George Ahad|Lesley Croft|Dustin Hoffman",
       "Lesley Croft: It would be a mobility issue for me.|Dustin Hoffman: "
       "spark"},
      // Marks typed the wrong way round: an opening mark for an apostrophe
      // ("Practice‘s"), a closing one opening a quote that one closes.
      {{"In an email seen by Management in Practice\u2018s sister title "
        "Pulse, GPC chair Dr Richard Vautrey said that \u2018at this time, "
        "we would advise GPs not to engage\u2019.",
        "GPC England is due to have an \u2019emergency meeting\u2019 on "
        "Thursday, he added. Funding rose in the \u201990s."},
       "Richard Vautrey",
       "Richard Vautrey: at this time, we would advise GPs not to "
       "engage|Richard Vautrey: emergency meeting"},
      // "saying" with the comma left out, for a person; not a letter's.
      {{"Prime Minister Theresa May has apologised for the delay saying she "
        "knows it was \u201cdifficult, frustrating and disappointing.\u201d",
        "Lib Dem chairman Matthew Taylor has written to the watchdog saying: "
        "\"The advice we have received is clear.\"",
        "Officials sent a letter saying \"the rules have changed\"."},
       "Theresa May|Matthew Taylor",
       "Theresa May: difficult, frustrating and disappointing.|Matthew Taylor: "
       "The advice we have received is clear."},
      // ", saying" after a quote in its sentence: the subject before the
      // quote, after a one-word opener without its comma; not for a term
      // after "a" or "an".
      {{"Andrew Lansley, the Health Secretary, was heckled by a woman.",
        "Later the Health Secretary played down the incident as \"sticks and "
        "stones\", saying: \"The only thing that matters to me is the "
        "patients.\"",
        "Jeremy Hunt has joined criticism of a government \u2018rescue "
        "plan\u2019 - arguing \u2018sticking plaster\u2019 solutions will "
        "fail."},
       "Andrew Lansley|Jeremy Hunt",
       "Andrew Lansley: sticks and stones|Andrew Lansley: The only thing that "
       "matters to me is the patients.|Jeremy Hunt: sticking plaster"},
      // A role owned by a place: "England's chief nursing officer".
      {{"Collaboration will give nurses \u2018the best chance of "
        "success\u2019, according to England\u2019s chief nursing officer "
        "Jane Cummings."},
       "Jane Cummings",
       "Jane Cummings: the best chance of success"},
      // A picture's note after the name.
      {{"Nancy Kirkland (pictured), NMC President, commented: \u201cI feel "
        "honour-bound to resign.\u201d"},
       "Nancy Kirkland",
       "Nancy Kirkland: I feel honour-bound to resign."},
      // A stray comma after a role's modifiers and the name.
      {{"British Medical Association council chair Dr Chaand Nagpaul, said: "
        "\u201cThese shocking figures show what the BMA has feared.\u201d"},
       "Chaand Nagpaul",
       "Chaand Nagpaul: These shocking figures show what the BMA has "
       "feared."},
      // A body's role opening the lede, its holder named next.
      {{"Monitor\u2019s chief executive has said he can see \u201ca lot of "
        "sense\u201d in merging his organisation with the TDA.",
        "David Bennett told HSJ: \u201cI can see a lot of sense in "
        "that.\u201d"},
       "David Bennett",
       "David Bennett: a lot of sense|David Bennett: I can see a lot of sense "
       "in that."},
      // A curly opening mark after a comma inside a quote opens the next
      // one, the closing mark lost; "has raised" quoting what follows (not
      // "concerns raised").
      {{"The campaign is \u2018deeply concerning\u2019, \u2018irresponsible, "
        "\u2018extremely unhelpful\u2019 and \u2018irritating\u2019, PSNC "
        "chief executive Janet Morrison has said.",
        "Dame Patricia Hewitt has raised \u201cdeep concerns\u201d about "
        "the restructure.",
        "Dr Haigh said they will help ease the \u201cunprecedented "
        "pressures\u201d and the concerns raised \u201cby staff\u201d."},
       "Janet Morrison|Patricia Hewitt|Haigh",
       "Janet Morrison: deeply concerning|Janet Morrison: "
       "irresponsible|Janet Morrison: extremely unhelpful|Janet Morrison: "
       "irritating|Patricia Hewitt: deep concerns|Haigh: unprecedented "
       "pressures|Haigh: by staff"},
      // A speech given out before it was made: "He was to add:".
      {{"Shadow health secretary Andrew Lansley was expected to criticise "
        "the culture of form-filling.",
        "He was to add: \"It is astonishing that Labour are planning "
        "cuts.\""},
       "Andrew Lansley",
       "Andrew Lansley: It is astonishing that Labour are planning cuts."},
      // Revealing: "..., Jeremy Hunt has revealed." after the words, and
      // "is expected to reveal" before them.
      {{"Visits are up 30% leaving an \"unprecedented demand\" on hospitals, "
        "Jeremy Hunt has revealed.",
        "David Bennett is expected to reveal that the sector is an "
        "\u201cunaffordable\u201d \u00a3989m in the red."},
       "Jeremy Hunt|David Bennett",
       "Jeremy Hunt: unprecedented demand|David Bennett: unaffordable"},
      {{"Dr Chand Nagpaul, chair of the BMA\u2019s GPs committee, is to tell "
        "a conference that the NHS \u201chas been paralysed\u201d."},
       "Chand Nagpaul",
       "Chand Nagpaul: has been paralysed"},
      // An opening participle's phrase before the subject of ", saying"
      // (not a name ending in "ing").
      {{"However, publishing it last week, care services minister Ivan "
        "Lewis summed up its importance by saying: \u201cElder care will be "
        "the new child care.\u201d",
        "Matt Groening recently heaped praise on The Office, saying: "
        "\"Everybody here is a fan of The Office.\"",
        "Speaking at the Expo in Liverpool, Nikki Kanani talked about "
        "inequalities, saying that \u201cour incentives haven\u2019t caught "
        "up\u201d."},
       "Ivan Lewis|Matt Groening|Nikki Kanani",
       "Ivan Lewis: Elder care will be the new child care.|Matt Groening: "
       "Everybody here is a fan of The Office.|Nikki Kanani: our incentives "
       "haven\u2019t caught up"},
      // A crosshead opening with quoted words is the words of whoever says
      // them after it, not of the speaker before it.
      {{"Care services minister Ivan Lewis said: \u201cElder care will be "
        "the new child care.\u201d",
        "\u2018Turning point\u2019 for NHS",
        "Alex Fox believes the emphasis on health marks a \u201cturning "
        "point\u201d.",
        "\u2018Authoritarian\u2019 approach", "The plans are due in May."},
       "Ivan Lewis|Alex Fox",
       "Ivan Lewis: Elder care will be the new child care.|Alex Fox: Turning "
       "point|Alex Fox: turning point"},
      // A quoting verb in the passive: its agent speaks (not a body's
      // person named after it).
      {{"She was accused of plunging families into \u201cunbearable "
        "uncertainty\u201d by Sir Andrew Dilnot, who led the commission.",
        "But this argument was dismissed as \"ridiculous\" by Justice David "
        "Souter.",
        "However, she was accused of \u201cscaremongering\u201d by the "
        "Association of Directors of Adult Social Services, whose president, "
        "John Dixon, said the profession had a \u201cbright future\u201d."},
       "Andrew Dilnot|Justice David Souter|John Dixon",
       "Andrew Dilnot: unbearable uncertainty|Justice David Souter: "
       "ridiculous|John Dixon: bright future"},
      // A pull quote opening the page is the words of whoever says them
      // later.
      {{"\"This is the most challenging week of the winter.\"",
        "Hospitals are full, the trust said.",
        "Dr Peter Williams told BBC Radio Merseyside: \"This is the most "
        "challenging week of the winter. We need help.\""},
       "Peter Williams",
       "Peter Williams: This is the most challenging week of the "
       "winter.|Peter Williams: This is the most challenging week of the "
       "winter. We need help."},
      // A trailing "he said" is the one who spoke before, not the minister
      // the words reported name as an object; but "Francis's report" names
      // the one who said it.
      {{"The association has arranged a meeting \"soon\", NPA head of "
        "parliamentary affairs Chris Ford told C+D.",
        "The NPA has already \"reached\" out to pharmacy minister Steve "
        "Brine for a meeting \"very soon\", he said."},
       "Chris Ford",
       "Chris Ford: soon|Chris Ford: reached|Chris Ford: very soon"},
      {{"David Cameron said: \"The Francis report is shocking.\"",
        "But Robert Francis's report does not blame anyone as problems "
        "'cannot be cured by sacking individuals,' he said."},
       "David Cameron|Robert Francis",
       "David Cameron: The Francis report is shocking.|Robert Francis: cannot "
       "be cured by sacking individuals"},
  };
  for (const Case& c : kCases) {
    SpeakerResult r = ExtractSpeakers(c.paragraphs);
    EXPECT_EQ(Join(r.speakers), c.speakers) << Show(c);
    EXPECT_EQ(JoinQuotes(r.quotes), c.quotes) << Show(c);
  }
}

// "The health secretary said" is the health secretary the article names,
// from corpus/offices.tsv and the article's date.
TEST(ExtractSpeakersTest, OfficesAreHeldByThePeopleNamed) {
  std::ifstream in(std::string(HPNEWS_SOURCE_DIR) + "/corpus/offices.tsv");
  std::stringstream text;
  text << in.rdbuf();
  OfficeHolders offices;
  ASSERT_TRUE(OfficeHolders::Parse(text.str(), &offices).ok());
  auto extract = [&](const std::vector<std::string>& paragraphs,
                     const char* date) {
    std::vector<TokenizedText> tokens;
    for (const std::string& p : paragraphs) tokens.emplace_back(p);
    std::optional<Date> day;
    if (date != nullptr) day = ParseIsoDate(date);
    return JoinQuotes(
        ExtractSpeakers(paragraphs, tokens, &offices, day).quotes);
  };
  const std::vector<std::string> streeting = {
      "Wes Streeting has ordered an independent investigation into the "
      "performance of the NHS.",
      "The health secretary said he wanted the review to reveal the "
      "\u201chard truths\u201d about a service that had been "
      "\u201cwrecked\u201d."};
  EXPECT_EQ(extract(streeting, "2024-07-12"),
            "Wes Streeting: hard truths|Wes Streeting: wrecked");
  // Without a date, the one person named who ever held it.
  EXPECT_EQ(extract(streeting, nullptr),
            "Wes Streeting: hard truths|Wes Streeting: wrecked");
  // Not before he held it, nor without the table.
  EXPECT_EQ(extract(streeting, "2020-01-10"), "");
  {
    std::vector<TokenizedText> tokens;
    for (const std::string& p : streeting) tokens.emplace_back(p);
    EXPECT_EQ(JoinQuotes(ExtractSpeakers(streeting, tokens).quotes), "");
  }
  // The holder on the day, though a former one was named since; with no
  // date, two holders named are nobody's.
  const std::vector<std::string> hunt = {
      "Jeremy Hunt met junior doctors' leaders. Andrew Lansley's reforms "
      "came up.",
      "The health secretary said the contract was \u201ca fair deal\u201d."};
  EXPECT_EQ(extract(hunt, "2016-03-01"), "Jeremy Hunt: a fair deal");
  EXPECT_EQ(extract(hunt, nullptr), "");
  // "The former health secretary" is not the holder; "the new" one is.
  EXPECT_EQ(extract({"Jeremy Hunt met junior doctors' leaders.",
                     "The former health secretary said it was "
                     "\u201cunwise\u201d."},
                    "2016-03-01"),
            "");
  // One who had left it by then is: "Scotland's former health secretary"
  // in 2023, named in the next paragraphs; "the former health secretary"
  // is not Jeane Freeman in 2019, in office.
  const std::vector<std::string> freeman = {
      "SCOTLAND'S former health secretary has said there must be a "
      "\u201cfundamental change\u201d at the board.",
      "The board has been plagued by issues of safety.",
      "Jeane Freeman, who set up the inquiry, told the Sunday Mail the board "
      "believed \u201cthey can do no wrong\u201d."};
  EXPECT_EQ(extract(freeman, "2023-05-01"),
            "Jeane Freeman: fundamental change|Jeane Freeman: they can do no "
            "wrong");
  // A party's name in the role: "the former Labour health secretary".
  EXPECT_EQ(extract({"Dame Patricia Hewitt spoke at the conference.",
                     "The former Labour health secretary said trusts would "
                     "be \u201cmicro-managed\u201d."},
                    "2025-03-20"),
            "Patricia Hewitt: micro-managed");
  const std::vector<std::string> former = {
      "Jeane Freeman met the board's leaders.",
      "The former health secretary said it was \u201cunwise\u201d."};
  EXPECT_EQ(extract(former, "2023-05-01"), "Jeane Freeman: unwise");
  EXPECT_EQ(extract(former, "2019-05-01"), "");
  // A lede's office whose holder is named paragraphs later.
  EXPECT_EQ(extract({"The shadow health secretary said the BMA was "
                     "\u2018spoiling for a fight\u2019.",
                     "The BMA said the comments were \"disappointing\".",
                     "The BMA said it would meet on Monday.",
                     "Labour\u2019s Wes Streeting has accused the union of "
                     "\u201cdoing doctors a disservice\u201d."},
                    "2023-05-20"),
            "Wes Streeting: spoiling for a fight|BMA: disappointing|Wes "
            "Streeting: doing doctors a disservice");
  EXPECT_EQ(extract({"Therese Coffey visited a surgery in Kent.",
                     "The new health secretary said she wanted "
                     "\u201cclear expectations\u201d."},
                    "2022-09-20"),
            "Therese Coffey: clear expectations");
}

TEST(ExtractSpeakersTest, CanonicalPersonName) {
  const std::pair<const char*, const char*> kCases[] = {
      {"Dr Mark Porter", "Mark Porter"},
      {"Sir John Oldham", "John Oldham"},
      {"the Rt Hon Andrew Lansley MP", "Andrew Lansley"},
      {"Prof. Jane Doe", "Jane Doe"},
      {"Baroness Smith", "Smith"},
      {"Cllr  Rory  O’Neill", "Rory O'Neill"},  // one apostrophe
      {"Jane Doe, MD", "Jane Doe"},
      {"Mark Porter", "Mark Porter"},
  };
  for (const auto& [in, want] : kCases)
    EXPECT_EQ(CanonicalPersonName(in), want) << in;
}

TEST(ExtractSpeakersTest, CanonicalBodyName) {
  const std::pair<const char*, const char*> kCases[] = {
      {"the DH", "Department of Health"},
      {"the Department of Health", "Department of Health"},
      {"The British Medical Association", "BMA"},
      {"the BMA’s", "BMA"},
      {"Nuffield Trust", "Nuffield Trust"},
      {"the King\u2019s Fund", "King's Fund"},  // one apostrophe
  };
  for (const auto& [in, want] : kCases)
    EXPECT_EQ(CanonicalBodyName(in), want) << in;
}

}  // namespace
}  // namespace hpnews
