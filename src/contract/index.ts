/** The one contract: shared by the widget, the proxy and the simulator. */
export * from './batch-api.ts';
export * from './batch-model.ts';
export * from './batch-post-gate.ts';
export * from './entry-metadata.ts';
export * from './gift-fields.ts';
export * from './gift-schema.ts';
export * from './gift-summary.ts';
export * from './imis-party.ts';
export * from './import-request.ts';
export * from './lookups.ts';
export * from './proxy-api.ts';
export * from './proxy-routes.ts';
export * from './session-api.ts';
export * from './session-schema.ts';
export * from './import-request-schema.ts';
export * from './transaction-id.ts';
export * from './upstream-messages.ts';
