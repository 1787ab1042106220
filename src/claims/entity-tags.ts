/**
 * The claim rules read compromise's tags, and compromise misreads names
 * that look like other words: "Boreing said", "Manning said" (gerunds),
 * "Trump" (an expression), "Hastings" (a place). The entity recogniser has
 * already read the document's names, with far fewer mistakes, so a token
 * inside one of its mentions is given the tags of a proper noun of the
 * mention's type for the claim rules; its other tags are dropped, but for
 * the few that describe the word's form.
 */
import type { EntityMention, PassageAnalysis, Token } from '../document.ts';

/** What a mention's type makes of its words. */
const TYPE_TAGS: Readonly<Record<EntityMention['type'], readonly string[]>> = {
  person: ['Noun', 'ProperNoun', 'Person'],
  organization: ['Noun', 'ProperNoun', 'Organization'],
  place: ['Noun', 'ProperNoun', 'Place'],
};

/** Tags of a word's form that a name keeps ("Trump's", "CCP", "Democrats"). */
const FORM_TAGS = ['Possessive', 'Acronym', 'Plural', 'TitleCase', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];

/**
 * The passage's analysis with every token that starts inside one of
 * `mentions` (the passage's, in document order) tagged as its mention's
 * type says. Tokens outside mentions are the analysis's own objects.
 */
export function withEntityTags(analysis: PassageAnalysis, mentions: readonly EntityMention[]): PassageAnalysis {
  if (mentions.length === 0) return analysis;
  let next = 0;
  const tokens = analysis.tokens.map((token): Token => {
    while (next < mentions.length && (mentions[next] as EntityMention).end <= token.start) next++;
    const mention = mentions[next];
    if (mention === undefined || token.start < mention.start) return token;
    const tags = new Set(TYPE_TAGS[mention.type]);
    for (const tag of FORM_TAGS) if (token.tags.has(tag)) tags.add(tag);
    return { ...token, tags };
  });
  return { ...analysis, tokens };
}
