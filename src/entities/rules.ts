import type { EntityMention, PipelineDocument, Span } from '../document.ts';
import { loadGazetteer, type Gazetteer, type HeadType } from './gazetteer.ts';
import { isClosedClass, isCommonWord, taggedType } from './lexical.ts';
import { TokenTrie } from './token-trie.ts';
import type { EntityType } from '../schemas/index.ts';
import type { PassageAnalysis, Token } from '../text/analysis.ts';
import { isHonorific } from '../text/honorifics.ts';
import { initials, isPinyinName, phraseKeys, tokenKey } from '../text/names.ts';
import { sentenceCase, type SentenceCase } from '../text/title-case.ts';
import { HEADLINE_SMALL_WORDS, NAME_CONNECTORS } from '../text/vocabulary.ts';

const LEADING_NOISE = /^(?:(?:the|The|THE)\s+|(?:Mr|Mrs|Ms|Miss|Dr|Prof|Mx)\.?\s+)+/;
const TRAILING_NOISE = /(?:['’][sS]?|[\s.,;:!?"“”'‘’()[\]{}—–-])+$/u;
const ABBREVIATION_END = /(?:^|\s)(?:\p{Lu}\.){2,}$/u;
const LEADING_PUNCTUATION = /^[\s.,;:!?"“”'‘’()[\]{}—–-]+/u;

/**
 * Trims a candidate span to the name alone: no leading "the" or honorific, no
 * trailing possessive or punctuation. Returns null when nothing is left.
 */
export function cleanEntitySpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  for (;;) {
    const slice = text.slice(start, end);
    const leading = LEADING_NOISE.exec(slice) ?? LEADING_PUNCTUATION.exec(slice);
    if (leading && leading[0].length > 0 && leading[0].length < slice.length) {
      start += leading[0].length;
      continue;
    }
    const trailing = TRAILING_NOISE.exec(slice);
    // The last period of an abbreviation ("U.S.", "U.K.") belongs to the name.
    if (trailing && trailing[0] === '.' && ABBREVIATION_END.test(slice)) break;
    if (trailing && trailing[0].length > 0 && trailing.index > 0) {
      end = start + trailing.index;
      continue;
    }
    break;
  }
  const name = text.slice(start, end);
  return /\p{Lu}/u.test(name) ? { start, end } : null;
}

/** Keeps the longest of overlapping candidates (then the surest, then the earliest), in text order. */
export function longestNonOverlapping<T extends Span & { priority?: number }>(candidates: T[]): T[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || (b.priority ?? 0) - (a.priority ?? 0) || a.start - b.start);
  const kept: T[] = [];
  for (const candidate of sorted) {
    if (kept.every((other) => candidate.end <= other.start || candidate.start >= other.end)) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** How sure a candidate is: a gazetteer name beats a head word, which beats the tagger, which beats context. */
const Priority = { context: 1, tagger: 2, head: 3, gazetteer: 4 } as const;

interface Candidate extends Span {
  type: EntityType;
  priority: number;
}

/** A word of a sentence with what the rules ask of it. */
interface Word {
  token: Token;
  key: string;
  capitalised: boolean;
  /** First word of its sentence, or right after an opening quote, bracket, colon or dash: capitals say nothing there. */
  sentenceStart: boolean;
  /** Inside a quoted Title Case title of a work, where every word is capitalised. */
  inTitle: boolean;
}

/** Particles inside personal names ("Charles de Gaulle", "Osama bin Laden"). */
export const NAME_PARTICLES = new Set([
  'de',
  'du',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'ten',
  'ter',
  'bin',
  'al',
  'el',
  'le',
  'la',
  'dos',
  'das',
  'ibn',
]);
/**
 * Particles that may open a surname used alone ("von der Leyen said"). Not
 * "ten" (a number before "ten Britons"), nor the articles al/el/la/le.
 */
const LEADING_PARTICLES = new Set(['de', 'du', 'da', 'di', 'van', 'von', 'der', 'den', 'bin', 'ibn']);
/** Corporate suffixes written in lower case ("HSBC Holdings plc"): still part of the name. */
export const LOWER_CASE_SUFFIXES = new Set(['plc']);
/** Titles and roles written before names ("President Obama", "coach Joe Smith"): trimmed off, and a sign of a person. */
const PERSON_TITLES = new Set([
  'president',
  'premier',
  'chairman',
  'chairwoman',
  'minister',
  'secretary',
  'governor',
  'senator',
  'sen',
  'rep',
  'representative',
  'congressman',
  'congresswoman',
  'mayor',
  'judge',
  'justice',
  'general',
  'gen',
  'colonel',
  'col',
  'captain',
  'capt',
  'lieutenant',
  'lt',
  'sergeant',
  'sgt',
  'major',
  'admiral',
  'commander',
  'officer',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'emperor',
  'chancellor',
  'ambassador',
  'director',
  'chief',
  'coach',
  'manager',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'bishop',
  'cardinal',
  'rabbi',
  'imam',
  'sheikh',
  'ayatollah',
  'professor',
  'vice',
  'deputy',
  'prime',
  'executive',
  'ceo',
  'foreign',
  'defence',
  'defense',
  'finance',
  'former',
  'leader',
  'spokesman',
  'spokeswoman',
  'dissident',
  'lawyer',
  'attorney',
  'champion',
  'veteran',
  'agent',
  'saint',
  'taoiseach',
  'treasurer',
  'commissioner',
  'envoy',
  'chair',
  'crown',
  'emir',
  'sultan',
  'archbishop',
  'prosecutor',
  'inspector',
  'superintendent',
  'detective',
  'constable',
  'marshal',
  'founder',
]);
/** Prepositions that put a bare name on the map ("in Yunnan", "from Australia"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'across', 'outside', 'inside', 'throughout', 'into', 'via', 'toward', 'towards']);
/** Lower-case nouns that type the unknown name before them ("the ruling Morena party", "the Rafah crossing"). */
const TYPE_NOUNS_AFTER = new Map<string, EntityType>([
  ...[
    'party',
    'movement',
    'militia',
    'agency',
    'company',
    'firm',
    'bank',
    'airline',
    'carrier',
    'automaker',
    'carmaker',
    'insurer',
    'lender',
    'newspaper',
    'broadcaster',
    'club',
    'union',
    'group',
  ].map((noun): [string, EntityType] => [noun, 'organization']),
  ...['province', 'county', 'district', 'region', 'village', 'town', 'city', 'port', 'river', 'island', 'crossing', 'valley', 'prefecture'].map(
    (noun): [string, EntityType] => [noun, 'place'],
  ),
]);
/** Lower-case nouns that, with "of", put the name after them on the map ("the port of Chancay", "the town of Bakhmut"). */
const PLACE_NOUNS_BEFORE = new Set(['city', 'town', 'village', 'port', 'province', 'region', 'district', 'county', 'island', 'state']);
/**
 * What follows a dateline's place: optionally ", Country" or ", Oct 15",
 * then "(Agency)" and a dash, or just the dash ("ZANDVOORT, Netherlands (Reuters) -").
 */
const DATELINE_TAIL = /^(?:,[^\n()]{1,40}?)?\s*(?:\([\p{L}\p{N} .&'-]{2,40}\)\s*)?[-—–]\s/u;
/** Words that open place names ("San Sebastian", "Port Harcourt", "Fort Worth"), whatever the words after them look like. */
const PLACE_PREFIXES = new Set(['san', 'santa', 'santo', 'sao', 'port', 'fort', 'mount', 'lake', 'cape']);
/** A compound adjective from a name ("U.S.-based", "Chinese-built", "London-listed"): not itself part of a name. */
const NAME_COMPOUND = /-(?:based|born|built|made|owned|backed|led|listed|run|controlled|linked|funded|style|era|bound|wide|registered|headquartered)$/u;
/** Corporate suffixes after which the rest of an organisation's name is used alone ("Fortescue Ltd", then "Fortescue"). */
const CORPORATE_SUFFIXES = new Set(['ltd', 'inc', 'plc', 'corp', 'co', 'llc', 'ag', 'sa', 'nv', 'group', 'holdings', 'limited', 'corporation', 'company']);
/**
 * A score line and a word only club football, rugby and hockey reports use: the document reports a league match, so cities and
 * unknown words may be clubs. Tennis, golf and cricket ("Sinner beat Ruud", "Australia beat India") name players and countries.
 */
const SPORTS_DOCUMENT =
  /\b\d{1,2}-\d{1,2}\b[\s\S]*\b(?:league|striker|midfielder|goalkeeper|half-?time|goals?)\b|\b(?:league|striker|midfielder|goalkeeper|half-?time|goals?)\b[\s\S]*\b\d{1,2}-\d{1,2}\b/iu;
/** What follows a team: a result verb, a score, or a club role ("Getafe 2-0", "Valencia drew", "Barcelona's coach"). */
const TEAM_AFTER =
  /^(?:['’]s?)?\s+(?:\d{1,2}-\d{1,2}\b|(?:beat|beats|drew|draw|thrashed|lost|won|win|host|hosts|hosted|moved top|go top|went top|came from behind|(?:head\s+)?coach|manager|striker|midfielder|defender|goalkeeper|forward|captain|fans)\b)/u;
/** What precedes a team: a result verb or "win over" ("beat Osasuna", "drew 1-1 with Valencia", "a 3-0 win over Sevilla"). */
const TEAM_BEFORE =
  /\b(?:beat|beating|thrashed|(?:drew|draw)(?: \d{1,2}-\d{1,2})? with|win over|victory over|defeat by|loss to|lost to|lost \d{1,2}-\d{1,2} (?:at|to)|host|hosts|against)\s+$/u;
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,7}$/u;
const ROMAN_NUMERAL = /^[IVXLC]+$/;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:org|com|net|gov|edu|info|tv|cn|uk|io)$/iu;
const OPENING = /[“"‘'([{:—–-]\s*$/u;

function isCapitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function isPossessive(text: string): boolean {
  return /['’]s?$/u.test(text) && text.length > 2;
}

/** Finds entity mentions in one document: every passage, with what is learnt in the whole document. */
export class EntityFinder {
  private readonly candidates: Candidate[][] = [];
  /** Names seen with confidence in this document, by token keys, for headlines and short forms. */
  private readonly memory = new Map<string, EntityType>();
  /** Sentences (their words) whose names are resolved after the whole document has been read. */
  private readonly deferred: { passage: number; words: Word[]; mode: SentenceCase }[] = [];
  private readonly unresolved: { passage: number; words: Word[] }[] = [];

  constructor(
    private readonly text: string,
    private readonly gazetteer: Gazetteer,
  ) {}

  /** Reads one analysed passage. */
  addPassage(analysis: PassageAnalysis, passage: number): void {
    this.candidates[passage] ??= [];
    const bySentence = new Map<number, Token[]>();
    for (const token of analysis.tokens) {
      if (token.text === '') continue;
      bySentence.set(token.sentence, [...(bySentence.get(token.sentence) ?? []), token]);
    }
    for (const tokens of bySentence.values()) {
      const words = tokens.map((token, index): Word => {
        const before = index === 0 ? '' : this.text.slice((tokens[index - 1] as Token).end, token.start);
        return { token, key: tokenKey(token.text), capitalised: isCapitalised(token.text), sentenceStart: index === 0 || OPENING.test(before), inTitle: false };
      });
      this.markQuotedTitles(words);
      const mode = sentenceCase(tokens);
      this.findGazetteerNames(words, passage, mode);
      if (mode === 'normal') this.findProperNames(words, passage);
      else this.deferred.push({ passage, words, mode });
    }
  }

  /** Marks the words of quoted Title Case titles (“Policemen Refuse to Imprison Falun Gong Practitioners”). */
  private markQuotedTitles(words: Word[]): void {
    const first = words[0];
    const last = words.at(-1);
    if (first === undefined || last === undefined) return;
    const start = first.token.start;
    for (const quote of this.text.slice(start, last.token.end + 3).matchAll(/[“"]([^”"]{3,}?)(?:[”"]|$)/gu)) {
      const from = start + (quote.index ?? 0);
      const to = from + quote[0].length;
      const inside = words.filter((word) => word.token.start > from && word.token.end < to);
      if (sentenceCase(inside.map((word) => word.token)) === 'title') for (const word of inside) word.inTitle = true;
    }
  }

  /** Resolves what needed the whole document and returns the mentions. */
  finish(): EntityMention[] {
    // Context guesses are remembered too ("Erling Haaland", two unknown capitalised words, makes the later "Haaland" and "HAALAND" a person),
    // but only those that win their place: a guess that a gazetteer name overrides ("Falun Dafa") teaches nothing.
    for (const list of this.candidates) for (const candidate of longestNonOverlapping(list ?? [])) this.remember(candidate);
    const trie = new TokenTrie<EntityType>();
    for (const [key, type] of this.memory) trie.insert(key.split(' '), type);
    for (const { passage, words } of this.unresolved) {
      const type = this.memory.get(words.map((word) => word.key).join(' '));
      if (type !== undefined) this.push(passage, words, type, Priority.tagger);
    }
    for (const { passage, words, mode } of this.deferred) {
      for (let index = 0; index < words.length; index++) {
        const match = trie.longestMatch(
          words.map((word) => word.key),
          index,
          (at) => mode === 'upper' || (words[at] as Word).capitalised,
        );
        if (match === null) continue;
        const matched = words.slice(index, index + match.length);
        if (mode === 'upper' && matched.length === 1 && isClosedClass((matched[0] as Word).token)) continue;
        this.push(passage, matched, match.value, Priority.tagger);
        index += match.length - 1;
      }
      this.findTaggedNames(words, passage);
    }
    this.retypeTeams();
    const mentions: EntityMention[] = [];
    this.candidates.forEach((list, passage) => {
      for (const candidate of longestNonOverlapping(list ?? [])) {
        const span = cleanEntitySpan(this.text, candidate);
        if (span === null) continue;
        mentions.push({ ...span, passageIndex: passage, type: candidate.type, text: this.text.slice(span.start, span.end) });
      }
    });
    return mentions;
  }

  /**
   * In a sports report, a city or unknown word that plays ("Valencia beat
   * Osasuna 2-0", "drew 1-1 with Getafe", "Barcelona coach Hansi Flick") is a
   * club, and so is every other mention of it in the document, except where it
   * is a place: a dateline, or after "in", "at", "from".
   */
  private retypeTeams(): void {
    if (!SPORTS_DOCUMENT.test(this.text)) return;
    const all = this.candidates.flat();
    const key = (candidate: Candidate): string => phraseKeys(this.text.slice(candidate.start, candidate.end)).join(' ');
    const teams = new Set<string>();
    for (const candidate of all) {
      // A name of two or more words taken for a person stays one ("Antoine Griezmann levelled").
      if (candidate.type === 'organization' || (candidate.type === 'person' && /\s/u.test(this.text.slice(candidate.start, candidate.end)))) continue;
      const before = this.text.slice(Math.max(0, candidate.start - 30), candidate.start);
      const after = this.text.slice(candidate.end, candidate.end + 40);
      if (TEAM_AFTER.test(after) || TEAM_BEFORE.test(before)) teams.add(key(candidate));
    }
    if (teams.size === 0) return;
    for (const candidate of all) {
      if (candidate.type === 'organization' || !teams.has(key(candidate))) continue;
      const before = this.text.slice(Math.max(0, candidate.start - 12), candidate.start);
      const dateline = DATELINE_TAIL.test(this.text.slice(candidate.end, candidate.end + 80)) && /(?:^|\n)[ \t]*$/.test(before);
      if (!dateline && !/\b(?:in|at|from|In|At|From)\s+$/.test(before)) candidate.type = 'organization';
    }
  }

  private remember(candidate: Candidate): void {
    const words = phraseKeys(this.text.slice(candidate.start, candidate.end));
    const key = words.join(' ');
    if (!this.memory.has(key)) this.memory.set(key, candidate.type);
    if (candidate.type === 'organization' && words.length > 1) {
      // "Fortescue Ltd" is later "Fortescue"; a team named for its city, "Kansas City Chiefs", is later "Chiefs".
      const coreWords = CORPORATE_SUFFIXES.has(words.at(-1) as string) ? words.slice(0, -1) : undefined;
      const core = coreWords?.join(' ');
      // "Norland Energy Inc" is later "Norland": a company's own name before its trade word, unless that is a known place or name.
      const tradeHeaded = coreWords !== undefined && coreWords.length >= 2 && this.gazetteer.heads.get(coreWords.at(-1) as string) === 'organization';
      const ownName = tradeHeaded && this.gazetteer.phrases.longestMatch(coreWords.slice(0, -1), 0) === null ? coreWords.slice(0, -1).join(' ') : undefined;
      const city = this.gazetteer.phrases.longestMatch(words, 0);
      const nickname =
        city !== null && city.length === words.length - 1 && city.value.type === 'place' && (words.at(-1) as string).endsWith('s') ? words.at(-1) : undefined;
      for (const short of [core, ownName, nickname]) if (short !== undefined && !this.memory.has(short)) this.memory.set(short, 'organization');
    }
    // A person named in full is later called by one part of the name: "Li" after "Li Dayong", "Clinton" after "Bill Clinton".
    if (candidate.type === 'person' && words.length > 1) {
      for (const part of [words[0] as string, words.at(-1) as string]) {
        if (!this.memory.has(part) && this.gazetteer.phrases.longestMatch([part], 0) === null) this.memory.set(part, 'person');
      }
    }
  }

  private push(passage: number, words: readonly Word[], type: EntityType, priority: number): void {
    const first = words[0];
    const last = words.at(-1);
    if (first === undefined || last === undefined) return;
    (this.candidates[passage] as Candidate[]).push({ start: first.token.start, end: last.token.end, type, priority });
  }

  /** The text between two adjacent words holds nothing but spaces (or a hyphen): they can be one name. */
  private joined(left: Word, right: Word, allowPossessive = false): boolean {
    return (allowPossessive || !isPossessive(left.token.text)) && /^(?:[ \t]+|-|[ \t]*&[ \t]*)$/.test(this.text.slice(left.token.end, right.token.start));
  }

  /**
   * Whether a possessive common noun is part of a name ("People's Liberation
   * Army", "Women's Federation"): capitalised words follow it up to a head word.
   * A name's possessive ("the CCP's Committee") ends the name.
   */
  private possessiveInName(words: readonly Word[], index: number): boolean {
    const word = words[index] as Word;
    if (!isCommonWord(word.token)) return false;
    let at = index + 1;
    while (at < words.length && (words[at] as Word).capitalised && this.joined(words[at - 1] as Word, words[at] as Word, at === index + 1)) at++;
    const head = at > index + 1 ? this.headOf(words[at - 1] as Word) : undefined;
    return head === 'organization' || head === 'place';
  }

  private findGazetteerNames(words: readonly Word[], passage: number, mode: SentenceCase): void {
    const keys = words.map((word) => word.key);
    for (let index = 0; index < words.length; index++) {
      const first = words[index] as Word;
      if (mode === 'normal' && !first.capitalised && !/^\p{N}/u.test(first.token.text)) continue;
      const match = this.gazetteer.phrases.longestMatch(keys, index, (at) => {
        const word = words[at] as Word;
        if (at > index && !this.joined(words[at - 1] as Word, word)) return false;
        return mode !== 'normal' || word.capitalised || /^\p{N}/u.test(word.token.text) || (at > index && NAME_CONNECTORS.has(word.key));
      });
      if (match === null) continue;
      const matched = words.slice(index, index + match.length);
      const last = matched.at(-1) as Word;
      if (NAME_CONNECTORS.has(last.key)) continue;
      if (mode === 'normal' && match.value.acronym && matched.some((word) => /\p{Ll}/u.test(word.token.text))) continue;
      // In capitals, "US" may be the pronoun and "IT" the word: a one-word match must not be a function word.
      if (mode === 'upper' && matched.length === 1 && isClosedClass(first.token)) continue;
      this.push(passage, matched, match.value.type, Priority.gazetteer);
    }
  }

  /** Runs of capitalised words in ordinary prose, joined over connectors when a head word makes them one name. */
  private findProperNames(words: readonly Word[], passage: number): void {
    const runs: Word[][] = [];
    let current: Word[] = [];
    const close = (): void => {
      if (current.length > 0) runs.push(current);
      current = [];
    };
    words.forEach((word, index) => {
      const next = words[index + 1];
      const namePart =
        (word.capitalised && !word.inTitle && !NAME_COMPOUND.test(word.token.text)) ||
        (/^\p{N}+$/u.test(word.token.text) && next !== undefined && this.headOf(next) === 'organization' && this.joined(word, next)) ||
        this.lowerCaseNamePart(words, index, current.at(-1));
      if (!namePart) {
        close();
        return;
      }
      const previous = current.at(-1);
      if (previous !== undefined && !this.joined(previous, word, true)) close();
      current.push(word);
      if (isPossessive(word.token.text) && !this.possessiveInName(words, index)) close();
    });
    close();
    for (const run of this.bridge(runs, words)) this.classify(run, words, passage);
  }

  /**
   * Whether a lower-case word belongs to the name around it: a particle before
   * a capitalised part ("Ursula von der Leyen", "von der Leyen", "Thomas ten
   * Brink"), a lower-case corporate suffix ("HSBC Holdings plc"), or the second
   * half of a hyphenated given name ("Park Sang-ho").
   */
  private lowerCaseNamePart(words: readonly Word[], index: number, previous: Word | undefined): boolean {
    const word = words[index] as Word;
    if (word.capitalised || word.inTitle || !/^\p{Ll}+$/u.test(word.token.text)) return false;
    const inName = previous !== undefined && previous === words[index - 1] && this.joined(previous, word, true);
    if (inName && LOWER_CASE_SUFFIXES.has(word.key)) return true;
    if (inName && this.text.slice(previous.token.end, word.token.start) === '-' && word.key.length <= 5 && !isCommonWord(word.token)) return true;
    if (!(inName ? NAME_PARTICLES : LEADING_PARTICLES).has(word.key)) return false;
    // The particle must lead to a capitalised word, over at most one more particle ("de la O").
    for (let at = index + 1; at <= index + 2 && at < words.length; at++) {
      const next = words[at] as Word;
      if (!this.joined(words[at - 1] as Word, next)) return false;
      if (next.capitalised) return !next.inTitle;
      if (!NAME_PARTICLES.has(next.key)) return false;
    }
    return false;
  }

  /** Joins runs over connector words: "Global Service Centre" + "for" + "Quitting" + "the" + "CCP". */
  private bridge(runs: Word[][], words: readonly Word[]): Word[][] {
    const joinedRuns: Word[][] = [];
    /** Whether the run being built has an organisation head followed by its complement ("Centre for ..."). */
    let complement = false;
    for (const run of runs) {
      const previous = joinedRuns.at(-1);
      if (previous !== undefined) {
        const from = words.indexOf(previous.at(-1) as Word);
        const to = words.indexOf(run[0] as Word);
        const between = words.slice(from + 1, to);
        const chain = [previous.at(-1) as Word, ...between, run[0] as Word];
        const connected =
          between.length >= 1 &&
          between.length <= 2 &&
          between.every((word) => !word.capitalised) &&
          chain.slice(1).every((word, index) => this.joined(chain[index] as Word, word));
        const keys = between.map((word) => word.key);
        const headBefore = this.headOf(previous.at(-1) as Word) === 'organization';
        const headAfter = this.headOf(run.at(-1) as Word);
        let join = false;
        // "Samsung Electronics Co Ltd on Tuesday": a date word is never the complement of a name.
        const dateWords = run.every((word) => this.gazetteer.notEntities.has(word.key));
        if (connected && !dateWords && keys.every((key) => NAME_CONNECTORS.has(key)) && (keys.length === 1 || keys[1] === 'the')) {
          if (keys[0] === 'and' || keys[0] === '&') {
            // "Food and Drug Administration", "Australian Competition and Consumer Commission" share one head; "Bremerhaven and Columbia
            // University", "Barclays plc and BNP Paribas SA", "the Bundesbank and the European Central Bank" are two names: a lone name
            // word or a finished name before "and", or an article after it. Several words before "and" read as the start of one name.
            const lastBefore = previous.at(-1) as Word;
            const previousKeys = previous.map((word) => word.key);
            const knownName = this.gazetteer.phrases.longestMatch(previousKeys, 0)?.length === previousKeys.length;
            const sharedHead =
              keys.length === 1 && !knownName && (isCommonWord(lastBefore.token) || previous.length >= 2) && !LOWER_CASE_SUFFIXES.has(lastBefore.key);
            join =
              keys[0] === '&' ||
              (!headBefore && !complement && sharedHead && (headAfter === 'organization' || headAfter === 'place')) ||
              (complement && keys.length === 1 && this.continuesComplement(run));
          } else if (keys[0] === 'the') join = complement && keys.length === 1;
          else if (keys[0] !== 'in') {
            const modifier = previous.length === 1 && !((previous[0] as Word).sentenceStart && isCommonWord((previous[0] as Word).token));
            join = headBefore || complement || (headAfter === 'organization' && keys.length === 1 && keys[0] === 'of' && modifier);
          }
        }
        if (join) {
          complement = complement || headBefore;
          previous.push(...between, ...run);
          continue;
        }
      }
      complement = false;
      joinedRuns.push([...run]);
    }
    return joinedRuns;
  }

  /**
   * Whether a run after "and" continues a name's complement ("Ministry of
   * Industry and Information Technology") rather than starting another name:
   * no known name, role or given name in it.
   */
  private continuesComplement(run: readonly Word[]): boolean {
    return run.every(
      (word, index) =>
        this.gazetteer.phrases.longestMatch([word.key], 0) === null &&
        !PERSON_TITLES.has(word.key) &&
        !isHonorific(word.key) &&
        !this.gazetteer.givenNames.has(word.key) &&
        !word.token.tags.has('FirstName') &&
        (index < run.length - 1 || !isPossessive(word.token.text)),
    );
  }

  /**
   * The head of a multi-word name: its last word, or, for a name with a
   * complement ("Ministry of Public Security", "Centre for Quitting the CCP"),
   * the last head word before the first connector.
   */
  private headOfName(words: readonly Word[]): HeadType | undefined {
    const connector = words.findIndex((word, index) => index > 0 && !word.capitalised && NAME_CONNECTORS.has(word.key));
    if (connector > 0) {
      const head = this.headOf(words[connector - 1] as Word);
      if (head !== undefined) return head;
    }
    return this.headOf(words.at(-1) as Word);
  }

  private headOf(word: Word): HeadType | undefined {
    // A lower-case corporate suffix ("Barclays plc") heads a name as its capitalised form does.
    return word.capitalised || LOWER_CASE_SUFFIXES.has(word.key) ? this.gazetteer.heads.get(word.key) : undefined;
  }

  /** Trims a run to its name and types it, or sets it aside for the end of the document. */
  private classify(run: Word[], sentence: readonly Word[], passage: number): void {
    let words = [...run];
    let personSign = false;
    const lastHead = this.headOf(words.at(-1) as Word);
    for (;;) {
      const first = words[0];
      if (first === undefined || words.length === 1) break;
      const isTitle = isHonorific(first.key) || (PERSON_TITLES.has(first.key) && lastHead === undefined);
      const isArticle = first.key === 'the' || first.key === 'a' || first.key === 'an';
      // A sentence's first word is an ordinary word when the dictionary knows it, unless it is a known surname or given name opening a longer name ("Park Sang-ho, an analyst").
      const knownNamePart = this.gazetteer.surnames.has(first.key) || this.gazetteer.givenNames.has(first.key);
      const startsSentence =
        first.sentenceStart &&
        isCommonWord(first.token) &&
        taggedType(first.token) === null &&
        this.gazetteer.phrases.longestMatch([first.key], 0) === null &&
        !knownNamePart;
      const isNumberWord = first.token.tags.has('Value') && !/^\p{N}+$/u.test(first.token.text);
      if (!isTitle && !isArticle && !startsSentence && !isNumberWord && !NAME_CONNECTORS.has(first.key)) break;
      personSign = personSign || isTitle;
      words = words.slice(1);
    }
    if (this.isDateline(words)) {
      this.push(passage, words, 'place', Priority.head);
      return;
    }
    const role = this.roleLength(words, sentence, lastHead);
    if (role > 0) {
      personSign = true;
      words = words.slice(role);
    }
    // A role before a name ("Chief Executive Mary Barra", "Treasury Secretary Steven Mnuchin") ends where a given name starts.
    const givenAt = words.findIndex((word) => word.token.tags.has('FirstName') || this.gazetteer.givenNames.has(word.key));
    if (
      givenAt > 0 &&
      lastHead === undefined &&
      words.length - givenAt >= 2 &&
      words
        .slice(0, givenAt)
        .every((word) => PERSON_TITLES.has(word.key) || isCommonWord(word.token) || this.gazetteer.phrases.longestMatch([word.key], 0) !== null)
    ) {
      personSign = true;
      words = words.slice(givenAt);
    }
    const first = words[0] as Word;
    if (words.length === 1 && (first.sentenceStart || first.token.tags.has('Value')) && isCommonWord(first.token) && taggedType(first.token) === null) {
      // "Sinner, who won ...", "Park said": a dictionary word opening a sentence is a name only if the document names someone so.
      // A month abbreviation may be a name too ("Jun said", "May said").
      if (first.sentenceStart && (!isClosedClass(first.token) || first.token.tags.has('Month'))) this.unresolved.push({ passage, words });
      return;
    }
    if (words.length === 1 && (isHonorific(first.key) || PERSON_TITLES.has(first.key))) return;
    if (words.every((word) => this.gazetteer.notEntities.has(word.key) || NAME_CONNECTORS.has(word.key))) return;
    const head = words.length > 1 || /^\p{N}/u.test(first.token.text) ? this.headOfName(words) : undefined;
    if (head === 'none') return;
    if (this.gazetteer.notEntities.has(first.key) && head === undefined && !this.givenNameBeforeSurname(words)) return;
    if (this.quoted(words)) return;
    const firstIndex = sentence.indexOf(first);
    const before = sentence[firstIndex - 1];
    const after = sentence[sentence.indexOf(words.at(-1) as Word) + 1];
    if (DOMAIN.test(first.token.text) && words.length === 1) {
      this.push(passage, words, 'organization', Priority.head);
      return;
    }
    if (head === 'organization' || head === 'place' || head === 'person') {
      if (words.length > 1) {
        this.push(passage, words, this.headOf(words.at(-1) as Word) === 'place' && head !== 'organization' ? 'place' : head, Priority.head);
        return;
      }
    }
    if (words.length > 1 && PLACE_PREFIXES.has(first.key) && !personSign) {
      this.push(passage, words, 'place', Priority.head);
      return;
    }
    const person = this.personEvidence(words, personSign);
    if (person) {
      this.push(passage, words, 'person', Priority.tagger);
      return;
    }
    const tagged = majorityTag(words);
    if (tagged !== null && !(words.length === 1 && first.token.tags.has('Plural'))) {
      this.push(passage, words, tagged, Priority.tagger);
      return;
    }
    if (
      words.length === 1 &&
      !/[[\]<>]/.test(first.token.pre + first.token.post) &&
      ACRONYM.test(first.token.text.replace(/['’]s?$/u, '').replace(/\./g, '')) &&
      !ROMAN_NUMERAL.test(first.token.text)
    ) {
      const definedFor = this.definitionBefore(sentence, firstIndex);
      this.push(passage, words, definedFor ?? 'organization', definedFor === null ? Priority.context : Priority.head);
      return;
    }
    if (before !== undefined && PLACE_PREPOSITIONS.has(before.key) && this.joined(before, first)) {
      this.push(passage, words, 'place', Priority.context);
      return;
    }
    if (words.length > 1 && words.every((word) => !isCommonWord(word.token) && !word.token.tags.has('Plural'))) {
      this.push(passage, words, 'person', Priority.context);
      return;
    }
    const plainWords = words.every((word) => !this.gazetteer.notEntities.has(word.key) && !ACRONYM.test(word.token.text) && !isClosedClass(word.token));
    const nameStart = !isCommonWord(first.token) && !first.token.tags.has('Adjective');
    if (
      words.length <= 3 &&
      words.length >= 2 &&
      sentence.length > words.length &&
      nameStart &&
      !(words.at(-1) as Word).token.tags.has('Plural') &&
      plainWords
    ) {
      // "Jannik Sinner": an unknown first word, then capitalised ones the dictionary knows ("Sinner" is a surname here). Not a heading alone on its line.
      this.push(passage, words, 'person', Priority.context);
      return;
    }
    if (after !== undefined && after.key === 'said' && words.length === 1 && !isCommonWord(first.token) && !first.token.tags.has('Plural')) {
      this.push(passage, words, 'person', Priority.context);
      return;
    }
    const typed = this.typeFromNouns(words, sentence);
    if (typed !== undefined) {
      this.push(passage, words, typed, Priority.context);
      return;
    }
    this.unresolved.push({ passage, words });
  }

  /**
   * How many leading words of a run are a role before a person's name: up to
   * the last title word ("Japanese Prime Minister Shigeru Ishiba", "IMF
   * Managing Director Kristalina Georgieva"), or the rest of a title begun
   * before the run ("Secretary of State Antony Blinken"). 0 when the run is
   * not a role and a name, e.g. when it ends in an organisation or place head.
   */
  private roleLength(words: readonly Word[], sentence: readonly Word[], lastHead: HeadType | undefined): number {
    if (lastHead !== undefined || words.length < 2) return 0;
    const isTitle = (word: Word): boolean => PERSON_TITLES.has(word.key) || isHonorific(word.key);
    let role = words.findLastIndex(isTitle) + 1;
    const firstIndex = sentence.indexOf(words[0] as Word);
    const beforeOf = sentence[firstIndex - 2];
    if (role === 0 && sentence[firstIndex - 1]?.key === 'of' && beforeOf !== undefined && isTitle(beforeOf)) {
      // "Secretary of State", "Minister of Foreign Affairs": the run opens with the rest of the title, ordinary words up to the name.
      while (
        role < words.length - 1 &&
        (isCommonWord((words[role] as Word).token) || this.headOf(words[role] as Word) !== undefined) &&
        !(words[role] as Word).token.tags.has('FirstName')
      )
        role++;
    }
    const name = words.slice(role);
    if (role === 0 || name.length === 0 || name.length > 4) return 0;
    // "Department of Foreign Affairs": a role never holds a connector (an organisation before it may: "European Commission President").
    if (words.slice(0, role).some((word) => !word.capitalised && NAME_CONNECTORS.has(word.key))) return 0;
    const first = name[0] as Word;
    const nameLike =
      !isCommonWord(first.token) || first.token.tags.has('FirstName') || this.gazetteer.givenNames.has(first.key) || this.gazetteer.surnames.has(first.key);
    const plain = name.every((word) => this.headOf(word) === undefined && !this.gazetteer.notEntities.has(word.key) && !isTitle(word));
    return nameLike && plain ? role : 0;
  }

  /**
   * A dateline's place: the capitalised words that open a paragraph before
   * ", Country (Agency) -" or "(Agency) -" ("ZANDVOORT, Netherlands (Reuters) -").
   */
  private isDateline(words: readonly Word[]): boolean {
    const first = words[0] as Word;
    const last = words.at(-1) as Word;
    const lineStart = first.token.start === 0 || /\n[ \t]*$/.test(this.text.slice(Math.max(0, first.token.start - 4), first.token.start));
    return (
      lineStart &&
      words.every((word) => /\p{Lu}{2}/u.test(word.token.text) && !/\p{Ll}/u.test(word.token.text)) &&
      DATELINE_TAIL.test(this.text.slice(last.token.end, last.token.end + 80))
    );
  }

  /** The type lower-case nouns give an unknown name: "the Morena party", "the port of Chancay". */
  private typeFromNouns(words: readonly Word[], sentence: readonly Word[]): EntityType | undefined {
    const firstIndex = sentence.indexOf(words[0] as Word);
    const after = sentence[sentence.indexOf(words.at(-1) as Word) + 1];
    if (after !== undefined && !after.capitalised && this.joined(words.at(-1) as Word, after)) {
      const type = TYPE_NOUNS_AFTER.get(after.key);
      if (type !== undefined) return type;
    }
    const noun = sentence[firstIndex - 2];
    if (sentence[firstIndex - 1]?.key === 'of' && noun !== undefined && !noun.capitalised && PLACE_NOUNS_BEFORE.has(noun.key)) return 'place';
    return undefined;
  }

  /** "Christian Horner": a word also used as a demonym or adjective, here a given name before a surname. */
  private givenNameBeforeSurname(words: readonly Word[]): boolean {
    const [first, second] = words;
    if (words.length !== 2 || first === undefined || second === undefined || this.gazetteer.notEntities.has(second.key)) return false;
    const given = first.token.tags.has('Person') || first.token.tags.has('FirstName') || this.gazetteer.givenNames.has(first.key);
    return given && (second.token.tags.has('LastName') || this.gazetteer.surnames.has(second.key));
  }

  /** Whether the run is exactly what a pair of quotation marks holds: the title of a work, not a name. */
  private quoted(words: readonly Word[]): boolean {
    const before = this.text.slice(Math.max(0, (words[0] as Word).token.start - 1), (words[0] as Word).token.start);
    const after = this.text.slice((words.at(-1) as Word).token.end, (words.at(-1) as Word).token.end + 1);
    return /[“"‘]/u.test(before) && /[”"’]/u.test(after);
  }

  /** The type of the name an acronym in brackets defines: "World Organization ... (WOIPFG)". */
  private definitionBefore(sentence: readonly Word[], index: number): EntityType | null {
    const word = sentence[index] as Word;
    if (!/\(\s*$/.test(this.text.slice(Math.max(0, word.token.start - 3), word.token.start))) return null;
    const acronym = word.token.text.replace(/[^\p{Lu}]/gu, '');
    const candidates = this.candidates.flat().filter((candidate) => candidate.end <= word.token.start && word.token.start - candidate.end <= 3);
    const defined = candidates.find((candidate) => initials(this.text.slice(candidate.start, candidate.end)).toUpperCase().startsWith(acronym.slice(0, 2)));
    return defined?.type ?? null;
  }

  /** Signs that a run is a person's name: a title before it, a known given name or surname, a Chinese name. */
  private personEvidence(words: readonly Word[], titled: boolean): boolean {
    // A name particle between or before capitalised parts ("Lula da Silva", "von der Leyen") only occurs in personal names.
    if (words.length >= 2 && words.some((word) => !word.capitalised && NAME_PARTICLES.has(word.key)) && (words.at(-1) as Word).capitalised) return true;
    if (words.some((word) => this.gazetteer.phrases.longestMatch([word.key], 0) !== null && taggedType(word.token) !== 'person')) return false;
    if (titled && words.length <= 4) return true;
    const first = words[0] as Word;
    const last = words.at(-1) as Word;
    if (words.length >= 2 && words.length <= 3 && this.gazetteer.surnames.has(first.key) && words.slice(1).every((word) => isPinyinName(word.key))) return true;
    // A Korean name: surname, then a hyphenated given name ("Jun Young-hyun", "Park Sang-ho").
    if (
      words.length === 3 &&
      this.gazetteer.surnames.has(first.key) &&
      !last.capitalised &&
      this.text.slice((words[1] as Word).token.end, last.token.start) === '-'
    )
      return true;
    if (words.length >= 2 && words.length <= 4 && (this.gazetteer.givenNames.has(first.key) || first.token.tags.has('FirstName')) && !isCommonWord(last.token))
      return true;
    if (words.length >= 2 && words.length <= 4 && (this.gazetteer.surnames.has(last.key) || last.token.tags.has('LastName')) && !isCommonWord(first.token))
      return true;
    return (
      words.length === 1 &&
      (first.token.tags.has('FirstName') ||
        first.token.tags.has('LastName') ||
        this.gazetteer.givenNames.has(first.key) ||
        this.gazetteer.surnames.has(first.key))
    );
  }

  /** Names in headlines: runs of words the tagger marked as names, typed by their tags or head word. */
  private findTaggedNames(words: readonly Word[], passage: number): void {
    let run: Word[] = [];
    const close = (): void => {
      // A headline's function words ("Ties With EU") may carry a name tag; they are never the edge of a name.
      const edge = (word: Word | undefined): boolean => word !== undefined && HEADLINE_SMALL_WORDS.has(word.key);
      while (edge(run[0])) run.shift();
      while (edge(run.at(-1))) run.pop();
      const named = run.filter((word) => taggedType(word.token) !== null);
      const type = majorityTag(run);
      if (named.length > 0 && type !== null && !run.every((word) => isCommonWord(word.token) || this.gazetteer.notEntities.has(word.key))) {
        const head = this.headOf(run.at(-1) as Word);
        this.push(passage, run, head === 'organization' || head === 'place' ? head : type, Priority.context);
      }
      run = [];
    };
    for (const word of words) {
      const previous = run.at(-1);
      const fits = taggedType(word.token) !== null || (previous !== undefined && this.headOf(word) !== undefined && this.headOf(word) !== 'none');
      if (!fits || (previous !== undefined && !this.joined(previous, word))) close();
      if (fits && !isClosedClass(word.token)) run.push(word);
      else close();
    }
    close();
  }
}

/** The entity type most of the words' tags point to, if any. */
function majorityTag(words: readonly { token: Token }[]): EntityType | null {
  const counts = new Map<EntityType, number>();
  for (const { token } of words) {
    const type = taggedType(token);
    if (type !== null) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  let best: EntityType | null = null;
  for (const [type, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = type;
  return best;
}

/** Finds person, place and organization mentions in a document's analysed passages. */
export function findEntityMentions(
  document: Pick<PipelineDocument, 'text'>,
  analyses: readonly PassageAnalysis[],
  gazetteer: Gazetteer = loadGazetteer(),
): EntityMention[] {
  const finder = new EntityFinder(document.text, gazetteer);
  analyses.forEach((analysis, index) => {
    finder.addPassage(analysis, index);
  });
  return finder.finish();
}
