package fr.jobmarket.api;

import fr.jobmarket.config.Settings;
import fr.jobmarket.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdminTokenTest {

    @Test
    void generatesAnOwnerOnlyTokenFileOnFirstStartAndReusesIt() throws Exception {
        Settings settings = TestDatabase.settings(Map.of());
        AdminToken first = new AdminToken(settings);
        Path file = settings.dataDir().resolve(AdminToken.FILE_NAME);
        String token = Files.readString(file).strip();
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new AdminToken(settings).check("Bearer " + token)).isEqualTo(AdminToken.Verdict.ACCEPTED);
        assertThat(first.check("Bearer " + token)).isEqualTo(AdminToken.Verdict.ACCEPTED);
    }

    @Test
    void tellsMissingFromWrongTokens() {
        AdminToken token = new AdminToken(TestDatabase.settings(Map.of("jobmarket.admin.token", "s3cret")));
        assertThat(token.check(null)).isEqualTo(AdminToken.Verdict.MISSING);
        assertThat(token.check("Basic czNjcmV0")).isEqualTo(AdminToken.Verdict.MISSING);
        assertThat(token.check("Bearer s3cre")).isEqualTo(AdminToken.Verdict.WRONG);
        assertThat(token.check("bearer s3cret")).isEqualTo(AdminToken.Verdict.ACCEPTED);
    }

    @Test
    void acceptsTheTokenAsBasicPasswordForJolokiaClients() {
        AdminToken token = new AdminToken(TestDatabase.settings(Map.of("jobmarket.admin.token", "s3cret")));
        assertThat(token.checkCredentials("Basic " + base64("admin:s3cret"))).isEqualTo(AdminToken.Verdict.ACCEPTED);
        assertThat(token.checkCredentials("basic " + base64("any user:s3cret"))).isEqualTo(AdminToken.Verdict.ACCEPTED);
        assertThat(token.checkCredentials("Bearer s3cret")).isEqualTo(AdminToken.Verdict.ACCEPTED);
        assertThat(token.checkCredentials("Basic " + base64("admin:s3cre"))).isEqualTo(AdminToken.Verdict.WRONG);
        assertThat(token.checkCredentials("Basic " + base64("s3cret"))).isEqualTo(AdminToken.Verdict.WRONG);
        assertThat(token.checkCredentials("Basic %%%")).isEqualTo(AdminToken.Verdict.WRONG);
        assertThat(token.checkCredentials(null)).isEqualTo(AdminToken.Verdict.MISSING);
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
