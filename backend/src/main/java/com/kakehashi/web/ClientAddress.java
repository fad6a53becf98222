package com.kakehashi.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The end user's address, for login throttling and the respondent pages' rate limit. The TCP peer,
 * unless that peer is one of {@code kakehashi.security.trusted-proxies} (KAKEHASHI_TRUSTED_PROXIES,
 * CIDRs, default none): then {@code X-Forwarded-For} is read from the right, skipping trusted hops,
 * and the first untrusted one counts. Everything left of it was written by the client itself and
 * could be rotated at will, so it is never read.
 */
@Singleton
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?");

    private final List<Cidr> trusted;

    ClientAddress(@Value("${kakehashi.security.trusted-proxies:}") String trustedProxies) {
        this.trusted = parseAll(trustedProxies);
    }

    public String of(HttpRequest<?> request) {
        InetAddress peer = request.getRemoteAddress().getAddress();
        if (peer == null) {
            return "unknown";
        }
        if (!isTrusted(peer)) {
            return peer.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll("X-Forwarded-For")) {
            Arrays.stream(header.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(hops::add);
        }
        InetAddress last = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // Not an address: a trusted proxy would not have written it, so stop at the last known hop.
                break;
            }
            last = hop.get();
            if (!isTrusted(last)) {
                break;
            }
        }
        return last.getHostAddress();
    }

    boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(c -> c.contains(address));
    }

    private static List<Cidr> parseAll(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /** An IP literal, without ever asking DNS; brackets and an IPv4 port are tolerated. */
    static Optional<InetAddress> literal(String text) {
        String value = text;
        if (value.startsWith("[") && value.contains("]")) {
            value = value.substring(1, value.indexOf(']'));
        } else if (value.indexOf(':') > 0 && value.indexOf(':') == value.lastIndexOf(':') && value.contains(".")) {
            value = value.substring(0, value.indexOf(':'));
        }
        boolean v4 = IPV4.matcher(value).matches();
        if (!v4 && !(value.contains(":") && IPV6.matcher(value).matches())) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            InetAddress address = literal(host).orElseThrow(() ->
                    new IllegalArgumentException("kakehashi.security.trusted-proxies: not an address: " + text));
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1).strip());
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("kakehashi.security.trusted-proxies: bad prefix: " + text);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress candidate) {
            byte[] bytes = candidate.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
