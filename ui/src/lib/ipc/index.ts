// The UI's one door to Rust: typed commands, the change subscription and error helpers.
export * from './commands';
export * from './errors';
export * from './events';
export * from './voice';
