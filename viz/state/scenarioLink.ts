// An imported scenario travels in the link itself: its JSON, deflate-compressed
// (CompressionStream 'deflate-raw') and base64url-encoded, in the URL fragment (#sc=…), so a
// link opens the same scenario in a fresh browser. The fragment never reaches a server.
// Beyond MAX_FRAGMENT characters a link is impractical to share; the app then says so and
// offers the scenario file instead.

export const MAX_FRAGMENT = 16_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The scenario as fragment text (without "#sc="). */
export async function encodeScenario(json: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** The scenario JSON from fragment text; throws a readable error when it is damaged. */
export async function decodeScenario(text: string): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    const bytes = await pipe(fromBase64Url(text), new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`the scenario in this link (#sc=…) is damaged and cannot be read (${(e as Error).message}); ask for the scenario file instead`);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('the scenario in this link (#sc=…) is not a scenario object');
  return json as Record<string, unknown>;
}

/** The fragment's scenario text, if any. */
export function fragmentScenario(hash: string): string | null {
  const q = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return q.get('sc');
}
