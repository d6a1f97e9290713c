package io.github.solarwire.pvs.sim;

import java.util.ArrayList;
import java.util.List;

/** The {@code time} values sent on one WebSocket connection: the newest ones, in a ring. */
final class ConnectionLog {

    private final int capacity;
    private long[] times = new long[64];
    private int start;
    private int size;

    ConnectionLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(long time) {
        if (size == times.length && times.length < capacity) {
            long[] grown = new long[Math.min(capacity, times.length * 2)];
            for (int i = 0; i < size; i++) {
                grown[i] = times[(start + i) % times.length];
            }
            times = grown;
            start = 0;
        }
        if (size < times.length) {
            times[(start + size++) % times.length] = time;
        } else {
            times[start] = time;
            start = (start + 1) % times.length;
        }
    }

    synchronized List<Long> times() {
        List<Long> copy = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            copy.add(times[(start + i) % times.length]);
        }
        return copy;
    }
}
