import type { Command } from 'commander';
import { API_SCOPES, ApiKeyError, type ApiScope, createApiKey, revokeApiKey } from '../../store/api-keys.js';
import { commandConfig as config, printJson, withStore } from '../context.js';

export function registerApiKeyCommands(program: Command): void {
  const apiKey = program.command('api-key').description('API keys for HTTP ingest and the admin API (stored hashed)');

  apiKey
    .command('create <name>')
    .description('create a key; it is printed once and cannot be shown again')
    .option('--scopes <list>', `comma-separated: ${API_SCOPES.join(', ')}`, 'admin')
    .action(async (name: string, opts: { scopes: string }, command: Command) => {
      const scopes = opts.scopes.split(',').map((s) => s.trim()) as ApiScope[];
      if (scopes.some((s) => !API_SCOPES.includes(s))) throw new ApiKeyError(`unknown scope in "${opts.scopes}"`);
      printJson(await withStore(config(command), (store) => createApiKey(store.db, name, scopes)));
    });

  apiKey
    .command('revoke <keyId>')
    .description('revoke a key by its id')
    .action(async (keyId: string, _opts: unknown, command: Command) => {
      printJson({ revoked: await withStore(config(command), (store) => revokeApiKey(store.db, keyId)) });
    });
}
