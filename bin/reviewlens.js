#!/usr/bin/env node
// The CLI runs the compiled output; `npm install` builds it through the `prepare` script.
import('../dist/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli/main.js')) {
    console.error('reviewlens is not built yet: run `npm run build` (npm install does this through `prepare`).');
    process.exit(1);
  }
  throw error;
});
