import { CONTRACT_FIELDS } from '../contract.js';
import type { ReviewSource, SourceItem } from './source-item.js';

/** Contract field → the source's column name, e.g. `{ review_id: 'id', review_text: 'body' }`. */
export type ColumnMapping = Readonly<Partial<Record<(typeof CONTRACT_FIELDS)[number], string>>>;

export class ColumnMappingError extends Error {
  readonly code = 'RL_ERR_COLUMN_MAPPING';
}

const CONTRACT_FIELD_SET: ReadonlySet<string> = new Set(CONTRACT_FIELDS);

/**
 * Parses `--map review_id=id,review_text=body`. Only contract fields can be targets (a typo would otherwise
 * silently turn into metadata), and two fields cannot read the same column.
 */
export function parseColumnMapping(spec: string | undefined): ColumnMapping {
  const mapping: Record<string, string> = {};
  if (spec === undefined || spec.trim() === '') return mapping;
  const used = new Set<string>();
  for (const pair of spec.split(',')) {
    const [field, column, ...rest] = pair.split('=').map((part) => part.trim());
    if (!field || !column || rest.length > 0) {
      throw new ColumnMappingError(`column mapping "${pair}" must look like field=column`);
    }
    if (!CONTRACT_FIELD_SET.has(field)) {
      throw new ColumnMappingError(`"${field}" is not a contract field (${CONTRACT_FIELDS.join(', ')})`);
    }
    if (used.has(column)) throw new ColumnMappingError(`column "${column}" is mapped twice`);
    used.add(column);
    mapping[field] = column;
  }
  return mapping;
}

/** Renames each record's columns to contract fields; unmapped columns pass through (and end up as metadata). */
export function renameColumns(fields: Record<string, unknown>, mapping: ColumnMapping): Record<string, unknown> {
  const renamed: Record<string, unknown> = { ...fields };
  for (const [field, column] of Object.entries(mapping)) {
    delete renamed[column];
    // A source column named like a contract field it is not mapped to must not shadow the mapped one.
    delete renamed[field];
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (column in fields) renamed[field] = fields[column];
  }
  return renamed;
}

export function withColumnMapping(source: ReviewSource, mapping: ColumnMapping): ReviewSource {
  if (Object.keys(mapping).length === 0) return source;
  return {
    name: source.name,
    async *items(): AsyncGenerator<SourceItem> {
      for await (const item of source.items()) {
        yield item.kind === 'record' ? { ...item, fields: renameColumns(item.fields, mapping) } : item;
      }
    },
  };
}
