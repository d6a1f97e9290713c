package io.github.solarwire.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test messages: topic {@code t/<n>}, payload {@code p<n>}, so each one says where it came from. */
final class Messages {

    private Messages() {}

    static String topic(int n) {
        return "t/" + n;
    }

    static byte[] payload(int n) {
        return ("p" + n).getBytes(StandardCharsets.UTF_8);
    }

    /** Appends messages 1..count (by their content number) and returns nothing; sequences follow. */
    static void appendNumbered(Outbox outbox, int from, int to) throws Exception {
        for (int n = from; n <= to; n++) {
            outbox.append(topic(n), payload(n), n % 2 == 0);
        }
    }

    static List<Long> seqs(List<Outbox.Message> messages) {
        return messages.stream().map(Outbox.Message::sequence).toList();
    }

    static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    /** Asserts a message is the numbered one appended by {@link #appendNumbered}. */
    static void assertNumbered(int n, Outbox.Message m) {
        assertEquals(topic(n), m.topic());
        assertArrayEquals(payload(n), m.payload());
        assertEquals(n % 2 == 0, m.retain());
    }

    /** Bytes the bound counts for message n. */
    static long size(int n) {
        return topic(n).length() + payload(n).length;
    }
}
