import type { Token } from '../text/analysis.ts';

/**
 * The cue verb lexicon: verbs that attribute words to someone. A cue is
 * matched on a token's lower-cased word form, so inflections are listed
 * rather than derived (English reporting verbs are few and irregular).
 */

/** How a cue verb can attribute speech. */
export interface CueSense {
  /** Takes a reported clause ("said that ...", "warned the plan would fail"). */
  reports: boolean;
  /** Takes an addressee before its clause ("told reporters that ...", "assured them ..."). */
  addressee: boolean;
}

const REPORTING = { reports: true, addressee: false } as const satisfies CueSense;
const ADDRESSING = { reports: true, addressee: true } as const satisfies CueSense;
/** Verbs that introduce direct quotes only: "he wondered, “…”" but not "he wondered that …" as a claim. */
const QUOTING = { reports: false, addressee: false } as const satisfies CueSense;

/** Every form of a verb: base, third person, past, participle and gerund, as written in running text. */
function forms(base: string, third: string, past: string, gerund: string, participle = past): string[] {
  return [base, third, past, gerund, participle];
}

const REPORTING_VERBS: string[][] = [
  forms('say', 'says', 'said', 'saying'),
  forms('add', 'adds', 'added', 'adding'),
  forms('explain', 'explains', 'explained', 'explaining'),
  forms('note', 'notes', 'noted', 'noting'),
  forms('state', 'states', 'stated', 'stating'),
  forms('claim', 'claims', 'claimed', 'claiming'),
  forms('deny', 'denies', 'denied', 'denying'),
  forms('argue', 'argues', 'argued', 'arguing'),
  forms('insist', 'insists', 'insisted', 'insisting'),
  forms('acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'),
  forms('admit', 'admits', 'admitted', 'admitting'),
  forms('confirm', 'confirms', 'confirmed', 'confirming'),
  forms('announce', 'announces', 'announced', 'announcing'),
  forms('report', 'reports', 'reported', 'reporting'),
  forms('reveal', 'reveals', 'revealed', 'revealing'),
  forms('suggest', 'suggests', 'suggested', 'suggesting'),
  forms('indicate', 'indicates', 'indicated', 'indicating'),
  forms('share', 'shares', 'shared', 'sharing'),
  forms('remark', 'remarks', 'remarked', 'remarking'),
  forms('emphasize', 'emphasizes', 'emphasized', 'emphasizing'),
  forms('emphasise', 'emphasises', 'emphasised', 'emphasising'),
  forms('stress', 'stresses', 'stressed', 'stressing'),
  forms('maintain', 'maintains', 'maintained', 'maintaining'),
  forms('allege', 'alleges', 'alleged', 'alleging'),
  forms('assert', 'asserts', 'asserted', 'asserting'),
  forms('contend', 'contends', 'contended', 'contending'),
  forms('declare', 'declares', 'declared', 'declaring'),
  forms('predict', 'predicts', 'predicted', 'predicting'),
  forms('estimate', 'estimates', 'estimated', 'estimating'),
  forms('concede', 'concedes', 'conceded', 'conceding'),
  forms('complain', 'complains', 'complained', 'complaining'),
  forms('recall', 'recalls', 'recalled', 'recalling'),
  forms('disclose', 'discloses', 'disclosed', 'disclosing'),
  forms('testify', 'testifies', 'testified', 'testifying'),
  forms('write', 'writes', 'wrote', 'writing', 'written'),
  forms('reply', 'replies', 'replied', 'replying'),
  forms('respond', 'responds', 'responded', 'responding'),
  forms('answer', 'answers', 'answered', 'answering'),
  forms('comment', 'comments', 'commented', 'commenting'),
  forms('observe', 'observes', 'observed', 'observing'),
  forms('agree', 'agrees', 'agreed', 'agreeing'),
  forms('conclude', 'concludes', 'concluded', 'concluding'),
  forms('warn', 'warns', 'warned', 'warning'),
  forms('promise', 'promises', 'promised', 'promising'),
  forms('pledge', 'pledges', 'pledged', 'pledging'),
  forms('vow', 'vows', 'vowed', 'vowing'),
  forms('threaten', 'threatens', 'threatened', 'threatening'),
  forms('tweet', 'tweets', 'tweeted', 'tweeting'),
  forms('recount', 'recounts', 'recounted', 'recounting'),
  forms('mention', 'mentions', 'mentioned', 'mentioning'),
  forms('specify', 'specifies', 'specified', 'specifying'),
  forms('stipulate', 'stipulates', 'stipulated', 'stipulating'),
  forms('caution', 'cautions', 'cautioned', 'cautioning'),
  forms('counter', 'counters', 'countered', 'countering'),
  forms('retort', 'retorts', 'retorted', 'retorting'),
  forms('reiterate', 'reiterates', 'reiterated', 'reiterating'),
  forms('underline', 'underlines', 'underlined', 'underlining'),
  forms('underscore', 'underscores', 'underscored', 'underscoring'),
  forms('hint', 'hints', 'hinted', 'hinting'),
  forms('signal', 'signals', 'signalled', 'signalling'),
  ['signaled', 'signaling'],
  forms('boast', 'boasts', 'boasted', 'boasting'),
  forms('concur', 'concurs', 'concurred', 'concurring'),
  forms('speculate', 'speculates', 'speculated', 'speculating'),
  forms('forecast', 'forecasts', 'forecast', 'forecasting'),
  forms('reckon', 'reckons', 'reckoned', 'reckoning'),
  forms('protest', 'protests', 'protested', 'protesting'),
  forms('clarify', 'clarifies', 'clarified', 'clarifying'),
  forms('proclaim', 'proclaims', 'proclaimed', 'proclaiming'),
  forms('recommend', 'recommends', 'recommended', 'recommending'),
  forms('propose', 'proposes', 'proposed', 'proposing'),
];

const ADDRESSING_VERBS: string[][] = [
  forms('tell', 'tells', 'told', 'telling'),
  forms('inform', 'informs', 'informed', 'informing'),
  forms('assure', 'assures', 'assured', 'assuring'),
  forms('remind', 'reminds', 'reminded', 'reminding'),
  forms('advise', 'advises', 'advised', 'advising'),
  forms('notify', 'notifies', 'notified', 'notifying'),
];

const QUOTING_VERBS: string[][] = [
  forms('ask', 'asks', 'asked', 'asking'),
  forms('sing', 'sings', 'sang', 'singing', 'sung'),
  forms('wonder', 'wonders', 'wondered', 'wondering'),
  forms('lament', 'laments', 'lamented', 'lamenting'),
  forms('continue', 'continues', 'continued', 'continuing'),
  forms('exclaim', 'exclaims', 'exclaimed', 'exclaiming'),
  forms('shout', 'shouts', 'shouted', 'shouting'),
  forms('urge', 'urges', 'urged', 'urging'),
  forms('joke', 'jokes', 'joked', 'joking'),
  forms('quip', 'quips', 'quipped', 'quipping'),
  forms('sigh', 'sighs', 'sighed', 'sighing'),
  forms('cry', 'cries', 'cried', 'crying'),
  forms('scream', 'screams', 'screamed', 'screaming'),
  forms('whisper', 'whispers', 'whispered', 'whispering'),
  forms('plead', 'pleads', 'pleaded', 'pleading'),
  forms('demand', 'demands', 'demanded', 'demanding'),
  forms('read', 'reads', 'read', 'reading'),
  forms('post', 'posts', 'posted', 'posting'),
  forms('mutter', 'mutters', 'muttered', 'muttering'),
  forms('yell', 'yells', 'yelled', 'yelling'),
  forms('snap', 'snaps', 'snapped', 'snapping'),
  forms('muse', 'muses', 'mused', 'musing'),
  forms('grumble', 'grumbles', 'grumbled', 'grumbling'),
  forms('interject', 'interjects', 'interjected', 'interjecting'),
];

/**
 * Verbs that attribute a quoted fragment inside a sentence, not a clause:
 * "called it “a disgrace”", "described the election as “rigged”",
 * "accused Trump of praising Putin to a degree that is “unprecedented”".
 * Naming verbs (call, dub, label ...) may quote a name or title in Title
 * Case ("called her “Miss Piggy”"); the others quote words, never a title.
 */
const FRAGMENT_NAMING_VERBS: string[][] = [
  forms('call', 'calls', 'called', 'calling'),
  forms('dub', 'dubs', 'dubbed', 'dubbing'),
  forms('label', 'labels', 'labelled', 'labelling'),
  ['labeled', 'labeling'],
  forms('brand', 'brands', 'branded', 'branding'),
  forms('term', 'terms', 'termed', 'terming'),
  forms('nickname', 'nicknames', 'nicknamed', 'nicknaming'),
];
const FRAGMENT_VERBS: string[][] = [
  forms('describe', 'describes', 'described', 'describing'),
  forms('characterize', 'characterizes', 'characterized', 'characterizing'),
  forms('characterise', 'characterises', 'characterised', 'characterising'),
  forms('portray', 'portrays', 'portrayed', 'portraying'),
  forms('accuse', 'accuses', 'accused', 'accusing'),
  forms('blame', 'blames', 'blamed', 'blaming'),
  forms('praise', 'praises', 'praised', 'praising'),
  forms('criticize', 'criticizes', 'criticized', 'criticizing'),
  forms('criticise', 'criticises', 'criticised', 'criticising'),
  forms('blast', 'blasts', 'blasted', 'blasting'),
  forms('slam', 'slams', 'slammed', 'slamming'),
  forms('mock', 'mocks', 'mocked', 'mocking'),
  forms('deride', 'derides', 'derided', 'deriding'),
  forms('denounce', 'denounces', 'denounced', 'denouncing'),
  forms('dismiss', 'dismisses', 'dismissed', 'dismissing'),
  forms('decry', 'decries', 'decried', 'decrying'),
  forms('condemn', 'condemns', 'condemned', 'condemning'),
  forms('tout', 'touts', 'touted', 'touting'),
  forms('hail', 'hails', 'hailed', 'hailing'),
  forms('pronounce', 'pronounces', 'pronounced', 'pronouncing'),
  forms('chant', 'chants', 'chanted', 'chanting'),
  forms('cite', 'cites', 'cited', 'citing'),
  forms('quote', 'quotes', 'quoted', 'quoting'),
  forms('refer', 'refers', 'referred', 'referring'),
  forms('thank', 'thanks', 'thanked', 'thanking'),
  forms('credit', 'credits', 'credited', 'crediting'),
  forms('vent', 'vents', 'vented', 'venting'),
  forms('bemoan', 'bemoans', 'bemoaned', 'bemoaning'),
  forms('question', 'questions', 'questioned', 'questioning'),
  forms('imply', 'implies', 'implied', 'implying'),
  forms('echo', 'echoes', 'echoed', 'echoing'),
];

function lexicon(): Map<string, CueSense> {
  const entries = new Map<string, CueSense>();
  for (const [verbs, sense] of [
    [QUOTING_VERBS, QUOTING],
    [REPORTING_VERBS, REPORTING],
    [ADDRESSING_VERBS, ADDRESSING],
  ] as const) {
    for (const verb of verbs) for (const form of verb) entries.set(form, sense);
  }
  return entries;
}

/** Every cue word form with how it attributes speech. */
export const CUE_WORDS: ReadonlyMap<string, CueSense> = lexicon();

/**
 * Verbs that only attribute speech with a particle ("pointed out", "went
 * on", "put it", "shot back"): alone they mean something else ("pointed
 * at", "went home", "put the case", "shot the film").
 */
const CUE_PARTICLES: ReadonlyMap<string, string> = new Map([
  ['point', 'out'],
  ['points', 'out'],
  ['pointed', 'out'],
  ['pointing', 'out'],
  ['go', 'on'],
  ['goes', 'on'],
  ['went', 'on'],
  ['going', 'on'],
  // "as The Post's Dana Milbank puts it, “…”"
  ['put', 'it'],
  ['puts', 'it'],
  ['putting', 'it'],
  // A retort: "Hillary shot back, “…”", "“…,” Trump fired back."
  ['shoot', 'back'],
  ['shoots', 'back'],
  ['shot', 'back'],
  ['shooting', 'back'],
  ['fire', 'back'],
  ['fires', 'back'],
  ['fired', 'back'],
  ['firing', 'back'],
  ['hit', 'back'],
  ['hits', 'back'],
  ['hitting', 'back'],
]);

/** Verbs of letting know: "lets them know that …" reports like "tells them that …". */
const LET_KNOW: ReadonlySet<string> = new Set(['let', 'lets', 'letting']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['me', 'you', 'him', 'her', 'us', 'them', 'it']);

/** The lower-cased word form of a token's text, without a possessive or contraction tail. */
export function wordForm(text: string): string {
  return text.toLowerCase().replace(/['’](?:s|d|ll|re|ve|m)$/u, '');
}

/** A cue found in the tokens: the attributing verb (with its particle) as written. */
export interface Cue {
  /** Index of the verb token. */
  index: number;
  /** Index of the cue's last token ("out" of "pointed out", "know" of "lets them know"). */
  last: number;
  /** The cue as written in the text. */
  text: string;
  sense: CueSense;
  /** The verb is a gerund ("adding", "claiming"). */
  gerund: boolean;
}

/**
 * Whether the token at `index` is an -ing form right after a comma (", telling
 * Sky News"): a participle clause, which the tagger sometimes reads as an
 * adjective.
 */
function participleAfterComma(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const previous = tokens[index - 1];
  return /ing$/u.test(token.text) && previous !== undefined && (previous.post + token.pre).trim() === ',';
}

/** Messages someone issues: "released a statement saying …" is the words of whoever released it. */
const ISSUED_MESSAGES: ReadonlySet<string> = new Set(['statement', 'statements', 'release', 'letter', 'memo', 'tweet', 'email', 'message']);

/**
 * Whether the token at `index` is an -ing form on a message a verb issued,
 * maybe past a date ("issued a statement Monday saying"): a participle
 * clause with the issuer for subject, which the tagger may read as a noun.
 * Not "In a statement announcing the pick, …", where no one issues it.
 */
export function participleOnMessage(tokens: readonly Token[], index: number): boolean {
  if (!/ing$/u.test(tokens[index]?.text ?? '')) return false;
  for (let at = index - 1; at >= Math.max(0, index - 3); at--) {
    const token = tokens[at] as Token;
    if ((token.post + (tokens[at + 1] as Token).pre).trim() !== '') return false;
    if (ISSUED_MESSAGES.has(wordForm(token.text))) return issuedByVerb(tokens, at);
    if (!token.tags.has('Date')) return false;
  }
  return false;
}

/** Whether the noun at `noun` is the object of a verb right before it, past a determiner and an adjective ("released a brief statement"). */
function issuedByVerb(tokens: readonly Token[], noun: number): boolean {
  for (let at = noun - 1; at >= Math.max(0, noun - 3); at--) {
    const token = tokens[at] as Token;
    if (token.tags.has('Verb') && !token.tags.has('Gerund')) return true;
    if (!token.tags.has('Determiner') && !token.tags.has('Adjective')) return false;
  }
  return false;
}

/**
 * The cue whose verb is the token at `index`, or null. The token must be
 * tagged as a verb ("reports" and "claims" are nouns as often as verbs),
 * unless `anyTag` says its position leaves no other reading (“…,” a
 * narrator asks).
 */
export function cueAt(tokens: readonly Token[], index: number, text: string, anyTag = false): Cue | null {
  const token = tokens[index];
  if (token === undefined || (!anyTag && !token.tags.has('Verb') && !participleAfterComma(tokens, index) && !participleOnMessage(tokens, index))) return null;
  const word = wordForm(token.text);
  const gerund = token.tags.has('Gerund') || word.endsWith('ing');
  const next = tokens[index + 1];
  const particle = CUE_PARTICLES.get(word);
  if (particle !== undefined) {
    if (next === undefined || wordForm(next.text) !== particle) return null;
    return { index, last: index + 1, text: text.slice(token.start, next.end), sense: REPORTING, gerund };
  }
  if (LET_KNOW.has(word)) {
    const knows = tokens[index + 2];
    if (next === undefined || knows === undefined || !OBJECT_PRONOUNS.has(wordForm(next.text)) || wordForm(knows.text) !== 'know') return null;
    return { index, last: index + 2, text: text.slice(token.start, knows.end), sense: REPORTING, gerund };
  }
  const sense = CUE_WORDS.get(word);
  return sense === undefined ? null : { index, last: index, text: token.text, sense, gerund };
}

/** How a verb attributes a quoted fragment inside its sentence. */
export interface FragmentCue extends Cue {
  /** A naming verb ("called her “Miss Piggy”"), which may quote a name in Title Case. */
  naming: boolean;
  /** A verb that quotes whole words but does not describe with them ("read", "asked"): "read the “…”" quotes a document's name. */
  quotesOnly: boolean;
}

function fragmentLexicon(): Map<string, boolean> {
  const entries = new Map<string, boolean>();
  for (const [verbs, naming] of [
    [FRAGMENT_VERBS, false],
    [FRAGMENT_NAMING_VERBS, true],
  ] as const) {
    for (const verb of verbs) for (const form of verb) entries.set(form, naming);
  }
  return entries;
}

/** Fragment cue word forms, true for the naming verbs. */
const FRAGMENT_WORDS: ReadonlyMap<string, boolean> = fragmentLexicon();

/**
 * The cue at `index` that can attribute a quoted fragment later in its
 * sentence: any speech cue, or a verb of calling, describing, accusing or
 * praising. Null when the token is none of them.
 */
export function fragmentCueAt(tokens: readonly Token[], index: number, text: string): FragmentCue | null {
  const cue = cueAt(tokens, index, text);
  if (cue !== null) return { ...cue, naming: false, quotesOnly: !cue.sense.reports };
  const token = tokens[index];
  if (token === undefined || (!token.tags.has('Verb') && !participleAfterComma(tokens, index))) return null;
  const word = wordForm(token.text);
  const naming = FRAGMENT_WORDS.get(word);
  if (naming === undefined) return null;
  return { index, last: index, text: token.text, sense: QUOTING, gerund: token.tags.has('Gerund') || word.endsWith('ing'), naming, quotesOnly: false };
}
