package io.github.solarwire.pi30.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A PI30 inverter's USB port, the Cypress HID "USB to Serial" adapter (VID:PID {@code 0665:5161}),
 * through its {@code /dev/hidrawN} device file. The ASCII frames travel in 8-byte HID reports: a
 * request of up to 8 bytes is written as it is, a longer one as 8-byte reports with the last padded
 * with NUL (as mpp-solar writes them, which these adapters are known to take); the reply comes one
 * report per read, and the bytes after its CR are padding. Reports are read as they arrive, with no fixed
 * polling delay, so a QPIGS takes as long as the inverter needs rather than 150 ms per report.
 *
 * <p>The device stays open between exchanges. Opening needs read and write permission on the
 * device file (root, or a udev rule such as {@code KERNEL=="hidraw*", SUBSYSTEM=="hidraw",
 * MODE="0660", GROUP="plugdev"}).
 */
public final class HidrawLink extends StreamLink {

    /** The HID report size of the adapter. */
    public static final int REPORT = 8;

    /**
     * Reports are read and written through two channels: a {@code FileChannel} holds one lock for
     * both directions, so a read blocked waiting for the device would hold up every write.
     */
    private final FileChannel in;

    private final FileChannel out;

    private HidrawLink(Path device, FileChannel in, FileChannel out) {
        super(device.toString());
        this.in = in;
        this.out = out;
    }

    /**
     * Opens a hidraw device (or anything that behaves like one: a udev symlink, a pty in tests).
     *
     * @param device the device file, e.g. {@code /dev/hidraw0}
     * @return the open link
     * @throws IOException when the device cannot be opened; the message says whether it is missing
     *     or not permitted
     */
    public static HidrawLink open(Path device) throws IOException {
        FileChannel in;
        FileChannel out;
        try {
            in = FileChannel.open(device, StandardOpenOption.READ);
            try {
                out = FileChannel.open(device, StandardOpenOption.WRITE);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(device.toString(), null, "no such device; is the inverter plugged in?");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(
                    device.toString(), null, "permission denied; run as root or add a udev rule for hidraw");
        }
        HidrawLink link = new HidrawLink(device, in, out);
        link.startReader();
        return link;
    }

    /**
     * The bytes written for a frame: up to 8 bytes as they are, longer frames as 8-byte reports,
     * the last padded with NUL.
     *
     * @param frame the request frame
     * @return what is written, report by report
     */
    public static byte[] reports(byte[] frame) {
        if (frame.length <= REPORT) {
            return frame.clone();
        }
        return Arrays.copyOf(frame, (frame.length + REPORT - 1) / REPORT * REPORT);
    }

    @Override
    int read(byte[] buffer) throws IOException {
        return in.read(ByteBuffer.wrap(buffer));
    }

    @Override
    void write(byte[] request) throws IOException {
        byte[] reports = reports(request);
        for (int at = 0; at < reports.length; at += REPORT) {
            ByteBuffer report = ByteBuffer.wrap(reports, at, Math.min(REPORT, reports.length - at));
            while (report.hasRemaining()) {
                out.write(report);
            }
        }
    }

    @Override
    void closeChannel() throws IOException {
        try {
            out.close();
        } finally {
            in.close(); // also ends the reader's blocked read
        }
    }
}
