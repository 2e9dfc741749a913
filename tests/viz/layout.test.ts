// The coreness rings' order (viz/views/network/layout.ts): the packed-key numeric sort must give
// exactly the order of the comparator sort it replaced (coreness high to low, ties by index).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corenessOrder } from '../../viz/views/network/layout.ts';

function byComparator(c: Float32Array, include: (i: number) => boolean): number[] {
  const order: number[] = [];
  for (let i = 0; i < c.length; i++) if (include(i)) order.push(i);
  return order.sort((a, b) => c[b] - c[a] || a - b);
}

describe('corenessOrder', () => {
  it('orders a hand-made case: highest first, equal values by index, excluded actors left out', () => {
    const c = Float32Array.from([0.2, 0.9, 0.2, -0.5, 0.9, 0]);
    expect(Array.from(corenessOrder(c, 6, (i) => i !== 5))).toEqual([1, 4, 0, 2, 3]);
  });

  it('equals the comparator sort for any values (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v)), { maxLength: 300 }),
      fc.array(fc.boolean(), { maxLength: 300 }),
      (values, mask) => {
        const c = Float32Array.from(values);
        const include = (i: number) => mask[i] ?? true;
        expect(Array.from(corenessOrder(c, c.length, include))).toEqual(byComparator(c, include));
      },
    ));
  });

  it('reads a Float32Array that is a view into a larger buffer', () => {
    const buffer = new Float32Array([9, 0.1, 0.7, 0.4, 9]);
    const view = buffer.subarray(1, 4);
    expect(Array.from(corenessOrder(view, 3, () => true))).toEqual([1, 2, 0]);
  });
});
