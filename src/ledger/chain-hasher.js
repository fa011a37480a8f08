// The entry of the worker thread that hashes PGlite's ledger pages. Plain
// JavaScript, so that it starts whatever loader the main thread was started
// with: it registers tsx, as bin/freshstart.js does, then runs the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./chain-hasher.ts');
