export * from './env-config';
export * from './field-cipher';
export * from './logging';
export * from './redis';
export * from './server-config';
export * from './storage';
