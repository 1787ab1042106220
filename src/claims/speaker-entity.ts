/**
 * Which entity a claim's speaker is: the one place that decides it. First by
 * position: the speaker's words, past a leading article and honorifics, lie
 * within an entity mention ("Lord [David Cameron]", the name a pronoun
 * resolved to). A description that only contains a name ("an official in
 * [Jiaozuo City]", "a spokesman for the [Foreign Ministry]") is not that
 * entity. Then by name, for a speaker the recognizer did not mark where it
 * stands: an entity of the document one of whose forms is the speaker's name.
 */
import type { Claim, EntityMention, PipelineDocument, Span } from '../document.ts';
import { withoutHonorifics } from '../text/honorifics.ts';
import { nameKey } from '../text/names.ts';

const LEADING_ARTICLE = /^(?:the|a|an)\s+/iu;

/** A speaker's name without the article and honorifics before it: "the Mr. Li" -> "Li". */
function bareName(speaker: string): string {
  return withoutHonorifics(speaker.replace(LEADING_ARTICLE, ''));
}

/** Finds the entity cluster of claim speakers in one document; built once per document. */
export class SpeakerEntities {
  /** Mentions that belong to a cluster, by start. */
  private readonly mentions: EntityMention[];
  /** The first cluster each name key is a form of. */
  private readonly clusterByName = new Map<string, number>();

  constructor(private readonly document: PipelineDocument) {
    this.mentions = document.mentions.filter((mention) => mention.cluster !== undefined).toSorted((a, b) => a.start - b.start);
    document.entityClusters.forEach((cluster, index) => {
      for (const form of cluster.forms) {
        const key = nameKey(form);
        if (!this.clusterByName.has(key)) this.clusterByName.set(key, index);
      }
    });
  }

  /** The index of the entity cluster the claim's speaker is, or null. */
  clusterOf(claim: Pick<Claim, 'speaker' | 'speakerSpan'>): number | null {
    if (claim.speaker === null) return null;
    if (claim.speakerSpan !== null) {
      const words = this.document.text.slice(claim.speakerSpan.start, claim.speakerSpan.end);
      const name = bareName(words);
      const mention = this.mentionCovering({ start: claim.speakerSpan.end - name.length, end: claim.speakerSpan.end });
      if (mention !== undefined) return mention.cluster ?? null;
    }
    return this.clusterByName.get(nameKey(bareName(claim.speaker))) ?? null;
  }

  /** The mention that starts last at or before `span` and reaches its end, if any (mentions do not overlap). */
  private mentionCovering(span: Span): EntityMention | undefined {
    let low = 0;
    let high = this.mentions.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.mentions[middle] as EntityMention).start <= span.start) low = middle + 1;
      else high = middle;
    }
    const mention = this.mentions[low - 1];
    return mention !== undefined && mention.end >= span.end ? mention : undefined;
  }
}
