// The batch that tests/pools/run.ts runs in web workers (main.ts) and in Node, to compare.
export const WEB_SPEC = {
  id: 'web',
  scenarios: ['jeugdhulp'],
  strategies: ['open-netwerk', 'keten'],
  replications: 4,
  ticks: 20,
  seed: 3,
  measures: ['impact', { measure: 'richten', keep: 'mean', last: 5 }, { measure: 'richten', keep: 'series' }],
};
