import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempStore, writeTempFile } from '../test-support/temp-store.js';
import { DatasetError, isEnglishDataset, parseDatasetLine, readDataset } from './datasets.js';

describe('dataset reader', () => {
  it('reads the shared JSONL shape, keeping ratings when given and null when not', async () => {
    const { dir, cleanup } = await tempStore();
    try {
      const path = writeTempFile(
        dir,
        'set.dev.jsonl',
        `${JSON.stringify({ entity_id: 'e1', category: 'cloth', reviews: [{ text: 'Nice.', rating: 4.0 }], references: ['r'] })}\n\n${JSON.stringify({ entity_id: 7, reviews: [{ text: 'Bad.' }], references: ['a', 'b'], extra: 1 })}\n`,
      );
      const set = readDataset(path);
      expect(set.name).toBe('set.dev');
      expect(set.entities).toEqual([
        {
          entityId: 'e1',
          category: 'cloth',
          language: null,
          reviews: [{ text: 'Nice.', rating: 4 }],
          references: ['r'],
        },
        {
          entityId: '7',
          category: null,
          language: null,
          reviews: [{ text: 'Bad.', rating: null }],
          references: ['a', 'b'],
        },
      ]);
      expect(readDataset(path, 1).entities).toHaveLength(1);
      expect(isEnglishDataset(set)).toBe(true);
    } finally {
      await cleanup();
    }
  });

  it('rejects a line without references or reviews with a typed error naming the line', () => {
    expect(() => parseDatasetLine('{"entity_id":"x","reviews":[],"references":["r"]}', 3)).toThrow(/line 3/);
    expect(() => parseDatasetLine('{"entity_id":"x","reviews":[{"text":"a"}]}', 4)).toThrow(DatasetError);
  });

  it('never throws anything but DatasetError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        try {
          parseDatasetLine(line, 1);
        } catch (error) {
          expect(error).toBeInstanceOf(DatasetError);
        }
      }),
    );
  });
});
