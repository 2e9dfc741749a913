// What one pattern experiment reports: one row of the validation table.
export type Verdict = 'reproduced' | 'not reproduced' | 'reversed' | 'not applicable';

export interface Effect {
  /** What the number is: 'A' (Vargha–Delaney), 'ΔA', 'β' (standardised), 'ρ' (Spearman),
   * 'Δlog' (change in a log ratio, P5/P6). */
  kind: 'A' | 'ΔA' | 'β' | 'ρ' | 'Δlog';
  estimate: number;
  lo: number;
  hi: number;
}

export interface PatternRow {
  /** 'P1' … 'P10', with a letter when a pattern has several tests (P2a, P2b, P9-platform …). */
  pattern: string;
  scenario: string;
  /** What was compared, in a few words. */
  compared: string;
  effect: Effect;
  verdict: Verdict;
  /** Supporting numbers (means, per-level A, manipulation checks). */
  detail: string;
  /** Simulation runs behind the row. */
  runs: number;
}
