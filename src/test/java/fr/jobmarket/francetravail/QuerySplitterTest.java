package fr.jobmarket.francetravail;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuerySplitterTest {

    private final QuerySplitter splitter = new QuerySplitter(
            Clock.fixed(Instant.parse("2025-07-21T18:00:00.750Z"), ZoneOffset.UTC), Duration.ofDays(120));

    @Test
    void splitsTheWholeQueryIntoTwoHalvesOfTheLookbackEndingTomorrow() {
        List<QueryPart> parts = splitter.split(QueryPart.whole());

        assertThat(parts).containsExactly(
                QueryPart.window(Instant.parse("2025-03-24T18:00:00Z"), Instant.parse("2025-05-23T18:00:00Z")),
                QueryPart.window(Instant.parse("2025-05-23T18:00:00Z"), Instant.parse("2025-07-22T18:00:00Z")));
    }

    @Test
    void halvesAWindowSharingTheMiddleSecond() {
        QueryPart part = QueryPart.window(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:03Z"));

        assertThat(splitter.split(part)).containsExactly(
                QueryPart.window(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:01Z")),
                QueryPart.window(Instant.parse("2025-07-01T00:00:01Z"), Instant.parse("2025-07-01T00:00:03Z")));
    }

    @Test
    void fallsBackToDepartementsWhenAWindowCannotBeHalved() {
        QueryPart second = QueryPart.window(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-01T00:00:01Z"));

        List<QueryPart> parts = splitter.split(second);

        assertThat(parts).hasSize(FranceTravailApi.DEPARTEMENTS.size())
                .allMatch(p -> p.minCreationDate().equals(second.minCreationDate()) && p.departement() != null);
        assertThat(parts).extracting(QueryPart::departement).contains("01", "2A", "2B", "75", "95", "971", "976")
                .doesNotContain("20", "96");
        assertThat(splitter.split(parts.get(0))).isEmpty();
    }

    @Test
    void sendsBothCreationBoundsInUtcToTheSecond() {
        QueryPart part = QueryPart.window(Instant.parse("2025-07-01T00:00:00Z"), Instant.parse("2025-07-02T12:30:05Z"))
                .inDepartement("2A");

        assertThat(part.queryString("38971", new PageRange(150, 299))).isEqualTo("appellation=38971&paysContinent=01"
                + "&departement=2A&minCreationDate=2025-07-01T00%3A00%3A00Z&maxCreationDate=2025-07-02T12%3A30%3A05Z&range=150-299");
        assertThat(QueryPart.whole().queryString("38971", Paging.first()))
                .isEqualTo("appellation=38971&paysContinent=01&range=0-149");
    }

    @Test
    void refusesALoneCreationBound() {
        assertThatThrownBy(() -> new QueryPart(Instant.EPOCH, null, null)).hasMessageContaining("go together");
    }
}
