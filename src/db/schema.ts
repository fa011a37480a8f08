/** Every table of Fresh Start, for the migrations and the typed database. */
export * from '../auth/schema.ts';
export * from '../ledger/schema.ts';
export * from '../modules/councils/schema.ts';
