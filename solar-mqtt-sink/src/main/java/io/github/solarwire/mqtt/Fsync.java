package io.github.solarwire.mqtt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Syncs a directory, so that files created, renamed or deleted in it survive a power cut. */
final class Fsync {

    private Fsync() {}

    /** Best effort: not every platform can open a directory (Windows cannot); there it is skipped. */
    static void directory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // nothing more can be done here; the files themselves are synced
        }
    }
}
