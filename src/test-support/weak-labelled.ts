/**
 * Synthetic star-labelled English reviews whose polarity is carried by invented words the lexicon does not
 * know ("blorf" good, "zorp" bad): a model that scores them must have learned from the star ratings.
 * Texts vary enough that the ingest duplicate guards keep them all.
 */
const SUBJECTS = ['kettle', 'lamp', 'backpack', 'charger', 'blender', 'jacket', 'speaker', 'mouse', 'tent', 'pan'];
const DETAILS = [
  'arrived on a tuesday',
  'my brother picked it for the cabin',
  'the box had a blue label',
  'we use it every morning',
  'the colour is darker than the photo',
  'it came with two spare screws',
  'my neighbour asked where I got it',
  'the manual is in four languages',
];

export function weakLabelledRecords(count: number, prefix = 'w'): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => {
    const good = i % 2 === 0;
    const subject = SUBJECTS[i % SUBJECTS.length]!;
    const detail = DETAILS[Math.floor(i / SUBJECTS.length) % DETAILS.length]!;
    const word = good ? 'blorf' : 'zorp';
    return {
      review_id: `${prefix}${i}`,
      product_id: `${prefix}-p${i % 5}`,
      star_rating: good ? 5 : 1,
      review_text: `The ${subject} is really ${word}. Honestly ${detail}, order number ${1000 + i * 37}.`,
      created_at: '2026-03-01T10:00:00Z',
      user_id: `${prefix}-user-${i}`,
      language: 'en',
      category: 'home',
      product_name: `Test ${subject}`,
    };
  });
}
