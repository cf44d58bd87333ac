export * from './access.js';
export * from './enums.js';
export * from './estate.js';
export * from './records.js';
export * from './usage.js';
