package mx.gob.dif.cases.webhooks;

import java.net.InetAddress;

/**
 * Which IP addresses a webhook may be delivered to: public unicast Internet addresses only. Anything
 * else would let an integrator make this service reach what only it can reach (its own loopback, the
 * data centre's private networks, the cloud's metadata service) and read the answer's status in the
 * delivery log. IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that
 * address; the other IPv4-compatible and reserved IPv6 forms are refused outright. Plain Java: it
 * looks at the address's bytes, never at a name.
 */
public final class PublicAddresses {
    /** What an address is; only {@link #PUBLIC} may receive webhooks. */
    public enum Kind {
        PUBLIC, LOOPBACK, PRIVATE, LINK_LOCAL, UNIQUE_LOCAL, SHARED_CGNAT, UNSPECIFIED, MULTICAST, BROADCAST,
        CLOUD_METADATA, DOCUMENTATION, RESERVED
    }

    /** Metadata services reachable on addresses that are otherwise public (Azure's WireServer). */
    private static final int[] METADATA_V4 = {ipv4(168, 63, 129, 16)};

    private PublicAddresses() {
    }

    public static boolean isPublic(InetAddress address) {
        return kind(address) == Kind.PUBLIC;
    }

    public static Kind kind(InetAddress address) {
        return kind(address.getAddress());
    }

    /** The kind of a 4-byte IPv4 or 16-byte IPv6 address, given as its bytes in network order. */
    public static Kind kind(byte[] address) {
        if (address == null) {
            throw new IllegalArgumentException("an address is needed");
        }
        return switch (address.length) {
            case 4 -> ipv4Kind(ipv4(address[0], address[1], address[2], address[3]));
            case 16 -> ipv6Kind(address);
            default -> throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        };
    }

    private static Kind ipv4Kind(int a) {
        for (int metadata : METADATA_V4) {
            if (a == metadata) {
                return Kind.CLOUD_METADATA;
            }
        }
        if (a == ipv4(169, 254, 169, 254) || a == ipv4(169, 254, 170, 2)) {
            return Kind.CLOUD_METADATA; // AWS, GCP, Azure, OpenStack; AWS ECS task credentials
        }
        if (a == -1) {
            return Kind.BROADCAST;
        }
        if (in(a, 0, 0, 0, 0, 8)) {
            return Kind.UNSPECIFIED; // "this network"
        }
        if (in(a, 127, 0, 0, 0, 8)) {
            return Kind.LOOPBACK;
        }
        if (in(a, 10, 0, 0, 0, 8) || in(a, 172, 16, 0, 0, 12) || in(a, 192, 168, 0, 0, 16)) {
            return Kind.PRIVATE;
        }
        if (in(a, 100, 64, 0, 0, 10)) {
            return Kind.SHARED_CGNAT; // also Alibaba Cloud's metadata, 100.100.100.200
        }
        if (in(a, 169, 254, 0, 0, 16)) {
            return Kind.LINK_LOCAL;
        }
        if (in(a, 192, 0, 2, 0, 24) || in(a, 198, 51, 100, 0, 24) || in(a, 203, 0, 113, 0, 24)) {
            return Kind.DOCUMENTATION;
        }
        if (in(a, 224, 0, 0, 0, 4)) {
            return Kind.MULTICAST;
        }
        // IETF protocol assignments, the old 6to4 relay anycast, benchmarking, and class E
        if (in(a, 192, 0, 0, 0, 24) || in(a, 192, 88, 99, 0, 24) || in(a, 198, 18, 0, 0, 15) || in(a, 240, 0, 0, 0, 4)) {
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind ipv6Kind(byte[] b) {
        if (zero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded(b, 12); // ::ffff:a.b.c.d, IPv4-mapped
        }
        if (zero(b, 0, 15)) {
            return b[15] == 0 ? Kind.UNSPECIFIED : b[15] == 1 ? Kind.LOOPBACK : Kind.RESERVED; // other ::a.b.c.d (IPv4-compatible)
        }
        int first = word(b, 0);
        int second = word(b, 1);
        if (first == 0x64 && second == 0xff9b && zero(b, 4, 12)) {
            return embedded(b, 12); // 64:ff9b::a.b.c.d, NAT64
        }
        if (b[0] == 0) {
            return Kind.RESERVED; // the rest of ::/8: IPv4-compatible forms, local-use NAT64, unassigned space
        }
        if (first == 0x2002) {
            return embedded(b, 2); // 2002:aabb:ccdd::/48, 6to4
        }
        boolean endsIn254 = zero(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54;
        if (endsIn254 && (first == 0xfd00 && second == 0x0ec2 || first == 0xfd20 && second == 0x00ce)) {
            return Kind.CLOUD_METADATA; // fd00:ec2::254 (AWS), fd20:ce::254 (GCP)
        }
        if ((first & 0xfe00) == 0xfc00) {
            return Kind.UNIQUE_LOCAL; // fc00::/7
        }
        if ((first & 0xffc0) == 0xfe80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if ((first & 0xff00) == 0xff00) {
            return Kind.MULTICAST;
        }
        if (first == 0x2001 && second == 0x0db8 || first == 0x3fff && (second & 0xf000) == 0) {
            return Kind.DOCUMENTATION; // 2001:db8::/32, 3fff::/20
        }
        if (first == 0x2001 && (second & 0xfe00) == 0) {
            return Kind.RESERVED; // 2001::/23: Teredo, benchmarking, ORCHID and other IETF assignments
        }
        if ((first & 0xe000) != 0x2000) {
            return Kind.RESERVED; // outside 2000::/3, the only global unicast space (fec0::/10 site-local included)
        }
        return Kind.PUBLIC;
    }

    /** An IPv6 form that carries an IPv4 address at {@code offset}: as public as that address. */
    private static Kind embedded(byte[] b, int offset) {
        return ipv4Kind(ipv4(b[offset], b[offset + 1], b[offset + 2], b[offset + 3]));
    }

    private static boolean in(int address, int a, int b, int c, int d, int prefix) {
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        return (address & mask) == (ipv4(a, b, c, d) & mask);
    }

    private static int ipv4(int a, int b, int c, int d) {
        return (a & 0xff) << 24 | (b & 0xff) << 16 | (c & 0xff) << 8 | d & 0xff;
    }

    private static int word(byte[] b, int index) {
        return (b[2 * index] & 0xff) << 8 | b[2 * index + 1] & 0xff;
    }

    private static boolean zero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
