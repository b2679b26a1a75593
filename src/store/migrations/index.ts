import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { StoreDialect } from '../store.js';
import { backbone } from './0001-backbone.js';
import { ingestGuards } from './0002-ingest-guards.js';
import { llmBatch } from './0003-llm-batch.js';
import { modelRegistry } from './0004-model-registry.js';
import { serve } from './0005-serve.js';
import { erasureAudit } from './0006-erasure-audit.js';
import { snippetSearch } from './0007-snippet-search.js';
import { monitoring } from './0010-monitoring.js';
import { polarityModels } from './0011-polarity-models.js';
import { signatureOrder } from './0012-signature-order.js';

/**
 * Migrations live in code (not files read at run time) so the compiled package carries them. Each is written
 * once against Kysely's schema builder and runs on SQLite and PostgreSQL; dialect differences are parameters.
 * Add a migration as its own file and one line here; names sort in the order they must run.
 */
function migrations(dialect: StoreDialect): Record<string, Migration> {
  return {
    '0001_backbone': backbone(dialect),
    '0006_erasure_audit': erasureAudit(dialect),
    '0007_snippet_search': snippetSearch(dialect),
    '0004_model_registry': modelRegistry(dialect),
    '0005_serve': serve(dialect),
    '0003_llm_batch': llmBatch(dialect),
    '0002_ingest_guards': ingestGuards(dialect),
    '0010_monitoring': monitoring(dialect),
    '0011_polarity_models': polarityModels(dialect),
    '0012_signature_order': signatureOrder(dialect),
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  // Branches add migrations in parallel; an older-numbered one may arrive after a newer one already ran.
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
