export * from './courses';
export * from './enums';
export * from './error-codes';
export * from './permissions';
export * from './queues';
export * from './roles';
export * from './validation';
export * from './video';
