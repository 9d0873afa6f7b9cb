export * from './intervals';
export * from './ladder';
export * from './probe';
export * from './webvtt';
