export * from './activity.js';
export * from './engine/index.js';
export * from './facts.js';
export * from './model.js';
export * from './report.js';
export * from './scenario/index.js';
export * from './time.js';
