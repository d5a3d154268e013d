package fr.jobmarket.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The places the synthetic offers are located in: big French cities with their real INSEE code, one of
 * their real postal codes and approximate centre coordinates, plus Corsica and overseas places for the
 * offers the metropolitan filter must drop. The sandbox geocoder answers from the same list, so every
 * synthetic coordinate resolves.
 */
final class SandboxCities {

    /** Distance under which the sandbox geocoder considers a point to be in a city. */
    static final double GEOCODER_RADIUS_KM = 5.0;

    record City(String insee, String postal, String name, String department, String departmentName,
                String region, double latitude, double longitude) {

        /** The France Travail libelle of an offer located in this commune: {@code 33 - Bordeaux}. */
        String libelle() {
            return department + " - " + name;
        }
    }

    /** Metropolitan cities (without Corsica), all present in the commune reference. */
    static final List<City> METROPOLITAN = List.of(
            new City("75101", "75001", "Paris 1er Arrondissement", "75", "Paris", "Île-de-France", 48.8626, 2.3363),
            new City("75102", "75002", "Paris 2e Arrondissement", "75", "Paris", "Île-de-France", 48.8683, 2.3428),
            new City("75108", "75008", "Paris 8e Arrondissement", "75", "Paris", "Île-de-France", 48.8727, 2.3125),
            new City("75109", "75009", "Paris 9e Arrondissement", "75", "Paris", "Île-de-France", 48.8771, 2.3375),
            new City("75110", "75010", "Paris 10e Arrondissement", "75", "Paris", "Île-de-France", 48.8761, 2.3607),
            new City("75111", "75011", "Paris 11e Arrondissement", "75", "Paris", "Île-de-France", 48.8591, 2.3800),
            new City("75115", "75015", "Paris 15e Arrondissement", "75", "Paris", "Île-de-France", 48.8401, 2.2929),
            new City("75117", "75017", "Paris 17e Arrondissement", "75", "Paris", "Île-de-France", 48.8874, 2.3067),
            new City("92026", "92400", "Courbevoie", "92", "Hauts-de-Seine", "Île-de-France", 48.8973, 2.2522),
            new City("92050", "92000", "Nanterre", "92", "Hauts-de-Seine", "Île-de-France", 48.8924, 2.2071),
            new City("92012", "92100", "Boulogne-Billancourt", "92", "Hauts-de-Seine", "Île-de-France", 48.8397, 2.2399),
            new City("93066", "93200", "Saint-Denis", "93", "Seine-Saint-Denis", "Île-de-France", 48.9362, 2.3574),
            new City("94028", "94000", "Créteil", "94", "Val-de-Marne", "Île-de-France", 48.7904, 2.4556),
            new City("78646", "78000", "Versailles", "78", "Yvelines", "Île-de-France", 48.8049, 2.1204),
            new City("69383", "69003", "Lyon 3e Arrondissement", "69", "Rhône", "Auvergne-Rhône-Alpes", 45.7597, 4.8502),
            new City("69387", "69007", "Lyon 7e Arrondissement", "69", "Rhône", "Auvergne-Rhône-Alpes", 45.7456, 4.8424),
            new City("69389", "69009", "Lyon 9e Arrondissement", "69", "Rhône", "Auvergne-Rhône-Alpes", 45.7742, 4.8058),
            new City("13201", "13001", "Marseille 1er Arrondissement", "13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", 43.2999, 5.3841),
            new City("13208", "13008", "Marseille 8e Arrondissement", "13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", 43.2414, 5.3747),
            new City("13001", "13100", "Aix-en-Provence", "13", "Bouches-du-Rhône", "Provence-Alpes-Côte d'Azur", 43.5297, 5.4474),
            new City("06088", "06000", "Nice", "06", "Alpes-Maritimes", "Provence-Alpes-Côte d'Azur", 43.7102, 7.2620),
            new City("31555", "31000", "Toulouse", "31", "Haute-Garonne", "Occitanie", 43.6045, 1.4440),
            new City("34172", "34000", "Montpellier", "34", "Hérault", "Occitanie", 43.6108, 3.8767),
            new City("66136", "66000", "Perpignan", "66", "Pyrénées-Orientales", "Occitanie", 42.6887, 2.8948),
            new City("33063", "33000", "Bordeaux", "33", "Gironde", "Nouvelle-Aquitaine", 44.8378, -0.5792),
            new City("64445", "64000", "Pau", "64", "Pyrénées-Atlantiques", "Nouvelle-Aquitaine", 43.2951, -0.3708),
            new City("87085", "87000", "Limoges", "87", "Haute-Vienne", "Nouvelle-Aquitaine", 45.8336, 1.2611),
            new City("44109", "44000", "Nantes", "44", "Loire-Atlantique", "Pays de la Loire", 47.2184, -1.5536),
            new City("49007", "49000", "Angers", "49", "Maine-et-Loire", "Pays de la Loire", 47.4784, -0.5632),
            new City("72181", "72000", "Le Mans", "72", "Sarthe", "Pays de la Loire", 48.0061, 0.1996),
            new City("35238", "35000", "Rennes", "35", "Ille-et-Vilaine", "Bretagne", 48.1173, -1.6778),
            new City("29019", "29200", "Brest", "29", "Finistère", "Bretagne", 48.3904, -4.4861),
            new City("59350", "59000", "Lille", "59", "Nord", "Hauts-de-France", 50.6292, 3.0573),
            new City("80021", "80000", "Amiens", "80", "Somme", "Hauts-de-France", 49.8941, 2.2958),
            new City("67482", "67000", "Strasbourg", "67", "Bas-Rhin", "Grand Est", 48.5734, 7.7521),
            new City("57463", "57000", "Metz", "57", "Moselle", "Grand Est", 49.1193, 6.1757),
            new City("54395", "54000", "Nancy", "54", "Meurthe-et-Moselle", "Grand Est", 48.6921, 6.1844),
            new City("51454", "51100", "Reims", "51", "Marne", "Grand Est", 49.2583, 4.0317),
            new City("38185", "38000", "Grenoble", "38", "Isère", "Auvergne-Rhône-Alpes", 45.1885, 5.7245),
            new City("42218", "42000", "Saint-Étienne", "42", "Loire", "Auvergne-Rhône-Alpes", 45.4397, 4.3872),
            new City("63113", "63000", "Clermont-Ferrand", "63", "Puy-de-Dôme", "Auvergne-Rhône-Alpes", 45.7772, 3.0870),
            new City("21231", "21000", "Dijon", "21", "Côte-d'Or", "Bourgogne-Franche-Comté", 47.3220, 5.0415),
            new City("37261", "37000", "Tours", "37", "Indre-et-Loire", "Centre-Val de Loire", 47.3941, 0.6848),
            new City("45234", "45000", "Orléans", "45", "Loiret", "Centre-Val de Loire", 47.9030, 1.9093),
            new City("76540", "76000", "Rouen", "76", "Seine-Maritime", "Normandie", 49.4432, 1.0999),
            new City("14118", "14000", "Caen", "14", "Calvados", "Normandie", 49.1829, -0.3707));

    /** Corsica: libelles {@code 2A - AJACCIO} and {@code 2B - BASTIA} as France Travail writes them. */
    static final City AJACCIO = new City("2A004", "20000", "AJACCIO", "2A", "Corse-du-Sud", "Corse", 41.9192, 8.7386);
    static final City BASTIA = new City("2B033", "20200", "BASTIA", "2B", "Haute-Corse", "Corse", 42.6973, 9.4509);

    /** Overseas departments, libelles {@code 971 - Basse-Terre}... */
    static final List<City> OVERSEAS = List.of(
            new City("97105", "97100", "Basse-Terre", "971", "Guadeloupe", "Guadeloupe", 15.9958, -61.7292),
            new City("97209", "97200", "Fort-de-France", "972", "Martinique", "Martinique", 14.6161, -61.0588),
            new City("97302", "97300", "Cayenne", "973", "Guyane", "Guyane", 4.9224, -52.3135),
            new City("97411", "97400", "Saint-Denis", "974", "La Réunion", "La Réunion", -20.8789, 55.4481),
            new City("97611", "97600", "Mamoudzou", "976", "Mayotte", "Mayotte", -12.7806, 45.2278));

    private static final List<City> GEOCODED = concat();

    private SandboxCities() {
    }

    private static List<City> concat() {
        java.util.ArrayList<City> all = new java.util.ArrayList<>(METROPOLITAN);
        all.add(AJACCIO);
        all.add(BASTIA);
        all.addAll(OVERSEAS);
        return List.copyOf(all);
    }

    /** The known city nearest to the point, if it lies within {@link #GEOCODER_RADIUS_KM}. */
    static Optional<City> nearest(double latitude, double longitude) {
        City best = null;
        double bestKm = Double.MAX_VALUE;
        for (City city : GEOCODED) {
            double km = distanceKm(latitude, longitude, city.latitude(), city.longitude());
            if (km < bestKm) {
                bestKm = km;
                best = city;
            }
        }
        return bestKm <= GEOCODER_RADIUS_KM ? Optional.of(best) : Optional.empty();
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371.0 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }
}
