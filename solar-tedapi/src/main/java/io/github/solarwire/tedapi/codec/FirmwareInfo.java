package io.github.solarwire.tedapi.codec;

import java.util.List;
import java.util.Objects;

/**
 * The gateway's system info ({@code getSystemInfo}): identity, firmware and radios.
 *
 * @param din the gateway DIN
 * @param partNumber the part number, e.g. {@code 1232100-00-E}
 * @param serialNumber the serial number, e.g. {@code TG123456789ABC}
 * @param version the firmware version text, e.g. {@code 24.12.6-PW3-AFCI 008bf6ff}
 * @param gitHash the firmware git hash: as sent when printable ASCII, else lowercase hex
 * @param deviceType the device type (4 = SITECONTROLLER)
 * @param updateStatus the update state: 1 IDLE, 2 DOWNLOADING, 3 DOWNLOADED, 4 STAGED, 5
 *     COMMITTING, 6 CHECKING (0 when not sent)
 * @param radios the radio modules' legal information
 */
public record FirmwareInfo(
        String din,
        String partNumber,
        String serialNumber,
        String version,
        String gitHash,
        int deviceType,
        int updateStatus,
        List<Radio> radios) {

    /**
     * Checks and copies the values.
     *
     * @param din the DIN
     * @param partNumber the part number
     * @param serialNumber the serial number
     * @param version the version text
     * @param gitHash the git hash
     * @param deviceType the device type
     * @param updateStatus the update state
     * @param radios the radios
     */
    public FirmwareInfo {
        Objects.requireNonNull(din, "din");
        Objects.requireNonNull(partNumber, "partNumber");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(gitHash, "gitHash");
        radios = List.copyOf(radios);
    }

    /**
     * One radio module, e.g. the Quectel BG95-M2 LTE modem.
     *
     * @param company the maker
     * @param model the model
     * @param fccId the FCC id
     * @param ic the ISED (Industry Canada) id
     */
    public record Radio(String company, String model, String fccId, String ic) {
        /**
         * Checks the values.
         *
         * @param company the maker
         * @param model the model
         * @param fccId the FCC id
         * @param ic the ISED id
         */
        public Radio {
            Objects.requireNonNull(company, "company");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(fccId, "fccId");
            Objects.requireNonNull(ic, "ic");
        }
    }
}
