package fr.jobmarket.francetravail;

/**
 * One ROME appellation harvested: {@code code} is sent to the API as the {@code appellation} parameter,
 * {@code libelle} only names the raw file.
 */
public record Appellation(String code, String libelle) {

    /** {@code 404278_Data_Engineer.json}: the original's file name, before its offer count suffix. */
    public String rawFileName() {
        return code + "_" + libelle + ".json";
    }

    @Override
    public String toString() {
        return code + " " + libelle;
    }
}
