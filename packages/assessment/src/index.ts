export * from './answers';
export * from './completion';
export * from './draw';
export * from './grading';
export * from './question';
export * from './question-import';
export * from './scoring';
