package fr.jobmarket.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpProblemsTest {

    @Test
    void matchesAnAddressToTheEndpointTemplateThatServesIt() {
        assertThat(HttpProblems.matches("/stats/total_offres", "/stats/total_offres")).isTrue();
        assertThat(HttpProblems.matches("/admin/harvests/{id}", "/admin/harvests/12")).isTrue();
        assertThat(HttpProblems.matches("/admin/harvests/{id}", "/admin/harvests/")).isFalse();
        assertThat(HttpProblems.matches("/admin/harvests/{id}", "/admin/harvests")).isFalse();
        assertThat(HttpProblems.matches("/docs/{file}", "/docs/a/b")).isFalse();
        assertThat(HttpProblems.matches("/stats/total_offres", "/stats/total_offres/")).isFalse();
    }
}
