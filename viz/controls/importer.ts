// The CSV importer (sim/import), loaded on demand when a file is dropped. It is pure text →
// scenario code: no engine, so it may run on the UI thread.
export { importActorAnalysis, decodeText } from '../../sim/index.ts';
export { InputError } from '../../sim/meta.ts';
