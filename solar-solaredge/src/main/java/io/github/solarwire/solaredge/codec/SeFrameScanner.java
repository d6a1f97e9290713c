package io.github.solarwire.solaredge.codec;

/**
 * The one frame-finding routine behind {@link SeFrames} and {@link SeFrameDecoder}: finds magics,
 * checks the length complement, the maximum length and the CRC, and on any failure resumes at the
 * byte after the failed magic (so a frame glued to a broken one is still found).
 *
 * <p>It keeps the skip span that is still open across calls, so a stream cut anywhere gives the
 * same frames and spans as the whole buffer. Not thread-safe.
 */
final class SeFrameScanner {

    private static final SeSkip.Reason[] REASONS = SeSkip.Reason.values();

    private final int maxFrameLength;
    private final long[] counts = new long[REASONS.length];
    private final long[] bytes = new long[REASONS.length];
    private SeSkip.Reason open;
    private long openStart;

    SeFrameScanner(int maxFrameLength) {
        if (maxFrameLength < SeFrame.OVERHEAD || maxFrameLength > SeFrame.MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "maxFrameLength " + maxFrameLength + " must be " + SeFrame.OVERHEAD + " to " + SeFrame.MAX_LENGTH);
        }
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Scans {@code a[from, to)}, whose index 0 is at stream offset {@code base}.
     *
     * @param eof whether no bytes follow {@code to}
     * @return the index up to which everything is decided; the bytes after it (a frame begun, or
     *     up to three bytes that may begin a magic) are shorter than the maximum frame length and
     *     must be offered again with what follows. With {@code eof}, always {@code to}.
     */
    int scan(byte[] a, int from, int to, long base, boolean eof, SeFrameHandler handler) {
        int i = from;
        while (true) {
            int m = indexOfMagic(a, i, to);
            if (m < 0) {
                int end = eof ? to : to - magicPrefixAtEnd(a, Math.max(i, to - 3), to);
                if (end > i) {
                    open(SeSkip.Reason.GARBAGE, base + i);
                }
                return end;
            }
            if (m > i) {
                open(SeSkip.Reason.GARBAGE, base + i);
            }
            close(base + m, handler);
            int available = to - m;
            if (available < SeFrame.HEADER_LENGTH) {
                if (!eof) {
                    return m;
                }
                i = fail(SeSkip.Reason.TRUNCATED, base, m);
                continue;
            }
            int n = SeFrame.u16(a, m + 4);
            if ((n ^ SeFrame.u16(a, m + 6)) != 0xFFFF) {
                i = fail(SeSkip.Reason.BAD_LENGTH, base, m);
                continue;
            }
            int length = SeFrame.OVERHEAD + n;
            if (length > maxFrameLength) {
                i = fail(SeSkip.Reason.TOO_LONG, base, m);
                continue;
            }
            if (available < length) {
                if (!eof) {
                    return m;
                }
                i = fail(SeSkip.Reason.TRUNCATED, base, m);
                continue;
            }
            if (SeCrc.ofFrame(a, m, n) != SeFrame.u16(a, m + SeFrame.HEADER_LENGTH + n)) {
                i = fail(SeSkip.Reason.BAD_CRC, base, m);
                continue;
            }
            handler.frame(SeFrame.fromChecked(a, m, n));
            i = m + length;
        }
    }

    /** Reports the span still open, which ends at stream offset {@code end}. */
    void close(long end, SeFrameHandler handler) {
        if (open != null) {
            SeSkip skip = new SeSkip(open, openStart, end - openStart);
            int r = open.ordinal();
            counts[r]++;
            bytes[r] += skip.length();
            open = null;
            handler.skipped(skip);
        }
    }

    long count(SeSkip.Reason reason) {
        return counts[reason.ordinal()];
    }

    long bytes(SeSkip.Reason reason) {
        return bytes[reason.ordinal()];
    }

    int maxFrameLength() {
        return maxFrameLength;
    }

    private int fail(SeSkip.Reason reason, long base, int magic) {
        open(reason, base + magic);
        return magic + 4;
    }

    private void open(SeSkip.Reason reason, long at) {
        if (open == null) {
            open = reason;
            openStart = at;
        }
    }

    private static int indexOfMagic(byte[] a, int from, int to) {
        for (int i = from, last = to - 4; i <= last; i++) {
            if (a[i] == 0x12 && a[i + 1] == 0x34 && a[i + 2] == 0x56 && a[i + 3] == 0x79) {
                return i;
            }
        }
        return -1;
    }

    /** How many bytes at the end of {@code a[from, to)} could be the start of a magic. */
    private static int magicPrefixAtEnd(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            boolean prefix = true;
            for (int k = 0; i + k < to && prefix; k++) {
                prefix = a[i + k] == MAGIC_BYTES[k];
            }
            if (prefix) {
                return to - i;
            }
        }
        return 0;
    }

    private static final byte[] MAGIC_BYTES = {0x12, 0x34, 0x56, 0x79};
}
