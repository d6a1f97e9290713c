package io.github.solarwire.kostal.codec;

import io.github.solarwire.core.ProtocolException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The PIKO MP plus {@code all.xml} (also {@code measurements.xml} and {@code yields.xml}).
 *
 * <p>Read with Jsoup's XML parser, which never fetches external entities or DTDs (XXE-safe). A
 * {@code Measurement} without a {@code Value} attribute is "no reading" (null), the MP plus
 * counterpart of the status page's {@code x x x}; so is {@code nan}. Values are converted to
 * canonical units once (kWh to Wh, kW to W, mA to A).
 *
 * @param name the device name, e.g. {@code "PIKO 3.0-2 MP plus"}
 * @param serial the serial number, or null
 * @param busAddress the bus address, or null
 * @param nominalPower the nominal power in W, or null
 * @param dateTime the device clock as sent, e.g. {@code "2022-02-02T02:02:02"}, or null
 * @param measurements every measurement, in document order
 * @param yieldTotal the produced total yield in Wh, or null
 * @param state the state text, e.g. {@code "Standby"}, or null
 */
public record MpPlusXml(
        String name,
        String serial,
        Integer busAddress,
        Double nominalPower,
        String dateTime,
        List<Measurement> measurements,
        Double yieldTotal,
        String state) {

    private static final Pattern DC = Pattern.compile("DC_(Voltage|Current|Power)(\\d?)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,9})?([eE][-+]?\\d{1,3})?");

    /**
     * Copies the list.
     *
     * @param name see the record description
     * @param serial see the record description
     * @param busAddress see the record description
     * @param nominalPower see the record description
     * @param dateTime see the record description
     * @param measurements see the record description
     * @param yieldTotal see the record description
     * @param state see the record description
     */
    public MpPlusXml {
        measurements = List.copyOf(measurements);
    }

    /**
     * One measurement.
     *
     * @param type the type, e.g. {@code AC_Voltage}, {@code DC_Voltage1}, {@code Temp}
     * @param value the value in the canonical unit, or null for no reading
     * @param unit the canonical unit symbol, e.g. {@code V}, {@code °C}, {@code %}
     */
    public record Measurement(String type, Double value, String unit) {}

    /**
     * Decodes the XML document.
     *
     * @param xml the document's bytes (UTF-8)
     * @return the decoded device
     * @throws ProtocolException when it has no {@code Device} element or a value is not a number
     */
    public static MpPlusXml parse(byte[] xml) throws ProtocolException {
        Document doc = Jsoup.parse(new String(xml, StandardCharsets.UTF_8), "", Parser.xmlParser());
        Element device = doc.getElementsByTag("Device").first();
        if (device == null) {
            throw new ProtocolException("not a PIKO MP plus document", -1, "a <Device> element", "none");
        }
        List<Measurement> measurements = new ArrayList<>();
        for (Element m : device.getElementsByTag("Measurement")) {
            String type = m.attr("Type");
            String[] unit = {m.attr("Unit")};
            Double value = value(m, "Value", "Measurement " + type, unit);
            measurements.add(new Measurement(type, value, unit[0]));
        }
        Double yieldTotal = null;
        for (Element y : device.getElementsByTag("Yield")) {
            if (y.attr("Type").equalsIgnoreCase("Produced") && y.attr("Slot").equalsIgnoreCase("Total")) {
                Element v = y.getElementsByTag("YieldValue").first();
                if (v != null) {
                    String[] unit = {y.attr("Unit").isEmpty() ? "Wh" : y.attr("Unit")};
                    yieldTotal = value(v, "Value", "total yield", unit);
                }
                break;
            }
        }
        Element stateElement = device.getElementsByTag("State").first();
        String[] watts = {"W"};
        Double address = value(device, "BusAddress", "Device BusAddress", new String[] {""});
        return new MpPlusXml(
                blankToNull(device.attr("Name")),
                blankToNull(device.attr("Serial")),
                address == null ? null : (int) Math.max(0, Math.min(255, address)),
                value(device, "NominalPower", "Device NominalPower", watts),
                blankToNull(device.attr("DateTime")),
                measurements,
                yieldTotal,
                stateElement == null ? null : blankToNull(stateElement.attr("Value")));
    }

    /**
     * A measurement's value by type.
     *
     * @param type the type, e.g. {@code AC_Voltage}
     * @return the value in its canonical unit, or empty when absent or without a reading
     */
    public Optional<Double> value(String type) {
        return measurements.stream()
                .filter(m -> m.type().equals(type) && m.value() != null)
                .map(Measurement::value)
                .findFirst();
    }

    /**
     * The same data as a {@link PikoStatus}: one phase (AC_*), the DC inputs ({@code DC_Voltage},
     * {@code DC_Voltage1}, …) the document lists, the total yield and the state.
     *
     * @return the status
     */
    public PikoStatus toStatus() {
        Double[][] dc = new Double[4][3];
        boolean[] seen = new boolean[4];
        boolean phase = false;
        for (Measurement m : measurements) {
            Matcher matcher = DC.matcher(m.type());
            if (matcher.matches()) {
                int k = matcher.group(2).isEmpty() ? 1 : Integer.parseInt(matcher.group(2));
                if (k >= 1 && k <= 3) {
                    seen[k] = true;
                    int column = switch (matcher.group(1)) {
                        case "Voltage" -> 0;
                        case "Current" -> 1;
                        default -> 2;
                    };
                    dc[k][column] = m.value();
                }
            } else if (m.type().equals("AC_Voltage")
                    || m.type().equals("AC_Current")
                    || m.type().equals("AC_Power")) {
                phase = true;
            }
        }
        List<PikoStatus.PvString> strings = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            if (seen[k]) {
                strings.add(new PikoStatus.PvString(k, dc[k][0], dc[k][1], dc[k][2]));
            }
        }
        Double acPower = value("AC_Power").orElse(null);
        List<PikoStatus.Phase> phases = phase
                ? List.of(new PikoStatus.Phase(
                        1, value("AC_Voltage").orElse(null), value("AC_Current").orElse(null), acPower))
                : List.of();
        return new PikoStatus(name, null, busAddress, acPower, yieldTotal, null, state, strings, phases);
    }

    /** An attribute's number in its canonical unit (unit[0] is updated), or null when absent or nan. */
    private static Double value(Element e, String attribute, String what, String[] unit) throws ProtocolException {
        if (!e.hasAttr(attribute)) {
            return null;
        }
        String text = e.attr(attribute).strip();
        if (text.isEmpty() || text.equalsIgnoreCase("nan")) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new ProtocolException(what + " is not a number", -1, "a decimal number or nan", text);
        }
        BigDecimal v = new BigDecimal(text);
        switch (unit[0].toLowerCase(Locale.ROOT)) {
            case "kwh" -> {
                unit[0] = "Wh";
                v = v.movePointRight(3);
            }
            case "kw" -> {
                unit[0] = "W";
                v = v.movePointRight(3);
            }
            case "ma" -> {
                unit[0] = "A";
                v = v.movePointLeft(3);
            }
            default -> {}
        }
        return v.doubleValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
