import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FeatureTable } from './feature-hash.ts';
import { LABELS, labelName } from './labels.ts';
import { SequenceModel } from './sequence-model.ts';
import { decodeWorldLexicon, encodeWorldLexicon, type WorldLexicon } from './world-lexicon.ts';

/** The model shipped with quarry, trained by `npm run train` (see data/models/README.md). */
export const SHIPPED_ENTITY_MODEL = fileURLToPath(new URL('../../../data/models/entities.model', import.meta.url));

/** The first bytes of a model file, with the version of its layout. */
const MAGIC = 'quarry-entity-model 3\n';

/** What a model file says about itself: the label set it was trained with, and its card (data, features, scores). */
export interface ModelMetadata {
  labels: string[];
  /** Version of the feature set (features.ts): a model is only read by the code that makes its features. */
  features: number;
  /** Weights are stored as 16-bit integers: weight = integer / scale. */
  scale: number;
  /** How it was trained and how it scored: free-form, written by `quarry train`. */
  card: Record<string, unknown>;
}

/** A model read from its file. */
export interface EntityModel {
  metadata: ModelMetadata;
  /** Feature hash to feature id. */
  features: FeatureTable;
  sequenceModel: SequenceModel;
  /** The cities and name words the model was trained with. */
  lexicon: WorldLexicon;
  /** SHA-256 of the file's bytes. */
  sha256: string;
}

/** The version of the feature set that features.ts makes; bump it whenever the features change. */
export const FEATURE_SET_VERSION = 8;

/** A model file that cannot be used: named in the message, with what is wrong. */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

/**
 * Writes a model: the header (JSON metadata), the feature hashes, the
 * transition weights and the non-zero feature weights as 16-bit integers.
 * Features whose weights all round to zero are left out. The same model
 * gives the same bytes.
 */
export function encodeModel(
  features: Uint32Array,
  weights: Float64Array,
  transitions: Float64Array,
  lexicon: WorldLexicon,
  card: Record<string, unknown>,
): Buffer {
  const labelCount = LABELS.length;
  let largest = 0;
  for (const value of weights) largest = Math.max(largest, Math.abs(value));
  for (const value of transitions) largest = Math.max(largest, Math.abs(value));
  const scale = largest === 0 ? 1 : 32767 / largest;
  const keptFeatures: number[] = [];
  const rows: [number, number][][] = [];
  features.forEach((feature, id) => {
    const row: [number, number][] = [];
    for (let label = 0; label < labelCount; label++) {
      const quantised = Math.round((weights[id * labelCount + label] as number) * scale);
      if (quantised !== 0) row.push([label, quantised]);
    }
    if (row.length === 0) return;
    keptFeatures.push(feature);
    rows.push(row);
  });
  const metadata: ModelMetadata = { labels: LABELS.map(labelName), features: FEATURE_SET_VERSION, scale, card };
  const header = Buffer.from(JSON.stringify(metadata), 'utf8');
  const hashes = Buffer.alloc(keptFeatures.length * 4);
  keptFeatures.forEach((hash, index) => {
    hashes.writeUInt32LE(hash, index * 4);
  });
  const entryCount = rows.reduce((sum, row) => sum + row.length, 0);
  const counts = Buffer.from(rows.map((row) => row.length));
  const labels = Buffer.from(rows.flatMap((row) => row.map(([label]) => label)));
  const values = Buffer.alloc(entryCount * 2);
  let at = 0;
  for (const row of rows) for (const [, value] of row) at = values.writeInt16LE(value, at);
  const transitionValues = Buffer.alloc(transitions.length * 4);
  transitions.forEach((value, index) => {
    transitionValues.writeFloatLE(value, index * 4);
  });
  const lexiconBytes = encodeWorldLexicon(lexicon);
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(header.length, 0);
  sizes.writeUInt32LE(keptFeatures.length, 4);
  sizes.writeUInt32LE(entryCount, 8);
  sizes.writeUInt32LE(lexiconBytes.length, 12);
  return Buffer.concat([Buffer.from(MAGIC, 'ascii'), sizes, header, hashes, transitionValues, counts, labels, values, lexiconBytes]);
}

/** Reads a model from its bytes; `source` names it in errors. */
export function decodeModel(bytes: Buffer, source: string): EntityModel {
  const fail = (reason: string): never => {
    throw new ModelFileError(`${source} is not a usable quarry entity model: ${reason}`);
  };
  if (bytes.subarray(0, MAGIC.length).toString('ascii') !== MAGIC) fail('it does not start like one (train one with `quarry train`)');
  let at = MAGIC.length;
  if (bytes.length < at + 16) fail('it is cut short');
  const headerLength = bytes.readUInt32LE(at);
  const featureCount = bytes.readUInt32LE(at + 4);
  const entryCount = bytes.readUInt32LE(at + 8);
  const lexiconLength = bytes.readUInt32LE(at + 12);
  at += 16;
  const labelCount = LABELS.length;
  const transitionCount = (labelCount + 1) * labelCount;
  const expected = at + headerLength + featureCount * 4 + transitionCount * 4 + featureCount + entryCount * 3 + lexiconLength;
  if (bytes.length !== expected) fail(`it holds ${bytes.length} bytes where its sizes say ${expected}`);
  let metadata: ModelMetadata;
  try {
    metadata = JSON.parse(bytes.subarray(at, at + headerLength).toString('utf8')) as ModelMetadata;
  } catch {
    return fail('its header is not JSON');
  }
  if (metadata.features !== FEATURE_SET_VERSION)
    fail(`it was trained for feature set ${metadata.features}, and this quarry makes feature set ${FEATURE_SET_VERSION}: train it again with \`quarry train\``);
  if (JSON.stringify(metadata.labels) !== JSON.stringify(LABELS.map(labelName)))
    fail(`its labels (${metadata.labels.join(' ')}) are not the ones this quarry decodes`);
  at += headerLength;
  const hashes = new Uint32Array(littleEndian(bytes, at, featureCount * 4));
  at += featureCount * 4;
  // A run scores in the weights' stored units (integer / scale): the transitions are read in the same units, and the best labelling is the same.
  const transitions = new Float64Array(transitionCount);
  for (let index = 0; index < transitionCount; index++) transitions[index] = bytes.readFloatLE(at + index * 4) * metadata.scale;
  at += transitionCount * 4;
  const rowStarts = new Uint32Array(featureCount + 1);
  for (let feature = 0; feature < featureCount; feature++) rowStarts[feature + 1] = (rowStarts[feature] as number) + (bytes[at + feature] as number);
  at += featureCount;
  const labels = bytes.subarray(at, at + entryCount);
  at += entryCount;
  const quantised = new Int16Array(littleEndian(bytes, at, entryCount * 2));
  // The file keeps a feature's non-zero weights; a run reads every feature's row in full (most rows have most labels, and a
  // full row is added without looking up which label each weight is for), as the stored 16-bit integers: half the memory a
  // run reads at random, feature by feature, of floats.
  const weights = new Int16Array(featureCount * labelCount);
  for (let feature = 0; feature < featureCount; feature++) {
    for (let entry = rowStarts[feature] as number; entry < (rowStarts[feature + 1] as number); entry++)
      weights[feature * labelCount + (labels[entry] as number)] = quantised[entry] as number;
  }
  at += entryCount * 2;
  let lexicon: WorldLexicon;
  try {
    lexicon = decodeWorldLexicon(bytes.subarray(at, at + lexiconLength));
  } catch (error) {
    return fail(`its world lexicon cannot be read (${(error as Error).message})`);
  }
  return {
    metadata,
    features: new FeatureTable(hashes),
    lexicon,
    sequenceModel: new SequenceModel(weights, transitions),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/**
 * A copy of some bytes in a buffer of their own, for a typed array view
 * (which needs an aligned start). The file is little-endian, as every
 * machine Node runs on.
 */
function littleEndian(bytes: Buffer, start: number, length: number): ArrayBuffer {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(bytes.subarray(start, start + length));
  return copy;
}

const loaded = new Map<string, EntityModel>();

/** Reads a model file once per process and path. */
export function loadModel(file: string): EntityModel {
  let model = loaded.get(file);
  if (model === undefined) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ModelFileError(`cannot read the entity model ${file}: ${(error as Error).message}`);
    }
    model = decodeModel(bytes, file);
    loaded.set(file, model);
  }
  return model;
}
