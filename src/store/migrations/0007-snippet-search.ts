import { type Kysely, type Migration, sql } from 'kysely';
import type { StoreDialect } from '../store.js';

/**
 * Full-text index over chunk text for snippet search. SQLite: an FTS5 external-content table kept in sync by
 * triggers (diacritics folded, so "hält" finds "halt"). PostgreSQL: a GIN index on a 'simple' tsvector
 * (no stemming: the catalogue is multilingual).
 */
export function snippetSearch(dialect: StoreDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') {
        await sql`create index chunks_text_search on chunks using gin (to_tsvector('simple', text))`.execute(db);
        return;
      }
      await sql`create virtual table chunks_fts using fts5(text, content='chunks', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(
        db,
      );
      await sql`create trigger chunks_fts_insert after insert on chunks begin
        insert into chunks_fts(rowid, text) values (new.rowid, new.text); end`.execute(db);
      await sql`create trigger chunks_fts_delete after delete on chunks begin
        insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.rowid, old.text); end`.execute(db);
      await sql`create trigger chunks_fts_update after update of text on chunks begin
        insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.rowid, old.text);
        insert into chunks_fts(rowid, text) values (new.rowid, new.text); end`.execute(db);
      await sql`insert into chunks_fts(chunks_fts) values ('rebuild')`.execute(db);
    },
  };
}
