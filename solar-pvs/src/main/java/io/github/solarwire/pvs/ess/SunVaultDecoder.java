package io.github.solarwire.pvs.ess;

import io.github.solarwire.core.Metric;
import io.github.solarwire.core.ProtocolException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Decodes the registers read from one SunVault unit into typed values, following {@link
 * SunVaultRegister}: strings cut at the first NUL and trimmed, integers big-endian, the SunSpec
 * "not implemented" values (0x8000, 0xFFFF, 0x80000000, 0xFFFFFFFF, an all-NUL string) left out,
 * scale and offset applied.
 *
 * <p>Pure and thread-safe: no I/O, clocks or logging. Anything wrong with the data is a {@link
 * ProtocolException} whose offset is the register address.
 */
public final class SunVaultDecoder {

    private SunVaultDecoder() {}

    /**
     * Decodes every register of {@code unit}'s kind from {@code blocks} (as read for {@link
     * RegisterRange#of(SunVaultUnit.Kind)}; blocks may also be larger or split differently). The
     * registers of a map no block comes from are left out: that map was not read (port 503 is
     * optional). Within a map that was read, every register must be covered.
     *
     * @param unit the unit the blocks were read from
     * @param blocks the register blocks
     * @return the decoded values
     * @throws ProtocolException when a block has an odd byte count, a register is not covered by
     *     any block, or a string holds a byte that is not printable ASCII
     */
    public static SunVaultUnitData decode(SunVaultUnit unit, List<RegisterBlock> blocks) throws ProtocolException {
        for (RegisterBlock b : blocks) {
            if (b.byteLength() % 2 != 0) {
                throw new ProtocolException(
                        "register block of unit " + unit.id(),
                        b.start(),
                        "two bytes a register",
                        b.byteLength() + " bytes");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Map<Metric, Double> metrics = new LinkedHashMap<>();
        for (SunVaultRegister r : SunVaultRegister.of(unit.kind())) {
            RegisterBlock block = covering(unit, r, blocks);
            if (block == null) {
                continue;
            }
            int at = (r.address() - block.start()) * 2;
            if (r.type() == SunVaultRegister.Type.STRING) {
                String text = text(unit, r, block, at);
                if (!text.isEmpty()) {
                    values.put(r.key(), text);
                }
                continue;
            }
            Long raw = integer(r.type(), block, at);
            if (raw == null) {
                continue;
            }
            if (r.scale() == 1 && r.offset() == 0) {
                values.put(r.key(), raw);
                if (r.metric() != null) {
                    metrics.put(r.metric(), raw.doubleValue());
                }
            } else {
                double value = BigDecimal.valueOf(raw)
                        .multiply(BigDecimal.valueOf(r.scale()))
                        .add(BigDecimal.valueOf(r.offset()))
                        .doubleValue();
                values.put(r.key(), value);
                if (r.metric() != null) {
                    metrics.put(r.metric(), value);
                }
            }
        }
        return new SunVaultUnitData(unit, values, metrics);
    }

    /** The block holding all of {@code r}, or null when its map was not read at all. */
    private static RegisterBlock covering(SunVaultUnit unit, SunVaultRegister r, List<RegisterBlock> blocks)
            throws ProtocolException {
        StringJoiner found = new StringJoiner(", ");
        for (RegisterBlock b : blocks) {
            if (b.layout() != r.layout()) {
                continue;
            }
            found.add(b.start() + "+" + b.byteLength() / 2);
            long first = b.start();
            long end = first + b.byteLength() / 2;
            if (r.address() >= first && r.address() + r.count() <= end) {
                return b;
            }
        }
        if (found.length() == 0) {
            return null;
        }
        throw new ProtocolException(
                r.key() + " of unit " + unit.id() + " (" + r.layout() + " map) not read",
                r.address(),
                r.count() + " register(s) from " + r.address(),
                found.toString());
    }

    private static String text(SunVaultUnit unit, SunVaultRegister r, RegisterBlock block, int at)
            throws ProtocolException {
        StringBuilder s = new StringBuilder(r.count() * 2);
        for (int i = 0; i < r.count() * 2; i++) {
            int c = block.unsignedByte(at + i);
            if (c == 0) {
                break;
            }
            if (c < 0x20 || c > 0x7E) {
                throw new ProtocolException(
                        r.key() + " of unit " + unit.id(),
                        r.address() + i / 2,
                        "printable ASCII padded with NUL",
                        String.format("byte 0x%02X", c));
            }
            s.append((char) c);
        }
        return s.toString().strip();
    }

    /** The raw integer, or null for the type's "not implemented" value. */
    private static Long integer(SunVaultRegister.Type type, RegisterBlock block, int at) {
        long hi = ((long) block.unsignedByte(at) << 8) | block.unsignedByte(at + 1);
        return switch (type) {
            case UINT16 -> hi == 0xFFFF ? null : hi;
            case INT16 -> hi == 0x8000 ? null : (long) (short) hi;
            case UINT32, INT32 -> {
                long lo = ((long) block.unsignedByte(at + 2) << 8) | block.unsignedByte(at + 3);
                long u = (hi << 16) | lo;
                if (type == SunVaultRegister.Type.UINT32) {
                    yield u == 0xFFFFFFFFL ? null : u;
                }
                yield u == 0x80000000L ? null : (long) (int) u;
            }
            case STRING -> throw new IllegalArgumentException("a string is not an integer");
        };
    }
}
