// The UI's one door to Rust: one file of typed commands per feature (each rejects with an
// `ErrorReport`), the change subscription and the error helpers.
export * from './action-items';
export * from './backups';
export * from './commitments';
export * from './coverage';
export * from './customers';
export * from './errors';
export * from './events';
export * from './exercises';
export * from './goals';
export * from './interviews';
export * from './kudos';
export * from './metrics';
export * from './outcomes';
export * from './pain-points';
export * from './people';
export * from './presenter';
export * from './products';
export * from './search';
export * from './settings';
export * from './surveys';
export * from './teams';
export * from './themes';
export * from './trash';
export * from './workshops';
export * from './workspace';
