// Play / pause / step / reset, speed and the tick counter.
import { h, option } from './dom.ts';
import { t, type Lang } from '../i18n.ts';

const icon = (d: string) => `<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d="${d}" fill="currentColor"/></svg>`;
const ICONS = {
  play: icon('M4 2.5v11l9.5-5.5z'),
  pause: icon('M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z'),
  step: icon('M2.5 2.5v11l8-5.5zM11 2.5h2.5v11H11z'),
  reset: icon('M8 2.2a5.8 5.8 0 1 0 5.6 7.3h-1.9A4 4 0 1 1 8 4v2.3l3.3-3.1L8 0z'),
};

export const SPEEDS = [1, 2, 5, 10, 20, 50, 0] as const;

/** The explicit ways to go on past a run's end. */
export const MORE = [10, 50, 100] as const;

export interface Transport { setPlaying(on: boolean): void; setTick(tick: number, of: number): void; setLang(lang: Lang): void }

export function buildTransport(el: HTMLElement, o: { lang: Lang; onPlay(): void; onStep(): void; onReset(): void; onSpeed(tps: number): void; onMore(ticks: number): void }): Transport {
  let lang = o.lang;
  let playing = false;
  let tick = 0, of = 0;
  const play = h('button', { id: 'btn-play', class: 'btn-play primary' });
  const step = h('button', { id: 'btn-step' });
  const reset = h('button', { id: 'btn-reset' });
  const speed = h('select', { id: 'speed' });
  const speedLabel = h('label', { class: 'speed' });
  const counter = h('div', { class: 'tick-counter', id: 'tick-counter', 'aria-live': 'off' });
  play.addEventListener('click', () => o.onPlay());
  step.addEventListener('click', () => o.onStep());
  reset.addEventListener('click', () => o.onReset());
  speed.addEventListener('change', () => o.onSpeed(Number(speed.value)));
  speedLabel.append(speed);
  // "10 / 50 / 100 more": always present (nothing appears or disappears), emphasised at the end.
  const more = h('div', { class: 'more', id: 'more', role: 'group' });
  const moreLabel = h('span', { class: 'more-label' });
  const moreButtons = MORE.map((n) => {
    const b = h('button', { class: 'small more-btn', 'data-more': String(n) });
    b.addEventListener('click', () => o.onMore(n));
    return b;
  });
  more.append(moreLabel, ...moreButtons);
  el.append(play, step, reset, speedLabel, counter, more);

  function render(): void {
    play.innerHTML = playing ? `${ICONS.pause} ${t('pause', lang)}` : `${ICONS.play} ${t('play', lang)}`;
    play.setAttribute('aria-pressed', String(playing));
    play.title = `${playing ? t('pause', lang) : t('play', lang)} (spatie / space)`;
    step.innerHTML = `${ICONS.step} ${t('step', lang)}`;
    step.title = `${t('step', lang)} (→)`;
    reset.innerHTML = `${ICONS.reset} ${t('reset', lang)}`;
    reset.title = `${t('reset', lang)} (r)`;
    const value = speed.value || '10';
    speed.replaceChildren(...SPEEDS.map((s) => option(String(s), s === 0 ? t('max', lang) : `${s} ${t('perSecond', lang)}`, String(s) === value)));
    speed.title = t('speed', lang);
    counter.innerHTML = `<span class="tick-label">${t('tick', lang)}</span> <span class="tick-value">${tick}</span><span class="tick-of"> / ${of}</span>`;
    moreLabel.textContent = t('more', lang);
    for (const b of moreButtons) { b.textContent = `+${b.dataset.more}`; b.title = `${b.dataset.more} ${t('moreTicks', lang)}`; }
    markEnd();
  }
  function markEnd(): void {
    const atEnd = of > 0 && tick >= of;
    more.classList.toggle('at-end', atEnd);
    counter.classList.toggle('at-end', atEnd);
  }
  render();
  return {
    setPlaying(on) { playing = on; document.body.classList.toggle('is-playing', on); render(); },
    setTick(tk, total) {
      if (tk === tick && total === of) return;
      tick = tk; of = total;
      counter.querySelector('.tick-value')!.textContent = String(tick);
      counter.querySelector('.tick-of')!.textContent = ` / ${of}`;
      markEnd();
    },
    setLang(next) { lang = next; render(); },
  };
}
