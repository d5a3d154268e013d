package fr.jobmarket.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.jobmarket.sandbox.SandboxAppellations.Appellation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's deterministic synthetic data set: {@code size} distinct offers numbered 0..size-1, each
 * built on demand from its number alone (fixed seed, fixed anchor date), so the same size gives the same
 * offers byte for byte on any machine, at any time. Only the per-appellation listings (arrays of offer
 * numbers) are kept in memory: about 4 bytes per listed offer.
 *
 * <p>Composition rules:
 * <ul>
 *   <li>14153 (Développeur informatique) gets {@code 3150 + size/10} offers when size ≥ 4000 (always
 *       above the 3150 cap), {@code 2 × size/5} below; 38972 (Data scientist) exactly 150 from size 1000
 *       ({@code size/10} below); the appellations of weight 0 get none; the rest is shared by weight.</li>
 *   <li>Each appellation owns a contiguous block of offer numbers. One offer in 10 (number ≡ 3 mod 10) is
 *       also listed by the next appellation that has a weight, one in 50 (≡ 3 mod 50) by the one after:
 *       duplicates across appellations, same content.</li>
 *   <li>{@code dateCreation} lies in the {@value #WINDOW_DAYS} days before {@link #ANCHOR}, so it is in the
 *       past of any extraction on or after that date; listings are sorted newest first, then by id.</li>
 * </ul>
 */
public final class SyntheticOffers {

    /** Every dateCreation is before this instant (fixed, so the data never depends on the clock). */
    public static final Instant ANCHOR = Instant.parse("2025-01-01T00:00:00Z");
    static final int WINDOW_DAYS = 180;
    public static final int MAX_SIZE = 1_000_000;
    /** Size from which 14153 is above the 3150 cap. */
    public static final int ABOVE_CAP_FROM = 4000;

    /** 10^3 × 26^4 ids of the form 188VMCV; the offer number is scrambled by a multiplier prime to it. */
    private static final long ID_SPACE = 1000L * 26 * 26 * 26 * 26;
    private static final long ID_MULTIPLIER = 387_420_489L;

    private final int size;
    private final int[] blockStart;
    private final Map<String, int[]> listings = new LinkedHashMap<>();
    private int[] everyOffer;

    public SyntheticOffers(int size) {
        if (size < 0 || size > MAX_SIZE) {
            throw new IllegalArgumentException("synthetic data set size must be 0 to " + MAX_SIZE + ", was " + size);
        }
        this.size = size;
        this.blockStart = blocks(primaryCounts(size));
        List<List<Integer>> lists = new ArrayList<>();
        for (int a = 0; a < SandboxAppellations.ALL.size(); a++) {
            lists.add(new ArrayList<>());
        }
        for (int a = 0; a < SandboxAppellations.ALL.size(); a++) {
            for (int index = blockStart[a]; index < blockStart[a + 1]; index++) {
                lists.get(a).add(index);
                if (index % 10 == 3) {
                    int partner = partnerOf(a);
                    lists.get(partner).add(index);
                    if (index % 50 == 3) {
                        lists.get(partnerOf(partner)).add(index);
                    }
                }
            }
        }
        Comparator<Integer> newestFirst = Comparator.<Integer>comparingLong(this::createdMillis).reversed()
                .thenComparing(this::id);
        for (int a = 0; a < lists.size(); a++) {
            List<Integer> list = lists.get(a);
            list.sort(newestFirst);
            listings.put(SandboxAppellations.ALL.get(a).code(), list.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    static int[] primaryCounts(int size) {
        List<Appellation> all = SandboxAppellations.ALL;
        int[] counts = new int[all.size()];
        int aboveCap = size >= ABOVE_CAP_FROM ? 3150 + size / 10 : 2 * size / 5;
        int onePage = size >= 1000 ? 150 : size / 10;
        counts[SandboxAppellations.indexOf(SandboxAppellations.ABOVE_CAP)] = aboveCap;
        counts[SandboxAppellations.indexOf(SandboxAppellations.EXACTLY_ONE_PAGE)] = onePage;
        int rest = size - aboveCap - onePage;
        int weights = all.stream().mapToInt(Appellation::weight).sum();
        // largest remainder: the shares add up to exactly `rest`
        long[] remainders = new long[all.size()];
        int given = 0;
        for (int a = 0; a < all.size(); a++) {
            long share = (long) rest * all.get(a).weight();
            counts[a] += (int) (share / weights);
            given += (int) (share / weights);
            remainders[a] = share % weights;
        }
        for (int left = rest - given; left > 0; left--) {
            int best = 0;
            for (int a = 1; a < all.size(); a++) {
                if (remainders[a] > remainders[best]) {
                    best = a;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    private static int[] blocks(int[] counts) {
        int[] starts = new int[counts.length + 1];
        for (int a = 0; a < counts.length; a++) {
            starts[a + 1] = starts[a] + counts[a];
        }
        return starts;
    }

    /** The next appellation in list order that has a weight: where duplicates of this one's offers go. */
    private static int partnerOf(int appellation) {
        int n = SandboxAppellations.ALL.size();
        for (int step = 1; step < n; step++) {
            int candidate = (appellation + step) % n;
            if (SandboxAppellations.ALL.get(candidate).weight() > 0) {
                return candidate;
            }
        }
        return appellation;
    }

    public int size() {
        return size;
    }

    public List<String> appellationCodes() {
        return List.copyOf(listings.keySet());
    }

    /** Offers listed by this appellation (duplicates included); 0 for a code the sandbox does not know. */
    public int total(String appellationCode) {
        int[] listing = listings.get(appellationCode);
        return listing == null ? 0 : listing.length;
    }

    /** Offer numbers of an appellation, newest first; empty for an unknown code. Do not modify. */
    int[] listing(String appellationCode) {
        return listings.getOrDefault(appellationCode, new int[0]);
    }

    /** Every distinct offer number, newest first: the answer to a search without appellation. */
    synchronized int[] everyOffer() {
        if (everyOffer == null) {
            everyOffer = java.util.stream.IntStream.range(0, size).boxed()
                    .sorted(Comparator.<Integer>comparingLong(this::createdMillis).reversed().thenComparing(this::id))
                    .mapToInt(Integer::intValue).toArray();
        }
        return everyOffer;
    }

    public String id(int index) {
        long scrambled = Math.floorMod(index * ID_MULTIPLIER + 12_345L, ID_SPACE);
        int digits = (int) (scrambled % 1000);
        StringBuilder id = new StringBuilder(7).append((char) ('0' + digits / 100)).append((char) ('0' + digits / 10 % 10))
                .append((char) ('0' + digits % 10));
        long letters = scrambled / 1000;
        for (int i = 0; i < 4; i++) {
            id.insert(3, (char) ('A' + letters % 26));
            letters /= 26;
        }
        return id.toString();
    }

    public Instant dateCreation(int index) {
        return Instant.ofEpochMilli(createdMillis(index));
    }

    private long createdMillis(int index) {
        long window = WINDOW_DAYS * 86_400_000L;
        return ANCHOR.toEpochMilli() - 1 - Math.floorMod(Mix.hash(index, 2), window);
    }

    /** Department code the API would match with {@code departement=}; null for region, France or no place. */
    public String departement(int index) {
        OfferLocations.Location location = OfferLocations.of(index);
        return location == null ? null : location.departement();
    }

    public ObjectNode offer(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("offer number " + index + " outside the data set of " + size);
        }
        int appellation = Arrays.binarySearch(blockStart, index);
        // the block whose start is the greatest one <= index (equal starts: empty blocks before it)
        appellation = appellation >= 0 ? lastStartingAt(appellation) : -appellation - 2;
        return OfferFactory.build(index, id(index), SandboxAppellations.ALL.get(appellation), dateCreation(index));
    }

    private int lastStartingAt(int position) {
        while (position + 1 < blockStart.length - 1 && blockStart[position + 1] == blockStart[position]) {
            position++;
        }
        return position;
    }

    /** Offers listed per appellation code, in list order (duplicates included). */
    public Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        listings.forEach((code, listing) -> totals.put(code, listing.length));
        return totals;
    }
}
