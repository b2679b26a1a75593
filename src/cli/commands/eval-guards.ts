import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { evaluateLangid, readLangidDir } from '../../ingest/guards/evaluate-langid.js';
import { evaluatePii, type PiiEvalRecord } from '../../ingest/guards/evaluate-pii.js';
import { evaluateToxicity } from '../../ingest/guards/evaluate-toxicity.js';
import { initLanguageId } from '../../ingest/language-id.js';
import { evalCommandGroup } from './eval.js';

/** `reviewlens eval guards`: PII recall, language-id accuracy and toxicity recall/FPR on reference data. */
export function registerEvalGuardsCommands(program: Command): void {
  evalCommandGroup(program)
    .command('guards')
    .description('evaluate the ingest guards (PII, language id, toxicity) on labelled data; prints JSON')
    .option('--pii <file>', 'JSON array of Presidio-style records {full_text, spans[…]}')
    .option('--langid <dir>', 'folder with one <iso-639-1>.txt per language, one sample per line')
    .option('--toxicity <file>', 'labelled CSV (text + hateful/non-hateful); a folder evaluates every .csv in it')
    .option('--out <file>', 'also write the JSON here')
    .action(async (opts: { pii?: string; langid?: string; toxicity?: string; out?: string }) => {
      const result: Record<string, unknown> = {};
      if (opts.pii) {
        result.pii = evaluatePii(JSON.parse(readFileSync(opts.pii, 'utf8')) as PiiEvalRecord[]);
      }
      if (opts.langid) {
        await initLanguageId();
        result.langid = evaluateLangid(readLangidDir(opts.langid));
      }
      if (opts.toxicity) {
        const files = statSync(opts.toxicity).isDirectory()
          ? readdirSync(opts.toxicity)
              .filter((f) => f.endsWith('.csv'))
              .sort()
              .map((f) => join(opts.toxicity!, f))
          : [opts.toxicity];
        result.toxicity = evaluateToxicity(files);
      }
      const json = JSON.stringify(result, null, 2);
      if (opts.out) writeFileSync(opts.out, `${json}\n`);
      process.stdout.write(`${json}\n`);
    });
}
