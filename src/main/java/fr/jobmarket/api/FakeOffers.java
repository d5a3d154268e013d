package fr.jobmarket.api;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/** The original's fake offers (1-2): recognised by their title, ids of 7 characters A-Z 0-9. */
public final class FakeOffers {

    /** The marker of a fake offer, exactly as the original writes it. */
    public static final String TITLE = "Offre factice pour FastAPI";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public static final int ID_LENGTH = 7;

    private final RandomGenerator random;

    public FakeOffers() {
        this(new SecureRandom());
    }

    FakeOffers(RandomGenerator random) {
        this.random = random;
    }

    public String newId() {
        StringBuilder id = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
