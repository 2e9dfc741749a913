// A minimal test registry for the browser suite: named async tests sharing one Vite server
// and one Chromium, run one after another (they drive real pages; parallel runs would only
// compete for the two CI cores).
import type { Browser } from 'playwright-core';

export interface Ctx { browser: Browser; url: string; note(text: string): void }
export interface BrowserTest { name: string; fn: (ctx: Ctx) => Promise<void>; timeout: number }

export const TESTS: BrowserTest[] = [];

export function test(name: string, fn: (ctx: Ctx) => Promise<void>, timeout = 60_000): void {
  TESTS.push({ name, fn, timeout });
}

export class AssertionError extends Error {}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}

export function assertEqual<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
