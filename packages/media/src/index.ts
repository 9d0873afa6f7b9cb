export * from './intervals';
export * from './ladder';
export * from './probe';
export * from './synthetic-clip';
export * from './webvtt';
