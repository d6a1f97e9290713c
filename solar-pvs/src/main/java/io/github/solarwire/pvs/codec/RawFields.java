package io.github.solarwire.pvs.codec;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@link PowerNotification#raw()} as filled by {@link PowerFrameScanner}: the bytes of the {@code
 * params} object and where each name and value lies in them. The map of strings is built on first
 * use, so a caller that never asks for the raw values does not pay for them.
 *
 * <p>Immutable: it owns its copy of the bytes, and the map it builds is unmodifiable. The map is
 * published through a volatile field, so it is safe to share between threads.
 */
final class RawFields extends AbstractMap<String, String> {

    private final byte[] text;
    private final int base;
    private final int[] spans;
    private final int count;
    private volatile Map<String, String> map;

    /**
     * Keeps the bytes and spans.
     *
     * @param text the bytes, owned from now on
     * @param base where {@code text} began in the frame the spans index
     * @param spans the span table of {@link PowerFrameScanner}, owned from now on
     * @param count the number of fields
     */
    RawFields(byte[] text, int base, int[] spans, int count) {
        this.text = text;
        this.base = base;
        this.spans = spans;
        this.count = count;
    }

    private Map<String, String> map() {
        Map<String, String> m = map;
        if (m == null) {
            Map<String, String> built = new LinkedHashMap<>();
            for (int k = 0; k < count; k++) {
                String value = PowerFrameScanner.kind(spans, k) == PowerFrameScanner.NULL
                        ? "null"
                        : ascii(PowerFrameScanner.valueStart(spans, k), PowerFrameScanner.valueEnd(spans, k));
                built.put(ascii(PowerFrameScanner.nameStart(spans, k), PowerFrameScanner.nameEnd(spans, k)), value);
            }
            m = Collections.unmodifiableMap(built);
            map = m;
        }
        return m;
    }

    private String ascii(int start, int end) {
        return new String(text, start - base, end - start, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public boolean isEmpty() {
        return count == 0;
    }

    @Override
    public String get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return map().containsValue(value);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        return map().getOrDefault(key, defaultValue);
    }

    @Override
    public Set<String> keySet() {
        return map().keySet();
    }

    @Override
    public Collection<String> values() {
        return map().values();
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return map().entrySet();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        map().forEach(action);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || map().equals(o);
    }

    @Override
    public int hashCode() {
        return map().hashCode();
    }

    @Override
    public String toString() {
        return map().toString();
    }

    // Every change is refused, as the built map refuses it.

    @Override
    public String put(String key, String value) {
        return map().put(key, value);
    }

    @Override
    public String remove(Object key) {
        return map().remove(key);
    }

    @Override
    public void putAll(Map<? extends String, ? extends String> m) {
        map().putAll(m);
    }

    @Override
    public void clear() {
        map().clear();
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super String, ? extends String> function) {
        map().replaceAll(function);
    }

    @Override
    public String putIfAbsent(String key, String value) {
        return map().putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return map().remove(key, value);
    }

    @Override
    public boolean replace(String key, String oldValue, String newValue) {
        return map().replace(key, oldValue, newValue);
    }

    @Override
    public String replace(String key, String value) {
        return map().replace(key, value);
    }

    @Override
    public String computeIfAbsent(String key, Function<? super String, ? extends String> mappingFunction) {
        return map().computeIfAbsent(key, mappingFunction);
    }

    @Override
    public String computeIfPresent(
            String key, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        return map().computeIfPresent(key, remappingFunction);
    }

    @Override
    public String compute(String key, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        return map().compute(key, remappingFunction);
    }

    @Override
    public String merge(
            String key, String value, BiFunction<? super String, ? super String, ? extends String> remappingFunction) {
        return map().merge(key, value, remappingFunction);
    }
}
