/** A store failure explained in terms an operator can act on. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const EXPLANATIONS: readonly [RegExp, string, string][] = [
  [/^SQLITE_READONLY/, 'RL_ERR_STORE_READONLY', 'the database file or its folder is read-only'],
  [
    /^SQLITE_FULL/,
    'RL_ERR_DISK_FULL',
    'the disk is full: free space and re-run (every stage resumes where it stopped)',
  ],
  [
    /^SQLITE_CANTOPEN/,
    'RL_ERR_STORE_UNAVAILABLE',
    'the database file cannot be opened (missing folder or no permission)',
  ],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'RL_ERR_STORE_CORRUPT', 'the database file is damaged or not a reviewlens store'],
  [/^SQLITE_BUSY/, 'RL_ERR_STORE_BUSY', 'another process holds a write lock on the database for too long'],
];

/** Translates SQLite driver errors (which carry a `code` like SQLITE_FULL) into StoreErrors; others pass through. */
export function explainStoreError(error: unknown, location: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  for (const [pattern, ourCode, explanation] of EXPLANATIONS) {
    if (pattern.test(code))
      return new StoreError(`store ${location}: ${explanation} (${code})`, ourCode, { cause: error });
  }
  return error;
}
