package io.github.solarwire.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The outbox contract in the plainest terms, for the model test to compare against. */
final class OutboxModel {

    /** A message as the model keeps it. */
    record Msg(long seq, String topic, byte[] payload, boolean retain, long storedAt) {
        long size() {
            return topic.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + payload.length;
        }
    }

    final TreeMap<Long, Msg> live = new TreeMap<>();
    private final long maxBytes;
    private final long maxAgeMillis;
    long next = 1;
    long cursor;
    long bytes;
    long dropped;

    OutboxModel(long maxBytes, long maxAgeMillis) {
        this.maxBytes = maxBytes;
        this.maxAgeMillis = maxAgeMillis;
    }

    long append(String topic, byte[] payload, boolean retain, long now) {
        expire(now);
        Msg m = new Msg(next++, topic, payload.clone(), retain, now);
        while (bytes + m.size() > maxBytes) {
            remove(live.firstKey());
            dropped++;
        }
        live.put(m.seq(), m);
        bytes += m.size();
        return m.seq();
    }

    List<Msg> next(int max, long now) {
        expire(now);
        List<Msg> out = new ArrayList<>();
        for (Msg m : live.tailMap(cursor, true).values()) {
            if (out.size() == max) {
                break;
            }
            out.add(m);
        }
        if (!out.isEmpty()) {
            cursor = out.get(out.size() - 1).seq() + 1;
        }
        return out;
    }

    void acknowledge(long seq) {
        if (live.containsKey(seq)) {
            remove(seq);
        }
    }

    void rewind() {
        cursor = 0;
    }

    /** What a reopened on-disk outbox is: everything pending, the counter from zero. */
    void reopen() {
        cursor = 0;
        dropped = 0;
    }

    private void expire(long now) {
        while (!live.isEmpty() && now - live.firstEntry().getValue().storedAt() > maxAgeMillis) {
            remove(live.firstKey());
            dropped++;
        }
    }

    private void remove(long seq) {
        bytes -= live.remove(seq).size();
    }
}
