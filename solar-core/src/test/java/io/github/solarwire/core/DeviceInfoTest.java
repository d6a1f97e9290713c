package io.github.solarwire.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceInfoTest {

    private static DeviceInfo full() {
        return DeviceInfo.builder("E00122045001234", "inverter")
                .vendor("SunPower")
                .protocol("pvs")
                .model("AC_Module_Type_E")
                .serial("E00122045001234")
                .firmware("4.40.1")
                .parentId("ZT01234567")
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "inv-1", "E00122045001234", "site_1.main", "0abc", "A.b-c_d"})
    void acceptsWellFormedIds(String id) {
        assertEquals(id, DeviceInfo.builder(id, "inverter").build().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-inv", ".inv", "_inv", "inv 1", "inv/1", "inv:1", "ïnv", "inv\n"})
    void rejectsMalformedIds(String id) {
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder(id, "inverter"));
    }

    @Test
    void idOf128CharactersIsAcceptedAnd129Rejected() {
        String longest = "a".repeat(128);
        assertEquals(longest, DeviceInfo.builder(longest, "meter").build().id());
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder(longest + "a", "meter"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "Inverter", "1meter", "_site", "bat-tery", "bat.tery", "abcdefghijklmnopqrstuvwxyz0123456"})
    void rejectsMalformedKinds(String kind) {
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder("dev-1", kind));
    }

    @Test
    void rejectsNullIdOrKind() {
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder(null, "inverter"));
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder("dev-1", null));
    }

    @Test
    void acceptsWellFormedKinds() {
        assertEquals("battery", DeviceInfo.builder("b", "battery").build().kind());
        assertEquals("pv_string2", DeviceInfo.builder("b", "pv_string2").build().kind());
        String longest = "k".repeat(32);
        assertEquals(longest, DeviceInfo.builder("b", longest).build().kind());
    }

    @Test
    void optionalFieldsAreEmptyAndVendorProtocolUnknownByDefault() {
        DeviceInfo d = DeviceInfo.builder("inv-1", "inverter").build();
        assertEquals("unknown", d.vendor());
        assertEquals("unknown", d.protocol());
        assertEquals(Optional.empty(), d.model());
        assertEquals(Optional.empty(), d.serial());
        assertEquals(Optional.empty(), d.firmware());
        assertEquals(Optional.empty(), d.parentId());
    }

    @Test
    void keepsEveryField() {
        DeviceInfo d = full();
        assertEquals("E00122045001234", d.id());
        assertEquals("inverter", d.kind());
        assertEquals("SunPower", d.vendor());
        assertEquals("pvs", d.protocol());
        assertEquals(Optional.of("AC_Module_Type_E"), d.model());
        assertEquals(Optional.of("E00122045001234"), d.serial());
        assertEquals(Optional.of("4.40.1"), d.firmware());
        assertEquals(Optional.of("ZT01234567"), d.parentId());
    }

    @Test
    void blankOptionalFieldsBecomeEmptyAndTextIsStripped() {
        DeviceInfo d = DeviceInfo.builder("inv-1", "inverter")
                .vendor("  ")
                .protocol("\t")
                .model("")
                .serial("   ")
                .firmware(" 1.2 ")
                .build();
        assertEquals("unknown", d.vendor());
        assertEquals("unknown", d.protocol());
        assertEquals(Optional.empty(), d.model());
        assertEquals(Optional.empty(), d.serial());
        assertEquals(Optional.of("1.2"), d.firmware());
        assertEquals(
                "Kostal",
                DeviceInfo.builder("x", "inverter").vendor(" Kostal ").build().vendor());
    }

    @Test
    void nullOptionalFieldsBecomeEmpty() {
        DeviceInfo d = DeviceInfo.builder("inv-1", "inverter")
                .vendor(null)
                .protocol(null)
                .model(null)
                .serial(null)
                .firmware(null)
                .parentId(null)
                .build();
        assertEquals(DeviceInfo.builder("inv-1", "inverter").build(), d);
    }

    @Test
    void parentIdIsValidatedLikeAnId() {
        DeviceInfo.Builder b = DeviceInfo.builder("inv-1", "inverter");
        assertThrows(IllegalArgumentException.class, () -> b.parentId("bad id"));
        assertThrows(IllegalArgumentException.class, () -> b.parentId(""));
    }

    @Test
    void toBuilderRoundTrips() {
        DeviceInfo d = full();
        assertEquals(d, d.toBuilder().build());
        DeviceInfo minimal = DeviceInfo.builder("m", "meter").build();
        assertEquals(minimal, minimal.toBuilder().build());
    }

    @Test
    void toBuilderDerivesAChangedCopyWithoutTouchingTheOriginal() {
        DeviceInfo d = full();
        DeviceInfo changed = d.toBuilder().firmware("5.0").build();
        assertEquals(Optional.of("5.0"), changed.firmware());
        assertEquals(Optional.of("4.40.1"), d.firmware());
        assertEquals(d.model(), changed.model());
        assertEquals(d.parentId(), changed.parentId());
        assertNotEquals(d, changed);
    }

    @Test
    void equalsAndHashCodeCoverEveryField() {
        DeviceInfo d = full();
        assertEquals(d, full());
        assertEquals(d.hashCode(), full().hashCode());
        assertNotEquals(d, d.toBuilder().vendor("Other").build());
        assertNotEquals(d, d.toBuilder().protocol("other").build());
        assertNotEquals(d, d.toBuilder().model("other").build());
        assertNotEquals(d, d.toBuilder().serial("other").build());
        assertNotEquals(d, d.toBuilder().firmware("other").build());
        assertNotEquals(d, d.toBuilder().parentId("other").build());
        assertNotEquals(d, d.toBuilder().parentId(null).build());
        assertNotEquals(
                DeviceInfo.builder("a", "inverter").build(),
                DeviceInfo.builder("b", "inverter").build());
        assertNotEquals(
                DeviceInfo.builder("a", "inverter").build(),
                DeviceInfo.builder("a", "battery").build());
    }

    @Test
    void toStringNamesIdKindAndPresentFields() {
        String s = full().toString();
        assertTrue(s.contains("id=E00122045001234"), s);
        assertTrue(s.contains("kind=inverter"), s);
        assertTrue(s.contains("firmware=4.40.1"), s);
        assertTrue(s.contains("parent=ZT01234567"), s);
        String minimal = DeviceInfo.builder("m", "meter").build().toString();
        assertTrue(!minimal.contains("model=") && !minimal.contains("parent="), minimal);
    }
}
