package io.github.solarwire.pvs.transport;

import io.github.solarwire.net.HttpClient;
import io.github.solarwire.net.HttpRequest;
import io.github.solarwire.net.HttpResult;
import io.github.solarwire.net.HttpStatusException;
import io.github.solarwire.pvs.codec.DeviceList;
import io.github.solarwire.pvs.codec.DeviceListEntry;
import io.github.solarwire.pvs.codec.SupervisorInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The PVS's {@code dl_cgi} endpoints: the open {@code supervisor/info} every firmware serves, and
 * the legacy {@code Command=DeviceList} of builds before 61840, which answers slowly (seconds to
 * over a minute: give the HTTP client a long response timeout).
 *
 * <p>Thread-safe.
 */
public final class DlCgiClient {

    private final HttpClient http;
    private final URI base;

    /**
     * Makes a client; nothing is sent until the first call.
     *
     * @param http the HTTP client
     * @param base the PVS's base URI, e.g. {@code http://172.27.153.1}
     */
    public DlCgiClient(HttpClient http, URI base) {
        this.http = Objects.requireNonNull(http, "http");
        String s = Objects.requireNonNull(base, "base").toString();
        this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /**
     * Reads the supervisor's identity and firmware build; needs no login on any firmware.
     *
     * @return the supervisor info
     * @throws HttpStatusException when the PVS answers an error status (404: firmware without this
     *     endpoint)
     * @throws io.github.solarwire.core.ProtocolException when the answer is not a supervisor info
     * @throws IOException when the PVS cannot be reached
     */
    public SupervisorInfo supervisorInfo() throws IOException {
        URI uri = URI.create(base + "/cgi-bin/dl_cgi/supervisor/info");
        return SupervisorInfo.parse(ok(uri, http.send(HttpRequest.get(uri)), "supervisor/info"));
    }

    /**
     * Reads every device with the legacy {@code Command=DeviceList}.
     *
     * @return the devices
     * @throws HttpStatusException when the PVS answers an error status; 403 means the firmware
     *     wants the varserver login (build 61840 and later), or the PVS is wedged and needs a
     *     power cycle, not that a password is wrong
     * @throws io.github.solarwire.core.ProtocolException when the answer is not a DeviceList
     * @throws IOException when the PVS cannot be reached or does not answer in time
     */
    public List<DeviceListEntry> deviceList() throws IOException {
        URI uri = URI.create(base + "/cgi-bin/dl_cgi?Command=DeviceList");
        return DeviceList.parse(ok(uri, http.send(HttpRequest.get(uri)), "DeviceList"));
    }

    private static byte[] ok(URI uri, HttpResult r, String what) throws HttpStatusException {
        if (r.status() == 200) {
            return r.body();
        }
        String hint = r.status() == 403
                ? " (dl_cgi " + what + " is locked: firmware 61840 and later want the varserver login,"
                        + " or the PVS is wedged and needs a power cycle)"
                : r.status() == 404 ? " (this firmware has no " + what + ")" : "";
        throw new HttpStatusException("GET " + uri + ": HTTP " + r.status() + hint, r.status());
    }

    @Override
    public String toString() {
        return "DlCgiClient[" + base + "]";
    }
}
