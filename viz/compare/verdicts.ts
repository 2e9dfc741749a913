// The compare panel's verdicts in words (no DOM): the winner named first, with the probability
// that it beats the other (Vargha–Delaney A read from the winner's side), so a verdict never
// reads "X higher than Y: A = 0.07". Threshold measures: "reaches it earlier".
import type { PairRow } from '../../sim/index.ts';
import { fmt, type Lang } from '../i18n.ts';

const MAGNITUDE: Record<string, { nl: string; en: string }> = {
  negligible: { nl: 'verwaarloosbaar', en: 'negligible' },
  small: { nl: 'klein', en: 'small' },
  medium: { nl: 'middelgroot', en: 'medium' },
  large: { nl: 'groot', en: 'large' },
};

/** A from the winner's side: P(winner better) + ½ P(tie); better = larger, or earlier for thresholds. */
export function winnerA(p: Pick<PairRow, 'A' | 'a' | 'winner' | 'keep'>): number {
  const aBetter = p.keep === 'threshold' ? 1 - p.A : p.A; // for thresholds A = P(a later than b)
  return p.winner === p.a ? aBetter : 1 - aBetter;
}

export function verdictText(p: PairRow, lang: Lang, label: (strategy: string) => string, measure: string): string {
  const a = label(p.a), b = label(p.b);
  const nl = lang === 'nl';
  const runs = p.nA === p.nB ? (nl ? `${p.nA} runs elk` : `${p.nA} runs each`) : (nl ? `${p.nA} tegen ${p.nB} runs` : `${p.nA} vs ${p.nB} runs`);
  if (!(p.A === p.A)) return nl ? `${a} en ${b} op ${measure}: niet vergeleken (geen afgeronde runs)` : `${a} and ${b} on ${measure}: not compared (no finished runs)`;
  const pText = (x: number) => (x < 0.001 ? '< 0.001'.replace('.', nl ? ',' : '.') : fmt(x, lang, 3));
  const tail = `p = ${pText(p.p)} (Holm ${pText(p.pHolm)}), ${runs}`;
  if (!p.winner) {
    // No winner: A as P(a better than b), named so.
    const aBetter = p.keep === 'threshold' ? 1 - p.A : p.A;
    return nl
      ? `geen duidelijk verschil tussen ${a} en ${b} op ${measure}: A(${a} beter) = ${fmt(aBetter, lang, 2)}, ${tail}`
      : `no clear difference between ${a} and ${b} on ${measure}: A(${a} better) = ${fmt(aBetter, lang, 2)}, ${tail}`;
  }
  const winner = label(p.winner), loser = p.winner === p.a ? b : a;
  const mag = MAGNITUDE[p.magnitude ?? '']?.[lang] ?? p.magnitude ?? '';
  const A = fmt(winnerA(p), lang, 2);
  if (p.keep === 'threshold') {
    return nl ? `${winner} bereikt ${measure} eerder dan ${loser} (${mag}): A = ${A}, ${tail}` : `${winner} reaches ${measure} earlier than ${loser} (${mag}): A = ${A}, ${tail}`;
  }
  return nl ? `${winner} voor op ${loser} in ${measure} (${mag}): A = ${A}, ${tail}` : `${winner} ahead of ${loser} on ${measure} (${mag}): A = ${A}, ${tail}`;
}
