// Seeded pseudo-random numbers (mulberry32): the same seed always gives the same sequence, so a generated
// report is reproducible from its seed alone.

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Pick by weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }

  /** A skewed count: mostly small, occasionally up to max (roughly log-uniform). */
  skewed(max: number): number {
    if (max <= 0) return 0;
    return Math.min(max, Math.floor(Math.exp(this.next() * Math.log(max + 1))) - 1);
  }

  /** Split `total` into `parts` non-negative integers with the given relative weights. */
  split(total: number, weights: readonly number[]): number[] {
    const out = weights.map(() => 0);
    const sum = weights.reduce((s, w) => s + w, 0);
    if (sum <= 0) return out;
    for (let i = 0; i < total; i++) {
      let r = this.next() * sum;
      let k = 0;
      while (k < weights.length - 1 && r >= weights[k]) r -= weights[k++];
      out[k]++;
    }
    return out;
  }

  /** An independent generator derived from this one (so optional draws do not shift later ones). */
  fork(salt: number): Rng {
    return new Rng((this.int(0, 0x7fffffff) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0);
  }
}
