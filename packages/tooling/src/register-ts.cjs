// Lets a child process run TypeScript sources directly, compiled by swc as Jest compiles them:
// `node -r ./packages/tooling/src/register-ts.cjs file.ts`. Used by tests that must kill a real process
// (the worker's outbox relay) and to run the VNeID simulator from source (@hocvu/attestation/testing).
// Workspace aliases (@hocvu/*) are rewritten to relative paths from tsconfig.base.json; ES-module-only
// packages (jose, oidc-provider) load through Node's own require() (Node ≥ 20.19).
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
