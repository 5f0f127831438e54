package mx.gob.dif.cases.webhooks;

import mx.gob.dif.cases.webhooks.PublicAddresses.Kind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The address rule: a table of every range with its edges, and properties against an independent
 * reading of the IANA special-purpose registries (first/last address of each block, compared as
 * numbers rather than masked as the rule does).
 */
class PublicAddressesTest {
    /** IPv4 blocks that must never receive webhooks, with what they are; the first block holding an address names it. */
    record Block(String network, int prefix, Kind kind) {
        long first() {
            return Integer.toUnsignedLong(ByteBuffer.wrap(literal(network).getAddress()).getInt());
        }

        long last() {
            return first() + (1L << (32 - prefix)) - 1;
        }

        boolean contains(long address) {
            return address >= first() && address <= last();
        }
    }

    static final List<Block> NOT_PUBLIC_V4 = List.of(
            new Block("169.254.169.254", 32, Kind.CLOUD_METADATA), new Block("169.254.170.2", 32, Kind.CLOUD_METADATA),
            new Block("168.63.129.16", 32, Kind.CLOUD_METADATA), new Block("255.255.255.255", 32, Kind.BROADCAST),
            new Block("0.0.0.0", 8, Kind.UNSPECIFIED), new Block("10.0.0.0", 8, Kind.PRIVATE),
            new Block("100.64.0.0", 10, Kind.SHARED_CGNAT), new Block("127.0.0.0", 8, Kind.LOOPBACK),
            new Block("169.254.0.0", 16, Kind.LINK_LOCAL), new Block("172.16.0.0", 12, Kind.PRIVATE),
            new Block("192.0.0.0", 24, Kind.RESERVED), new Block("192.0.2.0", 24, Kind.DOCUMENTATION),
            new Block("192.88.99.0", 24, Kind.RESERVED), new Block("192.168.0.0", 16, Kind.PRIVATE),
            new Block("198.18.0.0", 15, Kind.RESERVED), new Block("198.51.100.0", 24, Kind.DOCUMENTATION),
            new Block("203.0.113.0", 24, Kind.DOCUMENTATION), new Block("224.0.0.0", 4, Kind.MULTICAST),
            new Block("240.0.0.0", 4, Kind.RESERVED));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            // loopback, unspecified, broadcast
            "127.0.0.1, LOOPBACK", "127.255.255.254, LOOPBACK", "126.255.255.255, PUBLIC", "128.0.0.0, PUBLIC",
            "0.0.0.0, UNSPECIFIED", "0.255.255.255, UNSPECIFIED", "1.0.0.0, PUBLIC", "255.255.255.255, BROADCAST",
            // private ranges and their edges
            "9.255.255.255, PUBLIC", "10.0.0.0, PRIVATE", "10.0.0.5, PRIVATE", "10.255.255.255, PRIVATE", "11.0.0.0, PUBLIC",
            "172.15.255.255, PUBLIC", "172.16.0.0, PRIVATE", "172.31.255.255, PRIVATE", "172.32.0.0, PUBLIC",
            "192.167.255.255, PUBLIC", "192.168.0.0, PRIVATE", "192.168.255.255, PRIVATE", "192.169.0.0, PUBLIC",
            // CGNAT (Alibaba's metadata lives there), link-local and the metadata services
            "100.63.255.255, PUBLIC", "100.64.0.0, SHARED_CGNAT", "100.100.100.200, SHARED_CGNAT",
            "100.127.255.255, SHARED_CGNAT", "100.128.0.0, PUBLIC",
            "169.253.255.255, PUBLIC", "169.254.0.1, LINK_LOCAL", "169.254.255.255, LINK_LOCAL", "169.255.0.0, PUBLIC",
            "169.254.169.254, CLOUD_METADATA", "169.254.170.2, CLOUD_METADATA", "168.63.129.16, CLOUD_METADATA",
            "168.63.129.17, PUBLIC",
            // multicast, reserved, documentation, benchmarking
            "223.255.255.255, PUBLIC", "224.0.0.1, MULTICAST", "239.255.255.255, MULTICAST", "240.0.0.1, RESERVED",
            "192.0.0.8, RESERVED", "192.0.2.10, DOCUMENTATION", "198.51.100.7, DOCUMENTATION", "203.0.113.99, DOCUMENTATION",
            "198.17.255.255, PUBLIC", "198.18.0.1, RESERVED", "198.19.255.255, RESERVED", "198.20.0.0, PUBLIC",
            "8.8.8.8, PUBLIC", "1.1.1.1, PUBLIC", "201.144.0.1, PUBLIC",
            // IPv6
            "::, UNSPECIFIED", "::1, LOOPBACK", "::2, RESERVED", "::a00:5, RESERVED", "::8.8.8.8, RESERVED",
            "fe80::1, LINK_LOCAL", "febf:ffff::1, LINK_LOCAL", "fec0::1, RESERVED",
            "fc00::1, UNIQUE_LOCAL", "fd12:3456::1, UNIQUE_LOCAL", "fdff:ffff::1, UNIQUE_LOCAL",
            "fd00:ec2::254, CLOUD_METADATA", "fd20:ce::254, CLOUD_METADATA", "fd00:ec2::255, UNIQUE_LOCAL",
            "ff02::1, MULTICAST", "ff0e::101, MULTICAST",
            "64:ff9b::a00:5, PRIVATE", "64:ff9b::7f00:1, LOOPBACK", "64:ff9b::808:808, PUBLIC", "64:ff9b:1::a00:5, RESERVED",
            "2002:a00:5::1, PRIVATE", "2002:a9fe:a9fe::1, CLOUD_METADATA", "2002:808:808::1, PUBLIC",
            "2001::1, RESERVED", "2001:0:4136:e378::1, RESERVED", "2001:2::1, RESERVED", "2001:db8::1, DOCUMENTATION",
            "3fff::1, DOCUMENTATION", "3fff:fff::1, DOCUMENTATION", "3fff:1000::1, PUBLIC",
            "100::1, RESERVED", "1fff:ffff::1, RESERVED", "4000::1, RESERVED",
            "2001:4860:4860::8888, PUBLIC", "2606:4700:4700::1111, PUBLIC", "2800:3f0:4005::200e, PUBLIC"})
    void table(String address, Kind expected) {
        assertEquals(expected, PublicAddresses.kind(literal(address)), address);
    }

    @Test
    void ipv4MappedAndCompatibleFormsOfPrivateAddressesAreRefused() {
        // the JDK turns "::ffff:10.0.0.5" into an IPv4 address: the bytes are built here so the rule's own IPv6 path is tried
        assertEquals(Kind.PRIVATE, PublicAddresses.kind(mapped(literal("10.0.0.5").getAddress())));
        assertEquals(Kind.LOOPBACK, PublicAddresses.kind(mapped(literal("127.0.0.1").getAddress())));
        assertEquals(Kind.CLOUD_METADATA, PublicAddresses.kind(mapped(literal("169.254.169.254").getAddress())));
        assertEquals(Kind.PUBLIC, PublicAddresses.kind(mapped(literal("8.8.8.8").getAddress())));
        assertEquals(Kind.LOOPBACK, PublicAddresses.kind(literal("::ffff:127.0.0.1")));
        assertFalse(PublicAddresses.isPublic(literal("::10.0.0.5")));
        assertFalse(PublicAddresses.isPublic(literal("::127.0.0.1")));
        assertTrue(PublicAddresses.isPublic(literal("8.8.4.4")));
    }

    @Test
    void onlyWholeAddressesAreJudged() {
        assertThrows(IllegalArgumentException.class, () -> PublicAddresses.kind(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> PublicAddresses.kind((byte[]) null));
    }

    @Property(tries = 5000)
    void anIpv4AddressIsPublicExactlyWhenNoSpecialBlockHoldsIt(@ForAll int bits) {
        long address = Integer.toUnsignedLong(bits);
        Kind expected = NOT_PUBLIC_V4.stream().filter(b -> b.contains(address)).map(Block::kind).findFirst().orElse(Kind.PUBLIC);
        assertEquals(expected, PublicAddresses.kind(ByteBuffer.allocate(4).putInt(bits).array()), Long.toHexString(address));
    }

    @Provide
    Arbitrary<byte[]> insideSpecialBlocks() {
        return Arbitraries.of(NOT_PUBLIC_V4).flatMap(b -> Arbitraries.longs().between(b.first(), b.last())
                .map(a -> ByteBuffer.allocate(4).putInt(a.intValue()).array()));
    }

    @Property(tries = 2000)
    void noAddressOfASpecialBlockIsPublic(@ForAll("insideSpecialBlocks") byte[] address) {
        assertFalse(PublicAddresses.kind(address) == Kind.PUBLIC);
    }

    @Property(tries = 3000)
    void ipv6FormsCarryingAnIpv4AddressAreJudgedByIt(@ForAll int bits) {
        byte[] v4 = ByteBuffer.allocate(4).putInt(bits).array();
        Kind kind = PublicAddresses.kind(v4);
        assertEquals(kind, PublicAddresses.kind(mapped(v4)), "::ffff:" + Integer.toHexString(bits));
        byte[] nat64 = new byte[16];
        nat64[1] = 0x64;
        nat64[2] = (byte) 0xff;
        nat64[3] = (byte) 0x9b;
        System.arraycopy(v4, 0, nat64, 12, 4);
        assertEquals(kind, PublicAddresses.kind(nat64), "64:ff9b::" + Integer.toHexString(bits));
        byte[] sixToFour = new byte[16];
        sixToFour[0] = 0x20;
        sixToFour[1] = 0x02;
        System.arraycopy(v4, 0, sixToFour, 2, 4);
        sixToFour[15] = 1;
        assertEquals(kind, PublicAddresses.kind(sixToFour), "2002:" + Integer.toHexString(bits) + "::1");
        byte[] compatible = new byte[16];
        System.arraycopy(v4, 0, compatible, 12, 4);
        assertFalse(PublicAddresses.kind(compatible) == Kind.PUBLIC, "::" + Integer.toHexString(bits));
    }

    @Property(tries = 3000)
    void onlyGlobalUnicastIpv6IsPublic(@ForAll("ipv6") byte[] address) {
        int first = (address[0] & 0xff) << 8 | address[1] & 0xff;
        Kind kind = PublicAddresses.kind(address);
        boolean nat64 = first == 0x64 && address[2] == (byte) 0xff && address[3] == (byte) 0x9b
                && java.util.Arrays.equals(address, 4, 12, new byte[8], 0, 8);
        if ((first & 0xe000) != 0x2000 && !nat64) {
            assertFalse(kind == Kind.PUBLIC, () -> "outside 2000::/3: " + literalOf(address));
        }
        if ((first & 0xfe00) == 0xfc00) {
            assertTrue(kind == Kind.UNIQUE_LOCAL || kind == Kind.CLOUD_METADATA, () -> literalOf(address));
        }
        if ((first & 0xffc0) == 0xfe80) {
            assertEquals(Kind.LINK_LOCAL, kind, () -> literalOf(address));
        }
        if ((first & 0xff00) == 0xff00) {
            assertEquals(Kind.MULTICAST, kind, () -> literalOf(address));
        }
    }

    @Provide
    Arbitrary<byte[]> ipv6() {
        // the first 16 bits drawn from the interesting prefixes as often as at random
        Arbitrary<Integer> prefix = Arbitraries.oneOf(Arbitraries.integers().between(0, 0xffff),
                Arbitraries.of(0xfc00, 0xfd00, 0xfdff, 0xfe80, 0xfebf, 0xfec0, 0xff00, 0xff02, 0x2001, 0x2002, 0x0064, 0x3fff));
        return prefix.flatMap(p -> Arbitraries.bytes().array(byte[].class).ofSize(14).map(rest -> {
            byte[] a = new byte[16];
            a[0] = (byte) (p >> 8);
            a[1] = (byte) (int) p;
            System.arraycopy(rest, 0, a, 2, 14);
            return a;
        }));
    }

    static byte[] mapped(byte[] v4) {
        byte[] a = new byte[16];
        a[10] = (byte) 0xff;
        a[11] = (byte) 0xff;
        System.arraycopy(v4, 0, a, 12, 4);
        return a;
    }

    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text); // a literal: no DNS
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String literalOf(byte[] address) {
        return byAddress(address).getHostAddress();
    }
}
