// Drop an actor analysis (CSV from a spreadsheet; optionally a second CSV with ties) or a
// scenario .json on the page: it becomes a scenario that runs at once. Bad input shows the
// importer's errors (file, row, column) as the CLI would.
import { t, type Lang } from '../i18n.ts';

export interface DroppedScenario { id: string; json: Record<string, unknown>; file: string; warnings: string[] }

export interface DropOptions {
  lang: () => Lang;
  onScenario(scenario: DroppedScenario): void;
  onError(message: string): void;
}

/** A ties table has from/to (van/naar) columns; an actor table does not. */
function isTiesTable(text: string): boolean {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].toLowerCase().split(/[;,\t]/).map((s) => s.trim().replace(/^"|"$/g, ''));
  return (header.includes('from') || header.includes('van')) && (header.includes('to') || header.includes('naar'));
}

export async function readDropped(files: File[]): Promise<DroppedScenario> {
  const { importActorAnalysis, decodeText, InputError } = await import('./importer.ts');
  const json = files.find((f) => /\.json$/i.test(f.name));
  if (json) {
    const text = decodeText(new Uint8Array(await json.arrayBuffer())).text;
    let raw: unknown;
    try { raw = JSON.parse(text); } catch (e) {
      throw new InputError(json.name, [{ path: '', message: `not valid JSON: ${(e as Error).message}` }]);
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InputError(json.name, [{ path: '', message: 'expected a JSON object (a scenario)' }]);
    const id = typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : json.name.replace(/\.json$/i, '');
    return { id, json: raw as Record<string, unknown>, file: json.name, warnings: [] };
  }
  const csvs = files.filter((f) => /\.(csv|txt|tsv)$/i.test(f.name));
  if (!csvs.length) throw new InputError(files.map((f) => f.name).join(', ') || '(no file)', [{ path: '', message: 'expected a CSV file (an actor analysis) or a scenario .json' }]);
  const texts = await Promise.all(csvs.map(async (f) => ({ f, text: decodeText(new Uint8Array(await f.arrayBuffer())).text })));
  const ties = texts.find((x) => isTiesTable(x.text));
  const actors = texts.find((x) => x !== ties) ?? texts[0];
  const warnings: string[] = [];
  const title = actors.f.name.replace(/\.(csv|txt|tsv)$/i, '');
  const scenario = importActorAnalysis({
    actorsCsv: actors.text,
    tiesCsv: ties && ties !== actors ? ties.text : undefined,
    title,
    fileNames: { actors: actors.f.name, ties: ties?.f.name },
    warn: (m) => warnings.push(m),
  }) as Record<string, unknown>;
  return { id: String(scenario.id), json: scenario, file: actors.f.name, warnings };
}

export function installDrop(hint: HTMLElement, o: DropOptions): { pick(): void } {
  let depth = 0;
  const show = (on: boolean) => {
    hint.hidden = !on;
    if (on) hint.textContent = t('dropCsv', o.lang());
  };
  const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragenter', (e) => { if (!hasFiles(e)) return; depth++; show(true); e.preventDefault(); });
  document.addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) show(false); });
  const handle = async (files: File[]) => {
    try {
      o.onScenario(await readDropped(files));
    } catch (e) {
      o.onError((e as Error).message);
    }
  };
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth = 0;
    show(false);
    void handle([...(e.dataTransfer?.files ?? [])]);
  });
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.csv,.tsv,.txt,.json';
  input.multiple = true;
  input.id = 'import-file';
  input.hidden = true;
  input.addEventListener('change', () => { void handle([...(input.files ?? [])]); input.value = ''; });
  document.body.appendChild(input);
  return { pick: () => input.click() };
}
