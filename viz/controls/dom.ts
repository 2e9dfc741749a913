// Tiny DOM helpers for the control panels (plain elements; no framework).
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | null> = {}, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null) el.append(c);
  return el;
}

export function section(parent: HTMLElement, id: string, open = true): { root: HTMLDetailsElement; title: HTMLElement; body: HTMLDivElement } {
  const root = h('details', { class: 'side-section', id }) as HTMLDetailsElement;
  root.open = open;
  const title = h('summary');
  const body = h('div', { class: 'side-body' });
  root.append(title, body);
  parent.appendChild(root);
  return { root, title, body };
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const o = h('option', { value, text: label });
  if (selected) o.selected = true;
  return o;
}
