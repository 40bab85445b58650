package io.ibmcos.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IamTokenCacheTest {

    private static final URI IAM_A = URI.create("https://iam-a.example.test/identity/token");
    private static final URI IAM_B = URI.create("http://127.0.0.1:9999/identity/token");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final StubIamClient iam = new StubIamClient();
    private final IamTokenCache cache = new IamTokenCache(iam, clock);

    @Test
    void sameApiKeyAndUrlShareOneManagerWhateverTheInstance() {
        IamTokenManager first = cache.manager(new IamCredentials("key-1", "instance-a", IAM_A));
        IamTokenManager second = cache.manager(new IamCredentials("key-1", "instance-b", IAM_A));

        assertThat(second).isSameAs(first);
        first.accessToken();
        second.accessToken();
        assertThat(iam.calls()).isEqualTo(1);
    }

    @Test
    void twoIamUrlsInOneJvmAreIndependent() {
        IamTokenManager a = cache.manager(new IamCredentials("key-1", null, IAM_A));
        IamTokenManager b = cache.manager(new IamCredentials("key-1", null, IAM_B));

        assertThat(a).isNotSameAs(b);
        assertThat(a.accessToken()).isEqualTo("token-1");
        assertThat(b.accessToken()).isEqualTo("token-2");
        a.invalidate("token-1");
        assertThat(b.accessToken()).isEqualTo("token-2");
        assertThat(iam.received).extracting(StubIamClient.Call::url).containsExactly(IAM_A, IAM_B);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void differentApiKeysGetDifferentManagers() {
        assertThat(cache.manager(new IamCredentials("key-1", null)))
                .isNotSameAs(cache.manager(new IamCredentials("key-2", null)));
    }

    @Test
    void toStringShowsNoKeyAndClosedCacheRefusesWork() {
        cache.manager(new IamCredentials("very-secret-key", null, IAM_A)).accessToken();
        assertThat(cache.toString()).doesNotContain("very-secret-key");

        cache.close();
        assertThatThrownBy(() -> cache.manager(new IamCredentials("k", null))).isInstanceOf(IllegalStateException.class);
    }
}
