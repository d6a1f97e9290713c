package io.github.solarwire.tedapi;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.github.solarwire.tedapi.codec.QueryRole;
import io.github.solarwire.tedapi.codec.QuerySetVersion;
import io.github.solarwire.tedapi.codec.QuerySets;
import io.github.solarwire.tedapi.proto.FileStoreFile;
import io.github.solarwire.tedapi.proto.FileStoreMessages;
import io.github.solarwire.tedapi.proto.GraphQLError;
import io.github.solarwire.tedapi.proto.GraphQLMessages;
import io.github.solarwire.tedapi.proto.Message;
import io.github.solarwire.tedapi.proto.MessageEnvelope;
import io.github.solarwire.tedapi.proto.QueryResponse;
import io.github.solarwire.tedapi.proto.ReadFileResponse;
import io.github.solarwire.tedapi.transport.TestGateway;
import io.github.solarwire.testkit.TestVectors;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A {@link TestGateway} behaviour that answers the way the shared vectors' fake gateway did: the
 * DIN and the {@code generated/<scenario>/wire/response_*.bin} bodies, read where they are. It
 * classifies every request (config, firmware, or which signed query of which set) and counts the
 * kinds, and can answer one query set with a failed query, as after a signing-key rotation.
 */
final class VectorGateway implements Function<FullHttpRequest, FullHttpResponse> {

    static final String PW3_LEADER = "1707000-11-J--TG1234567890AB";
    static final String PW3_FOLLOWER = "1707000-11-J--TG1234567890CD";

    private final String scenario;
    private final String din;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<ByteString, String> queries = new ConcurrentHashMap<>();

    /** The config.json text to serve instead of the scenario's; null for the scenario's. */
    volatile String config;

    /** The query sets whose queries fail, as after a signing-key rotation. */
    volatile Set<QuerySetVersion> broken = Set.of();

    VectorGateway(String scenario) {
        this.scenario = scenario;
        this.din = new String(bytes("input/din.txt"), StandardCharsets.UTF_8).strip();
        QuerySets sets = QuerySets.shipped();
        for (QuerySetVersion v : QuerySetVersion.values()) {
            for (QueryRole role : QueryRole.values()) {
                // 2024 by role; 2026 by operation, one DeviceControllerQuery answering both status roles
                String kind = v + " " + (v == QuerySetVersion.V2024_06 ? role.name() : role.queryName(v));
                queries.put(ByteString.copyFrom(sets.get(v, role).queryBytes()), kind);
            }
        }
    }

    String din() {
        return din;
    }

    /**
     * How many requests of a kind were answered: {@code din}, {@code config}, {@code firmware},
     * {@code V2024_06 STATUS}, {@code V2024_06 CONTROLLER}, {@code V2024_06 COMPONENTS}, {@code
     * V2026_06 DeviceControllerQuery}, {@code V2026_06 PW3Query}, or a device path.
     */
    int count(String kind) {
        AtomicInteger n = counts.get(kind);
        return n == null ? 0 : n.get();
    }

    /** Every kind answered so far. */
    Set<String> kinds() {
        return Set.copyOf(counts.keySet());
    }

    @Override
    public FullHttpResponse apply(FullHttpRequest request) {
        if (!TestGateway.AUTHORIZATION.equals(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            return TestGateway.response(HttpResponseStatus.FORBIDDEN, "User does not have adequate access rights");
        }
        String uri = request.uri();
        if (uri.equals("/tedapi/din")) {
            counted("din");
            return ok(din + "\n");
        }
        if (!uri.equals("/tedapi/v1") && !uri.startsWith("/tedapi/device/")) {
            return TestGateway.response(HttpResponseStatus.NOT_FOUND, "not found");
        }
        MessageEnvelope envelope;
        try {
            envelope =
                    Message.parseFrom(ByteBufUtil.getBytes(request.content())).getEnvelope();
        } catch (InvalidProtocolBufferException e) {
            return TestGateway.response(HttpResponseStatus.BAD_REQUEST, "not a message");
        }
        switch (envelope.getPayloadCase()) {
            case FILESTORE:
                counted("config");
                return ok(config == null ? bytes("wire/response_config.bin") : configResponse(config));
            case COMMON:
                counted("firmware");
                return ok(bytes("wire/response_firmware.bin"));
            case GRAPHQL:
                String kind =
                        queries.get(envelope.getGraphql().getQueryRequest().getQuery());
                if (kind == null) {
                    return TestGateway.response(HttpResponseStatus.BAD_REQUEST, "unknown query");
                }
                counted(kind);
                if (uri.startsWith("/tedapi/device/")) {
                    counted(uri);
                }
                if (broken.stream().anyMatch(v -> kind.startsWith(v.name()))) {
                    return ok(failedQuery());
                }
                return ok(bytes(queryResponse(kind, uri)));
            default:
                return TestGateway.response(HttpResponseStatus.BAD_REQUEST, "unexpected payload");
        }
    }

    private String queryResponse(String kind, String uri) {
        if (kind.endsWith("STATUS") && kind.startsWith("V2024")) {
            return "wire/response_status.bin";
        }
        if (kind.endsWith("STATUS") || kind.endsWith("CONTROLLER") || kind.endsWith("DeviceControllerQuery")) {
            return "wire/response_controller.bin";
        }
        // the leader's components, direct or routed; the follower's through its own path
        return uri.equals("/tedapi/device/" + PW3_FOLLOWER + "/v1")
                ? "wire/response_components_device.bin"
                : "wire/response_components.bin";
    }

    private static byte[] configResponse(String json) {
        return Message.newBuilder()
                .setEnvelope(MessageEnvelope.newBuilder()
                        .setFilestore(FileStoreMessages.newBuilder()
                                .setReadFileResponse(ReadFileResponse.newBuilder()
                                        .setFile(FileStoreFile.newBuilder()
                                                .setName("config.json")
                                                .setBlob(ByteString.copyFromUtf8(json))))))
                .build()
                .toByteArray();
    }

    /** What a 2026 gateway answers a query whose signature it no longer accepts. */
    private static byte[] failedQuery() {
        return Message.newBuilder()
                .setEnvelope(MessageEnvelope.newBuilder()
                        .setGraphql(GraphQLMessages.newBuilder()
                                .setQueryResponse(QueryResponse.newBuilder()
                                        .setStatus(3)
                                        .addErrors(GraphQLError.newBuilder()
                                                .setCode(2)
                                                .setMessage("UNAUTHORIZED")))))
                .build()
                .toByteArray();
    }

    private void counted(String kind) {
        counts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    private static FullHttpResponse ok(String text) {
        return TestGateway.response(HttpResponseStatus.OK, text);
    }

    private static FullHttpResponse ok(byte[] body) {
        return TestGateway.response(HttpResponseStatus.OK, body);
    }

    byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(
                    TestVectors.directory("tedapi").resolve("generated/" + scenario + "/" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
