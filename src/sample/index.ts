/** Public surface of the seeded sample-data generator. */

export { CSV_COLUMNS, csvHeader, csvRow } from './csv.js';
export { type EmergingSampleOptions, generateEmergingSample, type PlantedEmergingIssue } from './emerging.js';
export { FLAWS, type FlawDefinition, flawById, mentionsFlaw } from './flaws.js';
export { DEFAULT_REVIEWS_PER_PRODUCT, generateSample, NOISE_RATES, SAMPLE_END } from './generate.js';
export { containsStem, mentionsAspect } from './stems.js';
export type { SampleItem, SampleOptions, SampleRecord, SampleTruth, TruthPii, TruthSentence } from './types.js';
export { truthPathFor, type WriteSampleOptions, type WriteSampleResult, writeSample } from './write-sample.js';
export { SHIPPED_SAMPLE_OPTIONS, writeShippedSample } from './write-shipped-sample.js';
