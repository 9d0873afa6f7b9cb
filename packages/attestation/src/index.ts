export * from './adapter';
export * from './completion-record';
export * from './errors';
export * from './http-attestation-adapter';
export * from './retry-after';
export * from './signing';
