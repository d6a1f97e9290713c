package io.github.solarwire.pvs.ess;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of holding registers to read in one request.
 *
 * @param layout the register map (TCP port)
 * @param start the first address
 * @param count how many registers, 1 to 125
 */
public record RegisterRange(SunVaultRegister.Layout layout, int start, int count) {

    /** A Modbus read holds at most 125 registers. */
    static final int MAX_COUNT = 125;

    /**
     * The requests that read every register of a unit kind. Only registers that touch are merged:
     * a real gateway may answer "illegal data address" for the gaps between them.
     *
     * @param kind the unit kind
     * @return the ranges, SunSpec map first
     */
    public static List<RegisterRange> of(SunVaultUnit.Kind kind) {
        List<RegisterRange> out = new ArrayList<>();
        for (SunVaultRegister.Layout layout : SunVaultRegister.Layout.values()) {
            List<SunVaultRegister> regs = new ArrayList<>();
            for (SunVaultRegister r : SunVaultRegister.of(kind)) {
                if (r.layout() == layout) {
                    regs.add(r);
                }
            }
            regs.sort((a, b) -> Integer.compare(a.address(), b.address()));
            int start = -1;
            int end = -1;
            for (SunVaultRegister r : regs) {
                int rEnd = r.address() + r.count();
                if (start >= 0 && r.address() <= end && rEnd - start <= MAX_COUNT) {
                    end = Math.max(end, rEnd);
                } else {
                    if (start >= 0) {
                        out.add(new RegisterRange(layout, start, end - start));
                    }
                    start = r.address();
                    end = rEnd;
                }
            }
            if (start >= 0) {
                out.add(new RegisterRange(layout, start, end - start));
            }
        }
        return List.copyOf(out);
    }
}
