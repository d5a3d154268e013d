package fr.jobmarket.sandbox;

import fr.jobmarket.sandbox.SandboxCities.City;

import java.util.List;

/**
 * Where synthetic offer number {@code index} is located. The location kind follows a fixed cycle of
 * {@link #CYCLE} offers, so every kind occurs in every data set of at least 200 offers and its count
 * is known in advance ({@link #countOf}): 173 of 200 offers carry a commune code, the others cover
 * each awkward case of reference section 3.3 (coordinates only, some swapped; {@code NN - Département};
 * region names with and without accents; France; no lieuTravail at all; overseas and Corsica).
 */
final class OfferLocations {

    static final int CYCLE = 200;

    enum Kind {
        /** {@code lieuTravail} absent. */
        NONE,
        /** libelle France, FRANCE or France entière, nothing else. */
        FRANCE,
        /** coordinates in Corsica, libelle France: outside the mainland bounds, yet kept by the libelle filter. */
        CORSICA_COORDINATES,
        /** coordinates of a known city, no commune code. */
        COORDINATES,
        /** same, latitude and longitude written the wrong way round. */
        COORDINATES_SWAPPED,
        /** {@code 44 - Loire-Atlantique}: department in the libelle, nothing else. */
        DEPARTEMENT_LABEL,
        /** a region name, accented or not ({@code Ile-de-France}), or an unknown area. */
        REGION_LABEL,
        /** {@code 971 - Basse-Terre} or a bare territory name ({@code Mayotte}). */
        OVERSEAS,
        /** {@code 2A - AJACCIO} with commune 2A004, or a bare {@code Corse-du-Sud}. */
        CORSICA,
        /** commune code present, codePostal absent. */
        COMMUNE_WITHOUT_POSTAL_CODE,
        /** commune code, postal code, coordinates, libelle {@code 33 - Bordeaux}. */
        COMMUNE
    }

    record Location(Kind kind, String libelle, Double latitude, Double longitude, String codePostal,
                    String commune, String departement) {
    }

    private static final String[] FRANCE = {"France", "France entière", "FRANCE"};
    private static final String[] DEPARTEMENT_LABELS = {
        "75 - Paris (Dept.)", "44 - Loire-Atlantique", "69 - Rhône", "33 - Gironde", "13 - Bouches-du-Rhône",
        "92 - Hauts-de-Seine", "31 - Haute-Garonne", "59 - Nord", "35 - Ille-et-Vilaine", "67 - Bas-Rhin",
        "06 - Alpes-Maritimes", "01 - Ain", "38 - Isère"};
    private static final String[] REGION_LABELS = {
        "Ile-de-France", "Île-de-France", "Auvergne-Rhône-Alpes", "Bretagne", "Hauts-de-France", "Occitanie",
        "Pays de la Loire", "Grand Est", "Normandie", "Provence-Alpes-Côte d'Azur", "Bourgogne-Franche-Comté",
        "Centre-Val de Loire", "Nouvelle-Aquitaine", "ile de france", "Région parisienne"};
    private static final String[] OVERSEAS_BARE = {"Mayotte", "La Réunion", "Guadeloupe", "Martinique", "Guyane"};
    private static final String[] CORSICA_BARE = {"Corse-du-Sud", "Haute-Corse", "Corse"};
    /** Coordinates-only offers carry assorted libelles: the coordinates decide (cas_2). */
    private static final String[] COORDINATE_LIBELLES = {"", "Occitanie", "France", "33 - Gironde"};

    private OfferLocations() {
    }

    static Kind kindOf(int index) {
        int slot = index % CYCLE;
        if (slot == 0) {
            return Kind.NONE;
        } else if (slot <= 2) {
            return Kind.FRANCE;
        } else if (slot == 3) {
            return Kind.CORSICA_COORDINATES;
        } else if (slot == 4 || slot == 6 || slot == 7) {
            return Kind.COORDINATES;
        } else if (slot == 5) {
            return Kind.COORDINATES_SWAPPED;
        } else if (slot <= 19) {
            return Kind.DEPARTEMENT_LABEL;
        } else if (slot <= 21) {
            return Kind.REGION_LABEL;
        } else if (slot <= 24) {
            return Kind.OVERSEAS;
        } else if (slot <= 26) {
            return Kind.CORSICA;
        } else if (slot <= 29) {
            return Kind.COMMUNE_WITHOUT_POSTAL_CODE;
        }
        return Kind.COMMUNE;
    }

    /** How many of the first {@code size} offers have this kind. */
    static int countOf(Kind kind, int size) {
        int count = 0;
        int tail = size % CYCLE;
        for (int slot = 0; slot < CYCLE; slot++) {
            if (kindOf(slot) == kind) {
                count += size / CYCLE + (slot < tail ? 1 : 0);
            }
        }
        return count;
    }

    static Location of(int index) {
        Kind kind = kindOf(index);
        int turn = index / CYCLE + index % 7;
        return switch (kind) {
            case NONE -> null;
            case FRANCE -> new Location(kind, pick(FRANCE, turn), null, null, null, null, null);
            case CORSICA_COORDINATES -> {
                City city = turn % 2 == 0 ? SandboxCities.AJACCIO : SandboxCities.BASTIA;
                yield new Location(kind, "France", jitter(city.latitude(), index), jitter(city.longitude(), index + 1),
                        null, null, city.department());
            }
            case COORDINATES, COORDINATES_SWAPPED -> {
                City city = city(index);
                double latitude = jitter(city.latitude(), index);
                double longitude = jitter(city.longitude(), index + 1);
                String libelle = kind == Kind.COORDINATES_SWAPPED ? city.region() : pick(COORDINATE_LIBELLES, turn);
                if (libelle.isEmpty()) {
                    libelle = city.name();
                }
                yield kind == Kind.COORDINATES_SWAPPED
                        ? new Location(kind, libelle, longitude, latitude, null, null, city.department())
                        : new Location(kind, libelle, latitude, longitude, null, null, city.department());
            }
            case DEPARTEMENT_LABEL -> {
                String libelle = pick(DEPARTEMENT_LABELS, turn + index % CYCLE);
                yield new Location(kind, libelle, null, null, null, null, libelle.substring(0, libelle.indexOf(' ')));
            }
            case REGION_LABEL -> new Location(kind, pick(REGION_LABELS, turn + index % CYCLE), null, null, null, null, null);
            case OVERSEAS -> {
                if (turn % 3 == 2) {
                    yield new Location(kind, pick(OVERSEAS_BARE, turn), null, null, null, null, null);
                }
                City city = SandboxCities.OVERSEAS.get(Math.floorMod(turn + index, SandboxCities.OVERSEAS.size()));
                yield commune(kind, city, city.department() + " - " + city.departmentName(), index, true);
            }
            case CORSICA -> {
                if (turn % 3 == 2) {
                    yield new Location(kind, pick(CORSICA_BARE, turn / 3), null, null, null, null, null);
                }
                City city = turn % 2 == 0 ? SandboxCities.AJACCIO : SandboxCities.BASTIA;
                yield commune(kind, city, city.libelle(), index, true);
            }
            case COMMUNE_WITHOUT_POSTAL_CODE -> {
                City city = city(index);
                yield commune(kind, city, city.libelle(), index, false);
            }
            case COMMUNE -> {
                City city = city(index);
                yield commune(kind, city, city.libelle(), index, true);
            }
        };
    }

    private static Location commune(Kind kind, City city, String libelle, int index, boolean withPostalCode) {
        return new Location(kind, libelle, jitter(city.latitude(), index), jitter(city.longitude(), index + 1),
                withPostalCode ? city.postal() : null, city.insee(), city.department());
    }

    /** Paris first, then the other cities: the capital carries about a third of the offers, as in real data. */
    private static City city(int index) {
        List<City> cities = SandboxCities.METROPOLITAN;
        long mixed = Mix.hash(index, 77);
        int roll = (int) Math.floorMod(mixed, 100L);
        if (roll < 35) {
            return cities.get((int) Math.floorMod(mixed >>> 8, 14L));
        }
        return cities.get(14 + (int) Math.floorMod(mixed >>> 8, (long) cities.size() - 14));
    }

    /** Up to about 90 m away from the centre: far below the distance between two known cities. */
    private static double jitter(double degrees, int index) {
        long mixed = Mix.hash(index, 91);
        double offset = (Math.floorMod(mixed, 1601L) - 800) / 1_000_000.0;
        return Math.round((degrees + offset) * 1_000_000.0) / 1_000_000.0;
    }

    private static String pick(String[] values, int turn) {
        return values[Math.floorMod(turn, values.length)];
    }
}
