import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's own folder (where package.json sits), found by walking up from this module. Shipped assets
 * (data/, prompts/) live there; counting `../` from each caller broke as soon as the code was compiled to a
 * deeper folder (the ingest benchmark's `.bench-build/src/…` could not find `data/pii/`).
 */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('reviewlens: cannot find the package folder (no package.json above the code)');
    dir = parent;
  }
  return dir;
}

export const PACKAGE_ROOT = findPackageRoot();

/** An absolute path inside the package folder, e.g. `packagePath('data', 'pii', 'first-names.txt')`. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}
