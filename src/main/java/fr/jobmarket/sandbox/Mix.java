package fr.jobmarket.sandbox;

/**
 * SplitMix64, written out so that the synthetic data never depends on a JDK's random generator:
 * the same seed gives the same offers on every machine and Java version.
 */
final class Mix {

    static final long SEED = 0x6A6F626D61726B65L;

    private long state;

    Mix(long seed) {
        this.state = seed;
    }

    /** One well-mixed value per (offer index, purpose). */
    static long hash(long index, long purpose) {
        return new Mix(SEED ^ (index * 0x9E3779B97F4A7C15L) ^ (purpose << 48)).next();
    }

    long next() {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 0 (inclusive) to bound (exclusive). */
    int below(int bound) {
        return (int) Math.floorMod(next(), (long) bound);
    }

    boolean chance(int percent) {
        return below(100) < percent;
    }

    <T> T pick(T[] values) {
        return values[below(values.length)];
    }
}
