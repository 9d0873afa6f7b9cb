// Lets a child process run the simulator's TypeScript sources directly, compiled by swc as Jest compiles
// them: `node -r ./apps/vneid-sim/test/register-ts.cjs apps/vneid-sim/src/main.ts` (what
// startVneidSimulatorProcess in @hocvu/attestation/testing runs). Workspace aliases (@hocvu/*) are
// rewritten to relative paths from tsconfig.base.json. jose and oidc-provider are ES modules that
// Node ≥ 20.19 loads through require() itself.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const root = join(__dirname, '../../..');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      baseUrl: root,
      paths,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
