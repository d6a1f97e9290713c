package io.github.solarwire.solaredge.crypto;

import java.io.IOException;
import java.nio.file.Path;

/** The code shown in this module's README; the core's ReadmeSnippetsTest checks the README shows it. */
final class ReadmeSnippets {

    private ReadmeSnippets() {}

    static byte[] decrypt(Path keyFile, byte[] payload0503, byte[] payload003d) throws IOException {
        // tag::decrypt[]
        InverterKey key = InverterKey.read(keyFile); // 32 hex characters, as sekey writes them
        SessionCipher session = SessionCipher.fromSessionKeyMessage(key, payload0503); // a new 0x0503: a new session
        byte[] inner = session.decrypt(payload003d); // 12 34 56 79 ...: the frame inside the 0x003d
        // end::decrypt[]
        return inner;
    }
}
