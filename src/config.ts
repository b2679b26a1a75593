import { isSupportedLanguage, type Language } from './domain/languages.js';
import { DEFAULT_DB_PATH } from './store/store.js';
import { DEFAULT_MIN_REVIEWS, DEFAULT_TTL_SECONDS } from './summarize/summarize-stage.js';

/** Settings every command shares. Flags override environment variables, which override these defaults. */
export interface Config {
  readonly dbPath: string;
  /** PostgreSQL connection string (DATABASE_URL); when set and no --db flag is given, it is the store. */
  readonly databaseUrl: string | undefined;
  readonly minReviews: number;
  readonly ttlSeconds: number;
  readonly defaultLanguage: Language;
  readonly host: string;
  readonly port: number;
  /**
   * The batch retrains the store's polarity model once its star-labelled reviews grew by this share (0.25 =
   * 25 %) since the active model; null = never automatically (REVIEWLENS_POLARITY_RETRAIN_GROWTH=off).
   */
  readonly polarityRetrainGrowth: number | null;
}

export class ConfigError extends Error {
  readonly code = 'RL_ERR_CONFIG';
}

/** Retrain polarity once the star-labelled reviews grew by a quarter (index/polarity-retrain.ts). */
export const DEFAULT_POLARITY_RETRAIN_GROWTH = 0.25;

function growthShare(name: string, raw: string | undefined, fallback: number): number | null {
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'off') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new ConfigError(`${name} must be a share ≥ 0 or "off", got "${raw}"`);
  return value;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function loadConfig(
  flags: { db?: string; minReviews?: string; port?: string; host?: string } = {},
  env: NodeJS.ProcessEnv = process.env,
): Config {
  const language = env.REVIEWLENS_DEFAULT_LANGUAGE ?? 'en';
  if (!isSupportedLanguage(language)) {
    throw new ConfigError(`REVIEWLENS_DEFAULT_LANGUAGE must be one of en, de, fr, es, it, nl, pl, got "${language}"`);
  }
  return {
    dbPath: flags.db ?? env.REVIEWLENS_DB ?? DEFAULT_DB_PATH,
    // An explicit --db asks for that SQLite file, whatever the environment says.
    databaseUrl: flags.db ? undefined : env.DATABASE_URL || undefined,
    minReviews: integer('--min-reviews', flags.minReviews ?? env.REVIEWLENS_MIN_REVIEWS, DEFAULT_MIN_REVIEWS, 1),
    ttlSeconds: integer('REVIEWLENS_TTL_SECONDS', env.REVIEWLENS_TTL_SECONDS, DEFAULT_TTL_SECONDS, 1),
    defaultLanguage: language,
    host: flags.host ?? env.REVIEWLENS_HOST ?? '127.0.0.1',
    port: integer('--port', flags.port ?? env.REVIEWLENS_PORT, 3000, 0),
    polarityRetrainGrowth: growthShare(
      'REVIEWLENS_POLARITY_RETRAIN_GROWTH',
      env.REVIEWLENS_POLARITY_RETRAIN_GROWTH,
      DEFAULT_POLARITY_RETRAIN_GROWTH,
    ),
  };
}
