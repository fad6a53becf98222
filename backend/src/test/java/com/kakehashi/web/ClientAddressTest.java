package com.kakehashi.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trusted-proxy list and the address literals it reads; the request walk is in security.TrustedProxyTest. */
class ClientAddressTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void cidrsOfBothFamiliesAndOddPrefixesMatchExactlyTheirRange() throws UnknownHostException {
        ClientAddress addresses = new ClientAddress("10.1.0.0/16, 192.168.4.0/22, fd00:abcd::/32, 127.0.0.1");

        assertThat(addresses.isTrusted(ip("10.1.255.3"))).isTrue();
        assertThat(addresses.isTrusted(ip("10.2.0.1"))).isFalse();
        assertThat(addresses.isTrusted(ip("192.168.7.255"))).isTrue();
        assertThat(addresses.isTrusted(ip("192.168.8.0"))).isFalse();
        assertThat(addresses.isTrusted(ip("fd00:abcd:1::7"))).isTrue();
        assertThat(addresses.isTrusted(ip("fd00:abce::7"))).isFalse();
        assertThat(addresses.isTrusted(ip("127.0.0.1"))).isTrue();
        assertThat(addresses.isTrusted(ip("127.0.0.2"))).isFalse();
    }

    @Test
    void nothingIsTrustedByDefault() throws UnknownHostException {
        assertThat(new ClientAddress("").isTrusted(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void onlyAddressLiteralsAreReadNeverHostNames() {
        assertThat(ClientAddress.literal("203.0.113.9")).isPresent();
        assertThat(ClientAddress.literal("203.0.113.9:4711")).map(InetAddress::getHostAddress).contains("203.0.113.9");
        assertThat(ClientAddress.literal("[2001:db8::1]")).isPresent();
        assertThat(ClientAddress.literal("localhost")).isEmpty();
        assertThat(ClientAddress.literal("unknown")).isEmpty();
        assertThat(ClientAddress.literal("")).isEmpty();
    }

    @Test
    void aMistypedProxyListStopsTheStartInsteadOfTrustingSomethingElse() {
        assertThatThrownBy(() -> new ClientAddress("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
    }
}
