// For tests of any app (import from '@hocvu/attestation/testing'): the citizens seeded into the VNeID
// simulator, which also seeds itself from here, and a way to run the simulator as a process. Hocvu's
// own production code never imports this entry.
export * from './testing/oidc-browser';
export * from './testing/simulator-process';
export * from './testing/test-citizens';
