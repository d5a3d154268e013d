package fr.jobmarket.warehouse;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rough throughput of both modes on generated offers (short titles, ~4,000-character descriptions), the
 * warehouse's load shape. Prints offers per second; asserts only on what was found, never on time.
 */
class ClassificationThroughputTest {

    private static final int OFFERS = 10_000;
    /** CPU time of this thread: the shared build machine's load would blur wall-clock figures. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final String[] TITLES = {"Data Engineer H/F", "Ingénieur Big Data (F/H)",
        "Alternance - Data Analyst", "Chef de projet data", "Développeur Python", "Consultant BI Power BI",
        "Data Scientist senior - NLP", "Technicien support informatique", "Comptable", "Scientifique des données",
        "Vendeur en boulangerie"};
    private static final String[] WORDS = {"vous", "rejoindrez", "une", "équipe", "dynamique", "au", "sein", "de",
        "notre", "direction", "technique", "données", "clients", "projets", "développement", "pipelines",
        "Python", "SQL", "Spark", "cloud", "Power BI", "tableau de bord", "digital", "excellent", "JavaScript",
        "scalable", "Docker", "Kubernetes", "Airflow", "l'entreprise", "télétravail", "rémunération", "é", "-",
        "(H/F)", "et", "à", "des", "machine learning", "GitLab", "AWS", "Azure", "Talend", "Excel", "reporting"};

    private static List<String[]> offers() {
        Random random = new Random(42);
        List<String[]> offers = new ArrayList<>(OFFERS);
        for (int i = 0; i < OFFERS; i++) {
            StringBuilder description = new StringBuilder(4_100);
            while (description.length() < 4_000) {
                description.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ". " : " ");
            }
            offers.add(new String[] {TITLES[random.nextInt(TITLES.length)], description.toString()});
        }
        return offers;
    }

    @Test
    void printsOffersPerSecondOfBothModes() {
        List<String[]> offers = offers();
        for (ClassificationMode mode : ClassificationMode.values()) {
            Classification classification = new Classification(mode);
            run(classification, offers.subList(0, 3_000)); // warm-up
            long start = System.nanoTime();
            long cpuStart = CPU.getCurrentThreadCpuTime();
            int[] found = run(classification, offers);
            double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %,d offers (title + 4,000-character description) in %.2f s wall, %.2f s CPU"
                    + " = %,.0f offers per CPU second; %,d classified, %,d keyword lists%n",
                    mode, OFFERS, seconds, cpuSeconds, OFFERS / cpuSeconds, found[0], found[1]);
            assertThat(found[0]).isPositive();
            assertThat(found[1]).isPositive();
        }
    }

    private static int[] run(Classification classification, List<String[]> offers) {
        int classified = 0;
        int withKeywords = 0;
        for (String[] offer : offers) {
            String metierData = classification.metierData(offer[0]);
            classified += metierData == null ? 0 : 1;
            withKeywords += classification.keywords(offer[1], metierData).isEmpty() ? 0 : 1;
        }
        return new int[] {classified, withKeywords};
    }
}
