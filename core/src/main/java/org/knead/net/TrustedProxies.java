package org.knead.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose forwarded headers ({@code X-Forwarded-For}, {@code -Proto}, {@code -Port})
 * are believed: a comma-separated list of IPv4 addresses, IPv4 ranges in CIDR notation
 * ({@code 10.0.0.0/8}) and IPv6 addresses. Empty (the default): none, every forwarded header is
 * ignored and the client is the connection's remote address.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private final List<String> entries;
    private final String regex;

    private TrustedProxies(List<String> entries, String regex) {
        this.entries = entries;
        this.regex = regex;
    }

    public static TrustedProxies parse(String list) {
        List<String> entries = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        if (list != null) {
            for (String raw : list.split("[,\\s]+")) {
                String entry = raw.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                entries.add(entry);
                alternatives.add(toRegex(entry));
            }
        }
        return new TrustedProxies(List.copyOf(entries), alternatives.isEmpty() ? "" : String.join("|", alternatives));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<String> entries() {
        return entries;
    }

    /** A regular expression matching exactly the trusted addresses (Tomcat's RemoteIpValve takes one); "" for none. */
    public String regex() {
        return regex;
    }

    public boolean trusts(String address) {
        return !regex.isEmpty() && address != null && address.matches(regex);
    }

    private static String toRegex(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (entry.contains(":")) {
            if (slash >= 0) {
                throw new IllegalArgumentException("knead.web.trusted-proxies: IPv6 ranges are not supported ('"
                        + entry + "'); list the proxies' IPv6 addresses one by one.");
            }
            try {
                // a literal: no name lookup. Tomcat reports IPv6 addresses in this full form.
                return Pattern.quote(InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("knead.web.trusted-proxies: '" + entry + "' is not an address.");
            }
        }
        var m = IPV4.matcher(address);
        if (!m.matches()) {
            throw new IllegalArgumentException("knead.web.trusted-proxies: '" + entry
                    + "' is not an IPv4 address, an IPv4 range (a.b.c.d/n) or an IPv6 address (names are not allowed).");
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(m.group(i + 1));
            if (octets[i] > 255) {
                throw new IllegalArgumentException("knead.web.trusted-proxies: '" + entry + "' is not an address.");
            }
        }
        int prefix = 32;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > 32) {
                throw new IllegalArgumentException("knead.web.trusted-proxies: '" + entry + "' has no prefix 0-32.");
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            if (i > 0) {
                sb.append("\\.");
            }
            int bits = Math.max(0, Math.min(8, prefix - 8 * i));
            if (bits == 8) {
                sb.append(octets[i]);
            } else if (bits == 0) {
                sb.append("\\d{1,3}");
            } else {
                int size = 1 << (8 - bits);
                int low = octets[i] & ~(size - 1) & 0xff;
                List<String> values = new ArrayList<>();
                for (int v = low; v < low + size; v++) {
                    values.add(Integer.toString(v));
                }
                sb.append("(?:").append(String.join("|", values)).append(')');
            }
        }
        return sb.toString();
    }
}
