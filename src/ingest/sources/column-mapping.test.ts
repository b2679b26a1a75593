import { describe, expect, it } from 'vitest';
import { parseColumnMapping, renameColumns } from './column-mapping.js';

describe('column mapping', () => {
  it('renames mapped columns to contract fields and keeps the rest', () => {
    const mapping = parseColumnMapping('review_id=id, review_text=body,created_at=ts');
    expect(renameColumns({ id: 7, body: 'Hallo', ts: '2026-03-01', extra: 1 }, mapping)).toEqual({
      review_id: 7,
      review_text: 'Hallo',
      created_at: '2026-03-01',
      extra: 1,
    });
  });

  it('does not let an unmapped source column named like a mapped contract field shadow it', () => {
    const mapping = parseColumnMapping('review_id=id');
    expect(renameColumns({ id: 'a', review_id: 'internal-17' }, mapping)).toEqual({ review_id: 'a' });
  });

  it('rejects typos and ambiguous mappings with the reason', () => {
    expect(() => parseColumnMapping('reviewid=id')).toThrow(/not a contract field/);
    expect(() => parseColumnMapping('review_id=id,product_id=id')).toThrow(/mapped twice/);
    expect(() => parseColumnMapping('review_id')).toThrow(/field=column/);
    expect(parseColumnMapping(undefined)).toEqual({});
  });
});
