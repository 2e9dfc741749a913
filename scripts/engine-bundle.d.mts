// Types for engine-bundle.mjs (plain ESM so it runs without tsx).
export declare const ROOT: string;
export interface FreshBundle { file: string; key: string; inputs: number; built: boolean }
export declare function cacheDirs(root?: string): string[];
export declare function checkBundle(dir: string, root?: string): { file: string; key: string; inputs: number } | null;
export declare function build(dir: string, root?: string): Promise<{ file: string; key: string; inputs: number }>;
export declare function freshBundle(root?: string): FreshBundle | { file: null; reason: string };
