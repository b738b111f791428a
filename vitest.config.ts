import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The test files share their workers' loaded modules: importing the library, its parsers and dictionaries for
    // each file again took more than half of the unit run. No test changes what another one reads.
    isolate: false,
  },
});
