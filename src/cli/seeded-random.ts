/**
 * xorshift32: a small seeded generator, the same on every machine, for the synthetic corpora, the bench's text and
 * the property tests that must repeat exactly. Returns numbers in [0, 1).
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}
