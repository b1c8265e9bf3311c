package org.knead.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void noneByDefault() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.regex()).isEmpty();
        assertThat(none.trusts("127.0.0.1")).isFalse();
        assertThat(none.trusts("10.0.0.1")).isFalse();
    }

    @Test
    void addressesAndRangesMatchExactly() {
        TrustedProxies proxies = TrustedProxies.parse("192.0.2.10, 10.20.0.0/16 172.16.0.0/12,::1");
        assertThat(proxies.trusts("192.0.2.10")).isTrue();
        assertThat(proxies.trusts("192.0.2.100")).isFalse();
        assertThat(proxies.trusts("192.0.2.1")).isFalse();
        assertThat(proxies.trusts("10.20.3.4")).isTrue();
        assertThat(proxies.trusts("10.21.3.4")).isFalse();
        assertThat(proxies.trusts("172.31.255.1")).isTrue();
        assertThat(proxies.trusts("172.32.0.1")).isFalse();
        assertThat(proxies.trusts("172.15.0.1")).isFalse();
        assertThat(proxies.trusts("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(proxies.trusts("1.192.0.2.10")).isFalse();
    }

    @Test
    void namesAndNonsenseAreRefused() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.org")).hasMessageContaining("names");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.parse("fd00::/8")).hasMessageContaining("IPv6 ranges");
    }
}
