import type { EntityMention, PipelineDocument } from '../../document.ts';
import type { EntityType } from '../../schemas/index.ts';
import type { PassageAnalysis } from '../../text/analysis.ts';
import { nameKey } from '../../text/names.ts';
import type { Gazetteer } from '../gazetteer.ts';
import type { EntityRecognizer } from '../recognizer.ts';
import { cleanEntitySpan, findEntityMentions } from '../rules.ts';
import { documentFeatures, modelSentences, type ModelSentence } from './features.ts';
import type { FeatureTable } from './feature-hash.ts';
import { decodeSpans } from './labels.ts';
import type { EntityModel } from './model-file.ts';

/** A name that ends in an abbreviation ("U.S", "Washington D.C") before a period: the period is part of it. */
const ABBREVIATION_BEFORE_PERIOD = /(?:^|[\s-])(?:\p{L}\.)+\p{L}$/u;

/** The feature ids of a token's features; features the model never saw are -1 (the decoder skips them). */
export function featureIds(features: Uint32Array, table: FeatureTable): Int32Array {
  const ids = new Int32Array(features.length);
  for (let index = 0; index < features.length; index++) ids[index] = table.get(features[index] as number);
  return ids;
}

/**
 * The mentions a labelling marks, trimmed to the name as SPEC says (no
 * leading "the" or honorific, no possessive or trailing punctuation);
 * `misc` spans are not entities and are dropped.
 */
export function mentionsFromLabels(text: string, sentences: readonly ModelSentence[], labels: readonly (readonly number[])[]): EntityMention[] {
  const mentions: EntityMention[] = [];
  sentences.forEach((sentence, index) => {
    for (const { first, last, type } of decodeSpans(labels[index] ?? [])) {
      if (type === 'misc') continue;
      const span = cleanEntitySpan(text, { start: (sentence.tokens[first] as { start: number }).start, end: (sentence.tokens[last] as { end: number }).end });
      if (span === null) continue;
      if (text[span.end] === '.' && ABBREVIATION_BEFORE_PERIOD.test(text.slice(span.start, span.end))) span.end++;
      mentions.push({ ...span, passageIndex: sentence.passage, type, text: text.slice(span.start, span.end) });
    }
  });
  return mentions;
}

/** Mentions of a user's lexicon entries replace whatever the model found where they are: the user's word is final. */
function userLexiconWins(mentions: readonly EntityMention[], ruleMentions: readonly EntityMention[], gazetteer: Gazetteer): EntityMention[] {
  const userMentions = ruleMentions.flatMap((mention): EntityMention[] => {
    const entry = gazetteer.canonicalByName.get(nameKey(mention.text));
    return entry?.user === true ? [{ ...mention, type: entry.type as EntityType }] : [];
  });
  if (userMentions.length === 0) return [...mentions];
  const overlapsUser = (mention: EntityMention): boolean => userMentions.some((user) => mention.start < user.end && user.start < mention.end);
  return [...mentions.filter((mention) => !overlapsUser(mention)), ...userMentions].sort((a, b) => a.start - b.start);
}

/**
 * The trained recognizer: the rule engine runs first and its mentions are
 * features, as are the gazetteers and the user's lexicons; the model labels
 * every sentence (Viterbi over BILOU labels); the user's lexicon entries
 * win over the model.
 */
export function modelRecognizer(model: EntityModel, gazetteer: Gazetteer): EntityRecognizer {
  return {
    recognize(document: Pick<PipelineDocument, 'text'>, analyses: readonly PassageAnalysis[]): EntityMention[] {
      const sentences = modelSentences(analyses);
      const ruleMentions = findEntityMentions(document, analyses, gazetteer);
      const features = documentFeatures({ sentences, ruleMentions, gazetteer });
      const labels = features.map((sentence) => model.sequenceModel.decode(sentence.map((token) => featureIds(token, model.features))));
      return userLexiconWins(mentionsFromLabels(document.text, sentences, labels), ruleMentions, gazetteer);
    },
  };
}
