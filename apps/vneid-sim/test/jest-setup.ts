// oidc-provider 9 prints "Unsupported runtime" on import under Node 20 (it is tested on Node 22+).
// Node ≥ 20.19 runs it — these suites are the proof — and docs/vneid-adapter.md says so; dropping
// that one known line keeps the test output readable. Every other warning still shows.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].startsWith('oidc-provider WARNING: Unsupported runtime')) return;
  warn(...args);
};
